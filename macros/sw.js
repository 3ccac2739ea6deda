/* Service worker of the knowledge base: the site keeps working when the network is gone.
 *
 * Generated at build time by macros/offline_hook.py from macros/sw.js; MANIFEST lists every
 * file of this release with its SHA-256. Registered by assets/javascripts/offline.js, only
 * where browsers allow service workers (https, or http://localhost / 127.0.0.1).
 *
 * Strategy: cache first, from one cache per release ("yingsu:<scope>:<release>").
 * - install: precache the shell (pages, search, theme; ~2 MB). Each file is checked against
 *   its SHA-256: a server with a half-copied or mixed deployment fails the install, and the
 *   previous release keeps being served. Files unchanged since the previous release are
 *   copied from its cache instead of downloaded. If the previous release had the calculators'
 *   runtime cached, the new one caches it too (so an update never loses offline calculators).
 * - the runtime (Pyodide and the calculators, ~18 MB) is cached on first use of a calculator: by the fetch handler
 *   when the calculator's worker loads it through this worker, or on the page's request
 *   ("cache-runtime") when the worker started before this service worker took control.
 * - fetch: files of the manifest come from this release's cache (query strings such as ?q=,
 *   ?h= and ?v= ignored); other requests go to the network. Pages are served from the cache
 *   even when online, so a page never mixes files of two releases; the browser checks sw.js
 *   for a new release on every page load, and the page offers to switch (offline.js).
 *   Pyodide's files are the exception while the browser is online and no new release is being
 *   installed or waiting: this worker leaves them to the browser, whose HTTP cache keeps V8's
 *   compiled WebAssembly (a .wasm answered by a service worker is compiled again on every
 *   visit: about a second slower, measured by scripts/bench_runtime.py). They are the pinned
 *   Pyodide version, in a directory named by it (assets/pyodide/<version>/), the same in every
 *   release that does not upgrade it; nothing here revalidates them (a revalidated .wasm lost
 *   its compiled code in Chromium); the calculators (calculators.zip/.json, the snapshot
 *   calculators-snapshot.bin, calc-worker.js) always come from this release's cache, so a page
 *   never runs the rules of another release. Offline, or under OFFLINE_COPY (used by
 *   calc-runtime.js when the server cannot be reached although the browser reports a
 *   network), Pyodide comes from the cache too: OFFLINE_COPY + "assets/pyodide/x" is the
 *   cached "assets/pyodide/x", and the runtime's relative URLs stay under that prefix.
 * - activate: delete the caches of earlier releases of this scope and take control of the
 *   open pages. The first installation activates at once; an update waits until the reader
 *   accepts it ("skip-waiting") or closes every page of the site.
 */
/* eslint-disable no-var */
"use strict";

var MANIFEST = /*MANIFEST*/null;

var SCOPE = self.registration.scope;
var PREFIX = "yingsu:" + SCOPE + ":";
var CACHE = PREFIX + MANIFEST.release;
var HASH_HEADER = "X-Yingsu-Sha256";
var RUNTIME_MARKER = /\/assets\/pyodide\/[^/]+\/pyodide\.asm\.wasm$/; // of any Pyodide version
var PARALLEL = 6;
var OFFLINE_COPY = "assets/offline-copy/"; // the same prefix in calc-runtime.js
var PYODIDE_DIR = "assets/pyodide/";

function absolute(path) {
  return new URL(path, SCOPE).href;
}

/** Manifest key of a URL (path relative to the scope, index.html as its directory), or null. */
function keyOf(href) {
  var url = new URL(href);
  var full = url.origin + url.pathname;
  if (full.indexOf(SCOPE) !== 0) return null;
  var path = full.slice(SCOPE.length);
  if (path === "index.html") return "";
  if (/\/index\.html$/.test(path)) return path.slice(0, -"index.html".length);
  return path;
}

function digestOf(path) {
  if (Object.prototype.hasOwnProperty.call(MANIFEST.shell, path)) return MANIFEST.shell[path];
  if (Object.prototype.hasOwnProperty.call(MANIFEST.runtime, path)) return MANIFEST.runtime[path];
  return null;
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
    return ("0" + b.toString(16)).slice(-2);
  }).join("");
}

function contentType(response) {
  return (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
}

/** The copy to cache of a network response whose body is `body`, if it is this release's
 *  file `path`; otherwise null. A .wasm file with a wrong type is not kept: the page must see
 *  the server's error (and the administrator fix it), not a cached copy of it. */
function verified(path, response, body) {
  return crypto.subtle.digest("SHA-256", body).then(function (digest) {
    if (hex(digest) !== digestOf(path)) return null;
    if (/\.wasm$/.test(path) && contentType(response) !== "application/wasm") return null;
    var headers = new Headers(response.headers);
    headers.delete("Content-Encoding");   // the body is already decoded
    headers.delete("Content-Length");
    headers.set(HASH_HEADER, digestOf(path));
    return new Response(body, { status: 200, statusText: "OK", headers: headers });
  });
}

/** Download `path` and return the verified copy, or throw. Pyodide's files (their directory
 *  is named by version, so their content never changes) come from the HTTP cache when it has
 *  them: revalidating the .wasm there would cost the browser its compiled code of it (see
 *  leftToBrowser). Other files are revalidated; so is a cached copy that fails the check. */
function download(path) {
  var immutable = path.indexOf(PYODIDE_DIR) === 0;
  return fetchVerified(path, immutable ? "default" : "no-cache").then(function (copy) {
    return copy || (immutable ? fetchVerified(path, "no-cache") : null);
  }).then(function (copy) {
    if (!copy) throw new Error(path + ": 服务器上的文件与本版本不一致（部署不完整或正在更新）");
    return copy;
  });
}

function fetchVerified(path, mode) {
  return fetch(absolute(path), { cache: mode, credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error(path + ": HTTP " + response.status);
    return response.arrayBuffer().then(function (body) { return verified(path, response, body); });
  });
}

function otherCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
  });
}

/** The same file (same SHA-256) from the cache of an earlier release, or null. */
function fromEarlierRelease(path) {
  var digest = digestOf(path);
  return otherCaches().then(function (names) {
    return names.reduce(function (found, name) {
      return found.then(function (hit) {
        if (hit) return hit;
        return caches.open(name).then(function (cache) { return cache.match(absolute(path)); }).then(function (r) {
          return r && r.headers.get(HASH_HEADER) === digest ? r : null;
        });
      });
    }, Promise.resolve(null));
  });
}

/** Make sure `cache` holds this release's `path`. */
function ensure(cache, path) {
  return cache.match(absolute(path)).then(function (hit) {
    if (hit && hit.headers.get(HASH_HEADER) === digestOf(path)) return null;
    return fromEarlierRelease(path).then(function (old) {
      return old || download(path);
    }).then(function (copy) {
      return cache.put(absolute(path), copy);
    });
  });
}

/** Run `task` over `items` with at most `limit` at a time; rejects on the first failure. */
function pool(items, limit, task) {
  var next = 0;
  function worker() {
    if (next >= items.length) return Promise.resolve();
    var item = items[next++];
    return task(item).then(worker);
  }
  var runners = [];
  for (var i = 0; i < Math.min(limit, items.length); i++) runners.push(worker());
  return Promise.all(runners);
}

/** Whether an earlier release had the runtime cached (of its own Pyodide version). */
function runtimeWasCached() {
  return otherCaches().then(function (names) {
    return Promise.all(names.map(function (name) {
      return caches.open(name).then(function (cache) { return cache.keys(); }).then(function (requests) {
        return requests.some(function (request) { return RUNTIME_MARKER.test(new URL(request.url).pathname); });
      });
    }));
  }).then(function (hits) { return hits.some(Boolean); });
}

function precache() {
  return Promise.all([caches.open(CACHE), runtimeWasCached()]).then(function (r) {
    var cache = r[0];
    var paths = Object.keys(MANIFEST.shell);
    if (r[1]) paths = paths.concat(Object.keys(MANIFEST.runtime));
    return pool(paths, PARALLEL, function (path) { return ensure(cache, path); });
  });
}

function cacheRuntime() {
  return caches.open(CACHE).then(function (cache) {
    return pool(Object.keys(MANIFEST.runtime), 2, function (path) { return ensure(cache, path); });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(precache().then(function () {
    if (!self.registration.active) return self.skipWaiting(); // first installation: nothing to replace
    return undefined;
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(otherCaches().then(function (names) {
    return Promise.all(names.map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return self.clients.claim();
  }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "skip-waiting") {
    self.skipWaiting();
  } else if (data.type === "cache-runtime") {
    event.waitUntil(cacheRuntime().catch(function (error) {
      console.warn("[sw] 计算器运行环境未能缓存：", error && error.message);
    }));
  }
});

function headOnly(response) {
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Keep a network response of a manifest file in the cache, if it is this release's file. */
function keep(path, response) {
  return response.arrayBuffer().then(function (body) {
    return verified(path, response, body);
  }).then(function (copy) {
    if (!copy) return undefined;
    return caches.open(CACHE).then(function (cache) { return cache.put(absolute(path), copy); });
  }).catch(function () { return undefined; });
}

function offlinePage() {
  return caches.open(CACHE).then(function (cache) { return cache.match(absolute("404.html")); }).catch(function () {
    return null;
  }).then(function (page) {
    if (!page) return Response.error();
    return new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
  });
}

function isRuntime(path) {
  return Object.prototype.hasOwnProperty.call(MANIFEST.runtime, path);
}

/** Pyodide's files while online and while the server holds this release (no newer one is
 *  being installed or waiting to take over). */
function leftToBrowser(path) {
  return path.indexOf(PYODIDE_DIR) === 0 && isRuntime(path) && self.navigator.onLine &&
    !self.registration.installing && !self.registration.waiting;
}

/** A runtime file asked for under OFFLINE_COPY: from this release's cache, never the network. */
function offlineCopy(request, path) {
  return caches.open(CACHE).then(function (cache) { return cache.match(absolute(path)); }).then(function (hit) {
    if (!hit) return Response.error();
    return request.method === "HEAD" ? headOnly(hit) : hit;
  }, function () { return Response.error(); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" && request.method !== "HEAD") return;
  var path = keyOf(request.url);
  if (path === null) return;
  if (path.indexOf(OFFLINE_COPY) === 0 && isRuntime(path.slice(OFFLINE_COPY.length))) {
    event.respondWith(offlineCopy(request, path.slice(OFFLINE_COPY.length)));
    return;
  }
  if (leftToBrowser(path)) return; // the browser's own fetch and HTTP cache
  var navigate = request.mode === "navigate";
  if (digestOf(path) === null) {
    // not a file of this release (a mistyped address, or a newer release's file)
    if (navigate) event.respondWith(fetch(request).catch(offlinePage));
    return;
  }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(absolute(path));
  }).catch(function () {
    return null; // storage unavailable (quota, privacy settings): the network, as without this worker
  }).then(function (hit) {
    if (hit) return request.method === "HEAD" ? headOnly(hit) : hit;
    return fetch(request).then(function (response) {
      if (request.method === "GET" && response.ok) event.waitUntil(keep(path, response.clone()));
      return response;
    }, function (error) {
      if (navigate) return offlinePage();
      throw error;
    });
  }));
});

/* Service worker of the knowledge base: the site keeps working when the network is gone.
 *
 * Generated at build time by macros/offline_hook.py from macros/sw.js; MANIFEST lists every
 * file of this release with its SHA-256 (and the release's version), HEADERS the security
 * headers and types the servers send (macros/security.py). Registered by
 * assets/javascripts/offline.js, only where browsers allow service workers (https, or
 * http://localhost / 127.0.0.1).
 *
 * Rule: no byte is answered for a file of the manifest unless its SHA-256 has just been
 * computed and equals the manifest's. Nothing stored is trusted: other code on the same
 * origin can write into these caches (Cache Storage is per origin, not per path), so every
 * cache hit and every copy taken from an earlier release's cache is hashed again, and the
 * answer's headers are this file's own (type, security policy), never a stored entry's.
 *
 * Strategy: cache first, from one cache per release ("yingsu:<scope>:<release>").
 * - install: precache the shell (pages, search, theme; ~2 MB), each file checked. A server
 *   with a half-copied, mixed or edited deployment fails the install: the pages are told
 *   ("install-failed", with the file), the previous release keeps being served, and the next
 *   visit tries again. Files unchanged since the previous release are copied from its cache
 *   (hashed again) instead of downloaded. If the previous release had the calculators'
 *   runtime cached, the new one caches it too (an update never loses offline calculators).
 * - the runtime (Pyodide and the calculators, ~18 MB) is cached on first use of a calculator:
 *   by the fetch handler when the calculator's worker loads it through this worker, or on the
 *   page's request ("cache-runtime") when the worker started before this one took control.
 * - fetch: files of the manifest come from this release's cache (query strings such as ?q=,
 *   ?h= and ?v= ignored); one that is not cached yet comes from the network and is answered
 *   only if it is this release's file. Otherwise the server already holds another release
 *   (or a damaged file): the answer is 503 "本站正在更新，请刷新页面" (an HTML page for a
 *   navigation), so a page of one release never runs another release's rules. Pages are
 *   served from the cache even when online; the browser checks sw.js for a new release on
 *   every page load, and the page offers to switch (offline.js).
 *   Pyodide's files are the exception while the browser is online and no new release is being
 *   installed or waiting: this worker leaves them to the browser, whose HTTP cache keeps V8's
 *   compiled WebAssembly (a .wasm answered by a service worker is compiled again on every
 *   visit: about a second slower, measured by scripts/bench_runtime.py). They live in a
 *   directory named by their content (assets/pyodide/<version>-<digest>/), so a name never
 *   stands for other bytes; a damaged copy in the HTTP cache is found by the calculators'
 *   worker (calc-worker.js checks the runtime against the stamp and fetches it again). The
 *   calculators (calculators.zip/.json, calculators-snapshot.bin, calc-worker.js) always come
 *   from this release's cache. Offline, or under OFFLINE_COPY (used by calc-runtime.js when the
 *   server cannot be reached although the browser reports a network), Pyodide comes from the
 *   cache too: OFFLINE_COPY + "assets/pyodide/x" is the cached "assets/pyodide/x".
 * - activate: delete the caches of earlier releases of this scope and take control of the
 *   open pages. The first installation activates at once; an update waits until the reader
 *   accepts it ("skip-waiting") or closes every page of the site.
 */
/* eslint-disable no-var */
"use strict";

var MANIFEST = /*MANIFEST*/null;
var HEADERS = /*HEADERS*/null;

var SCOPE = self.registration.scope;
var PREFIX = "yingsu:" + SCOPE + ":";
var CACHE = PREFIX + MANIFEST.release;
var HASH_HEADER = "X-Yingsu-Sha256";     // on the copies this worker answers; informative only, never read
var UPDATING_HEADER = "X-Yingsu-Updating";
var UPDATING_TEXT = "本站正在更新，请刷新页面。";
var RUNTIME_MARKER = /\/assets\/pyodide\/[^/]+\/pyodide\.asm\.wasm$/; // of any Pyodide version
var PARALLEL = 6;
var OFFLINE_COPY = "assets/offline-copy/"; // the same prefix in calc-runtime.js
var PYODIDE_DIR = "assets/pyodide/";

function absolute(path) {
  return new URL(path, SCOPE).href;
}

function has(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
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
  if (has(MANIFEST.shell, path)) return MANIFEST.shell[path];
  if (has(MANIFEST.runtime, path)) return MANIFEST.runtime[path];
  return null;
}

function isRuntime(path) {
  return has(MANIFEST.runtime, path);
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
    return ("0" + b.toString(16)).slice(-2);
  }).join("");
}

/** Whether `body` is this release's file `path` (its SHA-256, computed now). */
function isThisRelease(path, body) {
  return crypto.subtle.digest("SHA-256", body).then(function (digest) { return hex(digest) === digestOf(path); });
}

/** The headers every answer for `path` carries: its type and the site's security headers. */
function headersFor(path) {
  var name = path === "" || /\/$/.test(path) ? "index.html" : path.split("/").pop();
  var dot = name.lastIndexOf(".");
  var type = HEADERS.types[dot >= 0 ? name.slice(dot).toLowerCase() : ""] || "application/octet-stream";
  var headers = new Headers(path === HEADERS.worker ? HEADERS.worker_headers : HEADERS.page_headers);
  headers.set("Content-Type", type);
  return headers;
}

/** The answer for `path` with `body`, which has been checked to be this release's file. */
function copyOf(path, body) {
  var headers = headersFor(path);
  headers.set(HASH_HEADER, digestOf(path));
  return new Response(body, { status: 200, statusText: "OK", headers: headers });
}

function contentType(response) {
  return (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
}

/** This release's `path` from `cache`, hashed now; a wrong entry is deleted. Null if absent. */
function fromCache(cache, path, keepWrong) {
  var url = absolute(path);
  return cache.match(url).then(function (hit) {
    if (!hit) return null;
    return hit.arrayBuffer().then(function (body) {
      return isThisRelease(path, body).then(function (ok) {
        if (ok) return copyOf(path, body);
        console.warn("[sw] 缓存中的文件与本版本不一致，已丢弃：" + path);
        return (keepWrong ? Promise.resolve() : cache.delete(url)).then(function () { return null; });
      });
    });
  });
}

/** A failure naming the file at fault (reported to the pages by reportInstallFailure). */
function mismatch(path, detail) {
  var error = new Error(path + "：" + detail);
  error.path = path;
  return error;
}

/** `path` from the network with fetch options `init`: this release's copy, or null when the
 *  server sends other bytes (or an error status). A .wasm file with a wrong type is not kept:
 *  the page must see the server's error (and the administrator fix it), not a cached copy. */
function fetchVerified(path, init, url) {
  return fetch(url || absolute(path), init).then(function (response) {
    if (!response.ok) return null;
    if (/\.wasm$/.test(path) && contentType(response) !== "application/wasm") return null;
    return response.arrayBuffer().then(function (body) {
      return isThisRelease(path, body).then(function (ok) { return ok ? copyOf(path, body) : null; });
    });
  });
}

/** Download `path` and return the verified copy, or throw. Pyodide's files (their directory
 *  is named by content) come from the HTTP cache when it has them: revalidating the .wasm
 *  there would cost the browser its compiled code of it (see leftToBrowser). Other files are
 *  revalidated; a copy that fails the check is fetched once more past every cache. */
function download(path) {
  var immutable = path.indexOf(PYODIDE_DIR) === 0;
  var options = function (mode) { return { cache: mode, credentials: "same-origin" }; };
  return fetchVerified(path, options(immutable ? "default" : "no-cache")).then(function (copy) {
    return copy || fetchVerified(path, options("reload"));
  }).then(function (copy) {
    if (!copy) throw mismatch(path, "服务器上的文件与本版本不一致（部署不完整、正在更新或被修改）");
    return copy;
  });
}

function otherCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
  });
}

/** The same file (hashed again) from the cache of an earlier release, or null. */
function fromEarlierRelease(path) {
  return otherCaches().then(function (names) {
    return names.reduce(function (found, name) {
      return found.then(function (hit) {
        if (hit) return hit;
        return caches.open(name).then(function (cache) { return fromCache(cache, path, true); });
      });
    }, Promise.resolve(null));
  });
}

/** Make sure `cache` holds this release's `path`. */
function ensure(cache, path) {
  return fromCache(cache, path).then(function (hit) {
    if (hit) return null;
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
  var failed = null;
  function worker() {
    if (failed || next >= items.length) return Promise.resolve();
    var item = items[next++];
    return task(item).then(worker, function (error) { failed = failed || error; throw error; });
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

/** Tell every page of the site (controlled or not) that `message` happened. */
function tellPages(message) {
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage(message); });
  });
}

function reportInstallFailure(error) {
  console.error("[sw] 版本 " + MANIFEST.release + " 未能安装：", error && error.message);
  return tellPages({
    type: "install-failed", release: MANIFEST.release, version: MANIFEST.version || null,
    path: error && error.path !== undefined ? error.path : null, reason: String(error && error.message || error)
  }).catch(function () { return undefined; });
}

self.addEventListener("install", function (event) {
  event.waitUntil(precache().then(function () {
    if (!self.registration.active) return self.skipWaiting(); // first installation: nothing to replace
    return undefined;
  }, function (error) {
    return reportInstallFailure(error).then(function () { throw error; });
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(otherCaches().then(function (names) {
    return Promise.all(names.map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return self.clients.claim();
  }));
});

/** {release, version, complete: every shell file in this release's cache}. */
function status() {
  return caches.open(CACHE).then(function (cache) { return cache.keys(); }).then(function (requests) {
    var held = {};
    requests.forEach(function (request) { held[keyOf(request.url)] = true; });
    var missing = Object.keys(MANIFEST.shell).filter(function (path) { return !held[path]; });
    var runtime = Object.keys(MANIFEST.runtime).every(function (path) { return held[path]; });
    return { release: MANIFEST.release, version: MANIFEST.version || null, complete: missing.length === 0,
             missing: missing.slice(0, 5), runtime: runtime };
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "skip-waiting") {
    self.skipWaiting();
  } else if (data.type === "claim") {
    // a page whose navigation began while this worker was activating is not controlled yet
    event.waitUntil(self.clients.claim());
  } else if (data.type === "status" && event.ports && event.ports[0]) {
    var port = event.ports[0];
    event.waitUntil(status().then(function (s) { port.postMessage(s); },
      function (error) { port.postMessage({ complete: false, error: String(error) }); }));
  } else if (data.type === "cache-runtime") {
    event.waitUntil(cacheRuntime().then(function () {
      return tellPages({ type: "runtime-cached", release: MANIFEST.release });
    }, function (error) {
      console.warn("[sw] 计算器运行环境未能缓存：", error && error.message);
      return tellPages({ type: "runtime-cache-failed", release: MANIFEST.release, path: error && error.path || null });
    }));
  }
});

function headOnly(response) {
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** 503 for a file of this release the server no longer has: an HTML page for a navigation
 *  (it reloads itself, by then under the new release), text for anything else. */
function updating(navigate) {
  var headers = new Headers(HEADERS.page_headers);
  headers.set(UPDATING_HEADER, MANIFEST.release);
  headers.set("Cache-Control", "no-store");
  if (!navigate) {
    headers.set("Content-Type", "text/plain; charset=utf-8");
    return new Response(UPDATING_TEXT, { status: 503, statusText: "Service Unavailable", headers: headers });
  }
  headers.set("Content-Type", "text/html; charset=utf-8");
  var page = '<!doctype html><html lang="zh"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">' +
    "<title>本站正在更新</title></head><body><h1>本站正在更新</h1><p>" + UPDATING_TEXT +
    '页面将在几秒后自动刷新；也可<a href="">点击此处刷新</a>。</p></body></html>';
  return new Response(page, { status: 503, statusText: "Service Unavailable", headers: headers });
}

/** The server has moved on to another release: fetch its sw.js now and, if a newer release is
 *  installed and waiting, let it take over (pages of this release then reload, offline.js). */
function promoteNewRelease() {
  return self.registration.update().catch(function () { return undefined; }).then(function () {
    if (self.registration.waiting) self.registration.waiting.postMessage({ type: "skip-waiting" });
  });
}

function offlinePage() {
  return caches.open(CACHE).then(function (cache) { return fromCache(cache, "404.html"); }).catch(function () {
    return null;
  }).then(function (page) {
    if (!page) return Response.error();
    return new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
  });
}

/** Pyodide's files while online and while the server holds this release (no newer one is
 *  being installed or waiting to take over). */
function leftToBrowser(path) {
  return path.indexOf(PYODIDE_DIR) === 0 && isRuntime(path) && self.navigator.onLine &&
    !self.registration.installing && !self.registration.waiting;
}

/** A runtime file asked for under OFFLINE_COPY: from this release's cache, never the network. */
function offlineCopy(request, path) {
  return caches.open(CACHE).then(function (cache) { return fromCache(cache, path); }).then(function (hit) {
    if (!hit) return Response.error();
    return request.method === "HEAD" ? headOnly(hit) : hit;
  }, function () { return Response.error(); });
}

/** A file of the manifest that is not in the cache: from the network, answered only if it is
 *  this release's (and then kept); else "updating". */
function fromNetwork(event, request, path) {
  var navigate = request.mode === "navigate";
  if (request.method === "HEAD") return fetch(request); // no body to check, nothing kept
  return fetch(request).then(function (response) {
    // the server's own answer for a missing file or a .wasm of the wrong type: the page says
    // what is wrong (calc-worker.js names the file, or the missing type)
    if (!navigate && (response.status === 404 || (response.ok && /\.wasm$/.test(path) &&
        contentType(response) !== "application/wasm"))) return response;
    if (!response.ok) return null;
    return response.arrayBuffer().then(function (body) {
      return isThisRelease(path, body).then(function (ok) { return ok ? copyOf(path, body) : null; });
    });
  }).then(function (copy) {
    if (copy === null && !navigate) {   // maybe a stale HTTP-cache entry: once more, past it
      return fetchVerified(path, { cache: "reload", credentials: "same-origin" }, request.url);
    }
    return copy;
  }).then(function (copy) {
    if (copy && copy.status === 200 && copy.headers.get(HASH_HEADER)) {
      var kept = copy.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(absolute(path), kept); })
        .catch(function () { return undefined; }));
      return copy;
    }
    if (copy) return copy;   // the server's 404
    event.waitUntil(promoteNewRelease());
    return updating(navigate);
  }, function (error) {
    if (navigate) return offlinePage();
    throw error;
  });
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
    return fromCache(cache, path);
  }).catch(function () {
    return null; // storage unavailable (quota, privacy settings): the network, checked
  }).then(function (hit) {
    if (hit) return request.method === "HEAD" ? headOnly(hit) : hit;
    return fromNetwork(event, request, path);
  }));
});

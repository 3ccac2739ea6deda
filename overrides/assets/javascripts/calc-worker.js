/* Web Worker (classic) that runs the project's Python package `calculators` under Pyodide.
 *
 * Started once per visit by calc-runtime.js. Everything it loads comes from this site:
 *   ../pyodide/<version>-<digest>/  Pyodide core files (copied at build time by macros/vendor_hook.py)
 *   ../calculators.json version stamp {archive, sha256, extract_dir, snapshot, lock_info, ...}
 *   ../calculators.zip  the calculators package + chinese_calendar, unpacked into Pyodide's FS
 *   ../calculators-snapshot.bin  Python's memory with the calculators imported (made at build
 *                       time by macros/snapshot.mjs, gzip): Pyodide starts from it instead of
 *                       starting Python, ~2.5 s sooner; without it (or if it fails) Python
 *                       starts as usual and imports the calculators itself
 * Pyodide gets an empty lock file, so it fetches no package index and no packages.
 *
 * Nothing received is trusted without its hash: calculators.zip is checked against the stamp's
 * SHA-256 (fetched once more past every cache if it differs). Pyodide's own files are cached by
 * browsers for a year, so a copy damaged on the way (a visit while the site was being copied)
 * would break the calculators for that long: when the start fails, each of them is fetched
 * again past the browser's cache (cache: "reload", which also replaces the cached copy) and
 * checked against the stamp's core_sha256. If they now match, the page starts a new worker
 * once ("repaired"); if not, the reader is told the site is being updated or incompletely
 * deployed, and what to do. The service worker answers 503 with X-Yingsu-Updating for a file
 * of its release the server no longer has: the reader is told to refresh the page.
 *
 * Progress is real: the bytes of every file of the runtime are counted as they arrive (the
 * calculators' own downloads as they read them; Pyodide's .wasm and standard library through a
 * clone of the response it fetched, which leaves the response itself, and the browser's
 * compiled code of the .wasm kept with it, untouched; the loader scripts when importScripts
 * returns) against the sizes in the stamp, then the steps after the download.
 *
 * Messages in:  {id, name, params}
 * Messages out: {type: "progress", stage, percent, text, loaded?, total?, cached?}
 *                 stage: "check" | "download" | "start" | "prepare" | "ready"; loaded/total in
 *                 bytes; cached: whether the runtime was in the browser's cache already
 *               {type: "ready", calculators: [...], timings: {...}}
 *               {type: "failed", code, message}
 *               {id, ok: true, result} | {id, ok: false, error: {field, message}}
 * Python tracebacks go to the console only; the page gets Chinese messages.
 */
/* global importScripts, loadPyodide */
"use strict";

var WORKER_URL = self.location.href;
var ASSETS_URL = new URL("../", WORKER_URL).href;
var PYODIDE_DIR = "../pyodide/"; // the build writes in the directory: "../pyodide/<version>-<digest>/"
var PYODIDE_URL = new URL(PYODIDE_DIR, WORKER_URL).href;
var scriptStarted = (self.performance && performance.now()) || 0; // ms since the worker was created

var MESSAGES = {
  mime: "服务器未以 application/wasm 类型发送 .wasm 文件，计算器无法启动。请管理员按部署说明配置 MIME 类型。",
  runtimeMissing: "计算器运行环境文件缺失（{file}，HTTP {status}），计算器无法启动。请管理员检查网站是否完整部署。",
  wasmHint: "若该文件确已部署，可能是服务器未配置 .wasm 的 MIME 类型（application/wasm），部分服务器（如 IIS）对未配置类型的文件返回 404。",
  loaderMissing: "计算器运行环境的启动文件无法加载，计算器无法启动。请管理员检查网站是否完整部署。",
  archiveMissing: "计算规则文件缺失（{file}，HTTP {status}），计算器无法启动。请管理员检查网站是否完整部署。",
  network: "下载计算器文件时网络出错（{file}），计算器无法启动。请检查网络后刷新页面重试。",
  runtime: "计算器运行环境启动失败，计算器无法使用。请刷新页面重试；如仍失败，请联系管理员。",
  rules: "计算规则加载失败，计算器无法使用。请联系管理员。",
  updating: "本站正在更新到新版本，本页仍是旧版本：请刷新页面。",
  deploying: "计算器文件与本站当前版本不一致（{file}），可能是网站正在更新或没有完整部署。请稍后刷新页面；如仍出现此提示，请通知网站管理员按部署说明运行部署检查。",
  internal: "计算过程中发生内部错误，未能得出结果。请检查输入后重试；如问题仍然存在，请联系管理员。"
};

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
}

/** A failure that carries the Chinese message shown to the user. */
function Failure(code, message, cause) {
  this.code = code;
  this.message = message;
  this.cause = cause;
}

function progress(stage, percent, text, extra) {
  var message = { type: "progress", stage: stage, percent: percent, text: text };
  Object.keys(extra || {}).forEach(function (key) { message[key] = extra[key]; });
  self.postMessage(message);
}

/* ---- counting the bytes of the download ---- */
var MB = 1024 * 1024;
var download = { loaded: 0, total: 0, cached: null, files: {}, sent: 0, done: false };

function megabytes(n) {
  return (n / MB).toFixed(1);
}

/** Report the download, at most every 100 ms (and when it is complete). */
function reportDownload(force) {
  if (download.done) return;
  var now = since();
  if (!force && now - download.sent < 100) return;
  download.sent = now;
  var total = download.total;
  var text = total ? (download.cached ? "正在读取本机已保存的计算程序 " : "正在下载计算程序 ") +
    megabytes(Math.min(download.loaded, total)) + "/" + megabytes(total) + " MB……" : "正在下载计算程序……";
  progress("download", total ? 10 + 75 * Math.min(download.loaded / total, 1) : 10, text,
           { loaded: download.loaded, total: total, cached: download.cached });
}

/** `n` more bytes of `file` arrived (a file fetched twice, after a damaged copy, counts twice:
 *  the figure shown stops at the total). */
function counted(file, n) {
  download.files[file] = (download.files[file] || 0) + n;
  download.loaded += n;
  if (download.total && download.loaded >= download.total) downloaded();
  else reportDownload(false);
}

/** The stamp's sizes: the total of the download. */
function expectDownload(stamp) {
  var sizes = stamp.core_files || {};
  download.total = Object.keys(sizes).reduce(function (sum, name) { return sum + sizes[name]; }, 0) +
    (stamp.size || 0) + (stamp.snapshot ? stamp.snapshot.size : 0);
  (download.whole || []).forEach(loadedWhole);
  reportDownload(true);
}

/** The download is over (or Pyodide is up without needing more): the steps after it. */
function downloaded() {
  if (download.done) return;
  reportDownload(true);
  download.done = true;
  progress("start", 88, "正在启动计算程序……", { loaded: download.loaded, total: download.total, cached: download.cached });
}

/** A stream that passes `body` on, counting its bytes as `file`. */
function countingStream(body, file) {
  return body.pipeThrough(new TransformStream({
    transform: function (chunk, controller) {
      counted(file, chunk.byteLength);
      controller.enqueue(chunk);
    }
  }));
}

/** Count the bytes of `response` as they arrive, from a clone: the response itself goes to
 *  Pyodide as the browser gave it (a new Response around it would lose the compiled code the
 *  browser keeps with the .wasm). */
function countClone(response, file) {
  if (!response.ok || !response.body || typeof response.clone !== "function") return;
  var reader = response.clone().body.getReader();
  (function pump() {
    reader.read().then(function (part) {
      if (part.done) return;
      counted(file, part.value.byteLength);
      pump();
    }, function () { /* Pyodide reports a broken download itself */ });
  })();
}

/** Pyodide fetches its .wasm and standard library with fetch() and loads its script with
 *  importScripts(): both are watched (not changed) while it starts. */
function watchPyodideDownloads() {
  var plainFetch = self.fetch;
  self.fetch = function (input, init) {
    var url = typeof input === "string" ? input : (input && input.url) || String(input);
    var promise = plainFetch.call(self, input, init);
    var file = url.indexOf(PYODIDE_URL) === 0 ? url.slice(PYODIDE_URL.length).split(/[?#]/)[0] : null;
    if (file === "pyodide.asm.wasm" || file === "python_stdlib.zip") {
      promise.then(function (response) { countClone(response, file); }, function () {});
    }
    return promise;
  };
  var plainImport = self.importScripts;
  self.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments);
    plainImport.apply(self, urls);
    urls.forEach(function (url) {
      var file = String(url).indexOf(PYODIDE_URL) === 0 ? String(url).slice(PYODIDE_URL.length) : null;
      if (file) loadedWhole(file);
    });
  };
}

/** A file read whole (a script): counted at its size in the stamp, once the stamp is here. */
function loadedWhole(file) {
  if (!stampSeen) {
    download.whole = (download.whole || []).concat([file]);
    return;
  }
  var size = (stampSeen.core_files || {})[file];
  if (size && !download.files[file]) counted(file, size);
}

/** Whether Pyodide's script is in the browser's cache already (a later visit: nothing to
 *  download but what changed), asked of the cache alone (no request reaches the server). */
function runtimeCached() {
  return fetch(PYODIDE_URL + "pyodide.asm.js", { cache: "only-if-cached", mode: "same-origin" })
    .then(function (response) {
      if (response.body) response.body.cancel().catch(function () {});
      return response.ok;
    }, function () { return false; });
}

function since() {
  return Math.round((self.performance && performance.now()) || 0);
}

/** Fetch `url` and fail with a plain message on 404s and network errors. */
function fetchChecked(url, file, missingKey, init) {
  return fetch(url, init).then(
    function (response) {
      if (response.status === 503 && response.headers.get("X-Yingsu-Updating")) {
        throw new Failure("updating", MESSAGES.updating);
      }
      if (!response.ok) {
        throw new Failure("missing", fill(MESSAGES[missingKey], { file: file, status: response.status }));
      }
      return response;
    },
    function (error) {
      throw new Failure("network", fill(MESSAGES.network, { file: file }), error);
    }
  );
}

/** HEAD one core file; resolves to its HTTP status, or null if the server cannot be reached.
 *  Used only after a failed start, to say which file is missing. */
function status(file) {
  return fetch(PYODIDE_URL + file, { method: "HEAD", cache: "no-store" }).then(
    function (response) { return response.status; },
    function () { return null; }
  );
}

/** The Failure of a start whose loadPyodide rejected: a core file the server does not have, or
 *  a server that cannot be reached (Pyodide reports both only as a failed start). */
function diagnose(error) {
  var files = ["pyodide.asm.js", "python_stdlib.zip"];
  return Promise.all(files.map(status)).then(function (codes) {
    for (var i = 0; i < files.length; i++) {
      if (codes[i] === null) return new Failure("network", fill(MESSAGES.network, { file: files[i] }), error);
      if (codes[i] === 404 || codes[i] === 410) {
        return new Failure("missing", fill(MESSAGES.runtimeMissing, { file: files[i], status: codes[i] }), error);
      }
    }
    return new Failure("runtime", MESSAGES.runtime, error);
  });
}

/** `py`, once its standard library is in place. Pyodide only logs a failed download of
 *  python_stdlib.zip; started from the snapshot, the calculators would even answer, until
 *  something imported a module the snapshot lacks. A missing core file is reported instead. */
function requireStdlib(py) {
  if (py.FS.readdir("/lib").some(function (name) { return /^python3\d+\.zip$/.test(name); })) return py;
  throw new Error("python_stdlib.zip was not installed");
}

/** What is wrong with the response Pyodide got for pyodide.asm.wasm, or null. */
function wasmProblem(response) {
  if (!response.ok) {
    var message = fill(MESSAGES.runtimeMissing, { file: "pyodide.asm.wasm", status: response.status });
    return new Failure("missing", message + MESSAGES.wasmHint);
  }
  var type = (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
  if (type !== "application/wasm") {
    console.error("[calc-worker] pyodide.asm.wasm served as " + JSON.stringify(type));
    return new Failure("mime", MESSAGES.mime);
  }
  return null;
}

/** A promise that rejects once pyodide.asm.wasm turns out unusable (missing, wrong
 *  Content-Type, unreachable, failing to instantiate) and otherwise never settles. Pyodide
 *  compiles that file with WebAssembly.instantiateStreaming and, when it rejects, only logs
 *  the error and waits forever; so the response Pyodide fetched is checked on its way in. (No request of its own:
 *  a HEAD request for the .wasm, sent through the site's service worker, made Chromium drop
 *  its cached compiled code, and every later visit compiled the 8 MB again.) */
function guardWasm(timings) {
  var streaming = WebAssembly.instantiateStreaming;
  return new Promise(function (_, reject) {
    if (typeof streaming !== "function") return; // Pyodide then reads the bytes and reports errors itself
    WebAssembly.instantiateStreaming = function (source, imports) {
      return Promise.resolve(source).then(function (response) {
        var problem = wasmProblem(response);
        if (problem) {
          reject(problem);
          throw problem;
        }
        timings.wasm_response = since();   // from here to wasm_instance: the rest of the download and the compile
        return streaming.call(WebAssembly, response, imports).then(function (instance) {
          timings.wasm_instance = since();
          return instance;
        }).catch(function (error) {
          reject(new Failure("runtime", MESSAGES.runtime, error)); // Pyodide would only log it
          throw error;
        });
      }, function (error) {
        reject(new Failure("network", fill(MESSAGES.network, { file: "pyodide.asm.wasm" }), error));
        throw error;
      });
    };
  });
}

/** calculators.json, the release's stamp. */
function fetchStamp() {
  return fetchChecked(ASSETS_URL + "calculators.json", "calculators.json", "archiveMissing", { cache: "no-cache" })
    .then(function (response) { return response.json(); });
}

/** SHA-256 of `bytes` as hex: WebCrypto where the page is a secure context (https, localhost);
 *  on a plain-http intranet, where browsers offer no crypto.subtle, the bundled @noble/hashes
 *  (assets/javascripts/vendor/sha256.js, loaded once). */
function sha256(bytes) {
  if (self.crypto && self.crypto.subtle) {
    return crypto.subtle.digest("SHA-256", bytes).then(function (digest) {
      return Array.prototype.map.call(new Uint8Array(digest), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    });
  }
  return new Promise(function (resolve) {
    if (!self.YingsuSha256) importScripts(ASSETS_URL + "javascripts/vendor/sha256.js");
    resolve(self.YingsuSha256(bytes));
  });
}

/** calculators.zip?v=<sha256> as bytes, checked against the stamp (once more past every cache
 *  if it differs). */
function fetchArchive(stamp) {
  var url = ASSETS_URL + stamp.archive + "?v=" + stamp.sha256;
  var get = function (init) {
    return fetchChecked(url, stamp.archive, "archiveMissing", init).then(function (response) {
      return response.body ? new Response(countingStream(response.body, stamp.archive)).arrayBuffer() : response.arrayBuffer();
    })
      .then(function (bytes) { return sha256(bytes).then(function (digest) { return digest === stamp.sha256 ? bytes : null; }); });
  };
  return get(undefined).then(function (bytes) { return bytes || get({ cache: "reload" }); }).then(function (bytes) {
    if (!bytes) throw new Failure("deploying", fill(MESSAGES.deploying, { file: stamp.archive }));
    return { stamp: stamp, bytes: bytes, receivedAt: since() };
  });
}

/** After a failed start: fetch each of Pyodide's files again past the browser's cache (which
 *  keeps them a year) and compare them with the stamp. Resolves to the first file that differs
 *  from this release's, or null when they all match now (a damaged cached copy was replaced). */
function recheckRuntime(stamp) {
  var names = Object.keys(stamp.core_sha256 || {});
  return names.reduce(function (previous, name) {
    return previous.then(function (bad) {
      if (bad) return bad;
      return fetch(PYODIDE_URL + name, { cache: "reload" }).then(function (response) {
        if (!response.ok) return name;
        return response.arrayBuffer().then(sha256).then(function (digest) {
          return digest === stamp.core_sha256[name] ? null : name;
        });
      }, function () { return name; });
    });
  }, Promise.resolve(null));
}

/** The snapshot's memory, decompressed while it downloads (gzip's checksum guards against
 *  damage), of the size the stamp gives; rejects when there is none to use (the worker then
 *  starts Python itself). */
function fetchSnapshot(stamp) {
  var snapshot = stamp.snapshot;
  if (!snapshot) return Promise.reject(new Error("the stamp names no snapshot"));
  if (typeof DecompressionStream !== "function") return Promise.reject(new Error("no DecompressionStream"));
  return fetch(ASSETS_URL + snapshot.file + "?v=" + snapshot.sha256).then(function (response) {
    if (!response.ok) throw new Error(snapshot.file + ": HTTP " + response.status);
    var body = countingStream(response.body, snapshot.file);
    return new Response(body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  }).then(function (memory) {
    if (memory.byteLength !== snapshot.memory) throw new Error(snapshot.file + ": not this release's snapshot");
    return memory;
  });
}

/** `py`, if its memory came from a snapshot of the archive `stamp` names (a deployment that
 *  mixed two releases' files would otherwise run the other release's rules). */
function requireArchive(py, stamp) {
  var made = py.runPython("import calculators.worker; calculators.worker.ARCHIVE_SHA256");
  if (made !== stamp.sha256) throw new Error("the snapshot was made from another calculators.zip: " + made);
  return py;
}

/** Python run once the runtime is up: calculators.worker is then imported (it is already,
 *  when Pyodide started from the snapshot). */
function glue(extractDir) {
  return [
    "import sys",
    "if " + JSON.stringify(extractDir) + " not in sys.path:",
    "    sys.path.insert(0, " + JSON.stringify(extractDir) + ")",
    "import calculators.worker"
  ].join("\n");
}

/** Pyodide, started from the snapshot if `memory` brings one that fits, else by starting
 *  Python (timings.snapshot says which); rejects with a Failure naming what is missing. */
function startPyodide(lockFile, memory, timings) {
  return new Promise(function (resolve, reject) {
    try {
      importScripts(PYODIDE_URL + "pyodide.js");
    } catch (error) {
      // importScripts says the same for a missing file and an unreachable server: ask which
      fetch(PYODIDE_URL + "pyodide.js", { method: "HEAD", cache: "no-store" }).then(
        function (response) {   // there but not runnable: a damaged copy (checked after the start)
          reject(response.ok ? new Failure("runtime", MESSAGES.runtime, error) : new Failure("missing", MESSAGES.loaderMissing, error));
        },
        function () { reject(new Failure("network", fill(MESSAGES.network, { file: "运行环境启动文件" }), error)); }
      );
      return;
    }
    var start = function (snapshot) {
      return loadPyodide({
        indexURL: PYODIDE_URL,
        lockFileContents: lockFile,
        packageBaseUrl: PYODIDE_URL,
        packages: [],
        fullStdLib: false,
        checkAPIVersion: true,
        env: { PYTHONDONTWRITEBYTECODE: "1" },
        _loadSnapshot: snapshot, // a Pyodide option marked private; undefined: start Python
        stdout: function (line) { console.log("[python] " + line); },
        stderr: function (line) { console.warn("[python] " + line); }
      });
    };
    // Pyodide is started at once with the snapshot still on its way (a promise): it begins
    // fetching its .wasm and standard library and runs its script meanwhile, and waits for the
    // snapshot only when it needs the memory (measured on a slow link: the warm first answer
    // about 0.7 s sooner than with the start held back until the snapshot was in). A snapshot
    // that is missing, damaged, of other rules or that Pyodide cannot restore ends that start;
    // Python is then started without it (its files come from the browser's cache, or are
    // fetched again: only on such a broken deployment).
    var withoutSnapshot = function (error) {
      console.warn("[calc-worker] 未使用启动快照，直接启动 Python：", error);
      timings.snapshot = false;
      return start(undefined);
    };
    var made = null;   // the stamp the snapshot came with
    var snapshot = memory.then(function (m) {
      made = m.stamp;
      timings.snapshot_ready = since();
      return m.bytes;
    });
    snapshot.catch(function () {});   // reported through the start it ends
    timings.snapshot = true;
    start(snapshot).then(function (py) { return requireArchive(py, made); })
      .catch(withoutSnapshot).then(requireStdlib).then(resolve, function (error) { diagnose(error).then(reject); });
  });
}

var runCalculator = null; // set once Python is ready
var pending = [];         // requests that arrived before that
var failure = null;
var stampSeen = null;     // calculators.json, once received

function boot() {
  progress("check", 5, "正在检查浏览器环境……");
  var timings = { script: Math.round(scriptStarted) }; // ms since the worker was created
  var wasmGuard = guardWasm(timings);
  var cached = runtimeCached().then(function (yes) {
    download.cached = yes;
    timings.cached = yes;
    reportDownload(true);
  });
  watchPyodideDownloads();
  cached.catch(function () {});
  var stamp = fetchStamp().then(function (s) { stampSeen = s; expectDownload(s); return s; });
  var archive = stamp.then(fetchArchive);
  var memory = stamp.then(function (s) {
    return fetchSnapshot(s).then(function (bytes) { return { bytes: bytes, stamp: s }; });
  });
  archive.catch(function () {}); // reported below, once
  memory.catch(function () {});  // a start without it follows
  wasmGuard.catch(function () {});

  // An empty lock file (ABI info from the build's stamp) instead of pyodide-lock.json:
  // Pyodide then knows no packages and fetches nothing but its core files. Passed as a
  // promise so the runtime download starts at once; a missing stamp is reported by
  // `archive`, so this promise never rejects.
  var lockFile = archive.then(
    function (a) { return { info: a.stamp.lock_info, packages: {} }; },
    function () { return { info: {}, packages: {} }; }
  );
  // Pyodide is started once the stamp is in and the archive's and the snapshot's requests are
  // out: its start runs its 1 MB script synchronously (importScripts), which would otherwise hold
  // back those requests (they need the stamp's digests) by as long — most of a second on a
  // slow PC. (A missing stamp is reported by `archive`; Pyodide starts all the same.)
  var pyodide = stamp.then(function () {}, function () {}).then(function () {
    return startPyodide(lockFile, memory, timings);
  });

  // An unusable .wasm ends the start even while Pyodide hangs.
  var loaded = Promise.race([pyodide, wasmGuard]);

  return Promise.all([loaded, archive]).then(function (results) {
    var py = results[0];
    var a = results[1];
    timings.pyodide = since();
    timings.archive = a.receivedAt;
    downloaded();
    progress("prepare", 94, "正在准备计算器……");
    try {
      py.unpackArchive(a.bytes, "zip", { extractDir: a.stamp.extract_dir });
      timings.unpacked = since();
      py.runPython(glue(a.stamp.extract_dir));
      var worker = py.pyimport("calculators.worker");
      var run = worker.answer;
      var names = worker.NAMES.toJs();
    } catch (error) {
      throw new Failure("rules", MESSAGES.rules, error);
    }
    timings.ready = since();
    runCalculator = function (name, params) {
      return JSON.parse(run(String(name), JSON.stringify(params === undefined ? {} : params)));
    };
    self.postMessage({ type: "ready", calculators: names, timings: timings, sha256: a.stamp.sha256 });
    progress("ready", 100, "计算器已就绪。");
  });
}

function answer(request) {
  if (failure) {
    self.postMessage({ id: request.id, ok: false, error: { field: null, message: failure.message, kind: "startup" } });
    return;
  }
  var reply;
  try {
    reply = runCalculator(request.name, request.params);
  } catch (error) {
    console.error("[calc-worker] " + (error && error.stack || error));
    reply = { ok: false, internal: true };
  }
  if (reply.internal) {
    if (reply.traceback) console.error("[calc-worker] Python 异常：\n" + reply.traceback);
    reply = { ok: false, error: { field: null, message: MESSAGES.internal, kind: "internal" } };
  }
  reply.id = request.id;
  self.postMessage(reply);
}

self.onmessage = function (event) {
  var request = event.data || {};
  if (request.id === undefined) return;
  if (runCalculator || failure) answer(request);
  else pending.push(request);
};

/** The failure to report for a start that failed with `failure`: a start that failed in
 *  Python or WebAssembly may have run on a damaged copy of Pyodide's files; they are fetched
 *  again and checked ("repaired": the page starts a new worker, once). */
function afterFailure(failure) {
  if ((failure.code !== "runtime" && failure.code !== "rules") || !stampSeen || !stampSeen.core_sha256) {
    return Promise.resolve(failure);
  }
  return recheckRuntime(stampSeen).then(function (bad) {
    if (bad === null) return new Failure("repaired", MESSAGES.runtime, failure.cause);
    return new Failure("deploying", fill(MESSAGES.deploying, { file: bad }), failure.cause);
  }, function () { return failure; });
}

boot().then(
  function () {
    pending.splice(0).forEach(answer);
  },
  function (error) {
    var known = error instanceof Failure;
    return afterFailure(known ? error : new Failure("runtime", MESSAGES.runtime, error)).then(function (result) {
      failure = result;
      console.error("[calc-worker] 启动失败（" + failure.code + "）：", failure.cause || error);
      self.postMessage({ type: "failed", code: failure.code, message: failure.message });
      pending.splice(0).forEach(answer);
    });
  }
);

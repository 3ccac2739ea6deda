/* Client side of the calculators' browser runtime (loaded on every page).
 *
 * On a page without a calculator this script does nothing: no fetch, no worker. The
 * runtime starts lazily, once per visit, when an element [data-calculator] is on the page
 * (checked on load and on every page switch of Material's instant navigation, whose
 * JavaScript context persists) or when a page script calls YingsuCalc.run()/start().
 *
 *   YingsuCalc.view(name, params) -> Promise<{result, view}> (calculators/page.py), and
 *   YingsuCalc.ics(deadlinesResult) -> Promise<iCalendar text>, for the calculator pages.
 *   YingsuCalc.run(name, params) -> Promise<result>; rejects with an Error whose
 *       .message is Chinese, .field names the input at fault (or null) and .kind is
 *       "input" (bad input), "internal" (unexpected Python error) or "startup".
 *   YingsuCalc.onStatus(cb) -> unsubscribe function; cb({state, percent, message, stage,
 *       loaded, total, cached}) is called now and on every change. state: "idle" | "loading" |
 *       "ready" | "failed"; while loading, message is the Chinese progress text ("正在下载计算程序
 *       7.2/17.3 MB……", "正在启动计算程序……", "正在准备计算器……"), stage one of calc-worker.js's,
 *       loaded/total the bytes of the download, cached whether the runtime was in the browser's
 *       cache already (false: a first visit, the whole download is ahead).
 *   YingsuCalc.onSettled(cb): cb(status) once, when state is "ready" or "failed".
 *   YingsuCalc.status -> the current {state, percent, message}.
 *   YingsuCalc.start(), YingsuCalc.retry() (after a failure), YingsuCalc.root (site root URL).
 *
 * All URLs are derived from this script's own URL, so the site works under any sub-path.
 *
 * Calculator pages load this script first thing in <head> (overrides/main.html) with
 *   <script src=".../assets/javascripts/calc-runtime.js" data-start="eager"></script>
 * so the runtime starts before the theme's stylesheets and scripts load and run; the copy
 * loaded again at the end of <body> (extra_javascript) then does nothing. On those pages the
 * site search starts only once the runtime is ready or has failed (search-loader.js).
 */
(function () {
  "use strict";

  if (window.YingsuCalc) return; // already set up in this JavaScript context

  var SCRIPT_PATH = "assets/javascripts/calc-runtime.js";
  var START_TIMEOUT_MS = 120000;

  // Minimum versions: those Pyodide 0.29 is tested with (see docs/admin/deploy.md#browsers).
  var UPGRADE = "请使用 Chrome 或 Edge 112、Firefox 112、Safari 16.4 及以上版本的浏览器（360、QQ 等浏览器请切换到极速模式）。" +
    "本站的条文、搜索等其他内容不受影响。";

  var MESSAGES = {
    idle: "计算器尚未启动。",
    starting: "正在启动计算器……",
    noWasm: "当前浏览器不支持计算器所需的运算功能，计算器无法运行。" + UPGRADE,
    oldBrowser: "当前浏览器版本过旧，缺少计算器必需的功能（{features}），计算器无法运行。" + UPGRADE,
    noWorker: "当前浏览器不支持或禁止了后台计算，计算器无法运行。请使用新版浏览器，或请管理员检查浏览器和网站的安全策略是否允许本站的后台计算。",
    fileProtocol: "计算器需要通过网站服务器（http:// 或 https:// 地址）访问，直接打开本地文件时无法运行。请通过内网网址访问本站，或按“部署与维护 → 离线与本地使用”在本机启动简易服务器。",
    workerFailed: "计算器的后台程序无法下载，计算器无法启动。请刷新页面重试；如仍失败，请管理员检查网站是否完整部署。",
    workerCrashed: "计算器后台脚本运行出错，计算器无法启动。请刷新页面重试；如仍失败，请联系管理员。",
    timeout: "计算器启动超时（超过 " + START_TIMEOUT_MS / 1000 + " 秒）。可能是网络过慢，或服务器未正确发送运行环境文件（如 .wasm 文件的 MIME 类型应为 application/wasm）。请刷新页面重试；如仍失败，请联系管理员。",
    ready: "计算器已就绪。"
  };

  // What Pyodide 0.29 uses unconditionally and older browsers lack (Chrome < 95, Firefox < 100,
  // Safari < 15.4): WebAssembly exception handling, 64-bit integer arrays, weak references.
  var FEATURES = [
    ["运算程序的异常处理", function () { return typeof WebAssembly.Tag === "function"; }],
    ["BigInt64Array", function () { return typeof BigInt64Array === "function" && typeof BigUint64Array === "function"; }],
    ["WeakRef", function () { return typeof WeakRef === "function" && typeof FinalizationRegistry === "function"; }],
    ["Object.hasOwn", function () { return typeof Object.hasOwn === "function"; }]
  ];

  function missingFeatures() {
    return FEATURES.filter(function (f) { return !f[1](); }).map(function (f) { return f[0]; });
  }

  var script = document.currentScript;
  var eager = !!(script && script.getAttribute("data-start") === "eager");

  function siteRoot() {
    var src = script && script.src ? script.src.split(/[?#]/)[0] : "";
    var at = src.lastIndexOf(SCRIPT_PATH);
    if (at >= 0) return src.slice(0, at);
    if (window.__md_scope) return new URL(".", window.__md_scope).href; // Material's site root
    return new URL(".", location.href).href;
  }

  var root = siteRoot();
  var WORKER_PATH = "assets/javascripts/calc-worker.js";
  // The service worker (macros/sw.js) answers for the runtime's cached copy under this prefix;
  // the worker's own URLs are relative, so all it loads then comes from that copy.
  var OFFLINE_COPY = "assets/offline-copy/";
  var workerURL = root + WORKER_PATH;
  var status = { state: "idle", percent: 0, message: MESSAGES.idle };
  var listeners = [];
  var worker = null;
  var timer = null;
  var nextId = 1;
  var waiting = {}; // id -> {resolve, reject}

  function setStatus(state, percent, message, extra) {
    status = { state: state, percent: percent, message: message };
    Object.keys(extra || {}).forEach(function (key) { status[key] = extra[key]; });
    listeners.slice().forEach(function (cb) {
      try { cb(status); } catch (error) { console.error(error); }
    });
  }

  function startupError(message) {
    var error = new Error(message);
    error.kind = "startup";
    error.field = null;
    return error;
  }

  function fail(message) {
    if (status.state === "failed") return;
    clearTimeout(timer);
    if (worker) {
      worker.terminate();
      worker = null;
    }
    setStatus("failed", status.percent, message);
    Object.keys(waiting).forEach(function (id) {
      waiting[id].reject(startupError(message));
      delete waiting[id];
    });
  }

  function onMessage(event) {
    if (event.target !== worker) return; // a worker replaced by useOfflineCopy()
    var data = event.data || {};
    if (data.type === "progress") {
      if (status.state === "loading" && data.percent < 100) {
        setStatus("loading", data.percent, data.text, { stage: data.stage, loaded: data.loaded, total: data.total,
                                                         cached: data.cached });
      }
      return;
    }
    if (data.type === "ready") {
      clearTimeout(timer);
      YingsuCalc.calculators = data.calculators;
      YingsuCalc.timings = data.timings;
      setStatus("ready", 100, MESSAGES.ready);
      return;
    }
    if (data.type === "failed") {
      if (data.code === "network" && useOfflineCopy()) return;
      if (data.code === "repaired" && restartOnce()) return;
      if (data.code === "updating" && window.YingsuOffline && typeof window.YingsuOffline.checkNow === "function") {
        window.YingsuOffline.checkNow();   // the new release's update bar appears sooner
      }
      fail(data.message);
      return;
    }
    var entry = waiting[data.id];
    if (!entry) return;
    delete waiting[data.id];
    if (data.ok) {
      entry.resolve(data.result);
    } else {
      var error = new Error(data.error.message);
      error.field = data.error.field;
      error.kind = data.error.kind || "input";
      entry.reject(error);
    }
  }

  /** Why this browser or page cannot run the calculators, or null. */
  function browserProblem() {
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") return MESSAGES.noWasm;
    var missing = missingFeatures();
    if (missing.length) return MESSAGES.oldBrowser.replace("{features}", missing.join("、"));
    if (location.protocol === "file:") return MESSAGES.fileProtocol;
    if (typeof Worker !== "function") return MESSAGES.noWorker;
    return null;
  }

  function onWorkerError(event) {
    console.error("[calc-runtime] worker error:", event.message || event);
    if (event.preventDefault) event.preventDefault();
    if (event.target !== worker) return; // a worker replaced by useOfflineCopy()
    if (status.state !== "loading") return; // after start-up the worker answers every request itself
    if (event.message) {
      fail(MESSAGES.workerCrashed); // the script ran and threw
      return;
    }
    // No message: the script was not run at all. Missing file, or blocked by the browser
    // (e.g. a Content-Security-Policy without worker-src): ask the server which.
    fetch(workerURL, { method: "HEAD", cache: "no-store" }).then(
      function (response) { fail(response.ok ? MESSAGES.noWorker : MESSAGES.workerFailed); },
      function () { if (!useOfflineCopy()) fail(MESSAGES.workerFailed); }
    );
  }

  /** Start the worker (once). Returns false if the browser cannot run it. */
  function start() {
    if (status.state !== "idle") return status.state !== "failed";
    setStatus("loading", 0, MESSAGES.starting);
    YingsuCalc.startedAt = window.performance ? performance.now() : 0;
    var problem = browserProblem();
    if (problem) {
      fail(problem);
      return false;
    }
    try {
      worker = new Worker(workerURL);
    } catch (error) {
      console.error("[calc-runtime] new Worker() failed:", error);
      fail(MESSAGES.noWorker);
      return false;
    }
    worker.onmessage = onMessage;
    worker.onerror = onWorkerError;
    timer = setTimeout(function () { fail(MESSAGES.timeout); }, START_TIMEOUT_MS);
    return true;
  }

  /** The worker found a damaged cached copy of the runtime and replaced it: start a new worker,
      once per page (a second failure is reported as it is). Returns false after the first time. */
  var restarted = false;
  function restartOnce() {
    if (restarted) return false;
    restarted = true;
    clearTimeout(timer);
    if (worker) worker.terminate();
    worker = null;
    status = { state: "idle", percent: 0, message: MESSAGES.idle };
    if (!start()) return true;                     // start() has said why
    Object.keys(waiting).forEach(function (id) {
      worker.postMessage({ id: Number(id), name: waiting[id].name, params: waiting[id].params });
    });
    return true;
  }

  /** The server cannot be reached although the browser reports a network (a laptop on
      another network, the server down): start again from the offline copy, if this page has
      one (a service worker controls it). Returns false if there is none. */
  function useOfflineCopy() {
    if (workerURL !== root + WORKER_PATH || !navigator.serviceWorker || !navigator.serviceWorker.controller) {
      return false;
    }
    clearTimeout(timer);
    if (worker) worker.terminate();
    worker = null;
    workerURL = root + OFFLINE_COPY + WORKER_PATH;
    status = { state: "idle", percent: 0, message: MESSAGES.idle };
    if (!start()) return true;                     // start() has said why
    Object.keys(waiting).forEach(function (id) {   // requests made meanwhile go to the new worker
      worker.postMessage({ id: Number(id), name: waiting[id].name, params: waiting[id].params });
    });
    return true;
  }

  function run(name, params) {
    start();
    if (status.state === "failed") return Promise.reject(startupError(status.message));
    return new Promise(function (resolve, reject) {
      var id = nextId++;
      waiting[id] = { resolve: resolve, reject: reject, name: name, params: params === undefined ? {} : params };
      worker.postMessage({ id: id, name: name, params: params === undefined ? {} : params });
    });
  }

  function retry() {
    if (status.state !== "failed") return;
    status = { state: "idle", percent: 0, message: MESSAGES.idle };
    start();
  }

  function onStatus(cb) {
    listeners.push(cb);
    try { cb(status); } catch (error) { console.error(error); }
    return function () {
      var at = listeners.indexOf(cb);
      if (at >= 0) listeners.splice(at, 1);
    };
  }

  /** Call cb(status) once, when the runtime is ready or has failed (at once if it already is). */
  function onSettled(cb) {
    var done = false;
    var unsubscribe = onStatus(function (current) {
      if (done || (current.state !== "ready" && current.state !== "failed")) return;
      done = true;
      if (unsubscribe) unsubscribe();
      cb(current);
    });
    if (done) unsubscribe();
  }

  /** The result with its presentation model (calculators/page.py): {result, view}. */
  function view(name, params) {
    return run("page.view", { name: name, params: params });
  }

  /** The iCalendar text of a deadlines result. */
  function ics(result, caseName) {
    return run("page.ics", { result: result, stamp: new Date().toISOString(), case_name: caseName || "" })
      .then(function (answer) { return answer.text; });
  }

  var YingsuCalc = {
    run: run,
    view: view,
    ics: ics,
    start: start,
    retry: retry,
    onStatus: onStatus,
    onSettled: onSettled,
    root: root,
    calculators: null,
    timings: null,   // worker's milestones (ms since the worker started), once ready
    startedAt: null  // performance.now() when the runtime was started on this page
  };
  Object.defineProperty(YingsuCalc, "status", { get: function () { return status; }, enumerable: true });
  window.YingsuCalc = YingsuCalc;

  function scan() {
    if (status.state === "idle" && document.querySelector("[data-calculator]")) start();
  }

  // Material's instant navigation swaps the page without reloading this script;
  // document$ emits each new document (and replays the current one). Loaded early in
  // <head>, this script runs before Material's bundle: subscribe once document$ exists.
  var subscribed = false;
  function follow() {
    if (!subscribed && window.document$ && typeof window.document$.subscribe === "function") {
      subscribed = true;
      window.document$.subscribe(scan);
    }
    scan();
  }

  if (eager) start();   // the site search waits for the runtime (search-loader.js)
  // Scan now too: at the end of <body> the page's calculator elements are already parsed.
  follow();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", follow);
})();

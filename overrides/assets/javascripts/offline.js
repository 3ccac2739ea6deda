/* Offline use of the site (loaded on every page).
 *
 * Served over https or from localhost/127.0.0.1, it registers the service worker sw.js at the
 * site root (see macros/sw.js): after the first visit the site keeps working without network.
 * Browsers allow service workers only in such secure contexts; on a plain http://intranet-host
 * address nothing is registered and the site simply works online (no message, no error).
 *
 * - A new release is downloaded in the background; once complete the page shows a bar
 *   "本站已更新" whose button switches to it (every open page of the site then reloads, so no
 *   page runs on a mix of two releases).
 * - It is registered after what the reader came for (the first answer of a calculator, or the
 *   page's load), so the offline copy never slows the first visit down.
 * - When a calculator has started on a page that the service worker did not control yet (the
 *   first visit), the page asks it to cache the calculators' runtime now.
 * - YingsuOffline.mode is "offline-ready" only once the active service worker has confirmed
 *   that its cache holds every page ("status"); "installing" until then, "install-failed" when
 *   the server's files do not match the release (the worker says which: "install-failed"),
 *   "incomplete" when the cache lost files. A failed install is shown: to a reader on an
 *   earlier release ("the new version could not be downloaded complete; you keep the old one")
 *   and to a new reader ("no offline copy"), with the file named in the console for the
 *   administrator. The same check is the administrator's deploy check (scripts/check_deploy.py).
 * - Opened from disk (file://): links to pages get their index.html (browsers show a folder
 *   listing otherwise), and a note says what needs a web server (the calculators).
 *
 * URLs are derived from this script's own URL, so the site works under any sub-path.
 */
(function () {
  "use strict";

  if (window.YingsuOffline) return; // already set up (Material's instant navigation keeps scripts)

  var SCRIPT_PATH = "assets/javascripts/offline.js";
  var UPDATE_CHECK_MS = 30 * 60 * 1000;
  var script = document.currentScript;

  function siteRoot() {
    var src = script && script.src ? script.src.split(/[?#]/)[0] : "";
    var at = src.lastIndexOf(SCRIPT_PATH);
    if (at >= 0) return src.slice(0, at);
    return new URL(".", location.href).href;
  }

  var root = siteRoot();
  var state = { mode: "online", registration: null, error: null, release: null, installFailed: null, runtimeCached: false };
  window.YingsuOffline = state;

  /* ---- opened from disk ---------------------------------------------------------------- */

  var DISK_NOTE = "您正在直接打开本站的文件（未经网站服务器，如从U盘打开）：可以阅读全部页面和条文，也可以搜索；" +
    "计算器需要通过网站服务器访问，请使用内网网址，或按“部署与维护 → 离线与本地使用”在本机启动一个简易服务器。";

  function fixLinks() {
    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (a) {
      var href = a.getAttribute("href");
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#" || href.charAt(0) === "/") return;
      var cut = href.search(/[?#]/);
      var path = cut < 0 ? href : href.slice(0, cut);
      var rest = cut < 0 ? "" : href.slice(cut);
      if (path === "" ) return;
      if (path === "." || path === "..") path += "/";
      if (path.charAt(path.length - 1) === "/") a.setAttribute("href", path + "index.html" + rest);
    });
  }

  function diskNote() {
    if (document.getElementById("disk-note")) return;
    var content = document.querySelector(".md-content__inner") || document.body;
    var note = document.createElement("div");
    note.id = "disk-note";
    note.className = "disk-note";
    note.setAttribute("role", "note");
    note.textContent = DISK_NOTE;
    content.insertBefore(note, content.firstChild);
  }

  if (location.protocol === "file:") {
    state.mode = "file";
    fixLinks();
    diskNote();
    return;
  }

  /* ---- service worker ------------------------------------------------------------------- */

  if (!("serviceWorker" in navigator) || !window.isSecureContext) {
    state.mode = "online-only"; // plain http on an intranet host: browsers allow no service worker
    return;
  }

  var NOTES = {
    update: "本站有新版本，但服务器上的文件与新版本不一致（可能正在更新，或文件被改动），暂未切换：本机仍使用完整的原版本，可照常使用。" +
      "如此提示持续出现，请通知网站管理员运行部署检查。",
    first: "本站的离线副本未能保存：服务器上的文件与本版本不一致（可能正在更新，或文件被改动）。网站仍可在线使用，但断网后无法打开。" +
      "如此提示持续出现，请通知网站管理员运行部署检查。"
  };

  function showNote(text) {
    var bar = document.getElementById("offline-note");
    if (!bar) {
      bar = document.createElement("div");
      bar.id = "offline-note";
      bar.className = "update-bar offline-note";
      bar.setAttribute("role", "status");
      var span = document.createElement("span");
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "知道了";
      close.addEventListener("click", function () { bar.remove(); });
      bar.appendChild(span);
      bar.appendChild(close);
      document.body.appendChild(bar);
    }
    bar.firstChild.textContent = text;
  }

  /** A release's installation failed (the service worker's message, or its worker became
      redundant without being installed). */
  function installFailed(detail) {
    state.installFailed = detail;
    if (window.console) console.warn("[offline] 新版本未能安装（服务器上的文件与清单不一致）：" + (detail.path || "") + " " + (detail.reason || ""));
    if (navigator.serviceWorker.controller) {
      showNote(NOTES.update);
    } else {
      state.mode = "install-failed";
      showNote(NOTES.first);
    }
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "install-failed") installFailed(data);
    else if (data.type === "runtime-cached") state.runtimeCached = true;
  });
  if (typeof navigator.serviceWorker.startMessages === "function") navigator.serviceWorker.startMessages();

  /** The active worker's account of its cache: {release, complete, runtime, ...}. */
  function askStatus(worker) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data || {}); };
      worker.postMessage({ type: "status" }, [channel.port2]);
    });
  }

  var hadController = !!navigator.serviceWorker.controller;
  var reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // A new release took over: reload so that this page is wholly of that release. (The first
    // installation also takes control, of a page that is already of the same release.)
    if (hadController && !reloading) {
      reloading = true;
      location.reload();
    }
    hadController = true;
  });

  function offerUpdate(worker) {
    if (document.getElementById("update-bar")) return;
    var bar = document.createElement("div");
    bar.id = "update-bar";
    bar.className = "update-bar";
    bar.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "本站已更新，新版本已下载。";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "刷新，使用新版本";
    button.addEventListener("click", function () {
      button.disabled = true;
      worker.postMessage({ type: "skip-waiting" });
    });
    bar.appendChild(text);
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  function follow(worker) {
    var installed = false;
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed") {
        installed = true;
        if (navigator.serviceWorker.controller) offerUpdate(worker);
      } else if (worker.state === "redundant" && !installed && !state.installFailed) {
        installFailed({ path: null, reason: "redundant" });
      }
    });
  }

  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    if (registration.installing) follow(registration.installing);
    registration.addEventListener("updatefound", function () {
      if (registration.installing) follow(registration.installing);
    });
  }

  var lastCheck = Date.now();
  function checkForUpdate(now) {
    if (!state.registration || (!now && Date.now() - lastCheck < 5 * 60 * 1000)) return;
    lastCheck = Date.now();
    state.registration.update().catch(function () { /* offline: try again later */ });
  }
  state.checkNow = function () { checkForUpdate(true); };

  var runtimeRequested = false;
  function cacheRuntime() {
    if (runtimeRequested) return;
    runtimeRequested = true;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "cache-runtime" });
    });
  }

  function register() {
    return navigator.serviceWorker.register(root + "sw.js", { scope: root });
  }

  // The offline copy (~2 MB of pages, then the runtime) is downloaded after what the reader
  // came for: on a calculator page once the calculator has started (or failed), elsewhere once
  // the page has loaded; so it never competes with the first answer for network and CPU.
  // Where a service worker already controls the page (any later visit) it registers at once,
  // which only checks for a new release.
  var registered = new Promise(function (resolve) {
    var calculatorPage = window.YingsuCalc && document.querySelector("[data-calculator]");
    if (navigator.serviceWorker.controller) {
      resolve();
    } else if (calculatorPage && typeof window.YingsuCalc.onSettled === "function") {
      window.YingsuCalc.onSettled(function () { resolve(); });
    } else if (document.readyState === "complete") {
      resolve();
    } else {
      window.addEventListener("load", function () { resolve(); });
    }
  }).then(register);

  registered.then(function (registration) {
    if (!registration) { // blocked by policy (or a test harness) without an error
      state.mode = "online-only";
      return;
    }
    if (state.mode !== "install-failed") state.mode = "installing";
    state.registration = registration;
    watch(registration);
    navigator.serviceWorker.ready.then(function (ready) {
      if (!navigator.serviceWorker.controller && ready.active) {
        // this page's navigation began while the worker was activating: ask it to take control
        ready.active.postMessage({ type: "claim" });
      }
      return askStatus(ready.active);
    }).then(function (status) {
      state.release = status.release || null;
      state.runtimeCached = !!status.runtime;
      if (state.mode === "install-failed" && !navigator.serviceWorker.controller) return;
      state.mode = status.complete ? "offline-ready" : "incomplete";
    });
    setInterval(checkForUpdate, UPDATE_CHECK_MS);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") checkForUpdate();
    });
  }, function (error) {
    state.mode = "online-only";
    state.error = String(error && error.message || error);
    if (window.console) console.info("[offline] 未启用离线缓存：" + state.error);
  });

  // Once a calculator is ready its runtime is in the HTTP cache: copy it into the offline cache.
  if (window.YingsuCalc && typeof window.YingsuCalc.onStatus === "function") {
    window.YingsuCalc.onStatus(function (status) {
      if (status.state === "ready") cacheRuntime();
    });
  }
})();

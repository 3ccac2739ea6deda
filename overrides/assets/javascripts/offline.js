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
  var state = { mode: "online", registration: null, error: null };
  window.YingsuOffline = state;

  /* ---- opened from disk ---------------------------------------------------------------- */

  var DISK_NOTE = "您正在直接打开本站的文件（file://）：可以阅读全部页面和条文，也可以搜索；" +
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

  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
      });
    });
  }

  var lastCheck = Date.now();
  function checkForUpdate() {
    if (!state.registration || Date.now() - lastCheck < 5 * 60 * 1000) return;
    lastCheck = Date.now();
    state.registration.update().catch(function () { /* offline: try again later */ });
  }

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
    state.mode = "offline-ready";
    state.registration = registration;
    watch(registration);
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

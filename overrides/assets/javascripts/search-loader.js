/* When and where the site search runs (issue 17). Loaded in <head>, before the theme's bundle.
 *
 * The theme (Material for MkDocs) creates its search worker as the page loads and sends it
 * the index at once. Here that worker is replaced by a stand-in: the theme talks to it as to
 * its own worker, and the real one — the site's engine, search-worker.js — starts only
 *   - when the reader opens search (focus on the search box, the search toggle, the / key), or
 *   - when the page is idle after loading; on a page whose calculator is starting, only once
 *     the calculator is ready or has failed (the engine's start takes CPU from it), or 20 s on.
 * Opened from disk (file://), where browsers refuse workers and fetch(), the same engine runs
 * in the page: its three scripts are added as <script> elements when search is opened.
 *
 * YingsuSearchLoader.answered is the last query whose results the theme has shown (tests and
 * the benchmark wait on it); YingsuSearchLoader.state is "waiting", "starting" or "ready".
 * Everything is derived from this script's own URL, so the site works under any sub-path.
 * No inline script and no eval: works under a Content-Security-Policy of script-src 'self'.
 */
(function () {
  "use strict";

  if (window.YingsuSearchLoader) return;

  var SCRIPT_PATH = "assets/javascripts/search-loader.js";
  var THEME_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;   // the theme's config.search
  var SEARCH_BOX = "[data-md-component=search-query]";
  var CALCULATOR_WAIT_MAX_MS = 20000;
  var IDLE_TIMEOUT_MS = 4000;
  var ENGINE = ["assets/javascripts/vendor/minisearch.js", "assets/javascripts/search-core.js", "search/documents.js"];

  var script = document.currentScript;
  var src = script && script.src ? script.src.split(/[?#]/)[0] : "";
  var root = src.lastIndexOf(SCRIPT_PATH) >= 0 ? src.slice(0, src.lastIndexOf(SCRIPT_PATH)) : new URL(".", location.href).href;

  // timings (ms, performance.now()): started → ready, and for each query its answer's delay
  // from the theme's request to the results on the page (scripts/bench_search.py reads them)
  var loader = { state: "waiting", answered: null, root: root, start: start, startedAt: null, readyAt: null, delays: [] };
  window.YingsuSearchLoader = loader;

  var RealWorker = window.Worker;
  var starters = [];

  function start() {
    if (loader.state === "waiting") {
      loader.state = "starting";
      loader.startedAt = performance.now();
    }
    starters.splice(0).forEach(function (begin) { begin(); });
  }

  /** The theme's messages go to `target.postMessage`; its answers come as "message" events. */
  function standIn() {
    var target = new EventTarget();
    var queue = [];
    var lastQuery = null;
    var askedAt = 0;
    var send = null;
    target.postMessage = function (message) {
      if (message && message.type === 2) {
        lastQuery = message.data;
        askedAt = performance.now();
      }
      if (send) send(message); else queue.push(message);
    };
    target.terminate = function () { queue = []; send = function () {}; };
    function deliver(data) {
      if (data && data.type === 1) {
        loader.state = "ready";
        loader.readyAt = performance.now();
      }
      target.dispatchEvent(new MessageEvent("message", { data: data }));
      // the theme renders the first results while handling the event: they are on the page now
      if (data && data.type === 3) {
        loader.answered = lastQuery;
        loader.delays.push(performance.now() - askedAt);
        if (loader.delays.length > 500) loader.delays.shift();
      }
    }
    starters.push(function () {
      if (send) return;
      send = location.protocol === "file:" ? inPage(deliver) : inWorker(deliver, target);
      queue.splice(0).forEach(send);
    });
    if (loader.state !== "waiting") start();
    return target;
  }

  function inWorker(deliver, target) {
    var worker = new RealWorker(root + "assets/javascripts/search-worker.js");
    worker.onmessage = function (event) { deliver(event.data); };
    worker.onerror = function (event) {
      console.error("[search] worker failed:", event.message || event);
      target.dispatchEvent(new Event("error"));
    };
    return function (message) { worker.postMessage(message); };
  }

  /** The engine in the page (file://): scripts loaded in order, then messages answered. */
  function inPage(deliver) {
    var state = { engine: null };
    var ready = false;
    var waiting = [];
    function handle(message) {
      var reply = window.YingsuSearch.answer(state, message, window.YINGSU_SEARCH_DATA);
      if (reply && reply.type === 3) reply.data.items.forEach(function (group) { group.forEach(onDisk); });
      if (reply) setTimeout(function () { deliver(reply); }, 0);
    }
    (function next(i) {
      if (i === ENGINE.length) {
        ready = true;
        waiting.splice(0).forEach(handle);
        return;
      }
      var tag = document.createElement("script");
      tag.src = root + ENGINE[i];
      tag.onload = function () { next(i + 1); };
      tag.onerror = function () { console.error("[search] cannot load " + ENGINE[i]); };
      document.head.appendChild(tag);
    })(0);
    return function (message) { if (ready) handle(message); else waiting.push(message); };
  }

  /** From disk a folder's URL shows a file listing: point results at its index.html. */
  function onDisk(item) {
    var at = item.location.indexOf("#");
    var path = at < 0 ? item.location : item.location.slice(0, at);
    if (path === "" || path.charAt(path.length - 1) === "/") {
      item.location = path + "index.html" + (at < 0 ? "" : item.location.slice(at));
    }
  }

  if (typeof RealWorker === "function" && typeof EventTarget === "function" && typeof MessageEvent === "function") {
    window.Worker = function Worker(url, options) {
      return THEME_WORKER.test(String(url)) ? standIn() : new RealWorker(url, options);
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  /* ---- when to start -------------------------------------------------------------------- */

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches(SEARCH_BOX)) start();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) start();
  });

  function whenIdle() {
    if (typeof window.requestIdleCallback === "function") {
      window.requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
    } else {
      setTimeout(start, 1000);
    }
  }

  window.addEventListener("load", function () {
    if (location.protocol === "file:") return;   // from disk: only when search is opened
    var calc = window.YingsuCalc;
    if (calc && calc.status && calc.status.state === "loading") {
      calc.onSettled(whenIdle);
      setTimeout(start, CALCULATOR_WAIT_MAX_MS);
    } else {
      whenIdle();
    }
  });
})();

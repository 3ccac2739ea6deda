/* The case ledger's store (IndexedDB database "yingsu-ledger") and the "关联台账案件" control of
   the calculator pages and the documents page. Loaded on every page, before calc-form.js and
   documents.js; opens the database only when a page asks for it.

   IndexedDB, not the service worker's caches: those are per release and deleted on update,
   the database stays across reloads, new releases and browser restarts (same profile). Nothing
   in it is ever sent anywhere.

   window.YingsuLedger (the store):
     list() -> Promise<[record]>; get(id); save(record) -> Promise<record> (new id if none);
     patch(id, changes) -> Promise<record> (changes: {field: value}; null/"" removes the field);
     saveMany(records, {replace}) -> Promise (one transaction: all stored, or none);
     remove(id); settings() / saveSettings(obj); backupState() -> {changed, exported};
     markExported(); current() / choose(id) (the case the calculator pages use);
     describe() -> Promise<{title, detail, items}> and clearAll() -> Promise, for the
     site-wide "清除本机数据"; message(error) -> the Chinese words for a failed write;
     onChange(cb) -> unsubscribe (cb() after every write from this page).
   window.YingsuCases.attach(element, adapter) -> {active(), id(), caseNumber()}: the case control of one form
     (element carries data-case-fields: page field -> record field where the names differ).
     adapter: fill(values|null, lists) — show a case's facts (null: the page's own saved input),
     changed() — recompute, lists() — optional, the documents page's lists (LIST_FIELDS).
   Everything rendered uses textContent / createElement, never innerHTML. */
(function () {
  "use strict";

  var DB_NAME = "yingsu-ledger";
  var DB_VERSION = 1;
  var CURRENT_KEY = "yingsu:ledger:current";
  var LIST_FIELDS = ["agents", "evidence", "plaintiff_evidence"];   // the documents page's lists
  var WRITE_DELAY_MS = 300;
  var dbPromise = null;
  var listeners = [];

  function el(tag, className, text) { return window.Yingsu.el(tag, className, text); }

  function open() {
    if (dbPromise) return dbPromise;
    dbPromise = new Promise(function (resolve, reject) {
      if (!window.indexedDB) {
        reject(storeError("unavailable"));
        return;
      }
      var request;
      try { request = indexedDB.open(DB_NAME, DB_VERSION); } catch (e) { reject(storeError("unavailable")); return; }
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains("cases")) db.createObjectStore("cases", { keyPath: "id" });
        if (!db.objectStoreNames.contains("meta")) db.createObjectStore("meta", { keyPath: "key" });
      };
      request.onsuccess = function () {
        var db = request.result;
        db.onversionchange = function () { db.close(); dbPromise = null; }; // clearAll() in another tab
        resolve(db);
      };
      request.onerror = function () { reject(storeError("unavailable", request.error)); };
      request.onblocked = function () { reject(storeError("blocked")); };
    });
    dbPromise.catch(function () { dbPromise = null; });
    return dbPromise;
  }

  var WORDS = {
    quota: "本机浏览器的存储空间已满，本次修改未能保存；此前已保存的案件不受影响。请先导出备份，再在浏览器设置中清理其他网站的数据，或删除不需要的案件后重试。",
    unavailable: "本浏览器不能在本机保存台账（可能处于无痕/隐私模式，或禁用了网站数据）。请使用普通窗口，或请管理员检查浏览器设置。",
    blocked: "台账正在另一个窗口中更新，请关闭本站的其他窗口后重试。",
    failed: "台账未能保存，请重试；已保存的案件不受影响。"
  };

  function storeError(kind, cause) {
    var error = new Error(WORDS[kind] || WORDS.failed);
    error.kind = kind;
    error.cause = cause;
    return error;
  }

  /** The Chinese words for a failed read or write. */
  function message(error) {
    if (!error) return WORDS.failed;
    if (error.kind && WORDS[error.kind]) return WORDS[error.kind];
    var name = error.name || (error.cause && error.cause.name) || "";
    if (name === "QuotaExceededError" || /quota/i.test(String(error.message))) return WORDS.quota;
    return WORDS.failed;
  }

  /** Run `work(stores)` in one transaction; resolves with its result once committed. */
  function transaction(names, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx, result;
        try {
          tx = db.transaction(names, mode);
          var stores = {};
          names.forEach(function (n) { stores[n] = tx.objectStore(n); });
          result = work(stores);
        } catch (error) {
          if (tx) try { tx.abort(); } catch (e) { /* already finished */ }
          reject(classify(error));
          return;
        }
        tx.oncomplete = function () {
          if (mode === "readwrite") notify();
          resolve(result ? result.value : undefined);   // work() returns a box {value} or nothing
        };
        tx.onabort = function () { reject(classify(tx.error)); };   // a failed write aborts it all
      });
    });
  }

  function classify(error) {
    if (error && error.kind) return error;
    var name = error && error.name;
    return storeError(name === "QuotaExceededError" ? "quota" : "failed", error);
  }

  function notify() {
    listeners.slice().forEach(function (cb) { try { cb(); } catch (e) { console.error(e); } });
  }

  function request(req, box) {
    req.onsuccess = function () { box.value = req.result; };
    return box;
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "c" + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  function list() {
    return transaction(["cases"], "readonly", function (s) { return request(s.cases.getAll(), {}); })
      .then(function (all) { return all || []; });
  }

  function get(id) {
    return transaction(["cases"], "readonly", function (s) { return request(s.cases.get(id), {}); });
  }

  function stamp(meta) {
    meta.put({ key: "changed", value: new Date().toISOString() });
  }

  function save(record) {
    var copy = JSON.parse(JSON.stringify(record));
    if (!copy.id) copy.id = newId();
    copy.updated = new Date().toISOString();
    return transaction(["cases", "meta"], "readwrite", function (s) {
      s.cases.put(copy);
      stamp(s.meta);
      return { value: copy };
    });
  }

  function patch(id, changes) {
    var out = {};
    return transaction(["cases", "meta"], "readwrite", function (s) {
      var req = s.cases.get(id);
      req.onsuccess = function () {
        var record = req.result;
        if (!record) return; // deleted meanwhile: nothing to change
        Object.keys(changes).forEach(function (k) {
          var v = changes[k];
          if (v === null || v === undefined || v === "") delete record[k];
          else record[k] = v;
        });
        record.updated = new Date().toISOString();
        s.cases.put(record);
        stamp(s.meta);
        out.value = record;
      };
      return out;
    });
  }

  function saveMany(records, options) {
    var replace = !!(options && options.replace);
    var copies = records.map(function (r) {
      var c = JSON.parse(JSON.stringify(r));
      if (!c.id) c.id = newId();
      c.updated = new Date().toISOString();
      return c;
    });
    return transaction(["cases", "meta"], "readwrite", function (s) {
      if (replace) s.cases.clear();
      copies.forEach(function (c) { s.cases.put(c); });
      stamp(s.meta);
      return { value: copies.length };
    });
  }

  function remove(id) {
    return transaction(["cases", "meta"], "readwrite", function (s) {
      s.cases.delete(id);
      stamp(s.meta);
    });
  }

  function metaGet(key) {
    return transaction(["meta"], "readonly", function (s) { return request(s.meta.get(key), {}); })
      .then(function (entry) { return entry ? entry.value : null; });
  }

  function metaPut(key, value, touch) {
    return transaction(["meta"], "readwrite", function (s) {
      s.meta.put({ key: key, value: value });
      if (touch) stamp(s.meta);
    });
  }

  function settings() { return metaGet("settings").then(function (v) { return v || {}; }); }
  function saveSettings(value) { return metaPut("settings", value, true); }

  /** {changed, exported}: ISO times of the last change and of the last export (or null). */
  function backupState() {
    return Promise.all([metaGet("changed"), metaGet("exported")]).then(function (v) {
      return { changed: v[0], exported: v[1] };
    });
  }

  function markExported() { return metaPut("exported", new Date().toISOString(), false); }

  function current() {
    try { return localStorage.getItem(CURRENT_KEY) || null; } catch (e) { return null; }
  }

  function choose(id) {
    try {
      if (id) localStorage.setItem(CURRENT_KEY, id);
      else localStorage.removeItem(CURRENT_KEY);
    } catch (e) { /* storage disabled: the choice lasts for this page only */ }
  }

  /** What the site-wide "清除本机数据" deletes of the ledger, in words. */
  function describe() {
    return list().then(function (all) {
      return {
        title: "应诉案件台账",
        database: DB_NAME,
        cases: all.length,
        detail: "本机浏览器中保存的应诉案件台账：" + all.length + " 件案件及本机关名称、类别设置",
        items: all.map(function (r) { return r.case_number || "（无案号）"; })
      };
    }, function () {
      return { title: "应诉案件台账", database: DB_NAME, cases: 0, detail: "本机浏览器中没有保存应诉案件台账", items: [] };
    });
  }

  /** Delete the whole database (every case and the settings) and the chosen case. */
  function clearAll() {
    choose(null);
    var pending = dbPromise;
    dbPromise = null;
    return (pending ? pending.then(function (db) { db.close(); }, function () {}) : Promise.resolve()).then(function () {
      return new Promise(function (resolve, reject) {
        if (!window.indexedDB) { resolve(); return; }
        var req = indexedDB.deleteDatabase(DB_NAME);
        req.onsuccess = function () { notify(); resolve(); };
        req.onerror = function () { reject(storeError("failed", req.error)); };
        req.onblocked = function () { reject(storeError("blocked")); };
      });
    });
  }

  function onChange(cb) {
    listeners.push(cb);
    return function () {
      var at = listeners.indexOf(cb);
      if (at >= 0) listeners.splice(at, 1);
    };
  }

  /** Case number and the first plaintiff's name, for lists. */
  function caseTitle(record) {
    var first = String(record.plaintiffs || "").split("\n")[0].split(/[，,（(：:]/)[0].trim();
    return (record.case_number || "（无案号）") + (first ? "　" + first : "");
  }

  window.YingsuLedger = {
    list: list, get: get, save: save, patch: patch, saveMany: saveMany, remove: remove,
    settings: settings, saveSettings: saveSettings, backupState: backupState, markExported: markExported,
    current: current, choose: choose, describe: describe, clearAll: clearAll, message: message,
    onChange: onChange, caseTitle: caseTitle, database: DB_NAME
  };

  /* ---- the case control of a calculator page ---- */

  function siteRoot() {
    return (window.YingsuCalc && window.YingsuCalc.root) || new URL(".", location.href).href;
  }

  function attach(element, adapter) {
    var aliases = JSON.parse(element.getAttribute("data-case-fields") || "{}");
    var caseId = null;
    var pending = {};
    var timer = null;
    var bar = el("div", "ledger-link");
    bar.setAttribute("data-case-control", "");
    var label = el("label", null, "关联台账案件");
    var select = el("select");
    select.id = "ledger-case-" + (element.getAttribute("data-calculator") || "page");
    label.htmlFor = select.id;
    select.setAttribute("data-case-select", "");
    var state = el("span", "ledger-link-state");
    state.setAttribute("role", "status");
    var manage = el("a", "ledger-link-manage", "管理台账");
    manage.href = siteRoot() + "ledger/";
    bar.appendChild(label);
    bar.appendChild(select);
    bar.appendChild(manage);
    bar.appendChild(state);
    var status = element.querySelector("[data-calc-status]");
    if (status && status.parentNode) status.parentNode.insertBefore(bar, status.nextSibling);
    else element.insertBefore(bar, element.firstChild);

    function recordName(name) { return aliases[name] || name; }

    function options(records) {
      select.textContent = "";
      var none = el("option", null, "不关联（单独填写）");
      none.value = "";
      select.appendChild(none);
      records.sort(function (a, b) { return String(b.complaint_served || "").localeCompare(String(a.complaint_served || "")); });
      records.forEach(function (r) {
        var o = el("option", null, caseTitle(r));
        o.value = r.id;
        select.appendChild(o);
      });
    }

    /** The record's facts under this page's field names. */
    function values(record) {
      var out = {};
      element.querySelectorAll("[name]").forEach(function (input) {
        var key = recordName(input.name);
        if (Object.prototype.hasOwnProperty.call(record, key)) out[input.name] = record[key];
      });
      return out;
    }

    var caseNumber = "";

    function show(record) {
      caseId = record ? record.id : null;
      caseNumber = record ? String(record.case_number || "") : "";
      if (record) {
        var lists = {};
        LIST_FIELDS.forEach(function (n) { if (Array.isArray(record[n])) lists[n] = record[n]; });
        adapter.fill(values(record), lists);
        state.textContent = "本页读取并保存这件案件的情况，其他页面共用。";
      } else {
        adapter.fill(null, {});
        state.textContent = "";
      }
      adapter.changed();
    }

    function flush() {
      timer = null;
      if (!caseId) return;
      var changes = pending;
      pending = {};
      if (!Object.keys(changes).length) return;
      window.YingsuLedger.patch(caseId, changes).then(function () {
        state.textContent = "已保存到台账中的本案。";
      }, function (error) {
        state.textContent = message(error);
        state.classList.add("ledger-link-error");
      });
    }

    function note(event) {
      if (!caseId) return;
      var target = event.target;
      if (target === select) return;
      if (target.name && target.type !== "file") {
        pending[recordName(target.name)] = target.type === "checkbox" ? target.checked : target.value;
      }
      if (adapter.lists && target.closest && target.closest("[data-rows], [data-add], [data-remove]")) {
        var lists = adapter.lists();
        LIST_FIELDS.forEach(function (n) { if (lists[n]) pending[n] = lists[n]; });
      }
      clearTimeout(timer);
      timer = setTimeout(flush, WRITE_DELAY_MS);
    }

    element.addEventListener("input", note);
    element.addEventListener("change", note);
    if (adapter.lists) element.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("[data-add], [data-remove]")) setTimeout(function () { note(event); }, 0);
    });
    window.addEventListener("pagehide", flush);
    select.addEventListener("change", function () {
      flush();
      var id = select.value || null;
      choose(id);
      if (!id) { show(null); return; }
      get(id).then(function (record) { show(record || null); }, function (error) { state.textContent = message(error); });
    });

    list().then(function (records) {
      options(records);
      var id = current();
      var chosen = records.filter(function (r) { return r.id === id; })[0];
      if (chosen) {
        select.value = chosen.id;
        show(chosen);
      } else if (!records.length) {
        state.textContent = "台账中还没有案件。";
      }
    }, function (error) {
      bar.hidden = !!(error && error.kind === "unavailable");
      state.textContent = message(error);
    });

    return { active: function () { return !!caseId; }, id: function () { return caseId; },
             caseNumber: function () { return caseNumber; } };
  }

  window.YingsuCases = { attach: attach };
})();

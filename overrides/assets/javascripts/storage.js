/* What the site keeps in the reader's browser, in one place (window.Yingsu.store), loaded after
   dom.js and before the page scripts that store anything.

   Every write is checked: save() returns {ok, reason} and the caller tells the reader when
   nothing was saved (storage full or disabled), never silently. clearAll() removes everything
   the site stores — the list below — and nothing else of the origin; confirmClear() asks once,
   listing what will be deleted. A new kind of stored data is added to KINDS, so that "清除本机
   数据" covers it and says so.

   The offline copy (service worker caches) holds only the site's own files, no input: it is
   not "data" and is kept (the browser's site settings remove it). */
(function () {
  "use strict";

  // What the site stores: label shown to the reader, and how to recognise it.
  var LEDGER_DB = "yingsu-ledger";   // the case ledger's IndexedDB database (once it exists)
  var KINDS = [
    { id: "calc", label: "计算器中填写的内容", key: function (k) { return k.indexOf("yingsu:calc:") === 0; } },
    { id: "documents", label: "应诉文书草稿", key: function (k) { return k.indexOf("yingsu:documents:") === 0; } },
    { id: "quiz", label: "培训自测的作答记录", key: function (k) { return k.indexOf("yingsu.quiz.") === 0; } },
    { id: "other", label: "本站的其他设置", key: function (k) {
      return k.indexOf("yingsu") === 0 || (scopePrefix() !== null && k.indexOf(scopePrefix()) === 0);
    } },
    { id: "ledger", label: "案件台账", database: LEDGER_DB }
  ];

  /** The theme's own keys (search, colour scheme ...) start with the site's path and "." */
  function scopePrefix() {
    return window.__md_scope ? window.__md_scope.pathname + "." : null;
  }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }   // disabled by policy
  }

  function kindOf(key) {
    for (var i = 0; i < KINDS.length; i++) {
      if (KINDS[i].key && KINDS[i].key(key)) return KINDS[i];
    }
    return null;
  }

  /** Why a write failed, in the reader's words. */
  function reasonOf(error) {
    var name = error && error.name;
    if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || (error && error.code === 22)) {
      return "浏览器为本站保留的存储空间已满";
    }
    return "浏览器禁止本站在本机保存数据";
  }

  /** Store `value` (JSON) under `key`: {ok: true} or {ok: false, reason}. */
  function save(key, value) {
    var s = storage();
    if (!s) return { ok: false, reason: reasonOf(null) };
    try {
      s.setItem(key, JSON.stringify(value));
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  }

  /** The value stored under `key`, or null (none, unreadable or not JSON). */
  function load(key) {
    var s = storage();
    if (!s) return null;
    try { return JSON.parse(s.getItem(key) || "null"); } catch (e) { return null; }
  }

  function remove(key) {
    var s = storage();
    if (!s) return false;
    try { s.removeItem(key); return true; } catch (e) { return false; }
  }

  function siteKeys() {
    var s = storage();
    if (!s) return [];
    var keys = [];
    try {
      for (var i = 0; i < s.length; i++) {
        var key = s.key(i);
        if (key !== null && kindOf(key)) keys.push(key);
      }
    } catch (e) { /* storage disabled meanwhile */ }
    return keys;
  }

  /** Whether the ledger's database exists (false where the browser cannot tell: it is then
      deleted anyway by clearAll, which costs nothing). */
  function ledgerExists() {
    if (!window.indexedDB || typeof indexedDB.databases !== "function") return Promise.resolve(false);
    return indexedDB.databases().then(function (list) {
      return list.some(function (db) { return db.name === LEDGER_DB; });
    }, function () { return false; });
  }

  /** [{id, label, count}] of what is stored now, in KINDS order. */
  function inventory() {
    var counts = {};
    siteKeys().forEach(function (key) {
      var kind = kindOf(key);
      counts[kind.id] = (counts[kind.id] || 0) + 1;
    });
    return ledgerExists().then(function (ledger) {
      if (ledger) counts.ledger = 1;
      return KINDS.filter(function (k) { return counts[k.id]; }).map(function (k) {
        return { id: k.id, label: k.label, count: counts[k.id] };
      });
    });
  }

  function deleteDatabase(name) {
    return new Promise(function (resolve) {
      if (!window.indexedDB) { resolve(true); return; }
      var request;
      try { request = indexedDB.deleteDatabase(name); } catch (e) { resolve(false); return; }
      request.onsuccess = function () { resolve(true); };
      request.onerror = function () { resolve(false); };
      request.onblocked = function () { resolve(false); };   // open in another tab: reported
    });
  }

  /** Delete everything the site stores. Resolves to {ok, left: [labels not deleted]}. */
  function clearAll() {
    var left = [];
    siteKeys().forEach(function (key) {
      if (!remove(key)) left.push(kindOf(key).label);
    });
    return ledgerExists().then(function (exists) {
      return deleteDatabase(LEDGER_DB).then(function (done) {
        if (!done && exists) left.push("案件台账");
        return { ok: left.length === 0, left: left };
      });
    });
  }

  function describe(items) {
    return items.map(function (item) {
      return item.label + (item.id === "calc" && item.count > 1 ? "（" + item.count + " 个计算器）" : "");
    }).join("、");
  }

  /** Ask once, next to `anchor`, whether to delete everything the site stores, listing it;
      on "确认清除" delete it and call done({ok, left, deleted}); on "取消" nothing happens. */
  function confirmClear(anchor, done) {
    var el = window.Yingsu.el;
    var existing = document.getElementById("clear-confirm");
    if (existing) existing.remove();
    inventory().then(function (items) {
      var box = el("div", "admonition warning clear-confirm");
      box.id = "clear-confirm";
      box.setAttribute("role", "alertdialog");
      box.setAttribute("aria-label", "清除本机数据");
      var text = items.length
        ? "将从本机浏览器中删除本站保存的全部数据：" + describe(items) + "。删除后不能恢复；需要保留的，请先导出。"
        : "本机浏览器中没有本站保存的数据。";
      box.appendChild(el("p", null, text));
      var actions = el("div", "calc-actions");
      var yes = el("button", "md-button md-button--primary", items.length ? "确认清除" : "好的");
      yes.type = "button";
      yes.setAttribute("data-clear-confirm", "");
      var no = el("button", "md-button", "取消");
      no.type = "button";
      no.setAttribute("data-clear-cancel", "");
      actions.appendChild(yes);
      if (items.length) actions.appendChild(no);
      box.appendChild(actions);
      var host = anchor.closest(".calc-actions") || anchor;   // below the row of buttons
      host.parentNode.insertBefore(box, host.nextSibling);
      yes.focus();
      no.addEventListener("click", function () { box.remove(); anchor.focus(); });
      yes.addEventListener("click", function () {
        box.remove();
        if (!items.length) return;
        clearAll().then(function (result) {
          result.deleted = describe(items);
          done(result);
        });
      });
    });
  }

  window.Yingsu.store = {
    save: save, load: load, remove: remove, inventory: inventory, clearAll: clearAll,
    confirmClear: confirmClear, LEDGER_DB: LEDGER_DB
  };
})();

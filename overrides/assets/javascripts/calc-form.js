/* Calculator pages: reads the form built at build time (macros/calculator_pages.py), runs the
   calculator in the browser through YingsuCalc (calc-runtime.js) as the user types, shows the
   Chinese error next to the field at fault, renders the presentation model made by
   calculators/present.py, keeps inputs in localStorage (Yingsu.store: a failed save is shown
   under the form) and offers the .ics download. "清除本机数据" deletes everything the site
   stores, after asking once with the list (Yingsu.store.confirmClear).
   Nothing typed here leaves the browser. Everything rendered goes through textContent. */
(function () {
  "use strict";

  var STORAGE_PREFIX = "yingsu:calc:";
  var DEBOUNCE_MS = 200;
  var el = Yingsu.el, todayISO = Yingsu.todayISO, citation = Yingsu.citation, download = Yingsu.download;

  /* ---- reading and restoring the form ---- */
  function fields(form) {
    return Array.prototype.slice.call(form.querySelectorAll("[data-field]"));
  }

  function control(box) {
    return box.querySelector("input, select");
  }

  function visible(form, box) {
    var cond = box.getAttribute("data-show-if");
    if (!cond) return true;
    var other = form.querySelector('[name="' + cond + '"]');
    var want = JSON.parse(box.getAttribute("data-show-if-value"));
    var have = other.type === "checkbox" ? other.checked : other.value;
    return have === want;
  }

  function readParams(form) {
    var params = {};
    fields(form).forEach(function (box) {
      var input = control(box);
      var show = visible(form, box);
      box.hidden = !show;
      if (!show) return;
      var kind = input.getAttribute("data-kind");
      if (kind === "bool") {
        params[input.name] = input.checked;
      } else if (input.value !== "") {
        if (kind === "int" || kind === "amount") {
          var n = Number(input.value);
          params[input.name] = isNaN(n) ? input.value : n;
        } else {
          params[input.name] = input.value;
        }
      } else if (kind === "date" && input.validity && input.validity.badInput) {
        params[input.name] = "无效日期"; // an impossible date typed in: let Python explain
      }
    });
    return params;
  }

  /** The stored inputs: an object of strings and booleans only (anything else is ignored). */
  function saved(form) {
    var values = Yingsu.store.load(STORAGE_PREFIX + form.dataset.calculator);
    return values && typeof values === "object" && !Array.isArray(values) ? values : null;
  }

  /** The note under the form saying the inputs could not be kept (created when needed). */
  function storageNote(form, reason) {
    var note = form.querySelector("[data-storage-note]");
    if (!reason) {
      if (note) note.hidden = true;
      return;
    }
    if (!note) {
      note = el("p", "calc-error calc-storage-note");
      note.setAttribute("data-storage-note", "");
      note.setAttribute("role", "alert");
      var status = form.querySelector("[data-calc-status]");
      status.parentNode.insertBefore(note, status.nextSibling);
    }
    note.hidden = false;
    note.textContent = "填写的内容未能保存在本机（" + reason + "），关闭页面后将丢失。计算不受影响；" +
      "可在浏览器设置中清理本站的存储空间后重试。";
  }

  function save(form) {
    var values = {};
    fields(form).forEach(function (box) {
      var input = control(box);
      values[input.name] = input.type === "checkbox" ? input.checked : input.value;
    });
    var result = Yingsu.store.save(STORAGE_PREFIX + form.dataset.calculator, values);
    storageNote(form, result.ok ? null : result.reason);
  }

  function fill(form, values) {
    fields(form).forEach(function (box) {
      var input = control(box);
      var has = values && Object.prototype.hasOwnProperty.call(values, input.name);
      var value = has ? values[input.name] : input.getAttribute("data-default");
      if (typeof value !== "string" && typeof value !== "boolean") value = input.getAttribute("data-default");
      if (value === "today") value = todayISO();
      if (input.type === "checkbox") {
        input.checked = value === true || value === "true";
      } else {
        input.value = typeof value === "string" ? value : "";
      }
    });
  }

  /* ---- showing errors and results ---- */
  function showError(form, field, message) {
    Array.prototype.forEach.call(form.querySelectorAll(".calc-error"), function (p) {
      var mine = message && p.getAttribute("data-error-for") === (field || "");
      var box = p.closest("[data-field]");
      if (mine && box && box.hidden) mine = false;
      p.hidden = !mine;
      p.textContent = mine ? message : "";
      if (box) box.classList.toggle("calc-invalid", !!mine);
    });
    if (message && !form.querySelector(".calc-error:not([hidden])")) {
      var general = form.querySelector('.calc-error[data-error-for=""]');
      general.hidden = false;
      general.textContent = message;
    }
  }

  function renderBasis(refs, basis) {
    return Yingsu.basisList(refs, basis, "适用的条款原文");
  }

  function renderTimeline(refs, timeline) {
    var table = el("table", "calc-timeline");
    var head = el("tr");
    ["日期", "事项", "性质", "说明与依据"].forEach(function (h) { head.appendChild(el("th", null, h)); });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el("tbody");
    timeline.forEach(function (t) {
      var row = el("tr", "calc-deadline calc-" + t.kind);
      row.setAttribute("data-deadline", t.id);
      row.appendChild(el("td", "calc-date", t.date));
      row.appendChild(el("td", "calc-title", t.title));
      var kind = el("td");
      kind.appendChild(el("span", "calc-kind calc-kind-" + t.kind, t.kind_name));
      row.appendChild(kind);
      var why = el("td");
      if (t.adjusted) why.appendChild(el("p", "calc-adjusted", t.adjusted));
      if (t.explanation) why.appendChild(el("p", null, t.explanation));
      if (t.note) why.appendChild(el("p", "calc-note", t.note));
      var cites = el("p", "calc-cites", "依据：");
      t.basis.forEach(function (b, i) {
        if (i) cites.appendChild(document.createTextNode("；"));
        cites.appendChild(citation(refs, b));
      });
      why.appendChild(cites);
      row.appendChild(why);
      body.appendChild(row);
    });
    table.appendChild(body);
    return table;
  }

  function renderView(target, refs, view) {
    target.textContent = "";
    var answer = el("div", "calc-answer calc-tone-" + view.tone);
    view.headline.forEach(function (line) { answer.appendChild(el("p", "calc-headline", line)); });
    target.appendChild(answer);
    if (view.warnings.length) {
      var warn = el("div", "admonition warning calc-warnings");
      warn.appendChild(el("p", "admonition-title", "请注意"));
      view.warnings.forEach(function (w) { warn.appendChild(el("p", null, w.text)); });
      target.appendChild(warn);
    }
    if (view.timeline) target.appendChild(renderTimeline(refs, view.timeline));
    view.sections.forEach(function (section) {
      target.appendChild(el("h3", null, section.title));
      var list = el("ul", "calc-items");
      section.items.forEach(function (item) {
        var li = el("li", null, item.text);
        if (item.ref) {
          li.appendChild(document.createTextNode("（"));
          li.appendChild(citation(refs, item));
          li.appendChild(document.createTextNode("）"));
        }
        list.appendChild(li);
      });
      target.appendChild(list);
    });
    if (view.basis.length) target.appendChild(renderBasis(refs, view.basis));
  }

  /* ---- wiring one form ---- */
  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var name = form.dataset.calculator;
    var refs = JSON.parse(form.dataset.refs);
    var result = document.querySelector("[data-calc-result]");
    var status = form.querySelector("[data-calc-status]");
    var icsButton = form.querySelector('[data-action="ics"]');
    var timer = null;
    var sequence = 0;
    var lastResult = null;

    fill(form, saved(form));
    // The ledger's case control (ledger-store.js): a chosen case's facts fill the form, and what
    // is typed goes to that case instead of this page's own saved input.
    var linked = form.hasAttribute("data-case-fields") && window.YingsuCases ? window.YingsuCases.attach(form, {
      fill: function (values) { fill(form, values || saved(form)); },
      changed: function () { calculate(); }
    }) : null;

    /* data-pending is set from the moment an input changes until the answer to the latest input
       is shown (tests wait on it instead of on time). */
    function calculate() {
      clearTimeout(timer);
      form.dataset.pending = "1";
      var params = readParams(form);
      var mine = ++sequence;
      window.YingsuCalc.view(name, params).then(function (answer) {
        if (mine !== sequence) return;
        delete form.dataset.pending;
        showError(form, null, null);
        lastResult = answer.result;
        renderView(result, refs, answer.view);
        result.dataset.state = "done";
        if (icsButton) icsButton.disabled = false;
      }, function (error) {
        if (mine !== sequence) return;
        delete form.dataset.pending;
        if (error.kind === "startup") return; // the status line says why
        showError(form, error.field, error.message);
        result.dataset.state = "invalid";
        if (icsButton) icsButton.disabled = true;
      });
    }

    function schedule() {
      clearTimeout(timer);
      form.dataset.pending = "1";
      timer = setTimeout(calculate, DEBOUNCE_MS);
    }

    /* what the reader typed is kept; a recalculation alone (after clearing) stores nothing */
    function typed() {
      if (!linked || !linked.active()) save(form);   // a linked case keeps the facts in the ledger instead
      schedule();
    }

    form.addEventListener("input", typed);
    form.addEventListener("change", typed);
    form.addEventListener("submit", function (e) { e.preventDefault(); calculate(); });
    var clearButton = form.querySelector('[data-action="clear"]');
    clearButton.addEventListener("click", function () {
      Yingsu.store.confirmClear(clearButton, function (outcome) {
        fill(form, null);
        result.textContent = "";
        status.dataset.cleared = "1";
        showError(form, null, null);
        storageNote(form, null);
        var done = form.querySelector("[data-clear-done]") || el("p", "calc-cleared");
        done.setAttribute("data-clear-done", "");
        done.setAttribute("role", "status");
        done.textContent = outcome.ok ? "已清除本机保存的" + outcome.deleted + "。"
          : "未能全部清除：" + outcome.left.join("、") + "仍保存在本机（可能在另一个标签页中打开着），请关闭本站的其他页面后重试。";
        var host = clearButton.closest(".calc-actions") || clearButton;
        host.parentNode.insertBefore(done, host.nextSibling);
        schedule();
      });
    });
    if (icsButton) {
      icsButton.addEventListener("click", function () {
        if (!lastResult) return;
        window.YingsuCalc.ics(lastResult, linked && linked.active() ? linked.caseNumber() : "").then(function (text) {
          download("行政应诉期限.ics", text, "text/calendar;charset=utf-8");
        }, function (error) { showError(form, null, error.message); });
      });
    }

    var unsubscribe = window.YingsuCalc.onStatus(function (s) {
      if (!document.body.contains(form)) { unsubscribe(); return; }
      status.dataset.state = s.state;
      if (s.state === "loading") {
        status.textContent = "正在启动计算器（" + Math.round(s.percent) + "%）……您可以先填写表单，启动后自动计算。";
      } else if (s.state === "ready") {
        status.textContent = "计算器已就绪：修改任一项即自动重新计算。输入内容只保存在本机浏览器中。";
      } else if (s.state === "failed") {
        status.textContent = s.message + " 下方“计算规则”表格仍可查阅。";
      }
    });
    calculate();
  }

  function onPage() {
    if (!window.YingsuCalc) return;
    Array.prototype.forEach.call(document.querySelectorAll("form[data-calculator]"), setup);
  }

  Yingsu.onEveryPage(onPage);
})();

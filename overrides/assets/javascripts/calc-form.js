/* Calculator pages: reads the form built at build time (macros/calculator_pages.py), runs the
   calculator in the browser through YingsuCalc (calc-runtime.js) as the user types, and shows
   either the answer (the presentation model made by calculators/present.py) or what is still
   missing or wrong. Inputs are kept in localStorage (Yingsu.store: a failed save is shown under
   the form) and the .ics download is offered. "清除本机数据" deletes everything the site stores,
   after asking once with the list (Yingsu.store.confirmClear).

   Errors (every one at once: calculators/validate.py through calculators/page.py):
   - a field's error is shown beside it, and in the list at the top of the form, once the reader
     has left the field (never while typing a date), or after "计算" (Enter), which also moves
     the focus to the first field at fault;
   - an untouched form says what to fill in, in the result area, without an error: no answer
     until the facts it depends on are entered (no date of the case is filled in for the reader;
     a date field has a "今天" button instead).
   The result shows a deadline's warnings on its row; on a narrow screen and in print the rows
   are cards (site.css); the print view carries the case number, the inputs and the date printed.
   Nothing typed here leaves the browser. Everything rendered goes through textContent. */
(function () {
  "use strict";

  var STORAGE_PREFIX = "yingsu:calc:";
  var DEBOUNCE_MS = 200;
  var INCOMPLETE_DATE = "未填写完整";   // what a half-typed date is sent as (Python does not quote it back)
  var el = Yingsu.el, citation = Yingsu.citation, download = Yingsu.download;

  /* ---- reading and restoring the form ---- */
  function fields(form) {
    return Array.prototype.slice.call(form.querySelectorAll("[data-field]"));
  }

  function control(box) {
    return box.querySelector("input, select, textarea");
  }

  function labelOf(box) {
    var input = control(box);
    if (input.type === "checkbox") return input.parentNode.textContent.trim();
    var label = box.querySelector("label");
    var text = label ? label.firstChild.textContent : input.name;
    return String(text).trim();
  }

  function visible(form, box) {
    var cond = box.getAttribute("data-show-if");
    if (!cond) return true;
    var other = form.querySelector('[name="' + cond + '"]');
    var want = JSON.parse(box.getAttribute("data-show-if-value"));
    var have = other.type === "checkbox" ? other.checked : other.value;
    return Array.isArray(want) ? want.indexOf(have) >= 0 : have === want;
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
        params[input.name] = INCOMPLETE_DATE;   // a date not (yet) complete or impossible: Python explains
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

  /** Show `values` (null: the form's defaults). Returns the names of the fields given a value,
      which count as entered by the reader (at an earlier visit, or in the ledger). */
  function fill(form, values) {
    var given = [];
    fields(form).forEach(function (box) {
      var input = control(box);
      var has = values && Object.prototype.hasOwnProperty.call(values, input.name);
      var value = has ? values[input.name] : input.getAttribute("data-default");
      if (typeof value !== "string" && typeof value !== "boolean") value = input.getAttribute("data-default");
      if (input.type === "checkbox") {
        input.checked = value === true || value === "true";
      } else {
        input.value = typeof value === "string" ? value : "";
        if (has && input.value !== "") given.push(input.name);
      }
    });
    return given;
  }

  /* ---- the print view: case number, inputs, date printed ---- */
  function cnToday() {
    var d = new Date();
    return d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日";
  }

  function shownValue(input) {
    if (input.type === "checkbox") return input.checked ? "是" : "";
    if (input.tagName === "SELECT") return input.value ? input.options[input.selectedIndex].text : "";
    if (input.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(input.value)) {
      var p = input.value.split("-");
      return Number(p[0]) + "年" + Number(p[1]) + "月" + Number(p[2]) + "日";
    }
    return input.value;
  }

  /** What the printout says above the answer: the case number, what was entered, the date. */
  function printHead(form) {
    var head = el("div", "calc-print-head");
    head.setAttribute("data-print-head", "");
    var caseInput = form.querySelector('[name="case_number"]');
    if (caseInput) {   // a result that goes into a case file: its number, or a line to write it on
      var number = caseInput.value.trim();
      head.appendChild(el("p", "calc-print-title", "案号：" + (number || "＿＿＿＿＿＿＿＿＿＿")));
    }
    var table = el("table", "calc-inputs");
    var body = table.appendChild(el("tbody"));
    fields(form).forEach(function (box) {
      if (box.hidden) return;
      var input = control(box);
      if (input.name === "case_number") return;
      var value = shownValue(input);
      if (!value) return;
      var row = el("tr");
      row.appendChild(el("th", null, labelOf(box)));
      row.appendChild(el("td", null, value));
      body.appendChild(row);
    });
    head.appendChild(el("p", "calc-print-caption", "填写的情况"));
    head.appendChild(table);
    var date = el("p", "calc-print-date", "打印日期：" + cnToday());
    date.setAttribute("data-print-date", "");
    head.appendChild(date);
    return head;
  }

  /* ---- showing the result ---- */
  function renderBasis(refs, basis) {
    return Yingsu.basisList(refs, basis, "适用的条款原文");
  }

  function cell(className, label) {
    var td = el("td", className);
    td.setAttribute("data-label", label);
    return td;
  }

  /** The deadlines as a table (a stacked card per row on narrow screens and in print). */
  function renderTimeline(refs, timeline) {
    var labels = ["日期", "事项", "性质", "说明与依据"];
    var made = Yingsu.table("calc-timeline", labels);
    var table = made.table, body = made.body;
    timeline.forEach(function (t) {
      var row = el("tr", "calc-deadline calc-" + t.kind);
      row.setAttribute("data-deadline", t.id);
      var date = cell("calc-date", labels[0]);
      date.textContent = t.date;
      row.appendChild(date);
      var title = cell("calc-title", labels[1]);
      title.textContent = t.title;
      row.appendChild(title);
      var kind = cell("calc-kind-cell", labels[2]);
      kind.appendChild(el("span", "calc-kind calc-kind-" + t.kind, t.kind_name));
      row.appendChild(kind);
      var why = cell("calc-why", labels[3]);
      (t.warnings || []).forEach(function (text) {   // a warning about this deadline, on its own row
        var p = el("p", "calc-row-warning", text);
        p.setAttribute("data-row-warning", "");
        why.appendChild(p);
      });
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
    return table;
  }

  function renderView(target, refs, view, form) {
    target.textContent = "";
    target.appendChild(printHead(form));
    var answer = el("div", "calc-answer calc-tone-" + view.tone);
    view.headline.forEach(function (line) { answer.appendChild(el("p", "calc-headline", line)); });
    if (view.timeline && view.timeline.some(function (t) { return (t.warnings || []).length; })) {
      answer.appendChild(el("p", "calc-answer-note", "标有“请注意”的期限另有提示，见下表该项。"));
    }
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
    var summary = form.querySelector("[data-calc-summary]");
    var general = form.querySelector('.calc-error[data-error-for=""]');
    var icsButton = form.querySelector('[data-action="ics"]');
    var printButton = form.querySelector('[data-action="print"]');
    var timer = null;
    var sequence = 0;
    var lastResult = null;
    var lastErrors = [];
    var touched = {};       // fields the reader has filled in and left (or all, after 计算)
    var editing = null;     // the field being typed in: its error waits until it is left
    var focusOnErrors = false;

    function boxOf(fieldName) {
      return form.querySelector('[data-field="' + fieldName + '"]');
    }

    function touch(names) {
      names.forEach(function (n) { touched[n] = true; });
    }

    /** The errors the reader is shown now: a field's once it has been left, any other at once. */
    function shownErrors() {
      return lastErrors.filter(function (e) {
        if (e.field === null) return true;
        var box = boxOf(e.field);
        return box && !box.hidden && touched[e.field] && editing !== e.field;
      });
    }

    function showErrors() {
      var shown = shownErrors();
      var byField = {};
      shown.forEach(function (e) { if (e.field !== null && !byField[e.field]) byField[e.field] = e.message; });
      fields(form).forEach(function (box) {
        var name = box.getAttribute("data-field");
        var p = box.querySelector(".calc-error");
        var message = byField[name] || "";
        p.hidden = !message;
        p.textContent = message;
        box.classList.toggle("calc-invalid", !!message);
        control(box).setAttribute("aria-invalid", message ? "true" : "false");
      });
      var other = shown.filter(function (e) { return e.field === null || !boxOf(e.field); });
      general.hidden = !other.length;
      general.textContent = other.map(function (e) { return e.message; }).join(" ");
      Yingsu.errorSummary(summary, shown.filter(function (e) { return e.field !== null && boxOf(e.field); })
        .map(function (e) { return { id: e.field, message: e.message, input: control(boxOf(e.field)) }; }));
      return shown;
    }

    /** The result area while there is no answer: what is still to be filled in or put right. */
    function showWaiting(shown) {
      result.textContent = "";
      var box = el("div", "calc-waiting");
      var missing = lastErrors.filter(function (e) { return e.missing && e.field && shown.indexOf(e) < 0 && boxOf(e.field); });
      if (missing.length) {
        box.appendChild(el("p", null, "填写以下各项后显示计算结果："));
        var list = el("ul");
        missing.forEach(function (e) { list.appendChild(el("li", null, labelOf(boxOf(e.field)))); });
        box.appendChild(list);
      } else if (shown.length) {
        box.appendChild(el("p", null, "请按上方的提示更正，更正后自动显示计算结果。"));
      } else {
        box.appendChild(el("p", null, "填写完成后显示计算结果。"));
      }
      result.appendChild(box);
      result.dataset.state = shown.length ? "invalid" : "waiting";
      if (icsButton) icsButton.disabled = true;
      printButton.disabled = true;
    }

    function moveFocus(shown) {
      var first = shown.filter(function (e) { return e.field && boxOf(e.field); })[0];
      if (first) Yingsu.goTo(control(boxOf(first.field)));
    }

    fill(form, saved(form)).forEach(function (n) { touched[n] = true; });
    // The ledger's case control (ledger-store.js): a chosen case's facts fill the form, and what
    // is typed goes to that case instead of this page's own saved input.
    var linked = form.hasAttribute("data-case-fields") && window.YingsuCases ? window.YingsuCases.attach(form, {
      fill: function (values) { touch(fill(form, values || saved(form))); },
      changed: function () { calculate(); }
    }) : null;

    /* data-pending is set from the moment an input changes until the answer to the latest input
       is shown (tests wait on it instead of on time). */
    function calculate() {
      clearTimeout(timer);
      timer = null;
      form.dataset.pending = "1";
      var params = readParams(form);
      var mine = ++sequence;
      window.YingsuCalc.view(name, params).then(function (answer) {
        if (mine !== sequence) return;
        var focus = focusOnErrors;
        focusOnErrors = false;
        if (answer.errors) {
          lastErrors = answer.errors;
          lastResult = null;
          var shown = showErrors();
          showWaiting(shown);
          if (focus) moveFocus(shown);
        } else {
          lastErrors = [];
          showErrors();
          lastResult = answer.result;
          renderView(result, refs, answer.view, form);
          result.dataset.state = "done";
          if (icsButton) icsButton.disabled = false;
          printButton.disabled = false;
        }
        settled();
      }, function (error) {
        if (mine !== sequence) return;
        focusOnErrors = false;
        settled();
        if (error.kind === "startup") return; // the status line says why
        lastErrors = [{ field: error.field || null, message: error.message, missing: false }];
        lastResult = null;
        showWaiting(showErrors());
      });
    }

    /** The answer to the latest input is shown, unless newer input waits for its turn (a field
        left fires the answer for it at once, while the next field's typing is scheduled). */
    function settled() {
      if (timer === null) delete form.dataset.pending;
    }

    function schedule() {
      clearTimeout(timer);
      form.dataset.pending = "1";
      timer = setTimeout(calculate, DEBOUNCE_MS);
    }

    /* what the reader typed is kept; a recalculation alone (after clearing) stores nothing */
    function typed(event) {
      var box = event.target.closest && event.target.closest("[data-field]");
      if (box && event.target === document.activeElement && control(box) === event.target) {
        editing = box.getAttribute("data-field");
      }
      if (event.target.type === "checkbox" || event.target.tagName === "SELECT") {
        if (box) touch([box.getAttribute("data-field")]);   // chosen, not typed: done at once
        editing = null;
      }
      if (!linked || !linked.active()) save(form);   // a linked case keeps the facts in the ledger instead
      schedule();
    }

    /** Leaving a field: its error (if any) is shown from now on. A date left half-typed fired
        no input event (its value is still empty): it is read now. */
    function left(event) {
      var box = event.target.closest && event.target.closest("[data-field]");
      if (!box || control(box) !== event.target) return;
      var fieldName = box.getAttribute("data-field");
      var halfTyped = !!(event.target.validity && event.target.validity.badInput);
      var wasEditing = editing === fieldName;
      if (wasEditing || event.target.value !== "" || halfTyped) touch([fieldName]);
      if (wasEditing) editing = null;
      if (halfTyped || wasEditing) {
        calculate();
        return;
      }
      if (form.dataset.pending) return;   // the answer on its way shows it
      var shown = showErrors();
      if (lastErrors.length) showWaiting(shown);
    }

    form.addEventListener("input", typed);
    form.addEventListener("change", typed);
    form.addEventListener("focusout", left);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      editing = null;
      fields(form).forEach(function (box) { if (!box.hidden) touched[box.getAttribute("data-field")] = true; });
      focusOnErrors = true;
      calculate();
    });
    Yingsu.todayButtons(form, function (input) {
      touch([input.name]);
      editing = null;
    });
    printButton.addEventListener("click", function () { window.print(); });
    window.addEventListener("beforeprint", function () {   // the date the page is printed on
      var date = result.querySelector("[data-print-date]");
      if (date) date.textContent = "打印日期：" + cnToday();
    });
    var clearButton = form.querySelector('[data-action="clear"]');
    clearButton.addEventListener("click", function () {
      Yingsu.store.confirmClear(clearButton, function (outcome) {
        fill(form, null);
        touched = {};
        editing = null;
        result.textContent = "";
        status.dataset.cleared = "1";
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
        var number = lastResult.case_number || (linked && linked.active() ? linked.caseNumber() : "");
        window.YingsuCalc.ics(lastResult, number).then(function (text) {
          var stem = number ? number.replace(/[\\/:*?"<>|\s]+/g, "_") + "-行政应诉期限" : "行政应诉期限";
          download(stem + ".ics", text, "text/calendar;charset=utf-8");
        }, function (error) {
          general.hidden = false;
          general.textContent = error.message;
        });
      });
    }

    var unsubscribe = window.YingsuCalc.onStatus(function (s) {
      if (!document.body.contains(form)) { unsubscribe(); return; }
      showStatus(status, s);
    });
    calculate();
  }

  /* ---- the runtime's progress, in words and bytes (also the documents page's: Yingsu.calcStatus) ---- */
  function showStatus(status, s, page) {
    page = page || { waiting: "可以先填写表单，启动后自动计算；下载期间可先查阅下方的", rules: true,
                     ready: "计算器已就绪：修改任一项即自动重新计算。输入内容只保存在本机浏览器中。" };
    status.dataset.state = s.state;
    if (s.stage) status.dataset.stage = s.stage;
    status.setAttribute("aria-busy", s.state === "loading" ? "true" : "false");
    status.textContent = "";
    if (s.state === "loading") {
      status.appendChild(el("span", "calc-status-text", s.message || "正在启动计算器……"));
      if (s.total) {
        var bar = el("progress", "calc-progress");
        bar.max = s.total;
        bar.value = Math.min(s.loaded || 0, s.total);
        bar.setAttribute("aria-hidden", "true");
        status.appendChild(bar);
      }
      var more = s.cached === false && s.total
        ? "首次使用需下载约 " + (s.total / 1048576).toFixed(1) + " MB 的计算程序，之后从本机缓存读取，不再下载。"
        : "";
      status.appendChild(el("span", "calc-status-note", more + page.waiting));
      if (page.rules) {
        var link = el("a", null, "计算规则");
        link.href = "#rules";
        status.appendChild(link);
        status.appendChild(document.createTextNode("。"));
      }
    } else if (s.state === "ready") {
      status.textContent = page.ready;
    } else if (s.state === "failed") {
      status.textContent = s.message + (page.rules ? " 下方“计算规则”表格仍可查阅。" : "");
    }
  }
  Yingsu.calcStatus = showStatus;

  function onPage() {
    if (!window.YingsuCalc) return;
    Array.prototype.forEach.call(document.querySelectorAll("form[data-calculator]"), setup);
  }

  Yingsu.onEveryPage(onPage);
})();

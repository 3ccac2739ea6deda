/* The documents page (calculator "documents", calculators/documents/): the form with its two
   lists (agents, evidence), the draft kept in localStorage and exported/imported as a JSON
   file, the generated package rendered from the document model, printing, the checklist as
   Markdown/plain text, and per-document .docx (docx-writer.js with the vendored `docx`
   library, loaded on first use).

   Drafts are checked before they touch anything (checkDraft: the format, every value's type,
   every text's length, the number of rows, the file's size), whether they come from a file or
   from this browser's storage; a file that fails is reported and changes nothing. Every save
   is checked (Yingsu.store) and the message says what really happened: an import that could
   not be stored says so, and asks the reader to export before leaving.

   Does nothing on pages without its form (.doc-app). Follows Material's instant navigation
   (document$). Nothing typed leaves the browser; everything rendered goes through
   textContent / createElement, never innerHTML. */
(function () {
  "use strict";

  var STORAGE_KEY = "yingsu:documents:draft";
  var DRAFT_FORMAT = "yingsu-documents-draft";
  var DRAFT_VERSION = 2;
  var DEBOUNCE_MS = 400;
  var MAX_IMPORT_BYTES = 1024 * 1024;   // a full draft (every list at its maximum) is well under 200 KB
  var TEXT_MAX = 2000;                  // calculators/inputs.py's default longest text
  var LIST_FIELD = /^([a-z_]+?)(?:\.(\d+)(?:\.(\w+))?)?$/; // "evidence", "evidence.2", "evidence.2.pages"
  // the site root, from this script's own URL (the site may live under any sub-path)
  var OWN_SRC = document.currentScript && document.currentScript.src ? document.currentScript.src.split(/[?#]/)[0] : "";
  var ROOT = OWN_SRC.indexOf("assets/javascripts/documents.js") >= 0
    ? OWN_SRC.slice(0, OWN_SRC.indexOf("assets/javascripts/documents.js")) : null;
  var el = Yingsu.el, citation = Yingsu.citation, download = Yingsu.download;

  function button(text, className) {
    var b = el("button", "md-button" + (className ? " " + className : ""), text);
    b.type = "button";
    return b;
  }

  /** 2026-10-08 -> 2026年10月8日 */
  function cnDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Number(m[1]) + "年" + Number(m[2]) + "月" + Number(m[3]) + "日" : "";
  }

  /** Text with each 【……】 placeholder marked, appended to `node` (text nodes only). */
  function appendText(node, text) {
    String(text).split(/(【[^】]*】)/).forEach(function (part, i) {
      if (!part) return;
      if (i % 2 === 1) node.appendChild(el("mark", "doc-ph", part));
      else node.appendChild(document.createTextNode(part));
    });
    return node;
  }

  /* ---- files ---- */
  function safeName(text) {
    return String(text || "").replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "_").replace(/^[ .]+|[ .]+$/g, "").slice(0, 80);
  }

  /** The vendored docx library and docx-writer.js, loaded once, on first use (also by the
      statistics page's report: Yingsu.loadDocx). */
  var docxReady = null;
  function loadDocx() {
    if (window.YingsuDocx) return Promise.resolve(window.YingsuDocx);
    if (!docxReady) {
      var base = ROOT || (window.YingsuCalc && window.YingsuCalc.root) || new URL(".", location.href).href;
      docxReady = (window.docx ? Promise.resolve() : Yingsu.loadScript(base + "assets/javascripts/vendor/docx.iife.js"))
        .then(function () { return Yingsu.loadScript(base + "assets/javascripts/docx-writer.js"); })
        .then(function () { return window.YingsuDocx; }, function (error) { docxReady = null; throw error; });
    }
    return docxReady;
  }
  Yingsu.loadDocx = loadDocx;

  function copyText(text, area) {
    if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text);
    }
    // plain-http intranet: no Clipboard API; copy the selected text of the box
    area.focus();
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    return ok ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  /* ---- one documents form ---- */
  function setup(app) {
    if (app.dataset.ready) return;
    app.dataset.ready = "1";
    var form = app.querySelector("form[data-documents-form]");
    var lists = JSON.parse(app.dataset.lists);
    var refs = JSON.parse(app.dataset.refs);
    var result = app.querySelector("[data-doc-result]");
    var status = form.querySelector("[data-calc-status]");
    var draftState = form.querySelector("[data-draft-state]");
    var fileInput = form.querySelector("[data-import-file]");
    var timer = null;
    var sequence = 0;
    var summary = form.querySelector("[data-calc-summary]");
    var submitNote = form.querySelector("[data-submit-note]");
    // A field's (or a list's) error is shown once the reader has left it, or for all of them after
    // 生成文书; the field being typed in keeps its error back until it is left.
    var shownFor = {};
    var submitted = false;
    var editing = null;
    var lastErrors = [];
    var focusOnErrors = false;
    var linked = null;   // the ledger's case control, once attached

    /* -- flat fields -- */
    function boxes() {
      return Array.prototype.slice.call(form.querySelectorAll("[data-field]"));
    }
    function control(box) {
      return box.querySelector("input, select, textarea");
    }
    function visible(box) {
      var cond = box.getAttribute("data-show-if");
      if (!cond) return true;
      var other = form.querySelector('[name="' + cond + '"]');
      var want = JSON.parse(box.getAttribute("data-show-if-value"));
      return (other.type === "checkbox" ? other.checked : other.value) === want;
    }

    /* -- list rows -- */
    function rowsOf(name) {
      return Array.prototype.slice.call(form.querySelector('[data-rows="' + name + '"]').children);
    }

    function renumber(name) {
      var spec = lists[name];
      rowsOf(name).forEach(function (rowEl, i) {
        rowEl.setAttribute("data-row", String(i));
        rowEl.querySelector(".doc-row-title").textContent = spec.title + (i + 1);
        rowEl.querySelectorAll("[data-col]").forEach(function (input) {
          input.id = "f-" + name + "-" + i + "-" + input.getAttribute("data-col");
          input.parentNode.querySelector("label").htmlFor = input.id;
        });
      });
      var count = rowsOf(name).length;
      form.querySelector('[data-add="' + name + '"]').disabled = count >= spec.max;
      rowsOf(name).forEach(function (rowEl, i) {
        rowEl.querySelector("[data-remove]").disabled = count <= spec.min;
        var up = rowEl.querySelector('[data-move="-1"]'), down = rowEl.querySelector('[data-move="1"]');
        if (up) up.disabled = i === 0;
        if (down) down.disabled = i === count - 1;
      });
    }

    /** Up/down buttons for a list whose order is its numbering (evidence). */
    function moveButtons(name, rowEl, head) {
      [["上移", -1], ["下移", 1]].forEach(function (m) {
        var b = button(m[0], "doc-remove doc-move");
        b.setAttribute("data-move", String(m[1]));
        b.addEventListener("click", function () {
          var rows = rowsOf(name), i = rows.indexOf(rowEl), j = i + m[1];
          if (j < 0 || j >= rows.length) return;
                    if (m[1] < 0) rowEl.parentNode.insertBefore(rowEl, rows[j]);
          else rowEl.parentNode.insertBefore(rows[j], rowEl);
          renumber(name);
          b.focus();
          schedule();
        });
        head.appendChild(b);
      });
    }

    function addRow(name, values) {
      var spec = lists[name];
      var rowEl = el("div", "doc-row");
      var head = el("div", "doc-row-head");
      head.appendChild(el("span", "doc-row-title"));
      var remove = button("删除", "doc-remove");
      remove.setAttribute("data-remove", "");
      remove.addEventListener("click", function () {
                rowEl.remove();
        renumber(name);
        schedule();
      });
      if (spec.ordered) moveButtons(name, rowEl, head);
      head.appendChild(remove);
      rowEl.appendChild(head);
      spec.columns.forEach(function (col) {
        var cell = el("div", "doc-cell doc-cell-" + col.name + (col.lines > 1 ? " doc-wide" : ""));
        var label = el("label", null, col.label);
        if (col.required) label.appendChild(el("span", "calc-required", " *"));
        cell.appendChild(label);
        var input;
        if (col.kind === "choice") {
          input = el("select");
          Object.keys(col.options).forEach(function (key) {
            var option = el("option", null, col.options[key]);
            option.value = key;
            input.appendChild(option);
          });
        } else if (col.lines > 1) {
          input = el("textarea");
          input.rows = col.lines;
        } else {
          input = el("input");
          input.type = "text";
          if (col.kind === "int") input.inputMode = "numeric";
        }
        if (col.kind !== "choice" && col.max) input.maxLength = col.max;
        input.setAttribute("data-col", col.name);
        var value = values && typeof values[col.name] === "string" ? values[col.name] : null;
        if (value === null) value = col.default || "";
        input.value = value;
        if (col.kind === "choice" && input.value !== value) input.value = col.default || "";
        cell.appendChild(input);
        rowEl.appendChild(cell);
      });
      var error = el("p", "calc-error");
      error.setAttribute("data-row-error", "");
      error.setAttribute("role", "alert");
      error.hidden = true;
      rowEl.appendChild(error);
      form.querySelector('[data-rows="' + name + '"]').appendChild(rowEl);
      renumber(name);
      return rowEl;
    }

    function readRows(name) {
      return rowsOf(name).map(function (rowEl) {
        var values = {};
        rowEl.querySelectorAll("[data-col]").forEach(function (input) {
          values[input.getAttribute("data-col")] = input.value;
        });
        return values;
      });
    }

    /* -- the draft: what the user typed, as it is -- */
    function draft() {
      var fields = {};
      boxes().forEach(function (box) {
        var input = control(box);
        fields[input.name] = input.type === "checkbox" ? input.checked : input.value;
      });
      var out = { format: DRAFT_FORMAT, version: DRAFT_VERSION, saved: new Date().toISOString(), fields: fields };
      Object.keys(lists).forEach(function (name) { out[name] = readRows(name); });
      return out;
    }

    function fill(d) {
      if (summary) clearSummary();   // its links point at the controls being replaced
      var fields = d && d.fields && typeof d.fields === "object" ? d.fields : {};
      boxes().forEach(function (box) {
        var input = control(box);
        var has = Object.prototype.hasOwnProperty.call(fields, input.name);
        var value = has ? fields[input.name] : input.getAttribute("data-default");
        if (input.type === "checkbox") {
          input.checked = value === true || value === "true";
        } else {
          input.value = value === null || value === undefined ? "" : String(value);
        }
      });
      Object.keys(lists).forEach(function (name) {
        form.querySelector('[data-rows="' + name + '"]').textContent = "";
        var rows = d && Array.isArray(d[name]) ? d[name] : [];
        rows.slice(0, lists[name].max).forEach(function (values) {
          addRow(name, values && typeof values === "object" ? values : {});
        });
        while (rowsOf(name).length < lists[name].min) addRow(name, {});
        renumber(name);
      });
      boxes().forEach(function (box) { box.hidden = !visible(box); });
    }

    /** Save the draft in this browser; says so, or why not. Returns whether it was saved. */
    function save() {
      if (linked && linked.active()) { draftState.textContent = "已保存到台账中的本案。"; return true; }
      var result = Yingsu.store.save(STORAGE_KEY, draft());
      draftState.textContent = result.ok ? "草稿已保存在本机浏览器。"
        : "草稿未能保存在本机（" + result.reason + "）。关闭页面前请先用“导出草稿”保存为文件。";
      draftState.dataset.saved = result.ok ? "yes" : "no";
      return result.ok;
    }

    /** What is wrong with draft `d` (as parsed from JSON), in the reader's words; null if it is
        a draft of this page whose every value has the type and length the form can hold. */
    /** A draft of an earlier version of the form, in this version's terms. Version 1 had a
        checkbox "行政机关已告知起诉期限", ticked unless unticked: a tick is no answer (it may be the
        default left alone), so the question is asked again; an untick stays "未告知". */
    function upgradeDraft(d) {
      if (d && typeof d === "object" && d.version === 1 && d.fields && typeof d.fields === "object") {
        var informed = d.fields.fp_informed_of_period;
        if (typeof informed === "boolean" || informed === "true" || informed === "false") {
          d.fields.fp_informed_of_period = informed === false || informed === "false" ? "not_informed" : "";
        }
        d.version = 2;
      }
      return d;
    }

    function checkDraft(d) {
      var isObject = function (v) { return v !== null && typeof v === "object" && !Array.isArray(v); };
      if (!isObject(d) || d.format !== DRAFT_FORMAT) return "不是本页导出的草稿文件";
      if (typeof d.version !== "number" || d.version > DRAFT_VERSION) return "草稿文件的版本不能识别（可能由更新版本的本站导出）";
      if (!isObject(d.fields)) return "草稿文件缺少表单内容";
      var labels = {};
      boxes().forEach(function (box) {
        var input = control(box);
        var label = box.querySelector("label");
        labels[input.name] = { input: input, label: label ? label.textContent.replace(/\s*\*$/, "") : input.name };
      });
      var names = Object.keys(d.fields);
      for (var i = 0; i < names.length; i++) {
        var known = Object.prototype.hasOwnProperty.call(labels, names[i]) ? labels[names[i]] : null;
        if (!known) continue;   // a field of another version of the form: ignored
        var value = d.fields[names[i]];
        var want = known.input.type === "checkbox" ? "boolean" : "string";
        if (typeof value !== want && !(want === "boolean" && (value === "true" || value === "false"))) {
          return "“" + known.label + "”的内容类型不对";
        }
        var max = known.input.maxLength > 0 ? known.input.maxLength : TEXT_MAX;
        if (typeof value === "string" && value.length > max) return "“" + known.label + "”超过 " + max + " 字";
      }
      var listNames = Object.keys(lists);
      for (var j = 0; j < listNames.length; j++) {
        var name = listNames[j];
        var spec = lists[name];
        var unit = spec.title;   // 代理人, 证据, 原告证据
        if (d[name] === undefined) continue;
        if (!Array.isArray(d[name])) return unit + "列表的格式不对";
        if (d[name].length > spec.max) return unit + "超过 " + spec.max + " 项";
        for (var r = 0; r < d[name].length; r++) {
          var row = d[name][r];
          if (!isObject(row)) return unit + (r + 1) + "的格式不对";
          for (var c = 0; c < spec.columns.length; c++) {
            var col = spec.columns[c];
            var cell = row[col.name];
            if (cell === undefined) continue;
            if (typeof cell !== "string") return unit + (r + 1) + "的“" + col.label + "”内容类型不对";
            if (cell.length > (col.max || TEXT_MAX)) return unit + (r + 1) + "的“" + col.label + "”超过 " + (col.max || TEXT_MAX) + " 字";
          }
        }
      }
      return null;
    }

    /** The draft stored in this browser, if it is a usable one (an unusable one is left where
        it is, and the reader told). */
    function stored() {
      var d = upgradeDraft(Yingsu.store.load(STORAGE_KEY));
      if (d === null) return null;
      var problem = checkDraft(d);
      if (!problem) return d;
      draftState.textContent = "本机保存的草稿无法读取（" + problem + "），已忽略。";
      return null;
    }

    /* -- parameters for Python -- */
    function params() {
      var out = {};
      boxes().forEach(function (box) {
        var show = visible(box);
        box.hidden = !show;
        if (!show) return;
        var input = control(box);
        var kind = input.getAttribute("data-kind");
        if (kind === "bool") {
          out[input.name] = input.checked;
        } else if (input.value !== "") {
          if (kind === "int" || kind === "amount") {
            var n = Number(input.value);
            out[input.name] = isNaN(n) ? input.value : n;
          } else {
            out[input.name] = input.value;
          }
        } else if (kind === "date" && input.validity && input.validity.badInput) {
          out[input.name] = "无效日期";
        }
      });
      Object.keys(lists).forEach(function (name) { out[name] = readRows(name); });
      return out;
    }

    /* -- errors: every one at once, beside its field and in a list at the top -- */
    /** The list (name) or flat field an error belongs to: what "left" and "shown" are kept for. */
    function keyOf(field) {
      var list = LIST_FIELD.exec(field || "");
      return list && lists[list[1]] ? list[1] : field;
    }

    /** Where the error of `field` is shown: {text, mark, input}; the form's own line if nowhere. */
    function place(field) {
      var list = LIST_FIELD.exec(field || "");
      if (list && !lists[list[1]]) list = null;
      if (list) {
        var rowEl = list[2] !== undefined ? rowsOf(list[1])[Number(list[2])] : null;
        if (rowEl) {
          var input = list[3] ? rowEl.querySelector('[data-col="' + list[3] + '"]') : null;
          return { text: rowEl.querySelector("[data-row-error]"), mark: input ? input.parentNode : rowEl,
                   input: input || rowEl.querySelector("input, select, textarea") };
        }
        return { text: form.querySelector('.calc-error[data-error-for="' + list[1] + '"]'), mark: null,
                 input: form.querySelector('[data-add="' + list[1] + '"]') };
      }
      if (field) {
        var p = form.querySelector('.calc-error[data-error-for="' + field + '"]');
        var box = p && p.closest("[data-field]");
        if (p && !(box && box.hidden)) return { text: p, mark: box, input: box ? control(box) : null };
      }
      return { text: form.querySelector('.calc-error[data-error-for=""]'), mark: null, input: null };
    }

    function clearErrors() {
      form.querySelectorAll(".calc-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
      form.querySelectorAll(".calc-invalid").forEach(function (n) { n.classList.remove("calc-invalid"); });
      form.querySelectorAll('[aria-invalid="true"]').forEach(function (n) { n.setAttribute("aria-invalid", "false"); });
      submitNote.textContent = "";
    }

    function clearSummary() {
      delete summary.dataset.key;   // (also rebuilt when its controls were replaced)
      Yingsu.errorSummary(summary, []);
    }

    /** Shows the errors of lastErrors the reader has got to; returns them. */
    function showErrors(focus) {
      clearErrors();
      var shown = lastErrors.filter(function (e) {
        var key = keyOf(e.field);
        return e.field === null || ((submitted || shownFor[key]) && editing !== key);
      });
      var listed = [];
      shown.forEach(function (e) {
        var at = place(e.field);
        at.text.textContent = at.text.hidden ? e.message : at.text.textContent + " " + e.message;
        at.text.hidden = false;
        if (at.mark) at.mark.classList.add("calc-invalid");
        if (at.input) {
          at.input.setAttribute("aria-invalid", "true");
          listed.push({ id: e.field === null ? "" : e.field, message: e.message, input: at.input });
        }
      });
      listed.sort(function (a, b) {   // in the order of the form (a list's rows sit among the fields)
        return a.input.compareDocumentPosition(b.input) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
      Yingsu.errorSummary(summary, listed);
      if (listed.length) {
        submitNote.textContent = "有 " + listed.length + " 项需要填写或更正，已列在表单顶部，并标在各项旁边。";
        if (focus) {   // the list in sight, the focus in the first field (brought into sight if below it)
          if (summary.scrollIntoView) summary.scrollIntoView({ block: "start" });
          var first = listed[0].input;
          first.focus({ preventScroll: true });
          var box = first.getBoundingClientRect();
          if (box.top < 0 || box.bottom > window.innerHeight) Yingsu.goTo(first);
        }
      }
      return shown;
    }

    /** The result area before any paper has been generated: what is still to be filled in. */
    function showWaiting() {
      if (result.querySelector(".doc-pages")) return;   // the earlier papers stay, marked as out of date
      result.textContent = "";
      var box = el("div", "calc-waiting");
      var missing = lastErrors.filter(function (e) { return e.missing; });
      if (missing.length) {
        box.appendChild(el("p", null, "填写以下各项后生成文书："));
        var list = el("ul");
        missing.forEach(function (e) {
          var box = keyOf(e.field) === e.field ? place(e.field).mark : null;   // a row's cell: its message names the row
          var label = box && box.querySelector("label");
          list.appendChild(el("li", null, label ? label.firstChild.textContent.trim() : e.message));
        });
        box.appendChild(list);
      } else {
        box.appendChild(el("p", null, "请按表单中的提示更正，更正后自动生成文书。"));
      }
      result.appendChild(box);
    }

    /* -- rendering the document model (calculators/documents/blocks.py) -- */
    function keepClass(block) {
      return block.keep_next ? " doc-keep" : "";
    }

    function renderParagraph(block) {
      var p = el("p", "doc-p" + (block.indent ? " doc-indent" : "") + (block.align && block.align !== "left" ? " doc-" + block.align : "")
        + keepClass(block));
      if (block.left) p.style.paddingLeft = block.left + "em";
      return appendText(p, block.text);
    }

    /** A cell's text; "\n" starts a new line. */
    function cellText(node, text) {
      String(text).split("\n").forEach(function (part, i) {
        if (i) node.appendChild(el("br"));
        appendText(node, part);
      });
      return node;
    }

    /** A table of `rows` of the block; `head`: with its header row; `continued`: the tail of a
        table kept with what follows it (drawn as one table with the part above it). */
    function renderTable(block, rows, head, continued) {
      var wrap = el("div", "doc-table-wrap" + (block.whole ? " doc-table-whole" : ""));
      var table = el("table", "doc-table" + (block.compact ? " doc-table-compact" : "") + (block.breakable ? " doc-table-breakable" : "")
        + (block.header === false ? " doc-table-form" : "") + (continued ? " doc-table-continued" : ""));
      var colgroup = el("colgroup");
      block.widths.forEach(function (w) { var c = el("col"); c.style.width = w + "%"; colgroup.appendChild(c); });
      table.appendChild(colgroup);
      if (head && block.header !== false) {
        var thead = el("thead");
        var tr = el("tr");
        block.columns.forEach(function (c) { tr.appendChild(el("th", null, c)); });
        thead.appendChild(tr);
        table.appendChild(thead);
      }
      // a group row and the row after it share a <tbody> that does not break (keep-with-next)
      var n = rows.length;
      var join = rows.map(function (row, i) { return i > 0 && rows[i - 1].group !== undefined; });
      var tbody = null;
      rows.forEach(function (row, i) {
        var kept = join[i] || (i + 1 < n && join[i + 1]);
        if (!tbody || (!join[i] && (kept || tbody.className))) {
          tbody = el("tbody", kept ? "doc-keep-rows" : null);
          table.appendChild(tbody);
        }
        var r = el("tr", row.group !== undefined ? "doc-group-row" : null);
        if (row.group !== undefined) {
          var td = el("td");
          td.colSpan = block.columns.length;
          r.appendChild(appendText(td, row.group));
        } else {
          row.cells.forEach(function (c, j) {
            r.appendChild(cellText(el("td", j === 0 && block.header !== false ? "doc-center" : j === 0 ? "doc-label" : null), c));
          });
        }
        tbody.appendChild(r);
      });
      wrap.appendChild(table);
      return wrap;
    }

    /** Where the rows kept with what follows a table begin: its last two rows, and the group
        row above them if the first of them opens a group. */
    function tailStart(rows) {
      var start = Math.max(0, rows.length - 2);
      if (start > 0 && rows[start - 1].group !== undefined) start -= 1;
      return start;
    }

    /** The blocks of a document. A table kept with what follows (keep_end) ends in a group
        that print never breaks: its last rows, the text after it and the signature block —
        print keeps siblings together, but not a table with the paragraph after it. */
    function renderBlocks(sheet, blocks) {
      var target = sheet;
      blocks.forEach(function (block) {
        if (block.type === "table" && block.keep_end) {
          var start = tailStart(block.rows);
          if (start > 0) sheet.appendChild(renderTable(block, block.rows.slice(0, start), true, false));
          target = el("div", "doc-keep-group");
          sheet.appendChild(target);
          target.appendChild(renderTable(block, block.rows.slice(start), start === 0, start > 0));
          return;
        }
        if (block.type === "table") {
          target.appendChild(renderTable(block, block.rows, true, false));
          return;
        }
        renderBlock(target, block);
        var ends = (block.type === "signature" || block.attachment) && !block.keep_next;
        if (ends) target = sheet;
      });
    }

    /** The signature lines as sibling paragraphs (print keeps siblings together; a wrapper
        element would let the page break inside it), each kept with the next but the last. */
    function renderSignature(block) {
      var lines = document.createDocumentFragment();
      block.lines.forEach(function (line, i) {
        var last = i === block.lines.length - 1;
        var p = el("p", "doc-sig" + (i === 0 ? " doc-sig-first" : "") + (!last || block.keep_next ? " doc-keep" : ""));
        if (i === 0 && block.seal) p.appendChild(el("span", "doc-seal-mark", "盖章处")); // on screen only
        lines.appendChild(appendText(p, line));
      });
      return lines;
    }

    function renderBlock(sheet, block) {
      if (block.type === "heading") {
        var h = el(block.level === 1 ? "h2" : "h3", block.level === 1 ? "doc-title" : "doc-heading");
        sheet.appendChild(appendText(h, block.text));
      } else if (block.type === "paragraph") {
        sheet.appendChild(renderParagraph(block));
      } else if (block.type === "signature") {
        sheet.appendChild(renderSignature(block));
      } else if (block.type === "note") {
        var note = el("aside", "doc-note");
        note.appendChild(el("strong", null, "说明："));
        sheet.appendChild(appendText(note, block.text));
      }
    }

    function printOnly(id) {
      result.querySelectorAll(".doc-page").forEach(function (page) {
        page.classList.toggle("doc-skip-print", id !== null && page.getAttribute("data-doc") !== id);
      });
    }

    function docxButton(doc, refsMessage) {
      var b = button("下载 Word 文档（.docx）", "md-button--primary");
      b.setAttribute("data-docx", doc.id);
      b.addEventListener("click", function () {
        b.disabled = true;
        refsMessage.textContent = "正在生成 Word 文档……";
        loadDocx().then(function (writer) {
          return writer.toBlob(doc);
        }).then(function (blob) {
          download(safeName(doc.filename) + ".docx", blob);
          refsMessage.textContent = "";
        }, function (error) {
          console.error(error);
          refsMessage.textContent = "Word 文档生成失败：" + (error && error.message ? error.message : "未知错误");
        }).then(function () { b.disabled = false; });
      });
      return b;
    }

    function renderDocument(doc) {
      var section = el("section", "doc-page");
      section.setAttribute("data-doc", doc.id);
      var tools = el("div", "doc-tools");
      tools.appendChild(el("span", "doc-tools-title", doc.title));
      var message = el("span", "doc-tools-message");
      message.setAttribute("role", "status");
      tools.appendChild(docxButton(doc, message));
      var print = button("打印本文书");
      print.setAttribute("data-print", doc.id);
      print.addEventListener("click", function () { printCurrent(doc.id); });
      tools.appendChild(print);
      tools.appendChild(message);
      section.appendChild(tools);
      var sheet = el("div", "doc-sheet");
      renderBlocks(sheet, doc.blocks);
      section.appendChild(sheet);
      return section;
    }

    function renderChecklist(checklist) {
      var box = el("section", "doc-export");
      box.appendChild(el("h3", null, "工作清单：粘贴到 OA 系统"));
      [["markdown", "分级标记文本（# 标题、- 列表）", "md", "text/markdown;charset=utf-8"],
       ["text", "纯文本格式", "txt", "text/plain;charset=utf-8"]].forEach(function (f) {
        var wrap = el("div", "doc-export-item");
        var label = el("label", null, f[1]);
        var area = el("textarea", "doc-export-text");
        area.readOnly = true;
        area.rows = 8;
        area.value = checklist[f[0]];
        area.setAttribute("data-export", f[0]);
        area.id = "doc-export-" + f[0];
        label.htmlFor = area.id;
        var actions = el("div", "calc-actions");
        var copy = button("复制" + f[1]);
        var state = el("span", "doc-tools-message");
        copy.addEventListener("click", function () {
          copyText(area.value, area).then(function () { state.textContent = "已复制。"; },
            function () { state.textContent = "无法自动复制，请在框内全选（Ctrl+A）后复制（Ctrl+C）。"; });
        });
        var save = button("下载 ." + f[2] + " 文件");
        save.setAttribute("data-export-download", f[0]);
        save.addEventListener("click", function () {
          download(safeName(form.querySelector('[name="case_number"]').value + "-行政应诉工作清单") + "." + f[2],
            "\ufeff" + area.value, f[3]);
        });
        actions.appendChild(copy);
        actions.appendChild(save);
        actions.appendChild(state);
        wrap.appendChild(label);
        wrap.appendChild(area);
        wrap.appendChild(actions);
        box.appendChild(wrap);
      });
      return box;
    }

    function renderBasis(basis) {
      return Yingsu.basisList(refs, basis, "文书和清单引用的条款原文");
    }

    /** The parties as read from the pasted lines, and the case title, for the user to confirm. */
    function renderParties(r) {
      var box = el("div", "doc-parties");
      box.setAttribute("data-parties", "");
      box.appendChild(el("p", "doc-parties-title", "请核对识别出的当事人和案件名称："));
      box.appendChild(el("p", "doc-case-title", r.case_title));
      var list = el("ul");
      r.parties.forEach(function (party) {
        var item = el("li");
        item.setAttribute("data-party", party.role);
        item.appendChild(el("span", "doc-party-role", party.role_label + "（" + party.kind + "）："));
        item.appendChild(el("strong", null, party.name));
        var rest = [party.particulars].concat(party.attached).filter(Boolean).join("；");
        if (rest) item.appendChild(document.createTextNode("　" + rest));
        list.appendChild(item);
      });
      box.appendChild(list);
      box.appendChild(el("p", "doc-tools-message", "名称识别有误的，请在“原告”“第三人”“共同被告”中每行只写一名当事人，名称后用逗号隔开其他情况。"));
      return box;
    }

    /** Papers not generated for these facts, and what makes them appear. */
    function renderAvailable(available) {
      var box = el("section", "doc-available");
      box.appendChild(el("h3", null, "其他文书"));
      var list = el("ul");
      available.forEach(function (a) {
        var item = el("li");
        item.setAttribute("data-available", a.id);
        item.appendChild(el("strong", null, a.title));
        item.appendChild(document.createTextNode("：" + a.how + "后生成。"));
        list.appendChild(item);
      });
      box.appendChild(list);
      return box;
    }

    /* -- printing: never stale output -- */
    var printWanted;
    function printCurrent(id) {
      if (result.dataset.state === "invalid") return;
      if (result.dataset.pending) { printWanted = id; return; } // printed once the latest input is shown
      printOnly(id);
      document.body.classList.toggle("doc-print-all", id === null);
      window.print();
    }
    function setPrintable(ok) {
      result.querySelectorAll("[data-print]").forEach(function (b) { b.disabled = !ok; });
    }

    function render(r) {
      result.textContent = "";
      var due = r.deadlines.filter(function (d) { return d.id === "answer"; })[0];
      var answer = el("div", "calc-answer doc-summary calc-tone-" + (r.warnings.length ? "warn" : "ok"));
      answer.appendChild(el("p", "calc-headline", "已生成 " + r.documents.length + " 份文书。答辩、举证期限：" + (due ? cnDate(due.due) : "")));
      answer.appendChild(el("p", null, "应诉承办单位：" + r.undertaker));
      answer.appendChild(el("p", null, r.principal_must_appear ? "本案行政机关主要负责人应当出庭应诉。"
        : r.head_must_appear ? "本案行政机关负责人应当出庭应诉。" : "本案本机关可仅委托工作人员出庭应诉。"));
      result.appendChild(answer);
      result.appendChild(renderParties(r));
      if (r.suggestions.length) {
        var tip = el("div", "admonition tip doc-suggestions");
        tip.appendChild(el("p", "admonition-title", "建议"));
        r.suggestions.forEach(function (s) {
          var p = el("p", null, s.text);
          var take = button("勾选该项答辩意见");
          take.setAttribute("data-suggestion", s.field);
          take.addEventListener("click", function () {
            var box = form.querySelector('[name="' + s.field + '"]');
            if (box) { box.checked = true; box.dispatchEvent(new Event("change", { bubbles: true })); }
          });
          p.appendChild(document.createTextNode(" "));
          p.appendChild(take);
          tip.appendChild(p);
        });
        result.appendChild(tip);
      }
      var warnings = r.warnings.concat(r.filing_period ? r.filing_period.warnings : []);
      if (warnings.length) {
        var warn = el("div", "admonition warning calc-warnings");
        warn.appendChild(el("p", "admonition-title", "请注意"));
        warnings.forEach(function (w) { warn.appendChild(el("p", null, w.text)); });
        result.appendChild(warn);
      }
      var bar = el("div", "calc-actions doc-bar");
      var printAll = button("打印全部文书", "md-button--primary");
      printAll.setAttribute("data-print", "all");
      printAll.addEventListener("click", function () { printCurrent(null); });
      bar.appendChild(printAll);
      bar.appendChild(el("span", "doc-tools-message", "用【……】标出的内容须补充；屏幕上的“说明”和盖章处标记不打印、不写入 Word 文档。"
        + "逐份打印的文书带页码，全部打印时不印页码。"));
      result.appendChild(bar);
      var pages = el("div", "doc-pages");
      r.documents.forEach(function (doc) { pages.appendChild(renderDocument(doc)); });
      result.appendChild(pages);
      if (r.available.length) result.appendChild(renderAvailable(r.available));
      result.appendChild(renderChecklist(r.checklist));
      result.appendChild(renderBasis(r.basis));
    }

    /* -- running -- */
    /** The answer to the latest input is shown, unless newer input waits for its turn. */
    function settled() {
      if (timer === null) delete result.dataset.pending;
    }

    function generate(saved) {
      clearTimeout(timer);
      timer = null;
      if (!saved) save();
      var mine = ++sequence;
      result.dataset.pending = "1"; // until the answer to the latest input is shown
      var sent = params();
      window.YingsuCalc.run("documents", sent).then(function (r) {
        if (mine !== sequence) return;
        settled();
        lastErrors = [];
        submitted = false;
        focusOnErrors = false;
        clearErrors(); clearSummary();
        render(r);
        result.dataset.state = "done";
        if (printWanted !== undefined) {
          var id = printWanted;
          printWanted = undefined;
          printCurrent(id);
        }
      }, function (error) {
        if (mine !== sequence) return;
        settled();
        printWanted = undefined;
        if (error.kind === "startup") return; // the status line says why
        result.dataset.state = "invalid";
        setPrintable(false);
        var focus = focusOnErrors;
        focusOnErrors = false;
        if (!error.field) {   // not about one field: as it is
          lastErrors = [{ field: null, message: error.message, missing: false }];
          showErrors(false);
          return;
        }
        result.dataset.pending = "1";
        window.YingsuCalc.run("page.errors", { name: "documents", params: sent }).then(function (all) {
          if (mine !== sequence) return;
          settled();
          lastErrors = all.errors.length ? all.errors : [{ field: error.field, message: error.message, missing: false }];
          showErrors(focus);
          showWaiting();
        }, function () {
          if (mine !== sequence) return;
          settled();
          lastErrors = [{ field: error.field, message: error.message, missing: false }];
          showErrors(focus);
          showWaiting();
        });
      });
    }

    /** Drop what is scheduled or running: clicking “清除草稿” blurs the field being edited, whose
        change event would otherwise generate — and save — the old draft again. */
    function forget() {
      clearTimeout(timer);
      timer = null;
      sequence++;
      printWanted = undefined;
      delete result.dataset.pending;
    }

    function schedule() {
      result.dataset.pending = "1";
      clearTimeout(timer);
      timer = setTimeout(generate, DEBOUNCE_MS);
    }

    /** The field (or list) an element of the form belongs to. */
    function keyOfElement(target) {
      var box = target.closest && target.closest("[data-field]");
      if (box) return box.getAttribute("data-field");
      var list = target.closest && target.closest("[data-list]");
      return list ? list.getAttribute("data-list") : null;
    }

    function typed(e) {
      if (e.target === fileInput) return;   // choosing a file is not editing the draft
      var key = keyOfElement(e.target);
      var chosen = e.target.type === "checkbox" || e.target.tagName === "SELECT";
      if (key && chosen) shownFor[key] = true;   // chosen, not typed: done at once
      editing = key && !chosen && e.target === document.activeElement ? key : null;
      schedule();
    }
    form.addEventListener("input", typed);
    form.addEventListener("change", typed);
    // Leaving a field: its error is shown from now on (a date left half-typed fired no input event:
    // it is read now).
    form.addEventListener("focusout", function (e) {
      var key = keyOfElement(e.target);
      if (!key || !/^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName) || e.target === fileInput) return;
      var halfTyped = !!(e.target.validity && e.target.validity.badInput);
      var wasEditing = editing === key;
      if (wasEditing || e.target.value !== "" || halfTyped) shownFor[key] = true;
      if (wasEditing) editing = null;
      if (halfTyped) { schedule(); return; }
      if (!result.dataset.pending && lastErrors.length) showErrors(false);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      submitted = true;
      editing = null;
      focusOnErrors = true;
      clearTimeout(timer);
      generate();
    });
    Yingsu.todayButtons(form, function (input) { shownFor[input.name] = true; });
    Object.keys(lists).forEach(function (name) {
      form.querySelector('[data-add="' + name + '"]').addEventListener("click", function () {
        if (rowsOf(name).length >= lists[name].max) return;
        var rowEl = addRow(name, {});
        var first = rowEl.querySelector("input, textarea");
        if (first) first.focus();
        schedule();
      });
    });

    form.querySelector('[data-action="export"]').addEventListener("click", function () {
      var d = draft();
      var number = safeName(d.fields.case_number || "");
      download("应诉文书草稿" + (number ? "-" + number : "") + ".json", JSON.stringify(d, null, 1),
        "application/json;charset=utf-8");
      draftState.textContent = "草稿已导出为文件。";
    });
    form.querySelector('[data-action="import"]').addEventListener("click", function () {
      fileInput.value = "";
      fileInput.click();
    });
    function importFailed(name, why) {
      draftState.textContent = "导入失败：“" + name + "”" + why + "。页面上和本机保存的草稿都没有改动。";
      draftState.dataset.saved = "";
    }

    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      if (file.size > MAX_IMPORT_BYTES) {
        importFailed(file.name, "过大（" + Math.round(file.size / 1024) + " KB），不是本页导出的草稿文件");
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        try {
          var d = null;
          try { d = upgradeDraft(JSON.parse(String(reader.result).replace(/^\ufeff/, ""))); } catch (e) { d = null; }
          var problem = checkDraft(d);
          if (problem) {
            importFailed(file.name, problem);
            return;
          }
          clearTimeout(timer);
          fill(d);
          markFilled();
          var kept = save();
          generate(true);
          draftState.textContent = kept ? "已导入草稿“" + file.name + "”，并已保存在本机浏览器。"
            : "已导入草稿“" + file.name + "”并显示在页面上，但未能保存在本机（浏览器存储空间已满或被禁用）：" +
              "关闭页面前请先用“导出草稿”保存为文件。";
        } catch (error) {   // nothing in a file may end without a message
          console.error(error);
          importFailed(file.name, "无法读取");
        }
      };
      reader.onerror = function () { importFailed(file.name, "无法读取"); };
      reader.readAsText(file, "utf-8");
    });
    var clearButton = form.querySelector('[data-action="clear"]');
    var armed = null;
    clearButton.addEventListener("click", function () {
      if (!armed) { // two clicks, no confirm() dialog
        clearButton.textContent = "再次点击确认清除";
        armed = setTimeout(function () { armed = null; clearButton.textContent = "清除草稿"; }, 4000);
        return;
      }
      clearTimeout(armed);
      armed = null;
      clearButton.textContent = "清除草稿";
      forget();   // a change still waiting (e.g. the field left by this click) must not save the draft again
      Yingsu.store.remove(STORAGE_KEY);
      fill(null);
      shownFor = {};
      submitted = false;
      editing = null;
      lastErrors = [];
      result.textContent = "";
      delete result.dataset.state;
      clearErrors(); clearSummary();
      draftState.textContent = "草稿已清除。";
    });

    var unsubscribe = window.YingsuCalc.onStatus(function (s) {
      if (!document.body.contains(form)) { unsubscribe(); return; }
      Yingsu.calcStatus(status, s, { waiting: "可以先填写，启动后自动生成文书。", rules: false,
                                     ready: "已就绪：修改任一项即重新生成。输入的内容只保存在本机浏览器中。" });
    });

    /** What a draft brought in counts as entered: its errors are shown at once. */
    function markFilled() {
      boxes().forEach(function (box) {
        var input = control(box);
        if (input.type !== "checkbox" && input.value !== "") shownFor[input.name] = true;
      });
      Object.keys(lists).forEach(function (name) { if (rowsOf(name).length) shownFor[name] = true; });
    }

    var saved = stored();
    fill(saved);
    if (saved) markFilled();
    // The ledger's case control (ledger-store.js): a chosen case's facts and lists fill the form,
    // and what is typed goes to that case instead of this page's own draft.
    linked = app.hasAttribute("data-case-fields") && window.YingsuCases ? window.YingsuCases.attach(app, {
      fill: function (values, caseLists) {
        var draftOfCase = { fields: values };
        Object.keys(lists).forEach(function (n) { draftOfCase[n] = caseLists[n]; });
        fill(values ? draftOfCase : stored());
        shownFor = {};
        markFilled();
      },
      changed: function () { clearTimeout(timer); generate(); },
      lists: function () {
        var out = {};
        Object.keys(lists).forEach(function (n) { out[n] = readRows(n); });
        return out;
      }
    }) : null;
    window.addEventListener("afterprint", function () {
      printOnly(null);
      document.body.classList.remove("doc-print-all");
    });
    generate();
  }

  function onPage() {
    var apps = document.querySelectorAll(".doc-app[data-calculator]");
    document.body.classList.toggle("doc-page-active", apps.length > 0);
    if (!apps.length || !window.YingsuCalc) return;
    Array.prototype.forEach.call(apps, setup);
  }

  Yingsu.onEveryPage(onPage);
})();

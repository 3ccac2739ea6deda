/* The ledger pages (docs/ledger/, containers from macros/ledger_pages.py): what all four share
   (status line, backup reminder, storage errors) and the cases and deadlines pages. The records
   are in IndexedDB (ledger-store.js); every rule — checking a record, each case's deadlines and
   stage, the Excel columns, reading an office's own ledger — is Python (calculators/ledger.py)
   run in the browser through YingsuCalc. The statistics and area pages: ledger-stats.js.

   window.YingsuLedgerPage: {common(app), today(), cnDate(iso), button(text, cls), citeList(refs, basis),
   readFile(file, panel) -> Promise<[sheets]>, safeName(text), run(name, params)} for ledger-stats.js.
   Does nothing on pages without .ledger-app. Everything rendered goes through textContent. */
(function () {
  "use strict";

  var Y = window.Yingsu, el = Y.el, download = Y.download;
  var STORE = function () { return window.YingsuLedger; };
  var FILES = function () { return window.YingsuLedgerFiles; };

  function button(text, className) {
    var b = el("button", "md-button" + (className ? " " + className : ""), text);
    b.type = "button";
    return b;
  }

  function today() { return Y.todayISO(); }

  function cnDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Number(m[1]) + "年" + Number(m[2]) + "月" + Number(m[3]) + "日" : "";
  }

  function safeName(text) {
    return String(text || "").replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "_").slice(0, 80);
  }

  function citeList(refs, basis) {
    var span = el("span", "calc-cites");
    basis.forEach(function (b, i) {
      if (i) span.appendChild(document.createTextNode("；"));
      span.appendChild(Y.citation(refs, b));
    });
    return span;
  }

  /* ---- what every ledger page shares ---- */
  function common(app) {
    var area = app.dataset.ledgerPage === "area";   // works on imported files, not on this browser's ledger
    var status = app.querySelector("[data-calc-status]");
    var reminder = app.querySelector("[data-backup-reminder]");
    var storageError = app.querySelector("[data-storage-error]");
    var unsubscribe = window.YingsuCalc.onStatus(function (s) {
      if (!document.body.contains(app)) { unsubscribe(); return; }
      status.dataset.state = s.state;
      if (s.state === "loading") status.textContent = "正在启动计算程序（" + Math.round(s.percent) + "%）……台账已可查看。";
      else if (s.state === "ready") {
        status.textContent = area ? "导入的文件只在本页中汇总，不保存、不发送到任何地方。" : "台账保存在本机浏览器中，不会发送到任何地方。";
      }
      else if (s.state === "failed") status.textContent = s.message;
    });

    function showError(error) {
      storageError.hidden = !error;
      storageError.textContent = error ? STORE().message(error) : "";
    }

    function remind() {
      if (area) return Promise.resolve();
      return Promise.all([STORE().backupState(), STORE().list()]).then(function (v) {
        var state = v[0], count = v[1].length;
        var stale = count > 0 && state.changed && (!state.exported || state.changed > state.exported);
        reminder.hidden = !stale;
        reminder.textContent = stale
          ? "台账" + (state.exported ? "自上次导出（" + state.exported.slice(0, 10) + "）后" : "从未导出备份，") +
            "有改动。浏览器数据可能被清理，请点击“导出 Excel 台账”或“导出加密备份”保存到文件。"
          : "";
      }, showError);
    }

    var off = STORE().onChange(function () {
      if (!document.body.contains(app)) { off(); return; }
      remind();
    });
    remind();
    return { showError: showError, remind: remind };
  }

  /** A file chosen by the user as sheets: protected files ask for the password in `panel`. */
  function readFile(file, panel) {
    return file.arrayBuffer().then(function (buffer) {
      if (!FILES().isProtected(buffer)) return new Blob([buffer]);
      function attempt(purpose) {
        return FILES().askPassword(panel, { purpose: purpose }).then(function (password) {
          return FILES().unprotect(buffer, password).then(function (plain) { return new Blob([plain]); }, function (error) {
            return attempt(error.message + "　请重新输入“" + file.name + "”的密码。");
          });
        });
      }
      return attempt("“" + file.name + "”是加密备份，请输入导出时设置的密码。");
    }).then(function (blob) { return FILES().readWorkbook(blob); });
  }

  function run(name, params) { return window.YingsuCalc.run(name, params); }

  /* ---- the cases page ---- */
  function setupCases(app, spec, refs, shared) {
    var form = app.querySelector("[data-ledger-form]");
    var listBox = app.querySelector("[data-case-list]");
    var filter = app.querySelector("[data-filter]");
    var settingsBox = app.querySelector("[data-ledger-settings]");
    var message = app.querySelector("[data-files-message]");
    var panel = app.querySelector("[data-import-panel]");
    var fileInput = app.querySelector("[data-import-file]");
    var records = [];
    var views = {};
    var editing = null;

    /* settings: the agency's name and kind (statistics, exports) */
    STORE().settings().then(function (s) {
      if (s.agency_name) settingsBox.querySelector('[name="agency_name"]').value = s.agency_name;
      if (s.agency) settingsBox.querySelector('[name="agency"]').value = s.agency;
    }, shared.showError);
    settingsBox.addEventListener("change", function () {
      STORE().saveSettings({
        agency_name: settingsBox.querySelector('[name="agency_name"]').value.trim(),
        agency: settingsBox.querySelector('[name="agency"]').value
      }).then(function () { shared.showError(null); }, shared.showError);
    });

    /* the list */
    function nextDeadline(view) {
      if (!view) return "计算中……";
      if (view.error) return "记录有误：" + view.error.message;
      var open = view.deadlines.filter(function (d) { return !d.settled && d.due >= today(); });
      return open.length ? cnDate(open[0].due) + " " + open[0].title : "—";
    }

    function render() {
      listBox.textContent = "";
      var words = filter.value.trim();
      var shown = records.filter(function (r) {
        return !words || [r.case_number, r.plaintiffs, r.court, r.cause].join(" ").indexOf(words) >= 0;
      });
      if (!records.length) {
        listBox.appendChild(el("p", "ledger-empty", "台账中还没有案件。点击“新增案件”登记，或导入本机关已有的 Excel 台账。"));
        return;
      }
      listBox.appendChild(el("p", "ledger-count", "共 " + records.length + " 件案件" + (words ? "，筛选出 " + shown.length + " 件" : "") + "。"));
      var made = Y.table("ledger-table", ["案号", "原告", "受理法院", "收到起诉状", "阶段", "下一期限", "承办人员", ""]);
      var table = made.table, body = made.body;
      shown.sort(function (a, b) { return String(b.complaint_served || "").localeCompare(String(a.complaint_served || "")); });
      shown.forEach(function (r) {
        var view = views[r.id];
        var row = el("tr", view && view.error ? "ledger-row-error" : null);
        row.setAttribute("data-case", r.id);
        [["案号", r.case_number], ["原告", String(r.plaintiffs || "").split("\n")[0]], ["受理法院", r.court],
         ["收到起诉状", cnDate(r.complaint_served)], ["阶段", view ? view.stage : ""], ["下一期限", nextDeadline(view)],
         ["承办人员", r.undertaker_person]].forEach(function (c) {
          var td = el("td", null, c[1] || "");
          td.setAttribute("data-label", c[0]);
          row.appendChild(td);
        });
        var actions = el("td", "ledger-row-actions");
        var edit = button("编辑");
        edit.setAttribute("data-edit", r.id);
        edit.addEventListener("click", function () { openForm(r); });
        var docs = el("a", "md-button", "文书");
        docs.href = spec.urls.documents;
        docs.title = "在应诉文书生成页面使用本案";
        docs.addEventListener("click", function () { STORE().choose(r.id); });
        actions.appendChild(edit);
        actions.appendChild(docs);
        row.appendChild(actions);
        body.appendChild(row);
      });
      var wrap = el("div", "ledger-table-wrap");
      wrap.appendChild(table);
      listBox.appendChild(wrap);
    }

    var sequence = 0;
    function refresh() {
      return STORE().list().then(function (all) {
        records = all;
        render();
        var mine = ++sequence;
        if (!all.length) { listBox.dataset.state = "done"; return; }
        run("ledger.overview", { cases: all, today: today() }).then(function (r) {
          if (mine !== sequence) return;
          views = {};
          r.cases.forEach(function (v) { views[v.id] = v; });
          render();
          listBox.dataset.state = "done";
        }, function (error) { if (error.kind !== "startup") message.textContent = error.message; });
      }, shared.showError);
    }

    /* the form */
    function boxes() { return Array.prototype.slice.call(form.querySelectorAll("[data-field]")); }
    function control(box) { return box.querySelector("input, select, textarea"); }
    function visible(box) {
      var cond = box.getAttribute("data-show-if");
      if (!cond) return true;
      var other = form.querySelector('[name="' + cond + '"]');
      return (other.type === "checkbox" ? other.checked : other.value) === JSON.parse(box.getAttribute("data-show-if-value"));
    }
    function showIf() { boxes().forEach(function (box) { box.hidden = !visible(box); }); }

    function clearErrors() {
      form.querySelectorAll(".calc-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
      form.querySelectorAll(".calc-invalid").forEach(function (n) { n.classList.remove("calc-invalid"); });
    }

    function fieldError(field, text) {
      clearErrors();
      var p = field && form.querySelector('.calc-error[data-error-for="' + field + '"]');
      if (!p || p.closest("[data-field]").hidden) p = form.querySelector('.calc-error[data-error-for=""]');
      p.hidden = false;
      p.textContent = text;
      var box = p.closest("[data-field]");
      if (box) { box.classList.add("calc-invalid"); control(box).focus(); }
    }

    function openForm(record) {
      editing = record || null;
      form.hidden = false;
      form.querySelector("[data-form-title]").textContent = record ? "编辑案件：" + (record.case_number || "") : "新增案件";
      form.querySelector('[data-action="delete"]').hidden = !record;
      boxes().forEach(function (box) {
        var input = control(box);
        var value = record && record[input.name] !== undefined ? record[input.name] : null;
        if (value === null && !record) value = input.getAttribute("data-default");
        if (value === "today") value = null;   // a date of service is typed, never assumed
        if (input.type === "checkbox") input.checked = value === true || value === "true";
        else input.value = value === null || value === undefined ? "" : String(value);
      });
      showIf();
      clearErrors();
      form.scrollIntoView({ block: "start" });
      form.querySelector("input, select, textarea").focus();
    }

    function formValues() {
      var out = {};
      boxes().forEach(function (box) {
        var input = control(box);
        var kind = input.getAttribute("data-kind");
        if (box.hidden) { out[input.name] = null; return; }
        if (kind === "bool") out[input.name] = input.checked;
        else if (input.value === "") out[input.name] = null;
        else if (kind === "int" || kind === "amount") out[input.name] = isNaN(Number(input.value)) ? input.value : Number(input.value);
        else if (kind === "date" && input.validity && input.validity.badInput) out[input.name] = "无效日期";
        else out[input.name] = input.value;
      });
      return out;
    }

    form.addEventListener("change", showIf);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = formValues();
      var record = {};
      if (editing) Object.keys(editing).forEach(function (k) { record[k] = editing[k]; });
      Object.keys(values).forEach(function (k) {
        if (values[k] === null) delete record[k]; else record[k] = values[k];
      });
      var number = String(record.case_number || "").trim();
      var twin = records.filter(function (r) { return r.case_number === number && (!editing || r.id !== editing.id); })[0];
      if (twin) { fieldError("case_number", "台账中已有案号为“" + number + "”的案件。"); return; }
      run("ledger.check", { case: record }).then(function (answer) {
        var checked = answer.case;
        if (editing) checked.id = editing.id;
        return STORE().save(checked).then(function (saved) {
          form.hidden = true;
          editing = null;
          shared.showError(null);
          message.textContent = "已保存案件“" + saved.case_number + "”。";
          return refresh();
        }, function (error) { shared.showError(error); fieldError(null, STORE().message(error)); });
      }, function (error) { fieldError(error.field, error.message); });
    });
    form.querySelector('[data-action="cancel"]').addEventListener("click", function () { form.hidden = true; editing = null; });
    var del = form.querySelector('[data-action="delete"]');
    var armed = null;
    del.addEventListener("click", function () {
      if (!editing) return;
      if (!armed) {
        del.textContent = "再次点击确认删除";
        armed = setTimeout(function () { armed = null; del.textContent = "删除本案"; }, 4000);
        return;
      }
      clearTimeout(armed);
      armed = null;
      del.textContent = "删除本案";
      var number = editing.case_number;
      STORE().remove(editing.id).then(function () {
        form.hidden = true;
        editing = null;
        message.textContent = "已删除案件“" + number + "”。";
        refresh();
      }, shared.showError);
    });
    app.querySelector('[data-action="new"]').addEventListener("click", function () { openForm(null); });
    filter.addEventListener("input", render);

    /* files: export */
    function settingsNow() {
      return {
        agency_name: settingsBox.querySelector('[name="agency_name"]').value.trim(),
        agency: settingsBox.querySelector('[name="agency"]').value
      };
    }

    function workbook() {
      var s = settingsNow();
      return run("ledger.export", { cases: records, today: today(), agency: s.agency, agency_name: s.agency_name,
                                    stamp: new Date().toLocaleString("zh-CN") })
        .then(function (answer) { return FILES().writeWorkbook(answer.sheets); });
    }

    function exported(kind) {
      return STORE().markExported().then(function () {
        message.textContent = "已导出" + kind + "（" + records.length + " 件案件）。";
        shared.remind();
      });
    }

    app.querySelector('[data-action="export-xlsx"]').addEventListener("click", function () {
      message.textContent = "正在生成 Excel 文件……";
      workbook().then(function (blob) {
        download("应诉案件台账-" + today() + ".xlsx", blob);
        return exported("Excel 台账");
      }).catch(function (error) { message.textContent = "导出失败：" + error.message; });
    });
    app.querySelector('[data-action="export-locked"]').addEventListener("click", function () {
      FILES().askPassword(panel, { confirm: true, purpose: "为备份文件设置密码。导入该备份时需要输入同一密码。" }).then(function (password) {
        message.textContent = "正在生成加密备份……";
        return workbook().then(function (blob) { return FILES().protect(blob, password); }).then(function (blob) {
          download("应诉案件台账-加密备份-" + today() + ".enc", blob);
          return exported("加密备份");
        });
      }).catch(function (error) { message.textContent = error.message === "cancelled" ? "" : "导出失败：" + error.message; });
    });

    /* files: import with a mapping step, a preview, row-by-row errors; all or nothing */
    app.querySelector('[data-action="import"]').addEventListener("click", function () { fileInput.value = ""; fileInput.click(); });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      message.textContent = "正在读取“" + file.name + "”……";
      readFile(file, panel).then(function (sheets) {
        return run("ledger.read", { sheets: sheets });
      }).then(function (book) {
        message.textContent = "";
        showImport(file.name, book);
      }).catch(function (error) {
        message.textContent = error.message === "cancelled" ? "" : "导入失败：" + error.message;
      });
    });

    function showImport(name, book) {
      panel.textContent = "";
      panel.hidden = false;
      panel.appendChild(el("h3", null, "导入“" + name + "”"));
      if (book.counts) {
        panel.appendChild(el("p", "calc-error", "这是统计数据文件，不含案件，请在“区域汇总（司法局）”页面导入。"));
        return;
      }
      panel.appendChild(el("p", null, "工作表“" + book.sheet + "”共 " + book.rows.length + " 行。请核对每一列对应的项目（不需要的列选“不导入”），然后点击“检查并导入”。"));
      var labels = spec.labels;
      var names = spec.columns.map(function (c) { return c[0]; });
      var mapTable = el("table", "ledger-map");
      var head = el("tr");
      ["表中的列", "对应项目", "第一行的内容"].forEach(function (h) { head.appendChild(el("th", null, h)); });
      mapTable.appendChild(head);
      var selects = book.headers.map(function (header, i) {
        var tr = el("tr");
        tr.appendChild(el("td", null, header || "（第" + (i + 1) + "列）"));
        var td = el("td");
        var select = el("select");
        select.setAttribute("data-map-column", String(i));
        select.setAttribute("aria-label", "“" + header + "”对应的项目");
        var none = el("option", null, "不导入");
        none.value = "";
        select.appendChild(none);
        names.forEach(function (n) {
          var o = el("option", null, labels[n] + (spec.required.indexOf(n) >= 0 ? "（必填）" : ""));
          o.value = n;
          select.appendChild(o);
        });
        select.value = book.mapping[i] || "";
        td.appendChild(select);
        tr.appendChild(td);
        var sample = book.rows.length ? book.rows[0][i] : "";
        tr.appendChild(el("td", "ledger-sample", sample === null || sample === undefined ? "" : String(sample)));
        mapTable.appendChild(tr);
        return select;
      });
      var mapWrap = el("div", "ledger-table-wrap");
      mapWrap.appendChild(mapTable);
      panel.appendChild(mapWrap);
      var modes = el("fieldset", "ledger-modes");
      modes.appendChild(el("legend", null, "导入方式"));
      [["add", "添加到本机台账（案号不得与已有案件重复）"], ["replace", "替换本机台账（恢复备份：先清空本机台账，再导入本文件的全部案件）"]].forEach(function (m, i) {
        var label = el("label", "calc-check");
        var radio = el("input");
        radio.type = "radio";
        radio.name = "ledger-import-mode";
        radio.value = m[0];
        radio.checked = i === 0;
        label.appendChild(radio);
        label.appendChild(document.createTextNode(" " + m[1]));
        modes.appendChild(label);
      });
      panel.appendChild(modes);
      var result = el("div", "ledger-import-result");
      result.setAttribute("data-import-result", "");
      result.setAttribute("role", "status");
      var actions = el("div", "calc-actions");
      var go = button("检查并导入", "md-button--primary");
      go.setAttribute("data-action", "import-commit");
      var cancel = button("取消");
      cancel.addEventListener("click", function () { panel.hidden = true; panel.textContent = ""; });
      actions.appendChild(go);
      actions.appendChild(cancel);
      panel.appendChild(actions);
      panel.appendChild(result);
      go.addEventListener("click", function () {
        var mode = panel.querySelector('[name="ledger-import-mode"]:checked').value;
        var mapping = selects.map(function (s) { return s.value; });
        result.textContent = "正在检查……";
        run("ledger.import", {
          headers: book.headers, rows: book.rows, mapping: mapping, full: book.full,
          existing: mode === "add" ? records.map(function (r) { return r.case_number; }) : []
        }).then(function (answer) {
          result.textContent = "";
          if (answer.errors.length) {
            result.appendChild(el("p", "calc-error", "发现 " + answer.errors.length + " 处错误，本文件未导入任何案件。请在 Excel 中改正后重新导入："));
            var ul = el("ul", "ledger-import-errors");
            answer.errors.forEach(function (e) {
              ul.appendChild(el("li", null, "第" + e.row + "行" + (e.column ? "“" + e.column + "”列" : "") + "：" + e.message));
            });
            result.appendChild(ul);
            return;
          }
          if (!answer.cases.length) { result.textContent = "文件中没有可导入的案件。"; return; }
          return STORE().saveMany(answer.cases, { replace: mode === "replace" }).then(function (count) {
            panel.hidden = true;
            panel.textContent = "";
            message.textContent = "已导入 " + count + " 件案件" + (answer.blank ? "（跳过空行 " + answer.blank + " 行）" : "") + "。";
            if (book.agency_name && !settingsNow().agency_name) {
              settingsBox.querySelector('[name="agency_name"]').value = book.agency_name;
              if (book.agency) settingsBox.querySelector('[name="agency"]').value = book.agency;
              settingsBox.dispatchEvent(new Event("change"));
            }
            return refresh();
          }, function (error) { result.textContent = STORE().message(error) + "本文件未导入任何案件。"; });
        }, function (error) { result.textContent = error.message; });
      });
    }

    /* 清除本机数据: says what it deletes, asks once */
    app.querySelector('[data-action="clear-all"]').addEventListener("click", function () {
      STORE().describe().then(function (d) {
        panel.textContent = "";
        panel.hidden = false;
        var box = el("div", "admonition warning ledger-clear");
        box.appendChild(el("p", "admonition-title", "清除本机数据"));
        box.appendChild(el("p", null, "将从本机浏览器中删除：" + d.detail + "。删除后无法恢复；如需保留，请先导出备份。"));
        var actions = el("div", "calc-actions");
        var yes = button("确认删除", "ledger-danger");
        yes.setAttribute("data-action", "clear-confirm");
        var no = button("取消");
        actions.appendChild(yes);
        actions.appendChild(no);
        box.appendChild(actions);
        panel.appendChild(box);
        no.addEventListener("click", function () { panel.hidden = true; panel.textContent = ""; });
        yes.addEventListener("click", function () {
          STORE().clearAll().then(function () {
            panel.hidden = true;
            panel.textContent = "";
            settingsBox.querySelector('[name="agency_name"]').value = "";
            message.textContent = "已删除本机保存的台账（" + d.cases + " 件案件）。";
            return refresh();
          }, function (error) { message.textContent = STORE().message(error); });
        });
      });
    });

    refresh();
  }

  /* ---- the deadlines page ---- */
  function setupDeadlines(app, spec, refs, shared) {
    var box = app.querySelector("[data-due-list]");
    var icsButton = app.querySelector('[data-action="ics"]');
    var printButton = app.querySelector('[data-action="print-week"]');
    var message = app.querySelector("[data-due-message]");
    var records = [];

    function render(r) {
      box.textContent = "";
      var printed = el("p", "ledger-print-head", "行政应诉期限清单（打印日期：" + cnDate(today()) + "）");
      box.appendChild(printed);
      if (!records.length) {
        box.appendChild(el("p", "ledger-empty", "台账中还没有案件。请先在“案件台账”中登记案件。"));
        return;
      }
      Object.keys(spec.buckets).forEach(function (bucket) {
        var items = r.due.filter(function (d) { return d.bucket === bucket; });
        var section = el("section", "ledger-bucket ledger-bucket-" + bucket);
        section.setAttribute("data-bucket", bucket);
        section.appendChild(el("h2", null, spec.buckets[bucket] + "（" + items.length + "）"));
        if (!items.length) { section.appendChild(el("p", "ledger-empty", "无。")); box.appendChild(section); return; }
        var made = Y.table("ledger-table ledger-due-table", ["届满日", "案号", "事项", "性质", "依据", ""]);
        var table = made.table, body = made.body;
        items.forEach(function (d) {
          var row = el("tr", "calc-" + d.kind);
          row.setAttribute("data-deadline", d.id);
          var days = d.days < 0 ? "（已逾期" + (-d.days) + "日）" : d.days === 0 ? "（今天）" : "（还有" + d.days + "日）";
          [["届满日", cnDate(d.due) + days], ["案号", d.case_number], ["事项", d.title],
           ["性质", d.kind === "statutory" ? "法定期限" : "内部期限"]].forEach(function (c) {
            var td = el("td", null, c[1]);
            td.setAttribute("data-label", c[0]);
            row.appendChild(td);
          });
          var basis = el("td");
          basis.setAttribute("data-label", "依据");
          basis.appendChild(citeList(refs, d.basis));
          row.appendChild(basis);
          var act = el("td", "ledger-row-actions");
          var done = button("已办结");
          done.setAttribute("data-done", d.case + ":" + d.id);
          done.addEventListener("click", function () {
            var rec = records.filter(function (x) { return x.id === d.case; })[0];
            var list = (rec && rec.done_deadlines ? rec.done_deadlines.slice() : []);
            if (list.indexOf(d.id) < 0) list.push(d.id);
            STORE().patch(d.case, { done_deadlines: list }).then(refresh, shared.showError);
          });
          act.appendChild(done);
          row.appendChild(act);
          body.appendChild(row);
        });
        var wrap = el("div", "ledger-table-wrap");
        wrap.appendChild(table);
        section.appendChild(wrap);
        box.appendChild(section);
      });
      box.dataset.state = "done";
    }

    function refresh() {
      return STORE().list().then(function (all) {
        records = all;
        return run("ledger.overview", { cases: all, today: today() });
      }).then(function (r) {
        render(r);
        icsButton.disabled = !r.due.some(function (d) { return d.days >= 0; });
        printButton.disabled = !records.length;
      }, function (error) {
        if (error.kind === "startup") return;
        if (error.field !== undefined) message.textContent = error.message; else shared.showError(error);
      });
    }

    icsButton.addEventListener("click", function () {
      run("ledger.ics", { cases: records, today: today(), stamp: new Date().toISOString() }).then(function (answer) {
        download("行政应诉期限-全部案件.ics", answer.text, "text/calendar;charset=utf-8");
        message.textContent = "已生成 " + answer.events + " 项期限的日历文件，可导入 Outlook、WPS 等日历。";
      }, function (error) { message.textContent = error.message; });
    });
    printButton.addEventListener("click", function () {
      document.body.classList.add("ledger-print-week");
      window.print();
    });
    window.addEventListener("afterprint", function () { document.body.classList.remove("ledger-print-week"); });
    refresh();
  }

  function setup(app) {
    if (app.dataset.ready) return;
    app.dataset.ready = "1";
    var spec = JSON.parse(app.dataset.spec);
    var refs = JSON.parse(app.dataset.refs);
    var shared = common(app);
    if (app.dataset.ledgerPage === "cases") setupCases(app, spec, refs, shared);
    else setupDeadlines(app, spec, refs, shared);
  }

  window.YingsuLedgerPage = { common: common, today: today, cnDate: cnDate, button: button, citeList: citeList,
                              readFile: readFile, safeName: safeName, run: run };

  Y.onEveryPage(function () {
    document.body.classList.toggle("ledger-page-active", !!document.querySelector(".ledger-app"));
    if (!window.YingsuLedger || !window.YingsuCalc) return;
    // the statistics and area pages are ledger-stats.js's
    Array.prototype.forEach.call(document.querySelectorAll('.ledger-app[data-ledger-page="cases"], ' +
      '.ledger-app[data-ledger-page="deadlines"]'), setup);
  });
})();

/* The statistics page (figures of measures/43/1 from the ledger, charts, the written report,
   the statistics file for the justice bureau) and the area page (several agencies' ledgers or
   statistics files). Every figure is computed by the Python calculator "statistics"
   (calculators/statistics.py) in the browser's worker, so the page stays usable while it runs;
   this script only draws: Chart.js (vendor/charts.js) for the charts, docx-writer.js with the
   vendored docx library for the .docx, the page itself for print.

   Does nothing on pages without .ledger-app[data-ledger-page=statistics|area]. */
(function () {
  "use strict";

  var Y = window.Yingsu, el = Y.el, download = Y.download;
  var CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
  var COLORS = ["#3f51b5", "#e57373", "#4db6ac", "#ffb74d", "#9575cd", "#81c784", "#f06292", "#90a4ae", "#ba68c8",
                "#4fc3f7", "#aed581"];

  function P() { return window.YingsuLedgerPage; }
  function STORE() { return window.YingsuLedger; }
  function FILES() { return window.YingsuLedgerFiles; }

  /* ---- the docx writer: the documents page's (documents.js), loaded on first use ---- */
  function loadDocx() { return Y.loadDocx(); }

  /* ---- the statistics form ---- */
  function defaults(form) {
    form.querySelectorAll("[data-default]").forEach(function (input) {
      var value = input.getAttribute("data-default");
      if (value !== "today") input.value = value;
    });
    form.querySelector('[name="year"]').value = P().today().slice(0, 4);
  }

  function formParams(form) {
    var out = {};
    form.querySelectorAll("[name]").forEach(function (input) {
      var kind = input.getAttribute("data-kind");
      if (input.value === "") return;
      out[input.name] = kind === "int" ? (isNaN(Number(input.value)) ? input.value : Number(input.value)) : input.value;
    });
    if (!out.as_of) out.as_of = P().today();
    return out;
  }

  function formError(form, error) {
    form.querySelectorAll(".calc-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    if (!error) return;
    var p = form.querySelector('.calc-error[data-error-for="' + (error.field || "") + '"]') ||
      form.querySelector('.calc-error[data-error-for=""]');
    p.hidden = false;
    p.textContent = error.message;
  }

  /* ---- rendering figures ---- */
  function metText(f) {
    if (f.id === "enterprise" && f.met !== null) return f.met ? "无须召开" : "应召开研讨会";
    if (f.met === true) return "达到";
    if (f.met === false) return "未达到";
    return "—";
  }

  function figureTable(refs, figures) {
    var made = Y.table("ledger-table ledger-figures", ["统计项目", "数值", "目标", "情况", "说明", "依据"]);
    var table = made.table, body = made.body;
    figures.forEach(function (f) {
      var row = el("tr", f.met === false ? "ledger-missed" : f.met === true ? "ledger-met" : null);
      row.setAttribute("data-figure", f.id);
      [["统计项目", f.title], ["数值", f.value], ["目标", f.target || "—"], ["情况", metText(f)], ["说明", f.note]].forEach(function (c) {
        var td = el("td", null, c[1]);
        td.setAttribute("data-label", c[0]);
        row.appendChild(td);
      });
      var basis = el("td");
      basis.setAttribute("data-label", "依据");
      basis.appendChild(P().citeList(refs, f.refs));
      row.appendChild(basis);
      body.appendChild(row);
    });
    var wrap = el("div", "ledger-table-wrap");
    wrap.appendChild(table);
    return wrap;
  }

  function warningsBox(warnings) {
    var warn = el("div", "admonition warning calc-warnings");
    warn.appendChild(el("p", "admonition-title", "请注意"));
    warnings.forEach(function (w) { warn.appendChild(el("p", null, w.text)); });
    return warn;
  }

  /* ---- charts ---- */
  function drawCharts(box, charts, lib, instances) {
    instances.splice(0).forEach(function (c) { c.destroy(); });
    box.textContent = "";
    lib.defaults.font.family = CHART_FONT;
    lib.defaults.font.size = 13;
    charts.forEach(function (spec) {
      var figure = el("figure", "ledger-chart");
      figure.setAttribute("data-chart", spec.id);
      var holder = el("div", "ledger-chart-canvas");
      var canvas = el("canvas");
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", spec.title + "：" + spec.labels.map(function (l, i) { return l + spec.values[i] + "件"; }).join("，"));
      holder.appendChild(canvas);
      figure.appendChild(holder);
      figure.appendChild(el("figcaption", null, spec.title));
      box.appendChild(figure);
      var empty = !spec.values.some(function (v) { return v > 0; });
      var chart = new lib(canvas, {
        type: spec.kind,
        data: {
          labels: empty ? ["无数据"] : spec.labels,
          datasets: [{ data: empty ? [0] : spec.values,
                       backgroundColor: spec.kind === "doughnut" ? COLORS : COLORS[0] }]
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false, devicePixelRatio: 2,
          indexAxis: spec.kind === "bar" && spec.labels.length > 4 ? "y" : "x",
          plugins: { legend: { display: spec.kind === "doughnut", position: "bottom" }, title: { display: false } },
          scales: spec.kind === "bar" ? { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } } : undefined
        }
      });
      chart.yingsuId = spec.id;
      instances.push(chart);
    });
    box.dataset.state = "drawn";
  }

  function chartImage(instances, id) {
    var chart = instances.filter(function (c) { return c.yingsuId === id; })[0];
    if (!chart) return null;
    var url = chart.toBase64Image("image/png", 1);
    return { url: url, width: chart.width, height: chart.height };
  }

  function dataUrlBytes(url) {
    var s = atob(url.split(",")[1]);
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  /* ---- the report on screen (print) ---- */
  function renderReport(model, instances) {
    var sheet = el("div", "doc-sheet ledger-report");
    sheet.setAttribute("data-report", "");
    model.blocks.forEach(function (block) {
      if (block.type === "heading") sheet.appendChild(el(block.level === 1 ? "h2" : "h3", block.level === 1 ? "doc-title" : "doc-heading", block.text));
      else if (block.type === "paragraph") sheet.appendChild(el("p", "doc-p" + (block.indent ? " doc-indent" : ""), block.text));
      else if (block.type === "table") {
        var table = el("table", "doc-table");
        var tr = el("tr");
        block.columns.forEach(function (c) { tr.appendChild(el("th", null, c)); });
        table.appendChild(tr);
        block.rows.forEach(function (row) {
          var r = el("tr");
          row.cells.forEach(function (c) { r.appendChild(el("td", null, c)); });
          table.appendChild(r);
        });
        sheet.appendChild(table);
      } else if (block.type === "chart") {
        var image = chartImage(instances, block.chart);
        if (!image) return;
        var fig = el("figure", "ledger-report-chart");
        var img = el("img");
        img.src = image.url;
        img.alt = block.caption;
        fig.appendChild(img);
        fig.appendChild(el("figcaption", null, block.caption));
        sheet.appendChild(fig);
      } else if (block.type === "signature") {
        var sig = el("div", "doc-signature");
        block.lines.forEach(function (line) { sig.appendChild(el("p", null, line)); });
        sheet.appendChild(sig);
      }
    });
    return sheet;
  }

  /** The report's chart blocks as image blocks for docx-writer.js. */
  function reportForWord(model, instances) {
    var blocks = [];
    model.blocks.forEach(function (block) {
      if (block.type !== "chart") { blocks.push(block); return; }
      var image = chartImage(instances, block.chart);
      if (image) blocks.push({ type: "image", data: dataUrlBytes(image.url), width: image.width, height: image.height, caption: block.caption });
    });
    return { id: model.id, title: model.title, filename: model.filename, blocks: blocks };
  }

  function settleCells(rows) {
    return rows.map(function (row) {
      return row.map(function (c) { return typeof c === "number" ? { number: c } : { text: String(c === null ? "" : c) }; });
    });
  }

  /* ---- the statistics page ---- */
  function setupStatistics(app, spec, refs, shared) {
    var form = app.querySelector("[data-stats-form]");
    var box = app.querySelector("[data-stats-result]");
    var message = app.querySelector("[data-stats-message]");
    var buttons = {
      docx: app.querySelector('[data-action="report-docx"]'),
      print: app.querySelector('[data-action="report-print"]'),
      file: app.querySelector('[data-action="stats-file"]')
    };
    var fieldNames = Object.keys(spec.labels);
    var instances = [];
    var last = null;
    var sequence = 0;
    defaults(form);
    STORE().settings().then(function (s) {
      if (s.agency) form.querySelector('[name="agency"]').value = s.agency;
      if (s.agency_name) form.querySelector('[name="agency_name"]').value = s.agency_name;
      compute();
    }, function (error) { shared.showError(error); compute(); });

    function slim(record) {
      var out = {};
      fieldNames.forEach(function (n) { if (record[n] !== undefined) out[n] = record[n]; });
      return out;
    }

    function compute() {
      var mine = ++sequence;
      box.dataset.state = "running";
      message.textContent = "正在统计……";
      var began = performance.now();
      STORE().list().then(function (records) {
        var params = formParams(form);
        params.cases = records.map(slim);
        return window.YingsuCalc.run("statistics", params).then(function (r) {
          if (mine !== sequence) return;
          formError(form, null);
          last = r;
          message.textContent = "已统计 " + records.length + " 件案件中的 " + r.counts.total + " 件（" +
            Math.round(performance.now() - began) + " 毫秒）。";
          render(r);
          Object.keys(buttons).forEach(function (k) { buttons[k].disabled = false; });
        });
      }).catch(function (error) {
        if (mine !== sequence) return;
        box.dataset.state = "invalid";
        if (error.kind === "startup") { message.textContent = error.message; return; }
        message.textContent = "";
        formError(form, error);
      });
    }

    function render(r) {
      box.textContent = "";
      var answer = el("div", "calc-answer calc-tone-" + (r.figures.some(function (f) { return f.met === false; }) ? "alert" : "ok"));
      answer.appendChild(el("p", "calc-headline", (r.agency_name || "本机关") + r.period.label + "：案件 " + r.counts.total + " 件"));
      answer.appendChild(el("p", null, "统计期间 " + P().cnDate(r.period.start) + "至" + P().cnDate(r.period.end) +
        "，开庭情况统计至" + P().cnDate(r.period.as_of) + "；机关类别：" + r.agency_label + "。"));
      box.appendChild(answer);
      if (r.warnings.length) box.appendChild(warningsBox(r.warnings));
      box.appendChild(figureTable(refs, r.figures));
      var charts = el("div", "ledger-charts");
      charts.setAttribute("data-charts", "");
      box.appendChild(charts);
      [["act_type", "按被诉行政行为类别"], ["court", "按受理法院"], ["outcome", "按审理结果"]].forEach(function (t) {
        var details = el("details", "ledger-breakdown");
        details.appendChild(el("summary", null, t[1] + "（表格）"));
        var table = el("table", "ledger-table");
        r.tables[t[0]].forEach(function (row) {
          var tr = el("tr");
          tr.appendChild(el("td", null, row[0]));
          tr.appendChild(el("td", null, row[1] + "件"));
          table.appendChild(tr);
        });
        details.appendChild(table);
        box.appendChild(details);
      });
      box.appendChild(Y.basisList(refs, r.basis, "统计依据的条款原文"));
      box.dataset.state = "done";
      FILES().load("charts").then(function (lib) { drawCharts(charts, r.charts, lib, instances); },
        function (error) { charts.textContent = error.message; });
    }

    form.addEventListener("change", compute);
    form.addEventListener("submit", function (e) { e.preventDefault(); compute(); });
    var off = STORE().onChange(function () {
      if (!document.body.contains(app)) { off(); return; }
      compute();
    });

    buttons.docx.addEventListener("click", function () {
      if (!last) return;
      buttons.docx.disabled = true;
      message.textContent = "正在生成 Word 文档……";
      loadDocx().then(function (writer) { return writer.toBlob(reportForWord(last.report, instances)); }).then(function (blob) {
        download(P().safeName(last.report.filename) + ".docx", blob);
        message.textContent = "已生成统计分析报告。【】中的分析和总结请在 Word 中补充。";
      }, function (error) {
        console.error(error);
        message.textContent = "Word 文档生成失败：" + error.message;
      }).then(function () { buttons.docx.disabled = false; });
    });
    buttons.print.addEventListener("click", function () {
      if (!last) return;
      var old = document.querySelector("[data-report-print]");
      if (old) old.remove();
      var holder = el("div", "ledger-report-print");
      holder.setAttribute("data-report-print", "");
      holder.appendChild(renderReport(last.report, instances));
      app.appendChild(holder);
      document.body.classList.add("ledger-print-report");
      window.print();
    });
    window.addEventListener("afterprint", function () { document.body.classList.remove("ledger-print-report"); });
    buttons.file.addEventListener("click", function () {
      if (!last) return;
      FILES().writeWorkbook([{ name: "统计数据", rows: settleCells(last.file), widths: [40, 20], sticky: 1 }]).then(function (blob) {
        download(P().safeName("统计数据-" + (last.agency_name || "本机关") + "-" + last.period.label) + ".xlsx", blob);
        message.textContent = "已导出统计数据，可报送同级司法行政机关。";
      }, function (error) { message.textContent = "导出失败：" + error.message; });
    });
  }

  /* ---- the area page (justice bureau) ---- */
  function setupArea(app, spec, refs, shared) {
    var form = app.querySelector("[data-area-form]");
    var box = app.querySelector("[data-area-result]");
    var sourcesBox = app.querySelector("[data-area-sources]");
    var message = app.querySelector("[data-area-message]");
    var fileInput = app.querySelector("[data-area-file]");
    var sources = [];
    var panel = el("div", "ledger-import");   // the password form of a protected file
    panel.hidden = true;
    sourcesBox.parentNode.insertBefore(panel, sourcesBox);
    defaults(form);

    function renderSources() {
      sourcesBox.textContent = "";
      if (!sources.length) {
        sourcesBox.appendChild(el("p", "ledger-empty", "尚未导入。"));
        return;
      }
      var table = el("table", "ledger-table ledger-sources");
      var head = el("tr");
      ["文件", "单位名称", "机关类别", "内容", ""].forEach(function (h) { head.appendChild(el("th", null, h)); });
      table.appendChild(head);
      sources.forEach(function (s, i) {
        var tr = el("tr");
        tr.setAttribute("data-source", String(i));
        var file = el("td", null, s.file);
        file.setAttribute("data-label", "文件");
        tr.appendChild(file);
        var nameTd = el("td");
        nameTd.setAttribute("data-label", "单位名称");
        var name = el("input");
        name.type = "text";
        name.value = s.name;
        name.setAttribute("aria-label", "单位名称");
        name.addEventListener("change", function () { s.name = name.value.trim() || s.file; compute(); });
        nameTd.appendChild(name);
        tr.appendChild(nameTd);
        var kindTd = el("td");
        kindTd.setAttribute("data-label", "机关类别");
        var kind = el("select");
        kind.setAttribute("aria-label", "机关类别");
        Object.keys(spec.agencies).forEach(function (k) {
          var o = el("option", null, spec.agencies[k]);
          o.value = k;
          kind.appendChild(o);
        });
        kind.value = s.agency || "city_department";
        s.agency = kind.value;
        kind.addEventListener("change", function () { s.agency = kind.value; compute(); });
        kindTd.appendChild(kind);
        tr.appendChild(kindTd);
        var what = el("td", null, s.counts ? "统计数据（" + (s.year || "") + "年" + (s.quarter && s.quarter !== "0" ? "第" + s.quarter + "季度" : "") + "）"
          : "台账 " + s.cases.length + " 件案件");
        what.setAttribute("data-label", "内容");
        tr.appendChild(what);
        var act = el("td", "ledger-row-actions");
        var remove = P().button("移除");
        remove.addEventListener("click", function () { sources.splice(i, 1); renderSources(); compute(); });
        act.appendChild(remove);
        tr.appendChild(act);
        table.appendChild(tr);
      });
      var wrap = el("div", "ledger-table-wrap");
      wrap.appendChild(table);
      sourcesBox.appendChild(wrap);
    }

    function addFile(file) {
      return P().readFile(file, panel)
        .then(function (sheets) { return window.YingsuCalc.run("ledger.read", { sheets: sheets }); })
        .then(function (book) {
          var name = book.agency_name || file.name.replace(/\.(xlsx|enc)$/i, "");
          if (book.counts) {
            sources.push({ file: file.name, name: name, agency: book.agency, counts: book.counts, year: book.year, quarter: book.quarter });
            return null;
          }
          return window.YingsuCalc.run("ledger.import", { headers: book.headers, rows: book.rows, mapping: book.mapping, full: book.full })
            .then(function (answer) {
              if (answer.errors.length) {
                var first = answer.errors[0];
                return "“" + file.name + "”有 " + answer.errors.length + " 处错误，未导入（第" + first.row + "行：" + first.message + "）";
              }
              sources.push({ file: file.name, name: name, agency: book.agency, cases: answer.cases });
              return null;
            });
        }).catch(function (error) {
          return error.message === "cancelled" ? "“" + file.name + "”未导入。" : "“" + file.name + "”：" + error.message;
        });
    }

    function compute() {
      renderSources();
      if (!sources.length) { box.textContent = ""; return; }
      var params = formParams(form);
      params.agencies = sources.map(function (s) {
        return s.counts ? { name: s.name, agency: s.agency, counts: s.counts } : { name: s.name, agency: s.agency, cases: s.cases };
      });
      window.YingsuCalc.run("statistics", params).then(function (r) {
        formError(form, null);
        render(r, params.year);
      }, function (error) { formError(form, error); });
    }

    function render(r, year) {
      box.textContent = "";
      var answer = el("div", "calc-answer calc-tone-" + (r.misses.length ? "alert" : "ok"));
      answer.appendChild(el("p", "calc-headline", r.period.label + "：" + r.agencies.length + " 个单位，案件 " + r.totals.total + " 件"));
      box.appendChild(answer);
      var stale = sources.filter(function (s) { return s.counts && s.year && s.year !== Number(year); });
      if (stale.length) {
        box.appendChild(warningsBox(stale.map(function (s) {
          return { text: "“" + s.name + "”的统计数据为" + s.year + "年，与所选统计年度不同；统计数据按文件原样计入。" };
        })));
      }
      box.appendChild(figureTable(refs, r.figures));
      box.appendChild(el("h2", null, "各单位数据"));
      var table = el("table", "ledger-table ledger-area-table");
      var head = el("tr");
      ["单位", "机关类别", "案件数", "负责人出庭应诉率", "主要负责人出庭（本年度累计）", "败诉率", "涉企案件", "按期登记率"].forEach(function (h) { head.appendChild(el("th", null, h)); });
      table.appendChild(head);
      r.agencies.forEach(function (a) {
        var by = {};
        a.figures.forEach(function (f) { by[f.id] = f; });
        var tr = el("tr", [by.head_rate, by.principal_quota].some(function (f) { return f.met === false; }) || a.seminar_required ? "ledger-missed" : null);
        tr.setAttribute("data-agency", a.name);
        [a.name, a.agency_label, a.counts.total + "件", by.head_rate.value, by.principal_quota.value, by.loss_rate.value,
         by.enterprise.value + (a.seminar_required ? "（应召开研讨会）" : ""), by.register_on_time.value].forEach(function (text, i) {
          var td = el("td", null, text);
          td.setAttribute("data-label", head.children[i].textContent);
          tr.appendChild(td);
        });
        table.appendChild(tr);
      });
      var wrap = el("div", "ledger-table-wrap");
      wrap.appendChild(table);
      box.appendChild(wrap);
      box.appendChild(el("h2", null, "未达到要求的单位"));
      if (!r.misses.length) box.appendChild(el("p", null, "无。"));
      else {
        var ul = el("ul", "ledger-misses");
        r.misses.forEach(function (m) {
          var li = el("li", null, m.agency + "：" + m.what + "（");
          li.setAttribute("data-miss", m.agency);
          li.appendChild(P().citeList(refs, m.refs));
          li.appendChild(document.createTextNode("）"));
          ul.appendChild(li);
        });
        box.appendChild(ul);
      }
      box.appendChild(Y.basisList(refs, r.basis, "汇总依据的条款原文"));
      box.dataset.state = "done";
    }

    app.querySelector('[data-action="area-import"]').addEventListener("click", function () { fileInput.value = ""; fileInput.click(); });
    fileInput.addEventListener("change", function () {
      var files = Array.prototype.slice.call(fileInput.files || []);
      if (!files.length) return;
      message.textContent = "正在读取 " + files.length + " 个文件……";
      var problems = [];
      files.reduce(function (chain, file) {
        return chain.then(function () { return addFile(file).then(function (p) { if (p) problems.push(p); }); });
      }, Promise.resolve()).then(function () {
        message.textContent = "已导入 " + sources.length + " 个单位。" + (problems.length ? problems.join("；") + "。" : "");
        compute();
      });
    });
    app.querySelector('[data-action="area-clear"]').addEventListener("click", function () {
      sources = [];
      message.textContent = "";
      compute();
    });
    form.addEventListener("change", compute);
    form.addEventListener("submit", function (e) { e.preventDefault(); compute(); });
    renderSources();
  }

  function setup(app) {
    if (app.dataset.ready) return;
    app.dataset.ready = "1";
    var spec = JSON.parse(app.dataset.spec);
    var refs = JSON.parse(app.dataset.refs);
    var shared = P().common(app);
    if (app.dataset.ledgerPage === "statistics") setupStatistics(app, spec, refs, shared);
    else setupArea(app, spec, refs, shared);
  }

  Y.onEveryPage(function () {
    if (!window.YingsuLedger || !window.YingsuCalc || !window.YingsuLedgerPage) return;
    Array.prototype.forEach.call(document.querySelectorAll('.ledger-app[data-ledger-page="statistics"], ' +
      '.ledger-app[data-ledger-page="area"]'), setup);
  });
})();

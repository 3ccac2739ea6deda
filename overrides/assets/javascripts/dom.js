/* Small helpers shared by the site's page scripts (site.js, calc-form.js, documents.js,
   quiz.js), loaded before them as window.Yingsu. Everything is built with createElement and
   textContent, never innerHTML, so what a user typed is never read as markup. */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /** Today in the reader's own time zone, as YYYY-MM-DD. */
  function todayISO() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /** A basis entry {ref, label, url} as a link to its anchor (plain text where it has no page).
      `url` is root-relative, made by the one URL scheme in Python (calculators/urls.py);
      `refs.root` is the site root relative to this page. */
  function citation(refs, basis) {
    var url = typeof basis.url === "string" ? refs.root + basis.url : null;
    var link = el(url ? "a" : "span", "calc-cite", basis.label || basis.ref);
    if (url) link.href = url;
    return link;
  }

  /** The provisions a result applied, their full text folded under `summary`. */
  function basisList(refs, basis, summary) {
    var details = el("details", "calc-basis");
    details.appendChild(el("summary", null, summary + "（" + basis.length + " 条）"));
    var list = el("dl");
    basis.forEach(function (b) {
      var dt = el("dt");
      dt.appendChild(citation(refs, b));
      list.appendChild(dt);
      var dd = el("dd");
      (b.text || "").split("\n").forEach(function (line) { dd.appendChild(el("p", null, line)); });
      list.appendChild(dd);
    });
    details.appendChild(list);
    return details;
  }

  /** Save `data` (text or Blob) as a file; nothing leaves the browser. */
  function download(filename, data, type) {
    var blob = data instanceof Blob ? data : new Blob([data], { type: type });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  /** Run `fn` on every page shown, including after Material's instant navigation. Material's
      document$ completes without emitting on pages opened from disk (file://), so there the
      page's own load event is used. */
  function onEveryPage(fn) {
    if (window.document$ && typeof window.document$.subscribe === "function" && location.protocol !== "file:") {
      window.document$.subscribe(fn);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  /** A table with a header row of `headings` and an empty body: {table, body}. */
  function table(className, headings) {
    var made = el("table", className);
    var head = el("tr");
    headings.forEach(function (h) { head.appendChild(el("th", null, h)); });
    made.appendChild(el("thead")).appendChild(head);
    return { table: made, body: made.appendChild(el("tbody")) };
  }

  /** Bring a form control into sight and give it the focus. */
  function goTo(input) {
    input.focus();
    if (input.scrollIntoView) input.scrollIntoView({ block: "center" });
  }

  /** The list of a form's errors at its top: `items` [{id, message, input}] in the order of the
      form, each a link that takes the reader to its control. Rebuilt only when it changes:
      leaving a field for one of its links (mousedown) must not take the link away before its
      click arrives. */
  function errorSummary(box, items) {
    var key = JSON.stringify(items.map(function (item) { return [item.id, item.message]; }));
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    box.textContent = "";
    box.hidden = !items.length;
    if (!items.length) return;
    box.appendChild(el("p", "calc-summary-title", "请填写或更正以下 " + items.length + " 项："));
    var list = el("ul");
    items.forEach(function (item) {
      var link = el("a", null, item.message);
      link.href = "#" + item.input.id;
      link.setAttribute("data-error-link", item.id);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();   // not also a jump of the theme's instant navigation, which takes the focus
        goTo(item.input);
      });
      list.appendChild(el("li")).appendChild(link);
    });
    box.appendChild(list);
  }

  /** A form's 今天 buttons (data-today-for="<field>"): today's date into the field, never a
      default; `chosen(input)`, then the field's input and change events. */
  function todayButtons(form, chosen) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-today-for]"), function (button) {
      button.addEventListener("click", function () {
        var input = form.querySelector('[name="' + button.getAttribute("data-today-for") + '"]');
        input.value = todayISO();
        chosen(input);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
  }

  /** Load a script of the site once more into the page (a library used on demand); resolves
      when it has run, rejects with a message for the reader. */
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () {
        reject(new Error("无法载入页面所需的程序文件，请刷新页面重试；如仍失败，请管理员检查网站是否完整部署。"));
      };
      document.head.appendChild(s);
    });
  }

  window.Yingsu = {
    el: el, todayISO: todayISO, citation: citation, basisList: basisList, download: download,
    onEveryPage: onEveryPage, table: table, loadScript: loadScript, goTo: goTo, errorSummary: errorSummary,
    todayButtons: todayButtons
  };
})();

/* Site behaviour that needs no Python: validity of the measures (from the reader's own
   clock, so a site built today still warns correctly after expiry) and copy-link buttons.
   Runs on every page, including after Material's instant navigation. */
(function () {
  "use strict";

  function parseISO(s) {
    var p = s.split("-").map(Number);
    return new Date(p[0], p[1] - 1, p[2]);
  }

  function today() {
    var d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate());
  }

  function cnDate(d) {
    return d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日";
  }

  /** The edition of the measures in force on `now` (the newest one that has started when none is):
      meta.dataset.editions lists every edition's validity, oldest first. */
  function editionOn(meta, now) {
    var editions = JSON.parse(meta.dataset.editions || "[]");
    var chosen = null;
    editions.forEach(function (e) {
      if (parseISO(e.from) <= now && (chosen === null || !(now <= parseISO(chosen.until)))) chosen = e;
    });
    return { edition: chosen || editions[0], several: editions.length > 1 };
  }

  /** The measures' status on `now`: {state: "pending"|"in_force"|"expired", text}. */
  function validity(meta, now) {
    var found = editionOn(meta, now);
    var from = found.edition ? parseISO(found.edition.from) : parseISO(meta.dataset.effectiveFrom);
    var until = found.edition ? parseISO(found.edition.until) : parseISO(meta.dataset.effectiveUntil);
    var title = "《" + meta.dataset.title + "》" + (found.several ? found.edition.version + "年版" : "");
    if (now < from) {
      return { state: "pending", text: title + "将于" + cnDate(from) + "起施行，目前尚未施行。" };
    }
    if (now > until) {
      return {
        state: "expired",
        text: title + "有效期已于" + cnDate(until) + "届满，现已失效，可能已被修订或替代。" +
          "本站内容仅供查阅历史规定；办理新案件前请向司法行政机关核实现行规定。"
      };
    }
    var days = Math.round((until - now) / 86400000);
    var text = title + "现行有效（自" + cnDate(from) + "起施行，有效期至" + cnDate(until) +
      "，距届满还有 " + days + " 天）。";
    if (days <= 90) {
      text += "办法即将届满，请关注修订或延续情况。";
    }
    return { state: "in_force", text: text };
  }

  function showValidity() {
    var meta = document.querySelector('meta[name="measures-validity"]');
    if (!meta) return;
    var status = validity(meta, today());
    var box = document.getElementById("measures-status");
    if (box) {
      box.textContent = status.text;
      box.dataset.state = status.state;
    }
    var banner = document.getElementById("validity-banner");
    if (banner) {
      banner.hidden = status.state !== "expired";
      banner.textContent = status.state === "expired" ? "⚠ " + status.text : "";
    }
  }

  function addCopyLinks() {
    var headings = document.querySelectorAll(".md-content h3[id^='art-']");
    Array.prototype.forEach.call(headings, function (h) {
      if (h.querySelector(".copy-link")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.textContent = "复制链接";
      button.title = "复制本条的链接地址";
      button.addEventListener("click", function () {
        var url = location.href.split("#")[0] + "#" + h.id;
        var done = function () {
          button.textContent = "已复制";
          setTimeout(function () { button.textContent = "复制链接"; }, 2000);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(done, function () { fallbackCopy(url); done(); });
        } else {
          fallbackCopy(url);
          done();
        }
      });
      h.appendChild(button);
    });
  }

  /* Intranet sites are often plain http, where navigator.clipboard is unavailable. */
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing else to try */ }
    document.body.removeChild(area);
  }

  /* The home page's search field opens the theme's own search (focusing its box opens it, on a
     phone as a full-screen panel). Shown only where that search works: not on pages opened
     from disk, where the theme cannot start its search. */
  function searchButtons() {
    var input = document.querySelector("[data-md-component=search-query]");
    Array.prototype.forEach.call(document.querySelectorAll("[data-open-search]"), function (button) {
      if (!input || location.protocol === "file:") return;
      button.hidden = false;
      if (button.dataset.ready) return;
      button.dataset.ready = "true";
      button.addEventListener("click", function () {
        var toggle = document.getElementById("__search");
        if (toggle && !toggle.checked) {
          toggle.checked = true;
          toggle.dispatchEvent(new Event("change"));
        }
        input.focus();
      });
    });
  }

  /* "打印本页" buttons (the printable full text of the measures): the browser's own print. */
  function printButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.hidden = false;
      if (button.dataset.ready) return;
      button.dataset.ready = "true";
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function onPage() {
    showValidity();
    addCopyLinks();
    searchButtons();
    printButtons();
  }

  window.YingsuSite = { validity: validity };
  Yingsu.onEveryPage(onPage);
})();

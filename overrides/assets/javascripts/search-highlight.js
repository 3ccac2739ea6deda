/* The words a search matched, marked on the page the reader opens from the result list
   (issue 17). The theme's own way (search.highlight) puts the words in the URL (?h=…), where
   they reach the server's logs; here they stay in this browser tab (sessionStorage): taken from
   the <mark>s of the clicked result, applied once to the provision the link points to. */
(function () {
  "use strict";

  var KEY = "yingsu-search-marks";
  var RESULT_LINK = "a.md-search-result__link";

  function remember(event) {
    var link = event.target && event.target.closest ? event.target.closest(RESULT_LINK) : null;
    if (!link) return;
    var words = [];
    Array.prototype.forEach.call(link.querySelectorAll("mark"), function (mark) {
      var word = mark.textContent.trim();
      if (word.length > 1 && words.indexOf(word) < 0) words.push(word);
    });
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ url: link.href, words: words }));
    } catch (error) { /* storage refused: nothing is marked */ }
  }

  /** The element holding the provision or section an URL's fragment names. */
  function target(hash) {
    var content = document.querySelector(".md-content__inner") || document.body;
    if (!hash) return content;
    var el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!el) return null;
    if (/^H[1-6]$/.test(el.tagName)) {   // a heading: its article's body, or the section after it
      var parts = [];
      for (var next = el.nextElementSibling; next && !/^H[1-6]$/.test(next.tagName); next = next.nextElementSibling) {
        parts.push(next);
      }
      return parts;
    }
    return el.closest("tr") || el;
  }

  function mark(root, words) {
    var pattern = new RegExp(words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|"), "g");
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      pattern.lastIndex = 0;
      if (pattern.test(node.nodeValue) && !node.parentElement.closest("mark, .headerlink")) nodes.push(node);
    }
    nodes.forEach(function (text) {
      var value = text.nodeValue;
      var fragment = document.createDocumentFragment();
      var pos = 0;
      value.replace(pattern, function (word, at) {
        fragment.appendChild(document.createTextNode(value.slice(pos, at)));
        var hit = document.createElement("mark");
        hit.className = "search-hit";
        hit.textContent = word;
        fragment.appendChild(hit);
        pos = at + word.length;
        return word;
      });
      fragment.appendChild(document.createTextNode(value.slice(pos)));
      text.parentNode.replaceChild(fragment, text);
    });
  }

  function apply() {
    var saved;
    try {
      saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
      sessionStorage.removeItem(KEY);
    } catch (error) {
      return;
    }
    if (!saved || !saved.words || !saved.words.length) return;
    var wanted = new URL(saved.url, location.href);
    if (wanted.pathname.replace(/index\.html$/, "") !== location.pathname.replace(/index\.html$/, "")) return;
    var found = target(wanted.hash);
    if (!found) return;
    (Array.isArray(found) ? found : [found]).forEach(function (el) { mark(el, saved.words); });
  }

  document.addEventListener("click", remember, true);   // Enter in the search box clicks the best link too
  Yingsu.onEveryPage(apply);
})();

/* The theme's inline start-up script (Material for MkDocs 9.8, partials/javascripts/base.html)
   as a file, so the site's Content-Security-Policy needs no 'unsafe-inline'
   (overrides/partials/javascripts/base.html loads it with the values as data- attributes).
   Loaded in <head> before the theme's bundle, which uses these globals. Also maps the
   sitemap's URLs onto the address the site is served from (formerly an inline script in
   overrides/main.html). */
/* eslint-disable no-var */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = function (name) { return script ? script.getAttribute("data-" + name) : null; };

  // --- the theme's globals, as in its inline script ---
  window.__md_scope = new URL(data("scope") || ".", location);
  window.__md_hash = function (e) {
    return Array.prototype.reduce.call(Array.from(e), function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage === undefined ? localStorage : storage;
    scope = scope === undefined ? window.__md_scope : scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage === undefined ? localStorage : storage;
    scope = scope === undefined ? window.__md_scope : scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* as the theme: ignored */ }
  };

  // --- sitemap onto the served root ---
  /* Instant navigation only follows links listed in sitemap.xml, whose URLs start with the
     build-time site_url; Material maps their protocol and host but not port or path. So that
     the site works from any host, port and sub-path, map the sitemap's URLs onto the root the
     page is actually served from before Material reads them. */
  var built = data("site-url");
  var actual = new URL((data("base-url") || ".") + "/", location.href).href;
  if (!built || built === actual || !window.DOMParser) return;
  var parse = DOMParser.prototype.parseFromString;
  DOMParser.prototype.parseFromString = function (text, type) {
    if (type === "text/xml" && typeof text === "string" && text.indexOf("<urlset") >= 0) {
      text = text.split("<loc>" + built).join("<loc>" + actual);
    }
    return parse.call(this, text, type);
  };
})();

/* The theme's inline script after the content (Material for MkDocs 9.8,
   partials/javascripts/content.html) as a file, for the site's Content-Security-Policy:
   opens the content tab a link's #fragment names. */
(function () {
  "use strict";
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();

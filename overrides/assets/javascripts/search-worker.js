/* The site search's worker (issue 17): answers the theme's search messages with the site's
   own engine (search-core.js) over the documents built with the site (search/documents.js).
   Started by search-loader.js in place of the theme's lunr worker, only when search is opened
   or the page is idle. Paths are relative to this script, so any sub-path works. */
/* global importScripts, YingsuSearch */
"use strict";

importScripts("vendor/minisearch.js", "search-core.js", "../../search/documents.js");

var state = { engine: null };

self.onmessage = function (event) {
  var reply = YingsuSearch.answer(state, event.data, self.YINGSU_SEARCH_DATA);
  if (reply) self.postMessage(reply);
};

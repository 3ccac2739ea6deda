/* Runs the site search's engine (overrides/assets/javascripts/search-core.js) under Node for
   the tests: reads {"data": <path of search/documents.js or null>, "t2s": [trad, simple],
   "calls": [[name, ...args]]} on stdin, writes the list of results as JSON.
   Names: normalize, fold (normalize then numerals as digits), number (chineseNumber), tokens,
   snippet, lookup and rank (the latter two need data: the built documents). */
"use strict";
const path = require("path");
const core = require(path.join(__dirname, "..", "overrides", "assets", "javascripts", "search-core.js"));

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  let engine = null;
  let data = null;
  if (request.data) {
    global.self = global;
    require(path.resolve(request.data));
    data = global.self.YINGSU_SEARCH_DATA;
    engine = core.create(data);
  }
  const t2s = core.charTable(request.t2s || (data && data.t2s));
  const refOf = (r) => r.doc.ref || engine.location(r.doc);
  const calls = {
    normalize: (text) => core.normalize(text, t2s).s,
    fold: (text) => core.foldNumerals(core.normalize(text, t2s)).s,
    number: (run) => core.chineseNumber(run),
    tokens: (text) => core.tokens(text, t2s),
    snippet: (text, ranges) => core.snippet(text, ranges),
    lookup: (query) => { const found = engine.lookup(query); return found && found.ref; },
    rank: (query, n) => engine.rank(query).slice(0, n || 10).map(refOf),
    material: (query) => engine.material(query),
  };
  const out = request.calls.map(([name, ...args]) => calls[name](...args));
  process.stdout.write(JSON.stringify(out));
});

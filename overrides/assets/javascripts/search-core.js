/* The site search's engine (issue 17): what a clerk types finds the provision that says it.
 *
 * Runs in the search worker (search-worker.js), in the page when the site is opened from disk
 * (search-loader.js), and under Node in the tests and the benchmark. Its documents are built at
 * build time (macros/search_hook.py → search/documents.js, self.YINGSU_SEARCH_DATA): every
 * paragraph and item of the measures and the upstream law with its citation label, the
 * sections of every other page, the glossary entries, instrument names and synonyms.
 *
 * - Text and query are normalised alike (normalize): full-width forms and compatibility
 *   characters folded (NFKC), traditional characters made simplified (OpenCC's table, as
 *   shipped in the data), Latin letters lower-cased, punctuation and spaces dropped. A second
 *   form reads Chinese numerals as digits (foldNumerals: 第二十二条 → 第22条, 十五日 → 15日),
 *   so 15日 finds 十五日 and 三个工作日 finds 3个工作日.
 * - Documents are indexed by MiniSearch on overlapping character pairs of both forms (tokens),
 *   so any run of two or more characters that occurs in a text finds it, whatever the words.
 * - Ranking (rank): a document holding every word of the query literally comes first, ordered
 *   by tier (the measures in force, their other editions, topics, guide, law, glossary, other
 *   pages), then by MiniSearch's BM25 score; documents holding only part of the query follow,
 *   by how many of its character pairs they hold and their BM25 score.
 * - An article number (第22条, 二十二条, 办法22, 《办法》第二十二条第二款, 行政诉讼法第67条,
 *   解释第六十九条) puts that provision first (lookup).
 * - Synonyms (macros/search_synonyms.yml): a query holding an alias is also searched with the
 *   words of the text it stands for.
 * - Results are returned in the shape of the theme's own search worker (Material for MkDocs:
 *   SearchResult {items: SearchItem[][]}, grouped by page), titled with the citation label
 *   and a snippet with the matching words in <mark>.
 */
(function (root, factory) {
  var MiniSearch = root.MiniSearch || (typeof require === "function" ? require("minisearch") : null);
  var api = factory(MiniSearch);
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.YingsuSearch = api;
})(typeof self !== "undefined" ? self : this, function (MiniSearch) {
  "use strict";

  var KEEP = /[\p{L}\p{N}]/u;
  var HAN = /\p{Script=Han}/u;
  var DIGIT = /[0-9]/;
  var LATIN = /[a-z]/;
  var NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万]+/g;
  var DIGITS = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
  var UNITS = { "十": 10, "百": 100, "千": 1000 };

  var MAX_RESULTS = 40;
  var SNIPPET_BEFORE = 24;
  var SNIPPET_LENGTH = 110;
  var SYNONYM_PENALTY = 30;     // a synonym's hit ranks just below the same hit of the typed words
  var BEST_BET = 2000;          // the provision a synonym entry names: first, after an article number
  var LOOKUP = 5000;            // the provision an article number names
  var TITLE = 1500;             // a page or section whose heading is exactly the query
  var TIERS_CITING = [2, 3];    // topic pages and guide steps: their cited provisions follow them
  var CITED_SHOWN = 3;
  var PIECES_CHECKED = 50;      // hits (best BM25 first) checked for a query's parts typed together

  /* ---- normalisation ------------------------------------------------------------------ */

  /** Traditional → simplified table from the data: [traditional chars, simplified chars]. */
  function charTable(pair) {
    var table = {};
    var from = Array.from(pair ? pair[0] : "");
    var to = Array.from(pair ? pair[1] : "");
    from.forEach(function (c, i) { table[c] = to[i]; });
    return table;
  }

  /**
   * `text` as the search compares it: {s, start, end} where s keeps letters and digits only
   * (NFKC, lower case, simplified characters) and s[i] comes from text.slice(start[i], end[i]).
   */
  function normalize(text, t2s) {
    var s = "";
    var start = [];
    var end = [];
    var i = 0;
    for (var ch of String(text || "")) {
      var c = (t2s && t2s[ch]) || ch;
      var code = c.charCodeAt(0);
      // common CJK ideographs and ASCII need no compatibility folding (the slow part)
      var n = code >= 0x4e00 && code <= 0x9fff ? c : code < 0x80 ? c.toLowerCase() : c.normalize("NFKC").toLowerCase();
      for (var out of n) {
        if (!KEEP.test(out)) continue;
        s += out;
        start.push(i);
        end.push(i + ch.length);
      }
      i += ch.length;
    }
    return { s: s, start: start, end: end };
  }

  /** A run of Chinese numerals as digits: 二十二 → "22", 一百零五 → "105", 二〇二一 → "2021". */
  function chineseNumber(run) {
    var chars = Array.from(run);
    if (!chars.some(function (c) { return c in UNITS || c === "万"; })) {
      return chars.map(function (c) { return DIGITS[c]; }).join("");
    }
    var total = 0;
    var section = 0;
    var number = 0;
    chars.forEach(function (c) {
      if (c in DIGITS) {
        number = DIGITS[c];
      } else if (c === "万") {
        total += (section + number || 1) * 10000;
        section = 0;
        number = 0;
      } else {
        section += (number || 1) * UNITS[c];
        number = 0;
      }
    });
    return String(total + section + number);
  }

  /** The normalised form with every run of Chinese numerals read as digits; each digit maps
      to the whole run in the original text. */
  function foldNumerals(norm) {
    var s = "";
    var start = [];
    var end = [];
    var pos = 0;
    var m;
    NUMERAL_RUN.lastIndex = 0;
    function copy(upto) {
      for (; pos < upto; pos++) {
        s += norm.s[pos];
        start.push(norm.start[pos]);
        end.push(norm.end[pos]);
      }
    }
    while ((m = NUMERAL_RUN.exec(norm.s)) !== null) {
      copy(m.index);
      var digits = chineseNumber(m[0]);
      var last = m.index + m[0].length - 1;
      for (var k = 0; k < digits.length; k++) {
        s += digits[k];
        start.push(norm.start[m.index]);
        end.push(norm.end[last]);
      }
      pos = m.index + m[0].length;
    }
    copy(norm.s.length);
    return { s: s, start: start, end: end };
  }

  /** Units of a normalised string: each Han character alone, runs of digits, runs of Latin. */
  function units(s) {
    var out = [];
    var i = 0;
    var chars = Array.from(s);
    while (i < chars.length) {
      var c = chars[i];
      var kind = DIGIT.test(c) ? DIGIT : LATIN.test(c) ? LATIN : null;
      if (!kind) {
        out.push(c);
        i++;
        continue;
      }
      var j = i + 1;
      while (j < chars.length && kind.test(chars[j])) j++;
      out.push(chars.slice(i, j).join(""));
      i = j;
    }
    return out;
  }

  /** Index terms of a normalised string: overlapping pairs of units (3日, 日内, 内登, 登记),
      and every run of digits or Latin letters on its own (ems, 2022). */
  function pairs(s) {
    var u = units(s);
    var out = [];
    for (var i = 0; i < u.length; i++) {
      if (i + 1 < u.length) out.push(u[i] + u[i + 1]);
      if (!HAN.test(u[i]) && u[i].length > 0) out.push(u[i]);
    }
    if (u.length === 1 && HAN.test(u[0])) out.push(u[0]);
    return out;
  }

  /** Terms of a text in both forms (as written, numerals as digits). */
  function tokens(text, t2s) {
    var norm = normalize(text, t2s);
    return bothForms(norm.s, foldNumerals(norm).s);
  }

  function unique(list) {
    return Array.from(new Set(list));
  }

  /** Terms of a normalised string and of its numeral-folded form (each term of the latter
      only where the former lacks it). */
  function bothForms(s, folded) {
    var plain = pairs(s);
    if (folded === s) return plain;
    var seen = new Set(plain);
    return plain.concat(pairs(folded).filter(function (t) { return !seen.has(t); }));
  }

  /** The words of a query: split at spaces and punctuation, each normalised in both forms. */
  function words(query, t2s) {
    return String(query || "").split(/[^\p{L}\p{N}]+/u)
      .map(function (w) {
        var norm = normalize(w, t2s);
        return { text: w, s: norm.s, f: foldNumerals(norm).s };
      })
      .filter(function (w) { return w.s.length > 0; });
  }

  /* ---- article numbers ---------------------------------------------------------------- */

  var NUMBER = "(\\d{1,3})";

  /** {key, ref} of the provision an article number names, or null. `instruments` = [[key,
      [names]]], the edition in force first; its first key is the default instrument. */
  function parseLookup(query, instruments, t2s) {
    var compact = words(query, t2s).map(function (w) { return w.f; }).join("");
    if (!compact) return null;
    var key = null;
    var rest = compact;
    var best = 0;
    instruments.forEach(function (entry) {
      entry[1].forEach(function (name) {
        var n = foldNumerals(normalize(name, t2s)).s;
        if (n.length > best && rest.indexOf(n) === 0) {
          best = n.length;
          key = entry[0];
        }
      });
    });
    rest = rest.slice(best);
    var m = new RegExp("^第?" + NUMBER + "(条)?(?:第?" + NUMBER + "款)?(?:第?" + NUMBER + "项)?$").exec(rest);
    if (!m) return null;
    // a bare number is an article only with a name before it, 条 after it, or as digits typed
    if (!key && !m[2] && !/^第/.test(rest) && !/^\s*[0-9０-９]{1,3}\s*$/.test(String(query))) return null;
    if (!key && !m[2] && (m[3] || m[4])) return null;
    key = key || instruments[0][0];
    var ref = key + "/" + Number(m[1]);
    if (m[3]) ref += "/" + Number(m[3]);
    if (m[4]) ref += "/" + Number(m[4]);
    return { key: key, ref: ref };
  }

  /* ---- the engine --------------------------------------------------------------------- */

  function create(data) {
    var t2s = charTable(data.t2s);
    var pages = data.pages;
    var docs = data.docs.map(function (d, id) {
      var norm = normalize(d[3], t2s);
      // a heading is searched with its section; a citation label is not (lookup reads numbers)
      var heading = normalize(d[5] ? "" : d[2], t2s);
      var fold = foldNumerals(norm);
      var headFold = foldNumerals(heading);
      return {
        id: id, page: d[0], anchor: d[1], title: d[2], text: d[3], tier: d[4], ref: d[5], cites: d[6] || [],
        norm: norm, fold: fold, head: heading, headFold: headFold,
        terms: { text: unique(bothForms(norm.s, fold.s)), heading: unique(bothForms(heading.s, headFold.s)) }
      };
    });
    var byRef = {};
    docs.forEach(function (d) { if (d.ref) byRef[d.ref] = d; });
    var asking = (data.questionWords || []).map(function (w) { return normalize(w, t2s).s; })
      .sort(function (a, b) { return b.length - a.length; });
    var synonyms = (data.synonyms || []).map(function (s) {
      return { alias: normalize(s[0], t2s).s, means: s[1], ref: s[2] };
    });
    // MiniSearch indexes the terms computed above (each field's terms joined by spaces), each
    // once per document: in a paragraph, how often a pair recurs says little, and indexing
    // every occurrence took a third longer
    var index = new MiniSearch({
      fields: ["heading", "text"],
      idField: "id",
      extractField: function (d, field) { return field === "id" ? d.id : d.terms[field].join(" "); },
      tokenize: function (text) { return text ? text.split(" ") : []; },
      processTerm: function (term) { return term; },
      searchOptions: { combineWith: "OR", boost: { heading: 2 } }
    });
    index.addAll(docs.filter(function (d) { return d.text || d.head.s; }));

    /** Where each word occurs in doc `d`, as ranges of its text ([] where it occurs in the
        heading only); null where a word does not occur. */
    function locate(d, ws) {
      return ws.map(function (w) {
        var ranges = find(d.norm, w.s);
        if (!ranges.length) ranges = find(d.fold, w.f);
        if (ranges.length) return ranges;
        return d.head.s.indexOf(w.s) >= 0 || d.headFold.s.indexOf(w.f) >= 0 ? [] : null;
      });
    }

    /** Scored documents for one list of words. */
    function score(ws, penalty) {
      var terms = [];
      ws.forEach(function (w) {
        var parts = withoutQuestion(w.s);
        parts.concat(w.f !== w.s ? withoutQuestion(w.f) : []).forEach(function (part) {
          pairs(part).forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); });
        });
      });
      if (!terms.length) return [];
      var single = terms.length === 1 && Array.from(terms[0]).length === 1;
      var hits = index.search(terms.join(" "), {
        tokenize: function (q) { return q.split(" "); },
        prefix: single,
        combineWith: "OR"
      });
      if (!hits.length) return [];
      var top = hits[0].score;
      var phrase = ws.length > 1 ? words(ws.map(function (w) { return w.text; }).join(""), t2s) : null;
      var total = ws.reduce(function (n, w) { return n + w.s.length; }, 0);
      return hits.map(function (hit, n) {
        var d = docs[hit.id];
        var found = ws.map(function (w) { return has(d, w); });
        var literal = found.filter(Boolean).length;
        var literalLength = ws.reduce(function (n, w, i) { return n + (found[i] ? w.s.length : 0); }, 0);
        var coverage = single ? 1 : hit.terms.length / terms.length;
        var bm = hit.score / top;
        var inTitle = ws.some(function (w) { return d.head.s.indexOf(w.s) >= 0; });
        var named = d.head.s && d.head.s === ws.map(function (w) { return w.s; }).join("");
        var s;
        var cut = null;   // a single word not found as typed: its longest runs, for the first hits
        if (ws.length === 1 && !literal && n < PIECES_CHECKED) {
          cut = pieces(d, ws[0]);
          if (cut.share === 1 && cut.runs <= Math.max(2, Math.floor(cut.length / 3))) literal = 1;
        }
        if (literal === ws.length) {
          // as typed: one word found whole, or several words also found as one run
          var whole = phrase ? phrase.every(function (w) { return has(d, w); }) : !cut;
          // written exactly as typed (统计分析, not 统计、分析): ahead of the same words apart
          var exact = ws.filter(function (w) { return d.text.indexOf(w.text) >= 0; }).length / ws.length;
          s = named ? TITLE : 1000 + (whole ? 100 : 0) - d.tier * 50 + (inTitle ? 20 : 0) + exact * 15 + bm * 10;
        } else {
          var part = cut ? cut.share * 0.5 : literalLength / total;
          if (coverage < 0.34 && part === 0) return null;
          s = 600 * (0.6 * coverage + 0.4 * bm) + 200 * part - d.tier * 25 + (inTitle ? 10 : 0);
        }
        return {
          doc: d, score: s - (penalty || 0), ws: ws, pairs: literal < ws.length ? hit.terms : null, inTitle: inTitle,
          terms: ws.length > 1 ? ws.map(function (w, i) { return [w.text, !!found[i]]; }) : []
        };
      }).filter(Boolean);
    }

    function has(d, w) {
      return d.norm.s.indexOf(w.s) >= 0 || d.fold.s.indexOf(w.f) >= 0 ||
        d.head.s.indexOf(w.s) >= 0 || d.headFold.s.indexOf(w.f) >= 0;
    }

    /** The ranges of a result's text to mark: its words, and for a partial match the
        character pairs it matched (computed for the results shown only). */
    function marks(r) {
      var out = [];
      locate(r.doc, r.ws || []).forEach(function (ranges) { if (ranges) out = out.concat(ranges); });
      if (r.pairs) out = out.concat(pairRanges(r.doc, r.pairs));
      return out;
    }

    /** How much of a word typed without spaces doc `d` holds in runs of two or more
        characters (负责人一个月内书面报告 in 《办法》第二十条: 负责人, 一个月内, 书面报告), its
        question words aside: {share of the characters, runs}. */
    function pieces(d, w) {
      var total = 0;
      var covered = 0;
      var runs = 0;
      withoutQuestion(w.s).forEach(function (part) {
        var chars = Array.from(part);
        total += chars.length;
        var i = 0;
        while (i < chars.length) {
          var j = i + 2;
          while (j <= chars.length && inDoc(d, chars.slice(i, j).join(""))) j++;
          if (j - 1 - i >= 2) {
            covered += j - 1 - i;
            runs++;
            i = j - 1;
          } else {
            i++;
          }
        }
      });
      return { share: total ? covered / total : 0, runs: runs, length: total };
    }

    function inDoc(d, s) {
      return d.norm.s.indexOf(s) >= 0 || d.head.s.indexOf(s) >= 0;
    }

    /** The parts of a normalised word around its question words (负责人不能出庭怎么办 →
        负责人不能出庭); the word itself if nothing else would remain. */
    function withoutQuestion(s) {
      var parts = [s];
      asking.forEach(function (q) {
        parts = [].concat.apply([], parts.map(function (p) { return p.split(q); }));
      });
      parts = parts.filter(function (p) { return p.length > 0; });
      return parts.length ? parts : [s];
    }

    /** Ranges of the matched character pairs (for snippets of partial matches). */
    function pairRanges(d, terms) {
      var out = [];
      terms.forEach(function (t) {
        if (!HAN.test(t) || Array.from(t).length !== 2) return;
        out = out.concat(find(d.norm, t), find(d.fold, t));
      });
      return out;
    }

    /** Ranked results of `query`: [{doc, score, ws, pairs, terms, lookup?}], best first. */
    function rank(query) {
      var ws = words(query, t2s);
      if (!ws.length) return [];
      var best = new Map();
      function add(list) {
        list.forEach(function (r) {
          var had = best.get(r.doc.id);
          if (!had || had.score < r.score) best.set(r.doc.id, r);
        });
      }
      add(score(ws, 0));
      var compact = ws.map(function (w) { return w.s; }).join("");
      synonyms.forEach(function (syn) {
        if (!syn.alias || compact.indexOf(syn.alias) < 0) return;
        var expanded = words(ws.map(function (w) { return w.text; }).join(" ").replace(syn.alias, " " + syn.means + " "), t2s);
        var rest = compact.replace(syn.alias, " ").trim() ? expanded : words(syn.means, t2s);
        add(score(rest, SYNONYM_PENALTY));
        var meant = syn.ref && provision(syn.ref);   // the provision the entry was written for
        if (meant) best.set(meant.id, { doc: meant, score: BEST_BET, ws: words(syn.means, t2s), pairs: null, terms: [] });
      });
      citedByBest(best, ws);
      var found = parseLookup(query, data.instruments, t2s);
      var target = found && provision(found.ref);
      if (target) {
        best.set(target.id, { doc: target, score: LOOKUP, ws: [], pairs: null, terms: [], lookup: true });
      }
      return Array.from(best.values()).sort(function (a, b) {
        return b.score - a.score || a.doc.id - b.doc.id;
      }).slice(0, MAX_RESULTS);
    }

    /** When the best answer is a topic page or a guide step, the provisions it cites come
        right after it: those matching the query first (the measures' before the law's, then
        the best matching); when the query is the page's
        question, also the others (the measures' before the law's). */
    function citedByBest(best, ws) {
      var top = null;
      best.forEach(function (r) { if (!top || r.score > top.score) top = r; });
      if (!top || top.doc.tier < TIERS_CITING[0] || top.doc.tier > TIERS_CITING[1]) return;
      var cited = top.doc.cites.map(function (id) { return docs[id]; });
      var matched = cited.filter(function (d) { return best.has(d.id); })
        .sort(function (a, b) { return a.tier - b.tier || best.get(b.id).score - best.get(a.id).score; });
      var others = top.inTitle ? cited.filter(function (d) { return !best.has(d.id); })
        .sort(function (a, b) { return a.tier - b.tier; }) : [];
      matched.concat(others).slice(0, CITED_SHOWN).forEach(function (d, k) {
        var score = top.score - 1 - k;
        var had = best.get(d.id);
        if (!had || had.score < score) best.set(d.id, { doc: d, score: score, ws: ws, pairs: had ? had.pairs : null, terms: [] });
      });
    }

    /** The document of `ref`, or of the nearest provision above it that has one. */
    function provision(ref) {
      var parts = ref.split("/");
      while (parts.length > 1) {
        var d = byRef[parts.join("/")];
        if (d) return d;
        parts.pop();
      }
      return null;
    }

    /** The text shown for a result: the article's own text where it has none (its parts). */
    function shownText(d) {
      if (d.text) return d.text;
      var prefix = d.ref + "/";
      return docs.filter(function (x) { return x.ref.indexOf(prefix) === 0 && x.text; })
        .map(function (x) { return x.text; }).join(" ");
    }

    function location(d) {
      var url = pages[d.page][0];
      return d.anchor ? url + "#" + d.anchor : url;
    }

    /** Results as the theme's worker returns them: one group per page, the page first. */
    function material(query) {
      var results = rank(query);
      var groups = [];
      var byPage = new Map();
      results.forEach(function (r, n) {
        var item = {
          location: location(r.doc),
          title: escapeHTML(r.doc.title),
          text: "<p>" + snippet(shownText(r.doc), marks(r)) + "</p>",
          score: (results.length - n) * 10,
          terms: termMap(r.terms),
          kind: r.doc.anchor ? "section" : "page"
        };
        var group = byPage.get(r.doc.page);
        if (!group) {
          group = { page: r.doc.page, items: [], best: r.score };
          byPage.set(r.doc.page, group);
          groups.push(group);
        }
        group.items.push({ item: item, result: r });
      });
      return { items: groups.map(pageGroup) };
    }

    /** One page's results: the page first (the theme shows it as the group's heading), then
        its sections in rank order. The theme shows the sections scoring at least the page's
        score and folds the others under “more”; Enter opens the highest score on the list. */
    function pageGroup(group) {
      var at = group.items.findIndex(function (x) { return x.item.kind === "page"; });
      var own = at >= 0 ? group.items.splice(at, 1)[0] : null;
      var sections = group.items;
      var head = own ? own.item : {
        location: pages[group.page][0], title: escapeHTML(pages[group.page][1]), text: "", score: 0, terms: {}
      };
      if (sections.length && !(own && at === 0)) {
        // every section holding all the words (up to 8), else the best one; the rest folded
        var full = sections.filter(function (x) { return x.result.score >= 1000; }).length;
        var shown = Math.max(1, Math.min(full || 1, sections.length, 8));
        head.score = sections[shown - 1].item.score - 5;
      }
      return [head].concat(sections.map(function (x) { return x.item; })).map(function (item) {
        delete item.kind;
        return item;
      });
    }

    return {
      rank: rank,
      material: material,
      lookup: function (query) { return parseLookup(query, data.instruments, t2s); },
      normalize: function (text) { return normalize(text, t2s).s; },
      location: location,
      size: docs.length
    };
  }

  /** Start/end ranges in the original text of every occurrence of `needle` in `norm.s`. */
  function find(norm, needle) {
    var out = [];
    if (!needle) return out;
    var at = norm.s.indexOf(needle);
    while (at >= 0) {
      out.push([norm.start[at], norm.end[at + needle.length - 1]]);
      at = norm.s.indexOf(needle, at + 1);
    }
    return out;
  }

  function termMap(terms) {
    var map = {};
    terms.forEach(function (t) { map[t[0]] = t[1]; });
    return map;
  }

  function escapeHTML(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /** A window of `text` around the first mark, the marked ranges in <mark>, HTML-escaped. */
  function snippet(text, marks) {
    var ranges = marks.slice().sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    var from = merged.length ? Math.max(0, merged[0][0] - SNIPPET_BEFORE) : 0;
    var to = Math.min(text.length, from + SNIPPET_LENGTH);
    if (to - from < SNIPPET_LENGTH) from = Math.max(0, to - SNIPPET_LENGTH);
    var out = from > 0 ? "…" : "";
    var pos = from;
    merged.forEach(function (r) {
      var a = Math.max(r[0], from);
      var b = Math.min(r[1], to);
      if (a >= b || a < pos) return;
      out += escapeHTML(text.slice(pos, a)) + "<mark>" + escapeHTML(text.slice(a, b)) + "</mark>";
      pos = b;
    });
    out += escapeHTML(text.slice(pos, to)) + (to < text.length ? "…" : "");
    return out;
  }

  /** What the worker (or the page, from disk) answers to one message of the theme:
      {type: 0 SETUP} → {type: 1 READY}; {type: 2 QUERY, data} → {type: 3 RESULT, data}. */
  function answer(state, message, data) {
    if (!message) return null;
    if (message.type === 0) {
      if (!state.engine) state.engine = create(data);
      return { type: 1 };
    }
    if (message.type === 2) {
      return { type: 3, data: state.engine ? state.engine.material(message.data) : { items: [] } };
    }
    return null;
  }

  return {
    create: create,
    answer: answer,
    normalize: normalize,
    foldNumerals: foldNumerals,
    chineseNumber: chineseNumber,
    tokens: tokens,
    words: words,
    parseLookup: parseLookup,
    snippet: snippet,
    charTable: charTable
  };
});

"""The documents of the site search, built at build time (issue 17).

Provisions come from the data (calculators/provisions.py: text and citation label of every
edition; calculators/urls.py: page and anchor), one document per paragraph and per item, so a result points to
the provision a reader cites (《办法》第三十一条第一款). Every other page is cut into its
sections (headings with an id) from its rendered HTML; glossary entries come from
macros/glossary.yml. What a clerk types for the words of the text, and the names he gives the
instruments, are data too: macros/search_synonyms.yml.

The browser (overrides/assets/javascripts/search-core.js) normalises and indexes these
documents when search is first needed; the normalisation (full-width, traditional characters,
numerals) lives only there, so text and query are always treated alike.

Tiers order results that match equally well: the measures in force first, then their other
editions, topic pages, guide steps, upstream law, glossary entries and every other page.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from calculators import provisions, urls

from . import glossary, site_map

TIERS = {"measures": 0, "edition": 1, "topics": 2, "guide": 3, "law": 4, "glossary": 5, "page": 6}
SYNONYMS = Path(__file__).with_name("search_synonyms.yml")

# Pages indexed by their title only: lists of other pages, whose own titles find those pages.
TITLE_ONLY = {"topics/index.md"}
# Sections that repeat provisions word for word (a calculator's list of the articles it encodes).
SKIPPED_SECTIONS = {"articles"}
EDITION_PAGE = re.compile(r"^(measures(?:-\d{4})?)/chapter-\d+\.md$")


def provision_target(ref: str) -> str:
    """Docs path#anchor of a provision (of any edition): the site's one URL scheme."""
    return urls.source_path(ref)


def editions(src_uris: set[str]) -> list[str]:
    """Edition ids of the measures published on the site: the default (newest) edition first,
    then the others, newest first — each only if its pages are among `src_uris`."""
    eds = list(reversed(provisions.editions("measures")))
    return [e.id for e in eds if any(uri.startswith(e.path + "/") for uri in src_uris)]


def label(ref: str) -> str:
    """How a result is cited: 《办法》第三十一条第一款; with several editions, each names its own
    (《办法》（2021年版）第三十一条第一款)."""
    return provisions.label(ref, short=True)


def provision_docs(key: str, tier: int) -> list[dict]:
    """One document per paragraph and per item of the published articles of `key`; an article
    of one plain paragraph is one document at the article's anchor. Articles with several parts
    get a document without text too, so that an article number finds the article itself."""
    def ref(node: dict) -> str:   # qualified with the edition the data file is
        return provisions.within(key, node["id"])

    docs = []
    for art in provisions.instrument(key)["articles"]:
        if not key.startswith("measures") and not site_map.is_published(ref(art)):
            continue
        paras = art["paragraphs"]
        if len(paras) == 1 and not paras[0].get("items"):
            docs.append(_provision(ref(art), paras[0]["text"], tier))
            continue
        docs.append(_provision(ref(art), "", tier))
        for para in paras:
            docs.append(_provision(ref(para), para["text"], tier))
            for item in para.get("items", []):
                docs.append(_provision(ref(item), item["text"], tier))
    return docs


def _provision(ref: str, text: str, tier: int) -> dict:
    path, _, anchor = provision_target(ref).partition("#")
    return {"src": path, "anchor": anchor, "title": label(ref), "text": text, "tier": tier, "ref": ref}


def glossary_docs() -> list[dict]:
    """One document per defined term, at its row of the glossary page."""
    return [{"src": "glossary.md", "anchor": glossary.anchor(e["term"]), "title": f"术语：{e['term']}",
             "text": f"{e['term']}：{e['definition']}（{e['label']}）", "tier": TIERS["glossary"], "ref": ""}
            for e in glossary.terms()]


def page_tier(src: str) -> int:
    if src.startswith("topics/") and src != "topics/index.md":
        return TIERS["topics"]
    if src.startswith("guide/"):
        return TIERS["guide"]
    return TIERS["page"]


def provision_pages(src_uris: set[str]) -> set[str]:
    """Pages that publish provisions (indexed from the data, not from their HTML)."""
    pages = {uri for uri in src_uris if EDITION_PAGE.match(uri)}
    return pages | {f"law/{key}.md" for key in site_map.LAW_PAGES}


# ---- pages from their rendered HTML -----------------------------------------------------

_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_DROP = re.compile(r"<(svg|script|style|table)\b.*?</\1>|<a class=\"headerlink\".*?</a>", re.S)
_BLOCK = re.compile(r"</?(p|li|div|tr|td|th|br|h[1-6]|pre|dt|dd|summary|figcaption)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")
_HREF = re.compile(r'<a\b[^>]*\bhref="([^"#]*#art-[^"]+)"')


def plain(fragment: str) -> str:
    """Visible text of an HTML fragment: blocks on lines of their own, tags removed."""
    text = _DROP.sub(" ", fragment)
    text = _BLOCK.sub("\n", text)
    text = html.unescape(_TAG.sub("", text)).replace("\u00b6", "")
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def page_docs(src: str, title: str, content: str, keep_tables: bool = False) -> list[dict]:
    """The page's sections: the text before the first sub-heading at the page's own URL, then
    one document per heading with an id (h2–h4). Tables are left out (on the article index and
    the mapping page they repeat the provisions), except where `keep_tables`."""
    if not keep_tables:
        content = re.sub(r"<table\b.*?</table>", " ", content, flags=re.S)
    tier = page_tier(src)
    docs, pos = [], 0
    anchor, heading = "", title
    for m in _HEADING.finditer(content):
        level, attrs, inner = int(m.group(1)), m.group(2), m.group(3)
        ident = _ID.search(attrs)
        if level == 1 or not ident:
            continue
        docs.append(_section(src, anchor, heading, content[pos:m.start()], tier))
        anchor, heading, pos = ident.group(1), plain(inner).replace("\n", " "), m.end()
    docs.append(_section(src, anchor, heading, content[pos:], tier))
    if src in TITLE_ONLY:
        docs = docs[:1]
    if src in TITLE_ONLY:
        docs[0].update(text="", links=[])
    return [d for d in docs if (d["text"] or not d["anchor"]) and d["anchor"] not in SKIPPED_SECTIONS]


def _section(src: str, anchor: str, title: str, fragment: str, tier: int) -> dict:
    # the page's own h1 is its title; drop it from the text of the first section
    fragment = re.sub(r"<h1\b.*?</h1>", " ", fragment, flags=re.S)
    return {"src": src, "anchor": anchor, "title": title, "text": plain(fragment), "tier": tier, "ref": "",
            "links": _HREF.findall(_DROP.sub(" ", fragment))}


# ---- words people use ----------------------------------------------------------------------

def synonyms() -> dict:
    """macros/search_synonyms.yml: instrument names and aliases, as read."""
    return yaml.safe_load(SYNONYMS.read_text(encoding="utf-8"))


def instrument_names(keys: list[str]) -> dict[str, list[str]]:
    """Names a reader may put before an article number, per instrument key: the data's title
    and short title and the aliases of macros/search_synonyms.yml."""
    extra = synonyms()["instruments"]
    names = {}
    for key in keys:
        base = key.split("@")[0]
        doc = provisions.instrument(key)
        names[key] = sorted({doc["title"], doc.get("short_title", doc["title"]), *extra.get(base, [])},
                            key=lambda n: (-len(n), n))
    return names


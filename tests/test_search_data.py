"""The site search's data (macros/search_index.py, macros/search_hook.py, search_synonyms.yml).

- every synonym entry: each word it stands for occurs in the provision it names, and the alias
  itself does not (else the entry adds nothing); typed in the browser, each alias finds that
  provision (tests/test_site_search.py runs every entry as a query);
- the instruments' names name instruments the site holds;
- one document per paragraph and item of the measures, labelled and placed as the measures
  pages publish them (calculators/provisions.py, macros/site_map.py);
- a revised edition beside the first (docs/measures-2027/) is indexed with its own labels and
  ranks after the edition in force;
- the built site: the documents' pages and anchors exist, the glossary rows have their anchors,
  the theme's own index is an empty stand-in, the engine's library is the pinned one.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculators import provisions  # noqa: E402
from macros import glossary, search_hook, search_index, site_map  # noqa: E402

SYNONYMS = search_index.synonyms()["synonyms"]


@pytest.mark.parametrize("entry", SYNONYMS, ids=[s["alias"] for s in SYNONYMS])
def test_synonym_stands_for_words_of_its_provision(entry):
    text = provisions.text(entry["ref"])
    assert entry["means"].split(), entry
    for word in entry["means"].split():
        assert word in text, (entry["alias"], word, entry["ref"])
    assert entry["alias"] not in text, f"{entry['alias']} is in {entry['ref']} already"


def test_synonym_aliases_are_unique():
    aliases = [s["alias"] for s in SYNONYMS]
    assert len(aliases) == len(set(aliases))


def test_instrument_names_name_instruments_the_site_holds():
    names = search_index.synonyms()["instruments"]
    assert set(names) == {"measures"} | set(site_map.LAW_PAGES)
    for key in names:
        provisions.instrument(key)   # raises KeyError for an unknown key
    listed = search_index.instrument_names(["measures", *site_map.LAW_PAGES])
    assert "聊城市行政应诉工作管理办法" in listed["measures"] and "办法" in listed["measures"]
    assert "行诉法解释" in listed["alp-interp"] and "解释" in listed["alp-interp"]
    flat = [n for key in listed for n in listed[key]]
    assert len(flat) == len(set(flat)), "a name given to two instruments"


def test_one_document_per_paragraph_and_item_labelled_as_cited():
    docs = {d["ref"]: d for d in search_index.provision_docs("measures", 0)}
    # 第二十二条: two paragraphs, ten items in the first
    assert {"measures/22", "measures/22/1", "measures/22/2"} | {f"measures/22/1/{i}" for i in range(1, 11)} <= set(docs)
    assert docs["measures/22/1/1"]["title"] == "《办法》第二十二条第一款第（一）项"
    assert docs["measures/22/1/1"]["text"] == "超过10人的集团诉讼行政案件，且涉案赔偿金额超过1000万元的；"
    assert (docs["measures/22/1/1"]["src"], docs["measures/22/1/1"]["anchor"]) == ("measures/chapter-3.md", "art-22-1-1")
    assert docs["measures/22"]["text"] == ""          # found by its number; its parts hold the text
    # 第三十一条: one paragraph, one document at the article's anchor
    assert docs["measures/31"]["anchor"] == "art-31" and "measures/31/1" not in docs
    assert docs["measures/31"]["title"] == "《办法》第三十一条"
    articles = provisions.instrument("measures")["articles"]
    leaves = sum(len(p["paragraphs"]) + sum(len(q.get("items", [])) for q in p["paragraphs"]) for p in articles)
    assert len([d for d in docs.values() if d["text"]]) <= leaves


def test_law_documents_only_for_published_articles():
    refs = {d["ref"].split("/")[1] for d in search_index.provision_docs("cpl", 4)}
    assert refs == {str(n) for n in site_map.LAW_PAGES["cpl"]}
    alp = {d["ref"]: d for d in search_index.provision_docs("alp", 4)}
    assert alp["alp/67"]["title"] == "《行政诉讼法》第六十七条" and alp["alp/67"]["src"] == "law/alp.md"


def test_a_revised_edition_has_its_own_labels_and_ranks_after_the_first(another_edition):
    another_edition("2020", "2020-01-01", "2022-01-31")
    pages = {f"{d}/chapter-{n}.md": {"url": f"{d}/chapter-{n}/", "title": f"第{n}章", "content": ""}
             for d in ("measures", "measures-2020") for n in range(1, 7)}
    # the newest edition (2021, in measures/) ranks first, the older one after it
    assert search_index.editions(set(pages)) == ["measures@2021", "measures@2020"]
    docs = {d["ref"]: d for d in search_hook.documents(pages)}
    old, new = docs["measures@2020/22/2"], docs["measures@2021/22/2"]
    assert old["title"] == "《办法》（2020年版）第二十二条第二款" and new["title"] == "《办法》（2021年版）第二十二条第二款"
    assert (old["src"], old["anchor"]) == ("measures-2020/chapter-3.md", "art-22-2")
    assert old["tier"] > new["tier"]
    # without pages of its own, a data file alone is not indexed
    assert search_index.editions({"measures/chapter-3.md"}) == ["measures@2021"]


def built_data(built_site: Path) -> dict:
    text = (built_site / "search" / "documents.js").read_text(encoding="utf-8")
    assert text.startswith("self.YINGSU_SEARCH_DATA = {")
    return json.loads(text[text.index("{"):text.rindex("}") + 1])


def test_built_documents_point_at_pages_and_anchors_that_exist(built_site):
    data = built_data(built_site)
    html = {}
    for page, anchor, *_ in data["docs"]:
        url = data["pages"][page][0]
        path = built_site / url / "index.html"
        assert path.is_file(), url
        if anchor:
            text = html.setdefault(url, path.read_text(encoding="utf-8"))
            assert f'id="{anchor}"' in text, (url, anchor)
    glossary_page = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for entry in glossary.terms():
        assert f'<dfn id="{glossary.anchor(entry["term"])}">' in glossary_page


def test_built_site_has_the_stand_in_index_and_the_pinned_library(built_site):
    stub = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == []
    assert (built_site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["minisearch"]
    vendored = (built_site / "assets" / "javascripts" / "vendor" / "minisearch.js").read_bytes()
    assert vendored == (ROOT / "node_modules" / "minisearch" / "dist" / "umd" / "index.js").read_bytes()
    assert json.loads((ROOT / "node_modules" / "minisearch" / "package.json").read_text())["version"] == pinned
    assert (built_site / "assets" / "javascripts" / "vendor" / "minisearch.LICENSE.txt").is_file()


def test_traditional_table_covers_the_text_it_needs(built_site):
    data = built_data(built_site)
    table = dict(zip(data["t2s"][0], data["t2s"][1]))
    assert table["應"] == "应" and table["訴"] == "诉" and table["條"] == "条" and table["錄"] == "录"
    assert re.fullmatch(r"[^\x00-\x7f]+", data["t2s"][0])


def test_benchmark_prints_index_bytes_and_keystroke_delay(built_site):
    """scripts/bench_search.py on the built site, a few queries (the figures are the
    benchmark's to judge; here only that it measures and prints them)."""
    import subprocess

    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_search.py"), "--site", str(built_site),
                           "--queries", "3"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr
    assert re.search(r"^index bytes: \d+ raw, \d+ gzip; whole search \d+ gzip$", proc.stdout, re.M), proc.stdout
    assert re.search(r"^ms per keystroke \(95th percentile\): \d+\.\d", proc.stdout, re.M), proc.stdout
    assert re.search(r"indexed in \d+ ms", proc.stdout), proc.stdout

"""Where the texts come from, as the pages say it (issue 19): each law page names the official
publication (issuing body, number or the honest absence of one, history, the official database)
and where the site's text came from, not a repository; the measures show their 发文字号 — the
published transcription has none, and the page says so rather than inventing one; a printable
page holds the whole text of the default edition.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculators import provisions, urls
from site_html import load_pages

ROOT = Path(__file__).resolve().parent.parent
MEASURES_SOURCE = ROOT / "tests" / "fixtures" / "liaocheng-measures-2021.txt"   # copy of ../shared/sources/
ARTIFACTS = ROOT / "tests" / "artifacts" / "everyday"
# 国家法律法规数据库 for laws and administrative regulations; the Supreme People's Court's own
# publication for its judicial interpretations
OFFICIAL = {"alp": "flk.npc.gov.cn", "cpl": "flk.npc.gov.cn", "arl": "flk.npc.gov.cn",
            "alp-interp": "最高人民法院公布的文本", "head-rules": "最高人民法院公布的文本"}


@pytest.fixture(scope="module")
def pages(built_site):
    return load_pages(built_site)


def source_box(page):
    boxes = [d for d in page.content().iter("div") if "law-source" in d.classes()]
    assert len(boxes) == 1, page.url
    return boxes[0].text()


@pytest.mark.parametrize("key", sorted(urls.LAW_PAGES))
def test_law_page_names_the_official_publication_and_the_origin_of_its_text(pages, key):
    page = pages[f"law/{key}/"]
    box = source_box(page)
    doc = provisions.instrument(key)
    assert f"制定机关：{doc['publication']['issuer']}" in box
    assert OFFICIAL[key] in box
    # the history as the source text states it: the last revision, with its date
    assert doc["history"][-1].rstrip("）") in box
    if doc.get("document_number"):   # a judicial interpretation: its number, marked unverified
        assert doc["document_number"] in box and "核对" in box
    else:                            # a law: no 主席令 number was in the source, and the page says so
        assert "主席令" in box and "不予补写" in box
    assert "逐字" in box and "正式引用请以官方公布的文本为准" in box
    text = page.content().text()
    assert "commit" not in text and "github" not in text.lower()


def test_law_texts_show_no_unrendered_markup(pages):
    """A reference inside an item (项) used to show as [第二十五条](#art-25 …) on the law pages."""
    for key in urls.LAW_PAGES:
        text = pages[f"law/{key}/"].content().text()
        assert not re.search(r"\]\([^)]*\)", text), key
    alp = pages["law/alp/"]
    item = alp.by_id("art-49-1-1")
    assert [a.get("href") for a in item.iter("a")] == ["#art-25"]


def test_the_published_measures_carry_no_document_number_and_the_pages_say_so(pages):
    """The transcription of the published notice (liaocheng-measures-2021.txt) prints no
    发文字号 (such as 聊政办发〔2021〕N号): the only 〔…〕号 in it is the State Council opinion
    it cites. So the data has none, and the pages say plainly that the source has none."""
    source = MEASURES_SOURCE.read_text(encoding="utf-8")
    numbers = re.findall(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号", source)
    assert numbers == ["国办发〔2016〕54号"]
    assert "document_number" not in provisions.instrument("measures")
    for url in ("measures/", "measures/full/"):
        text = pages[url].content().text()
        assert "发文字号：本站所据的公开文本未载发文字号" in text, url
        assert "来源：聊城市人民政府办公室2021年12月31日印发并公开发布" in text, url


def test_printable_measures_hold_the_whole_default_edition(pages):
    page = pages["measures/full/"]
    doc = provisions.instrument(provisions.default_edition("measures").id)
    ids = set(page.ids)
    assert {f"art-{a['number']}" for a in doc["articles"]} <= ids
    assert {f"chapter-{c['number']}" for c in doc["chapters"]} <= ids
    text = page.content().text()
    assert doc["notice"]["title"] in text and doc["colophon"] in text
    # in the navigation under 管理办法, and linked from the measures' index
    nav = [a.get("href") for a in pages["measures/"].root.iter("a") if "md-nav__link" in a.classes()]
    assert "full/" in nav
    assert "full/" in [a.get("href") for a in pages["measures/"].content().iter("a")]


def test_printable_measures_print_without_the_site(page, site_server):
    page.goto(site_server + "measures/full/", wait_until="networkidle")
    page.locator("[data-print]:not([hidden])").wait_for()
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.print-hint', '.copy-link', '.cited-by']
        .map(s => [s, document.querySelector(s) ? getComputedStyle(document.querySelector(s)).display : 'absent'])""")
    assert all(display in ("none", "absent") for _, display in hidden), hidden
    assert page.locator("#art-50").is_visible() and page.locator(".measures-source").is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "measures-full-print.png")
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(site_server + "law/head-rules/", wait_until="networkidle")
    page.screenshot(path=ARTIFACTS / "law-page.png")
    assert page.errors == []

"""The site builds strictly and the built pages carry the measures' structure.

Expected values are read off the measures' text (tests/fixtures/liaocheng-measures-2021.txt, a copy of ../shared/sources/):
第一章 第一条至第七条, 第二章 第八条至第十八条, 第三章 第十九条至第三十二条, 第四章 第三十三条至
第三十七条, 第五章 第三十八条至第四十九条, 第六章 第五十条; 第二十二条第一款 has ten items,
第十五条第二款 eight.
"""
from __future__ import annotations

import pytest

from site_html import Page, load_pages

CHAPTER_ARTICLES = {
    1: range(1, 8),
    2: range(8, 19),
    3: range(19, 33),
    4: range(33, 38),
    5: range(38, 50),
    6: range(50, 51),
}


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, Page]:
    return load_pages(built_site)


def chapter(pages, n: int) -> Page:
    return pages[f"measures/chapter-{n}/"]


def test_strict_build_succeeds_without_warnings(site_build):
    assert site_build.returncode == 0, site_build.output[-4000:]
    assert site_build.warnings() == []
    assert (site_build.path / "index.html").is_file()


def test_expected_pages_are_built(pages):
    expected = {"", "measures/", "glossary/", "law/", "law/alp/", "law/alp-interp/", "law/head-rules/",
                "law/cpl/", "law/arl/", "about/"} | {f"measures/chapter-{n}/" for n in CHAPTER_ARTICLES}
    assert expected <= set(pages)


def test_every_article_has_one_anchor_in_its_chapter(pages):
    found = {}
    for n in CHAPTER_ARTICLES:
        for id_ in chapter(pages, n).ids:
            if id_.startswith("art-") and id_.count("-") == 1:
                found.setdefault(int(id_[4:]), []).append(n)
    assert sorted(found) == list(range(1, 51))
    for n, articles in CHAPTER_ARTICLES.items():
        for a in articles:
            assert found[a] == [n], f"第{a}条 anchors in chapters {found[a]}, expected only chapter {n}"


def test_article_headings_are_h3_with_chinese_numbers(pages):
    heading = chapter(pages, 3).by_id("art-22")
    assert heading.tag == "h3"
    assert heading.text().startswith("第二十二条")
    assert chapter(pages, 6).by_id("art-50").text().startswith("第五十条")


@pytest.mark.parametrize("chapter_no, anchor, starts_with", [
    (3, "art-22-1-1", "（一）超过10人的集团诉讼行政案件"),
    (3, "art-22-1-10", "（十）其他需要行政机关主要负责人出庭应诉的"),
    (2, "art-15-2-8", "（八）其他不符合法律规定诉讼要件的"),
    (2, "art-13-1", "以市、县（市、区）人民政府作为被告的未经复议的行政应诉案件"),
    (3, "art-22-2", "每年度各级发生行政案件的行政机关主要负责人至少出庭应诉一次"),
])
def test_paragraph_and_item_anchors(pages, chapter_no, anchor, starts_with):
    assert chapter(pages, chapter_no).by_id(anchor).text().strip().startswith(starts_with)


def test_article_22_has_exactly_ten_items(pages):
    ids = chapter(pages, 3).ids
    assert "art-22-1-10" in ids and "art-22-1-11" not in ids


def links_in(node):
    return [(a.get("href"), a.text()) for a in node.iter("a")]


def test_article_13_second_paragraph_links_to_first(pages):
    para = chapter(pages, 2).by_id("art-13-2")
    assert ("#art-13-1", "第一款") in links_in(para)


def test_article_20_links_to_head_rules_article_8(pages):
    para = chapter(pages, 3).by_id("art-20-1")
    hrefs = [href for href, _ in links_in(para)]
    assert "../../law/head-rules/#art-8" in hrefs
    assert "art-8" in pages["law/head-rules/"].ids


def test_article_35_links_to_alp_article_96(pages):
    para = chapter(pages, 4).by_id("art-35-3")
    assert ("../../law/alp/#art-96", "《行政诉讼法》第九十六条") in links_in(para)
    assert pages["law/alp/"].by_id("art-96").text().startswith("第九十六条")


def article_body(page: Page, article: int):
    """The div.article-body following the article's heading."""
    for node in page.content().iter("div"):
        if "article-body" in node.classes() and node.get("data-ref") == f"measures@2021/{article}":
            return node
    raise AssertionError(f"no article body for 第{article}条")


def test_article_10_lists_article_12_as_citing_it(pages):
    body = article_body(chapter(pages, 2), 10)
    cited = [p for p in body.iter("p") if "cited-by" in p.classes()]
    assert len(cited) == 1
    assert "被以下条款引用" in cited[0].text()
    hrefs = [href for href, _ in links_in(cited[0])]
    assert any(h.startswith("#art-12") for h in hrefs), hrefs


@pytest.mark.parametrize("section", ["gov-opinion-2016", "shandong-rules"])
def test_law_index_names_unavailable_sources(pages, section):
    page = pages["law/"]
    heading = page.by_id(section)
    siblings = heading.parent.children
    after = siblings[siblings.index(heading) + 1:]
    following_text = ""
    for node in after:
        if not isinstance(node, str) and node.tag in ("h2", "h3"):
            break
        following_text += node if isinstance(node, str) else node.text()
    assert "未收录原文" in following_text


def test_glossary_terms_are_tooltips_in_articles(pages):
    abbrs = [a for a in chapter(pages, 2).content().iter("abbr") if a.text() == "应诉承办单位"]
    assert abbrs, "应诉承办单位 is not marked up as a term on chapter 2"
    assert "具体承办行政应诉事项的有关部门或组织机构" in abbrs[0].get("title", "")


def test_home_page_does_not_hard_code_the_validity_state(pages):
    """The state is computed in the reader's browser; the built HTML must not assert one."""
    status = pages[""].by_id("measures-status")
    assert "data-state" not in status.attrs
    text = status.text()
    assert "现行有效" not in text and "失效" not in text and "尚未施行" not in text
    banner = pages["measures/chapter-2/"].by_id("validity-banner")
    assert "hidden" in banner.attrs


def test_every_paragraph_and_item_of_the_data_has_an_anchor(pages):
    """measures.json is the source of the text: each of its paragraphs and items is linkable."""
    import json
    from pathlib import Path

    data = json.loads((Path(__file__).resolve().parent.parent / "calculators" / "data" / "measures.json")
                      .read_text(encoding="utf-8"))
    chapter_of = {a: n for n, articles in CHAPTER_ARTICLES.items() for a in articles}
    missing = []
    for article in data["articles"]:
        ids = chapter(pages, chapter_of[article["number"]]).ids
        for paragraph in article["paragraphs"]:
            for ref in [paragraph["id"]] + [item["id"] for item in paragraph.get("items", [])]:
                anchor = "art-" + "-".join(ref.split("/")[1:])
                if anchor not in ids:
                    missing.append(anchor)
    assert missing == []

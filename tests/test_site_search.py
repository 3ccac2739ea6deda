"""Chinese full-text search in the browser finds the right article first.

Typed into Material's search box like a reader would; the result list is read from the page.
Material groups results by page: a group's first entry is the page itself, followed by the
matching sections (articles). The "top result" is the first entry of the first group, or,
when that entry is a page and sections follow, the first section.

How Chinese search works here (Material 9.x): at build time jieba (with
macros/jieba_userdict.txt) cuts Han text into words separated by U+200B, which the
configured separator splits; in the browser the query's Han runs are cut greedily into words
that exist in the index and each gets a trailing wildcard. So the index words must be short
units a reader types (负责人, 承办单位, 风险评估): a long dictionary entry such as
行政机关负责人 would hide 负责人 from every query.
"""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

CHAPTER_3 = [f"measures/chapter-3/#art-{n}" for n in range(19, 27)]

CASES = [
    ("负责人出庭", CHAPTER_3),
    ("答辩状", ["measures/chapter-2/#art-15", "measures/chapter-2/#art-13"]),
    ("败诉风险评估", ["measures/chapter-2/#art-18"]),
    ("旁听庭审", ["measures/chapter-5/#art-41", "measures/chapter-5/#art-40"]),
]

# Words inside longer terms: each must find the article(s) using the longer term.
RECALL = [
    ("风险评估", "measures/chapter-2/#art-18"),        # 败诉风险评估
    ("承办单位", "measures/chapter-1/#art-3"),         # 应诉承办单位
    ("负责人", "measures/chapter-3/#art-22"),          # 行政机关主要负责人
    ("身份证明书", "measures/chapter-2/#art-17"),      # 法定代表人身份证明书
    ("管理平台", "measures/chapter-5/#art-44"),        # 行政应诉管理平台
    ("承办人员", "measures/chapter-5/#art-45"),        # 应诉承办人员
    ("案例库", "measures/chapter-5/#art-42"),          # 典型案例库
]


def search(page, base: str, query: str, everything: bool = False) -> list[list[str]]:
    """Type `query` into the search box; return the result groups as lists of site-relative
    hrefs (page first, then its sections), in the order shown. Material renders the first
    ten groups and more as the reader scrolls; `everything` scrolls to the end first."""
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.keyboard.press("/")
    for value in ("", query):  # clearing first, so no earlier result list is read
        box.fill(value)
        box.press("End")  # Material reads the query on keyup
        page.wait_for_function(
            """q => {
                 const meta = document.querySelector('.md-search-result__meta');
                 const idle = !meta || /键入/.test(meta.textContent);
                 return document.querySelector('.md-search__input').value === q && (q === '' ? idle : !idle);
               }""", arg=value)
    page.wait_for_timeout(100)  # the list is rendered in batches after the count
    if everything:
        count = -1
        while count != (count := page.locator(".md-search-result__item").count()):
            page.eval_on_selector(".md-search__scrollwrap", "el => el.scrollTo(0, el.scrollHeight)")
            page.wait_for_timeout(150)
    groups = page.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(item => Array.from(item.querySelectorAll('a.md-search-result__link'))
                                .map(a => a.getAttribute('href')))""")
    base_path = base.split("//", 1)[1].split("/", 1)[1]  # "yingsu/"
    return [[relative(h, base, base_path) for h in group] for group in groups]


def relative(href: str, base: str, base_path: str) -> str:
    """Site-relative path#fragment of a result link, without Material's ?h= highlight query."""
    parts = urlsplit(urljoin(base, href))
    path = parts.path[len("/" + base_path):] if parts.path.startswith("/" + base_path) else "../" + parts.path
    return path + ("#" + parts.fragment if parts.fragment else "")


def top_result(groups: list[list[str]]) -> str:
    first = groups[0]
    if "#" not in first[0] and len(first) > 1:
        return first[1]
    return first[0]


@pytest.fixture(scope="module")
def search_page(browser, site_server):
    """One page for all queries of this module (the index is built once, as for a reader
    running several searches)."""
    context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.set_default_timeout(30_000)
    page.goto(site_server + "measures/", wait_until="networkidle")
    yield page
    context.close()


def test_result_links_are_resolvable_under_the_sub_path(search_page, site_server):
    search(search_page, site_server, "答辩状")
    link = search_page.locator("a.md-search-result__link").first
    assert search_page.evaluate("a => a.href", link.element_handle()).startswith(site_server)


@pytest.mark.parametrize("query, expected", CASES, ids=[q for q, _ in CASES])
def test_query_finds_the_article_first(search_page, site_server, query, expected):
    groups = search(search_page, site_server, query)
    assert groups, f"{query}: no results"
    assert top_result(groups) in expected, f"{query}: {groups[:3]}"
    assert search_page.errors == []


@pytest.mark.parametrize("query, expected", RECALL, ids=[q for q, _ in RECALL])
def test_word_inside_a_longer_term_is_found(search_page, site_server, query, expected):
    groups = search(search_page, site_server, query, everything=True)
    found = {href for group in groups for href in group}
    assert expected in found, f"{query}: {groups}"


def test_enter_opens_the_top_result(page, site_server):
    page.goto(site_server + "glossary/", wait_until="networkidle")
    search(page, site_server, "旁听庭审")
    page.keyboard.press("Enter")  # Material: Enter opens the best-scoring result
    page.wait_for_url(lambda url: "measures/chapter-5/" in url)
    assert page.url.split("#")[1] in ("art-41", "art-40")
    assert page.errors == []

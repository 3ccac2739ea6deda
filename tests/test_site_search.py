"""The site search in Chromium, typed into the theme's search box of the built site (issue 17).

The box and the result list are Material's; the engine behind them is the site's own
(overrides/assets/javascripts/search-*.js, documents from macros/search_hook.py). Results are
grouped by page: a group's first entry is the page, the entries after it are its provisions or
sections (the weaker ones folded under "more"). "The results" are read in the order shown: each
group's unfolded entries after the page, or the page itself where it has none.

- The queries of tests/search_queries.yml and every synonym of macros/search_synonyms.yml:
  at least 95 % show an expected provision among the first three results (the rate is
  printed), and a query that occurs word for word in an expected provision always finds it.
- Links: under the sub-path, without the words in the URL (no ?h=); Enter opens the provision
  an article number names; the words are marked on the page opened.
- Keyboard: / opens search, arrows move through the results, Esc closes.
- The documents load only after the page has loaded, from this site only.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculators import provisions  # noqa: E402

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
SYNONYMS = yaml.safe_load((ROOT / "macros" / "search_synonyms.yml").read_text(encoding="utf-8"))["synonyms"]
CASES = QUERIES + [{"q": s["alias"], "expect": [s["ref"]], "why": "synonym"} for s in SYNONYMS]
TOP = 3
PASS_RATE = 0.95
ARTIFACTS = ROOT / "tests" / "artifacts" / "search"


def search(page, base: str, query: str) -> list[list[str]]:
    """Type `query` into the search box; return the result groups shown, as lists of
    site-relative hrefs (page first, then its sections; not those folded under "more")."""
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.keyboard.press("/")
    box.fill(query)
    box.press("End")   # the theme reads the query on keyup
    page.wait_for_function("q => window.YingsuSearchLoader.answered === q", arg=query)
    groups = page.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(item => Array.from(item.querySelectorAll('a.md-search-result__link'))
                                .filter(a => !a.closest('details')).map(a => a.getAttribute('href')))""")
    base_path = base.split("//", 1)[1].split("/", 1)[1]  # "yingsu/"
    return [[relative(h, base, base_path) for h in group] for group in groups]


def relative(href: str, base: str, base_path: str) -> str:
    parts = urlsplit(urljoin(base, href))
    path = parts.path[len("/" + base_path):] if parts.path.startswith("/" + base_path) else "../" + parts.path
    return path + ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")


def results(groups: list[list[str]]) -> list[str]:
    """The results in the order shown: each page's sections, or the page where it has none."""
    return [href for group in groups for href in (group[1:] if len(group) > 1 else group)]


def ref_of(href: str) -> str | None:
    """The provision id an href points to (measures/chapter-3/#art-22-1 → measures/22/1)."""
    m = re.match(r"^(measures(?:-\d{4})?/chapter-\d+|law/([a-z-]+))/#art-([\d-]+)$", href)
    if not m:
        return None
    key = m.group(2) or m.group(1).split("/")[0]
    return key + "/" + m.group(3).replace("-", "/")


def same_article(found: str | None, expected: str) -> bool:
    return bool(found) and (found == expected or found.startswith(expected + "/") or expected.startswith(found + "/"))


def literal(case: dict) -> bool:
    """Whether the query occurs word for word in one of its expected provisions."""
    words = [w for w in re.split(r"\s+", case["q"]) if w]
    return any(all(w in provisions.text(ref) for w in words) for ref in case["expect"])


@pytest.fixture(scope="module")
def search_page(browser, site_server):
    """One page for all queries of this module, as a reader running many searches."""
    context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.errors = []
    page.requests = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    page.set_default_timeout(30_000)
    page.goto(site_server + "measures/", wait_until="load")
    yield page
    context.close()


def test_queries_find_their_provisions(search_page, site_server):
    missed, not_found, rows = [], [], []
    for case in CASES:
        shown = results(search(search_page, site_server, case["q"]))
        refs = [ref_of(h) for h in shown]
        hits = [i for i, r in enumerate(refs) if any(same_article(r, e) for e in case["expect"])]
        rows.append((case["q"], hits[0] if hits else None))
        if not hits or hits[0] >= TOP:
            missed.append(f"{case['q']}: expected {case['expect']}, shown {shown[:TOP]}")
        if literal(case) and not hits:
            not_found.append(case["q"])
    passed = len(CASES) - len(missed)
    print(f"\nsite search: {passed}/{len(CASES)} queries ({100 * passed / len(CASES):.1f} %) show an expected "
          f"provision among the first {TOP} results; missed: {missed}")
    assert len(CASES) >= 80 + len(SYNONYMS)
    assert not_found == [], f"queries that occur in the text but did not find it: {not_found}"
    assert passed >= PASS_RATE * len(CASES), missed
    assert search_page.errors == []


def test_result_links_stay_under_the_sub_path_and_carry_no_words(search_page, site_server):
    search(search_page, site_server, "答辩状")
    hrefs = search_page.eval_on_selector_all("a.md-search-result__link", "els => els.map(a => a.href)")
    assert hrefs and all(h.startswith(site_server) for h in hrefs)
    assert not [h for h in hrefs if "?" in h]     # no ?h=…: the words never reach the server's logs


def test_a_result_shows_the_citation_and_the_words_marked(search_page, site_server):
    search(search_page, site_server, "庭审笔录")
    first = search_page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text() == "第三章 出庭应诉"
    assert first.locator("h2").first.inner_text() == provisions.label("measures/31", short=True)
    assert first.locator("mark").first.inner_text() == "庭审笔录"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    search_page.screenshot(path=str(ARTIFACTS / "results-desktop.png"))


def test_keyboard_arrows_and_escape(search_page, site_server):
    search(search_page, site_server, "电子送达")
    search_page.keyboard.press("ArrowDown")
    focused = search_page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.endswith("measures/chapter-5/")   # the first group's page
    search_page.keyboard.press("ArrowDown")
    assert search_page.evaluate("document.activeElement.getAttribute('href')").endswith("#art-39")
    search_page.keyboard.press("Escape")
    assert not search_page.locator(".md-search__input").is_visible() or not search_page.evaluate(
        "document.getElementById('__search').checked")


@pytest.mark.parametrize("query, url, marked", [
    ("第22条", "measures/chapter-3/#art-22", None),
    ("行政诉讼法第67条", "law/alp/#art-67", None),
    ("庭审笔录", "measures/chapter-3/#art-31", "庭审笔录"),
])
def test_enter_opens_the_provision(page, site_server, query, url, marked):
    page.goto(site_server + "glossary/", wait_until="load")
    search(page, site_server, query)
    page.keyboard.press("Enter")   # the theme opens the highest-scoring result
    page.wait_for_url(site_server + url)
    if marked:
        page.wait_for_function("w => [...document.querySelectorAll('#art-31 ~ .article-body mark.search-hit')]"
                               ".some(m => m.textContent === w)", arg=marked)
    assert page.errors == []


def test_phone_layout(browser, site_server):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_server + "measures/", wait_until="load")
    page.locator("label.md-header__button[for=__search]").click()
    search(page, site_server, "负责人不能出庭怎么办")
    assert page.locator(".md-search-result__item").first.is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "results-phone.png"))
    context.close()


def test_documents_load_after_the_page_and_from_this_site_only(page, site_server, site_http):
    order = []
    page.on("request", lambda r: order.append(r.url) if "/search/" in r.url or "search-worker" in r.url else None)
    page.on("load", lambda: order.append("load"))
    page.goto(site_server + "topics/", wait_until="load")
    page.wait_for_function("window.YingsuSearchLoader.state === 'ready'")   # started when idle
    assert order.index("load") < order.index(site_server + "assets/javascripts/search-worker.js")
    assert site_server + "search/documents.js" in order
    assert [u for u in page.requests if not site_http.is_local(u)] == []

"""The site opened from disk (file://, e.g. a USB stick) and in browsers too old for the
calculators, in Chromium — what docs/admin/offline.md and docs/admin/deploy.md#browsers say.

From disk: every page can be read and its links lead to pages (not folder listings); search
works (its engine runs in the page, browsers refuse workers from files) and its results open
the provision's page file; the page says that the calculators need a server; the calculator
says it needs a server and its rule table stays;
the training self-test can be answered; the validity check of the measures still runs.

Old browsers: without the features Pyodide 0.29 needs, the calculator page names what is
missing and the minimum versions, and never starts the runtime; article pages are unaffected.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINIMUM = "Chrome 或 Edge 112、Firefox 112、Safari 16.4"


@pytest.fixture
def disk(browser, built_site):
    """A page in a fresh context, and the file:// URL of the built site's root."""
    context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.set_default_timeout(30_000)
    yield page, built_site.as_uri() + "/"
    context.close()


def test_from_disk_every_page_reads_and_links_lead_to_pages(disk):
    page, root = disk
    page.goto(root + "index.html")
    assert "直接打开本站的文件" in page.locator("#disk-note").inner_text()
    assert page.get_attribute('nav.md-nav a[href$="chapter-3/index.html"]', "href") == "measures/chapter-3/index.html"
    page.click('nav.md-nav a[href$="chapter-3/index.html"]')
    page.wait_for_url(root + "measures/chapter-3/index.html")
    assert page.locator("h3#art-22").inner_text().startswith("第二十二条")
    # a cross-reference inside an article, to another page
    link = page.locator(".article-body a[href*='law/head-rules/'][href*='#art-']").first
    assert link.get_attribute("href") == "../../law/head-rules/index.html#art-8"
    link.click()
    page.wait_for_url(root + "law/head-rules/index.html#art-8")
    assert page.locator("h1").first.is_visible()
    assert page.errors == []


def test_from_disk_search_finds_the_provision_and_opens_its_page(disk):
    page, root = disk
    page.goto(root + "measures/index.html")
    assert "计算器需要通过网站服务器访问" in page.locator("#disk-note").inner_text()
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    box.fill("庭审筆錄")   # traditional characters too
    box.press("End")
    page.wait_for_function("window.YingsuSearchLoader.answered === '庭审筆錄'")
    link = page.locator("a.md-search-result__link[href$='#art-31']").first
    assert link.get_attribute("href") == root + "measures/chapter-3/index.html#art-31"
    page.keyboard.press("Enter")
    page.wait_for_url(root + "measures/chapter-3/index.html#art-31")
    page.wait_for_function("[...document.querySelectorAll('mark.search-hit')].some(m => m.textContent === '庭审笔录')")
    assert page.errors == []


def test_from_disk_the_calculator_says_it_needs_a_server_and_keeps_its_rules(disk):
    page, root = disk
    page.goto(root + "calculators/principal/index.html")
    status = page.locator("[data-calc-status]")
    page.wait_for_function("document.querySelector('[data-calc-status]').dataset.state === 'failed'")
    assert "计算器需要通过网站服务器" in status.inner_text() and "离线与本地使用" in status.inner_text()
    rules = page.locator("h2#rules").locator("xpath=following::table[1]")
    assert "超过10人的集团诉讼行政案件" in rules.inner_text()
    assert page.errors == []


def test_from_disk_the_self_test_can_be_answered(disk):
    """The training self-test needs no server: a question checked on a page opened from a file
    shows its verdict, explanation and article link (Material's document$ does not emit there)."""
    page, root = disk
    page.goto(root + "training/index.html")
    assert page.locator("[data-quiz-status]").inner_text().startswith("本测验共 ")
    q = page.locator(".quiz-q[data-qid='c2-answer-deadline-holiday']")
    q.locator("input").fill("2026-10-08")      # 15 days from 2026-09-16 end in the National Day holiday
    q.locator("[data-quiz-check]").click()
    assert "回答正确" in q.locator(".quiz-verdict").inner_text()
    assert q.locator(".quiz-refs a").first.get_attribute("href").startswith("../")
    assert page.errors == []


def test_from_disk_the_validity_of_the_measures_is_still_checked(disk):
    page, root = disk
    page.clock.set_fixed_time("2027-03-01T09:00:00+08:00")
    page.goto(root + "index.html")
    assert page.get_attribute("#measures-status", "data-state") == "expired"
    assert page.locator("#validity-banner").is_visible()


@pytest.mark.parametrize("remove, missing", [
    ("delete WebAssembly.Tag;", "运算程序的异常处理"),                      # Chrome < 95, Firefox < 100
    ("delete Object.hasOwn;", "Object.hasOwn"),                              # Chrome < 93, Safari < 15.4
    ("delete WebAssembly.Tag; delete Object.hasOwn;", "运算程序的异常处理、Object.hasOwn"),
])  # (BigInt64Array and WeakRef cannot be removed here: Playwright's own page scripts use them)
def test_old_browser_gets_a_clear_message_on_calculator_pages_only(page, site_server, remove, missing):
    page.add_init_script(remove)
    page.goto(site_server + "calculators/principal/")
    page.wait_for_function("document.querySelector('[data-calc-status]').dataset.state === 'failed'")
    text = page.locator("[data-calc-status]").inner_text()
    assert f"当前浏览器版本过旧，缺少计算器必需的功能（{missing}）" in text
    assert MINIMUM in text
    assert "超过10人的集团诉讼行政案件" in page.locator("h2#rules").locator("xpath=following::table[1]").inner_text()
    assert not [u for u in page.requests if "calc-worker" in u or "pyodide" in u]
    page.goto(site_server + "measures/chapter-3/")
    assert page.locator("h3#art-22").inner_text().startswith("第二十二条")
    assert page.errors == []


def test_stated_minimum_versions_agree_and_match_the_pinned_pyodide():
    runtime = (ROOT / "overrides/assets/javascripts/calc-runtime.js").read_text(encoding="utf-8")
    guide = (ROOT / "docs/admin/deploy.md").read_text(encoding="utf-8")
    assert MINIMUM in runtime
    assert "| 计算器 | Chrome 或 Edge 112、Firefox 112、Safari 16.4 |" in guide
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    assert pinned.startswith("0.29."), "Pyodide changed: check its browser matrix and update the stated minimums"

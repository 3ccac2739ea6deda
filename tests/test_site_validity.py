"""The measures' validity (2022-02-01 to 2027-01-31) is judged by the reader's own clock.

The site built today must still warn next year, so the browser's clock is set before each
page loads (Playwright's clock API) and the state read from the page. Expected states from
the measures' 第五十条: 自2022年2月1日起施行，有效期至2027年1月31日.
"""
from __future__ import annotations

import pytest

CHAPTER = "measures/chapter-3/"


def open_at(page, base: str, path: str, when: str):
    """Open base+path with the browser clock fixed at `when` (local time, Asia/Shanghai)."""
    page.clock.set_fixed_time(when)
    page.goto(base + path, wait_until="load")
    page.wait_for_function("document.getElementById('measures-status') === null"
                           " || document.getElementById('measures-status').dataset.state !== undefined")


def status(page):
    box = page.locator("#measures-status")
    return box.get_attribute("data-state"), box.inner_text()


@pytest.mark.parametrize("when, state, phrases", [
    ("2026-11-26T09:00:00+08:00", "in_force", ["现行有效", "2022年2月1日", "2027年1月31日", "距届满还有 66 天", "即将届满"]),
    ("2026-06-01T09:00:00+08:00", "in_force", ["现行有效", "距届满还有 244 天"]),
    ("2022-02-01T00:00:01+08:00", "in_force", ["现行有效"]),
    ("2027-01-31T23:59:00+08:00", "in_force", ["现行有效", "距届满还有 0 天"]),
    ("2027-02-01T00:00:01+08:00", "expired", ["失效", "2027年1月31日届满"]),
    ("2028-06-01T12:00:00+08:00", "expired", ["失效"]),
    ("2022-01-15T12:00:00+08:00", "pending", ["尚未施行", "2022年2月1日"]),
    ("2022-01-31T23:59:00+08:00", "pending", ["尚未施行"]),
])
def test_home_page_status(page, site_server, when, state, phrases):
    open_at(page, site_server, "", when)
    got_state, text = status(page)
    assert got_state == state, text
    for phrase in phrases:
        assert phrase in text
    if state != "in_force":
        assert "现行有效" not in text
    if when.startswith("2026-06-01"):
        assert "即将届满" not in text  # only in the last 90 days
    assert page.errors == []


@pytest.mark.parametrize("when, shown", [
    ("2026-11-26T09:00:00+08:00", False),
    ("2027-01-31T12:00:00+08:00", False),
    ("2022-01-15T12:00:00+08:00", False),
    ("2027-02-01T08:00:00+08:00", True),
    ("2028-06-01T12:00:00+08:00", True),
])
@pytest.mark.parametrize("path", ["", CHAPTER, "glossary/"])
def test_expiry_banner(page, site_server, when, shown, path):
    open_at(page, site_server, path, when)
    banner = page.locator("#validity-banner")
    assert banner.count() == 1
    if shown:
        assert banner.is_visible()
        assert "失效" in banner.inner_text()
        assert "核实现行规定" in banner.inner_text()
    else:
        assert banner.is_hidden()
        assert banner.inner_text() == ""


def test_banner_follows_instant_navigation(page, intranet_url):
    """After Material swaps pages without reloading, the new page gets the banner too."""
    open_at(page, intranet_url, "", "2027-03-01T09:00:00+08:00")
    page.evaluate("window.__marker = 1")
    page.locator(".md-nav__link", has_text="第三章 出庭应诉").first.click()
    page.wait_for_url(intranet_url + CHAPTER)
    page.locator("#art-19").wait_for()
    assert page.evaluate("window.__marker") == 1  # no full reload
    assert page.locator("#validity-banner").is_visible()
    assert "失效" in page.locator("#validity-banner").inner_text()


def test_built_html_carries_dates_not_a_state(built_site):
    """The state is not baked into the HTML: the dates are, for the script to judge."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'data-effective-from="2022-02-01"' in html
    assert 'data-effective-until="2027-01-31"' in html
    assert "data-state=" not in html
    chapter = (built_site / "measures" / "chapter-3" / "index.html").read_text(encoding="utf-8")
    assert '<div class="validity-banner" id="validity-banner" role="alert" hidden></div>' in chapter

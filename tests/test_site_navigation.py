"""Instant navigation and the copy-link buttons, under the /yingsu/ sub-path.

Material follows a link without reloading only if its URL is listed in sitemap.xml, after
replacing the scheme and host name (not port or path) of the build-time site_url with the
current ones; overrides/main.html maps the sitemap's URLs onto the served root. Checked at
the deployed shape of the address (intranet_url: default port, plain http) and at
http://127.0.0.1:PORT/yingsu/, whose port differs from site_url's.
"""
from __future__ import annotations

from playwright.sync_api import expect

CHAPTER_3 = "measures/chapter-3/"


def click_nav(page, label: str):
    page.locator(".md-nav__link", has_text=label).first.click()


def test_instant_navigation_keeps_the_page_alive(page, intranet_url):
    page.goto(intranet_url, wait_until="networkidle")
    page.evaluate("window.__marker = 1")
    click_nav(page, "第三章 出庭应诉")
    page.wait_for_url(intranet_url + CHAPTER_3)
    page.locator("#art-22").wait_for()
    assert page.evaluate("window.__marker") == 1  # the document was not reloaded
    assert page.title().startswith("第三章 出庭应诉")
    assert page.locator("article h1").first.inner_text().startswith("第三章 出庭应诉")
    # the swapped-in page's script work ran: copy-link buttons on its articles
    page.locator("#art-22 button.copy-link").wait_for()
    # a cross-reference within the measures is followed the same way
    page.goto(intranet_url + "measures/chapter-2/#art-13", wait_until="networkidle")
    page.evaluate("window.__marker = 2")
    page.locator("#art-13-2 a", has_text="第一款").click()
    page.wait_for_url(intranet_url + "measures/chapter-2/#art-13-1")
    assert page.evaluate("window.__marker") == 2
    assert page.errors == []


def test_instant_navigation_to_a_law_article(page, intranet_url):
    page.goto(intranet_url + "measures/chapter-4/", wait_until="networkidle")
    page.evaluate("window.__marker = 1")
    page.locator("#art-35-3 a", has_text="《行政诉讼法》第九十六条").click()
    page.wait_for_url(intranet_url + "law/alp/#art-96")
    page.locator("#art-96").wait_for()
    assert page.evaluate("window.__marker") == 1
    expect(page.locator("#art-96")).to_be_in_viewport()
    assert page.errors == []


def test_instant_navigation_on_a_port_other_than_site_urls(page, site_server):
    page.goto(site_server, wait_until="networkidle")
    page.evaluate("window.__marker = 1")
    click_nav(page, "第三章 出庭应诉")
    page.wait_for_url(site_server + CHAPTER_3)
    page.locator("#art-22 button.copy-link").wait_for()
    assert page.title().startswith("第三章 出庭应诉")
    assert page.evaluate("window.__marker") == 1
    assert page.errors == []


def test_back_button_returns_to_the_previous_page(page, intranet_url):
    page.goto(intranet_url, wait_until="networkidle")
    page.evaluate("window.__marker = 1")
    click_nav(page, "术语表")
    page.wait_for_url(intranet_url + "glossary/")
    page.go_back()
    page.wait_for_url(intranet_url)
    page.locator("#measures-status[data-state]").wait_for()
    assert page.evaluate("window.__marker") == 1
    assert page.locator("#measures-status").get_attribute("data-state") in ("in_force", "expired", "pending")


def test_copy_link_puts_the_article_url_on_the_clipboard(page, site_server):
    """127.0.0.1 is a secure context: navigator.clipboard is used."""
    origin = site_server.split("/yingsu/")[0]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page.goto(site_server + CHAPTER_3, wait_until="networkidle")
    button = page.locator("#art-22 button.copy-link")
    assert button.inner_text() == "复制链接"
    button.click()
    page.wait_for_function("document.querySelector('#art-22 button.copy-link').textContent === '已复制'")
    assert page.evaluate("navigator.clipboard.readText()") == site_server + CHAPTER_3 + "#art-22"
    page.wait_for_function("document.querySelector('#art-22 button.copy-link').textContent === '复制链接'",
                           timeout=5000)
    assert page.errors == []


def test_copy_link_over_plain_http_uses_the_fallback(page, intranet_url, site_server):
    """On the intranet (plain http, not a secure context) navigator.clipboard does not exist;
    the fallback copies through a hidden textarea. Read back from a secure page."""
    page.goto(intranet_url + CHAPTER_3, wait_until="networkidle")
    assert page.evaluate("window.isSecureContext") is False
    assert page.evaluate("typeof navigator.clipboard") == "undefined"
    page.locator("#art-22 button.copy-link").click()
    page.wait_for_function("document.querySelector('#art-22 button.copy-link').textContent === '已复制'")
    assert page.evaluate("document.querySelectorAll('textarea').length") == 0  # cleaned up
    origin = site_server.split("/yingsu/")[0]
    page.context.grant_permissions(["clipboard-read"], origin=origin)
    reader = page.context.new_page()
    reader.goto(site_server + "about/", wait_until="load")
    assert reader.evaluate("navigator.clipboard.readText()") == intranet_url + CHAPTER_3 + "#art-22"
    assert page.errors == []


def test_every_article_heading_has_a_copy_link_button(page, site_server):
    counts = {}
    for n in range(1, 7):
        page.goto(site_server + f"measures/chapter-{n}/", wait_until="load")
        page.locator("h3[id^='art-'] button.copy-link").first.wait_for()
        counts[n] = page.locator("h3[id^='art-'] button.copy-link").count()
    assert counts == {1: 7, 2: 11, 3: 14, 4: 5, 5: 12, 6: 1}

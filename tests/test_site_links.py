"""No broken internal link or anchor anywhere in the built site.

Every href/src of every built page that stays inside the site must name a file of the site
(directory URLs → index.html) and, if it has a #fragment, an id on the target page. Links
must be relative, so the site works under any sub-path; only 404.html, which Material
writes with absolute paths from site_url (it may be served at any depth), may use
/yingsu/… paths.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from site_html import file_for, load_pages

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src",
              "source": "src", "area": "href", "form": "action"}
ABSOLUTE_PATH_ALLOWED = {"404.html"}


@pytest.fixture(scope="module")
def pages(built_site):
    return load_pages(built_site)


def internal_links(page):
    """(tag, value, resolved path, fragment) of every internal link of the page."""
    for node in page.root.iter():
        attr = LINK_ATTRS.get(node.tag)
        if attr is None or attr not in node.attrs:
            continue
        value = node.attrs[attr]
        if urlsplit(value).scheme in ("mailto", "tel", "javascript", "data"):
            continue
        resolved = page.resolve(value)
        if resolved is not None:
            yield node.tag, value, resolved[0], resolved[1]


def test_site_has_pages_and_links(pages):
    assert len(pages) >= 16
    assert sum(1 for page in pages.values() for _ in internal_links(page)) > 500


def test_links_are_relative(pages):
    absolute = [(page.url or "(home)", value)
                for page in pages.values() if page.url not in ABSOLUTE_PATH_ALLOWED
                for _, value, _, _ in internal_links(page) if value.startswith("/")]
    assert absolute == []


def test_every_internal_link_names_a_file(built_site, pages):
    broken = [(page.url or "(home)", value)
              for page in pages.values()
              for _, value, path, _ in internal_links(page)
              if file_for(built_site, path) is None]
    assert broken == []


def test_every_fragment_names_an_id_on_the_target_page(built_site, pages):
    by_file = {page.path: page for page in pages.values()}
    broken = []
    checked = 0
    for page in pages.values():
        for tag, value, path, fragment in internal_links(page):
            if not fragment:
                continue
            target = file_for(built_site, path)
            if target is None or target.suffix != ".html":
                continue  # reported by the test above
            checked += 1
            if fragment not in by_file[target].ids:
                broken.append((page.url or "(home)", value))
    assert broken == []
    assert checked > 100  # cross-references, headerlinks, cited-by lists, toc


def test_cross_references_point_at_articles_paragraphs_and_items(pages):
    """Every link inside the measures' own text (paragraphs art-N-P, items art-N-P-I) goes
    to an art-N[-P[-I]] anchor, or to a whole instrument on a law page (第一条 cites the laws
    it is based on without article numbers)."""
    odd = []
    texts = 0
    for n in range(1, 7):
        page = pages[f"measures/chapter-{n}/"]
        for node in page.content().iter():
            if not re.fullmatch(r"art-\d+-\d+(-\d+)?", node.get("id", "")):
                continue
            texts += 1
            for a in node.iter("a"):
                path, fragment = page.resolve(a.get("href", ""))
                if not (fragment.startswith("art-") or (path.startswith("law/") and not fragment)):
                    odd.append((page.url, node.get("id"), a.get("href")))
    assert odd == []
    assert texts == 94  # 71 paragraphs and 23 items in calculators/data/measures.json

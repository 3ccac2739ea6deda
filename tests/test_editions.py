"""Versions of the measures, and what docs/admin/ tells an administrator to do.

- Every page of the measures shows the version it belongs to, from the data
  (calculators/data/measures.json: version 2021, 2022-02-01 to 2027-01-31, 第五十条), right
  under its title; no other page does.
- A revised text beside the old one (calculators/data/measures-2027.json, pages under
  docs/measures-2027/) gets its own badge from its own data: checked on a temporary data
  directory, as the procedure on docs/admin/updates.md describes.
- The holiday example on that page is in the format calculators/holidays.py reads and is the
  real 2026 arrangement (compared day by day with the package's data).
- The deployment guide shows the configuration files of deploy/ verbatim.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import pytest

from calculators import holidays, provisions
from macros import hooks
from site_html import load_pages

ROOT = Path(__file__).resolve().parent.parent
BADGE_2021 = "2021年版（2022-02-01至2027-01-31）"


@pytest.fixture(scope="module")
def pages(built_site):
    return load_pages(built_site)


def badges(page):
    return [n for n in page.root.iter("p") if "edition-badge" in n.classes()]


def test_every_page_of_the_measures_shows_its_version_under_the_title(pages):
    measures = [p for url, p in pages.items() if url.startswith("measures/")]
    assert {p.url for p in measures} >= {"measures/"} | {f"measures/chapter-{n}/" for n in range(1, 7)}
    for page in measures:
        found = badges(page)
        assert [b.text() for b in found] == [BADGE_2021], page.url
        siblings = [c for c in found[0].parent.children if not isinstance(c, str)]
        assert siblings[siblings.index(found[0]) - 1].tag == "h1", page.url
        assert found[0].get("data-version") == "2021"


def test_no_other_page_has_a_version_badge(pages):
    assert [url for url, p in pages.items() if not url.startswith("measures/") and badges(p)] == []


def test_a_revised_text_beside_the_old_one_gets_its_own_badge(another_edition):
    another_edition("2027", "2027-02-01", "2032-01-31")
    new = hooks.edition("measures-2027/chapter-3.md")
    old = hooks.edition("measures/chapter-3.md")
    assert (new["version"], new["effective_from"], new["effective_until"]) == ("2027", "2027-02-01", "2032-01-31")
    assert (old["version"], old["effective_from"], old["effective_until"]) == ("2021", "2022-02-01", "2027-01-31")
    assert ">2027年版（2027-02-01至2032-01-31）</p>" in hooks.edition_badge(new)
    assert hooks.edition("law/alp.md") is None and hooks.edition("calculators/deadlines.md") is None
    assert hooks.edition("measures-draft/x.md") is None


def documented_holiday_example() -> dict:
    text = (ROOT / "docs/admin/updates.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)\n```", text, re.S).group(1)
    return json.loads(block)


def test_the_documented_holiday_example_is_valid_and_the_real_2026_arrangement():
    example = documented_holiday_example()
    assert list(example) == ["2026"]
    parsed = holidays._parse_override_year(2026, example["2026"])  # raises on any format error
    package = holidays.year_data(2026)  # the published 2026 arrangement (tests/fixtures, tests/conftest.py)
    assert package.source == "holidays-2022-2026.json"
    assert set(parsed.holidays) == set(package.holidays)
    assert parsed.workdays == package.workdays
    day = dt.date(2026, 10, 1)
    assert parsed.holidays[day] == "国庆节"


def test_the_deployment_guide_shows_every_configuration_verbatim(pages):
    page = pages["admin/deploy/"]
    blocks = [html.unescape(pre.text()).strip("\n") for pre in page.content().iter("pre")]
    for name in ["nginx/yingsu.conf", "iis/web.config", "apache/.htaccess", "apache/yingsu.conf", "tomcat/web.xml"]:
        text = (ROOT / "deploy" / name).read_text(encoding="utf-8").strip("\n")
        assert text in blocks, name

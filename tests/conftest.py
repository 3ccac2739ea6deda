"""Shared fixtures of the site and browser tests.

- built_site:   the site built once per session with ``mkdocs build --strict`` into a temp dir
- site_http:    a SiteServer (tests/site_server.py) serving it under /yingsu/ on 127.0.0.1
- site_server:  its base URL, "http://127.0.0.1:PORT/yingsu/"
- intranet_url: "http://yingsu.test/yingsu/" — the same server as the intranet will present
                it (default port, plain http); the browser maps that host onto the server
- browser:      headless Debian Chromium driven by Playwright (session)
- page:         a fresh context + page per test; ``page.requests`` lists every request URL
                (pages and workers), ``page.errors`` every uncaught page error
- holiday_fixture_data (autouse, session): the calculators count periods on the State
                Council arrangements of tests/fixtures/holidays-2022-2026.json only, never on
                calculators/data/holidays.json or the installed chinesecalendar, so adding a
                year there or upgrading the package changes no test; ``live_holidays``
                switches one test to the real data (tests of that data itself)

The browser tests never skip: the intranet users get nothing from a site whose behaviour in
a browser was not checked, so a missing Chromium or Playwright is a failure, with a message
saying what to install. Never ``playwright install`` (it downloads from the internet); the
tests drive the Debian package's /usr/bin/chromium.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from site_server import serve  # noqa: E402
from smoke_browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one set of launch options)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class BuildResult:
    path: Path          # the site directory
    returncode: int
    output: str         # stdout + stderr, ANSI colours removed

    def warnings(self) -> list[str]:
        """MkDocs' WARNING log lines (not the theme's banner, which mentions NO_MKDOCS_2_WARNING)."""
        return [line for line in self.output.splitlines() if re.match(r"\s*WARNING\b", line)]

    def theme_notice(self) -> str:
        """The theme's own notice (Material for MkDocs' end-of-life banner, lines starting "│"),
        shown at the end of the test run rather than hidden (see pytest_terminal_summary)."""
        return "\n".join(line.strip() for line in self.output.splitlines() if line.strip().startswith("│"))


NOTICES: list[str] = []   # the theme's notices seen by this session's build


def pytest_terminal_summary(terminalreporter):
    """Print the theme's notice (end of life of Material for MkDocs: see ARCHITECTURE.md) in
    CI's output, where the maintainers see it on every run."""
    for notice in NOTICES:
        terminalreporter.section("主题通知（mkdocs-material）")
        terminalreporter.write_line(notice)


HOLIDAY_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "holidays-2022-2026.json"


@pytest.fixture(scope="session", autouse=True)
def holiday_fixture_data():
    """Every test runs on the fixture's arrangements (2022–2026); other years have the
    statutory holidays only (calculators/holidays.py)."""
    from calculators import holidays

    holidays.use_data(HOLIDAY_FIXTURE)
    yield HOLIDAY_FIXTURE
    holidays.use_data(None)


@pytest.fixture
def live_holidays(holiday_fixture_data):
    """For a test of the real data: the package and calculators/data/holidays.json."""
    from calculators import holidays

    holidays.use_data(None)
    yield holidays
    holidays.use_data(holiday_fixture_data)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> BuildResult:
    """Run ``mkdocs build --strict`` once per session into a temporary directory."""
    site_dir = tmp_path_factory.mktemp("site") / "yingsu"
    env = dict(os.environ)
    env.pop("NO_MKDOCS_2_WARNING", None)   # the theme's end-of-life notice is printed, not hidden
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    result = BuildResult(site_dir, proc.returncode, ANSI.sub("", proc.stdout + proc.stderr))
    if result.theme_notice():
        NOTICES.append(result.theme_notice())
    return result


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    """Path of the site built with --strict; fails every dependent test if the build failed."""
    if site_build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed (exit {site_build.returncode}):\n{site_build.output[-4000:]}")
    return site_build.path


@pytest.fixture(scope="session")
def site_http(built_site):
    """The built site served under /yingsu/ on 127.0.0.1 (a tests/site_server.SiteServer)."""
    server = serve(built_site)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site_server(site_http) -> str:
    """Base URL of the served site: "http://127.0.0.1:PORT/yingsu/"."""
    return site_http.base_url


@pytest.fixture(scope="session")
def intranet_url(site_http) -> str:
    """The same site as the intranet presents it: default port, plain http (so not a secure
    context, unlike 127.0.0.1), a host name other than site_url's."""
    return site_http.intranet_url


@pytest.fixture(scope="session")
def playwright_instance():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # never skip: a browser test that cannot run is a failure
        pytest.fail(f"Playwright for Python is not installed ({exc}); install it into .venv "
                    "(pip install playwright) — do not run `playwright install`.")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance, site_http):
    """Headless Debian Chromium (never a downloaded one); resolves the intranet host name
    to the site server and nothing else."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install the Debian package "
                    "(apt-get install chromium) or set YINGSU_CHROMIUM.")
    args = CHROMIUM_ARGS + [f"--host-resolver-rules={site_http.host_resolver_rule}"]
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page. ``page.requests``: every request URL, in order
    (including the search worker's); ``page.errors``: uncaught exceptions in the page.

    bypass_csp: Playwright's wait_for_function runs its JavaScript text through eval, which
    the site's Content-Security-Policy forbids (the service worker sends it with every page it
    answers). The tests' own contexts bypass the policy; tests/test_csp.py runs every page and
    a calculator under it, with no bypass."""
    context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.requests = requests
    page.errors = errors
    page.set_default_timeout(30_000)
    yield page
    context.close()


# ---- markers: the fast loop and the rest ----------------------------------------------------
# `pytest` alone runs the fast loop (rules, text store, the build's pure functions: seconds);
# tests that need the built site ("site"), a browser ("browser") or Node/Pyodide or a release
# build ("slow") are marked here from the fixtures they use, or by their module. `bash dev.sh
# test` (and CI) runs everything.
SITE_FIXTURES = {"site_build", "built_site", "site_http", "site_server", "intranet_url"}
BROWSER_FIXTURES = {"page", "browser", "playwright_instance"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & SITE_FIXTURES:
            item.add_marker(pytest.mark.site)


# ---- another edition of the measures beside the real one -------------------------------------

@pytest.fixture
def another_edition(tmp_path, monkeypatch):
    """add(version, effective_from, effective_until): the calculators read a copy of the data
    folder with the 2021 text added once more as measures@<version>.json under those dates."""
    import json
    import shutil

    from calculators import provisions

    def add(version: str, effective_from: str, effective_until: str):
        data = tmp_path / "data"
        shutil.copytree(provisions.DATA, data)
        text = json.loads((data / "measures.json").read_text(encoding="utf-8"))
        text.update(version=version, effective_from=effective_from, effective_until=effective_until)
        (data / f"measures@{version}.json").write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
        monkeypatch.setattr(provisions, "DATA", data)
        provisions.reset()
        return data

    yield add
    monkeypatch.undo()
    provisions.reset()

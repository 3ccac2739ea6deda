"""The release deployed for real on Debian's Apache (apache2) and Tomcat (tomcat10) as
DEPLOY.txt says, each on a free loopback port with a config directory of its own
(tests/other_servers.py; nginx: tests/test_release.py and tests/test_csp.py). For each:
the administrator's deploy check (scripts/check_deploy.py: every file's bytes against the
manifest, types, security headers, compression, 304, config files hidden, no folder listing,
the bare sub-path redirected, the 404 page) passes, and in Chromium, under the site's own
security policy, an article page, search and a calculator work.

And the deploy check catches what the issue found on Apache deployed without the steps:
without `a2enmod headers` (no security headers), without AllowOverride (the .htaccess ignored:
config files downloadable) — in both cases the old documented check (calculator ready, .wasm
type) still passed. IIS is checked by reading only (Debian does not package it).

The release folder is composed from the session's build with scripts/release.py's own
members() (the same files an archive holds) rather than built again.
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from other_servers import DEBIAN_DEFAULT, INSTRUCTED, ApacheServer, TomcatServer

ROOT = Path(__file__).resolve().parent.parent
BOOT_MS = 180_000
spec = importlib.util.spec_from_file_location("release_script", ROOT / "scripts" / "release.py")
release_script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(release_script)


@pytest.fixture(scope="module")
def deployed(built_site):
    """The unpacked release (yingsu/ with the drop-ins, deploy/, check_deploy.py) in a folder any
    user may read, as the instructions' `chmod -R a+rX` leaves it (Apache serves as www-data)."""
    top = Path(tempfile.mkdtemp(prefix="yingsu-deploy-"))
    top.chmod(0o755)
    for name, data in release_script.members(built_site, "test", int(time.time())).items():
        target = top / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    subprocess.run(["chmod", "-R", "a+rX", str(top)], check=True)
    yield top
    shutil.rmtree(top, ignore_errors=True)


def check(url: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_deploy.py"), url],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def apache(deployed, tmp_path_factory):
    server = ApacheServer(deployed / "yingsu", tmp_path_factory.mktemp("apache"), deployed / "deploy/apache/yingsu.conf")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def tomcat(deployed, tmp_path_factory):
    server = TomcatServer(deployed / "yingsu", tmp_path_factory.mktemp("tomcat"))
    yield server
    server.stop()


def smoke(browser, base_url: str) -> None:
    """Article, search, calculator, in a context that obeys the site's policy."""
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1280, "height": 900})
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(30_000)
    try:
        page.goto(base_url + "measures/chapter-3/")
        assert page.locator("h3#art-22").inner_text().startswith("第二十二条")
        box = page.locator(".md-search__input")
        if not box.is_visible():
            page.keyboard.press("/")
        box.fill("答辩状")
        box.press("End")   # a key event after filling, as the other search tests do
        # the search index is built in a worker while the offline copy is being made: on a
        # loaded 2-core machine (Tomcat's JVM still warming up) that takes a while
        page.locator(".md-search-result__item a.md-search-result__link").first.wait_for(timeout=120_000)
        page.goto(base_url + "calculators/deadlines/")
        page.locator('[data-calc-status][data-state="ready"]').wait_for(timeout=BOOT_MS)
        page.fill("#f-complaint_served", "2026-09-16")
        # 2026-09-16 + 15 days = 10-01 (National Day) -> first working day 10-08
        page.locator(".calc-headline", has_text="答辩期限：2026年10月8日（星期四）").wait_for()
        assert errors == []
    finally:
        context.close()


def test_apache_as_instructed_passes_the_deploy_check(apache):
    assert "Syntax OK" in apache.config_test
    done = check(apache.base_url)
    assert done.returncode == 0, done.stdout[-4000:]


def test_apache_browser_smoke(apache, browser):
    smoke(browser, apache.base_url)


def test_tomcat_as_instructed_passes_the_deploy_check(tomcat):
    done = check(tomcat.base_url)
    assert done.returncode == 0, done.stdout[-4000:]


def test_tomcat_browser_smoke(tomcat, browser):
    smoke(browser, tomcat.base_url)


def test_the_check_catches_apache_without_the_headers_module(deployed, tmp_path):
    server = ApacheServer(deployed / "yingsu", tmp_path, deployed / "deploy/apache/yingsu.conf",
                          modules=DEBIAN_DEFAULT + tuple(m for m in INSTRUCTED if m != "headers"))
    try:
        done = check(server.base_url)
    finally:
        server.stop()
    assert done.returncode == 1
    assert "缺少 X-Content-Type-Options: nosniff" in done.stdout and "a2enmod headers" in done.stdout


def test_the_check_catches_apache_without_allowoverride(deployed, tmp_path):
    conf = tmp_path / "no-override.conf"
    conf.write_text((deployed / "deploy/apache/yingsu.conf").read_text(encoding="utf-8")
                    .replace("AllowOverride FileInfo Indexes", "AllowOverride None"), encoding="utf-8")
    (tmp_path / "server").mkdir()
    server = ApacheServer(deployed / "yingsu", tmp_path / "server", conf)
    try:
        done = check(server.base_url)
    finally:
        server.stop()
    assert done.returncode == 1
    assert "类型为" in done.stdout or "nosniff" in done.stdout   # the .htaccess's types and headers are missing


@pytest.mark.parametrize("server", ["apache", "tomcat"])
def test_the_runtime_downloaded_once_is_reused_on_the_next_visit(request, server):
    """Every file the calculators' worker fetches is either kept by the browser (Pyodide's
    versioned folder, a year) or answered 304 when asked again, compressed or not."""
    from runtime_cache import runtime_reuse

    reuse = runtime_reuse(request.getfixturevalue(server).base_url)
    assert {name: how for name, how in reuse.items() if how not in ("kept", "304")} == {}, reuse
    assert reuse["pyodide.asm.wasm"] == "kept" and reuse["calculators-snapshot.bin"] == "304"

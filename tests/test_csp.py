"""The site under its own security policy (macros/security.py), served by Debian's nginx with
deploy/nginx/yingsu.conf: every page opened in Chromium with no bypass, search used, a
calculator started and answering, the documents page generating a .docx — and not one
Content-Security-Policy violation (none reported by the pages, none in the console of the pages
or of their workers). Before the inline scripts moved into files, 3 of them on every page were
blocked.

Also: the headers themselves as nginx sends them (the policy, Referrer-Policy, X-Frame-Options,
nosniff, the worker's own policy), a page framed by another origin is refused, and the
deploy check (scripts/check_deploy.py) passes on this server and on the folder.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros import security
from macros.offline_hook import read_manifest
from nginx_server import NginxServer

ROOT = Path(__file__).resolve().parent.parent
BOOT_MS = 180_000
COLLECT = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push([e.effectiveDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(' ')));
"""


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    server = NginxServer(built_site, tmp_path_factory.mktemp("nginx-csp"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def strict_context(browser):
    """A browser context that obeys the site's policy (no bypass), collecting violations."""
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1280, "height": 900})
    context.add_init_script(COLLECT)
    context.console = []
    context.on("console", lambda m: context.console.append(m.text) if "Content Security Policy" in m.text
               or "Content-Security-Policy" in m.text else None)
    yield context
    context.close()


def page_paths(site: Path) -> list[str]:
    return sorted(p for p in read_manifest(site)["shell"] if p == "" or p.endswith("/") or p.endswith(".html"))


def test_headers_as_nginx_sends_them(nginx):
    import urllib.request

    def head(path):
        with urllib.request.urlopen(nginx.base_url + path, timeout=30) as r:
            return r.headers

    for path in ("", "measures/chapter-3/", "assets/javascripts/site.js", "assets/calculators.json"):
        h = head(path)
        assert h["Content-Security-Policy"] == security.CSP_PAGE, path
        assert (h["Referrer-Policy"], h["X-Frame-Options"], h["X-Content-Type-Options"]) == ("no-referrer", "DENY", "nosniff")
    worker = head(security.WORKER_PATH)
    assert worker["Content-Security-Policy"] == security.CSP_WORKER and "'unsafe-eval'" in worker["Content-Security-Policy"]
    assert "'unsafe-eval'" not in security.CSP_PAGE and "unsafe-inline" not in security.CSP_PAGE


def test_every_page_search_and_a_calculator_without_a_violation(nginx, strict_context, built_site):
    page = strict_context.new_page()
    page.set_default_timeout(30_000)
    errors, found = [], {}
    page.on("pageerror", lambda e: errors.append(str(e)))
    paths = page_paths(built_site)
    assert len(paths) > 40
    for path in paths:
        page.goto(nginx.base_url + path)
        violations = page.evaluate("window.__csp")
        if violations:
            found[path] = violations
    # search (the theme's worker) and a calculator (the Pyodide worker, 'unsafe-eval' its alone)
    page.goto(nginx.base_url + "measures/chapter-3/")
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.keyboard.press("/")
    box.fill("答辩状")
    box.press("End")   # a key event after filling, as the other search tests do
    page.locator(".md-search-result__item a.md-search-result__link").first.wait_for()
    page.goto(nginx.base_url + "calculators/deadlines/")
    page.locator('[data-calc-status][data-state="ready"]').wait_for(timeout=BOOT_MS)
    page.fill("#f-complaint_served", "2026-09-16")
    # 2026-09-16 + 15 days = 10-01 (National Day) -> first working day 10-08
    page.locator(".calc-headline", has_text="答辩期限：2026年10月8日（星期四）").wait_for()
    found["calculators/deadlines/ (in use)"] = page.evaluate("window.__csp")
    found = {k: v for k, v in found.items() if v}
    assert found == {} and strict_context.console == [] and errors == [], (found, strict_context.console, errors)


def test_no_other_site_may_frame_a_page(nginx, strict_context, tmp_path):
    """A page of another origin (a file here) framing the site: the browser refuses the frame."""
    page = strict_context.new_page()
    attacker = tmp_path / "frame.html"
    attacker.write_text(f'<iframe id="f" src="{nginx.base_url}"></iframe>', encoding="utf-8")
    with page.expect_response(nginx.base_url) as response:
        page.goto(attacker.as_uri())
    assert response.value.headers["x-frame-options"] == "DENY"
    page.wait_for_load_state("load")
    [child] = page.main_frame.child_frames
    assert not child.url.startswith(nginx.origin), child.url   # Chromium shows its error page instead


def test_the_deploy_check_passes_on_nginx_and_on_the_folder(nginx, built_site):
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_deploy.py"), nginx.base_url,
                           "--folder", str(built_site)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "部署检查通过" in done.stdout


def test_all_four_configs_carry_the_one_policy():
    """macros/security.py is the one source: every config says exactly the same (IIS is
    checked only by reading: Debian has no IIS)."""
    deploy = ROOT / "deploy"
    for name in ("nginx/yingsu.conf", "apache/.htaccess", "iis/web.config"):
        text = (deploy / name).read_text(encoding="utf-8")
        assert security.CSP_PAGE in text and security.CSP_WORKER in text, name
        assert "no-referrer" in text and "DENY" in text and "nosniff" in text, name
    tomcat = (deploy / "tomcat/web.xml").read_text(encoding="utf-8")
    assert "HttpHeaderSecurityFilter" in tomcat and "<param-value>DENY</param-value>" in tomcat
    assert "Header always set Content-Security-Policy" in (deploy / "apache/.htaccess").read_text(encoding="utf-8")


def test_every_page_carries_the_policy_for_servers_without_the_header(built_site):
    for path in page_paths(built_site)[:5] + ["404.html"]:
        html = (built_site / (path + "index.html" if path == "" or path.endswith("/") else path)).read_text(encoding="utf-8")
        assert f'<meta http-equiv="Content-Security-Policy" content="{security.CSP_META}">'.replace("'", "&#39;") in html \
            or f'<meta http-equiv="Content-Security-Policy" content="{security.CSP_META}">' in html, path
        assert '<meta name="referrer" content="no-referrer">' in html, path
        assert "<script>" not in html, path   # no inline script left

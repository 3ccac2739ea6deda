"""Offline after the first visit (service worker, macros/sw.js + offline.js), in Chromium.

A copy of the built site is served under /yingsu/ on 127.0.0.1 (a secure context, where
browsers allow service workers) by tests/site_server.py, whose server log shows what the
browser fetched. One reader's browser context goes through, in order:

1. first visit: the service worker installs, precaches the shell, takes control;
2. a calculator is used once: its runtime (Pyodide) is cached as well;
3. the network is gone (server stopped and the context offline): pages visited and never
   visited, search, the calculator and an unknown address still work from the cache; with the
   server gone but a network reported, the calculator starts from the offline copy; back
   online, the runtime is left to the browser's HTTP cache (V8 keeps compiled WebAssembly there);
4. a new release is deployed (a page and a stylesheet changed, sw.js regenerated): until the
   reader accepts it every file still comes from the old release; after, every file from the
   new one, the old cache is gone, and unchanged files (Pyodide) were not downloaded again;
5. a half-copied deployment (a file that does not match the new sw.js) is not installed.

And on the intranet's plain http address (not a secure context) nothing is registered and
nothing fails. Last, in a browser profile on disk as readers have: with the service worker in
control, later visits still start Pyodide from V8's cached compiled code.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from macros import offline_hook
from site_server import serve
from smoke_browser import CHROMIUM, CHROMIUM_ARGS, wait_cached

BOOT_MS = 180_000
CHANGED_PAGE = "index.html"
CHANGED_CSS = "assets/stylesheets/site.css"
MARKER = '<p id="release-marker">第二版</p>'


def runtime_file(site: Path, name: str) -> str:
    """Site-relative path of one of Pyodide's core files (assets/pyodide/<version>/name)."""
    stamp = json.loads((site / "assets" / "calculators.json").read_text(encoding="utf-8"))
    return stamp["pyodide_dir"] + name


class Reader:
    """One browser context against a served copy of the site that the test can change."""

    def __init__(self, browser, site: Path, tmp: Path):
        self.site = site
        self.server = serve(site)
        self.server_up = True
        self.port = self.server.port
        self.base = self.server.base_url
        self.context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai",
                                           viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.figures: dict = {}

    def go_offline(self):
        self.server.stop()
        self.server_up = False
        self.context.set_offline(True)

    def go_online(self):
        if not self.server_up:
            self.server = serve(self.site, self.port)  # same origin: the same service worker
            self.server_up = True
        self.context.set_offline(False)

    def caches(self) -> dict[str, list[str]]:
        """Cache name -> site-relative URLs in it."""
        return self.page.evaluate("""async base => {
            const out = {};
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                out[name] = (await cache.keys()).map(r => r.url.slice(base.length)).sort();
            }
            return out;
        }""", self.base)

    def cache_name(self, release: str) -> str:
        return f"yingsu:{self.base}:{release}"

    def fetch_text(self, path: str) -> str:
        return self.page.evaluate("async url => (await fetch(url)).text()", self.base + path)

    def served_paths(self, since: int = 0) -> list[str]:
        return [path for method, path, status in self.server.served[since:]]

    def close(self):
        self.context.close()
        self.server.stop()


@pytest.fixture(scope="module")
def reader(browser, built_site, tmp_path_factory):
    site = tmp_path_factory.mktemp("live") / "yingsu"
    shutil.copytree(built_site, site)
    r = Reader(browser, site, tmp_path_factory.mktemp("reader"))
    yield r
    r.close()
    if r.figures:
        print("\noffline figures: " + json.dumps(r.figures, ensure_ascii=False))


def wait_ready(page):
    page.wait_for_function("window.YingsuCalc && ['ready', 'failed'].includes(YingsuCalc.status.state)", timeout=BOOT_MS)
    assert page.evaluate("YingsuCalc.status.state") == "ready", page.evaluate("YingsuCalc.status.message")


def answer_deadline(page):
    page.fill("#f-complaint_served", "2026-09-16")
    # 2026-09-16 + 15 days = 10-01 (National Day) -> first working day 10-08
    page.wait_for_function("[...document.querySelectorAll('.calc-headline')]"
                           ".some(e => e.textContent === '答辩期限：2026年10月8日（星期四）')")


def search_hrefs(page, query: str) -> list[str]:
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.keyboard.press("/")
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item a.md-search-result__link").first.wait_for()
    return page.eval_on_selector_all(".md-search-result__item a.md-search-result__link",
                                     "els => els.map(a => a.getAttribute('href'))")


def test_first_visit_installs_the_shell_and_takes_control(reader):
    page = reader.page
    page.goto(reader.base)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    # the worker in control then confirms what its cache holds (a message): until then "installing"
    page.wait_for_function("YingsuOffline.mode !== 'installing'", timeout=60_000)
    assert page.evaluate("YingsuOffline.mode") == "offline-ready"
    release = offline_hook.read_manifest(reader.site)
    caches = reader.caches()
    assert list(caches) == [reader.cache_name(release["release"])]
    assert set(caches[reader.cache_name(release["release"])]) == set(release["shell"])
    assert reader.errors == []


def test_first_use_of_a_calculator_caches_its_runtime(reader):
    page = reader.page
    page.goto(reader.base + "calculators/deadlines/")
    wait_ready(page)
    answer_deadline(page)
    release = offline_hook.read_manifest(reader.site)
    wait_cached(page, reader.base, release["runtime"])
    usage = page.evaluate("navigator.storage.estimate().then(e => e.usage)")
    reader.figures["cache_usage_mb"] = round(usage / 1e6, 1)
    reader.figures["shell_files"] = len(release["shell"])
    reader.figures["shell_mb"] = round(sum((reader.site / (p + "index.html" if p == "" or p.endswith("/") else p))
                                           .stat().st_size for p in release["shell"]) / 1e6, 2)
    reader.figures["runtime_mb"] = round(sum((reader.site / p).stat().st_size for p in release["runtime"]) / 1e6, 2)
    assert reader.errors == []


def test_offline_pages_search_and_calculator_still_work(reader):
    page = reader.page
    reader.go_offline()
    page.goto(reader.base)  # visited before
    assert page.locator("h1").first.inner_text().startswith("聊城市行政应诉工作知识库")
    page.goto(reader.base + "law/alp/")  # never visited: precached
    assert page.locator("h1").first.is_visible()
    page.goto(reader.base + "measures/chapter-3/")
    assert page.locator("h3#art-22").inner_text().startswith("第二十二条")
    hrefs = search_hrefs(page, "答辩状")
    assert any("measures/chapter-2/" in h for h in hrefs), hrefs  # 第十五条 is on chapter 2
    page.keyboard.press("Escape")  # close the search overlay
    page.click('nav.md-nav a[href$="calculators/deadlines/"]')  # instant navigation, offline
    page.wait_for_url(lambda url: "/calculators/deadlines/" in url)
    page.wait_for_selector("[data-calculator]")
    page.reload()
    wait_ready(page)
    answer_deadline(page)
    response = page.goto(reader.base + "no/such/page/")
    assert response.status == 404 and "404" in page.content()
    assert reader.errors == []


def test_server_unreachable_on_a_network_the_calculator_uses_its_offline_copy(reader):
    """A laptop in a training room on another network: the browser reports a network
    (navigator.onLine), so the runtime is first asked of the server, which cannot be reached;
    calc-runtime.js then starts again from the service worker's copy (assets/offline-copy/)."""
    page = reader.page
    reader.context.set_offline(False)          # the server stays stopped
    page.goto(reader.base + "calculators/deadlines/")
    assert page.evaluate("navigator.onLine") is True
    wait_ready(page)
    answer_deadline(page)
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert reader.base + "assets/offline-copy/assets/javascripts/calc-worker.js" in loaded, loaded
    assert reader.errors == []


def test_online_the_runtime_is_left_to_the_browser_cache(reader):
    """Online, the service worker does not answer for Pyodide's files (a .wasm it answers is
    compiled again on every visit); its copies carry X-Yingsu-Sha256, the server's do not.
    Pages and the calculators themselves still come from this release's copy."""
    page = reader.page
    reader.go_online()
    page.goto(reader.base + "calculators/deadlines/")
    wait_ready(page)
    head = "async url => Object.fromEntries((await fetch(url, {method: 'HEAD', cache: 'no-store'})).headers)"
    wasm = runtime_file(reader.site, "pyodide.asm.wasm")
    from_server = page.evaluate(head, reader.base + wasm)
    assert "x-yingsu-sha256" not in from_server and from_server["content-type"] == "application/wasm"
    copy = page.evaluate(head, reader.base + "assets/offline-copy/" + wasm)
    assert copy["x-yingsu-sha256"] == offline_hook.read_manifest(reader.site)["runtime"][wasm]
    for path in ("calculators/deadlines/", "assets/calculators.zip", "assets/javascripts/calc-worker.js"):
        assert "x-yingsu-sha256" in page.evaluate(head, reader.base + path), path   # this release's copies
    assert reader.errors == []


def test_a_new_release_replaces_the_cache_cleanly(reader):
    page = reader.page
    reader.go_online()
    old = offline_hook.read_manifest(reader.site)
    page.goto(reader.base)
    old_css = reader.fetch_text(CHANGED_CSS)

    # deploy release 2: one page and one stylesheet changed, sw.js regenerated
    index = reader.site / CHANGED_PAGE
    index.write_text(index.read_text(encoding="utf-8").replace("</article>", MARKER + "</article>", 1), encoding="utf-8")
    css = reader.site / CHANGED_CSS
    css.write_text(css.read_text(encoding="utf-8") + "\n/* release 2 */\n", encoding="utf-8")
    new = offline_hook.write_service_worker(reader.site, ["zh"])
    assert new["release"] != old["release"]
    since = len(reader.server.served)

    page.reload()  # the browser checks sw.js and installs release 2 in the background
    page.locator("#update-bar").wait_for(timeout=60_000)
    # until the reader switches, everything still comes from release 1
    assert page.locator("#release-marker").count() == 0
    assert reader.fetch_text(CHANGED_CSS) == old_css
    assert set(reader.caches()) == {reader.cache_name(old["release"]), reader.cache_name(new["release"])}

    with page.expect_navigation():
        page.click("#update-bar button")
    page.locator("#release-marker").wait_for()
    assert reader.fetch_text(CHANGED_CSS).endswith("/* release 2 */\n")
    caches = reader.caches()
    assert list(caches) == [reader.cache_name(new["release"])]
    # the runtime had been cached, so release 2 has it too — copied, not downloaded again
    assert set(caches[reader.cache_name(new["release"])]) == set(new["shell"]) | set(new["runtime"])
    fetched = {p.split("?")[0] for p in reader.served_paths(since)}
    assert "/yingsu/assets/stylesheets/site.css" in fetched and "/yingsu/" in fetched
    assert not {p for p in fetched if "pyodide" in p or p.endswith(("calculators.zip", "/law/alp/"))}, fetched
    reader.figures["update_fetched_files"] = sorted(fetched)

    # and the new release works offline too
    reader.go_offline()
    page.goto(reader.base)
    assert page.locator("#release-marker").is_visible()
    reader.go_online()
    assert reader.errors == []


def test_a_half_copied_deployment_is_not_installed(reader):
    page = reader.page
    current = offline_hook.read_manifest(reader.site)
    about = reader.site / "about" / "index.html"
    original = about.read_text(encoding="utf-8")
    about.write_text(original.replace("</article>", "<p>第三版</p></article>", 1), encoding="utf-8")
    offline_hook.write_service_worker(reader.site, ["zh"])
    about.write_text(original, encoding="utf-8")  # the server now has a file sw.js does not list

    page.goto(reader.base)
    state = page.evaluate("""async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        try { await reg.update(); } catch (e) { return 'update rejected: ' + e.message; }
        for (let i = 0; i < 600 && reg.installing; i++) await new Promise(r => setTimeout(r, 100));
        return {installing: !!reg.installing, waiting: !!reg.waiting};
    }""")
    assert state == {"installing": False, "waiting": False} or str(state).startswith("update rejected"), state
    assert page.locator("#update-bar").count() == 0
    page.reload()
    assert page.locator("#release-marker").is_visible()  # still the complete release 2
    assert reader.cache_name(current["release"]) in reader.caches()


def test_plain_http_intranet_address_registers_nothing_and_fails_nothing(page, intranet_url):
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.goto(intranet_url)
    page.wait_for_load_state("load")
    assert page.evaluate("window.isSecureContext") is False
    assert page.evaluate("'serviceWorker' in navigator") is False
    assert page.evaluate("YingsuOffline.mode") == "online-only"
    assert page.errors == [] and console_errors == []


def test_repeat_visits_start_from_the_snapshot_without_asking_the_server(playwright_instance, built_site, tmp_path):
    """Under the service worker, later visits to a calculator get nothing of the runtime from
    the server: Pyodide's files from the HTTP cache (a year, deploy/), the calculators and
    their snapshot from the offline copy; and send no HEAD request (one sent through the
    service worker for the .wasm once made Chromium drop its compiled code)."""
    server = serve(built_site)
    context = playwright_instance.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
        locale="zh-CN", timezone_id="Asia/Shanghai", bypass_csp=True)
    methods = []
    context.on("request", lambda r: methods.append(r.method) if "/assets/" in r.url
               and r.service_worker is None else None)
    url = server.base_url + "calculators/deadlines/"
    runtime = ("/assets/pyodide/", "/assets/calculators", "/assets/javascripts/calc-worker.js")
    try:
        page = context.new_page()
        page.goto(url)   # first visit: the service worker installs and keeps the runtime
        wait_ready(page)
        page.wait_for_function("YingsuOffline.mode === 'offline-ready'", timeout=120_000)   # installed, in control
        wait_cached(page, server.base_url, offline_hook.read_manifest(built_site)["runtime"])
        page.close()
        for visit in (2, 3, 4):
            since = len(server.served)
            page = context.new_page()
            page.goto(url)
            wait_ready(page)
            assert page.evaluate("[navigator.serviceWorker.controller !== null, YingsuCalc.timings.snapshot]") == [True, True]
            answer_deadline(page)
            asked = [path for _, path, _ in server.served[since:] if any(part in path for part in runtime)]
            assert asked == [], f"visit {visit} asked the server for {asked}"
            page.close()
        assert "HEAD" not in methods, methods
    finally:
        context.close()
        server.stop()


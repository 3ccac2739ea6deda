"""What goes wrong between a release and a reader, in Chromium against Debian's nginx with
deploy/nginx/yingsu.conf (each scenario on its own copy of the built site, so it may damage it):

1. half-copied runtime, then repaired: a visit while assets/pyodide/ is being copied gets a
   truncated .wasm, which browsers keep a year; once the copy is complete, the next visit
   fetches it again past the cache and the calculator works (before: broken for a year);
2. one edited file on the server: a reader on the previous release is told the new one could
   not be taken (and keeps the complete old one); a new reader is told there is no offline
   copy, and YingsuOffline.mode never says "offline-ready" (before: silence, "offline-ready");
3. mixed release: a page of release 1 whose calculators were not cached yet, the server now on
   release 2 with other rules: the page never answers with release 2's rules (before: it did);
4. same-origin poisoning: another application on the origin writes a forged page, with the
   forged X-Yingsu-Sha256 header, into the site's cache and into an "earlier release" cache:
   the reader gets the real page, now and after the next update (before: the forged one).
The update from an uncommitted edit is in tests/test_release.py (it needs the release script).
"""
from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from macros import offline_hook
from nginx_server import NginxServer

BOOT_MS = 180_000
ANSWER_1 = "答辩期限：2026年10月8日（星期四）"   # 09-16 + 15 = 10-01, National Day -> 10-08
ANSWER_2 = "答辩期限：2026年10月1日（星期四）"   # release 2 lists no 2026 holidays: 10-01 stands
FORGED = "<h1>FORGED</h1>"


class Deployment:
    """A copy of the built site served by nginx, and one reader's browser context."""

    def __init__(self, built_site: Path, tmp: Path, browser):
        self.site = tmp / "yingsu"
        shutil.copytree(built_site, self.site)
        self.nginx = NginxServer(self.site, tmp / "nginx")
        self.base = self.nginx.base_url
        self.browser = browser
        self.contexts = []

    def reader(self):
        context = self.browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", bypass_csp=True,
                                           viewport={"width": 1280, "height": 900})
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        return page

    def close(self):
        for context in self.contexts:
            context.close()
        self.nginx.stop()

    def publish(self, change) -> dict:
        """Deploy release 2: `change(site)` edits files, then sw.js is written for them."""
        change(self.site)
        return offline_hook.write_service_worker(self.site, ["zh"])


@pytest.fixture
def deployment(built_site, tmp_path, browser):
    d = Deployment(built_site, tmp_path, browser)
    yield d
    d.close()


def controlled(page) -> None:
    """Until the service worker is active and controls the page (reloaded if its navigation
    began while the worker was activating)."""
    assert page.evaluate("""Promise.race([navigator.serviceWorker.ready.then(() => 'ready'),
        new Promise(r => setTimeout(() => r('no active worker after 120 s'), 120000))])""") == "ready"
    if not page.evaluate("navigator.serviceWorker.controller !== null"):
        page.reload()
    assert page.evaluate("navigator.serviceWorker.controller !== null")


def marker(text: str):
    def change(site: Path):
        index = site / "index.html"
        index.write_text(index.read_text(encoding="utf-8").replace("</article>", f"<p id='release-marker'>{text}</p></article>", 1),
                         encoding="utf-8")
    return change


def wait_settled(page) -> str:
    page.wait_for_function("window.YingsuCalc && ['ready', 'failed'].includes(YingsuCalc.status.state)", timeout=BOOT_MS)
    return page.evaluate("YingsuCalc.status.state")


def test_half_copied_runtime_is_fetched_again_once_complete(deployment):
    stamp = json.loads((deployment.site / "assets/calculators.json").read_text(encoding="utf-8"))
    wasm = deployment.site / stamp["pyodide_dir"] / "pyodide.asm.wasm"
    whole = wasm.read_bytes()
    wasm.write_bytes(whole[: len(whole) // 2])          # the copy has reached half the file
    (wasm.parent / "pyodide.asm.wasm.gz").unlink()     # (and not yet its compressed twin)
    page = deployment.reader()
    page.goto(deployment.base + "calculators/deadlines/")
    assert wait_settled(page) == "failed"
    message = page.evaluate("YingsuCalc.status.message")
    assert "pyodide.asm.wasm" in message and "不一致" in message and "部署检查" in message, message

    wasm.write_bytes(whole)                             # the copy completes
    page.reload()                                       # the browser's cache still holds half of it
    assert wait_settled(page) == "ready", page.evaluate("YingsuCalc.status.message")
    page.fill("#f-complaint_served", "2026-09-16")
    page.locator(".calc-headline", has_text=ANSWER_1).wait_for()
    page.reload()                                       # and from now on without a repair
    assert wait_settled(page) == "ready"


def test_one_edited_file_is_reported_to_old_and_new_readers(deployment):
    old = deployment.reader()
    old.goto(deployment.base)
    controlled(old)
    old.wait_for_function("YingsuOffline.mode === 'offline-ready'", timeout=60_000)

    def edit(site: Path):   # release 2, then the administrator's notice typed into its home page
        marker("第二版")(site)
    deployment.publish(edit)
    index = deployment.site / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace("</article>", "<p>管理员通知</p></article>", 1), encoding="utf-8")

    old.reload()   # the browser fetches the new sw.js and tries to install it
    note = old.locator("#offline-note")
    note.wait_for(timeout=60_000)
    assert "新版本" in note.inner_text() and "部署检查" in note.inner_text()
    assert old.locator("#update-bar").count() == 0 and old.locator("#release-marker").count() == 0
    assert old.evaluate("YingsuOffline.mode") == "offline-ready"   # of the complete release 1

    new = deployment.reader()
    new.goto(deployment.base)
    new.locator("#offline-note").wait_for(timeout=60_000)
    assert "离线副本未能保存" in new.locator("#offline-note").inner_text()
    assert new.evaluate("YingsuOffline.mode") == "install-failed"
    assert new.evaluate("YingsuOffline.installFailed.path") == ""     # the home page ("" in the manifest)
    assert old.errors == [] and new.errors == []


def release_2_rules(site: Path) -> None:
    """Release 2: calculators.zip with a holidays.json that lists no 2026 holidays (its own
    stamp; the snapshot, made from release 1's archive, is then not used), and a marker on the
    calculator page."""
    archive = site / "assets/calculators.zip"
    source = zipfile.ZipFile(io.BytesIO(archive.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "calculators/data/holidays.json":
                holidays = json.loads(data)
                holidays["2026"] = {"source": "测试用的第二版", "holidays": [], "workdays": []}
                data = json.dumps(holidays, ensure_ascii=False).encode()
            target.writestr(info, data)
    archive.write_bytes(out.getvalue())
    stamp_path = site / "assets/calculators.json"
    stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    import hashlib
    stamp["sha256"], stamp["size"] = hashlib.sha256(out.getvalue()).hexdigest(), len(out.getvalue())
    stamp_path.write_text(json.dumps(stamp, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (site / "assets/calculators.zip.gz").unlink(missing_ok=True)
    page = site / "calculators/deadlines/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p id='release-marker'>第二版</p></article>", 1),
                    encoding="utf-8")


def test_a_page_of_release_1_never_runs_release_2_rules(deployment):
    page = deployment.reader()
    page.goto(deployment.base)                  # the shell is cached; the calculators' runtime is not
    controlled(page)
    page.wait_for_function("YingsuOffline.mode === 'offline-ready'", timeout=60_000)
    deployment.publish(release_2_rules)
    page.goto(deployment.base + "calculators/deadlines/")
    state = wait_settled(page)
    page.fill("#f-complaint_served", "2026-09-16")
    if page.locator("#release-marker").count():     # the page itself moved to release 2: its rules
        page.locator(".calc-headline", has_text=ANSWER_2).wait_for()
    else:                                            # a release 1 page: told to refresh, no answer of release 2
        assert state == "failed"
        assert "请刷新页面" in page.evaluate("YingsuCalc.status.message")
        assert page.locator(".calc-headline", has_text=ANSWER_2).count() == 0
        page.reload()
        page.locator("#update-bar, #release-marker").first.wait_for(timeout=60_000)


FORGE = """async ([base, path, digest, cacheName]) => {
    const forged = new Response('<!doctype html><html><body>' + %r + '</body></html>',
        {headers: {'Content-Type': 'text/html', 'X-Yingsu-Sha256': digest}});
    const name = cacheName || (await caches.keys()).find(n => n.startsWith('yingsu:'));
    await (await caches.open(name)).put(base + path, forged);
    return name;
}""" % FORGED


def test_forged_cache_entries_are_never_served_nor_carried_into_the_next_release(deployment):
    page = deployment.reader()
    page.goto(deployment.base)
    controlled(page)
    page.wait_for_function("YingsuOffline.mode === 'offline-ready'", timeout=60_000)
    manifest = offline_hook.read_manifest(deployment.site)
    page.evaluate(FORGE, [deployment.base, "about/", manifest["shell"]["about/"], None])
    page.goto(deployment.base + "about/")
    assert FORGED not in page.content() and page.locator("h1").first.is_visible()

    # an "earlier release" cache holding a forged law page with the right digest in its header,
    # and the real one gone from the current cache: an update would copy it on the header alone
    scope = deployment.base
    page.evaluate(FORGE, [deployment.base, "law/alp/", manifest["shell"]["law/alp/"], f"yingsu:{scope}:0000000000000000"])
    page.evaluate("async ([base, path]) => { for (const n of await caches.keys()) if (!n.endsWith(':0000000000000000'))"
                  " await (await caches.open(n)).delete(base + path); }", [deployment.base, "law/alp/"])
    deployment.publish(marker("第二版"))
    page.goto(deployment.base)   # the browser fetches the new sw.js and installs release 2
    page.locator("#update-bar").wait_for(timeout=60_000)
    with page.expect_navigation():
        page.click("#update-bar button")
    page.locator("#release-marker").wait_for()
    page.goto(deployment.base + "law/alp/")
    assert FORGED not in page.content() and page.locator("h1").first.is_visible()
    assert page.errors == []

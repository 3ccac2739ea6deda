"""The release archive an administrator deploys (`bash dev.sh release`, scripts/release.py),
and that archive served by Debian's nginx with deploy/nginx/yingsu.conf under /yingsu/.

1. Reproducible: the same commit, checked out at two paths and built once through dev.sh
   with TZ=UTC and once through the script with TZ=Asia/Shanghai, gives byte-identical
   archives; no build path and no date other than the commit's is inside; SHA256SUMS covers
   every file. (Built from clones of HEAD: uncommitted edits are not what is tested here.)
2. The server configurations map every file type the site uses (the .wasm type above all).
3. nginx for real: `nginx -t` is clean, every file is served with its type, the caching
   headers are as documented (no-cache for HTML and unhashed files, a year for hashed
   assets), the other servers' drop-in files are hidden, and in Chromium an article page,
   search and a calculator work with every request going to nginx, and the service worker
   caches the whole release from it (gzip-encoded responses, each checked by SHA-256).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from macros.offline_hook import read_manifest
from macros.vendor_hook import runtime_path
from nginx_server import NginxServer
from smoke_browser import wait_cached

pytestmark = pytest.mark.slow   # Node/Pyodide, release builds, nginx: not in the fast loop

ROOT = Path(__file__).resolve().parent.parent
BOOT_MS = 180_000   # cold start of Pyodide on a loaded 2-core machine
FOLDER = "yingsu"

# The type each file extension of the site must be served with.
EXPECTED_TYPES = {
    ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
    ".json": "application/json", ".map": "application/json", ".xml": "application/xml",
    ".gz": "application/gzip", ".wasm": "application/wasm", ".zip": "application/zip",
    ".bin": "application/octet-stream",
    ".png": "image/png", ".svg": "image/svg+xml", ".ico": "image/x-icon", ".txt": "text/plain",
    ".webmanifest": "application/manifest+json", ".woff2": "font/woff2",
}
# Types IIS (and older Tomcat/Apache) do not serve by default, and the calculators' snapshot
# (.bin: IIS answers 404 for a type it does not know): each drop-in config must add them.
MUST_REGISTER = {".wasm": "application/wasm", ".mjs": "text/javascript", ".json": "application/json",
                 ".webmanifest": "application/manifest+json", ".bin": "application/octet-stream"}
DROP_INS = {f"{FOLDER}/web.config", f"{FOLDER}/.htaccess", f"{FOLDER}/WEB-INF/web.xml"}
HASHED = re.compile(r"^assets/.+\.[0-9a-f]{8}\.min\.(js|css)$")
RUNTIME = runtime_path()   # assets/pyodide/<version>/: cached for a year like the hashed files


@dataclass
class Release:
    zip_path: Path
    data: bytes
    sha256_file: Path
    seconds: float
    tree: Path          # the checkout it was built from


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def clone_at(commit: str, dest: Path) -> Path:
    """A throw-away clone of the repository at `commit` (objects shared with ours; nothing of
    ours is written), with the installed npm packages copied in: what a fresh checkout of the
    commit has after `bash dev.sh setup`."""
    for args in (["clone", "--quiet", "--shared", "--no-checkout", str(ROOT), str(dest)],
                 ["-C", str(dest), "checkout", "--quiet", "--detach", commit]):
        subprocess.run(["git", *args], check=True, capture_output=True, text=True)
    shutil.copytree(ROOT / "node_modules", dest / "node_modules", symlinks=True)
    return dest


def run_release(command: list[str], tree: Path, out: Path, tz: str) -> Release:
    env = dict(os.environ, TZ=tz, VENV=str(ROOT / ".venv"))
    env.pop("SOURCE_DATE_EPOCH", None)
    began = time.perf_counter()
    proc = subprocess.run(command + ["--out", str(out)], cwd=tree, env=env, capture_output=True, text=True,
                          timeout=900)
    seconds = time.perf_counter() - began
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    zips = list(out.glob("yingsu-*.zip"))
    assert len(zips) == 1, zips
    return Release(zips[0], zips[0].read_bytes(), out / (zips[0].name + ".sha256"), seconds, tree)


@pytest.fixture(scope="module")
def commit() -> str:
    return git("rev-parse", "HEAD")


@pytest.fixture(scope="module")
def releases(commit, tmp_path_factory) -> tuple[Release, Release]:
    """The commit checked out twice at different paths, built once through dev.sh (TZ=UTC) and
    once through the script (TZ=Asia/Shanghai). Built from clones rather than this working copy,
    so that edits in progress here are no part of it (as on CI, where both are the same)."""
    tree = clone_at(commit, tmp_path_factory.mktemp("checkout-a") / "repo")
    # dev.sh installs into the environment it is given whatever the checkout's lock files pin:
    # only when they are ours (no uncommitted dependency change here) may it use our .venv
    same_locks = all((tree / f).read_bytes() == (ROOT / f).read_bytes()
                     for f in ("requirements.lock", "package-lock.json"))
    command = ["bash", "dev.sh", "release"] if same_locks else [sys.executable, "scripts/release.py"]
    first = run_release(command, tree, tmp_path_factory.mktemp("release-a"), "UTC")
    second = run_release([sys.executable, "scripts/release.py"],
                         clone_at(commit, tmp_path_factory.mktemp("checkout-b") / "elsewhere" / "checkout-elsewhere"),
                         tmp_path_factory.mktemp("release-b"), "Asia/Shanghai")
    print(f"\nrelease: {first.zip_path.name} {len(first.data) / 1e6:.2f} MB; "
          f"built in {first.seconds:.1f} s and {second.seconds:.1f} s")
    return first, second


@pytest.fixture(scope="module")
def release(releases) -> Release:
    return releases[0]


@pytest.fixture(scope="module")
def archive(release) -> dict[str, bytes]:
    with zipfile.ZipFile(release.zip_path) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


@pytest.fixture(scope="module")
def commit_epoch(commit) -> int:
    return int(git("log", "-1", "--format=%ct", commit))


def site_names(archive) -> list[str]:
    """Site-relative names of the built site's files (without the drop-in server configs)."""
    return sorted(n[len(FOLDER) + 1:] for n in archive if n.startswith(FOLDER + "/") and n not in DROP_INS)


# 1. Reproducible ------------------------------------------------------------------------------

def test_the_same_tree_gives_a_byte_identical_archive(releases):
    first, second = releases
    assert first.zip_path.name == second.zip_path.name
    assert hashlib.sha256(first.data).hexdigest() == hashlib.sha256(second.data).hexdigest()
    assert first.data == second.data
    digest, name = first.sha256_file.read_text(encoding="ascii").split()
    assert (digest, name) == (hashlib.sha256(first.data).hexdigest(), first.zip_path.name)
    assert second.sha256_file.read_text() == first.sha256_file.read_text()


def test_version_names_the_commit(release, commit, commit_epoch):
    """A clean checkout: <commit date>-<short commit>, or the tag of a tagged commit."""
    tags = subprocess.run(["git", "tag", "--points-at", commit], cwd=ROOT, capture_output=True,
                          text=True).stdout.split()
    dated = time.strftime("%Y%m%d", time.gmtime(commit_epoch)) + "-" + commit[:7]
    assert release.zip_path.name in {f"yingsu-{v}.zip" for v in tags + [dated]}


def test_entries_are_sorted_ascii_with_the_commit_date(release, commit_epoch):
    with zipfile.ZipFile(release.zip_path) as z:
        infos = z.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert all(n.isascii() and not n.startswith("/") and ".." not in n.split("/") for n in names)
    commit = time.gmtime(commit_epoch)
    assert {i.date_time for i in infos} == {(*commit[:5], commit[5] // 2 * 2)}  # zip times: 2-second steps
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


def test_layout_site_folder_drop_ins_configs_and_note(archive, release):
    for name in ["DEPLOY.txt", "SHA256SUMS", f"{FOLDER}/index.html", f"{FOLDER}/sw.js",
                 f"{FOLDER}/{RUNTIME}pyodide.asm.wasm", f"{FOLDER}/assets/calculators.zip",
                 "deploy/nginx/yingsu.conf", "deploy/iis/web.config", "deploy/apache/.htaccess",
                 "deploy/apache/yingsu.conf", "deploy/tomcat/web.xml", *DROP_INS]:
        assert name in archive, name
    assert archive[f"{FOLDER}/.htaccess"] == (release.tree / "deploy/apache/.htaccess").read_bytes()
    assert archive[f"{FOLDER}/WEB-INF/web.xml"] == (release.tree / "deploy/tomcat/web.xml").read_bytes()


def test_checksums_cover_every_file(archive):
    listed = {}
    for line in archive["SHA256SUMS"].decode("ascii").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    assert set(listed) == set(archive) - {"SHA256SUMS"}
    for name, digest in listed.items():
        assert hashlib.sha256(archive[name]).hexdigest() == digest, name


def test_no_build_path_and_no_date_but_the_commits(archive, commit_epoch, tmp_path_factory):
    """(The two checkouts were at different paths and gave the same bytes; this names the paths.)"""
    forbidden = [str(ROOT), "yingsu-release-", str(tmp_path_factory.getbasetemp()), "checkout-a", "checkout-elsewhere"]
    text_suffixes = (".html", ".js", ".css", ".json", ".xml", ".txt", ".config", ".htaccess", ".conf")
    for name, data in archive.items():
        if name.endswith(text_suffixes):
            text = data.decode("utf-8", errors="replace")
            assert not [f for f in forbidden if f in text], name
    lastmods = set(re.findall(r"<lastmod>([^<]+)</lastmod>", archive[f"{FOLDER}/sitemap.xml"].decode()))
    assert lastmods == {time.strftime("%Y-%m-%d", time.gmtime(commit_epoch))}
    gz = archive[f"{FOLDER}/sitemap.xml.gz"]
    assert int.from_bytes(gz[4:8], "little") <= commit_epoch  # gzip header time: the build date, not now


def test_deploy_note_is_chinese_for_notepad_with_the_version(archive, release):
    note = archive["DEPLOY.txt"]
    assert note.startswith(b"\xef\xbb\xbf")
    text = note[3:].decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert release.zip_path.stem.removeprefix("yingsu-") in text
    assert "{" + "version}" not in text and "http://服务器地址/yingsu/" in text
    assert "sha256sum -c SHA256SUMS" in text and "Get-FileHash" in text


# 2. Server configurations ---------------------------------------------------------------------

def nginx_types(archive) -> dict[str, str]:
    text = archive["deploy/nginx/yingsu.conf"].decode("utf-8")
    block = re.search(r"types\s*\{([^}]*)\}", text).group(1)
    out = {}
    for line in block.strip().splitlines():
        mime, *extensions = line.strip().rstrip(";").split()
        out.update({"." + e: mime for e in extensions})
    return out


def test_nginx_types_cover_every_file_of_the_site(archive):
    """The snippet's types block replaces the server's mime.types inside /yingsu/, so it must
    name every extension the site has."""
    types = nginx_types(archive)
    assert {ext: EXPECTED_TYPES[ext] for ext in types} == types
    extensions = {Path(n).suffix for n in site_names(archive)}
    assert extensions <= set(types), extensions - set(types)


def test_iis_config_registers_the_types_and_caches_hashed_assets_for_a_year(archive):
    root = ElementTree.fromstring(archive[f"{FOLDER}/web.config"])
    content = root.find("system.webServer/staticContent")
    children = list(content)
    maps = {}
    for i, el in enumerate(children):
        if el.tag == "mimeMap":
            ext = el.get("fileExtension")
            assert children[i - 1].tag == "remove" and children[i - 1].get("fileExtension") == ext, ext
            maps[ext] = el.get("mimeType")
    assert {e: maps.get(e) for e in MUST_REGISTER} == MUST_REGISTER
    assert content.find("clientCache").get("cacheControlMode") == "DisableCache"
    located = {loc.get("path"): loc.find("system.webServer/staticContent/clientCache").attrib
               for loc in root.findall("location") if loc.find("system.webServer/staticContent/clientCache") is not None}
    hashed = {n for n in site_names(archive) if HASHED.match(n)}
    assert len(hashed) >= 4 and set(located) == hashed | {"assets/pyodide"}
    assert all(a == {"cacheControlMode": "UseMaxAge", "cacheControlMaxAge": "365.00:00:00"} for a in located.values())
    # the copy in deploy/ (shown on the guide page) is the same file without the per-release part
    ElementTree.fromstring(archive["deploy/iis/web.config"])


def test_tomcat_and_apache_register_the_types(archive):
    ns = {"j": "http://xmlns.jcp.org/xml/ns/javaee"}
    root = ElementTree.fromstring(archive[f"{FOLDER}/WEB-INF/web.xml"])
    maps = {"." + m.findtext("j:extension", namespaces=ns): m.findtext("j:mime-type", namespaces=ns)
            for m in root.findall("j:mime-mapping", ns)}
    assert {e: maps.get(e) for e in MUST_REGISTER} == MUST_REGISTER
    filters = {f.findtext("j:filter-class", namespaces=ns) for f in root.findall("j:filter", ns)}
    assert {"org.apache.catalina.filters.ExpiresFilter", "org.apache.catalina.filters.HttpHeaderSecurityFilter"} <= filters
    htaccess = archive[f"{FOLDER}/.htaccess"].decode()
    added = {}
    for mime, exts in re.findall(r"^AddType\s+(\S+)\s+(.+)$", htaccess, re.M):
        added.update({e: mime for e in exts.split()})
    assert {e: added.get(e) for e in MUST_REGISTER} == MUST_REGISTER


# 3. nginx for real ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def nginx(release, tmp_path_factory):
    unzipped = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(release.zip_path) as z:
        z.extractall(unzipped)
    server = NginxServer(unzipped / FOLDER, tmp_path_factory.mktemp("nginx"), unzipped / "deploy/nginx/yingsu.conf")
    print(f"\nnginx started in {server.started_in * 1000:.0f} ms on {server.base_url}")
    yield server
    server.stop()
    # nginx logs each 404 of a missing file as an error: only the deliberate ones are expected
    deliberate = ("/yingsu/no/such/page/", "/other/")
    errors = [line for line in server.log().splitlines() if re.search(r"\[(emerg|alert|crit|error)\]", line)
              and not any(f'request: "GET {path} ' in line for path in deliberate)]
    assert errors == [], errors


def fetch(url: str, method: str = "GET", headers: dict | None = None):
    """(status, headers, body) without following redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_nginx_config_test_is_clean(nginx):
    assert "syntax is ok" in nginx.config_test and "test is successful" in nginx.config_test
    assert not re.search(r"\[(warn|emerg|alert)\]", nginx.config_test), nginx.config_test


def test_nginx_serves_every_file_with_its_type(nginx, archive):
    wrong = []
    for name in site_names(archive):
        status, headers, _ = fetch(nginx.base_url + name, "HEAD")
        expected = EXPECTED_TYPES[Path(name).suffix]
        got = headers.get("Content-Type", "")
        if status != 200 or got.split(";")[0] != expected:
            wrong.append((name, status, got))
        elif expected.startswith("text/") and "charset=utf-8" not in got:
            wrong.append((name, status, got))
    assert wrong == []


def test_nginx_cache_headers(nginx, archive):
    def cache_control(path):
        status, headers, _ = fetch(nginx.base_url + path)
        assert status == 200, path
        return headers.get("Cache-Control")

    for path in ["", "measures/chapter-3/", "sitemap.xml", "search/search_index.json", "sw.js",
                 "assets/calculators.json", "assets/calculators.zip", "assets/javascripts/site.js",
                 "assets/stylesheets/site.css", "assets/javascripts/calc-worker.js"]:
        assert cache_control(path) == "no-cache", path
    hashed = [n for n in site_names(archive) if HASHED.match(n) or n.startswith(RUNTIME)]
    assert {RUNTIME + "pyodide.asm.wasm", RUNTIME + "pyodide.js"} <= set(hashed)
    assert any(n.startswith("assets/javascripts/bundle.") for n in hashed)
    assert any(n.startswith("assets/stylesheets/main.") for n in hashed)
    for path in hashed:
        assert cache_control(path) == "public, max-age=31536000, immutable", path
    # revalidation answers 304 without the body
    _, headers, _ = fetch(nginx.base_url + "assets/calculators.zip")
    status, _, body = fetch(nginx.base_url + "assets/calculators.zip",
                            headers={"If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")


def test_nginx_lets_the_browser_reuse_the_runtime_on_the_next_visit(nginx):
    """Every file the calculators' worker fetches is kept by the browser (Pyodide's versioned
    folder, a year) or answered 304 when asked again, gzip twin or not (tests/runtime_cache.py)."""
    from runtime_cache import runtime_reuse

    reuse = runtime_reuse(nginx.base_url)
    assert {name: how for name, how in reuse.items() if how not in ("kept", "304")} == {}, reuse
    assert reuse["pyodide.asm.wasm"] == "kept" and reuse["calculators-snapshot.bin"] == "304"


def test_nginx_hides_the_other_servers_configs_redirects_and_404s(nginx):
    for path in ["web.config", ".htaccess", "WEB-INF/web.xml"]:
        assert fetch(nginx.base_url + path)[0] == 404, path
    status, headers, _ = fetch(nginx.origin + "/yingsu")
    assert status == 301 and urlsplit(headers["Location"]).path == "/yingsu/"
    status, headers, body = fetch(nginx.base_url + "no/such/page/")
    assert status == 404 and "text/html" in headers["Content-Type"] and "404".encode() in body
    assert fetch(nginx.origin + "/other/")[0] == 404  # nothing outside /yingsu/ is served by the snippet


@pytest.fixture(scope="module")
def release_browser(playwright_instance):
    """Debian's Chromium, as in conftest's `browser` (which needs the working copy's build)."""
    from conftest import CHROMIUM, CHROMIUM_ARGS

    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


def test_browser_smoke_on_nginx(release_browser, nginx):
    """An article page, search and a calculator, as a clerk would use them, served by nginx."""
    context = release_browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai",
                                          viewport={"width": 1280, "height": 900})
    requests, responses, errors = [], [], []
    context.on("request", lambda r: requests.append(r.url))
    context.on("response", lambda r: responses.append(r))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(30_000)
    timings = {}
    try:
        began = time.perf_counter()
        page.goto(nginx.base_url + "measures/chapter-3/")
        assert page.locator("h3#art-22").inner_text().startswith("第二十二条")
        timings["article"] = time.perf_counter() - began

        began = time.perf_counter()
        box = page.locator(".md-search__input")
        if not box.is_visible():
            page.keyboard.press("/")
        box.fill("答辩状")
        box.press("End")
        first = page.locator(".md-search-result__item a.md-search-result__link").first
        first.wait_for()
        hrefs = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link",
                                          "els => els.map(a => a.getAttribute('href'))")
        assert any("measures/chapter-2/" in h for h in hrefs), hrefs  # 第十五条 is on chapter 2
        timings["search"] = time.perf_counter() - began

        began = time.perf_counter()
        page.goto(nginx.base_url + "calculators/deadlines/")
        page.wait_for_function("window.YingsuCalc && YingsuCalc.status.state === 'ready'", timeout=BOOT_MS)
        page.fill("#f-complaint_served", "2026-09-16")
        # 2026-09-16 + 15 days = 10-01 (National Day) -> first working day 10-08
        page.wait_for_function(
            "[...document.querySelectorAll('.calc-headline')].some(e => e.textContent === '答辩期限：2026年10月8日（星期四）')")
        timings["calculator"] = time.perf_counter() - began

        # the offline cache works behind nginx too (gzip-encoded responses, checked by SHA-256).
        # Wait for the real event: the worker's registration becoming active (ready). A page
        # whose navigation began while the worker was activating stays uncontrolled (its
        # clients.claim() came too early for it: the cause of a 60 s time-out here once); the
        # next navigation is controlled, so reload then.
        assert page.evaluate("""Promise.race([navigator.serviceWorker.ready.then(() => 'ready'),
            new Promise(r => setTimeout(() => r('no active worker after 120 s'), 120000))])""") == "ready"
        if not page.evaluate("navigator.serviceWorker.controller !== null"):
            page.reload()
        assert page.evaluate("navigator.serviceWorker.controller !== null")
        manifest = read_manifest(nginx.site_dir)
        wait_cached(page, nginx.base_url, [*manifest["shell"], *manifest["runtime"]])

        assert all(u.startswith(nginx.origin + "/yingsu/") or u.startswith(("data:", "blob:")) for u in requests), \
            [u for u in requests if not u.startswith(nginx.origin)]
        wasm = [r for r in responses if r.url.endswith("pyodide.asm.wasm") and r.request.method == "GET"]
        assert wasm and all(r.headers["content-type"] == "application/wasm" for r in wasm)
        assert errors == []
    finally:
        context.close()
    print("\nnginx smoke: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))


def test_an_uncommitted_edit_is_refused_and_a_trial_build_of_it_arrives(release, nginx, release_browser, tmp_path_factory):
    """The documented holiday update, done without committing: dev.sh release refuses (before,
    the archive got the previous release's file dates; sw.js kept its size, so nginx's ETag
    was unchanged and browsers with the offline copy kept the old rules). The trial build
    (--allow-dirty) is dated now: deployed by copy-then-rename, its sw.js has a new ETag and a
    reader with the offline copy of the committed release is offered the update."""
    data = release.tree / "calculators/data/holidays.json"
    original = data.read_text(encoding="utf-8")
    data.write_text(original.replace("节假日安排补充文件", "节假日安排补充文件（试改）", 1), encoding="utf-8")
    out = tmp_path_factory.mktemp("release-dirty")
    try:
        refused = subprocess.run([sys.executable, "scripts/release.py", "--out", str(out)], cwd=release.tree,
                                 env=dict(os.environ, VENV=str(ROOT / ".venv")), capture_output=True, text=True, timeout=900)
        assert refused.returncode == 1 and "未提交的修改" in refused.stderr and not list(out.glob("*.zip"))
        trial = run_release([sys.executable, "scripts/release.py", "--allow-dirty"], release.tree, out, "UTC")
    finally:
        data.write_text(original, encoding="utf-8")
    assert re.fullmatch(r"yingsu-\d{8}-[0-9a-f]{7}-dirty-\d{14}\.zip", trial.zip_path.name), trial.zip_path.name

    context = release_browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai")
    page = context.new_page()
    try:
        page.goto(nginx.base_url)
        assert page.evaluate("""Promise.race([navigator.serviceWorker.ready.then(() => 'ready'),
            new Promise(r => setTimeout(() => r('no active worker after 120 s'), 120000))])""") == "ready"
        page.wait_for_function("YingsuOffline.mode === 'offline-ready'", timeout=60_000)
        etag = fetch(nginx.base_url + "sw.js")[1]["ETag"]
        unzipped = tmp_path_factory.mktemp("unzipped-dirty")
        with zipfile.ZipFile(trial.zip_path) as z:
            z.extractall(unzipped)
        live = nginx.site_dir
        live.rename(live.with_name("yingsu.old"))           # the upgrade: copy beside, then rename
        (unzipped / FOLDER).rename(live)
        assert fetch(nginx.base_url + "sw.js")[1]["ETag"] != etag
        page.goto(nginx.base_url)
        page.locator("#update-bar").wait_for(timeout=60_000)
    finally:
        context.close()

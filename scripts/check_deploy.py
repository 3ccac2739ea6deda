"""部署检查：逐项核对一个已部署的网站（管理员在部署或升级的最后一步运行）。

    python3 check_deploy.py http://服务器地址/yingsu/            检查服务器实际发送的内容
    python3 check_deploy.py --folder /srv/www/yingsu              只检查服务器上的文件夹（不需要网络）

The deploy check an administrator runs as the last step (DEPLOY.txt; shipped at the top of the
release archive; Python 3.8+, standard library only). Over HTTP it reads the release's manifest
from the deployed sw.js and checks, for every file of the release:
- it is served (200) and its bytes (decoded, as a browser gets them) have the manifest's SHA-256:
  a half-copied, edited or mixed-release file is named (the service worker refuses to install
  such a release, and browsers keep the old one, so this is what an administrator must fix);
- its Content-Type (the service worker's table), X-Content-Type-Options: nosniff;
- the pages' security policy (the header, or on servers that cannot send one the page's own
  <meta>, with X-Frame-Options against framing), Referrer-Policy, and the calculators' worker
  served with its own policy (or none) but never the pages' (Pyodide would not start);
- the large runtime files are sent compressed (gzip) with Vary: Accept-Encoding, and a
  revalidation of a page answers 304;
and that the other servers' configuration files are not served, that a folder is not listed,
that the bare sub-path redirects and that an unknown address gets the site's 404 page.
With --folder it checks the files themselves, and that every gzip twin (X.gz) holds X's bytes.
Exit status 0 when every check passed; each failure is one line saying what to do.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import gzip
import hashlib
import json
import re
import sys
import urllib.error
import urllib.request
import zlib
from pathlib import Path
from urllib.parse import urljoin, urlsplit

CONFIG_FILES = ("web.config", ".htaccess", "WEB-INF/web.xml")
COMPRESSED = ("pyodide.asm.wasm", "pyodide.asm.js")   # must arrive gzip-encoded (of the runtime)
WORKER = "assets/javascripts/calc-worker.js"


def embedded_json(text: str, name: str) -> dict:
    start = text.index(f"var {name} = ") + len(f"var {name} = ")
    return json.loads(text[start:text.index(";\n", start)])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def get(url: str, headers: dict | None = None, method: str = "GET"):
    """(status, headers, decoded body); gzip-encoded bodies are decoded as a browser would."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with OPENER.open(request, timeout=60) as response:
            status, head, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, head, body = error.code, error.headers, error.read()
    if head.get("Content-Encoding", "").lower() == "gzip" and body:
        body = gzip.decompress(body)
    elif head.get("Content-Encoding", "").lower() == "deflate" and body:
        body = zlib.decompress(body)
    return status, head, body


def url_of(base: str, path: str) -> str:
    return urljoin(base, path)


def main_type(value: str) -> str:
    return (value or "").split(";")[0].strip().lower()


def meta_policy(html: bytes) -> str | None:
    match = re.search(rb'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    return match.group(1).decode().replace("&#39;", "'").replace("&quot;", '"') if match else None


class Report:
    def __init__(self):
        self.failures: list[str] = []
        self.passed = 0

    def check(self, ok: bool, message: str) -> bool:
        if ok:
            self.passed += 1
        else:
            self.failures.append(message)
        return ok


def check_file(base: str, path: str, digest: str, expected: dict, report: Report) -> None:
    """The checks of one file of the manifest."""
    status, head, body = get(url_of(base, path), {"Accept-Encoding": "gzip"})
    shown = "/" + path if path else "/（首页）"
    if not report.check(status == 200, f"{shown}：服务器回答 HTTP {status}，应为 200。请确认文件已完整复制。"):
        return
    report.check(hashlib.sha256(body).hexdigest() == digest,
                 f"{shown}：文件内容与本版本不一致（复制不完整、被修改，或混入了其他版本的文件）。"
                 "请按部署说明重新复制整个 yingsu 文件夹（先复制为新文件夹再改名），不要修改其中的文件。")
    name = "index.html" if path == "" or path.endswith("/") else path.rsplit("/", 1)[-1]
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    want = main_type(expected["types"].get(suffix, "application/octet-stream"))
    report.check(main_type(head.get("Content-Type")) == want,
                 f"{shown}：类型为 {head.get('Content-Type')!r}，应为 {want}。请按部署说明登记文件类型。")
    report.check(head.get("X-Content-Type-Options", "").lower() == "nosniff",
                 f"{shown}：缺少 X-Content-Type-Options: nosniff。请确认已启用配置中的响应头（Apache：a2enmod headers）。")
    page_policy = expected["page_headers"]["Content-Security-Policy"]
    worker_policy = expected["worker_headers"]["Content-Security-Policy"]
    policy = head.get("Content-Security-Policy")
    if path == WORKER:
        report.check(policy in (None, worker_policy),
                     f"{shown}：计算器后台脚本的安全策略应为本站配置中为它单独设定的一条（含 'unsafe-eval'），否则计算器无法启动。")
    elif suffix == ".html":
        meta = meta_policy(body)
        report.check(policy == page_policy or (policy is None and meta is not None and page_policy.startswith(meta)),
                     f"{shown}：内容安全策略（Content-Security-Policy）与本站配置不同：{policy!r}。")
        report.check(head.get("X-Frame-Options", "").upper() == "DENY" or (policy or "").endswith("frame-ancestors 'none'"),
                     f"{shown}：缺少 X-Frame-Options: DENY（或 frame-ancestors），其他网站可以嵌入本站页面。")
        report.check(head.get("Referrer-Policy", "no-referrer") == "no-referrer" and
                     (head.get("Referrer-Policy") == "no-referrer" or b'<meta name="referrer" content="no-referrer">' in body),
                     f"{shown}：缺少 Referrer-Policy: no-referrer。")
    if any(path.endswith(n) for n in COMPRESSED):
        _, raw, _ = get(url_of(base, path), {"Accept-Encoding": "gzip"}, "HEAD")
        report.check(raw.get("Content-Encoding", "").lower() == "gzip",
                     f"{shown}：未压缩发送（{len(body) / 1e6:.1f} MB）。请按部署说明启用压缩（nginx gzip_static，Apache mod_deflate/mod_rewrite，Tomcat precompressed）。")
        report.check("accept-encoding" in raw.get("Vary", "").lower(),
                     f"{shown}：压缩发送时缺少 Vary: Accept-Encoding，中间代理可能把压缩内容发给不支持的浏览器。")


def check_server(base: str, workers: int = 4) -> Report:
    report = Report()
    base = base if base.endswith("/") else base + "/"
    status, head, body = get(url_of(base, "sw.js"))
    if not report.check(status == 200, f"/sw.js：服务器回答 HTTP {status}。网址是否正确（应以 /yingsu/ 结尾）？"):
        return report
    text = body.decode("utf-8")
    manifest, expected = embedded_json(text, "MANIFEST"), embedded_json(text, "HEADERS")
    files = {**manifest["shell"], **manifest["runtime"]}
    print(f"版本 {manifest.get('version') or manifest['release']}：检查 {len(files)} 个文件……")
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda item: check_file(base, item[0], item[1], expected, report), sorted(files.items())))
    # revalidation of a page answers 304 (the browsers' copies are not downloaded again)
    _, first, _ = get(base)
    validators = {k: v for k, v in (("If-None-Match", first.get("ETag")), ("If-Modified-Since", first.get("Last-Modified"))) if v}
    report.check(bool(validators) and get(base, validators)[0] == 304,
                 "首页：再次访问时服务器没有回答 304（未改变），浏览器每次都要重新下载。请检查服务器的 ETag/Last-Modified 设置。")
    for name in CONFIG_FILES:
        code = get(url_of(base, name))[0]
        report.check(code in (403, 404), f"/{name}：服务器配置文件可以被下载（HTTP {code}）。请按部署说明禁止访问。")
    status, _, listing = get(url_of(base, "assets/"))
    report.check(not (status == 200 and b"Index of" in listing or b"Directory Listing" in listing),
                 "/assets/：服务器列出了文件夹内容。请关闭目录浏览（Apache：Options -Indexes；IIS：directoryBrowse）。")
    bare = base.rstrip("/")
    code, head, _ = get(bare)
    report.check(code in (301, 302, 307, 308) and urlsplit(head.get("Location", "")).path.rstrip("/") == urlsplit(bare).path,
                 f"{urlsplit(bare).path}：不带末尾 / 的地址没有转到 {urlsplit(base).path}（HTTP {code}）。")
    code, head, body = get(url_of(base, "no/such/page/"))
    report.check(code == 404 and main_type(head.get("Content-Type")) == "text/html",
                 f"不存在的地址应回答 404 和本站的“页面不存在”页（实际 HTTP {code}）。")
    return report


def check_folder(folder: Path) -> Report:
    report = Report()
    sw = folder / "sw.js"
    if not report.check(sw.is_file(), f"{folder} 中没有 sw.js：这不是本站的 yingsu 文件夹。"):
        return report
    manifest = embedded_json(sw.read_text(encoding="utf-8"), "MANIFEST")
    for path, digest in sorted({**manifest["shell"], **manifest["runtime"]}.items()):
        name = path + "index.html" if path == "" or path.endswith("/") else path
        file = folder / name
        if not report.check(file.is_file(), f"{name}：文件缺失。请重新复制整个 yingsu 文件夹。"):
            continue
        report.check(hashlib.sha256(file.read_bytes()).hexdigest() == digest,
                     f"{name}：文件内容与本版本不一致（复制不完整、被修改，或混入了其他版本的文件）。")
    for twin in sorted(folder.rglob("*.gz")):
        original = twin.with_suffix("")
        if original.is_file():
            ok = gzip.decompress(twin.read_bytes()) == original.read_bytes()
            report.check(ok, f"{twin.relative_to(folder)}：压缩副本与原文件不一致，服务器会发送旧内容。请重新复制整个 yingsu 文件夹。")
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="核对已部署的本站：文件是否完整一致、类型、响应头、压缩、配置文件是否隐藏。")
    parser.add_argument("url", nargs="?", help="网站地址，如 http://服务器地址/yingsu/")
    parser.add_argument("--folder", type=Path, help="服务器上的 yingsu 文件夹（只核对文件，不访问网络）")
    args = parser.parse_args(argv)
    if not args.url and not args.folder:
        parser.error("请给出网站地址或 --folder 文件夹")
    report = Report()
    if args.folder:
        folder = check_folder(args.folder)
        report.failures += folder.failures
        report.passed += folder.passed
    if args.url:
        server = check_server(args.url)
        report.failures += server.failures
        report.passed += server.passed
    for failure in report.failures:
        print("✘ " + failure)
    if report.failures:
        print(f"部署检查未通过：{len(report.failures)} 项有问题，{report.passed} 项正常。")
        return 1
    print(f"部署检查通过：{report.passed} 项全部正常。")
    return 0


if __name__ == "__main__":
    sys.exit(main())

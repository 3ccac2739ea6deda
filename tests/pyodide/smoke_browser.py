"""Browser smoke test of the calculators' runtime against an already built site.

Serves SITE_DIR with Python's http.server on 127.0.0.1 under the sub-path /yingsu/, opens
a calculator page (one with [data-calculator]) in headless Debian Chromium via Playwright,
calls YingsuCalc.run(), prints timings, and checks that every request went to 127.0.0.1.
It also opens a page without a calculator and checks that it fetched nothing of the
runtime. Builds nothing.

    .venv/bin/python tests/pyodide/smoke_browser.py site/
    .venv/bin/python tests/pyodide/smoke_browser.py site/ --calc deadlines --params '{"...": "..."}'
    .venv/bin/python tests/pyodide/smoke_browser.py site/ --wasm-mime application/octet-stream \\
        --expect-failure "application/wasm"      # the wrong-MIME message must appear
    .venv/bin/python tests/pyodide/smoke_browser.py site/ --init-script 'delete window.WebAssembly' \
        --expect-failure "WebAssembly"

Exit status 0 when every check passed.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

PREFIX = "/yingsu/"
CHROMIUM = os.environ.get("YINGSU_CHROMIUM", "/usr/bin/chromium")   # Debian's; shared with tests/conftest.py
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
RUNTIME_MARKERS = ("/assets/pyodide/", "/assets/calculators", "calc-worker.js")   # calculators.json/.zip, -snapshot.bin
# Everything the runtime may fetch from assets/pyodide/: Pyodide's core, no lock file, no packages.
PYODIDE_CORE = {"pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only; optional wrong Content-Type for .wasm."""

    wasm_mime = "application/wasm"
    log: list = []

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(PREFIX):])

    def guess_type(self, path):
        if str(path).endswith(".wasm"):
            return self.wasm_mime
        return super().guess_type(path)

    def log_message(self, format, *args):
        self.log.append((self.command, self.path, args[1] if len(args) > 1 else ""))


class QuietServer(http.server.ThreadingHTTPServer):
    """Does not print a traceback when the browser drops a connection (e.g. a terminated worker)."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def serve(site_dir: Path, wasm_mime: str, port: int = 0):
    """Start the server in a thread; return (server, base URL)."""
    handler = type("Handler", (SiteHandler,), {"wasm_mime": wasm_mime, "log": []})
    server = QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    return server, f"http://127.0.0.1{'' if port == 80 else f':{port}'}{PREFIX}"


def sitemap_port(site_dir: Path) -> int | None:
    """The port instant navigation needs: Material 9.8 maps only the protocol and host name
    of the sitemap's URLs (site_url) onto the page's address, so the site must be served on
    the port and under the path of site_url, or every link click is a full page load."""
    import re

    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return None
    match = re.search(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8"))
    if not match:
        return None
    url = urlsplit(match.group(1).strip())
    if url.path.rstrip("/") + "/" != PREFIX:
        print(f"warning: site_url path {url.path!r} is not {PREFIX!r}: instant navigation cannot work here")
        return None
    return url.port or 80


def serve_for_instant_navigation(site_dir: Path, wasm_mime: str, port: int | None):
    """Serve on the sitemap's port if possible; returns (server, base, instant_navigation_possible)."""
    wanted = port if port is not None else sitemap_port(site_dir)
    if wanted:
        try:
            server, base = serve(site_dir, wasm_mime, wanted)
            return server, base, True
        except OSError as error:
            print(f"warning: cannot serve on port {wanted} ({error}); instant navigation cannot be checked")
    server, base = serve(site_dir, wasm_mime)
    return server, base, False


def find_pages(site_dir: Path) -> tuple[str | None, str | None]:
    """(a page with a calculator, a page without) as paths relative to the site root."""
    calculator = article = None
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "calc-runtime.js" not in text:
            continue
        relative = path.relative_to(site_dir).as_posix()
        if relative.endswith("index.html"):
            relative = relative[: -len("index.html")]
        if "data-calculator" in text:
            calculator = calculator or relative
        elif article is None or relative == "":
            article = relative
    return calculator, article


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def wait_until(page, predicate: str, arg=None, timeout_ms: int = 120_000, poll_ms: int = 500) -> None:
    """Poll an async JavaScript predicate until it returns true. (Page.wait_for_function does
    not await a promise: an async predicate passes at once, whatever it would resolve to.)"""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_ms} ms: {predicate[:200]}")
        page.wait_for_timeout(poll_ms)


def wait_cached(page, base: str, paths) -> None:
    """Until one of the service worker's caches holds every site-relative path of `paths`."""
    wait_until(page, """async ([base, paths]) => {
        for (const name of await caches.keys()) {
            const keys = new Set((await (await caches.open(name)).keys()).map(r => r.url.slice(base.length)));
            if (paths.every(p => keys.has(p))) return true;
        }
        return false;
    }""", [base, sorted(paths)])


RUN_JS = """async ([name, params]) => {
  const call = async () => {
    const t0 = performance.now();
    try {
      const result = await YingsuCalc.run(name, params);
      return {ok: true, result, ms: performance.now() - t0, at: performance.now()};
    } catch (e) {
      return {ok: false, message: e.message, field: e.field, kind: e.kind, ms: performance.now() - t0, at: performance.now()};
    }
  };
  const first = await call();
  const second = await call();
  return {first, second, status: YingsuCalc.status, timings: YingsuCalc.timings, calculators: YingsuCalc.calculators};
}"""


def instant_navigation(browser, base: str, article_path: str, calc_path: str, failures: list) -> None:
    """Article page -> calculator page -> another calculator page by clicking links: with
    Material's instant navigation the JavaScript context persists, so the runtime must start
    on arrival at the first calculator page and never again."""
    context = browser.new_context(bypass_csp=True)
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(base + article_path, wait_until="networkidle")  # Material has fetched sitemap.xml
    page.evaluate("window.__smoke_context = 1")
    target = base + calc_path
    link = page.evaluate(
        "(t) => { const a = [...document.querySelectorAll('a[href]')].find(a => a.href === t);"
        " if (a) { a.click(); return true; } return false; }", target)
    if not link:
        print(f"instant navigation: no link from /{article_path} to /{calc_path}; not checked")
        context.close()
        return
    page.wait_for_url(target)
    page.wait_for_function("window.YingsuCalc && YingsuCalc.status.state !== 'loading' && YingsuCalc.status.state !== 'idle'",
                           timeout=130000)
    state = page.evaluate("YingsuCalc.status.state")
    kept = page.evaluate("window.__smoke_context === 1")
    others = page.evaluate(
        "() => [...document.querySelectorAll('a[href]')].map(a => a.href)"
        ".filter(h => /calculators\\/[^/]+\\/$/.test(h) && h !== location.href)")
    second = None
    if others:
        page.evaluate("(t) => [...document.querySelectorAll('a[href]')].find(a => a.href === t).click()", others[0])
        page.wait_for_url(others[0])
        second = page.evaluate("async () => { const t0 = performance.now(); try { await YingsuCalc.run("
                               "document.querySelector('[data-calculator]').dataset.calculator, {}); } catch (e) {"
                               " if (e.kind !== 'input') return 'error: ' + e.message; } return performance.now() - t0; }")
        kept = kept and page.evaluate("window.__smoke_context === 1")
    workers = [u for u in requests if u.endswith("calc-worker.js")]
    wasm = [u for u in requests if u.endswith("pyodide.asm.wasm")]
    print(f"instant navigation: article -> /{calc_path} -> {others[0] if others else '(no other calculator link)'}: "
          f"state={state}, JS context kept={kept}, worker started {len(workers)}×, wasm requests {len(wasm)}, "
          f"answer on the second calculator page in {second if isinstance(second, str) else f'{second:.1f} ms' if second is not None else '-'}")
    if state != "ready":
        failures.append(f"instant navigation: runtime state {state} after arriving at the calculator page")
    if not kept:
        failures.append("instant navigation: the page was reloaded (is navigation.instant on?)")
    if len(workers) != 1:
        failures.append(f"instant navigation: calc-worker.js requested {len(workers)} times (expected once per visit)")
    if isinstance(second, str):
        failures.append(f"instant navigation: second calculator page: {second}")
    context.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="built site directory (e.g. site/)")
    parser.add_argument("--page", help="calculator page relative to the site root (default: first with [data-calculator])")
    parser.add_argument("--article", help="page without calculator (default: found automatically)")
    parser.add_argument("--calc", default=None, help="calculator name (default: the page's data-calculator)")
    parser.add_argument("--params", default="{}", help="JSON params")
    parser.add_argument("--port", type=int, help="port to serve on (default: the port of the sitemap's site_url, "
                        "so that Material's instant navigation works; random if that is taken)")
    parser.add_argument("--wasm-mime", default="application/wasm", help="Content-Type to serve .wasm with")
    parser.add_argument("--expect-failure", metavar="TEXT", help="expect the start to fail with a message containing TEXT")
    parser.add_argument("--init-script", help="JavaScript run before each page's scripts (e.g. 'delete window.WebAssembly')")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of the calculator page")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    site = args.site.resolve()
    found_calc, found_article = find_pages(site)
    page_path = args.page if args.page is not None else found_calc
    if page_path is None:
        print("未找到含 [data-calculator] 且加载 calc-runtime.js 的页面", file=sys.stderr)
        return 2
    article_path = args.article if args.article is not None else found_article
    server, base, instant_possible = serve_for_instant_navigation(site, args.wasm_mime, args.port)
    failures = []
    requests = []

    try:
        with sync_playwright() as p:
            browser = launch(p)
            context = browser.new_context(bypass_csp=True)
            context.on("request", lambda r: requests.append(r.url))
            if args.init_script:
                context.add_init_script(args.init_script)
            page = context.new_page()
            page.on("console", lambda m: print(f"  [console.{m.type}] {m.text}"[:400]))
            # In a simulated failure Pyodide itself may leave uncaught errors behind: print them.
            page.on("pageerror", lambda e: print(f"  [page error] {e}") if args.expect_failure
                    else failures.append(f"page error: {e}"))

            if article_path is not None:
                start = len(requests)
                page.goto(base + article_path, wait_until="load")
                page.wait_for_timeout(1500)
                runtime = [u for u in requests[start:] if any(m in u for m in RUNTIME_MARKERS)]
                state = page.evaluate("window.YingsuCalc && YingsuCalc.status.state")
                print(f"article page /{article_path}: {len(requests) - start} requests, runtime requests: {len(runtime)}, state={state}")
                if runtime or state != "idle":
                    failures.append(f"article page loaded the runtime: {runtime} state={state}")

            start = len(requests)
            t0 = time.perf_counter()
            page.goto(base + page_path, wait_until="load")
            name = args.calc or page.evaluate(
                "(document.querySelector('[data-calculator]') || {dataset: {}}).dataset.calculator || null"
            ) or "deadlines"
            out = page.evaluate(RUN_JS, [name, json.loads(args.params)])
            wall = time.perf_counter() - t0
            first, second = out["first"], out["second"]
            print(f"calculator page /{page_path}: calculator {name!r}; available: {out['calculators']}")
            print(f"  first answer {first['at']:.0f} ms after navigation start ({wall:.2f} s wall); "
                  f"worker timings {out['timings']}")
            print(f"  second answer in {second['ms']:.1f} ms")
            print(f"  status: {out['status']}")
            print(f"  first: {json.dumps(first, ensure_ascii=False)[:600]}")
            if args.screenshot:
                page.screenshot(path=str(args.screenshot), full_page=True)
            runtime_requests = requests[start:]
            print(f"  {len(runtime_requests)} requests for the calculator page:")
            for url in runtime_requests:
                print(f"    {url}")

            if args.expect_failure:
                if first["ok"] or args.expect_failure not in (first.get("message") or ""):
                    failures.append(f"expected a failure containing {args.expect_failure!r}, got {first}")
                if out["status"]["state"] != "failed":
                    failures.append(f"expected status failed, got {out['status']}")
            else:
                for label, answer in (("first", first), ("second", second)):
                    if not answer["ok"] and answer.get("kind") != "input":
                        failures.append(f"{label} call failed: {answer}")
                if out["status"]["state"] != "ready":
                    failures.append(f"status is not ready: {out['status']}")
                if second["ms"] >= 100:
                    failures.append(f"a result after start-up took {second['ms']:.0f} ms (target < 100 ms)")
            if article_path is not None and not args.expect_failure:
                if not instant_possible:
                    print("note: not served on site_url's port; instant navigation relies on overrides/main.html "
                          "mapping the sitemap onto the served root")
                instant_navigation(browser, base, article_path, page_path, failures)
            browser.close()
    finally:
        server.shutdown()

    extra = sorted({u for u in requests if "/assets/pyodide/" in u
                    and urlsplit(u).path.rsplit("/", 1)[-1] not in PYODIDE_CORE})
    if extra:
        failures.append(f"Pyodide fetched more than its core files: {extra}")
    foreign = [u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u).hostname != "127.0.0.1"]
    if foreign:
        failures.append(f"requests to other hosts: {foreign}")
    print(f"{len(requests)} requests in all, {len(foreign)} not to 127.0.0.1")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    print("smoke: " + ("FAILED" if failures else "OK"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the site search against a built site (issue 17).

    .venv/bin/mkdocs build && .venv/bin/python scripts/bench_search.py --site site/

Serves the site on 127.0.0.1 under /yingsu/ and drives headless Debian Chromium through
Playwright. Prints:

- the bytes of the search: its documents (search/documents.js), the engine's scripts and the
  library, each raw and gzip-compressed (as a server compressing text sends them), and the
  total against the aim of 400 KB gzip;
- the time from the start of the search worker to its readiness (documents loaded and indexed),
  and when it starts on an article page by itself (after the page's load event, on idle);
- the delay of each keystroke's results once the index is loaded: every query of
  tests/search_queries.yml typed one character at a time into the theme's search box, measured
  from the theme's request to the worker to the results on the page (search-loader.js keeps
  the figures); median, 95th percentile and maximum, against the target of 50 ms.

--slowdown N runs the page and its worker N times slower (Chromium's CPU throttling), for an
older office PC. Exit status 1 if the keystroke target (95th percentile) or the size aim is missed.
"""
from __future__ import annotations

import argparse
import gzip
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "pyodide"))
sys.path.insert(0, str(ROOT / "tests"))
import smoke_browser  # noqa: E402  (Chromium launch options)
import site_server  # noqa: E402  (the test server: /yingsu/ on 127.0.0.1)

import yaml  # noqa: E402

FILES = {
    "documents": "search/documents.js",
    "library (MiniSearch)": "assets/javascripts/vendor/minisearch.js",
    "engine": "assets/javascripts/search-core.js",
    "worker": "assets/javascripts/search-worker.js",
    "loader": "assets/javascripts/search-loader.js",
    "marks on the target page": "assets/javascripts/search-highlight.js",
    "theme's index (stand-in)": "search/search_index.json",
}
SIZE_AIM = 400 * 1024
KEYSTROKE_TARGET_MS = 50


def sizes(site: Path) -> tuple[dict, int]:
    rows, total = {}, 0
    for name, rel in FILES.items():
        data = (site / rel).read_bytes()
        packed = len(gzip.compress(data, 9))
        rows[name] = (rel, len(data), packed)
        total += packed
    return rows, total


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def prefixes(queries: list[str]) -> list[str]:
    out = []
    for q in queries:
        chars = list(q)
        out += ["".join(chars[:i]) for i in range(1, len(chars) + 1)]
    return out


def measure(site: Path, queries: list[str], slowdown: float) -> dict:
    from playwright.sync_api import sync_playwright

    server = site_server.serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=smoke_browser.CHROMIUM, args=smoke_browser.CHROMIUM_ARGS,
                                        headless=True)
            # the site's CSP forbids eval, which Playwright's waits use: the benchmark bypasses it
            page = browser.new_page(bypass_csp=True, viewport={"width": 1366, "height": 768})
            if slowdown > 1:
                page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
            page.goto(server.base_url + "measures/chapter-3/", wait_until="load")
            page.wait_for_function("window.YingsuSearchLoader.state === 'ready'", timeout=120_000)
            idle = page.evaluate("""() => ({
                ready: YingsuSearchLoader.readyAt - YingsuSearchLoader.startedAt,
                afterLoad: YingsuSearchLoader.startedAt - performance.timing.loadEventEnd + performance.timing.navigationStart
            })""")
            page.keyboard.press("/")
            box = page.locator(".md-search__input")
            page.evaluate("YingsuSearchLoader.delays.length = 0")
            typed = 0
            for query in queries:
                box.fill("")
                box.press("End")
                for prefix in prefixes([query]):
                    box.fill(prefix)
                    box.press("End")   # the theme reads the query on keyup
                    page.wait_for_function("q => YingsuSearchLoader.answered === q", arg=prefix, timeout=60_000)
                    typed += 1
            delays = page.evaluate("YingsuSearchLoader.delays.slice()")
            browser.close()
    finally:
        server.stop()
    return {"idle": idle, "delays": delays, "typed": typed}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="built site directory (mkdocs build → site/)")
    parser.add_argument("--slowdown", type=float, default=1, help="CPU slowdown factor for the page and its worker")
    parser.add_argument("--queries", type=int, default=0, help="type only the first N queries (0: all)")
    args = parser.parse_args(argv)

    rows, total = sizes(args.site)
    print("Search bytes (raw → gzip):")
    for name, (rel, raw, packed) in rows.items():
        print(f"  {name:28} {rel:42} {raw:>9,} B → {packed:>8,} B")
    print(f"  {'total':28} {'':42} {'':>9}   → {total:>8,} B  (aim ≤ {SIZE_AIM:,} B gzip: "
          f"{'met' if total <= SIZE_AIM else 'MISSED'})")
    print(f"index bytes: {rows['documents'][1]} raw, {rows['documents'][2]} gzip; whole search {total} gzip")

    cases = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
    queries = [str(c["q"]) for c in cases][: args.queries or None]
    result = measure(args.site, queries, args.slowdown)
    delays = result["delays"]
    print(f"Worker (CPU slowdown ×{args.slowdown:g}): started {result['idle']['afterLoad']:.0f} ms after the page's "
          f"load event (idle); documents loaded and indexed in {result['idle']['ready']:.0f} ms")
    p95 = percentile(delays, 95)
    print(f"Keystrokes: {result['typed']} typed ({len(queries)} queries, one character at a time); results shown "
          f"after median {statistics.median(delays):.1f} ms, 95th percentile {p95:.1f} ms, max {max(delays):.1f} ms")
    print(f"ms per keystroke (95th percentile): {p95:.1f} (target ≤ {KEYSTROKE_TARGET_MS} ms: "
          f"{'met' if p95 <= KEYSTROKE_TARGET_MS else 'MISSED'})")
    return 0 if p95 <= KEYSTROKE_TARGET_MS and total <= SIZE_AIM else 1


if __name__ == "__main__":
    sys.exit(main())

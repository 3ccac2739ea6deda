"""The site works on an intranet with no internet: nothing it loads comes from another host.

(a) A static scan of every file the browser may load (html, js, mjs, css, json, xml,
    webmanifest; source maps are excluded — only developer tools read them) for absolute URLs
    in loading positions. Exceptions are listed in ALLOWED with the reason each can never be
    fetched on this site, and each reason that can be checked is checked.
(b) Every built page opened in headless Chromium from the sub-path server: every request,
    including the search worker's, goes to 127.0.0.1:PORT and none fails.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from site_html import load_pages

SCANNED_SUFFIXES = {".html", ".js", ".mjs", ".css", ".json", ".xml", ".webmanifest"}
BLOCKED_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com",
                 "googletagmanager.com", "google-analytics.com")

# XML namespace names: identifiers, never fetched.
NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml", "http://www.w3.org/1999/xlink",
              "http://www.sitemaps.org/schemas/sitemap/0.9",
              "http://xmlns.jcp.org/xml/ns/javaee")  # Tomcat's web.xml, shown on admin/deploy/ (search index)

# The build-time address (mkdocs.yml site_url, host localhost): written into canonical links,
# the sitemap and the inline script of overrides/main.html that maps the sitemap's URLs onto
# the address actually served. Never fetched — the browser test would see a request to it.
SITE_URL = re.search(r"^site_url:\s*(\S+)", (Path(__file__).resolve().parent.parent / "mkdocs.yml")
                     .read_text(encoding="utf-8"), re.M).group(1).strip("'\"")

# (file name pattern, URL prefix, why it is never fetched here). Keep this list short and
# justified; the tests below check the conditions where they can.
ALLOWED = [
    (r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", "https://unpkg.com/resize-observer-polyfill",
     "Material loads this polyfill only in browsers without ResizeObserver (pre-2020 browsers, "
     "which Material does not support anyway); Chromium has it — see the browser test."),
    (r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", "https://unpkg.com/mermaid@",
     "Material loads mermaid only for pages with a mermaid diagram; the site has none (checked)."),
    (r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", "https://api.github.com/",
     "repository facts, fetched only when repo_url is configured; it is not (checked)."),
    (r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", "https://${",
     "GitLab repository facts, fetched only when repo_url is configured; it is not (checked)."),
    (r"assets/pyodide/[^/]+/pyodide(\.js|\.mjs)$", "https://cdn.jsdelivr.net/pyodide/",
     "Pyodide's default package base URL, used only by loadPackage for packages missing from "
     "the lock file; the calculators' runtime passes an empty lock file and loads no package."),
    *[(r"assets/javascripts/vendor/docx\.iife\.js$", prefix,
       "XML namespace and relationship-type names the docx library writes into .docx files (and "
       "example links in its comments): identifiers, never fetched — the library makes no request "
       "(tests/test_documents_page.py checks it has no fetch, XMLHttpRequest or importScripts).")
      for prefix in ("http://schemas.openxmlformats.org/", "http://schemas.microsoft.com/office/", "http://purl.org/",
                     "http://purl.oclc.org/ooxml/", "http://www.w3.org/2001/XMLSchema", "https://example.com")],
    *[(r"assets/javascripts/vendor/xlsx\.js$", prefix,
       "XML namespace and relationship-type names the .xlsx libraries write and read: identifiers, never "
       "fetched — the bundle makes no request (tests/test_ledger_page.py checks it has no fetch, "
       "XMLHttpRequest, importScripts or Worker).")
      for prefix in ("http://schemas.openxmlformats.org/", "http://schemas.microsoft.com/office/",
                     "http://purl.oclc.org/ooxml/")],
]

# <a href> to other hosts that a reader may click (never loaded by the site itself).
ALLOWED_READER_LINKS: set[str] = set()

QUOTED_URL = re.compile(r"""["'`](?:https?://[^"'`\s]+|//[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^"'`\s]*)""")
CSS_URL = re.compile(r"""url\(\s*["']?((?:https?:)?//[^"')\s]+)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+["']((?:https?:)?//[^"']+)""", re.I)
LOADING_ATTRS = {"src", "srcset", "data", "poster", "action", "formaction", "background", "manifest"}


def site_files(site: Path):
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in SCANNED_SUFFIXES)


def allowed(relative: str, url: str) -> bool:
    if url.startswith(NAMESPACES):
        return True
    if relative.endswith(".html") and url.startswith(SITE_URL) and urlsplit(SITE_URL).hostname == "localhost":
        return True
    return any(re.search(pattern, relative) and url.startswith(prefix) for pattern, prefix, _ in ALLOWED)


def external_urls_in_text(text: str):
    """Absolute URLs in positions a script or stylesheet could load from."""
    for match in QUOTED_URL.finditer(text):
        yield match.group(0)[1:]
    for regex in (CSS_URL, CSS_IMPORT):
        for match in regex.finditer(text):
            yield match.group(1)


def is_external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


@pytest.fixture(scope="module")
def pages(built_site):
    return load_pages(built_site)


def test_scan_covers_the_site(built_site):
    names = {p.relative_to(built_site).as_posix() for p in site_files(built_site)}
    assert "index.html" in names and "search/search_index.json" in names and "sitemap.xml" in names
    assert any(re.search(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", n) for n in names)


def test_no_blocked_host_anywhere_outside_the_allowed_list(built_site):
    """Font, CDN and analytics hosts must not occur at all — in any position — except in the
    allowed, never-executed loaders of ALLOWED."""
    found = []
    for path in site_files(built_site):
        relative = path.relative_to(built_site).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        for host in BLOCKED_HOSTS:
            for match in re.finditer(re.escape(host), text):
                start = match.start()
                while start > 0 and text[start - 1] not in "\"'`( \n<>=":
                    start -= 1
                url = text[start:match.end() + 60]
                if not allowed(relative, url):
                    found.append((relative, text[max(0, match.start() - 60):match.end() + 40]))
    assert found == []


def test_no_external_url_in_scripts_styles_and_data(built_site):
    found = []
    for path in site_files(built_site):
        if path.suffix == ".html":
            continue
        relative = path.relative_to(built_site).as_posix()
        if relative == "sitemap.xml":
            continue  # see test_sitemap_names_only_the_configured_local_site
        text = path.read_text(encoding="utf-8", errors="replace")
        for url in external_urls_in_text(text):
            if is_external(url) and not allowed(relative, url):
                found.append((relative, url[:120]))
    assert found == []


def test_no_external_url_in_loading_positions_of_pages(built_site, pages):
    found = []
    for page in pages.values():
        relative = page.path.relative_to(built_site).as_posix()
        for node in page.root.iter():
            for name, value in node.attrs.items():
                urls = []
                if name in LOADING_ATTRS:
                    urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                elif name == "href" and node.tag != "a":
                    if node.tag == "link" and node.get("rel") == "canonical":
                        continue  # see test_canonical_links_name_the_configured_local_site
                    urls = [value]
                elif name == "href" and node.tag == "a":
                    if is_external(value) and value not in ALLOWED_READER_LINKS:
                        found.append((relative, "a", value))
                    continue
                elif name == "style":
                    urls = [u for u in external_urls_in_text(value)]
                elif name == "content" and node.tag == "meta" and "url=" in value.lower():
                    urls = [value.split("=", 1)[1]]
                found += [(relative, f"{node.tag}[{name}]", u) for u in urls if is_external(u) and not allowed(relative, u)]
            if node.tag in ("script", "style"):
                for url in external_urls_in_text(node.text()):
                    if is_external(url) and not allowed(relative, url):
                        found.append((relative, f"inline {node.tag}", url))
    assert found == []


def test_canonical_links_name_the_configured_local_site(pages):
    hosts = {urlsplit(link.get("href")).hostname
             for page in pages.values() for link in page.root.iter("link") if link.get("rel") == "canonical"}
    assert hosts == {"localhost"}


def test_sitemap_names_only_the_configured_local_site(built_site, pages):
    """Instant navigation fetches sitemap.xml (from the current base) and maps its URLs onto
    the address the site is served from; the URLs in it must not name an internet host."""
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    assert {urlsplit(u).hostname for u in locs} == {"localhost"}
    assert all(urlsplit(u).path.startswith("/yingsu/") for u in locs)
    assert {urlsplit(u).path[len("/yingsu/"):] for u in locs} == set(pages) - {"404.html"}


def test_conditions_of_the_allowed_list_hold(built_site, pages):
    """No mermaid diagram, no repository link: Material's loaders for those never run."""
    for page in pages.values():
        assert not any("mermaid" in node.classes() for node in page.root.iter()), page.url
        assert not any("md-source" in node.classes() for node in page.root.iter()), page.url
    if list(built_site.glob("assets/pyodide/*/pyodide.js")):  # the runtime passes its own lock file, so the default CDN is unused
        worker = (built_site / "assets" / "javascripts" / "calc-worker.js").read_text(encoding="utf-8")
        assert "lockFileContents" in worker


def page_urls(base: str, pages) -> list[str]:
    return [base + url for url in sorted(pages)]


def test_every_page_loads_only_from_the_local_server(page, site_server, site_http, pages):
    """Each page is left only when every request it started (workers' included) has ended,
    so a calculator page's runtime download is checked to the end, not cut off."""
    failures, responses, pending = [], [], set()
    page.on("request", lambda r: pending.add(r))
    page.on("requestfinished", lambda r: pending.discard(r))
    page.on("response", lambda r: responses.append((r.url, r.status)))

    def failed(request):
        pending.discard(request)
        # net::ERR_ABORTED is Chromium cancelling a request, not a failed one: e.g. a request
        # still in flight (the search worker's) when the test moves on to the next page.
        # A missing file shows as a 4xx response, checked below.
        # The calculators' worker asks the browser's cache alone (only-if-cached) whether Pyodide's
        # script is there, to tell a first visit's download size: on a first visit that probe
        # ends with ERR_CACHE_MISS and never reaches the server.
        probe = request.failure == "net::ERR_CACHE_MISS" and request.url.endswith("/pyodide.asm.js")
        if request.failure != "net::ERR_ABORTED" and not probe:
            failures.append((request.method, request.url, request.failure))

    page.on("requestfailed", failed)
    urls = page_urls(site_server, pages)
    for url in urls:
        page.goto(url, wait_until="networkidle", timeout=60_000)  # calculator pages start Pyodide
        for _ in range(600):
            if not pending:
                break
            page.wait_for_timeout(100)
        assert not pending, f"{url}: requests still open after 60 s: {[r.url for r in pending]}"
    foreign = [u for u in page.requests if not site_http.is_local(u)]
    assert foreign == []
    bad = [(u, s) for u, s in responses if s >= 400 and not u.endswith("/404.html")]
    assert bad == []
    assert failures == []
    assert page.errors == []
    requested = set(page.requests)
    assert site_server + "assets/javascripts/site.js" in requested
    assert len(requested) >= len(urls)
    assert page.evaluate("typeof ResizeObserver") == "function"  # so Material never fetches the polyfill


def test_search_loads_its_worker_and_index_locally(page, site_server, site_http):
    page.goto(site_server + "measures/chapter-2/", wait_until="networkidle")
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    box.fill("答辩状")
    box.press("End")  # Material reads the query on keyup
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    requested = page.requests
    assert any(u.endswith("/search/search_index.json") for u in requested)   # the theme's (a stand-in)
    assert any(u.endswith("/assets/javascripts/search-worker.js") for u in requested)
    assert any(u.endswith("/search/documents.js") for u in requested)         # loaded by the worker
    assert any(u.endswith("/assets/javascripts/vendor/minisearch.js") for u in requested)
    assert [u for u in requested if not site_http.is_local(u)] == []
    assert page.errors == []

"""The site's security headers: the one place their values are written.

deploy/'s four server configurations send them (tests/test_servers.py checks each config
carries these exact strings, and that nginx, Apache and Tomcat really send them); the service
worker (macros/sw.js, filled in by macros/offline_hook.py) sends the same ones with every copy
it answers from its cache, so a page opened offline runs under the same policy.

- CSP_PAGE, for every file but the calculators' worker: scripts, styles, fetches and workers
  from this site only; no inline script or style, no eval, no plug-ins; data: images for the
  theme's icons (its stylesheet draws them as data: SVG masks); no framing by any site.
- CSP_WORKER, for assets/javascripts/calc-worker.js alone (a worker's policy is the one its own
  script is served with): Pyodide's Emscripten glue compiles functions with new Function
  (EM_JS), so 'unsafe-eval'; WebAssembly compilation, 'wasm-unsafe-eval'.
- REFERRER_POLICY: no address of this site (search terms included) goes to another one.
- FRAME_OPTIONS for browsers older than frame-ancestors.
"""
from __future__ import annotations

_COMMON = ("default-src 'self'; {script}; style-src 'self'; img-src 'self' data:; font-src 'self'; "
           "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; "
           "form-action 'self'; frame-ancestors 'none'")

CSP_PAGE = _COMMON.format(script="script-src 'self'")
CSP_WORKER = _COMMON.format(script="script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'")
# The same policy as a <meta> element in every page (overrides/main.html), for servers that
# cannot send the header (Tomcat has no filter for it) and pages opened from disk; a <meta>
# policy may not hold frame-ancestors (X-Frame-Options does that there).
CSP_META = CSP_PAGE.replace("; frame-ancestors 'none'", "")
REFERRER_POLICY = "no-referrer"
FRAME_OPTIONS = "DENY"
NOSNIFF = "nosniff"
WORKER_PATH = "assets/javascripts/calc-worker.js"


def headers(path: str) -> dict[str, str]:
    """The security headers of the site-relative file `path`."""
    return {
        "Content-Security-Policy": CSP_WORKER if path == WORKER_PATH else CSP_PAGE,
        "Referrer-Policy": REFERRER_POLICY,
        "X-Frame-Options": FRAME_OPTIONS,
        "X-Content-Type-Options": NOSNIFF,
    }

# The type each file of the site is served with (deploy/'s configurations register the same;
# tests/test_release.py checks them): the service worker answers with these, never with a
# type read from a cache entry.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8", ".map": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".gz": "application/gzip", ".wasm": "application/wasm", ".zip": "application/zip",
    ".bin": "application/octet-stream", ".png": "image/png", ".svg": "image/svg+xml",
    ".ico": "image/x-icon", ".woff2": "font/woff2",
}

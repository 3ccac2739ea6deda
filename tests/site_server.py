"""Serve a built site under a sub-path, as the intranet web server will.

The site is deployed at some sub-path of an intranet host (e.g. http://server/yingsu/), so the
tests serve it under PREFIX and answer 404 for anything outside it: a page or script that
climbs above the site root, or uses an absolute path, breaks here as it would there.

Cache-Control as deploy/'s configurations send it (cache_control). Content types are set
explicitly rather than taken from the host's mimetypes database:
Pyodide's streaming WebAssembly compilation needs application/wasm, and module workers need
a JavaScript type for .mjs.
"""
from __future__ import annotations

import functools
import http.server
import re
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

PREFIX = "/yingsu/"

# A host name the test browser maps onto the local server (Chromium --host-resolver-rules), so
# pages can also be opened as the intranet will serve them: default port, path /yingsu/, plain
# http (not a secure context). ".test" is reserved (RFC 6761) and never resolves on a network.
INTRANET_HOST = "yingsu.test"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".xml": "application/xml",
    ".gz": "application/gzip",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
}


# Cache-Control as deploy/ configures it: a year for the files whose name changes with their
# content (the theme's hashed files, Pyodide's versioned directory), revalidation for the rest.
LONG_CACHED = re.compile(r"^/yingsu/assets/(pyodide/|.+\.[0-9a-f]{8}\.min\.(js|css)$)")


def cache_control(url_path: str) -> str:
    """The Cache-Control header deploy/'s configurations send for `url_path` (/yingsu/...)."""
    return "public, max-age=31536000, immutable" if LONG_CACHED.match(url_path) else "no-cache"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of `directory` under PREFIX; 404 elsewhere. Records every path served."""

    served: list  # (method, path, status) — replaced per server by serve()

    def translate_path(self, path):
        path = unquote(urlsplit(path).path)
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(PREFIX):])

    def guess_type(self, path):
        return CONTENT_TYPES.get(Path(str(path)).suffix.lower(), "application/octet-stream")

    def end_headers(self):
        self.send_header("Cache-Control", cache_control(urlsplit(self.path).path))
        super().end_headers()

    def log_request(self, code="-", size="-"):
        self.served.append((self.command, self.path, int(code) if str(code).isdigit() else code))

    def log_message(self, format, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """Threaded; no traceback when the browser drops a connection (closed page or worker)."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class SiteServer:
    """A running server: `base_url` ("http://127.0.0.1:PORT/yingsu/"), `intranet_url`
    ("http://yingsu.test/yingsu/", for a browser launched with `host_resolver_rule`),
    `served` (method, path, status), `stop()`."""

    def __init__(self, site_dir: Path, port: int = 0):
        handler = type("Handler", (SiteHandler,), {"served": []})
        self.served = handler.served
        self._server = QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
        self.host = "127.0.0.1"
        self.port = self._server.server_address[1]
        self.origin = f"http://{self.host}:{self.port}"
        self.base_url = f"{self.origin}{PREFIX}"
        self.intranet_url = f"http://{INTRANET_HOST}{PREFIX}"
        self.host_resolver_rule = f"MAP {INTRANET_HOST} {self.host}:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def is_local(self, url: str) -> bool:
        """True for URLs this server answers, under either name (plus data:/blob:/about:,
        which load nothing)."""
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        if parts.scheme != "http":
            return False
        return (parts.hostname, parts.port) in ((self.host, self.port), (INTRANET_HOST, None))

    def stop(self):
        self._server.shutdown()
        self._server.server_close()


def serve(site_dir: Path, port: int = 0) -> SiteServer:
    return SiteServer(Path(site_dir), port)


if __name__ == "__main__":  # manual use: python tests/site_server.py site/ [PORT]
    server = serve(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"serving {sys.argv[1]} at {server.base_url} (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()

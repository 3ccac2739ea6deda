"""Whether a deployed server lets a browser reuse the calculators' runtime on the next visit
(issue 19: the 17 MB downloaded once must not be downloaded again), asked over HTTP as Chromium
asks: every file the calculators' worker fetches, with the URL it uses (the archive and the
snapshot with ?v=<sha256>) and Accept-Encoding: gzip, deflate, br. A file is reused when the
server lets the browser keep it without asking (Cache-Control max-age of a day or more), or
when asking again with the validators it sent (ETag / Last-Modified) gets 304 and no body —
also for a response sent compressed (Apache's on-the-fly gzip changes the ETag and then never
answers 304: the reason the release ships .gz twins). Used by the tests of each server config
(nginx: tests/test_release.py; Apache and Tomcat: tests/test_servers.py)."""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

ACCEPT = {"Accept-Encoding": "gzip, deflate, br"}
DAY = 86_400


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _get(url: str, headers: dict) -> tuple[int, dict, bytes]:
    try:
        with _OPENER.open(urllib.request.Request(url, headers=headers), timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def runtime_urls(base_url: str) -> dict[str, str]:
    """name -> URL of every file the worker fetches (calc-worker.js: PYODIDE_DIR, the stamp)."""
    status, _, body = _get(base_url + "assets/calculators.json", {})
    assert status == 200, status
    stamp = json.loads(body)
    urls = {name: base_url + stamp["pyodide_dir"] + name for name in stamp["core_files"]}
    urls["calculators.json"] = base_url + "assets/calculators.json"
    urls[stamp["archive"]] = f"{base_url}assets/{stamp['archive']}?v={stamp['sha256']}"
    snapshot = stamp["snapshot"]
    urls[snapshot["file"]] = f"{base_url}assets/{snapshot['file']}?v={snapshot['sha256']}"
    urls["calc-worker.js"] = base_url + "assets/javascripts/calc-worker.js"
    return urls


def how_reused(url: str) -> str:
    """"kept" (the browser need not ask for a day or more), "304" (asked again, nothing sent),
    or what goes wrong."""
    status, headers, body = _get(url, ACCEPT)
    if status != 200:
        return f"HTTP {status}"
    headers = {k.lower(): v for k, v in headers.items()}
    age = re.search(r"max-age=(\d+)", headers.get("cache-control", ""))
    if age and int(age[1]) >= DAY and "no-cache" not in headers.get("cache-control", ""):
        return "kept"
    validators = {k: headers[v] for k, v in (("If-None-Match", "etag"), ("If-Modified-Since", "last-modified"))
                  if v in headers}
    if not validators:
        return "no ETag or Last-Modified: downloaded again at every visit"
    again, _, rest = _get(url, {**ACCEPT, **validators})
    if again != 304 or rest:
        return (f"asked again with {sorted(validators)} (sent {headers.get('content-encoding', 'uncompressed')}): "
                f"HTTP {again}, {len(rest)} bytes again")
    return "304"


def runtime_reuse(base_url: str) -> dict[str, str]:
    return {name: how_reused(url) for name, url in runtime_urls(base_url).items()}

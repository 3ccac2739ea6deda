"""MkDocs hook: the service worker that keeps the site working offline (``site_dir/sw.js``).

Runs after macros/vendor_hook.py (listed after it in mkdocs.yml), when every file of the site
is in place. It writes ``sw.js`` at the site root — so the worker's scope is the whole site,
whatever sub-path it is served under — from the template ``macros/sw.js`` with the release's
precache manifest filled in:

- ``shell``: every page and the files pages and search need, keyed by URL path relative to
  the site root (``measures/chapter-3/`` for ``measures/chapter-3/index.html``), each with its
  SHA-256. Precached when the worker is installed (about 2 MB).
- ``runtime``: the calculators' runtime (Pyodide core files, calculators.zip/.json, the
  snapshot calculators-snapshot.bin, calc-worker.js; about 18 MB), cached when a calculator is
  first used.
- ``release``: a digest of both lists, naming the cache. Any changed file gives a new
  ``sw.js``, which the browser installs as an update into a new cache.
- ``version``: the release's version (scripts/release.py sets YINGSU_RELEASE_VERSION), so
  two releases never share an sw.js, even of the same size.

and HEADERS, the security headers and types the servers send (macros/security.py), which the
worker sends with every copy it answers.

Left out: ``sw.js`` itself, source maps (only developer tools read them), ``sitemap.xml.gz``
(for search engines), the precompressed twins ``X.gz`` of large files (servers send them for
``X``; macros/precompress.py) and the search-language files of languages the site does not use.

Also usable without MkDocs: ``python macros/offline_hook.py SITE_DIR [LANG ...]`` rewrites
SITE_DIR/sw.js for the files now in SITE_DIR (the tests use it to publish a changed release).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:   # loaded by MkDocs as a hook file, or run as a script
    sys.path.insert(0, _ROOT)
from macros import security  # noqa: E402

TEMPLATE = Path(__file__).resolve().parent / "sw.js"
PLACEHOLDER = "/*MANIFEST*/null"
HEADERS_PLACEHOLDER = "/*HEADERS*/null"
VERSION_VARIABLE = "YINGSU_RELEASE_VERSION"
SW_NAME = "sw.js"

RUNTIME = re.compile(r"^assets/(pyodide/.+|calculators(\.zip|\.json|-snapshot\.bin)|javascripts/calc-worker\.js)$")
SKIPPED = re.compile(r"(\.map|^sitemap\.xml\.gz)$")
LUNR = "assets/javascripts/lunr/"


def lunr_files(langs: list[str]) -> set[str]:
    """The search-language files Material's search worker loads for `langs`."""
    files = set()
    for lang in langs:
        if lang == "ja":
            files.add(LUNR + "tinyseg.js")
        if lang in ("hi", "th"):
            files.add(LUNR + "wordcut.js")
        if lang != "en":
            files.add(f"{LUNR}min/lunr.{lang}.min.js")
    if len(langs) > 1:
        files.add(LUNR + "min/lunr.multi.min.js")
    if files:
        files.add(LUNR + "min/lunr.stemmer.support.min.js")
    return files


def url_path(name: str) -> str:
    """The path a browser requests for a file: directory URLs for index.html."""
    if name == "index.html":
        return ""
    return name[: -len("index.html")] if name.endswith("/index.html") else name


def manifest(site_dir: Path, langs: list[str]) -> dict:
    site_dir = Path(site_dir)
    lunr = lunr_files(langs)
    shell, runtime = {}, {}
    for path in sorted(site_dir.rglob("*")):
        name = path.relative_to(site_dir).as_posix()
        if not path.is_file() or name == SW_NAME or SKIPPED.search(name):
            continue
        if name.startswith(LUNR) and name not in lunr:
            continue
        if name.endswith(".gz") and (site_dir / name[:-3]).is_file():
            continue   # a precompressed twin: never requested by its own name
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        (runtime if RUNTIME.match(name) else shell)[url_path(name)] = digest
    if "" not in shell or "404.html" not in shell:
        raise ValueError(f"{site_dir} 中缺少 index.html 或 404.html，无法生成离线缓存清单")
    body = json.dumps({"shell": shell, "runtime": runtime}, sort_keys=True, separators=(",", ":"))
    release = hashlib.sha256(body.encode()).hexdigest()[:16]
    return {"release": release, "version": os.environ.get(VERSION_VARIABLE) or None, "shell": shell, "runtime": runtime}


def worker_headers() -> dict:
    """What the worker answers with besides the bytes (macros/security.py)."""
    page, worker = security.headers(""), security.headers(security.WORKER_PATH)
    return {"types": security.CONTENT_TYPES, "page_headers": page, "worker_headers": worker,
            "worker": security.WORKER_PATH}


def write_service_worker(site_dir: Path, langs: list[str]) -> dict:
    """Write site_dir/sw.js; return the manifest."""
    data = manifest(site_dir, langs)
    template = TEMPLATE.read_text(encoding="utf-8")
    for placeholder in (PLACEHOLDER, HEADERS_PLACEHOLDER):
        if template.count(placeholder) != 1:
            raise ValueError(f"{TEMPLATE} 中应恰有一处 {placeholder}")
    text = template.replace(PLACEHOLDER, json.dumps(data, sort_keys=True, indent=1))
    text = text.replace(HEADERS_PLACEHOLDER, json.dumps(worker_headers(), sort_keys=True, indent=1))
    (Path(site_dir) / SW_NAME).write_text(text, encoding="utf-8")
    return data


def read_manifest(site_dir: Path) -> dict:
    """The manifest written into site_dir/sw.js."""
    text = (Path(site_dir) / SW_NAME).read_text(encoding="utf-8")
    start = text.index("var MANIFEST = ") + len("var MANIFEST = ")
    return json.loads(text[start:text.index(";\n", start)])


def search_langs(config) -> list[str]:
    """The search plugin's languages (Material registers it as "material/search")."""
    plugins = config.get("plugins") or {}
    plugin = next((p for name, p in plugins.items() if name.split("/")[-1] == "search"), None)
    langs = plugin.config.get("lang") if plugin is not None else None
    return [langs] if isinstance(langs, str) else list(langs or ["en"])


def on_config(config, **kwargs):
    """The pages' <meta> security policy (overrides/main.html) from macros/security.py."""
    config["extra"]["csp_meta"] = security.CSP_META
    config["extra"]["referrer_policy"] = security.REFERRER_POLICY
    return config


def on_post_build(config, **kwargs) -> None:
    write_service_worker(Path(config["site_dir"]), search_langs(config))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("用法：python macros/offline_hook.py SITE_DIR [搜索语言 ...]")
    result = write_service_worker(Path(sys.argv[1]), sys.argv[2:] or ["zh"])
    print(f"release {result['release']}: {len(result['shell'])} shell files, {len(result['runtime'])} runtime files")

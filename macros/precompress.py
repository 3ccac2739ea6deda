"""MkDocs hook: gzip twins of the site's large files, made once at build time at the highest
level, so a server sends them as they are instead of compressing on every request.

For each file of at least MIN_BYTES whose type compresses (COMPRESSIBLE) and that gzip makes at
least MIN_SAVING smaller, it writes ``X.gz`` beside ``X`` (level 9, no name or date in the gzip
header, so the same input gives the same bytes). nginx sends them with ``gzip_static on``,
Tomcat with its DefaultServlet's ``precompressed``, Apache through the rewrite rule of the
shipped .htaccess; IIS compresses by itself (deploy/). The Pyodide .wasm (8.6 MB) is the one that
matters: nginx's on-the-fly gzip (level 1) managed about 25 requests/s on 2 cores, the twin is
sent like any static file (scripts/bench_server.py prints the figures).

Runs after the hooks that write the runtime and the docx library (vendor_hook, docx_hook) and
before offline_hook, which leaves the twins out of the service worker's manifest (they are
never requested by their own name). scripts/check_deploy.py checks that every twin on a server
still holds its file's bytes (a twin left behind by an edit would be sent instead of the file).

Also usable without MkDocs: ``python macros/precompress.py SITE_DIR``.
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

MIN_BYTES = 64 * 1024
MIN_SAVING = 0.10
# Not .html: pages are small, and the files an administrator is most tempted to edit in place
# (a twin would then still hold the old page; servers compress pages on the fly instead).
COMPRESSIBLE = {".wasm", ".js", ".mjs", ".css", ".json", ".xml", ".svg", ".txt", ".zip"}


def twin_bytes(data: bytes) -> bytes:
    """`data` gzip-compressed at level 9 with a fixed header (mtime 0, no file name)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def precompress(site_dir: str | Path) -> dict[str, tuple[int, int]]:
    """Write the twins; return {site-relative name: (bytes, compressed bytes)}."""
    site_dir = Path(site_dir)
    made = {}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE or path.stat().st_size < MIN_BYTES:
            continue
        data = path.read_bytes()
        packed = twin_bytes(data)
        twin = path.with_name(path.name + ".gz")
        if len(packed) > len(data) * (1 - MIN_SAVING):
            twin.unlink(missing_ok=True)
            continue
        twin.write_bytes(packed)
        made[path.relative_to(site_dir).as_posix()] = (len(data), len(packed))
    return made


def on_post_build(config, **kwargs) -> None:
    precompress(config["site_dir"])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("用法：python macros/precompress.py SITE_DIR")
    for name, (size, packed) in precompress(sys.argv[1]).items():
        print(f"{name}: {size / 1e6:.2f} MB -> {packed / 1e6:.2f} MB")

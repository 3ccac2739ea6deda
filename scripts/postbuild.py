"""The build's own steps after the pages are rendered, as plain Python, in the order mkdocs.yml's
hooks run them — what a generator other than MkDocs (Zensical, see ARCHITECTURE.md) would call
after writing SITE_DIR:

    python scripts/postbuild.py SITE_DIR

1. macros/vendor_hook.vendor: Pyodide's core files, calculators.zip with its bytecode and
   snapshot, calculators.json, the worker pointed at the runtime directory;
2. macros/docx_hook.vendor: the docx library for the documents page;
3. macros/precompress.precompress: gzip twins of the large files;
4. macros/offline_hook.write_service_worker: sw.js with the release's manifest (last: it
   hashes every file the steps above wrote).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import docx_hook, offline_hook, precompress, vendor_hook  # noqa: E402


def postbuild(site_dir: Path, langs: list[str] | None = None) -> dict:
    vendor_hook.vendor(site_dir)
    docx_hook.vendor(site_dir)
    precompress.precompress(site_dir)
    return offline_hook.write_service_worker(site_dir, langs or ["zh"])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("用法：python scripts/postbuild.py SITE_DIR")
    manifest = postbuild(Path(sys.argv[1]))
    print(f"release {manifest['release']}: {len(manifest['shell'])} shell files, {len(manifest['runtime'])} runtime files")

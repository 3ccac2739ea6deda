"""Load test of Debian's nginx with deploy/nginx/yingsu.conf on loopback: requests/s for the
calculators' 8.6 MB .wasm and for a whole first visit, with the shipped gzip twin (gzip_static)
and with nginx compressing on every request (the twin removed), gzip accepted as browsers do.

    .venv/bin/python scripts/bench_server.py SITE_DIR [--requests 200] [--concurrency 8]

Uses ApacheBench (ab, from Debian's apache2-utils, installed with apache2): bounded by
--requests, only 127.0.0.1, stops by itself. Prints figures; asserts nothing but that every
answer was a 200 of the expected length (tests/test_bench_server.py runs a small bounded
version). Numbers depend on the machine: on the 2-core test VM the twin gives several times the
requests/s of on-the-fly compression (the issue measured about 25 req/s at level 1).
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from macros.offline_hook import read_manifest  # noqa: E402
from nginx_server import NginxServer  # noqa: E402


def ab(url: str, requests: int, concurrency: int) -> dict:
    """ApacheBench against `url` with Accept-Encoding: gzip: {rps, failed, non2xx, bytes}."""
    done = subprocess.run(["ab", "-q", "-n", str(requests), "-c", str(concurrency), "-H", "Accept-Encoding: gzip", url],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr or done.stdout)
    field = lambda name: re.search(rf"^{name}:\s+([\d.]+)", done.stdout, re.M)
    non2xx = re.search(r"^Non-2xx responses:\s+(\d+)", done.stdout, re.M)
    return {"rps": float(field("Requests per second").group(1)), "failed": int(field("Failed requests").group(1)),
            "non2xx": int(non2xx.group(1)) if non2xx else 0, "length": int(field("Document Length").group(1))}


def first_visit(base: str, paths: list[str], visits: int) -> float:
    """Whole first visits (every file of the release, gzip accepted) per second, one client."""
    import gzip
    import urllib.request
    began = time.perf_counter()
    for _ in range(visits):
        for path in paths:
            request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request, timeout=60) as response:
                body = response.read()
                assert response.status == 200
                if response.headers.get("Content-Encoding") == "gzip":
                    gzip.decompress(body)
    return visits / (time.perf_counter() - began)


def measure(site: Path, requests: int, concurrency: int, visits: int) -> dict:
    manifest = read_manifest(site)
    stamp = json.loads((site / "assets/calculators.json").read_text(encoding="utf-8"))
    wasm = stamp["pyodide_dir"] + "pyodide.asm.wasm"
    twin = site / (wasm + ".gz")
    out = {"requests": requests, "concurrency": concurrency, "wasm_bytes": (site / wasm).stat().st_size,
           "twin_bytes": twin.stat().st_size}
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as tmp:
        server = NginxServer(site, Path(tmp))
        try:
            out["wasm_gzip_static"] = ab(server.base_url + wasm, requests, concurrency)
            out["first_visits_per_s"] = round(first_visit(server.base_url, sorted({**manifest["shell"], **manifest["runtime"]}), visits), 2)
            hidden = twin.with_suffix(".gz.away")
            twin.rename(hidden)   # nginx now compresses on every request (gzip_comp_level of the snippet)
            try:
                out["wasm_on_the_fly"] = ab(server.base_url + wasm, max(requests // 5, 2), concurrency)
            finally:
                hidden.rename(twin)
        finally:
            server.stop()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--visits", type=int, default=3)
    args = parser.parse_args(argv)
    if shutil.which("ab") is None:
        sys.exit("需要 ab（apt-get install apache2-utils）")
    figures = measure(args.site.resolve(), args.requests, args.concurrency, args.visits)
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    print(f"pyodide.asm.wasm: {figures['wasm_gzip_static']['rps']:.1f} req/s with the gzip twin, "
          f"{figures['wasm_on_the_fly']['rps']:.1f} req/s compressed on the fly; "
          f"{figures['first_visits_per_s']} whole first visits/s (one client)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A bounded run of the nginx load test (scripts/bench_server.py) on loopback: prints the
requests/s of the .wasm with its gzip twin and compressed on the fly, and of whole first visits;
asserts only that every answer was complete (the figures are the benchmark's, not a test's)."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("bench_server", ROOT / "scripts" / "bench_server.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_bounded_load_test_prints_requests_per_second(built_site):
    figures = bench.measure(built_site, requests=40, concurrency=4, visits=1)
    print(f"\nnginx load test (40 requests, 4 concurrent): pyodide.asm.wasm {figures['wasm_gzip_static']['rps']:.1f} req/s "
          f"with the gzip twin, {figures['wasm_on_the_fly']['rps']:.1f} req/s compressed on the fly; "
          f"{figures['first_visits_per_s']} whole first visits/s")
    for run in ("wasm_gzip_static", "wasm_on_the_fly"):
        assert figures[run]["failed"] == 0 and figures[run]["non2xx"] == 0, figures
    assert figures["wasm_gzip_static"]["length"] == figures["twin_bytes"]   # the twin was sent, compressed

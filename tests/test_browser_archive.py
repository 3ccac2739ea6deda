"""calculators.zip, the archive the browser unpacks into Pyodide (macros/vendor_hook.py): it
carries bytecode compiled by the same Pyodide, so the browser imports the calculators without
compiling their sources at every start."""
from __future__ import annotations

import hashlib
import json
import struct
import subprocess
import zipfile
from pathlib import Path

from calculators import registry


ROOT = Path(__file__).resolve().parent.parent

# Loads the Pyodide the site ships under Node, unpacks the archive as calc-worker.js does,
# counts every module compiled from source while importing what the worker imports, and
# runs one calculation.
IMPORT_IN_PYODIDE = r"""
import { readFileSync } from "node:fs";
const { loadPyodide } = await import(process.argv[1] + "/node_modules/pyodide/pyodide.mjs");
const py = await loadPyodide({ packages: [] });
try {
py.unpackArchive(new Uint8Array(readFileSync(process.argv[2])), "zip", { extractDir: "/home/pyodide/yingsu" });
console.log(py.runPython(`
import json, sys
import importlib._bootstrap_external as external
compiled = []
original = external.SourceLoader.source_to_code
def counting(self, data, path, *args, **kwargs):
    compiled.append(path)
    return original(self, data, path, *args, **kwargs)
external.SourceLoader.source_to_code = counting
sys.path.insert(0, "/home/pyodide/yingsu")
import calculators, calculators.registry, calculators.page
calculators.registry.specs()   # imports every calculator module
result = calculators.run("deadlines", {"complaint_served": "2026-10-05"})
json.dumps({
    "compiled": compiled,
    "imported": sorted(m for m in sys.modules if m.startswith("calculators")),
    "cache_tag": sys.implementation.cache_tag,
    "answer_due": [str(d["due"]) for d in result["deadlines"] if d["id"] == "answer"],
})
`));
} catch (error) {   // Node would print the minified line it was thrown from
  console.error("FAILED: " + error.message);
  process.exit(1);
}
"""


def test_every_module_has_unchecked_hash_bytecode(built_site):
    """One __pycache__/*.cpython-313.pyc per module; flags 0b01 (PEP 552: hash-based, source
    not checked), since unpacking does not keep the sources' modification times."""
    with zipfile.ZipFile(built_site / "assets" / "calculators.zip") as archive:
        names = archive.namelist()
        sources = [n for n in names if n.endswith(".py")]
        assert "calculators/deadlines.py" in sources and "calculators/documents/answer.py" in sources
        for source in sources:
            folder, module = source.rsplit("/", 1)
            pyc = f"{folder}/__pycache__/{module[:-3]}.cpython-313.pyc"
            assert pyc in names, pyc
            flags = struct.unpack("<I", archive.read(pyc)[4:8])[0]
            assert flags == 0b01, (pyc, flags)
    assert not [n for n in names if n.endswith(".pyc") and ".cpython-313." not in n]


def test_pyodide_imports_the_archive_without_compiling(built_site):
    done = subprocess.run(
        ["node", "--input-type=module", "-e", IMPORT_IN_PYODIDE, str(ROOT), str(built_site / "assets" / "calculators.zip")],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[done.stderr.find("FAILED"):][-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["cache_tag"] == "cpython-313"
    assert report["compiled"] == []
    assert {"calculators.deadlines", "calculators.undertaker", "calculators.documents.answer"} <= set(report["imported"])
    # served Monday 5 October 2026, inside the National Day holiday: 15 days end on
    # Tuesday 20 October, a working day
    assert report["answer_due"] == ["2026-10-20"]


# Starts Pyodide under Node from the build's snapshot as calc-worker.js does (gunzip,
# _loadSnapshot, unpack the archive again) and asks calculators.worker for one answer.
START_FROM_SNAPSHOT = r"""
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
const [root, assets] = process.argv.slice(1);
const { loadPyodide } = await import(root + "/node_modules/pyodide/pyodide.mjs");
const stamp = JSON.parse(readFileSync(assets + "/calculators.json", "utf8"));
const memory = gunzipSync(readFileSync(assets + "/" + stamp.snapshot.file));
const began = performance.now();
const py = await loadPyodide({ packages: [], _loadSnapshot: memory });
const started = performance.now() - began;
const before = py.runPython("import sys, json; json.dumps(sorted(m for m in sys.modules if m.startswith('calculators')))");
py.unpackArchive(new Uint8Array(readFileSync(assets + "/" + stamp.archive)), "zip", { extractDir: stamp.extract_dir });
const worker = py.pyimport("calculators.worker");
console.log(JSON.stringify({
  started_ms: Math.round(started),
  imported_before_unpacking: JSON.parse(before),
  timezone: py.runPython("import time; time.timezone"),
  names: worker.NAMES.toJs(),
  answer: JSON.parse(worker.answer("deadlines", JSON.stringify({ complaint_served: "2026-10-05" }))),
  input_error: JSON.parse(worker.answer("deadlines", JSON.stringify({ complaint_served: "2026-02-30" }))),
}));
"""


def test_pyodide_starts_from_the_snapshot_with_the_calculators_imported(built_site):
    """assets/calculators-snapshot.bin (macros/snapshot.mjs) is Python's memory with
    calculators.worker imported: started from it, Pyodide answers without importing anything."""
    assets = built_site / "assets"
    stamp = json.loads((assets / "calculators.json").read_text(encoding="utf-8"))
    snapshot = (assets / stamp["snapshot"]["file"]).read_bytes()
    assert stamp["snapshot"]["sha256"] == hashlib.sha256(snapshot).hexdigest() and snapshot[:2] == b"\x1f\x8b"
    done = subprocess.run(["node", "--input-type=module", "-e", START_FROM_SNAPSHOT, str(ROOT), str(assets)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"calculators.worker", "calculators.deadlines", "calculators.documents.answer"} <= set(report["imported_before_unpacking"])
    assert report["timezone"] == -8 * 3600   # made with the offices' time zone, UTC+8
    assert report["names"] == registry.names()   # every calculator is in the snapshot's memory
    assert report["answer"]["ok"] is True
    assert [d["due"] for d in report["answer"]["result"]["deadlines"] if d["id"] == "answer"] == ["2026-10-20"]
    assert report["input_error"]["ok"] is False and report["input_error"]["error"]["field"] == "complaint_served"
    print(f"\nPyodide started from the snapshot in {report['started_ms']} ms under Node")

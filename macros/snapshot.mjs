// Start the calculators once at build time and keep Python's memory as a snapshot, so the
// browser does not start Python and import the calculators at every visit (about 2.5 s of each
// first answer on an office PC; from the snapshot about 0.5 s). Called by macros/vendor_hook.py:
//
//   node macros/snapshot.mjs ARCHIVE EXTRACT_DIR OUT
//
// boots the Pyodide in node_modules (the one the site ships: a snapshot only loads into the
// same build), unpacks ARCHIVE (calculators.zip) into EXTRACT_DIR as calc-worker.js does,
// imports calculators.worker, reads the data every answer needs, notes the archive's SHA-256
// in it, and writes the snapshot to OUT, gzip-compressed (20 MB of memory, about 5 MB).
// Nothing is downloaded.
//
// The browser passes the snapshot to loadPyodide (`_loadSnapshot`, a Pyodide option marked
// private: the snapshot holds no reference to a JavaScript object, so it loads in a browser
// worker although made under Node). Files written to Pyodide's file system are not in the
// snapshot: the worker unpacks the archive again.
import nodeCrypto, { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

// Python's time module keeps the time zone it started in: the offices', UTC+8.
process.env.TZ = "Asia/Shanghai";

// The same snapshot from the same sources on any machine (release packages are reproducible):
// the memory must not keep this machine's clock (file times of the unpacked archive, state
// seeded from the time) or random bytes, nor this script's path. So the clocks and the random
// sources below are fixed while the snapshot is made. In the browser, os.urandom and secrets
// still read the browser's generator at each call; what the snapshot fixes is the starting
// state of the `random` module (the calculators draw no random numbers) and of str hashing.
const BUILD_TIME = Date.UTC(2022, 1, 1);   // the measures' first day in force
Date.now = () => BUILD_TIME;
let ticks = 0;
performance.now = () => (ticks += 1) / 1000;   // a clock that runs the same on every machine
let seed = 0x2022;
const fixedBytes = (view) => {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (let i = 0; i < bytes.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  return view;
};
nodeCrypto.randomFillSync = fixedBytes;        // Emscripten's getentropy under Node
globalThis.crypto.getRandomValues = fixedBytes;
Math.random = () => fixedBytes(new Uint32Array(1))[0] / 2 ** 32;

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { loadPyodide } = await import(join(REPO, "node_modules", "pyodide", "pyodide.mjs"));

const [archive, extractDir, out] = process.argv.slice(2);
if (!out) {
  console.error("用法：node macros/snapshot.mjs ARCHIVE EXTRACT_DIR OUT");
  process.exit(2);
}
// The worker's settings (calc-worker.js) that reach Python's memory.
const py = await loadPyodide({
  packages: [],
  env: { PYTHONDONTWRITEBYTECODE: "1", PYTHONHASHSEED: "0", _: "calc-worker.js" },
  _sysExecutable: "calc-worker.js",   // (this and _: else this script's path, which differs by machine)
  _makeSnapshot: true,
});
const bytes = readFileSync(archive);
py.unpackArchive(new Uint8Array(bytes), "zip", { extractDir });
py.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(extractDir)})
import calculators.worker
calculators.worker.warm()
calculators.worker.ARCHIVE_SHA256 = ${JSON.stringify(createHash("sha256").update(bytes).digest("hex"))}
`);
writeFileSync(out, gzipSync(py.makeMemorySnapshot(), { level: 9 }));

// Compile Python sources to bytecode with the Pyodide the site ships (CPython 3.13 / wasm),
// so the browser imports the calculators without compiling them at every start
// (about 0.1 s of each first answer on an office PC). Called by macros/vendor_hook.py:
//
//   node macros/compile_bytecode.mjs DIR
//
// compiles every .py under DIR in place into __pycache__/*.cpython-313.pyc. The .pyc files are
// "unchecked hash" pycs (PEP 552): Python uses them without comparing them with the source's
// modification time, which unpacking an archive does not preserve. Nothing is downloaded:
// Pyodide comes from node_modules.
import { realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { loadPyodide } = await import(join(REPO, "node_modules", "pyodide", "pyodide.mjs"));

const dir = process.argv[2];
if (!dir) {
  console.error("用法：node macros/compile_bytecode.mjs DIR");
  process.exit(2);
}
const py = await loadPyodide({ packages: [] });
py.FS.mkdir("/src");
py.FS.mount(py.FS.filesystems.NODEFS, { root: realpathSync(dir) }, "/src");
const ok = py.runPython(`
import compileall, py_compile
compileall.compile_dir("/src", quiet=1, workers=1,
                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
`);
process.exit(ok ? 0 : 1);

// Run the calculators' Python tests inside real Pyodide (the npm package the site ships),
// so the rules are checked under the interpreter the browser uses (CPython 3.13 / wasm).
//
//   node tests/pyodide/run_suite.mjs               # every eligible tests/test_*.py
//   node tests/pyodide/run_suite.mjs tests/test_x.py -k something   # explicit pytest args
//
// Nothing is downloaded here. Pyodide comes from node_modules (npm ci); pure-Python test
// dependencies come from the project's venv site-packages (pytest, pluggy, iniconfig,
// packaging, sortedcontainers, chinesecalendar), appended to sys.path after Pyodide's own
// paths, and from the wheels in build/pyodide-wheels/ for packages whose venv copy is
// compiled for the host (hypothesis >= 6.156 ships a native module): fetch them at setup
// time with the command printed below (tests/pyodide/requirements.txt).
//
// Eligible test files are those that import `calculators` and neither import a host-only
// module (subprocess, playwright, mkdocs, macros, http.server, socket, multiprocessing)
// nor take a fixture of tests/conftest.py that builds or serves the site or drives the
// browser (built_site, site_http, site_server, browser, page): those tests need a
// browser, a build or a child process, which Pyodide does not have.
// Exits with pytest's exit code (5 = no tests collected counts as failure for callers).
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = realpathSync(resolve(HERE, "..", ".."));
const PYODIDE_DIR = join(REPO, "node_modules", "pyodide");
const WHEEL_DIR = join(REPO, "build", "pyodide-wheels");
const REQUIREMENTS = join(HERE, "requirements.txt");
const HOST_ONLY = /^\s*(?:import|from)\s+(subprocess|playwright|mkdocs|macros|http\.server|socket|multiprocessing)\b/m;
const HOST_FIXTURE = /^\s*def\s+\w+\s*\(([^)]*\b(built_site|site_http|site_server|browser|page)\b)/m;
const IMPORTS_CALCULATORS = /^\s*(?:import|from)\s+calculators\b/m;
const FETCH_WHEELS =
  ".venv/bin/pip download --require-hashes --no-deps --only-binary :all: --platform any --python-version 3.13 " +
  "--implementation py -r tests/pyodide/requirements.txt -d build/pyodide-wheels";

function die(message) {
  console.error(`run_suite: ${message}`);
  process.exit(2);
}

function sitePackages() {
  if (process.env.PYODIDE_TEST_SITE_PACKAGES) return realpathSync(process.env.PYODIDE_TEST_SITE_PACKAGES);
  const venv = process.env.VIRTUAL_ENV || join(REPO, ".venv");
  const lib = join(venv, "lib");
  const py = existsSync(lib) ? readdirSync(lib).filter((d) => /^python3\.\d+$/.test(d)) : [];
  if (py.length !== 1) die(`找不到虚拟环境的 site-packages（${lib}/python3.*/site-packages）：请先建立 .venv 并安装依赖。`);
  return realpathSync(join(lib, py[0], "site-packages"));
}

function wheels() {
  const wanted = readFileSync(REQUIREMENTS, "utf8")
    .split("\n").map((l) => l.replace(/#.*/, "").trim()).filter(Boolean)
    .map((l) => l.split("==")[0].toLowerCase().replace(/-/g, "_"));
  const have = existsSync(WHEEL_DIR) ? readdirSync(WHEEL_DIR).filter((f) => f.endsWith("-none-any.whl")) : [];
  const missing = wanted.filter((name) => !have.some((f) => f.toLowerCase().startsWith(name + "-")));
  if (missing.length) die(`缺少纯 Python 测试依赖 ${missing.join(", ")}（${WHEEL_DIR}）。请在安装步骤中运行：\n  ${FETCH_WHEELS}`);
  return have.map((f) => join(WHEEL_DIR, f));
}

function selectTests() {
  const dir = join(REPO, "tests");
  const chosen = [];
  for (const file of readdirSync(dir).filter((f) => /^test_.*\.py$/.test(f)).sort()) {
    const source = readFileSync(join(dir, file), "utf8");
    const hostOnly = source.match(HOST_ONLY);
    const fixture = source.match(HOST_FIXTURE);
    if (hostOnly) console.log(`run_suite: skip ${file} (imports ${hostOnly[1]}: needs the host, not Pyodide)`);
    else if (fixture) console.log(`run_suite: skip ${file} (uses fixture ${fixture[2]}: needs the host, not Pyodide)`);
    else if (!IMPORTS_CALCULATORS.test(source)) console.log(`run_suite: skip ${file} (does not import calculators)`);
    else chosen.push(join(dir, file));
  }
  return chosen;
}

function mount(pyodide, hostPath) {
  pyodide.FS.mkdirTree(hostPath);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: hostPath }, hostPath);
}

if (!existsSync(join(PYODIDE_DIR, "pyodide.mjs"))) die(`未找到 ${PYODIDE_DIR}：请先运行 npm ci`);
const site = sitePackages();
const wheelFiles = wheels();
const args = process.argv.slice(2);
const pytestArgs = args.length ? args : selectTests();
if (!pytestArgs.length) die("tests/ 中没有可在 Pyodide 中运行的测试文件");

const { loadPyodide, version } = await import(join(PYODIDE_DIR, "pyodide.mjs"));
const lock = JSON.parse(readFileSync(join(PYODIDE_DIR, "pyodide-lock.json"), "utf8"));
const t0 = performance.now();
const pyodide = await loadPyodide({
  indexURL: PYODIDE_DIR + "/",
  lockFileContents: { info: lock.info, packages: {} }, // same options as the browser worker
  packages: [],
  fullStdLib: false,
  env: { PYTHONDONTWRITEBYTECODE: "1", HOME: "/home/pyodide" },
});
const bootMs = performance.now() - t0;
const out = (stream) => ({ write: (bytes) => { stream.write(bytes); return bytes.length; } });
pyodide.setStdout(out(process.stdout));
pyodide.setStderr(out(process.stderr));

// The repository (and the shared sources beside it, if any) at their real paths, so
// paths computed from __file__ or written absolutely mean the same as on the host.
mount(pyodide, REPO);
const shared = resolve(REPO, "..", "shared");
if (existsSync(shared)) mount(pyodide, realpathSync(shared));
if (!site.startsWith(REPO + "/")) mount(pyodide, site);
for (const dir of new Set(wheelFiles.map((f) => dirname(f)).filter((d) => !d.startsWith(REPO + "/")))) mount(pyodide, dir);

pyodide.globals.set("REPO", REPO);
pyodide.globals.set("EXTRA_PATHS", pyodide.toPy([REPO, ...wheelFiles, site]));
pyodide.globals.set("PYTEST_ARGS", pyodide.toPy(["-p", "no:cacheprovider", "--rootdir", REPO, ...pytestArgs]));
const code = await pyodide.runPythonAsync(`
import os, sys
os.chdir(REPO)
sys.path.extend(EXTRA_PATHS)   # after Pyodide's own paths: its stdlib wins
print(f"run_suite: Python {sys.version.split()[0]} on {sys.platform}, Pyodide ${version}, boot ${bootMs.toFixed(0)} ms")

import pytest

class PyodideProfile:
    """Hypothesis without deadlines: wasm runs slower than the host interpreter."""
    @staticmethod
    def pytest_configure(config):
        import hypothesis
        hypothesis.settings.register_profile("pyodide", deadline=None)
        hypothesis.settings.load_profile("pyodide")
        print(f"run_suite: pytest {pytest.__version__}, hypothesis {hypothesis.__version__} (profile pyodide)")

int(pytest.main(list(PYTEST_ARGS), plugins=[PyodideProfile()]))
`);
process.exitCode = code;

"""MkDocs hook: self-host the browser runtime of the calculators.

After the build it puts into ``site_dir/assets/``:

- ``pyodide/<version>-<digest>/`` — the core files of the Pyodide release pinned in
  package.json, copied from ``node_modules/pyodide`` (installed by ``npm ci``; nothing is
  fetched here). The version and a digest of the files in the path let servers cache them for
  a year (deploy/): other bytes always get another URL. Long caching matters beyond the download: Chromium keeps V8's compiled code of
  the .wasm beside its HTTP cache entry, and after a revalidation (304) a visit that
  recompiled hot functions stored code the next visit could not use (each such visit compiled
  the 8 MB again, about a second). ``assets/javascripts/calc-worker.js`` gets the directory
  written in (WORKER_DIR_LINE);
- ``calculators.zip`` — the pure-Python ``calculators`` package (code + data/) with the data
  of the ``chinese_calendar`` package it depends on as ``calculators/data/chinesecalendar.json``
  (see calculators/holidays.py) and the lunar dates of the ``tyme4py`` package for the years
  the calculators reach as ``calculators/data/lunar.json``, as a deterministic zip (sorted
  entries, fixed timestamps and modes), unpacked by the Web Worker into Pyodide's file
  system, with every module's bytecode compiled by that same Pyodide (``macros/compile_bytecode.mjs``, run with Node; cached in
  ``build/bytecode/``) so the browser does not compile the sources at every start;
- ``calculators-snapshot.bin`` — Python's memory once that Pyodide has imported the
  calculators (``macros/snapshot.mjs``, run with Node; gzip-compressed; cached in
  ``build/snapshot/``): the worker starts from it instead of starting Python, about 2.5 s
  sooner on an office PC;
- ``calculators.json`` — version stamp: the sha256 of the archive and of the snapshot (the
  client fetches ``calculators.zip?v=<sha256>`` so a new archive is never served stale), the
  directory the archive is unpacked into, the Pyodide version, and the ``info`` block of
  Pyodide's lock file so the worker can pass an empty lock file (``lockFileContents``) and
  Pyodide fetches nothing but its core files.

Also usable without MkDocs, from the repository root: ``python -m macros.vendor_hook SITE_DIR``.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# What loadPyodide() loads when given lockFileContents and no packages: the loader
# script, the Emscripten glue, the WebAssembly binary and the standard library.
CORE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
WORKER = Path("javascripts") / "calc-worker.js"      # under assets/
WORKER_DIR_LINE = 'var PYODIDE_DIR = "../pyodide/";'   # replaced by the versioned directory

# Packages shipped to the browser: (import name, where to find it).
ARCHIVE_PACKAGES = ("calculators",)

ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # earliest date a zip entry can carry
SKIP_DIRS = {"__pycache__"}
SKIP_SUFFIXES = {".pyc", ".pyo"}

BYTECODE_COMPILER = Path(__file__).resolve().parent / "compile_bytecode.mjs"
BYTECODE_CACHE = Path("build") / "bytecode"   # under the project root, like build/pyodide-wheels
SNAPSHOT_MAKER = Path(__file__).resolve().parent / "snapshot.mjs"
SNAPSHOT_CACHE = Path("build") / "snapshot"
SNAPSHOT_FILE = "calculators-snapshot.bin"     # .bin: every server's default types know it
EXTRACT_DIR = "/home/pyodide/yingsu"           # where the worker unpacks the archive

NPM_HINT = "请先运行 npm ci（在项目根目录安装 package-lock.json 锁定的 Pyodide）"


class VendorError(RuntimeError):
    """The runtime files cannot be assembled; the message says what to do."""


def pinned_pyodide_version(root: Path = PROJECT_ROOT) -> str:
    """The exact Pyodide version package.json pins."""
    package = json.loads((root / "package.json").read_text(encoding="utf-8"))
    return package["dependencies"]["pyodide"]


def pyodide_dir(root: Path = PROJECT_ROOT) -> Path:
    """node_modules/pyodide, checked to hold the pinned version and every core file."""
    folder = root / "node_modules" / "pyodide"
    if not (folder / "package.json").is_file():
        raise VendorError(f"未找到 {folder}：{NPM_HINT}。")
    installed = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    pinned = pinned_pyodide_version(root)
    if installed != pinned:
        raise VendorError(
            f"node_modules 中的 Pyodide 版本为 {installed}，与 package.json 锁定的 {pinned} 不一致：{NPM_HINT}。"
        )
    missing = [name for name in CORE_FILES + ("pyodide-lock.json",) if not (folder / name).is_file()]
    if missing:
        raise VendorError(f"{folder} 缺少文件 {'、'.join(missing)}：{NPM_HINT}。")
    return folder


def package_dir(name: str, root: Path = PROJECT_ROOT) -> Path:
    """Directory of package `name`: the project's own, else the one the build Python imports."""
    own = root / name
    if (own / "__init__.py").is_file():
        return own
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise VendorError(f"找不到 Python 包 {name}：请在虚拟环境中安装项目依赖后再构建。")
    return Path(next(iter(spec.submodule_search_locations)))


def holiday_snapshot() -> bytes:
    """The chinesecalendar data the archive carries instead of the package (calculators/holidays.py)."""
    from calculators import holidays

    return (json.dumps(holidays.package_snapshot(), ensure_ascii=False, sort_keys=True, indent=0) + "\n").encode()


def lunar_snapshot() -> bytes:
    """The lunar dates the archive carries instead of tyme4py (calculators/holidays.py): a table
    of a few kilobytes instead of a package of about a megabyte, and nothing to import."""
    from calculators import holidays

    return (json.dumps(holidays.lunar_snapshot(), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode()


def archive_members(root: Path = PROJECT_ROOT) -> list[tuple[str, Path | bytes]]:
    """(name in archive, file on disk or contents) for every shipped file, sorted by name."""
    members = [("calculators/data/chinesecalendar.json", holiday_snapshot()),
               ("calculators/data/lunar.json", lunar_snapshot())]
    for name in ARCHIVE_PACKAGES:
        base = package_dir(name, root)
        for path in base.rglob("*"):
            relative = path.relative_to(base)
            if not path.is_file() or path.suffix in SKIP_SUFFIXES:
                continue
            if any(part in SKIP_DIRS or part.startswith(".") for part in relative.parts):
                continue
            members.append((f"{name}/{relative.as_posix()}", path))
    return sorted(members)


def node_binary(root: Path = PROJECT_ROOT) -> str:
    """Node.js, which runs the Pyodide of node_modules at build time."""
    pyodide_dir(root)
    node = shutil.which("node")
    if node is None:
        raise VendorError("未找到 Node.js（node）：构建时需用它运行 Pyodide 预编译计算规则。请先运行 bash dev.sh setup。")
    return node


def bytecode(members: list[tuple[str, Path | bytes]], root: Path = PROJECT_ROOT) -> list[tuple[str, bytes]]:
    """(name in archive, contents) of the __pycache__/*.pyc of every .py member, compiled by the
    Pyodide in node_modules (the browser's CPython) as unchecked-hash pycs, which stay valid
    whatever modification time unpacking gives the sources. Compiling boots Pyodide under Node
    (a few seconds), so the result is kept in build/bytecode/<key>/, keyed by the Pyodide
    version and the sources."""
    sources = [(name, path if isinstance(path, bytes) else path.read_bytes())
               for name, path in members if name.endswith(".py")]
    key = hashlib.sha256(pinned_pyodide_version(root).encode())
    for name, data in sources:
        key.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    cache = root / BYTECODE_CACHE / key.hexdigest()[:32]
    if not cache.is_dir():
        node = node_binary(root)
        with tempfile.TemporaryDirectory(prefix="bytecode-") as tmp:
            work = Path(tmp) / "src"
            for name, data in sources:
                (work / name).parent.mkdir(parents=True, exist_ok=True)
                (work / name).write_bytes(data)
            done = subprocess.run([node, str(BYTECODE_COMPILER), str(work)], capture_output=True, text=True)
            if done.returncode != 0:
                raise VendorError(f"用 Pyodide 预编译计算规则失败：{done.stderr.strip()[-2000:] or done.stdout.strip()[-2000:]}")
            for path in work.rglob("*"):
                if path.is_file() and path.suffix == ".py":
                    path.unlink()
            cache.parent.mkdir(parents=True, exist_ok=True)
            # complete or absent, never half-written; a build running at the same time (the tests'
            # while `dev.sh serve` rebuilds) may have put the same result there first: keep theirs
            partial = cache.with_suffix(f".partial-{os.getpid()}")
            shutil.rmtree(partial, ignore_errors=True)
            shutil.copytree(work, partial)
            try:
                partial.rename(cache)
            except OSError:
                shutil.rmtree(partial, ignore_errors=True)
                if not cache.is_dir():
                    raise
    compiled = [(path.relative_to(cache).as_posix(), path.read_bytes()) for path in cache.rglob("*.pyc")]
    expected = {f"{name.rsplit('/', 1)[0]}/__pycache__/{name.rsplit('/', 1)[1][:-3]}" for name, _ in sources}
    found = {name.rsplit(".", 2)[0] for name, _ in compiled}
    if expected != found:
        raise VendorError(f"预编译结果不完整（缺少 {sorted(expected - found)[:3]}），请删除 {cache} 后重新构建。")
    return compiled


def build_archive(root: Path = PROJECT_ROOT) -> bytes:
    """The zip of the shipped packages and their bytecode, byte-identical for identical inputs."""
    members = archive_members(root)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for arcname, path in sorted(members + bytecode(members, root)):
            info = zipfile.ZipInfo(arcname, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # regular file, rw-r--r--
            info.create_system = 3  # Unix, whatever OS builds it
            archive.writestr(info, path if isinstance(path, bytes) else path.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def memory_size(packed: bytes) -> int:
    """Bytes of memory a gzip-compressed snapshot holds (the gzip trailer's ISIZE; < 4 GiB)."""
    return int.from_bytes(packed[-4:], "little")


def snapshot(archive: bytes, root: Path = PROJECT_ROOT) -> bytes:
    """Python's memory after importing the calculators from `archive`, gzip-compressed
    (macros/snapshot.mjs). Takes a few seconds, so kept in build/snapshot/, keyed by the
    Pyodide version, the archive and the script."""
    key = hashlib.sha256(pinned_pyodide_version(root).encode() + b"\0" + archive + SNAPSHOT_MAKER.read_bytes())
    cached = root / SNAPSHOT_CACHE / f"{key.hexdigest()[:32]}.bin"
    if not cached.is_file():
        node = node_binary(root)
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="snapshot-") as tmp:
            source, made = Path(tmp) / "calculators.zip", Path(tmp) / SNAPSHOT_FILE
            source.write_bytes(archive)
            done = subprocess.run([node, str(SNAPSHOT_MAKER), str(source), EXTRACT_DIR, str(made)],
                                  capture_output=True, text=True)
            if done.returncode != 0 or not made.is_file():
                raise VendorError(f"生成计算器启动快照失败：{done.stderr.strip()[-2000:] or done.stdout.strip()[-2000:]}")
            shutil.move(made, cached.with_suffix(".partial"))
            cached.with_suffix(".partial").rename(cached)   # complete or absent
    return cached.read_bytes()


def core_digests(root: Path = PROJECT_ROOT) -> dict[str, str]:
    """SHA-256 of each Pyodide core file in node_modules/pyodide."""
    source = pyodide_dir(root)
    return {name: hashlib.sha256((source / name).read_bytes()).hexdigest() for name in CORE_FILES}


@functools.lru_cache(maxsize=None)
def _runtime_path(root: Path, stamp: tuple) -> str:
    digests = core_digests(root)
    key = hashlib.sha256("".join(f"{name}\0{digests[name]}\n" for name in CORE_FILES).encode()).hexdigest()[:10]
    return f"assets/pyodide/{pinned_pyodide_version(root)}-{key}/"


def runtime_path(root: Path = PROJECT_ROOT) -> str:
    """Site-relative directory of the Pyodide core files: assets/pyodide/<version>-<digest>/,
    named by their content (the servers let browsers keep these files a year without asking:
    a name must never stand for other bytes, not even for a damaged or patched copy)."""
    root = Path(root).resolve()
    folder = root / "node_modules" / "pyodide"
    stamp = tuple((name, (folder / name).stat().st_mtime_ns, (folder / name).stat().st_size)
                  for name in CORE_FILES if (folder / name).is_file())
    return _runtime_path(root, stamp)


def point_worker(worker: Path, runtime_dir: str) -> None:
    """Write the runtime directory into the built calc-worker.js (its WORKER_DIR_LINE)."""
    text = worker.read_text(encoding="utf-8") if worker.is_file() else ""
    if WORKER_DIR_LINE not in text:
        raise VendorError(f"{worker} 中没有 {WORKER_DIR_LINE!r}，无法写入运行环境目录")
    relative = "../" + runtime_dir[len("assets/"):]   # from assets/javascripts/
    worker.write_text(text.replace(WORKER_DIR_LINE, f'var PYODIDE_DIR = "{relative}";', 1), encoding="utf-8")


def vendor(site_dir: str | Path, root: Path = PROJECT_ROOT) -> dict:
    """Write assets/pyodide/<version>/, assets/calculators.zip, its snapshot and
    assets/calculators.json, point the worker at that directory; return the stamp."""
    source = pyodide_dir(root)
    assets = Path(site_dir) / "assets"
    runtime_dir = runtime_path(root)
    target = Path(site_dir) / runtime_dir
    target.mkdir(parents=True, exist_ok=True)
    for name in CORE_FILES:
        shutil.copyfile(source / name, target / name)
    point_worker(assets / WORKER, runtime_dir)

    archive = build_archive(root)
    (assets / "calculators.zip").write_bytes(archive)
    packed = snapshot(archive, root)
    (assets / SNAPSHOT_FILE).write_bytes(packed)
    lock_info = json.loads((source / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    stamp = {
        "archive": "calculators.zip",
        "sha256": hashlib.sha256(archive).hexdigest(),
        "size": len(archive),
        "extract_dir": EXTRACT_DIR,
        "snapshot": {"file": SNAPSHOT_FILE, "sha256": hashlib.sha256(packed).hexdigest(), "size": len(packed),
                     "memory": memory_size(packed)},
        "pyodide": pinned_pyodide_version(root),
        "pyodide_dir": runtime_dir,
        "lock_info": lock_info,
        "core_files": {name: (source / name).stat().st_size for name in CORE_FILES},
        # calc-worker.js checks the files it got against these after a failed start (a copy
        # damaged in the browser's cache, or a deployment still being copied)
        "core_sha256": core_digests(root),
    }
    (assets / "calculators.json").write_text(
        json.dumps(stamp, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return stamp


def on_post_build(config, **kwargs) -> None:
    """MkDocs event: vendor the runtime into the freshly built site."""
    root = Path(config["config_file_path"]).resolve().parent if config.get("config_file_path") else PROJECT_ROOT
    try:
        vendor(config["site_dir"], root)
    except VendorError as error:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"计算器运行环境打包失败：{error}") from error


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("用法：python -m macros.vendor_hook SITE_DIR")
    try:
        print(json.dumps(vendor(sys.argv[1]), ensure_ascii=False, indent=1))
    except VendorError as error:
        sys.exit(f"计算器运行环境打包失败：{error}")

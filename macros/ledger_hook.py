"""MkDocs hook: build the ledger pages' browser libraries from node_modules into the site.

After the build it runs ``node macros/ledger_bundle.mjs`` (esbuild, pinned in package.json;
nothing fetched, nothing from a CDN), which writes into ``site_dir/assets/javascripts/vendor/``:

- ``xlsx.js``   read-excel-file + write-excel-file (.xlsx import and export of the ledger);
- ``charts.js`` Chart.js, only the bar and doughnut charts (the statistics page);
- ``crypto.js`` AES-GCM and PBKDF2 (@noble/ciphers, @noble/hashes) for password-protected
  files where the browser has no WebCrypto (it has none on a plain-http intranet);
- ``sha256.js`` SHA-256 (@noble/hashes) for the calculators' worker where there is no WebCrypto;
- ``<name>.LICENSE.txt`` — the MIT licences of every bundled package.

Both are classic scripts (no eval, no blob: workers: they run under the site's strict
Content-Security-Policy) loaded by overrides/assets/javascripts/ledger.js on first use.
Listed in mkdocs.yml before macros/offline_hook.py, so the offline manifest includes them.
Also usable without MkDocs: ``python macros/ledger_hook.py SITE_DIR``.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TARGET = Path("assets") / "javascripts" / "vendor"
PACKAGES = ("chart.js", "read-excel-file", "write-excel-file", "@noble/ciphers", "@noble/hashes", "esbuild")
NPM_HINT = "请先运行 npm ci（在项目根目录安装 package-lock.json 锁定的依赖）"


class LedgerVendorError(RuntimeError):
    """The libraries cannot be built; the message says what to do."""


def _pinned(root: Path) -> dict:
    package = json.loads((root / "package.json").read_text(encoding="utf-8"))
    return {**package.get("dependencies", {}), **package.get("devDependencies", {})}


def check_installed(root: Path = PROJECT_ROOT) -> None:
    """Every package the bundles are made from is installed at the version package.json pins."""
    pinned = _pinned(root)
    for name in PACKAGES:
        manifest = root / "node_modules" / name / "package.json"
        if not manifest.is_file():
            raise LedgerVendorError(f"未找到 {manifest.parent}：{NPM_HINT}。")
        installed = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        if installed != pinned.get(name):
            raise LedgerVendorError(f"node_modules 中的 {name} 版本为 {installed}，与 package.json 锁定的 "
                                    f"{pinned.get(name)} 不一致：{NPM_HINT}。")


def vendor(site_dir: str | Path, root: Path = PROJECT_ROOT) -> dict:
    """Build the bundles into the site; return {file: {bytes, packages}}."""
    check_installed(root)
    target = Path(site_dir) / TARGET
    proc = subprocess.run(["node", str(root / "macros" / "ledger_bundle.mjs"), str(target)],
                          cwd=root, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise LedgerVendorError(f"打包失败：{proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout)


def on_post_build(config, **kwargs) -> None:
    root = Path(config["config_file_path"]).resolve().parent if config.get("config_file_path") else PROJECT_ROOT
    try:
        vendor(config["site_dir"], root)
    except (LedgerVendorError, OSError) as error:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"台账页面所需的表格和图表库打包失败：{error}") from error


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("用法：python macros/ledger_hook.py SITE_DIR")
    try:
        print(json.dumps(vendor(sys.argv[1]), ensure_ascii=False, indent=1))
    except LedgerVendorError as error:
        sys.exit(f"台账页面所需的表格和图表库打包失败：{error}")

"""MkDocs hook: self-host the `docx` library the documents page writes .docx files with.

After the build it copies the browser build of the `docx` release pinned in package.json from
``node_modules/docx`` (installed by ``npm ci``; nothing is fetched here, nothing from a CDN)
into ``site_dir/assets/javascripts/vendor/``:

- ``docx.iife.js`` — the library as a classic script defining ``window.docx``, loaded by
  overrides/assets/javascripts/documents.js on the first .docx download only;
- ``docx.LICENSE.txt`` — its MIT licence, which must travel with the copy.

Listed in mkdocs.yml before macros/offline_hook.py, so the service worker's manifest
includes the files. Also usable without MkDocs: ``python macros/docx_hook.py SITE_DIR``.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TARGET = Path("assets") / "javascripts" / "vendor"
FILES = {"dist/index.iife.js": "docx.iife.js", "LICENSE": "docx.LICENSE.txt"}
NPM_HINT = "请先运行 npm ci（在项目根目录安装 package-lock.json 锁定的依赖）"


class DocxVendorError(RuntimeError):
    """The library cannot be copied; the message says what to do."""


def pinned_version(root: Path = PROJECT_ROOT) -> str:
    package = json.loads((root / "package.json").read_text(encoding="utf-8"))
    return package["dependencies"]["docx"]


def vendor(site_dir: str | Path, root: Path = PROJECT_ROOT) -> dict:
    """Copy the pinned docx browser build and its licence into the site; return what was copied."""
    source = root / "node_modules" / "docx"
    if not (source / "package.json").is_file():
        raise DocxVendorError(f"未找到 {source}：{NPM_HINT}。")
    installed = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    pinned = pinned_version(root)
    if installed != pinned:
        raise DocxVendorError(f"node_modules 中的 docx 版本为 {installed}，与 package.json 锁定的 {pinned} 不一致：{NPM_HINT}。")
    target = Path(site_dir) / TARGET
    target.mkdir(parents=True, exist_ok=True)
    copied = {}
    for name, dest in FILES.items():
        if not (source / name).is_file():
            raise DocxVendorError(f"{source} 缺少文件 {name}：{NPM_HINT}。")
        shutil.copyfile(source / name, target / dest)
        copied[dest] = (target / dest).stat().st_size
    return {"docx": pinned, "files": copied}


def on_post_build(config, **kwargs) -> None:
    root = Path(config["config_file_path"]).resolve().parent if config.get("config_file_path") else PROJECT_ROOT
    try:
        vendor(config["site_dir"], root)
    except DocxVendorError as error:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"Word 文档生成库打包失败：{error}") from error


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("用法：python macros/docx_hook.py SITE_DIR")
    try:
        print(json.dumps(vendor(sys.argv[1]), ensure_ascii=False, indent=1))
    except DocxVendorError as error:
        sys.exit(f"Word 文档生成库打包失败：{error}")

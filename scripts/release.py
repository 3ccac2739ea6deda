"""Build the release archive an administrator deploys: build/yingsu-<version>.zip + .sha256.

    python scripts/release.py [--out DIR]        (what `bash dev.sh release` runs)
    python scripts/release.py --allow-dirty       (a trial build of uncommitted edits)

Layout of the archive (all names ASCII, so Windows' "Extract All" keeps them):

    DEPLOY.txt          short deployment note in Chinese (deploy/DEPLOY.txt, version filled in)
    check_deploy.py     the deploy check the administrator runs last (scripts/check_deploy.py)
    SHA256SUMS          sha256 of every other file, `sha256sum -c SHA256SUMS` format
    deploy/             the server configurations of deploy/ (nginx snippet, IIS, Apache, Tomcat)
    yingsu/             the site: copy this folder to the web server, it serves as /yingsu/;
                        with the drop-in files web.config (IIS), .htaccess (Apache) and
                        WEB-INF/web.xml (Tomcat) that make it work in place on those servers

Reproducible: the same commit gives a byte-identical archive. The site is built with
SOURCE_DATE_EPOCH = the commit time (MkDocs' sitemap dates and the gzip header of
sitemap.xml.gz follow it) and PYTHONHASHSEED=0, into a temporary directory whose path ends up
nowhere; the zip has sorted entries, the commit time as every entry's date (UTC), fixed
permissions and a fixed compression level. The version is `<tag>` when the commit is tagged,
else `<YYYYMMDD>-<short commit>` (commit date, UTC).

Every release is distinct: a working tree with uncommitted changes is refused (its files would
carry the commit's dates, and servers derive ETag/Last-Modified from size and date: a changed
sw.js of the same size would look unchanged to every browser, which would keep the old rules).
--allow-dirty builds it anyway as `<version>-dirty-<YYYYMMDDHHMMSS>`, dated now (UTC), so its
files' dates differ from every other release's. The version is written into sw.js
(YINGSU_RELEASE_VERSION) as well.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SITE_FOLDER = "yingsu"  # the folder name in the archive = the sub-path it is served under

# Drop-in server configuration copied into the site folder: (source in deploy/, name in the site).
DROP_INS = (
    ("iis/web.config", "web.config"),
    ("apache/.htaccess", ".htaccess"),
    ("tomcat/web.xml", "WEB-INF/web.xml"),
)
# Reference copies under deploy/ in the archive.
REFERENCE = ("nginx/yingsu.conf", "iis/web.config", "apache/.htaccess", "apache/yingsu.conf",
             "tomcat/web.xml")

# Material's content-hashed assets (name.<8 hex>.min.js/css): safe to cache for a year.
HASHED_ASSET = re.compile(r"^assets/.+\.[0-9a-f]{8}\.min\.(js|css)$")
IIS_MARKER = "<!-- HASHED-ASSETS -->"

ZIP_EPOCH_MIN = 315532800  # 1980-01-01T00:00:00Z, the earliest date a zip entry can carry


class ReleaseError(RuntimeError):
    pass


def git(*args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ReleaseError(f"git {' '.join(args)} 失败：{proc.stderr.strip()}")
    return proc.stdout.strip()


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH if set, else the commit time of HEAD."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    return int(git("log", "-1", "--format=%ct"))


def is_dirty() -> bool:
    return bool(git("status", "--porcelain"))


def version(epoch: int, dirty_at: int | None = None) -> str:
    """`<tag>` for a tagged commit, else `<YYYYMMDD>-<short commit>`; for a build of uncommitted
    changes (dirty_at: its time) `-dirty-<YYYYMMDDHHMMSS>`."""
    if os.environ.get("YINGSU_VERSION"):
        return os.environ["YINGSU_VERSION"]
    try:
        base = git("describe", "--tags", "--exact-match")
    except ReleaseError:
        base = time.strftime("%Y%m%d", time.gmtime(epoch)) + "-" + git("rev-parse", "--short=7", "HEAD")
    if not re.fullmatch(r"[0-9A-Za-z._-]+", base):
        raise ReleaseError(f"版本号 {base!r} 含有不能用作文件名的字符")
    return base + (time.strftime("-dirty-%Y%m%d%H%M%S", time.gmtime(dirty_at)) if dirty_at is not None else "")


DIRTY_REFUSED = ("工作区有未提交的修改（{files}）。发布包必须由一次提交生成，否则文件日期与上一版相同，"
                 "服务器和浏览器会认为文件未变，用户可能一直使用旧版本。请先提交（git commit），再运行 bash dev.sh release；"
                 "只为试用可加 --allow-dirty（版本号带 -dirty 和生成时间）。")


def build_site(site_dir: Path, epoch: int, release_version: str = "") -> None:
    """mkdocs build --strict into site_dir with a fixed build date."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1",
               YINGSU_RELEASE_VERSION=release_version)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                           "--site-dir", str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ReleaseError(f"构建网站失败：\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")


def site_files(site_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(site_dir).as_posix(): p.read_bytes()
            for p in sorted(site_dir.rglob("*")) if p.is_file()}


def iis_config(site: dict[str, bytes]) -> bytes:
    """deploy/iis/web.config with a one-year cache for each of this build's hashed assets
    (IIS cannot match file names by pattern without the URL Rewrite module)."""
    template = (DEPLOY / "iis" / "web.config").read_text(encoding="utf-8")
    if IIS_MARKER not in template:
        raise ReleaseError(f"deploy/iis/web.config 中缺少标记 {IIS_MARKER}")
    blocks = []
    for name in sorted(n for n in site if HASHED_ASSET.match(n)):
        blocks.append(
            f'  <location path="{name}">\n'
            "    <system.webServer>\n"
            "      <staticContent>\n"
            '        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" />\n'
            "      </staticContent>\n"
            "    </system.webServer>\n"
            "  </location>")
    return template.replace(IIS_MARKER, IIS_MARKER + "\n" + "\n".join(blocks)).encode("utf-8")


def deploy_note(release: str, epoch: int) -> bytes:
    """deploy/DEPLOY.txt with the version filled in; UTF-8 with BOM and CRLF for Windows' Notepad."""
    text = (DEPLOY / "DEPLOY.txt").read_text(encoding="utf-8")
    text = text.replace("{version}", release).replace(
        "{date}", time.strftime("%Y-%m-%d", time.gmtime(epoch))).replace("{folder}", SITE_FOLDER)
    return b"\xef\xbb\xbf" + text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def members(site_dir: Path, release: str, epoch: int) -> dict[str, bytes]:
    """Every file of the archive but SHA256SUMS: name -> bytes."""
    site = site_files(site_dir)
    out = {f"{SITE_FOLDER}/{name}": data for name, data in site.items()}
    for source, target in DROP_INS:
        out[f"{SITE_FOLDER}/{target}"] = iis_config(site) if source == "iis/web.config" \
            else (DEPLOY / source).read_bytes()
    for name in REFERENCE:
        out[f"deploy/{name}"] = (DEPLOY / name).read_bytes()
    out["DEPLOY.txt"] = deploy_note(release, epoch)
    out["check_deploy.py"] = (ROOT / "scripts" / "check_deploy.py").read_bytes()
    return out


def checksums(files: dict[str, bytes]) -> bytes:
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())).encode()


def write_zip(target, files: dict[str, bytes], epoch: int) -> None:
    """A zip that depends on nothing but `files` and `epoch`."""
    date_time = time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    with zipfile.ZipFile(target, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3                 # Unix, whatever OS builds it
            info.external_attr = 0o100644 << 16    # regular file, rw-r--r--
            archive.writestr(info, files[name], compresslevel=9)


def release(out_dir: Path, allow_dirty: bool = False) -> tuple[Path, str]:
    """Build the site and write out_dir/yingsu-<version>.zip and .zip.sha256; return (zip, sha256)."""
    epoch = source_date_epoch()
    dirty_at = None
    if is_dirty():
        if not allow_dirty:
            changed = [line.split(maxsplit=1)[-1] for line in git("status", "--porcelain").splitlines()]
            raise ReleaseError(DIRTY_REFUSED.format(files="、".join(changed[:5]) + ("等" if len(changed) > 5 else "")))
        dirty_at = epoch = int(time.time())   # dated now: no earlier release has these dates
    name = f"yingsu-{version(epoch, dirty_at)}"
    with tempfile.TemporaryDirectory(prefix="yingsu-release-") as tmp:
        site_dir = Path(tmp) / SITE_FOLDER
        build_site(site_dir, epoch, name.removeprefix("yingsu-"))
        files = members(site_dir, name.removeprefix("yingsu-"), epoch)
    files["SHA256SUMS"] = checksums(files)
    out_dir.mkdir(parents=True, exist_ok=True)
    zip_path = out_dir / f"{name}.zip"
    buffer = io.BytesIO()
    write_zip(buffer, files, epoch)
    zip_path.write_bytes(buffer.getvalue())
    digest = hashlib.sha256(buffer.getvalue()).hexdigest()
    (out_dir / f"{name}.zip.sha256").write_text(f"{digest}  {zip_path.name}\n", encoding="ascii")
    return zip_path, digest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成发布包 build/yingsu-<版本>.zip")
    parser.add_argument("--out", type=Path, default=ROOT / "build", help="输出目录（默认 build/）")
    parser.add_argument("--allow-dirty", action="store_true",
                        help="工作区有未提交的修改时仍生成（仅供试用：版本号带 -dirty 和生成时间）")
    args = parser.parse_args(argv)
    try:
        zip_path, digest = release(args.out, args.allow_dirty)
    except ReleaseError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    size = zip_path.stat().st_size
    print(f"{zip_path}  {size / 1e6:.1f} MB\nSHA-256 {digest}")
    if "-dirty-" in zip_path.stem:
        print("注意：工作区有未提交的修改，此发布包不能由提交记录重现，仅供试用。", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# One entry point for a fresh Debian machine (Python 3.11):
#   bash dev.sh serve   install what is missing, build the site, serve it at http://127.0.0.1:8000/
#   bash dev.sh test    install what is missing, then run every test (what .ci/run calls);
#                       `.venv/bin/pytest` alone runs the fast loop (rules, text, build functions)
#   bash dev.sh build   install what is missing and build the static site into site/
#   bash dev.sh release install what is missing and write build/yingsu-<version>.zip (+ .sha256),
#                       the reproducible archive an administrator deploys (scripts/release.py)
set -euo pipefail
cd "$(dirname "$0")"

PORT="${PORT:-8000}"
VENV="${VENV:-.venv}"   # another checkout may use this one's environment
# nginx, apache2 (with apache2-utils' ab) and tomcat10: the tests deploy the release to each for real;
# libreoffice-writer-nogui and poppler-utils: the tests render the court papers to PDF and read them
APT_PACKAGES=(python3-venv nodejs npm chromium fonts-noto-cjk nginx apache2 tomcat10 zip libreoffice-writer-nogui poppler-utils)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31m错误：%s\033[0m\n' "$*" >&2; exit 1; }

missing_apt_packages() {
  local missing=()
  command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -x /usr/sbin/apache2 ] && command -v ab >/dev/null || missing+=(apache2)
  [ -f /usr/share/tomcat10/bin/catalina.sh ] || missing+=(tomcat10)
  command -v zip >/dev/null || missing+=(zip)
  command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)   # tests: .docx rendered to PDF
  command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || missing+=(poppler-utils)
  python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)
  echo "${missing[@]:-}"
}

setup_system() {
  command -v python3 >/dev/null || die "未找到 python3，请先安装 Python 3.11 或更高版本。"
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "需要 Python 3.11 或更高版本，当前为 $(python3 --version)。"
  local missing
  missing=$(missing_apt_packages)
  [ -z "$missing" ] && return
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    die "缺少系统软件包：$missing。请以 root 身份运行 apt-get install -y $missing 后重试。"
  fi
  say "安装系统软件包：$missing"
  apt-get update -qq || die "apt-get update 失败，请检查软件源。"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null \
    || die "安装 $missing 失败，请检查软件源。"
}

setup_python() {
  [ -x "$VENV/bin/python" ] || { say "创建 Python 虚拟环境 $VENV"; python3 -m venv "$VENV"; }
  local stamp="$VENV/.requirements.lock.sha256"
  if ! sha256sum --status -c "$stamp" 2>/dev/null; then
    say "安装 Python 依赖（requirements.lock，校验哈希）"
    "$VENV/bin/pip" install -q --disable-pip-version-check --require-hashes -r requirements.lock \
      || die "安装 Python 依赖失败。"
    sha256sum requirements.lock > "$stamp"
  fi
}

setup_node() {
  local stamp="node_modules/.package-lock.json.sha256"
  if ! sha256sum --status -c "$stamp" 2>/dev/null; then
    say "安装 npm 依赖（package-lock.json，校验完整性）"
    npm ci --no-audit --no-fund --loglevel=error || die "npm ci 失败。"
    sha256sum package-lock.json > "$stamp"
  fi
}

setup_pyodide_wheels() {
  # pure-Python wheels for running the calculator tests inside Pyodide (tests/pyodide/)
  local stamp="build/pyodide-wheels/requirements.txt.sha256"
  if ! sha256sum --status -c "$stamp" 2>/dev/null; then
    say "下载 Pyodide 测试所需的纯 Python 包（tests/pyodide/requirements.txt，校验哈希）"
    mkdir -p build/pyodide-wheels
    "$VENV/bin/pip" download -q --disable-pip-version-check --require-hashes --no-deps --only-binary :all: \
      --platform any --python-version 3.13 --implementation py \
      -r tests/pyodide/requirements.txt -d build/pyodide-wheels || die "下载 Pyodide 测试依赖失败。"
    sha256sum tests/pyodide/requirements.txt > "$stamp"
  fi
}

setup() { setup_system; setup_python; setup_node; setup_pyodide_wheels; }

build() {
  say "构建静态网站 site/"
  # python -m from the repository root: calculators/ and macros/ import as packages (pyproject.toml);
  # prints the theme's end-of-life notice (ARCHITECTURE.md)
  "$VENV/bin/python" -m mkdocs build --strict --quiet
}

case "${1:-}" in
  setup) setup ;;
  build) setup; build ;;
  serve)
    setup; build
    say "本地访问：http://127.0.0.1:$PORT/   （按 Ctrl+C 停止）"
    exec "$VENV/bin/python" -m http.server "$PORT" --bind 127.0.0.1 --directory site
    ;;
  release)
    setup_system; setup_python; setup_node   # what the build needs (not the test-only wheels)
    shift
    say "生成发布包（build/yingsu-<版本>.zip）"
    exec "$VENV/bin/python" scripts/release.py "$@"
    ;;
  test)
    setup
    shift
    # every test (the site, browser and slow ones too: plain `pytest` runs only the fast loop), the
    # slowest printed at the end; the theme's end-of-life notice in the summary (tests/conftest.py)
    exec "$VENV/bin/pytest" -m "" --durations=15 "$@"
    ;;
  *)
    echo "用法：bash dev.sh serve | test | build | release"; exit 64 ;;
esac

"""No developer words on the pages readers use (issue 19): the main content of every built page
outside the administrators' pages (admin/), and the messages the page scripts show, are
scanned for words that mean something only to a developer — program and file-format names,
file paths, package names.

Where such words remain in files another piece of work owns, they are listed below by name,
page and owning file (EXPECTED_PAGES, EXPECTED_SCRIPTS): the test fails both on any new
offender and on a listed one that is gone, so the lists are emptied as those files are fixed.
Administrators get these details on the admin pages, which are not scanned.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from site_html import load_pages

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"

# Developer words: the issue's list (Pyodide, JSON, Markdown, chinesecalendar, .json) and the
# others found on the site's pages and scripts.
DEVELOPER_WORDS = re.compile(
    r"Pyodide|JSON|Markdown|chinesecalendar|\.json\b|YAML|\.ya?ml\b|mkdocs|pytest|Python|\.py\b|\.md\b|"
    r"github|commit|LawRefBook|\bnpm\b|WebAssembly|\bwasm\b|localStorage|IndexedDB|\bHTML\b|JavaScript|"
    r"Service ?Worker|Web Worker|file://|Content-Security-Policy|worker-src|\bMIME\b|\bHTTP\b|calculators/|"
    r"[\w-]+\.js\b|\bdata/", re.IGNORECASE)

# Offenders (page, word) -> the file that owns the text: none left on the pages.
EXPECTED_PAGES = {
}
# Kept on purpose: failure messages a reader passes on to the administrator, naming what the
# server must be set to (the file type application/wasm, the HTTP status, http:// addresses).
EXPECTED_SCRIPTS = {
    ("calc-runtime.js", "HTTP"): "calc-runtime.js — MESSAGES.fileProtocol (“http:// 或 https:// 地址”)",
    ("calc-runtime.js", "MIME"): "calc-runtime.js — MESSAGES.timeout",
    ("calc-runtime.js", "wasm"): "calc-runtime.js — MESSAGES.timeout (“.wasm”, “application/wasm”)",
    ("calc-worker.js", "MIME"): "calc-worker.js — MESSAGES.mime, MESSAGES.wasmHint",
    ("calc-worker.js", "wasm"): "calc-worker.js — MESSAGES.mime, MESSAGES.wasmHint",
    ("calc-worker.js", "HTTP"): "calc-worker.js — MESSAGES.runtimeMissing, MESSAGES.archiveMissing (“HTTP {status}”)",
}

ATTRIBUTES = re.compile(r'\b(?:title|aria-label|placeholder|alt)="([^"]*)"')
TAGS = re.compile(r"<[^>]+>")
CJK = re.compile(r"[\u4e00-\u9fff]")
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'')


def words(text: str) -> set[str]:
    """The developer words in `text`, in lower case without a leading dot."""
    return {m.group(0).lstrip(".").lower() for m in DEVELOPER_WORDS.finditer(text)}


def normal(word: str) -> str:
    return word.lstrip(".").lower()


def visible_text(page) -> str:
    """What a reader sees of the page's main content: its text and its tooltips."""
    raw = page.path.read_text(encoding="utf-8")
    start = raw.find('<article class="md-content__inner')
    end = raw.find("</article>", start)
    body = raw[start:end] if start >= 0 else ""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    tips = " ".join(ATTRIBUTES.findall(body))
    return html.unescape(TAGS.sub(" ", body) + " " + tips)


def test_pattern_finds_the_words_of_the_issue():
    sample = "运行环境（Pyodide）导出（JSON 文件）Markdown 格式 chinesecalendar calculators/data/holidays.json"
    assert {"pyodide", "json", "markdown", "chinesecalendar", "calculators/", "data/"} <= words(sample)
    assert words("答辩状、证据目录，可打印或下载 Word 文件（.docx）") == set()


def test_no_developer_words_on_user_pages(built_site):
    found = {}
    for url, page in load_pages(built_site).items():
        if url.startswith(("admin/", "assets/")) or not page.path.name.endswith(".html"):
            continue
        for word in words(visible_text(page)):
            found[(url, word)] = True
    expected = {(url, normal(word)): owner for (url, word), owner in EXPECTED_PAGES.items()}
    new = sorted(set(found) - set(expected))
    gone = sorted(set(expected) - set(found))
    assert not new, f"developer words on user pages (page, word): {new}"
    assert not gone, f"fixed — remove from EXPECTED_PAGES: {[(k, expected[k]) for k in gone]}"


def script_messages() -> dict[str, list[str]]:
    """file name -> the string literals of the page scripts that a reader can see (those
    holding Chinese text; console lines excluded)."""
    out = {}
    for path in sorted(SCRIPTS.glob("*.js")):
        messages = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith(("//", "*", "/*")) or "console." in line:
                continue
            for m in LITERAL.finditer(line):
                text = m.group(1) if m.group(1) is not None else m.group(2)
                if CJK.search(text):
                    messages.append(text)
        out[path.name] = messages
    return out


def test_no_developer_words_in_what_the_page_scripts_show():
    found = set()
    for name, messages in script_messages().items():
        for text in messages:
            found |= {(name, word) for word in words(text)}
    expected = {(name, normal(word)): owner for (name, word), owner in EXPECTED_SCRIPTS.items()}
    new = sorted(found - set(expected))
    gone = sorted(set(expected) - found)
    assert not new, f"developer words in script messages (file, word): {new}"
    assert not gone, f"fixed — remove from EXPECTED_SCRIPTS: {[(k, expected[k]) for k in gone]}"

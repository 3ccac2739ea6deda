"""Reading the papers back from PDF (poppler's pdftotext and pdfinfo), shared by the .docx →
LibreOffice test and the browser-print test: the text of each page as its lines, and the
checks a clerk makes with the eye — no page holds only a signature block, the block is never
split, every full line of body text holds 28 characters."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

PAGE_NUMBER = re.compile(r"^[—–-]\s*\d+\s*[—–-]$")
SPACE = re.compile(r"\s+")


def pages(pdf: Path) -> list[list[str]]:
    """Each page's non-blank lines, whitespace removed, page numbers ("— 1 —") left out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for page in text.split("\f"):
        lines = [SPACE.sub("", line) for line in page.splitlines()]
        out.append([line for line in lines if line and not PAGE_NUMBER.match(line)])
    while out and not out[-1]:
        out.pop()
    return out


def page_numbers(pdf: Path) -> list[str]:
    """The page-number lines as printed ("—1—"), in page order."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [SPACE.sub("", line) for line in text.splitlines() if PAGE_NUMBER.match(SPACE.sub("", line))]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def signature_problems(doc: dict, page_lines: list[list[str]], minimum: int = 2) -> list[str]:
    """What is wrong with where the signature blocks of `doc` (its model) fell: a block split
    over two pages, or a page with fewer than `minimum` lines of other text (attachment lines
    after the signature do not count: they are not above it)."""
    problems = []
    for block in (b for b in doc["blocks"] if b["type"] == "signature"):
        wanted = [SPACE.sub("", line) for line in block["lines"]]
        where = [i for i, lines in enumerate(page_lines) if any(w in lines for w in wanted)]
        if len(where) != 1:
            problems.append(f"{doc['id']}: signature block on pages {where}")
            continue
        lines = page_lines[where[0]]
        first = min(lines.index(w) for w in wanted if w in lines)
        if not all(w in lines for w in wanted):
            problems.append(f"{doc['id']}: signature block split (page {where[0] + 1})")
        above = [line for line in lines[:first] if line not in wanted]
        if len(above) < minimum:
            problems.append(f"{doc['id']}: page {where[0] + 1} holds the signature block with {len(above)} line(s) "
                            f"of text above it: {lines}")
    return problems


def full_lines(page_lines: list[list[str]], paragraph: str) -> list[str]:
    """The lines of `paragraph` (pure Chinese text, no spaces) as laid out, but its first and
    last, which are shorter by the indent and the paragraph's end."""
    found = []
    for lines in page_lines:
        for line in lines:
            if line and line in paragraph:
                found.append(line)
    return found[1:-1]

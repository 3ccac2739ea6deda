"""The document model: the blocks every generated document is made of.

One model feeds the page (HTML), print and the .docx writer; each renderer knows only these
block types:

- ``{"type": "heading", "level": 1 | 2, "text"}`` — level 1 is the document's title; a heading
  always stays on the page of the text after it;
- ``{"type": "paragraph", "text", "indent": bool, "align": "left" | "center" | "right",
  "left"?: n, "keep_next"?: true, "attachment"?: true}`` — ``left``: the whole paragraph indented
  n characters (the lines of an attachment list); ``keep_next``: kept on the page of the block
  after it; ``attachment``: a line of an attachment list (附), kept together;
- ``{"type": "table", "columns": [str], "widths": [int], "rows": [{"cells": [str]} | {"group": str}],
  "compact"?: true, "breakable"?: true, "whole"?: true, "header"?: false}`` (widths in per cent; a ``group`` row spans the whole
  table and stays on the page of the row after it; ``compact``: a long table in a smaller size
  whose rows may break across pages; ``breakable``: rows may break across pages at the usual
  size; ``whole``: never split over two pages; ``header: false``: a form table without a header row, its
  first column in bold; a cell's ``\\n`` starts a new line; ``keep_end``: its last rows stay on
  the page of what follows, set by ``document()`` before a signature block);
- ``{"type": "signature", "lines": [str], "seal": bool, "keep_next"?: true}`` — the signature
  block, right-aligned,
  never split and never alone on a page: ``document()`` marks the text before it ``keep_next``
  (at least two lines). ``seal``: the paper is sealed there — the page shows where, the paper
  itself carries no words about it;
- ``{"type": "note", "text"}`` — guidance for the staff member, shown on screen only, never
  printed nor written to the .docx.

Text is plain text: renderers escape it. ``【……】`` marks a place where the user must add facts.
"""
import datetime as dt
import math
import re

LINE_CHARS = 28          # GB/T 9704: 28 characters a line
KEEP_LINES = 2           # text lines kept on the page of a signature block


def placeholder(what: str) -> str:
    """【what】: facts the staff member must add before filing."""
    return f"【{what}】"


def cn_date(day: dt.date | None) -> str:
    """2026-11-26 -> 2026年11月26日 (Arabic numerals, as official documents write dates);
    no date -> a placeholder to fill in by hand."""
    if day is None:
        return placeholder("    年  月  日")
    return f"{day.year}年{day.month}月{day.day}日"


def or_placeholder(value: str, what: str) -> str:
    return value if value else placeholder(what)


def heading(text: str, level: int = 2) -> dict:
    return {"type": "heading", "level": level, "text": text}


def title(text: str) -> dict:
    return heading(text, 1)


def paragraph(text: str, *, indent: bool = True, align: str = "left", left: int = 0) -> dict:
    out = {"type": "paragraph", "text": text, "indent": indent, "align": align}
    if left:
        out["left"] = left
    return out


def line(text: str) -> dict:
    """A paragraph without first-line indent (party particulars, addressee)."""
    return paragraph(text, indent=False)


def lines_of(text: str) -> list[str]:
    """The non-blank lines of the user's multi-line text, stripped."""
    return [part.strip() for part in text.splitlines() if part.strip()]


def paragraphs(text: str, what: str, *, prefix: str = "") -> list[dict]:
    """The user's multi-line text as indented paragraphs (blank lines dropped); nothing typed ->
    one paragraph with a placeholder. `prefix` goes before the first paragraph."""
    parts = lines_of(text) or [placeholder(what)]
    return [paragraph((prefix if i == 0 else "") + part) for i, part in enumerate(parts)]


def table(columns: list[str], widths: list[int], rows: list[dict], *, compact: bool = False,
          header: bool = True, breakable: bool = False, whole: bool = False) -> dict:
    """compact: a long table set in a smaller size (五号) whose rows may break across pages;
    breakable: rows may break across pages (long cells) at the usual size; whole: a short
    table never split over two pages (an approval box)."""
    assert len(columns) == len(widths) and sum(widths) == 100
    assert all(len(r["cells"]) == len(columns) for r in rows if "cells" in r)
    out = {"type": "table", "columns": columns, "widths": widths, "rows": rows}
    if compact:
        out["compact"] = True
    if not header:
        out["header"] = False
    if breakable:
        out["breakable"] = True
    if whole:
        out["whole"] = True
    return out


def row(*cells: str) -> dict:
    return {"cells": list(cells)}


def group(text: str) -> dict:
    return {"group": text}


def signature(*lines: str, seal: bool = True) -> dict:
    return {"type": "signature", "lines": list(lines), "seal": seal}


def note(text: str) -> dict:
    return {"type": "note", "text": text}


def attachment_lines(label: str, items: list[str]) -> list[dict]:
    """附：1. …； / 2. …。 — one line each, the later ones aligned under the first number."""
    if len(items) == 1:                        # one item: no number
        return [dict(line(f"{label}：{items[0]}。"), attachment=True)]
    out = []
    for index, text in enumerate(items, 1):
        end = "。" if index == len(items) else "；"
        if index == 1:
            block = line(f"{label}：{index}. {text}{end}")
        else:
            block = paragraph(f"{index}. {text}{end}", indent=False, left=len(label) + 1)
        block["attachment"] = True
        if index < len(items):
            block["keep_next"] = True      # the list is never split
        out.append(block)
    return out


def box(ticked: bool) -> str:
    """A tick box as the element-style forms print it."""
    return "☑" if ticked else "☐"


def estimated_lines(block: dict) -> int:
    """How many lines of 28 characters a paragraph takes (the first indented two)."""
    text = block["text"]
    extra = 2 if block.get("indent") else block.get("left", 0)
    return max(1, math.ceil((len(text) + extra) / LINE_CHARS))


def keep_with_signature(blocks: list[dict]) -> None:
    """Mark the text before each signature block ``keep_next`` until at least KEEP_LINES lines
    of text go with it: a page never holds a signature block alone. An attachment list right
    after the signature stays with it too."""
    for index, block in enumerate(blocks):
        if block["type"] != "signature":
            continue
        after = next((b for b in blocks[index + 1:] if b["type"] != "note"), None)
        if after is not None and after.get("attachment"):
            block["keep_next"] = True
        covered = 0
        for before in reversed(blocks[:index]):
            if before["type"] == "note":
                continue
            if before["type"] == "table":      # its last rows stay with what follows
                before["keep_end"] = True
                break
            if before["type"] not in ("paragraph", "heading") or before.get("level") == 1:
                break
            before["keep_next"] = True
            covered += estimated_lines(before)
            if covered >= KEEP_LINES and len(before["text"]) >= LINE_CHARS // 2:
                break


def document(doc_id: str, title_text: str, blocks: list[dict], *, case_number: str = "",
             basis: list[str] = ()) -> dict:
    """A document of the package: id, title, the file name (without .docx) and its blocks."""
    keep_with_signature(blocks)
    return {"id": doc_id, "title": title_text, "filename": filename(case_number, title_text),
            "blocks": blocks, "refs": list(dict.fromkeys(basis))}


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
MAX_NAME = 80


def filename(case_number: str, title_text: str) -> str:
    """A file name Windows accepts: 案号-标题, characters Windows forbids replaced by “_”; a long
    case number is shortened, never the title, so the papers of one case keep distinct names."""
    title_text = _UNSAFE.sub("_", title_text).strip(" .")
    number = _UNSAFE.sub("_", case_number).strip(" .")[:max(0, MAX_NAME - len(title_text) - 1)].rstrip(" .")
    return f"{number}-{title_text}" if number else title_text


def distinct_filenames(docs: list[dict]) -> None:
    """Two papers of one package never share a file name (a second one gets （2）)."""
    seen: dict[str, int] = {}
    for doc in docs:
        name = doc["filename"]
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            doc["filename"] = f"{name}（{seen[name]}）"

"""The document model: the blocks every generated document is made of.

One model feeds the page (HTML), print and the .docx writer; each renderer knows only these
block types:

- ``{"type": "heading", "level": 1 | 2, "text"}`` — level 1 is the document's title;
- ``{"type": "paragraph", "text", "indent": bool, "align": "left" | "center" | "right"}``;
- ``{"type": "table", "columns": [str], "widths": [int], "rows": [{"cells": [str]} | {"group": str}],
  "compact"?: true}`` (widths in per cent; a ``group`` row spans the whole table, e.g. an evidence
  category; ``compact``: a long table in a smaller size whose rows may break across pages);
- ``{"type": "signature", "lines": [str]}`` — the signature block, right-aligned;
- ``{"type": "note", "text"}`` — guidance for the staff member, shown on screen only, never
  printed nor written to the .docx.

Text is plain text: renderers escape it. ``【……】`` marks a place where the user must add facts.
"""
import datetime as dt
import re

SEAL = "（加盖应诉机关印章）"   # measures/17/1, measures/19/4


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


def paragraph(text: str, *, indent: bool = True, align: str = "left") -> dict:
    return {"type": "paragraph", "text": text, "indent": indent, "align": align}


def line(text: str) -> dict:
    """A paragraph without first-line indent (party particulars, 此致, addressee)."""
    return paragraph(text, indent=False)


def paragraphs(text: str, what: str, *, prefix: str = "") -> list[dict]:
    """The user's multi-line text as indented paragraphs (blank lines dropped); nothing typed ->
    one paragraph with a placeholder. `prefix` goes before the first paragraph."""
    lines = [part.strip() for part in text.splitlines() if part.strip()] or [placeholder(what)]
    return [paragraph((prefix if i == 0 else "") + part) for i, part in enumerate(lines)]


def table(columns: list[str], widths: list[int], rows: list[dict], *, compact: bool = False) -> dict:
    """compact: a long table set in a smaller size (五号) whose rows may break across pages."""
    assert len(columns) == len(widths) and sum(widths) == 100
    assert all(len(r["cells"]) == len(columns) for r in rows if "cells" in r)
    out = {"type": "table", "columns": columns, "widths": widths, "rows": rows}
    if compact:
        out["compact"] = True
    return out


def row(*cells: str) -> dict:
    return {"cells": list(cells)}


def group(text: str) -> dict:
    return {"group": text}


def signature(*lines: str) -> dict:
    return {"type": "signature", "lines": list(lines)}


def note(text: str) -> dict:
    return {"type": "note", "text": text}


def document(doc_id: str, title_text: str, blocks: list[dict], *, case_number: str = "",
             basis: list[str] = ()) -> dict:
    """A document of the package: id, title, the file name (without .docx) and its blocks."""
    return {"id": doc_id, "title": title_text, "filename": filename(case_number, title_text),
            "blocks": blocks, "refs": list(dict.fromkeys(basis))}


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def filename(case_number: str, title_text: str) -> str:
    """A file name Windows accepts: 案号-标题, characters Windows forbids replaced by “_”."""
    stem = f"{case_number}-{title_text}" if case_number else title_text
    stem = _UNSAFE.sub("_", stem).strip(" .")
    return stem[:80] or title_text

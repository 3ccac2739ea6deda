"""The index of the topic pages (docs/topics/*.md): one page per question people ask, titled
with the question itself so that the site search finds it with the reader's own words."""
from __future__ import annotations

from pathlib import Path

import yaml

from . import site_map

DOCS = Path(__file__).resolve().parent.parent / "docs"


def pages() -> list[dict]:
    """Front matter (title, order, summary) and source path of every topic page, in `order`."""
    out = []
    for path in sorted((DOCS / "topics").glob("*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            raise ValueError(f"{path.name}: topic page without front matter")
        meta = yaml.safe_load(text.split("---\n", 2)[1])
        out.append({"src": f"topics/{path.name}", "title": meta["title"], "order": meta.get("order", 99)})
    return sorted(out, key=lambda p: (p["order"], p["src"]))


def index(page: str) -> str:
    return "\n".join(f"{n}. [{p['title']}]({site_map.relative(page, p['src'])})"
                     for n, p in enumerate(pages(), 1)) + "\n"

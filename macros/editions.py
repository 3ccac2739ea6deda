"""The pages and navigation of every edition of the measures, generated from the data.

Each edition's text (calculators/data/measures.json, measures@<edition>.json) gets an index page
(the issuing notice and the article index) and one page per chapter, in its own folder
(measures/ for the first edition, measures-<edition>/ for later ones, so that no URL ever changes
meaning). The navigation leads with the newest edition; the others follow, each under its
validity. Adding an edition is adding its data file: nothing here names one.
"""
from __future__ import annotations

from calculators import provisions
from calculators.numerals import to_chinese as chinese

INDEX = """---
title: {title}
---

# {heading}

## 印发通知 {{ #notice }}

{{{{ notice('{edition}') }}}}

## 条文索引 {{ #article-index }}

{{{{ article_index('{edition}') }}}}
"""

CHAPTER = """---
title: {title}
---

# {title}

{{{{ chapter({number}, '{edition}') }}}}
"""


def span(edition: provisions.Edition) -> str:
    """2022-02-01至2027-01-31 — an edition's validity as the badge shows it."""
    return f"{edition.effective_from}至{edition.effective_until or '—'}"


def _chapter_title(chapter: dict) -> str:
    return f"第{chinese(chapter['number'])}章 {chapter['title']}"


def pages() -> dict[str, str]:
    """docs path -> Markdown of every edition's pages."""
    out = {}
    default = provisions.default_edition("measures")
    for edition in provisions.editions("measures"):
        doc = provisions.instrument(edition.id)
        newest = edition == default
        suffix = "" if newest else f"（{edition.edition}年版）"
        out[f"{edition.path}/index.md"] = INDEX.format(
            title=f"管理办法全文与条文索引{suffix}", heading=doc["title"] + suffix, edition=edition.id)
        for chapter in doc["chapters"]:
            out[f"{edition.path}/chapter-{chapter['number']}.md"] = CHAPTER.format(
                title=_chapter_title(chapter), number=chapter["number"], edition=edition.id)
    return out


def nav() -> list:
    """The 管理办法 section: the newest edition's index and chapters, then each older edition."""
    eds = list(reversed(provisions.editions("measures")))

    def entries(edition):
        doc = provisions.instrument(edition.id)
        return [f"{edition.path}/index.md",
                *({_chapter_title(c): f"{edition.path}/chapter-{c['number']}.md"} for c in doc["chapters"])]

    section = entries(eds[0])
    for edition in eds[1:]:
        section.append({f"{edition.edition}年版（{span(edition)}）": entries(edition)})
    return section


def of_page(src_uri: str) -> provisions.Edition | None:
    """The edition whose pages include `src_uri`, or None."""
    folder = src_uri.split("/", 1)[0]
    for edition in provisions.editions("measures"):
        if edition.path == folder:
            return edition
    return None

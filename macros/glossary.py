"""The glossary of defined terms (macros/glossary.yml) and its tooltips in pages."""
import html
import re
from functools import lru_cache
from pathlib import Path

import yaml

from calculators import provisions

SOURCE = Path(__file__).with_name("glossary.yml")
# Text inside these elements is never wrapped (links, headings, code, existing tooltips).
_SKIP = {"a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6",
         "button", "label", "textarea", "select", "option", "title", "svg", "dfn"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed"}


@lru_cache(maxsize=None)
def terms() -> list[dict]:
    """Glossary entries with their citation label, longest term first."""
    entries = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    for e in entries:
        e["label"] = provisions.label(e["ref"], short=True)
    return sorted(entries, key=lambda e: -len(e["term"]))


def anchor(term: str) -> str:
    """Id of a term's row on the glossary page (the term itself: ids may be Chinese)."""
    return "term-" + re.sub(r"[\s，、。]+", "-", term)


def tooltip(entry: dict) -> str:
    return f"{entry['definition']}（{entry['label']}）"


@lru_cache(maxsize=None)
def _pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(e["term"]) for e in terms()))


def annotate(page_html: str) -> str:
    """Wrap the first occurrence of each term per section (between headings) in <abbr>."""
    by_term = {e["term"]: e for e in terms()}
    out, pos, stack, seen = [], 0, [], set()
    for m in _TAG.finditer(page_html):
        out.append(_wrap(page_html[pos:m.start()], stack, seen, by_term))
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if name in {"h1", "h2", "h3", "h4"} and not closing:
            seen = set()
        if name not in _VOID and not selfclose:
            if closing:
                if name in stack:
                    while stack and stack.pop() != name:
                        pass
            else:
                stack.append(name)
        out.append(m.group(0))
        pos = m.end()
    out.append(_wrap(page_html[pos:], stack, seen, by_term))
    return "".join(out)


def _wrap(text: str, stack: list, seen: set, by_term: dict) -> str:
    if not text.strip() or any(tag in _SKIP for tag in stack):
        return text

    def repl(m: re.Match) -> str:
        term = m.group(0)
        if term in seen:
            return term
        seen.add(term)
        # tabindex: keyboard users reach the term with Tab; the theme's tooltip (content.tooltips)
        # shows on focus as on hover
        return f'<abbr class="term" tabindex="0" title="{html.escape(tooltip(by_term[term]))}">{term}</abbr>'

    return _pattern().sub(repl, text)

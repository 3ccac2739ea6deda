"""Links from the learning pages (guide, topics, training) to provisions and pages.

Two forms: Markdown links (docs-relative ``.md`` paths, which MkDocs checks and rewrites) for
text that goes through Markdown, and built-site URLs (directory URLs, relative to the page)
for raw HTML such as the quiz and the SVG flowcharts, which MkDocs does not rewrite.

Texts in the data files cite provisions as ``[[measures/38/1]]`` (a link named by the
provision, e.g. 《办法》第三十八条第一款) or ``[[alp/67/1|十五日内]]`` (a link with other text).
"""
from __future__ import annotations

import html
import posixpath
import re

from calculators import provisions, urls

from . import render, site_map

REF_LINK = re.compile(r"\[\[([a-z-]+(?:/\d+)+)(?:\|([^\]]+))?\]\]")


def check_ref(ref: str, where: str) -> None:
    """A cited provision must exist and be published on the site (or the link would break)."""
    if not provisions.exists(ref):
        raise ValueError(f"{where}：引用的条款 {ref} 不存在")
    if not site_map.is_published(ref):
        raise ValueError(f"{where}：引用的条款 {ref} 未在本站发布，无法链接")


def md_link(ref: str, page: str, text: str | None = None, *, short: bool = False) -> str:
    """Markdown link to a provision, named as the link() macro names it (or by the short label,
    or by `text`)."""
    name = render.escape(text) if text else (short_label(ref) if short else render.ref_title(ref))
    return f"[{name}]({site_map.relative(page, site_map.target(ref))})"


def expand(text: str, page: str, where: str = "") -> str:
    """Markdown text with its [[ref]] / [[ref|text]] citations turned into links."""
    def repl(m: re.Match) -> str:
        check_ref(m.group(1), where or text[:20])
        return md_link(m.group(1), page, m.group(2))
    return REF_LINK.sub(repl, text)


def md_text(text: str, page: str, where: str = "", *, short: bool = False) -> str:
    """Plain text (escaped: no Markdown or HTML of its own) with [[ref]] citations as links —
    for texts a trainer writes into the data files."""
    out, pos = [], 0
    for m in REF_LINK.finditer(text):
        check_ref(m.group(1), where or text[:20])
        out.append(render.escape(text[pos:m.start()]))
        out.append(md_link(m.group(1), page, m.group(2), short=short))
        pos = m.end()
    out.append(render.escape(text[pos:]))
    return "".join(out)


def refs_in(text: str) -> list[str]:
    return [m.group(1) for m in REF_LINK.finditer(text)]


def url(page: str, target: str) -> str:
    """Built-site URL of docs target ``path[#anchor]`` relative to docs page `page`."""
    path, _, frag = target.partition("#")
    if path == page:
        return f"#{frag}" if frag else "./"
    here, there = urls.built(page) or ".", urls.built(path) or "."
    rel = posixpath.relpath(there, here)
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{frag}" if frag else "")


def ref_url(ref: str, page: str) -> str:
    return url(page, site_map.target(ref))


def short_label(ref: str) -> str:
    """《办法》第二十七条第一款, 《行诉法解释》第一百二十八条第二款: the instruments' short titles,
    for the quiz and the answer key, where the full titles of the judicial interpretations
    would fill the line."""
    return provisions.label(ref, short=True)


def html_link(ref: str, page: str, text: str | None = None) -> str:
    """<a> to a provision for raw HTML (short label), text escaped; the full label is the title."""
    return (f'<a href="{html.escape(ref_url(ref, page))}" title="{html.escape(render.ref_title(ref))}">'
            f'{html.escape(text or short_label(ref))}</a>')


def html_text(text: str, page: str, where: str = "") -> str:
    """Escaped text for raw HTML, with [[ref]] citations as <a> links."""
    out, pos = [], 0
    for m in REF_LINK.finditer(text):
        check_ref(m.group(1), where or text[:20])
        out.append(html.escape(text[pos:m.start()]))
        out.append(html_link(m.group(1), page, m.group(2)))
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)

"""Provisions named in prose through ref tokens, never as free-text numerals.

Every sentence the calculators show that names a provision writes it as a token, so that a
renumbered or unknown provision fails a check instead of leaving a wrong citation behind
(tests/test_citations.py scans every string of the package):

- ``[[measures/22/1]]``   the short label: 《办法》第二十二条第一款
- ``[[measures/22/1#]]``  the position only, where the instrument is clear: 第二十二条第一款
- ``[[alp/48!]]``         as a court filing cites it: 《中华人民共和国行政诉讼法》第四十八条
- ``[[alp/48|起诉期限]]``  other words, linked to the provision (no numerals in them)

``render(text)`` turns tokens into words; ``refs(text)`` lists the provisions a text names.
"""
from __future__ import annotations

import re

from . import provisions

TOKEN = re.compile(r"\[\[(?P<ref>[a-z][a-z-]*(?:@[0-9a-z-]+)?(?:/\d+)*)(?P<style>[#!])?(?:\|(?P<text>[^\]]+))?\]\]")


def _words(m: re.Match) -> str:
    ref, style, text = m["ref"], m["style"], m["text"]
    if not provisions.exists(ref):
        raise KeyError(f"引用的条款不存在：{ref}")
    if text:
        return text
    if style == "#":
        return provisions.position(ref)
    if style == "!":
        return provisions.formal_label(ref)
    return provisions.label(ref, short=True)


def render(text: str) -> str:
    """`text` with its tokens as words (an unknown provision raises KeyError)."""
    return TOKEN.sub(_words, text)


def refs(text: str) -> list[str]:
    """The provisions `text` names, in order of first mention."""
    return list(dict.fromkeys(m["ref"] for m in TOKEN.finditer(text)))

"""Provisions named in prose through ref tokens, never as free-text numerals.

Every sentence the calculators show that names a provision writes it as a token, so that a
renumbered or unknown provision fails a check instead of leaving a wrong citation behind
(tests/test_citations.py scans every string of the package):

- ``[[measures/22/1]]``   the short label: 《办法》第二十二条第一款
- ``[[measures/22/1#]]``  the position only, where the instrument is clear: 第二十二条第一款
- ``[[alp/48!]]``         as a court filing cites it: 《中华人民共和国行政诉讼法》第四十八条
- ``[[alp/48|起诉期限]]``  other words, linked to the provision (no numerals in them)

``render(text, on)`` turns tokens into words — with `on`, each provision as it applies on that
date (see provisions.resolve: a later edition may renumber it); ``refs(text, on)`` lists them.
"""
from __future__ import annotations

import datetime as dt
import re

from . import provisions

TOKEN = re.compile(r"\[\[(?P<ref>[a-z][a-z-]*(?:@[0-9a-z-]+)?(?:/\d+)*)(?P<style>[#!])?(?:\|(?P<text>[^\]]+))?\]\]")


def _words(m: re.Match, on: dt.date | None) -> str:
    style, text = m["style"], m["text"]
    ref = provisions.resolve(m["ref"], on)
    if not provisions.exists(ref):
        raise KeyError(f"引用的条款不存在：{ref}")
    if text:
        return text
    if style == "#":
        return provisions.position(ref)
    if style == "!":
        return provisions.formal_label(ref)
    return provisions.label(ref, short=True)


def render(text: str, on: dt.date | None = None) -> str:
    """`text` with its tokens as words (an unknown provision raises KeyError)."""
    return TOKEN.sub(lambda m: _words(m, on), text)


def refs(text: str, on: dt.date | None = None) -> list[str]:
    """The provisions `text` names (with their editions), in order of first mention."""
    return list(dict.fromkeys(provisions.resolve(m["ref"], on) for m in TOKEN.finditer(text)))

"""Provisions named in the calculators' words go through ref tokens (calculators/citations.py):
no string of the package writes an article number in free text, and every token names a
provision that exists in every edition of its instrument (or that a revised edition deleted on
purpose), so a renumbering cannot leave a wrong citation behind."""
import ast
import re
from pathlib import Path

import pytest

from calculators import citations, provisions

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "calculators"
# 第二十二条, 第一款, 第（三）项, 第22条 … — an article, paragraph or item named in free text
NUMERAL = re.compile(r"第[一二三四五六七八九十百零〇\d]+[条款项]|第（[一二三四五六七八九十]+）项")


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings (documentation for developers, not words shown)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


# the modules that define the citation format show its output in their docstrings
FORMAT_MODULES = {"numerals.py", "provisions.py", "citations.py"}


def strings(path: Path, docstrings: bool = True):
    """(line, text) of every string literal of a module (docstrings too, unless asked not to)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = set() if docstrings else _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_article_numeral_in_free_text(path):
    found = [(line, m.group()) for line, text in strings(path, docstrings=path.name not in FORMAT_MODULES)
             for m in NUMERAL.finditer(citations.TOKEN.sub("", text))]
    assert found == [], f"{path.name}: write these as [[ref]] tokens: {found}"


def test_every_token_names_a_provision_of_every_edition():
    tokens = {m["ref"] for path in PACKAGE.rglob("*.py") for _, text in strings(path)
              for m in citations.TOKEN.finditer(text)}
    assert len(tokens) > 40
    for ref in sorted(tokens):
        key = provisions.split(ref)[0]
        for edition in provisions.editions(key):
            mapped = provisions.in_edition(ref, edition.id)
            assert mapped is None or provisions.exists(mapped), f"{ref} → {mapped}（{edition.id}）"


def test_tokens_render_as_the_measures_are_cited():
    assert citations.render("按[[measures/38/1]]登记") == "按《办法》第三十八条第一款登记"
    assert citations.render("依[[measures/22/1/1#]]") == "依第二十二条第一款第（一）项"
    assert citations.render("（[[alp/49/1/1!]]）") == "（《中华人民共和国行政诉讼法》第四十九条第（一）项）"
    assert citations.render("[[alp/48|起诉期限的耽误]]") == "起诉期限的耽误"
    assert citations.refs("[[alp/48]]与[[measures/38/1]]、[[alp/48]]") == ["alp/48", "measures@2021/38/1"]
    with pytest.raises(KeyError):
        citations.render("[[measures/99]]")

"""What the training and guidance content says a provision says: every cited provision exists,
and every phrase quoted in a sentence that cites provisions (text in “…”) occurs in one of
them — the question bank, the guide steps, the upstream map, the topic, role, training and law
pages. A quotation that is not in the cited text is either misattributed or misquoted."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from calculators import provisions

ROOT = Path(__file__).resolve().parent.parent
REF = re.compile(r"\[\[([a-z-]+(?:/\d+)+)(?:\|[^\]]*)?\]\]|link\('([a-z-]+(?:/\d+)+)'\)")
QUOTE = re.compile(r"“([^“”]+)”")
SENTENCE_END = re.compile(r"[。\n]")


def _strings(value):
    """Every string in a YAML value, in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def texts() -> list[tuple[str, str]]:
    """(where, text) of every piece of content that cites provisions."""
    out = []
    for name in ("questions.yml", "case_path.yml", "upstream.yml"):
        data = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
        out += [(f"data/{name}", s) for s in _strings(data)]
    for folder in ("topics", "guide", "training", "law"):
        for path in sorted((ROOT / "docs" / folder).glob("*.md")):
            out.append((f"docs/{folder}/{path.name}", path.read_text(encoding="utf-8")))
    return out


CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)   # examples of the format on the trainers' page


def sentences(text: str):
    """Sentences (to 。 or a line end) with the refs cited in them and the phrases quoted."""
    for sentence in SENTENCE_END.split(CODE.sub("", text)):
        refs = [a or b for a, b in REF.findall(sentence)]
        quotes = QUOTE.findall(REF.sub("", sentence))
        yield sentence, refs, quotes


TEXTS = texts()


def test_the_content_cites_provisions():
    assert sum(len(refs) for _, text in TEXTS for _, refs, _ in sentences(text)) > 300


@pytest.mark.parametrize("where", sorted({w for w, _ in TEXTS}))
def test_every_cited_provision_exists(where):
    for text in (t for w, t in TEXTS if w == where):
        for _, refs, _ in sentences(text):
            for ref in refs:
                assert provisions.exists(ref), (where, ref)


@pytest.mark.parametrize("where", sorted({w for w, _ in TEXTS}))
def test_every_quoted_phrase_occurs_in_a_provision_the_sentence_cites(where):
    wrong = []
    for text in (t for w, t in TEXTS if w == where):
        for sentence, refs, quotes in sentences(text):
            if not refs:
                continue
            cited = "".join(provisions.text(r) for r in refs).replace(" ", "")
            wrong += [(q, refs, sentence.strip()[:80]) for q in quotes if q.replace(" ", "") not in cited]
    assert not wrong, "\n".join(f"“{q}” 不在 {refs} 中：{s}" for q, refs, s in wrong)


def test_a_misquotation_is_caught():
    """The check itself: a phrase not in the cited provision is reported."""
    text = "被告应当在“三十日内”提出答辩状（[[alp/67/1]]）。被告应当在收到起诉状副本之日起“十五日内”提交（[[alp/67/1]]）。"
    found = [(q, provisions.text(refs[0])) for _, refs, quotes in sentences(text) for q in quotes if refs]
    assert [q in t for q, t in found] == [False, True]


def test_quoted_phrases_of_the_upstream_map_occur_in_its_row():
    """A note of data/upstream.yml quotes the provisions of its own row."""
    rows = yaml.safe_load((ROOT / "data" / "upstream.yml").read_text(encoding="utf-8"))
    wrong = []
    for row in rows:
        cited = "".join(provisions.text(r) for r in [row["measures"], *row["law"]])
        wrong += [(q, row["measures"]) for q in QUOTE.findall(row["note"]) if q not in cited]
    assert not wrong

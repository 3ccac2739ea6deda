"""Cross-references inside the text of the measures, found from the text itself.

Three kinds of reference occur in the measures:
- a bare 第N条 / 第N款 / 第N条第M款 — an article or paragraph of the measures
  (第N款 alone means a paragraph of the same article: 13/2 "按照第一款规定");
- 《instrument》 or 《instrument》第N条 — an upstream instrument or one of its articles
  (20/1 "…《关于行政机关负责人出庭应诉若干问题的规定》第八条", 35/3 "《行政诉讼法》第九十六条");
- 上述原则 (12/1) — the principle stated in articles 10 and 11.
"""
import re
from dataclasses import dataclass

from calculators import provisions
from calculators.numerals import from_chinese

NUM = "[零一二三四五六七八九十百]+"

# Instruments named in the measures -> key (law key, or a key of an instrument whose text we lack)
INSTRUMENTS = {
    "中华人民共和国行政诉讼法": "alp",
    "行政诉讼法": "alp",
    "关于行政机关负责人出庭应诉若干问题的规定": "head-rules",
    "国务院办公厅关于加强和改进行政应诉工作的意见": "gov-opinion-2016",
    "山东省行政应诉工作规则": "shandong-rules",
    "聊城市行政应诉工作管理办法": "measures",
    "民事诉讼法": "cpl",
    "中华人民共和国民事诉讼法": "cpl",
}

# Implicit references that no pattern can find: (provision id, phrase) -> target ids
IMPLICIT = {
    ("measures/12/1", "上述原则"): "measures/10/1",
    ("measures/19/1", "司法解释"): "alp-interp",
}

PATTERN = re.compile(
    rf"(?:《(?P<instrument>[^》]+)》|(?P<bare>行政诉讼法|民事诉讼法))(?:第(?P<iart>{NUM})条(?:第(?P<ipara>{NUM})款)?)?"
    rf"|第(?P<art>{NUM})条(?:第(?P<apara>{NUM})款)?"
    rf"|第(?P<para>{NUM})款"
)


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    target: str  # provision id such as measures/13/1 or alp/96, or an instrument key


def find(provision_id: str, text: str) -> list[Reference]:
    """All references in `text`, the text of provision `provision_id` (of the measures or of
    an upstream instrument: a bare 第N条 means an article of the same instrument — of the same
    edition when the id names one, so that cross-links stay inside their edition)."""
    own, article = provision_id.split("/")[:2]
    refs = []
    for m in PATTERN.finditer(text):
        name = m["instrument"] or m["bare"]
        if name is not None:
            key = INSTRUMENTS.get(name)
            if key is None:
                continue
            if key == own.split("@")[0]:
                key = own
            target = f"{key}/{from_chinese(m['iart'])}" if m["iart"] else key
            if m["ipara"]:
                target += f"/{from_chinese(m['ipara'])}"
        elif m["art"] is not None:
            target = f"{own}/{from_chinese(m['art'])}"
            if m["apara"]:
                target += f"/{from_chinese(m['apara'])}"
        else:
            target = f"{own}/{article}/{from_chinese(m['para'])}"
        if "/" in target and not provisions.exists(target):
            continue  # e.g. a paragraph number the target article does not have
        refs.append(Reference(m.start(), m.end(), target))
    for (pid, phrase), target in IMPLICIT.items():
        if provisions.plain(pid) == provisions.plain(provision_id) and (i := text.find(phrase)) >= 0:
            refs.append(Reference(i, i + len(phrase), target.replace("measures", own.split("/")[0], 1)
                                  if target.startswith("measures") else target))
    return sorted(refs, key=lambda r: r.start)


def passages(edition_id: str = "measures"):
    """Every (id, text) of an edition of the measures: paragraphs and items, ids qualified with
    the edition (measures@2021/13/1)."""
    edition = provisions.qualify(edition_id)
    for art in provisions.instrument(edition)["articles"]:
        for para in art["paragraphs"]:
            yield provisions.within(edition, para["id"]), para["text"]
            for item in para.get("items", []):
                yield provisions.within(edition, item["id"]), item["text"]


def cited_by(edition_id: str = "measures") -> dict[str, list[str]]:
    """Article id -> ids of the edition's provisions in *other* articles that refer to it."""
    out: dict[str, list[str]] = {}
    for pid, text in passages(edition_id):
        source_article = "/".join(pid.split("/")[:2])
        for ref in find(pid, text):
            if not ref.target.startswith("measures") or "/" not in ref.target:
                continue
            target_article = "/".join(ref.target.split("/")[:2])
            if target_article != source_article and pid not in out.setdefault(target_article, []):
                out[target_article].append(pid)
    return out

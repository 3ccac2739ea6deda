"""The single source of truth for provision texts: the measures and the upstream law.

Provision ids: ``measures/ART[/PARA[/ITEM]]`` for the measures (``measures/22/1/1`` is
第二十二条第一款第（一）项), and the same shape for upstream law under the instrument's
key (``alp/67``, ``alp-interp/48``, ``head-rules/8``, ``cpl/85``). Data lives in
``calculators/data/measures.json`` and ``calculators/data/law/<key>.json``.
"""
import json
from functools import lru_cache
from pathlib import Path

from .numerals import to_chinese

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def instrument(key: str) -> dict:
    """The structured text of one instrument (``measures`` or a law key such as ``alp``)."""
    # measures.json, or a revised text beside it (measures-2027.json); upstream law in law/
    path = DATA / f"{key}.json" if key == "measures" or key.startswith("measures-") else DATA / "law" / f"{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyError(key) from None


def law_keys() -> list[str]:
    """Keys of the upstream instruments whose text the project holds."""
    return sorted(p.stem for p in (DATA / "law").glob("*.json"))


@lru_cache(maxsize=None)
def _index(key: str) -> dict:
    index = {}
    for art in instrument(key)["articles"]:
        index[art["id"]] = art
        for para in art["paragraphs"]:
            index[para["id"]] = para
            for item in para.get("items", []):
                index[item["id"]] = item
    return index


def split(ref: str) -> tuple[str, list[int]]:
    """'measures/22/1/1' -> ('measures', [22, 1, 1])."""
    key, *parts = ref.split("/")
    return key, [int(p) for p in parts]


def label(ref: str, *, short: bool = False) -> str:
    """Chinese citation: 《聊城市行政应诉工作管理办法》第二十二条第一款第（一）项."""
    key, (art, *rest) = split(ref)
    doc = instrument(key)
    name = doc.get("short_title", doc["title"]) if short else doc["title"]
    # a title that itself quotes a law (《…》) nests as 〈…〉 inside the outer book marks
    name = name.replace("《", "〈").replace("》", "〉")
    return f"《{name}》{position(ref)}"


def position(ref: str) -> str:
    """The citation without the instrument: measures/22/1/1 -> 第二十二条第一款第（一）项."""
    _, (art, *rest) = split(ref)
    out = f"第{to_chinese(art)}条"
    if rest:
        out += f"第{to_chinese(rest[0])}款"
    if len(rest) > 1:
        out += f"第（{to_chinese(rest[1])}）项"
    return out


def formal_position(ref: str) -> str:
    """As a court filing writes it: no 第一款 for an article of one paragraph only
    (alp/49/1/1 -> 第四十九条第（一）项; measures/22/1/1 -> 第二十二条第一款第（一）项)."""
    key, (art, *rest) = split(ref)
    out = f"第{to_chinese(art)}条"
    single = len(_index(key)[f"{key}/{art}"]["paragraphs"]) == 1
    if rest and not (single and rest[0] == 1):
        out += f"第{to_chinese(rest[0])}款"
    if len(rest) > 1:
        out += f"第（{to_chinese(rest[1])}）项"
    return out


def formal_title(key: str) -> str:
    """《中华人民共和国行政诉讼法》; a title quoting a law nests its marks: 〈…〉."""
    name = instrument(key)["title"].replace("《", "〈").replace("》", "〉")
    return f"《{name}》"


def formal_label(ref: str) -> str:
    """《中华人民共和国行政诉讼法》第四十九条第（一）项 — the citation of a court filing."""
    return formal_title(split(ref)[0]) + formal_position(ref)


def text(ref: str) -> str:
    """The provision's text; an article or paragraph includes its items."""
    key, _ = split(ref)
    node = _index(key).get(ref)
    if node is None:
        raise KeyError(ref)
    if "paragraphs" in node:
        return "\n".join(_paragraph_text(p) for p in node["paragraphs"])
    if "items" in node:
        return _paragraph_text(node)
    if "number" in node and ref.count("/") == 3:
        return f"（{to_chinese(node['number'])}）{node['text']}"
    return node["text"]


def _paragraph_text(para: dict) -> str:
    lines = [para["text"]] + [f"（{to_chinese(i['number'])}）{i['text']}" for i in para.get("items", [])]
    return "\n".join(lines)


def exists(ref: str) -> bool:
    try:
        key, _ = split(ref)
        return ref in _index(key)
    except (KeyError, ValueError):
        return False


def cite(ref: str) -> dict:
    """A basis entry: {"ref", "label", "text"} — what every calculator result cites."""
    return {"ref": ref, "label": label(ref), "text": text(ref)}

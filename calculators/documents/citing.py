"""Citations as a court filing writes them: full titles of the instruments, several provisions
of one instrument joined with “、”, and no “第一款” for an article that has one paragraph only
(《中华人民共和国行政诉讼法》第四十九条第（一）项, not 第四十九条第一款第（一）项)."""
from .. import provisions
from ..numerals import to_chinese


def position(ref: str) -> str:
    """measures/22/1/1 -> 第二十二条第一款第（一）项; alp/49/1/1 -> 第四十九条第（一）项."""
    key, (art, *rest) = provisions.split(ref)
    out = f"第{to_chinese(art)}条"
    single = len(_article(key, art)["paragraphs"]) == 1
    if rest and not (single and rest[0] == 1):
        out += f"第{to_chinese(rest[0])}款"
    if len(rest) > 1:
        out += f"第（{to_chinese(rest[1])}）项"
    return out


def _article(key: str, number: int) -> dict:
    return next(a for a in provisions.instrument(key)["articles"] if a["number"] == number)


def title(key: str) -> str:
    """《中华人民共和国行政诉讼法》; a title quoting a law nests its marks: 〈…〉."""
    name = provisions.instrument(key)["title"].replace("《", "〈").replace("》", "〉")
    return f"《{name}》"


def cite(refs: list[str]) -> str:
    """《A》第一条、第二条，《B》第三条 — refs grouped by instrument in first-seen order."""
    groups: dict[str, list[str]] = {}
    for ref in refs:
        groups.setdefault(provisions.split(ref)[0], []).append(position(ref))
    return "，".join(title(key) + "、".join(dict.fromkeys(parts)) for key, parts in groups.items())


def short(ref: str) -> str:
    """《办法》第三十八条第一款 — for the checklist, where space is short."""
    return provisions.label(ref, short=True)

"""Citations as a court filing writes them: full titles of the instruments, several provisions
of one instrument joined with “、”, and no “第一款” for an article that has one paragraph only
(《中华人民共和国行政诉讼法》第四十九条第（一）项, not 第四十九条第一款第（一）项)."""
from .. import provisions

position = provisions.formal_position
title = provisions.formal_title


def cite(refs: list[str]) -> str:
    """《A》第一条、第二条，《B》第三条 — refs grouped by instrument in first-seen order."""
    groups: dict[str, list[str]] = {}
    for ref in refs:
        groups.setdefault(provisions.split(ref)[0], []).append(position(ref))
    return "，".join(title(key) + "、".join(dict.fromkeys(parts)) for key, parts in groups.items())


def short(ref: str) -> str:
    """《办法》第三十八条第一款 — for the checklist, where space is short."""
    return provisions.label(ref, short=True)

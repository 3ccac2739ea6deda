"""Citations as a court filing writes them: full titles of the instruments, several provisions
of one instrument joined with “、”, and no paragraph number for an article that has one
paragraph only (alp/49/1/1 is cited as the article's item, without its paragraph)."""
from .. import provisions

position = provisions.formal_position
title = provisions.formal_title


def cite(refs: list[str]) -> str:
    """《A》 article, article，《B》 article — refs grouped by instrument in first-seen order."""
    groups: dict[str, list[str]] = {}
    for ref in refs:
        groups.setdefault(provisions.split(ref)[0], []).append(position(ref))
    return "，".join(title(key) + "、".join(dict.fromkeys(parts)) for key, parts in groups.items())


def short(ref: str) -> str:
    """The short label (《办法》 and the position) — for the checklist, where space is short."""
    return provisions.label(ref, short=True)

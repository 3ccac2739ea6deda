"""Where each provision is published on the site: the one URL scheme.

A provision of the measures is on its edition's chapter page (``measures/chapter-3/#art-22-1-1``;
a later edition under ``measures-2027/``); an upstream article on its law page
(``law/alp/#art-67-1``); an instrument whose text the site does not hold on the law index
(``law/#shandong-rules``). The build links pages with ``source_path`` (MkDocs checks those links);
results carry ``provision_url``, root-relative, so the page script only puts the site root in front.
"""
from __future__ import annotations

from . import provisions

# Upstream instruments published as pages, and which of their articles (None = all).
LAW_PAGES = {
    "alp": None,
    "alp-interp": None,
    "head-rules": None,
    "cpl": list(range(85, 96)),
    "arl": None,
}

# Instruments named in the measures whose text the site does not hold: named on the law index.
UNAVAILABLE = {
    "gov-opinion-2016": "国务院办公厅关于加强和改进行政应诉工作的意见（国办发〔2016〕54号）",
    "shandong-rules": "山东省行政应诉工作规则",
}


def anchor(ref: str) -> str:
    """measures/22/1/1 (of any edition) -> art-22-1-1."""
    return "art-" + "-".join(str(p) for p in provisions.parse(ref)[1])


def _key(ref: str) -> str:
    return ref.split("/")[0].split("@")[0]


def chapter_of(ref: str) -> int:
    """The chapter of the measures' edition named by `ref` that holds its article."""
    edition, (article, *_) = provisions.parse(ref)
    for chapter in provisions.instrument(edition.id)["chapters"]:
        if article in chapter["articles"]:
            return chapter["number"]
    raise KeyError(ref)


def is_published(ref: str) -> bool:
    """Whether the site has a page and an anchor for `ref` (an id or an instrument key)."""
    key = _key(ref)
    if key == "measures":
        return True
    if key not in LAW_PAGES:
        return False
    articles = LAW_PAGES[key]
    parts = provisions.parse(ref)[1] if "/" in ref else []
    return articles is None or not parts or parts[0] in articles


def source_path(ref: str) -> str:
    """The docs source path and anchor that publish `ref` (an id or an instrument key)."""
    key = _key(ref)
    if key == "measures":
        edition, parts = provisions.parse(ref)
        if not parts:
            return f"{edition.path}/index.md"
        return f"{edition.path}/chapter-{chapter_of(ref)}.md#{anchor(ref)}"
    if key in UNAVAILABLE or key not in LAW_PAGES:
        return f"law/index.md#{key}"
    if "/" not in ref:
        return f"law/{key}.md"
    return f"law/{key}.md#{anchor(ref)}"


def built(path: str) -> str:
    """Docs source path -> directory URL: measures/chapter-3.md -> measures/chapter-3/, law/index.md -> law/."""
    path, _, frag = path.partition("#")
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index":
        stem = ""
    elif stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem + (f"#{frag}" if frag else "")


def provision_url(ref: str) -> str:
    """Root-relative URL of `ref`: measures/chapter-3/#art-22-1-1 (page scripts prefix the site root)."""
    return built(source_path(ref))

"""Where each provision is published: provision id -> docs page and anchor."""
import posixpath

from calculators import provisions

# Upstream instruments whose text the project does not hold: anchor on the law index page.
UNAVAILABLE = {
    "gov-opinion-2016": "国务院办公厅关于加强和改进行政应诉工作的意见（国办发〔2016〕54号）",
    "shandong-rules": "山东省行政应诉工作规则",
}

# Upstream instruments published as pages, and which of their articles (None = all).
LAW_PAGES = {
    "alp": None,
    "alp-interp": None,
    "head-rules": None,
    "cpl": list(range(85, 96)),
    "arl": None,
}


def anchor(ref: str) -> str:
    """measures/22/1/1 -> art-22-1-1."""
    return "art-" + "-".join(ref.split("/")[1:])


def chapter_of(article: int) -> int:
    for chapter in provisions.instrument("measures")["chapters"]:
        if article in chapter["articles"]:
            return chapter["number"]
    raise KeyError(article)


def page_of(ref: str) -> str:
    """The docs source path that publishes `ref` (an id or an instrument key)."""
    key, *parts = ref.split("/")
    if key == "measures":
        return f"measures/chapter-{chapter_of(int(parts[0]))}.md" if parts else "measures/index.md"
    if key in UNAVAILABLE or key not in LAW_PAGES:
        return "law/index.md"
    return f"law/{key}.md"


def target(ref: str) -> str:
    """Docs-relative link target (path#anchor) of a provision id or instrument key."""
    key, *parts = ref.split("/")
    if not parts:
        return page_of(ref) + (f"#{key}" if page_of(ref) == "law/index.md" else "")
    return f"{page_of(ref)}#{anchor(ref)}"


def relative(from_page: str, to: str) -> str:
    """Markdown link from docs page `from_page` to docs target `to` (path#anchor)."""
    path, _, frag = to.partition("#")
    if path == from_page:
        return f"#{frag}"
    rel = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return rel + (f"#{frag}" if frag else "")


def is_published(ref: str) -> bool:
    key, *parts = ref.split("/")
    if key == "measures":
        return True
    articles = LAW_PAGES.get(key, [])
    return key in LAW_PAGES and (articles is None or not parts or int(parts[0]) in articles)

"""Links between pages at build time, over the one URL scheme of calculators/urls.py."""
import posixpath

from calculators import urls
from calculators.urls import LAW_PAGES, UNAVAILABLE, anchor, chapter_of, is_published  # noqa: F401


def page_of(ref: str) -> str:
    """The docs source path that publishes `ref` (an id or an instrument key)."""
    return urls.source_path(ref).partition("#")[0]


def target(ref: str) -> str:
    """Docs-relative link target (path#anchor) of a provision id or instrument key."""
    return urls.source_path(ref)


def relative(from_page: str, to: str) -> str:
    """Markdown link from docs page `from_page` to docs target `to` (path#anchor)."""
    path, _, frag = to.partition("#")
    if path == from_page:
        return f"#{frag}"
    rel = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return rel + (f"#{frag}" if frag else "")

"""A small DOM over the built HTML (stdlib html.parser) for the site tests.

Enough to find elements by id, walk descendants, read attributes and text. Void elements
never get children; an end tag closes the nearest open element of the same name (the
theme's output is well-formed, so no further error recovery is attempted).
"""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list = []  # Node or str

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)

    def iter(self, tag: str | None = None):
        """Descendants in document order (not self), optionally only of one tag."""
        for child in self.children:
            if isinstance(child, Node):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def classes(self) -> set[str]:
        return set((self.get("class") or "").split())

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


class Page:
    """One built HTML file: `path` (absolute), `url` (relative to the site root, '' for the
    home page, directory URLs ending in '/'), `root` (Node), `ids`."""

    def __init__(self, site: Path, path: Path):
        self.site = site
        self.path = path
        rel = path.relative_to(site).as_posix()
        self.url = rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel
        builder = _Builder()
        builder.feed(path.read_text(encoding="utf-8"))
        builder.close()
        self.root = builder.root
        self.ids: dict[str, Node] = {}
        for node in self.root.iter():
            if "id" in node.attrs:
                self.ids.setdefault(node.attrs["id"], node)
            if node.tag == "a" and "name" in node.attrs:
                self.ids.setdefault(node.attrs["name"], node)

    def by_id(self, id_: str) -> Node:
        assert id_ in self.ids, f"{self.url or '(home)'}: no element with id={id_!r}"
        return self.ids[id_]

    def content(self) -> Node:
        """The article body Material renders (div.md-content > article)."""
        for node in self.root.iter("article"):
            if "md-content__inner" in node.classes():
                return node
        raise AssertionError(f"{self.url}: no article.md-content__inner")

    def resolve(self, href: str, root_path: str = "/yingsu/") -> tuple[str, str] | None:
        """(site-relative path, fragment) of an internal href; None for other schemes.

        A path that climbs above the site root, or an absolute path outside `root_path` (the
        sub-path the site is served from), resolves to ("../<path>", fragment), which names
        no file of the site."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if path == "":
            return self.url, fragment
        if path.startswith("/"):
            if not path.startswith(root_path):
                return "../" + path.lstrip("/"), fragment
            joined = path[len(root_path):]
        else:
            joined = posixpath.join(posixpath.dirname("/" + self.url)[1:] if not self.url.endswith("/") else self.url, path)
        trailing = joined.endswith("/") or path.endswith("/.") or path in (".", "..") or path.endswith("/..")
        normal = posixpath.normpath(joined) if joined else "."
        if normal == "..":
            return "../", fragment
        if normal.startswith("../"):
            return normal, fragment
        normal = "" if normal == "." else normal
        if trailing and normal:
            normal += "/"
        return normal, fragment


def load_pages(site: Path) -> dict[str, Page]:
    """Every .html file of the site, keyed by site-relative URL ('' = home, 'measures/chapter-2/')."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = Page(site, path)
        pages[page.url] = page
    return pages


def file_for(site: Path, url_path: str) -> Path | None:
    """The file a static server returns for a site-relative URL path (dir → index.html)."""
    if ".." in PurePosixPath(url_path).parts:
        return None
    candidate = site / url_path
    if url_path == "" or url_path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None

"""Flowcharts as inline SVG, drawn at build time: no script, no web font, no request.

A chart is a list of Node (placed on a grid of rows and columns; a column may be fractional,
e.g. 1.5 to centre a box under two others) and a list of Edge. Edges run downwards (to a
later row) as orthogonal lines, or sideways within a row. Text is wrapped by an estimate of
glyph widths (CJK characters one em, Latin letters and digits about half), which holds for
the system CJK fonts the site names (Microsoft YaHei, PingFang SC, Noto Sans CJK SC).

Every text is XML-escaped; boxes may link to a page (an SVG <a xlink:href>), so the
diagram doubles as a table of contents. Colours are fills and strokes, which print.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

FONT_FAMILY = ("'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', "
               "'WenQuanYi Micro Hei', sans-serif")

# Box styles by kind: fill, stroke, stroke width, corner radius.
STYLES = {
    "start": ("#e8eaf6", "#283593", 1.5, 18),
    "step": ("#ffffff", "#3949ab", 1.2, 4),
    "decision": ("#fff8e1", "#e65100", 1.5, 0),
    "result": ("#edf7ee", "#2e7d32", 1.5, 10),
    "warn": ("#fdecea", "#c62828", 1.5, 4),
}
NO_BREAK_BEFORE = set("，。；：、）》」』”’？！,.;:)!?%")


@dataclass
class Node:
    id: str
    text: str                 # main text; "\n" forces a line break
    row: int
    col: float
    kind: str = "step"
    note: str = ""            # smaller second text (who, deadline, article)
    href: str | None = None   # link target (already relative to the page)
    tip: str = ""             # tooltip (<title>) for the box


@dataclass
class Edge:
    src: str
    dst: str
    label: str = ""


@dataclass
class Layout:
    box_width: int = 150
    gap_x: int = 26
    gap_y: int = 46
    margin: int = 12
    font_size: int = 14
    note_size: float = 11.5
    padding: int = 8
    line_gap: float = 1.3
    boxes: dict = field(default_factory=dict)   # node id -> (x, y, w, h)


def char_width(ch: str) -> float:
    """Estimated advance of one character, in em."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch == " ":
        return 0.3
    return 0.58


def text_width(text: str, size: float) -> float:
    return sum(char_width(c) for c in text) * size


TOKEN = re.compile(r"（[^（）]{1,4}）|[A-Za-z0-9][A-Za-z0-9.%-]*|.", re.S)
NO_BREAK_AFTER = set("（《「『“‘(")


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of at most `width` pixels. Kept together: runs of Latin letters or digits and
    short bracketed numbers such as （一）; a closing punctuation mark stays on its line and
    an opening bracket moves to the next."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for tok in TOKEN.findall(para):
            if line and text_width(line + tok, size) > width and tok[0] not in NO_BREAK_BEFORE:
                carry = ""
                while line and line[-1] in NO_BREAK_AFTER:
                    carry, line = line[-1] + carry, line[:-1]
                if line:
                    lines.append(line)
                line = carry + tok
            else:
                line += tok
        lines.append(line)
    return lines


def balanced(text: str, width: float, size: float) -> list[str]:
    """Wrapped as `wrap` does, in as few lines, but with the lines' lengths evened out (no
    lonely last character)."""
    lines = wrap(text, width, size)
    if len(lines) < 2 or "\n" in text:
        return lines
    target = text_width(text, size) / len(lines)
    while target < width:
        trial = wrap(text, target, size)
        if len(trial) <= len(lines):
            return trial
        target += size / 2
    return lines


def _box_height(node: Node, lay: Layout) -> tuple[float, list[str], list[str]]:
    inner = lay.box_width - 2 * lay.padding - (16 if node.kind == "decision" else 0)
    main = balanced(node.text, inner, lay.font_size)
    note = balanced(node.note, inner, lay.note_size) if node.note else []
    h = (len(main) * lay.font_size + len(note) * lay.note_size) * lay.line_gap + 2 * lay.padding
    if note:
        h += 4
    return h, main, note


def render(title: str, nodes: list[Node], edges: list[Edge], *, layout: Layout | None = None,
           desc: str = "", css_class: str = "flowchart") -> str:
    """The chart as an inline <svg> inside a <figure> with a caption (one line, no blank lines,
    so Markdown keeps it as one raw HTML block)."""
    lay = layout or Layout()
    by_id = {n.id: n for n in nodes}
    if len(by_id) != len(nodes):
        raise ValueError("duplicate node id in flowchart " + title)
    for e in edges:
        if e.src not in by_id or e.dst not in by_id:
            raise ValueError(f"flowchart {title}: edge {e.src}->{e.dst} names an unknown node")

    measured = {n.id: _box_height(n, lay) for n in nodes}
    rows = sorted({n.row for n in nodes})
    row_height = {r: max(measured[n.id][0] for n in nodes if n.row == r) for r in rows}
    row_top, y = {}, lay.margin
    for r in range(rows[0], rows[-1] + 1):
        row_top[r] = y
        y += row_height.get(r, 0) + lay.gap_y
    height = y - lay.gap_y + lay.margin
    max_col = max(n.col for n in nodes)
    width = lay.margin * 2 + (max_col + 1) * lay.box_width + max_col * lay.gap_x

    parts = []
    for n in nodes:
        h = measured[n.id][0]
        x = lay.margin + n.col * (lay.box_width + lay.gap_x)
        y = row_top[n.row]  # top-aligned: edges into a row meet its boxes at one height
        lay.boxes[n.id] = (x, y, lay.box_width, h)

    for e in edges:
        parts.append(_edge(e, lay, by_id))
    for n in nodes:
        parts.append(_node(n, lay, measured[n.id]))

    w, h = round(width), round(height)
    label = html.escape(title)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="{css_class}-svg" viewBox="0 0 {w} {h}" '
           f'width="{w}" height="{h}" role="group" aria-label="{label}" font-family="{html.escape(FONT_FAMILY)}" '
           f'font-size="{lay.font_size}"><title>{label}</title>'
           + (f"<desc>{html.escape(desc)}</desc>" if desc else "")
           + "".join(parts) + "</svg>")
    caption = f"<figcaption>{label}</figcaption>"
    return f'<figure class="{css_class}" data-nodes="{len(nodes)}" data-edges="{len(edges)}">{svg}{caption}</figure>'


def _node(n: Node, lay: Layout, measured) -> str:
    h, main, note = measured
    x, y, w, _ = lay.boxes[n.id]
    fill, stroke, sw, radius = STYLES[n.kind]
    if n.kind == "decision":
        d = 10
        pts = [(x + d, y), (x + w - d, y), (x + w, y + h / 2), (x + w - d, y + h), (x + d, y + h), (x, y + h / 2)]
        shape = (f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in pts)}" fill="{fill}" '
                 f'stroke="{stroke}" stroke-width="{sw}"/>')
    else:
        shape = (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{radius}" '
                 f'fill="{fill}" stroke="{stroke}" stroke-width="{sw}"/>')
    texts, ty = [], y + lay.padding
    cx = x + w / 2
    weight = ' font-weight="700"' if n.kind in ("start", "decision") else ""
    for line in main:
        ty += lay.font_size * lay.line_gap
        texts.append(f'<text x="{cx:.1f}" y="{ty - lay.font_size * 0.3:.1f}" text-anchor="middle" '
                     f'fill="#1a1a1a"{weight}>{html.escape(line)}</text>')
    if note:
        ty += 4
        for line in note:
            ty += lay.note_size * lay.line_gap
            texts.append(f'<text x="{cx:.1f}" y="{ty - lay.note_size * 0.3:.1f}" text-anchor="middle" '
                         f'font-size="{lay.note_size}" fill="#444">{html.escape(line)}</text>')
    tip = f"<title>{html.escape(n.tip or n.text.replace(chr(10), ''))}</title>"
    group = f'<g class="fc-node fc-{n.kind}" data-node="{html.escape(n.id)}">{tip}{shape}{"".join(texts)}</g>'
    if n.href:
        # xlink:href, not href: Material's instant navigation re-assigns `el.href = el.href` on
        # every [href] element, which throws for SVG links (their href is a read-only object).
        return f'<a xlink:href="{html.escape(n.href)}" class="fc-link">{group}</a>'
    return group


def _arrow(x: float, y: float, direction: str) -> str:
    s = 6
    if direction == "down":
        pts = [(x, y), (x - s / 1.4, y - s), (x + s / 1.4, y - s)]
    elif direction == "right":
        pts = [(x, y), (x - s, y - s / 1.4), (x - s, y + s / 1.4)]
    else:  # left
        pts = [(x, y), (x + s, y - s / 1.4), (x + s, y + s / 1.4)]
    return f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in pts)}" fill="#555"/>'


def _label(x: float, y: float, text: str, lay: Layout, anchor: str = "start") -> str:
    if not text:
        return ""
    size = lay.note_size
    w = text_width(text, size) + 6
    left = x - 3 if anchor == "start" else x - w / 2
    tx = x if anchor == "start" else x
    return (f'<rect x="{left:.1f}" y="{y - size - 1:.1f}" width="{w:.1f}" height="{size + 5:.1f}" fill="#ffffff" '
            f'fill-opacity="0.9"/><text x="{tx:.1f}" y="{y:.1f}" font-size="{size}" fill="#b33c00" '
            f'text-anchor="{"start" if anchor == "start" else "middle"}" font-weight="700">{html.escape(text)}</text>')


def _edge(e: Edge, lay: Layout, by_id: dict) -> str:
    a, b = by_id[e.src], by_id[e.dst]
    ax, ay, aw, ah = lay.boxes[e.src]
    bx, by, bw, bh = lay.boxes[e.dst]
    line = 'fill="none" stroke="#555" stroke-width="1.4"'
    if b.row == a.row:  # sideways
        if bx > ax:
            x1, x2 = ax + aw, bx
            direction = "right"
        else:
            x1, x2 = ax, bx + bw
            direction = "left"
        yy = max(ay, by) + min(ah, bh) / 2
        return (f'<g class="fc-edge"><path d="M{x1:.1f},{yy:.1f} H{x2:.1f}" {line}/>{_arrow(x2, yy, direction)}'
                f'{_label((x1 + x2) / 2, yy - 5, e.label, lay, "middle")}</g>')
    if b.row < a.row:
        raise ValueError(f"edge {e.src}->{e.dst} runs upwards; place the target in a later row")
    x1, y1 = ax + aw / 2, ay + ah
    x2, y2 = bx + bw / 2, by
    if abs(x1 - x2) < 0.5:
        path = f"M{x1:.1f},{y1:.1f} V{y2:.1f}"
        lx, ly = x2 + 5, (y1 + y2) / 2 + 4
    else:
        mid = y2 - lay.gap_y / 2 - 2
        path = f"M{x1:.1f},{y1:.1f} V{mid:.1f} H{x2:.1f} V{y2:.1f}"
        lx, ly = x2 + 5, mid + lay.note_size + 4
    return f'<g class="fc-edge"><path d="{path}" {line}/>{_arrow(x2, y2, "down")}{_label(lx, ly, e.label, lay)}</g>'


def snake(items: list[tuple[str, str, str, str | None]], columns: int, *, kind: str = "step") -> tuple[list[Node], list[Edge]]:
    """A sequence laid out left to right, then right to left on the next row (boustrophedon),
    so consecutive boxes are always neighbours. items: (id, text, note, href)."""
    nodes, edges = [], []
    for i, (id_, text, note, href) in enumerate(items):
        row, pos = divmod(i, columns)
        col = pos if row % 2 == 0 else columns - 1 - pos
        nodes.append(Node(id_, text, row, col, kind=kind, note=note, href=href))
        if i:
            edges.append(Edge(items[i - 1][0], id_))
    return nodes, edges


def tree(root, *, question, answer, children) -> tuple[list[Node], list[Edge]]:
    """Lay out a decision tree: leaves take consecutive columns, a parent sits centred over
    its children, each level one row down. `question(node)` -> Node fields for inner nodes,
    `answer(node)` -> Node fields for leaves, `children(node)` -> [(edge label, child)]."""
    nodes, edges = [], []
    counter = {"leaf": 0, "id": 0}

    def visit(n, depth) -> tuple[str, float]:
        counter["id"] += 1
        id_ = f"n{counter['id']}"
        kids = children(n)
        if not kids:
            col = counter["leaf"]
            counter["leaf"] += 1
            nodes.append(Node(id_, row=depth, col=col, **answer(n)))
            return id_, col
        placed = [(label, *visit(child, depth + 1)) for label, child in kids]
        col = (placed[0][2] + placed[-1][2]) / 2
        nodes.append(Node(id_, row=depth, col=col, **question(n)))
        edges.extend(Edge(id_, child_id, label) for label, child_id, _ in placed)
        return id_, col

    visit(root, 0)
    return nodes, edges

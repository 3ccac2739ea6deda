"""The build-time SVG flowcharts (macros/flowchart.py, macros/charts.py): well-formed, escaped,
laid out as described, and the undertaker chart is exactly the calculator's rule table."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from calculators import provisions  # noqa: E402
from calculators import undertaker as undertaker_rules  # noqa: E402
from macros import charts, flowchart  # noqa: E402
from macros.flowchart import Edge, Node  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def parse(figure_html: str) -> ET.Element:
    """The <figure> as XML (the renderer writes well-formed XML); fails on any markup error."""
    return ET.fromstring(figure_html)


def texts(figure: ET.Element) -> list[str]:
    return [t.text or "" for t in figure.iter(SVG + "text")]


def test_wrap_keeps_bracketed_numbers_latin_runs_and_punctuation_together():
    lines = flowchart.wrap("第十条第一款第（一）项", 9 * 14, 14)  # room for 9 CJK characters
    assert lines == ["第十条第一款第", "（一）项"]
    assert flowchart.wrap("至少1至2名EMS", 3 * 14, 14)[-1].endswith("EMS")
    assert all(not line.startswith(("，", "。", "；")) for line in flowchart.wrap("甲乙丙丁，戊己庚辛。", 4 * 14, 14))


def test_balanced_wrap_leaves_no_lonely_character():
    greedy = flowchart.wrap("被告是哪一级机关？", 7 * 13, 13)
    assert greedy == ["被告是哪一级机", "关？"]
    balanced = flowchart.balanced("被告是哪一级机关？", 7 * 13, 13)
    assert balanced == ["被告是哪", "一级机关？"]


def test_render_is_well_formed_and_escapes_every_text():
    nodes = [Node("a", "<script>alert(1)</script> & 甲", 0, 0, kind="start", note="注 <b>", href="x/?a=1&b=2"),
             Node("b", "乙", 1, 0, kind="decision"), Node("c", "丙", 1, 1, kind="result")]
    edges = [Edge("a", "b", "是 <i>"), Edge("b", "c", "否")]
    html = flowchart.render("标题 <t>", nodes, edges, desc="说明 & 描述")
    fig = parse(html)  # raises on unescaped markup
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<script>alert(1)</script> & 甲" in "".join(texts(fig))
    assert "是 <i>" in texts(fig)
    svg = fig.find(SVG + "svg")
    assert svg.find(SVG + "title").text == "标题 <t>"
    assert svg.find(SVG + "desc").text == "说明 & 描述"
    assert [a.get(XLINK + "href") for a in svg.iter(SVG + "a")] == ["x/?a=1&b=2"]
    assert len(list(svg.iter(SVG + "rect"))) >= 2 and len(list(svg.iter(SVG + "polygon"))) >= 1
    assert fig.get("data-nodes") == "3" and fig.get("data-edges") == "2"
    # no http(s) reference except the namespace names
    assert "http" not in html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "")


def test_render_rejects_bad_descriptions():
    with pytest.raises(ValueError):
        flowchart.render("t", [Node("a", "甲", 0, 0)], [Edge("a", "zz")])
    with pytest.raises(ValueError):
        flowchart.render("t", [Node("a", "甲", 1, 0), Node("b", "乙", 0, 0)], [Edge("a", "b")])
    with pytest.raises(ValueError):
        flowchart.render("t", [Node("a", "甲", 0, 0), Node("a", "乙", 1, 0)], [])


def test_boxes_of_a_row_share_their_top_and_columns_do_not_overlap():
    lay = flowchart.Layout(box_width=100, gap_x=20)
    nodes = [Node("a", "短", 0, 0), Node("b", "很长的一段文字需要换成好几行才能放下", 0, 1), Node("c", "下", 1, 0.5)]
    flowchart.render("t", nodes, [Edge("a", "c"), Edge("b", "c")], layout=lay)
    (ax, ay, aw, ah), (bx, by, bw, bh), (cx, cy, _, _) = (lay.boxes[k] for k in "abc")
    assert ay == by and bh > ah
    assert ax + aw + 20 == bx
    assert cy >= by + bh + lay.gap_y
    assert cx == pytest.approx((ax + bx) / 2)


def test_snake_layout_keeps_consecutive_steps_adjacent():
    items = [(str(i), f"第{i}步", "", None) for i in range(10)]
    nodes, edges = flowchart.snake(items, 4)
    pos = {n.id: (n.row, n.col) for n in nodes}
    assert [pos[str(i)] for i in range(10)] == [(0, 0), (0, 1), (0, 2), (0, 3), (1, 3), (1, 2), (1, 1), (1, 0),
                                                (2, 0), (2, 1)]
    for e in edges:
        (r1, c1), (r2, c2) = pos[e.src], pos[e.dst]
        assert abs(r1 - r2) + abs(c1 - c2) == 1


def _leaves(node, path=()):
    if "rule" in node:
        yield path, node["rule"]
        return
    for label, child in node["branches"]:
        yield from _leaves(child, path + ((node["question"], label),))


def test_undertaker_tree_has_one_leaf_per_rule_of_the_calculator():
    leaves = list(_leaves(charts.undertaker_tree()))
    assert sorted(rule for _, rule in leaves) == sorted(undertaker_rules.RULES)
    assert len(leaves) == len(undertaker_rules.RULES) == 7


def test_undertaker_tree_paths_agree_with_the_rule_values():
    """Each answer on a leaf's path is the value its rule requires (arts. 10–12)."""
    questions = {q: (i, labels) for i, (q, _, labels) in enumerate(charts._UNDERTAKER_QUESTIONS)}
    for path, rule in _leaves(charts.undertaker_tree()):
        for question, label in path:
            index, labels = questions[question]
            assert rule[index] is None or labels[rule[index]] == label, (path, rule)
    # hand-read from art. 10: reconsidered, government sole defendant -> justice bureau
    by_path = {tuple(label for _, label in path): rule[4] for path, rule in _leaves(charts.undertaker_tree())}
    assert by_path[("市、县（市、区）人民政府", "经复议", "单独被告")] == "justice_bureau"
    assert by_path[("市、县（市、区）人民政府", "未经复议", "不明确")] == "decided_by_government_office"
    assert by_path[("政府工作部门",)] == "internal_unit"
    assert by_path[("乡镇（街道）",)] == "township_decides"


@pytest.mark.parametrize("name", sorted(charts.CHARTS))
def test_each_chart_renders_and_links_only_to_published_provisions(name):
    fig = parse(charts.chart(name, "guide/flowcharts.md"))
    links = [a.get(XLINK + "href") for a in fig.iter(SVG + "a")]
    assert links and all(link.startswith(("../../measures/", "../../law/", "../#step-")) for link in links)
    assert len(texts(fig)) >= int(fig.get("data-nodes"))


def test_chart_references_exist():
    for ref in charts.refs():
        assert provisions.exists(ref), ref


def test_case_path_chart_has_one_box_per_step_of_the_guide():
    from macros import guide
    fig = parse(charts.chart("case_path", "guide/index.md"))
    assert int(fig.get("data-nodes")) == len(guide.steps()) == 15
    assert int(fig.get("data-edges")) == len(guide.steps()) - 1 == 14
    first = [t for t in texts(fig) if t.startswith("1 ")]
    assert first == ["1 收文登记"]


def test_positions_name_items_of_one_paragraph_once():
    assert charts.positions(["measures/10/1/1", "measures/10/1/3"]) == "第十条第一款第（一）、（三）项"
    assert charts.positions(["measures/11/1"]) == "第十一条第一款"

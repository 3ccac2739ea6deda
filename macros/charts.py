"""The three flowcharts of the guide, described as data and drawn by flowchart.py.

- case_path: the steps of data/case_path.yml (the same data as the guide's text);
- undertaker: the decision tree of arts. 10–12, derived from calculators.undertaker.RULES,
  the rule table the calculator itself uses;
- principal: who appears in court, arts. 19–24 and 27 (with head-rules art. 8).
Boxes link to the guide's steps or to the articles.
"""
from __future__ import annotations

from calculators import undertaker as undertaker_rules
from calculators.provisions import position

from . import flowchart, guide, linking
from .flowchart import Edge, Layout, Node

ROLE_SHORT = {"office": "办公室", "undertaker": "承办人员", "head": "出庭负责人", "legal": "法治机构/司法局"}


def case_path(page: str) -> str:
    """The path of a case: one box per step, four to a row."""
    items = []
    for s in guide.steps():
        who = "、".join(ROLE_SHORT[r] for r in s["who"])
        href = linking.url(page, f"{guide.GUIDE_PAGE}#{guide.step_anchor(s)}")
        items.append((s["id"], f"{s['number']} {s['short']}", f"{who}\n{s['limit']}", href))
    nodes, edges = flowchart.snake(items, 4)
    nodes[0].kind = "start"
    nodes[-1].kind = "result"
    return flowchart.render("图1　一个行政应诉案件的办理路径", nodes, edges,
                            layout=Layout(box_width=165, gap_x=28, gap_y=34),
                            desc="自收到起诉状副本至立卷归档的各步骤；每个方框注明办理人和期限，点击可跳到对应步骤的说明。")


def positions(refs: list[str]) -> str:
    """Items of one paragraph named once: 第十条第一款第（一）、（三）项."""
    out: list[str] = []
    for ref in refs:
        parent, _, item = ref.rpartition("/")
        prev = out[-1] if out else ""
        if ref.count("/") == 3 and prev.startswith(position(parent) + "第（") and prev.endswith("项"):
            out[-1] = prev[:-1] + f"、（{position(ref).rsplit('（', 1)[1][:-2]}）项"
        else:
            out.append(position(ref))
    return "、".join(out)


# Decision attributes of undertaker.RULES, in the order of the rule tuple:
# (question, link target, labels of the values)
_UNDERTAKER_QUESTIONS = (
    ("被告是哪一级机关？", "measures/10/1", {"government": "市、县（市、区）人民政府", "department": "政府工作部门",
                                       "township": "乡镇（街道）"}),
    ("是否经行政复议？", "measures/10/1/2", {False: "未经复议", True: "经复议"}),
    ("人民政府是单独被告还是共同被告？", "measures/10/1/2", undertaker_rules.GOVERNMENT_ROLES),
    ("实施被诉行政行为的机关是否明确？", "measures/10/1/3", {True: "明确", False: "不明确"}),
)


def undertaker_tree() -> dict:
    """The rule table as a tree: each inner node asks the next attribute some rule of the
    subset depends on; a rule that leaves the attribute open (None) follows every branch."""
    rules = undertaker_rules.RULES

    def build(subset, index):
        while index < len(_UNDERTAKER_QUESTIONS) and all(r[index] is None for r in subset):
            index += 1
        if index == len(_UNDERTAKER_QUESTIONS):
            if len(subset) != 1:
                raise ValueError(f"undertaker rules not decided by the attributes: {subset}")
            return {"rule": subset[0]}
        values = list(dict.fromkeys(r[index] for r in subset if r[index] is not None))
        question, ref, labels = _UNDERTAKER_QUESTIONS[index]
        return {"question": question, "ref": ref,
                "branches": [(labels[v], build([r for r in subset if r[index] in (v, None)], index + 1))
                             for v in values]}

    return build(list(rules), 0)


def undertaker(page: str) -> str:
    def question(n):
        return {"text": n["question"], "kind": "decision", "href": linking.ref_url(n["ref"], page),
                "tip": position(n["ref"])}

    def answer(n):
        *_, kind, refs = n["rule"]
        return {"text": undertaker_rules.KINDS[kind], "kind": "result", "href": linking.ref_url(refs[-1], page),
                "note": positions(refs)}

    def children(n):
        return n.get("branches", [])

    nodes, edges = flowchart.tree(undertaker_tree(), question=question, answer=answer, children=children)
    return flowchart.render("图2　应诉承办单位的确定（第十条至第十二条）", nodes, edges,
                            layout=Layout(box_width=128, gap_x=16, gap_y=50, font_size=13, note_size=11),
                            desc="由本站“应诉承办单位确定”计算器使用的同一张规则表生成。")


# (id, row, column, kind, text, note, link ref)
_PRINCIPAL_NODES = (
    ("summons", 0, 1.5, "start", "收到开庭传票", "承办单位组织、联络负责人出庭", "measures/13/1"),
    ("who", 1, 1.5, "decision", "是否经复议？谁是被告？", "第二十四条", "measures/24/1"),
    ("sole", 2, 0, "step", "本级人民政府有关负责人出庭", "", "measures/24/1"),
    ("joint", 2, 1, "step", "原行为机关负责人出庭；复议机关可仅委托工作人员", "", "measures/24/1"),
    ("several", 2, 2, "step", "共同出庭或协商由牵头机关负责人出庭；协商不成报司法行政机关确定", "", "measures/24/1"),
    ("direct", 2, 3, "step", "被诉行政机关负责人出庭", "", "measures/19/1"),
    ("items", 3, 1.5, "decision", "属于第二十二条第一款所列情形之一？", "十项情形，见第二十二条", "measures/22/1"),
    ("principal", 4, 0.5, "result", "主要负责人应当出庭应诉", "", "measures/22/1"),
    ("in_charge", 4, 2.5, "step", "按“谁分管、谁出庭”确定负责人", "涉企案件应加大主要负责人出庭比例（第二十三条）", "measures/20/1"),
    ("able", 5, 1.5, "decision", "确定的负责人能否出庭？", "例外情形见负责人出庭应诉规定第八条", "head-rules/8"),
    ("appear", 6, 0.5, "result", "开庭前提交身份证明；可另委托1至2名代理人，不得仅委托律师", "第十九条第四款、第二十七条", "measures/27/1"),
    ("report", 6, 2.5, "warn", "第一时间报告主要负责人，确定临时出庭负责人或申请延期开庭", "第二十条", "measures/20/1"),
    ("absent", 7, 2.5, "warn", "负责人未出庭的，一个月内向本级党委和政府主要负责人书面报告", "第二十条", "measures/20/1"),
)
_PRINCIPAL_EDGES = (
    ("summons", "who", ""), ("who", "sole", "复议机关单独被告"), ("who", "joint", "与复议机关共同被告"),
    ("who", "several", "两个以上机关作出原行为"), ("who", "direct", "未经复议"),
    ("sole", "items", ""), ("joint", "items", ""), ("several", "items", ""), ("direct", "items", ""),
    ("items", "principal", "是"), ("items", "in_charge", "否"),
    ("principal", "able", ""), ("in_charge", "able", ""),
    ("able", "appear", "能"), ("able", "report", "不能（不可抗力等）"), ("report", "absent", "仍未出庭"),
)


def principal(page: str) -> str:
    nodes = [Node(id_, text, row, col, kind=kind, note=note, href=linking.ref_url(ref, page), tip=position(ref))
             for id_, row, col, kind, text, note, ref in _PRINCIPAL_NODES]
    edges = [Edge(a, b, label) for a, b, label in _PRINCIPAL_EDGES]
    return flowchart.render("图3　谁出庭应诉（第十九条至第二十四条、第二十七条）", nodes, edges,
                            layout=Layout(box_width=165, gap_x=24, gap_y=48),
                            desc="先按是否经复议确定出庭机关，再判断是否须主要负责人出庭，最后处理负责人不能出庭的情形。")


CHARTS = {"case_path": case_path, "undertaker": undertaker, "principal": principal}


def chart(name: str, page: str) -> str:
    return CHARTS[name](page)


def refs() -> list[str]:
    """Every provision a chart links to (for the tests)."""
    out = [r for *_, r in _PRINCIPAL_NODES] + [q[1] for q in _UNDERTAKER_QUESTIONS]
    out += [ref for *_, refs in undertaker_rules.RULES for ref in refs]
    return out

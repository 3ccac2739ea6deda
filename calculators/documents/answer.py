"""行政答辩状 in the traditional layout (measures/15; the court samples since 2015): the
answering agency and its agents, the opening naming the case, 答辩请求, 事实与理由, 此致 and the
court, the signature and date, then 附 line by line with counts taken from the parties.

事实与理由 opens with the authority, the facts and the legal basis as plain paragraphs; the
arguments follow as sections 一、二、… — the procedural objections of measures/15/2 first, then
the user's views, whose own numbering is continued rather than collided with. When this agency
is the reconsideration organ, the arguments are those of measures/14 and alp-interp/135: the
reconsideration procedure was lawful and the decision on the original act correct.
"""
from ..citations import render as law
from . import objections as objection_items, substance
from .blocks import attachment_lines, cn_date, document as make_document, heading, line, note, paragraph, placeholder, signature, \
    title
from .case import Case

HEAD_LEGALITY = "关于被诉行政行为的合法性"
HEAD_OBJECTIONS = "原告的起诉不符合法定起诉条件"
HEAD_PROCEDURE = "答辩人作出的复议决定程序合法"
HEAD_DECISION = {"upheld": "复议决定维持原行政行为正确", "rejected": "复议决定驳回复议请求正确",
                 "changed": "复议决定改变原行政行为正确", "not_accepted": "复议决定正确"}


def parties(case: Case) -> list[dict]:
    """答辩人, its legal representative and agents (the plaintiffs are named in the opening)."""
    blocks = [line(f"答辩人：{case.agency_name}，住所地：{case.agency_address or placeholder('住所地')}。"),
              line(f"法定代表人：{case.representative_name}，{case.representative_title}。")]
    for agent in case.agents:
        blocks.append(line(f"委托诉讼代理人：{agent['name']}，{agent['post']}。"))
    return blocks


def opening(case: Case) -> dict:
    act = case.act or placeholder("被诉行政行为")
    if case.is_reconsideration_body():
        act = f"{act}及答辩人作出的{case.decision_text()}" if case.joint_with_body() else f"答辩人作出的{case.decision_text()}"
    return paragraph(f"{case.court}受理的{case.answer_title()}，案号为{case.case_number}。答辩人就原告对{act}提起的诉讼，"
                     "提出答辩如下：")


def arguments(case: Case, drafted: list[int]) -> tuple[list[dict], list[str]]:
    """事实与理由: the plain paragraphs, then the numbered sections; and the refs they cite."""
    refs: list[str] = []
    plain: list[str] = []
    sections: list[tuple[str, list[dict]]] = []
    if drafted:
        paras = []
        for index, number in enumerate(drafted, 1):
            block, used = objection_items.paragraph_for(number, index, case.filing_period, case.filing_inputs)
            paras.append(block)
            refs += used
        sections.append((HEAD_OBJECTIONS, paras))
    if case.is_reconsideration_body():
        procedure = substance.facts(case, "") if case.facts else [substance.procedure_skeleton(case)]
        sections.append((HEAD_PROCEDURE, [paragraph(p) for p in
                                          [*procedure, *substance.legal_basis_sentence(case, "答辩人作出复议决定", optional=True),
                                           substance.procedure_lawful(case)]]))
        sections.append((HEAD_DECISION[case.reconsideration_outcome],
                         [paragraph(p) for p in substance.decision_correct(case)]))
        refs += substance.PROCEDURE_REFS + substance.OUTCOME_REFS[case.reconsideration_outcome]
        if case.reconsideration_role == "joint_reconsideration":
            refs += ["alp-interp/135/2", "alp-interp/135/3"]
    else:
        plain += substance.authority(case)
        plain += substance.facts(case, "被诉行政行为作出的经过及认定的事实，按时间顺序写明调查、告知、听证、决定、送达等环节")
        plain += substance.legal_basis_sentence(case)
        if case.joint_with_body():
            plain.append(substance.reconsideration_course(case))
    lead, numbered_views = substance.views(case)
    if numbered_views:
        if lead:
            plain += lead
        sections += [(head, [paragraph(p) for p in body]) for head, body in numbered_views]
    elif sections:
        if lead:
            sections.append((HEAD_LEGALITY, [paragraph(p) for p in lead]))
    else:
        plain += lead or [placeholder("答辩理由：围绕职权依据、事实证据、程序、法律适用和适当性逐项说明被诉行政行为合法的"
                                      "理由，并逐一回应原告的诉讼理由")]
    blocks = [paragraph(p) for p in plain]
    for index, (head, body) in enumerate(sections, 1):
        blocks.append(heading(substance.numbered(index, head)))
        blocks += body
    return blocks, refs


def attachments(case: Case) -> list[dict]:
    """附 line by line: copies for every plaintiff and third party, the evidence with its count."""
    from .evidence import totals
    items, pages = totals(case.evidence)
    evidence = (f"证据目录1份，证据{items}项" + (f"（共{pages}页）" if pages else "")) if items else \
        f"证据目录1份，证据{placeholder('  ')}项"
    lines = [f"本答辩状副本{case.opposing_parties()}份", evidence, "法定代表人身份证明书1份", "授权委托书1份"]
    if case.head_appears():
        lines.append("出庭应诉负责人身份证明书1份")
    return attachment_lines("附", lines)


def document(case: Case) -> dict:
    drafted = objection_items.drafted(case.objections, case.filing_period)
    asked = substance.requests(case, bool(drafted))
    refs = ["measures/15/1", "measures/17/1", "alp/67/1"]
    blocks = [title("行政答辩状"), *parties(case), opening(case), heading("答辩请求：")]
    blocks += [paragraph(text) for text in substance.request_lines(asked)]
    blocks.append(heading("事实与理由："))
    body, used = arguments(case, drafted)
    blocks += body
    refs += used
    blocks.append(paragraph(substance.closing(asked)))
    blocks += [paragraph("此致"), line(case.court),
               signature(f"答辩人：{case.agency_name}", cn_date(case.answer_date))]
    blocks += attachments(case)
    blocks += notes(case, drafted)
    if case.reconsidered:
        refs.append("measures/14/1")
    return make_document("answer", "行政答辩状", blocks, case_number=case.case_number, basis=refs)


def notes(case: Case, drafted: list[int]) -> list[dict]:
    out = []
    burden = substance.burden_note(case)
    if burden:
        out.append(note(burden))
    if 6 in drafted or 7 in drafted:
        out.append(note(law("认为被告不适格的，仍应依法按期答辩、举证，不得以被告不适格为由拒绝承担应诉职责"
                            "（[[measures/38/1]]）。")))
    out.append(note(law("答辩状应当形式规范、说理充分（[[measures/15/1]]）；【】内为需补充的事实，提交前逐一填写并删除括号。"
                        "在答辩人署名处加盖应诉机关印章后提交人民法院（[[measures/17/1]]）；副本份数按原告和第三人的人数"
                        "计算。")))
    return out

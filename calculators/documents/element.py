"""行政答辩状 in the national element-style model form (要素式示范文本, 法〔2025〕82号, in use
since 2025-07-14), filled from the same facts as the traditional answer: 案号 and 案由; the
answering agency and its agents; 答辩事项 with the element table — statutory authority, facts,
legal basis, procedure, the claim for a duty or payment, other — each ticked ☑/☐ with its
具体理由; reconsideration or other suits; other matters; the evidence list; signature and date
(this form has no 此致). An element that does not apply is unticked and reads 无, as the
form asks. The structure follows the notes in ../shared/sources/forms/README.md; the official
file's wording of its notes box is not reproduced (shown on screen as guidance instead)."""
from ..citations import render as law
from . import objections as objection_items, substance
from .blocks import box, cn_date, document as make_document, group, note, placeholder, row, signature, table, \
    title
from .case import Case
from .evidence import totals
from .rows import AUTHORITIES

NONE = "无"
WIDTHS = [28, 72]


def _numbers(case: Case, categories: tuple) -> str:
    """（证据目录序号1、3）for the items of `categories`."""
    found = [str(n) for n, item in enumerate(case.evidence, 1) if item["category"] in categories]
    return f"（证据目录序号{'、'.join(found)}）" if found else ""


def _named(case: Case, categories: tuple) -> str:
    names = [item["name"] for item in case.evidence if item["category"] in categories]
    return "、".join(names)


def parties(case: Case) -> list[dict]:
    rows = [group("当事人信息"),
            row("答辩人（行政机关或者法律、法规、规章授权的组织）",
                f"名称：{case.agency_name}\n"
                f"住所地（主要办事机构所在地）：{case.agency_address or placeholder('住所地')}\n"
                f"法定代表人/主要负责人：{case.representative_name}　职务：{case.representative_title}　"
                f"联系电话：{case.agency_phone or placeholder('联系电话')}")]
    agents = []
    for agent in case.agents:
        grants = "　".join(f"{name}{box(agent['authority'] == key)}" for key, name in AUTHORITIES.items())
        agents.append(f"姓名：{agent['name']}\n单位、职务：{agent['post']}　联系电话：{agent['phone'] or placeholder('联系电话')}\n"
                      f"代理权限：{grants}")
    rows.append(row("委托诉讼代理人", f"有{box(bool(agents))}\n" + "\n".join(agents) + f"\n无{box(not agents)}"))
    return rows


def elements(case: Case, drafted: list[int]) -> tuple[list[dict], list[str]]:
    """The element table's rows 1–6 and the refs the drafted objections cite."""
    refs: list[str] = []
    body = case.is_reconsideration_body()
    authority = substance.authority(case)
    named = _named(case, ("authority",))
    if not authority:
        authority = [f"答辩人依据{named}{_numbers(case, ('authority',))}具有作出被诉行政行为的法定职权。" if named
                     else placeholder("作出被诉行政行为的法定职权及其来源")]
    if body:
        facts = [substance.reconsideration_course(case) if case.joint_with_body() else "",
                 *substance.decision_correct(case)]
        facts = [f for f in facts if f]
        procedure = (substance.facts(case, "") if case.facts else [substance.procedure_skeleton(case)]) + \
            [substance.procedure_lawful(case)]
        refs += substance.PROCEDURE_REFS + substance.OUTCOME_REFS[case.reconsideration_outcome]
    else:
        facts = substance.facts(case, "被诉行政行为认定的事实及证据")
        evidence = _numbers(case, ("facts",))
        if evidence and case.facts:
            facts[-1] += f"上述事实有{_named(case, ('facts',))}等证据证明{evidence}。"
        named_procedure = _named(case, ("procedure",))
        procedure = [f"被诉行政行为经过{placeholder('立案、调查、告知、听证、决定、送达等环节及其日期')}，"
                     + (f"有{named_procedure}等证据证明{_numbers(case, ('procedure',))}。" if named_procedure
                        else "符合法定程序。")]
    basis = substance.legal_basis_sentence(case, "答辩人作出复议决定" if body else "答辩人作出被诉行政行为")
    other = []
    for index, number in enumerate(drafted, 1):
        block, used = objection_items.paragraph_for(number, index, case.filing_period, case.filing_inputs)
        other.append(block["text"])
        refs += used
    lead, sections = substance.views(case)
    other += lead
    for index, (head, paras) in enumerate(sections, 1):
        other += [substance.numbered(index, head), *paras]
    duty = placeholder("原告要求履行法定职责或者给付义务的请求不能成立的理由") if case.duty_claim else NONE
    items = [
        ("1. 作出被诉行政行为具有法定职权", True, authority),
        ("2. 被诉行政行为有事实依据", True, facts),
        ("3. 被诉行政行为有法律依据（法律、法规等）", True, basis),
        ("4. 被诉行政行为符合法定程序", True, procedure),
        ("5. 原告要求被告履行职责或者给付的请求不成立", case.duty_claim, [duty]),
        ("6. 其他", bool(other), other or [NONE]),
    ]
    rows = [row(f"{label}{box(ticked)}", "具体理由：" + "\n".join(reasons) if ticked else NONE)
            for label, ticked, reasons in items]
    return rows, refs


def other_suits(case: Case, drafted: list[int]) -> str:
    """Element 7: reconsideration (case data) or another suit (objection (二))."""
    parts = []
    if case.reconsidered:
        parts.append(f"行政复议：复议机关{case.body_name()}；复议决定{case.decision_text()}；"
                     f"结果：{substance.OUTCOME_WORDS[case.reconsideration_outcome]}。")
    if 2 in drafted:
        parts.append(f"其他诉讼：{objection_items.OBJECTIONS[2].facts}。")
    if 4 in drafted and not case.reconsidered:
        parts.append(f"行政复议：{objection_items.OBJECTIONS[4].facts}。")
    if parts:
        return f"是{box(True)}\n" + "\n".join(parts) + f"\n否{box(False)}"
    return f"是{box(False)}\n否{box(True)}"


def document(case: Case) -> dict:
    drafted = objection_items.drafted(case.objections, case.filing_period)
    asked = substance.requests(case, bool(drafted))
    element_rows, refs = elements(case, drafted)
    items, pages = totals(case.evidence)
    evidence = (f"详见所附《证据目录》：证据{items}项" + (f"，共{pages}页。" if pages else "。")) if items else \
        f"详见所附《证据目录》：证据{placeholder('  ')}项。"
    rows = [row("案号", case.case_number), row("案由", case.cause_text()), *parties(case),
            group("答辩事项"), row("答辩请求", "\n".join(substance.request_lines(asked))), *element_rows,
            row("7. 本案是否经过行政复议或者提起过其他诉讼", other_suits(case, drafted)),
            row("8. 其他需要说明的事项", "答辩人已向人民法院申请延长举证期限。" if case.extension else NONE),
            group("证据清单"), row("证据清单", evidence)]
    blocks = [title("行政答辩状"), table(["要素", "内容"], WIDTHS, rows, header=False, breakable=True),
              signature(f"答辩人（签字、盖章）：{case.agency_name}", f"日期：{cn_date(case.answer_date)}")]
    blocks += [note(law("要素式答辩状：随答辩状提交法人身份证明和法定代表人或者主要负责人的身份证明；如实填写；不适用的"
                        "项目填“无”；勾选项以☑表示。Word 文档可以根据需要增加行数，但不得改变要素和格式。"
                        "在答辩人处加盖应诉机关印章（[[measures/17/1]]）。提交前请核对人民法院发布的示范文本。"))]
    burden = substance.burden_note(case)
    if burden:
        blocks.append(note(burden))
    basis = ["measures/15/1", "measures/17/1", "alp/67/1", *refs]
    if case.reconsidered:
        basis.append("measures/14/1")
    return make_document("answer", "行政答辩状", blocks, case_number=case.case_number, basis=basis)

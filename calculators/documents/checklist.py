"""The case checklist: every duty of the measures from receipt of the complaint to archiving,
tailored to the case (reconsidered or not, enterprise party, who must appear) and dated with
the `deadlines` result. Given as a document of the package (printable, .docx) and as Markdown
and plain text for pasting into an OA system.

The table STEPS lists the duties in order: (id, stage, title, refs, builder). A builder
returns the requirement text and the time limit for this case, or None where the duty does
not arise on these facts.
"""
import re

from .. import holidays, periods, provisions
from ..numerals import item_list, to_chinese
from ..citations import render as law
from . import citing
from .objections import drafted as drafted_objections
from .blocks import cn_date, document as make_document, group, line, note, row, table, title
from .case import Case
from .rows import AGENT_KIND_SHORT

STAGES = {
    "receipt": "收案登记",
    "answer": "答辩举证",
    "hearing": "出庭应诉",
    "judgment": "裁判后",
    "closing": "结案归档",
}


def _latest(day) -> str:
    """最迟2026年9月19日, with the last working day before it when that day is a rest day
    (internal deadlines are not extended)."""
    text = f"最迟{cn_date(day)}"
    if holidays.covered(day.year) and holidays.is_rest_day(day):
        before, _ = periods.last_working_day_on_or_before(day)
        text += f"（休息日，宜提前至{cn_date(before)}）"
    return text


def _register(case):
    return ("收到起诉状副本等行政应诉法律文书后登记；不得无故不登记或延迟登记，不得以被告不适格为由拒绝承担应诉职责。",
            f"收到后3日内，{_latest(case.due('register'))}")


def _upload_complaint(case):
    return "将人民法院送达的起诉状、立案通知书等材料及时上传至行政应诉管理平台。", "收到后及时"


def _undertaker(case):
    u = case.undertaker
    text = f"确定行政应诉承办单位：{u['undertaker']['name']}，明确行政应诉承办人员。"
    if u.get("supervision"):
        text += u["supervision"]
    return text, "登记时及时确定"


def _report_major(case):
    """measures/43/3, where the facts entered for art. 22 already say so (items (五), (六))."""
    kinds = {5: "社会关注度高", 6: "可能引发群体性事件"}
    flags = [kinds[g["item"]] for g in case.principal["grounds"] if g["item"] in kinds]
    if not flags:
        return None
    return f"本案{'、'.join(flags)}，应诉机关或应诉承办单位应当主动及时向本级人民政府报告。", "及时"


def _risk(case):
    text = "就被诉行政行为开展败诉风险评估（见《败诉风险评估报告》提纲）。"
    text += ("本案经评估存在败诉风险，应当向应诉机关报告。" if case.loss_risk
             else "存在败诉风险的，应当向应诉机关报告。")
    return text, f"提交答辩材料前3个工作日内，最迟{cn_date(case.due('risk_report'))}"


def _mediation(case):
    text = ("符合和解调解范围的，积极组织调解和参与诉前和解；人民法院或者行政争议审前和解中心、司法行政机关书面建议"
            "负责人参与调解的，负责人应当参加；可以委托1至2名了解案情的诉讼代理人参加调解和解活动。")
    if case.enterprise_party:
        text += "涉企行政案件，涉诉部门负责人要全程参与纠纷化解，庭审前后积极与涉案企业或行业协会、商会等沟通。"
    return text, "答辩期间及审理中"


def _answer(case):
    text = "起草行政答辩状，载明受理法院和案号、答辩机关基本信息、事实和相关依据、主要观点和答辩请求、落款和日期。"
    if case.objections:
        drafted = drafted_objections(case.objections, case.filing_period)
        if drafted:
            items = "、".join(f"[[measures/15/2/{n}#]]" for n in drafted)
            text += law(f"已拟写{items}的程序性答辩意见，补全【】中的事实。")
    return text, f"{cn_date(case.due('answer'))}前提交"


def _evidence(case):
    n = len(case.evidence)
    text = (f"制作证据目录（已列{n}项），逐一分类编号，说明来源、证明对象、内容和证明目的；整理证据、依据及其他材料。"
            if n else "制作证据目录，逐一分类编号，说明来源、证明对象、内容和证明目的（尚未列入证据）。")
    return text, f"{cn_date(case.due('answer'))}前提交"


def _burden(case):
    burden = case.undertaker.get("burden_of_proof")
    if not burden:
        return None
    # the undertaker calculator states the burden as alp-interp/135 puts it, and measures/14/1 as
    # the division of the work between the two authorities
    text = "经复议的案件的举证责任：" + "".join(burden)
    if case.joint_with_body() or case.defendant in ("department", "township"):
        text += "两机关的证据应当衔接。"
    return text, f"{cn_date(case.due('answer'))}前"


def _record(case):
    f = case.undertaker["filing"]
    if f["required"]:
        return f"答辩状、证据目录及证据、依据等材料报{f['with']}备案（见《备案函》）后，再提交人民法院。", \
            f"{cn_date(case.due('answer'))}前（备案后提交）"
    return "不需报备：" + f["text"], "—"


def _submit(case):
    return ("在答辩状、证据目录、法定代表人身份证明书、授权委托书和出庭应诉负责人身份证明书上加盖应诉机关印章，"
            "通过EMS等合法邮寄方式或直接送达、电子送达等人民法院认可的途径提交人民法院，保留交寄凭证。",
            f"{cn_date(case.due('answer'))}前（期满前交邮的不算过期）")


def _extension(case):
    if not case.extension:
        return None
    return ("因不可抗力或者其他正当事由不能在举证期限内提交的，向人民法院提出延长举证期限的书面申请"
            "（见《延长举证期限申请书》）。", f"举证期限届满前（{cn_date(case.due('answer'))}前）")


def _survey(case):
    return "人民法院需要组织现场调查的，积极配合；需要时组织协调有关部门、单位召开协调会或赴现场调查。", "人民法院通知时"


def _head(case):
    p = case.principal
    if p["principal_must_appear"]:
        items = item_list(g["item"] for g in p["grounds"])
        text = law(f"本案属于[[measures/22/1#]]{items}规定的情形，行政机关主要负责人应当出庭应诉。")
    elif p["head_must_appear"]:
        text = "行政机关负责人应当出庭应诉，按“谁分管、谁出庭”确定出庭负责人。"
    else:
        text = "复议机关与作出原行政行为的行政机关为共同被告，复议机关可仅委托工作人员出庭应诉；负责人积极出庭参与纠纷化解的，应予鼓励和支持。"
    if case.head_name:
        text += f"拟出庭负责人：{case.head_name}{('（' + case.head_post + '）') if case.head_post else ''}。"
    if case.enterprise_party:
        text += "涉企行政案件，应当加大主要负责人出庭应诉比例。"
    text += "负责人因正当事由不能及时出庭的，第一时间报告本机关主要负责人，由其确定临时出庭应诉负责人或申请法院延期开庭"
    text += ("（已生成情况说明" + ("和延期开庭申请书" if case.hearing_postpone else "") + "）。") if case.head_absent else "。"
    when = f"开庭日{cn_date(case.hearing_date)}" if case.hearing_date else "收到开庭传票后组织、联络"
    return text, when


def _head_certificate(case):
    if not case.head_appears() and not case.head_name:
        return None
    when = f"开庭前（{cn_date(case.hearing_date)}前）" if case.hearing_date else "开庭前"
    return "向人民法院提交载明负责人姓名、职务并加盖应诉机关印章的出庭应诉负责人身份证明书。", when


def _agents(case):
    names = "、".join(f"{a['name']}（{AGENT_KIND_SHORT[a['kind']]}）" for a in case.agents)
    return (f"委托诉讼代理人：{names}；至少1名为熟悉本机关相关业务的工作人员，不得仅委托律师出庭；"
            "发挥公职律师和政府法律顾问的作用。出具授权委托书。", "开庭前")


def _hearing(case):
    return ("遵守法庭纪律，尊重司法礼仪；围绕争议焦点充分陈述事实和理由，出示证据、依据，就合法性、适当性和证据的"
            "真实性、合法性、关联性及证明目的进行质证和辩论。", cn_date(case.hearing_date) if case.hearing_date else "开庭时")


def _transcript(case):
    return "庭审结束后核对庭审笔录，补充遗漏、修改差错，确认无误后再签字；必要时依法请求复印庭审笔录。", "庭审结束时"


def _absence_report(case):
    due = case.due("absence_report")
    when = f"开庭后一个月内，{_latest(due)}" if due else "开庭后一个月内"
    return "负责人未出庭应诉的，涉及的相关负责人（含主要负责人）向本级党委和政府主要负责人书面报告情况。", \
        "如未出庭：" + when


def _upload_judgment(case):
    return "收到裁判文书后及时上传至行政应诉管理平台。", "收到后及时"


def _appeal(case):
    return ("认为应当上诉或申请再审的，提出上诉或申请再审建议，经本级行政机关负责人批准并报司法行政机关备案后按法定程序"
            "办理；裁判文书有履行内容或需要进一步处理的，及时提出工作意见报本单位负责人。",
            "收到裁判文书后5日内（上诉期限：判决15日、裁定10日）")


def _perform(case):
    return "对发生法律效力的判决、裁定、调解书自觉履行；应诉承办单位负责组织实施，负责人督促及时履行。", "裁判生效后"


def _suggestion(case):
    return "对人民法院的司法建议和人民检察院的检察建议认真研究和办理，并及时书面回复办理结果。", "收到后及时"


def _archive(case):
    return "诉讼终结后按有关规定将案件材料立卷归档；有条件的建立行政应诉案卷电子化档案。", "诉讼终结后"


STEPS = (
    ("register", "receipt", "登记", ("measures/38/1",), _register),
    ("upload_complaint", "receipt", "上传平台（起诉材料）", ("measures/44/2",), _upload_complaint),
    ("undertaker", "receipt", "确定承办单位", ("measures/38/1",), _undertaker),
    ("report_major", "receipt", "向本级人民政府报告", ("measures/43/3",), _report_major),
    ("risk", "answer", "败诉风险评估", ("measures/18/1",), _risk),
    ("mediation", "answer", "和解调解", ("measures/18/1", "measures/32/1"), _mediation),
    ("answer", "answer", "答辩状", ("measures/15/1", "measures/15/2", "alp/67/1"), _answer),
    ("evidence", "answer", "证据目录", ("measures/16", "alp/34/1"), _evidence),
    ("burden", "answer", "举证责任", ("measures/14/1",), _burden),
    ("record", "answer", "备案", ("measures/13/1",), _record),
    ("submit", "answer", "盖章提交", ("measures/17/1", "measures/39", "cpl/85/4"), _submit),
    ("extension", "answer", "延长举证期限", ("measures/17/2", "alp-interp/34"), _extension),
    ("survey", "answer", "配合现场调查", ("measures/13/3",), _survey),
    ("head", "hearing", "负责人出庭", ("measures/19/1", "measures/19/2", "measures/20/1", "measures/22/1",
                                     "measures/24/1"), _head),
    ("head_certificate", "hearing", "出庭应诉负责人身份证明", ("measures/19/4",), _head_certificate),
    ("agents", "hearing", "委托诉讼代理人", ("measures/27/1", "measures/27/2"), _agents),
    ("hearing", "hearing", "出庭", ("measures/29", "measures/30"), _hearing),
    ("transcript", "hearing", "核对庭审笔录", ("measures/31",), _transcript),
    ("absence_report", "hearing", "负责人未出庭的书面报告", ("measures/20/1",), _absence_report),
    ("upload_judgment", "judgment", "上传平台（裁判文书）", ("measures/44/2",), _upload_judgment),
    ("appeal", "judgment", "上诉或再审建议", ("measures/33/1/1", "measures/33/1/2"), _appeal),
    ("perform", "judgment", "履行生效裁判", ("measures/35/1", "measures/35/2"), _perform),
    ("suggestion", "judgment", "司法建议、检察建议", ("measures/36",), _suggestion),
    ("archive", "closing", "立卷归档", ("measures/46",), _archive),
)


def _refs(case: Case, step_id: str, refs: tuple) -> list[str]:
    """The step's provisions; the undertaker and record steps add what `undertaker` cited."""
    refs = list(refs)
    if step_id == "undertaker":
        under = [provisions.plain(b["ref"]) for b in case.undertaker["basis"]]
        refs += [r for r in under if re.match(r"measures/1[0-2]/", r)]
    if step_id == "record":
        refs += [r for r in map(provisions.plain, (b["ref"] for b in case.undertaker["basis"]))
                 if r in ("measures/13/1", "measures/13/2")]
    if step_id == "head":
        refs = [r for r in refs if r != "measures/22/1"] + [provisions.plain(g["ref"]) for g in case.principal["grounds"]]
        if case.enterprise_party:
            refs.append("measures/23/1")
    return list(dict.fromkeys(refs))


def items(case: Case) -> list[dict]:
    out = []
    for step_id, stage, name, refs, builder in STEPS:
        built = builder(case)
        if built is None:
            continue
        text, when = built
        step_refs = _refs(case, step_id, refs)
        out.append({"id": step_id, "stage": stage, "stage_title": STAGES[stage], "title": name, "text": text,
                    "when": when, "refs": step_refs, "labels": [citing.short(r) for r in step_refs]})
    for number, item in enumerate(out, 1):
        item["number"] = number
    return out


def build(case: Case) -> dict:
    steps = items(case)
    return {"items": steps, "document": _document(case, steps), "markdown": markdown(case, steps),
            "text": plain_text(case, steps)}


def _header(case: Case) -> list[tuple[str, str]]:
    return [("案件", f"{case.case_title()}（{case.court}{case.case_number}）"),
            ("应诉承办单位", case.undertaker["undertaker"]["name"]),
            ("起诉状副本送达", cn_date(case.complaint_served)),
            ("答辩、举证期限", cn_date(case.due("answer")))]


def _staged(steps: list[dict]):
    for index, (stage, name) in enumerate(STAGES.items(), 1):
        members = [s for s in steps if s["stage"] == stage]
        if members:
            yield f"{to_chinese(index)}、{name}", members


def _document(case: Case, steps: list[dict]) -> dict:
    rows = []
    for heading_text, members in _staged(steps):
        rows.append(group(heading_text))
        rows += [row(str(s["number"]), s["title"], s["when"], s["text"], "；".join(s["labels"]), "□") for s in members]
    blocks = [title("行政应诉工作清单"), *[line(f"{k}：{v}") for k, v in _header(case)],
              table(["序号", "事项", "时限", "办理要求", "依据", "完成"], [6, 12, 18, 44, 14, 6], rows, compact=True),
              note("内部期限（登记3日、风险报告、上诉建议5日、未出庭报告一个月）不因休息日顺延；法定期限（答辩举证15日、上诉）"
                   "届满日遇休息日顺延。日期依据本站期限计算器，请以送达回证等记载的日期为准。")]
    refs = [r for s in steps for r in s["refs"]]
    return make_document("checklist", "行政应诉工作清单", blocks, case_number=case.case_number, basis=refs)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~])")


def _md(text: str) -> str:
    """Text shown literally by a Markdown renderer (ASCII punctuation backslash-escaped)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def markdown(case: Case, steps: list[dict]) -> str:
    out = ["# 行政应诉工作清单", ""]
    out += [f"- **{k}**：{_md(v)}" for k, v in _header(case)]
    for heading_text, members in _staged(steps):
        out += ["", f"## {heading_text}", ""]
        for s in members:
            out.append(f"- [ ] **{s['number']}. {s['title']}**（{_md(s['when'])}）：{_md(s['text'])}"
                       f"依据：{_md('；'.join(s['labels']))}。")
    return "\n".join(out) + "\n"


def plain_text(case: Case, steps: list[dict]) -> str:
    out = ["行政应诉工作清单"]
    out += [f"{k}：{v}" for k, v in _header(case)]
    for heading_text, members in _staged(steps):
        out += ["", heading_text]
        for s in members:
            out.append(f"□ {s['number']}. {s['title']}（{s['when']}）：{s['text']}依据：{'；'.join(s['labels'])}。")
    return "\n".join(out) + "\n"

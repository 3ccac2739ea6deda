"""行政答辩状 (measures/15): 受理法院和案号、答辩机关基本信息、事实和相关依据、主要观点和答辩请求、
落款和日期; each procedural objection of measures/15/2 the user ticks becomes a drafted
paragraph citing its legal basis, with 【……】 where the facts of the case must be added."""
import datetime as dt
from typing import NamedTuple

from .. import notices, provisions
from ..numerals import to_chinese
from . import citing
from .blocks import SEAL, cn_date, document as make_document, heading, line, note, paragraph, paragraphs, \
    placeholder, signature, title
from .case import Case


class Objection(NamedTuple):
    number: int          # item of measures/15/2
    label: str           # the form's words (the item's text)
    heading: str         # the drafted paragraph's first sentence
    body: str            # the reasoning, with {cite} for the citation and 【】 for facts to add
    refs: tuple          # legal basis cited in the drafted paragraph
    conclusion: str = "原告的起诉不符合法定起诉条件，依法应当裁定驳回起诉。"


# measures/15/2 items (一)–(八), each with the provisions of the law that carry it.
OBJECTIONS = {o.number: o for o in (
    Objection(1, "原告不具有提起该行政诉讼的主体资格",
              "原告不具有提起本案行政诉讼的主体资格。",
              "原告既不是被诉行政行为的相对人，与被诉行政行为也没有利害关系：{facts}。依照{cite}的规定，",
              ("alp/25/1", "alp/49/1/1", "alp-interp/69/1/1")),
    Objection(2, "原告曾就被诉行政行为提起过诉讼",
              "原告曾就被诉行政行为提起过诉讼，本案属于重复起诉。",
              "原告已于{facts}就同一行政行为提起诉讼，本案与前诉的当事人相同、诉讼标的相同，诉讼请求相同或者已被前诉裁判"
              "所包含，构成重复起诉。依照{cite}的规定，",
              ("alp-interp/106", "alp-interp/69/1/6")),
    Objection(3, "原告未在法定期限内提起行政诉讼",
              "原告未在法定期限内提起行政诉讼。",
              "{facts}依照{cite}的规定，",
              ("alp/46/1", "alp/48", "alp-interp/69/1/2")),
    Objection(4, "原告已就被诉行政行为申请行政复议，尚在行政复议程序中",
              "原告已就被诉行政行为申请行政复议，尚在行政复议程序中。",
              "原告已于{facts}向复议机关申请行政复议，在法定复议期间内又向人民法院提起诉讼。依照{cite}的规定，"
              "对此类起诉人民法院应当裁定不予立案，",
              ("alp-interp/57", "alp-interp/69/1/10"), "已经立案的，应当裁定驳回起诉。"),
    Objection(5, "应当复议前置的行政行为，未经过行政复议",
              "被诉行政行为依法应当先申请行政复议，原告未经行政复议直接提起诉讼。",
              "依照{facts}的规定，对被诉行政行为不服的，应当先向行政机关申请复议，对复议决定不服再向人民法院提起诉讼。"
              "原告未申请行政复议即提起本案诉讼，依照{cite}的规定，",
              ("alp/44/2", "alp-interp/56/1", "alp-interp/69/1/5")),
    Objection(6, "不应当由应诉机关作为该行政诉讼的被告",
              "答辩人不是本案的适格被告。",
              "被诉行政行为系{facts}作出，依照{cite}的规定，答辩人不应作为本案被告。请求人民法院告知原告变更被告；"
              "原告不同意变更的，",
              ("alp/26", "alp-interp/26/1", "alp-interp/69/1/3"), "依法裁定驳回起诉。"),
    Objection(7, "复议机关的复议决定属于程序性驳回，原告应当选择复议机关或原行政行为作出机关择其一起诉，却错列为共同被告",
              "复议决定属于程序性驳回，原告将复议机关与原行政行为作出机关错列为共同被告。",
              "{facts}以原告的复议申请不符合受理条件为由驳回，不属于复议机关决定维持原行政行为的情形。依照{cite}的规定，"
              "原告应当选择复议机关或者原行政行为作出机关择其一起诉。请求人民法院告知原告变更被告；原告不同意变更的，",
              ("alp/26/2", "alp-interp/133", "alp-interp/26/1", "alp-interp/69/1/3"), "依法裁定驳回起诉。"),
    Objection(8, "其他不符合法律规定诉讼要件的",
              "原告的起诉不符合法律规定的其他诉讼要件。",
              "{facts}。依照{cite}的规定，",
              ("alp/49", "alp-interp/69/1/10")),
)}

FACTS = {
    1: "【原告与被诉行政行为不存在利害关系的事实】",
    2: "【前诉的时间、受诉法院、案号及裁判结果】",
    4: "【申请行政复议的日期、复议机关及受理情况】",
    5: "【规定复议前置的法律、法规名称及条款】",
    6: "【实际作出被诉行政行为的机关及其依据】",
    7: "【复议机关名称】于【日期】作出的【复议决定文号】",
    8: "【具体情形，如不属于人民法院受案范围、被诉行为对原告合法权益明显不产生实际影响、诉讼标的已为生效裁判所羁束等】",
}


def objection_paragraph(case: Case, number: int, index: int) -> tuple[dict, list[str]]:
    """The drafted paragraph for objection `number`, numbered (一), (二)… by `index`; its refs."""
    o = OBJECTIONS[number]
    refs = list(o.refs)
    facts = FACTS.get(number, "")
    if number == 3:
        facts, refs = _late_facts(case)
    text = f"（{to_chinese(index)}）{o.heading}" + o.body.format(facts=facts, cite=citing.cite(refs)) + o.conclusion
    return paragraph(text), [f"measures/15/2/{number}", *refs]


# filing_period's binding limit -> (start input, how the start is told, the period's words)
LATE_LIMITS = {
    "direct": ("known_date", "原告于{start}知道或者应当知道被诉行政行为", "应当自该日起六个月内提起诉讼"),
    "reconsideration": ("reconsideration_decision_served", "原告于{start}收到复议决定书",
                        "应当自收到复议决定书之日起十五日内提起诉讼"),
    "not_informed": ("known_date", "原告于{start}知道或者应当知道被诉行政行为的内容",
                     "即使未告知起诉期限，起诉期限自该日起最长也不得超过一年"),
    "not_informed_reconsideration": ("reconsideration_decision_served", "原告于{start}收到复议决定书",
                                     "即使复议决定未告知起诉期限，起诉期限自该日起最长也不得超过一年"),
    "longest": ("act_date", "被诉行政行为于{start}作出",
                "自作出之日起超过五年（因不动产提起诉讼的为二十年）提起诉讼的，人民法院不予受理"),
}


def _late_facts(case: Case) -> tuple[str, list[str]]:
    """Objection (三) with the dates filing_period computed, or placeholders without them."""
    fp = case.filing_period
    refs = ["alp-interp/69/1/2"]
    if not fp:
        return ("原告于【知道或者应当知道被诉行政行为的日期】知道或者应当知道被诉行政行为，起诉期限至【届满日期】届满，"
                "原告于【起诉日期】才提起本案诉讼，已超过法定起诉期限，且【不存在因不可抗力或者其他不属于其自身的原因"
                "耽误起诉期限的情形】。", ["alp/46/1", "alp/48", *refs])
    binding = next(lim for lim in fp["limits"] if lim["binding"])
    start_key, started, period = LATE_LIMITS[binding["id"]]
    start = case.filing_inputs[start_key]
    filed = case.filing_inputs["filed_date"]
    text = (f"{started.format(start=cn_date(start))}，{period}，起诉期限至{cn_date(dt.date.fromisoformat(fp['deadline']))}"
            f"届满。原告于{cn_date(filed)}才提起本案诉讼，已超过法定起诉期限，且【不存在因不可抗力或者其他不属于其自身"
            "的原因耽误起诉期限的情形】。")
    if fp["timely"]:
        case.warnings.append(notices.warning(
            "documents.objection_timely", "已勾选“原告未在法定期限内提起行政诉讼”，但按所填日期原告在起诉期限内起诉"
            f"（届满日{cn_date(dt.date.fromisoformat(fp['deadline']))}），请核实日期或取消该项。"))
    return text, [*(provisions.plain(b["ref"]) for b in binding["basis"]), "alp/48", *refs]


def document(case: Case) -> dict:
    refs = ["measures/15/1", "measures/17/1", "alp/67/1"]
    blocks = [title("行政答辩状")]
    blocks.append(line(f"答辩人：{case.agency_name}，住所地：{case.agency_address or placeholder('住所地')}。"))
    blocks.append(line(f"法定代表人：{case.representative_name}，职务：{case.representative_title}。"))
    for agent in case.agents:
        blocks.append(line(f"委托诉讼代理人：{agent['name']}，{agent['post']}。"))
    for p in case.plaintiffs:
        blocks.append(line(f"被答辩人（原告）：{p}"))
    for p in case.third_parties:
        blocks.append(line(f"第三人：{p}"))
    act = case.act or placeholder("被诉行政行为")
    blocks.append(paragraph(f"{case.court}受理的原告{case.plaintiff_short()}诉答辩人{case.cause_text()}一案，"
                            f"案号为{case.case_number}。答辩人就原告对{act}提起的诉讼，提出答辩意见如下："))

    sections = []
    if case.objections:
        drafted = []
        for index, number in enumerate(case.objections, 1):
            block, used = objection_paragraph(case, number, index)
            drafted.append(block)
            refs += used
        sections.append(("原告的起诉不符合法定起诉条件", drafted))
        if 6 in case.objections or 7 in case.objections:
            refs.append("measures/38/1")
    sections.append(("事实和相关依据",
                     paragraphs(case.facts, "被诉行政行为作出的经过及认定的事实，按时间顺序写明调查、告知、听证、决定、送达等环节")
                     + paragraphs(case.legal_basis, "作出被诉行政行为所依据的法律、法规、规章和规范性文件及其条款",
                                  prefix="")))
    sections.append(("答辩意见", paragraphs(case.views, "围绕职权依据、事实证据、程序、法律适用和适当性逐项说明被诉行政行为合法的理由，"
                                                       "并逐一回应原告的诉讼理由")))
    for index, (head, body) in enumerate(sections, 1):
        blocks.append(heading(f"{to_chinese(index)}、{head}"))
        blocks += body

    default_request = ("请求人民法院依法裁定驳回原告的起诉。" if case.objections
                       else "请求人民法院依法判决驳回原告的诉讼请求。")
    blocks += paragraphs(case.requests or default_request, "答辩请求", prefix="综上所述，")
    blocks.append(line("此致"))
    blocks.append(line(case.court))
    blocks.append(signature(f"答辩人：{case.agency_name}", SEAL, cn_date(case.answer_date)))
    blocks.append(line("附：" + "；".join(_attachments(case)) + "。"))
    if 6 in case.objections or 7 in case.objections:
        blocks.append(note("认为被告不适格的，仍应依法按期答辩、举证，不得以被告不适格为由拒绝承担应诉职责"
                           "（《聊城市行政应诉工作管理办法》第三十八条第一款）。"))
    blocks.append(note("答辩状应当形式规范、说理充分（办法第十五条第一款）；【】内为需补充的事实，提交前请逐一填写并删除括号。"
                       "加盖应诉机关印章后提交人民法院（办法第十七条第一款）。"))
    return make_document("answer", "行政答辩状", blocks, case_number=case.case_number, basis=refs)


def _attachments(case: Case) -> list[str]:
    items = ["本答辩状副本" + placeholder("份数") + "份", "证据目录及证据材料", "法定代表人身份证明书", "授权委托书"]
    if case.head_appears():
        items.append("出庭应诉负责人身份证明书")
    return [f"{i}. {text}" for i, text in enumerate(items, 1)]

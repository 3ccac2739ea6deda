"""The procedural objections of measures/15/2, items (一)–(八): each becomes a drafted paragraph
of the answer citing the provisions of the law that carry it, with 【……】 where the facts of
the case must be added.

Item (三) (the suit is late) is drafted only when the filing_period calculator, given the
case's dates, finds the suit late, and then with its dates: an answer must not assert a time
limit that the dates do not support. Its wording never concedes that the agency failed to
state the time limit (the longest limit of alp-interp/64 is argued as “even counted that way”).
"""
import datetime as dt
from typing import NamedTuple

from .. import notices
from ..citations import render as law
from ..numerals import to_chinese
from . import citing
from .blocks import cn_date, paragraph

DISMISS = "原告的起诉不符合法定起诉条件，依法应当裁定驳回起诉。"


class Objection(NamedTuple):
    number: int          # item of measures/15/2
    label: str           # the form's words (the item's text)
    heading: str         # the drafted paragraph's first sentence
    body: str            # the reasoning, with {facts} and {cite}
    refs: tuple          # legal basis cited in the drafted paragraph
    facts: str = ""      # what the staff member adds, as a placeholder
    conclusion: str = DISMISS
    help: str = ""


OBJECTIONS = {o.number: o for o in (
    Objection(1, "原告不具有提起该行政诉讼的主体资格",
              "原告不具有提起本案行政诉讼的主体资格。",
              "原告既不是被诉行政行为的相对人，与被诉行政行为也没有利害关系：{facts}。依照{cite}的规定，",
              ("alp/25/1", "alp/49/1/1", "alp-interp/69/1/1"), "【原告与被诉行政行为不存在利害关系的事实】"),
    Objection(2, "原告曾就被诉行政行为提起过诉讼",
              "原告曾就被诉行政行为提起过诉讼，本案属于重复起诉。",
              "原告已于{facts}就同一行政行为提起诉讼，本案与前诉的当事人相同、诉讼标的相同，诉讼请求相同或者已被前诉裁判"
              "所包含，构成重复起诉。依照{cite}的规定，",
              ("alp-interp/106", "alp-interp/69/1/6"), "【前诉的时间、受诉法院、案号及裁判结果】"),
    Objection(3, "原告未在法定期限内提起行政诉讼",
              "原告未在法定期限内提起行政诉讼。", "", ("alp-interp/69/1/2",),
              help="只有按“起诉期限核对”中的日期计算原告确已超过起诉期限时才写入。"),
    Objection(4, "原告已就被诉行政行为申请行政复议，尚在行政复议程序中",
              "原告已就被诉行政行为申请行政复议，尚在行政复议程序中。",
              "原告已于{facts}向复议机关申请行政复议，在法定复议期间内又向人民法院提起诉讼。依照{cite}的规定，"
              "对此类起诉人民法院应当裁定不予立案，",
              ("alp-interp/57", "alp-interp/69/1/10"), "【申请行政复议的日期、复议机关及受理情况】",
              "已经立案的，应当裁定驳回起诉。"),
    Objection(5, "应当复议前置的行政行为，未经过行政复议",
              "被诉行政行为依法应当先申请行政复议，原告未经行政复议直接提起诉讼。",
              "依照{facts}的规定，对被诉行政行为不服的，应当先向行政机关申请复议，对复议决定不服再向人民法院提起诉讼。"
              "原告未申请行政复议即提起本案诉讼，依照{cite}的规定，",
              ("alp/44/2", "alp-interp/56/1", "alp-interp/69/1/5"), "【规定复议前置的法律、法规名称及条款】"),
    Objection(6, "不应当由应诉机关作为该行政诉讼的被告",
              "答辩人不是本案的适格被告。",
              "被诉行政行为系{facts}作出，依照{cite}的规定，答辩人不应作为本案被告。请求人民法院告知原告变更被告；"
              "原告不同意变更的，",
              ("alp/26", "alp-interp/26/1", "alp-interp/69/1/3"), "【实际作出被诉行政行为的机关及其依据】",
              "依法裁定驳回起诉。"),
    Objection(7, "复议机关的复议决定属于程序性驳回，原告应当选择复议机关或原行政行为作出机关择其一起诉，却错列为共同被告",
              "复议决定属于程序性驳回，原告将复议机关与原行政行为作出机关错列为共同被告。",
              "{facts}以原告的复议申请不符合受理条件为由驳回，不属于复议机关决定维持原行政行为的情形。依照{cite}的规定，"
              "原告应当选择复议机关或者原行政行为作出机关择其一起诉。请求人民法院告知原告变更被告；原告不同意变更的，",
              ("alp/26/2", "alp-interp/133", "alp-interp/26/1", "alp-interp/69/1/3"),
              "【复议机关名称】于【日期】作出的【复议决定文号】", "依法裁定驳回起诉。"),
    Objection(8, "其他不符合法律规定诉讼要件的",
              "原告的起诉不符合法律规定的其他诉讼要件。",
              "{facts}。依照{cite}的规定，",
              ("alp/49", "alp-interp/69/1/10"),
              "【具体情形，如不属于人民法院受案范围、被诉行为对原告合法权益明显不产生实际影响、诉讼标的已为生效裁判所羁束等】"),
)}

# filing_period's binding limit -> (the date input it starts from, how the start is told)
LATE_STARTS = {
    "direct": ("known_date", "原告于{start}知道或者应当知道被诉行政行为"),
    "reconsideration": ("reconsideration_decision_served", "原告于{start}收到复议决定书"),
    "not_informed": ("known_date", "原告于{start}知道或者应当知道被诉行政行为的内容"),
    "not_informed_reconsideration": ("reconsideration_decision_served", "原告于{start}收到复议决定书"),
    "longest": ("act_date", "被诉行政行为于{start}作出"),
}
# limits argued as the most favourable count for the plaintiff, never as a concession
LONGEST = {"not_informed", "not_informed_reconsideration", "longest"}


def late(filing_period: dict | None) -> bool:
    """The suit is late by the filing_period calculator's count of the case's dates."""
    return bool(filing_period) and filing_period["timely"] is False


def drafted(objections: list[int], filing_period: dict | None) -> list[int]:
    """The ticked items that go into the answer: (三) only when the suit is late."""
    return [n for n in objections if n != 3 or late(filing_period)]


def paragraph_for(number: int, index: int, filing_period: dict | None, filing_inputs: dict) -> tuple[dict, list[str]]:
    """The drafted paragraph for item `number`, numbered (一), (二)… by `index`; its refs."""
    o = OBJECTIONS[number]
    refs = list(o.refs)
    if number == 3:
        reasoning, refs = _late_reasoning(filing_period, filing_inputs)
    else:
        reasoning = o.body.format(facts=o.facts, cite=citing.cite(refs))
    text = f"（{to_chinese(index)}）{o.heading}{reasoning}{o.conclusion}"
    return paragraph(text), [f"measures/15/2/{number}", *refs]


def _late_reasoning(fp: dict, given: dict) -> tuple[str, list[str]]:
    """Item (三) with the dates filing_period computed (only called when it found the suit late)."""
    binding = next(lim for lim in fp["limits"] if lim["binding"])
    refs = [*(b["ref"] for b in binding["basis"]), "alp/48", "alp-interp/69/1/2"]
    deadline = cn_date(dt.date.fromisoformat(fp["deadline"]))
    filed = cn_date(given["filed_date"])
    start_key, started = LATE_STARTS.get(binding["id"], (None, ""))
    start = given.get(start_key) if start_key else None
    told = started.format(start=cn_date(start)) + "，" if start else ""
    limit_refs = citing.cite([b["ref"] for b in binding["basis"]])
    if binding["id"] in LONGEST:
        counted = f"即便按照{limit_refs}规定的最长期限计算，起诉期限也已于{deadline}届满"
    else:
        counted = f"依照{limit_refs}的规定，起诉期限至{deadline}届满"
    text = (f"{told}{counted}。原告于{filed}才提起本案诉讼，已超过法定起诉期限，且【不存在因不可抗力或者其他不属于"
            f"其自身的原因耽误起诉期限的情形】。依照{citing.cite(['alp/48', 'alp-interp/69/1/2'])}的规定，")
    return text, refs


def check(objections: list[int], filing_period: dict | None, warnings: list[dict]) -> None:
    """Warn when item (三) is ticked but cannot be drafted (the dates say timely, or none given)."""
    if 3 not in objections:
        return
    if filing_period is None:
        warnings.append(notices.warning(
            "documents.objection_3_no_dates",
            law("已勾选“原告未在法定期限内提起行政诉讼”，但未填写起诉期限核对的日期，该项答辩意见没有写入答辩状："
                "请在“起诉期限核对”中填写日期（[[measures/15/2/3]]）。")))
    elif filing_period["timely"]:
        due = cn_date(dt.date.fromisoformat(filing_period["deadline"]))
        warnings.append(notices.warning(
            "documents.objection_timely",
            f"已勾选“原告未在法定期限内提起行政诉讼”，但按所填日期原告在起诉期限内起诉（届满日{due}），"
            "该项答辩意见没有写入答辩状；请核实日期或者取消勾选。", deadline=filing_period["deadline"]))


def suggestion(objections: list[int], filing_period: dict | None) -> list[dict]:
    """Offer item (三) when the dates show a late suit and it is not ticked."""
    if not late(filing_period) or 3 in objections:
        return []
    due = cn_date(dt.date.fromisoformat(filing_period["deadline"]))
    return [{"field": "objection_3", "ref": "measures/15/2/3",
             "text": law(f"按所填日期，起诉期限于{due}届满，原告起诉已超过法定起诉期限。可以在答辩状中提出"
                         "“原告未在法定期限内提起行政诉讼”（[[measures/15/2/3]]），勾选后答辩状将写入计算出的日期。")}]

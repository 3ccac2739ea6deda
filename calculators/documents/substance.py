"""The substance of an answer, shared by its two forms (traditional and element-style): the
requests, the statutory authority, the facts, the legal basis as a sentence, the user's views
split at their own numbering, and — in a reconsidered case — what the reconsideration organ
decided and who proves what (measures/14 as the internal division of work, alp-interp/135 as
the law the court applies)."""
import re

from ..citations import render as law
from ..numerals import to_chinese
from . import citing
from .blocks import lines_of, placeholder
from .case import Case

FIRST_LEVEL = re.compile(r"^(?P<n>[一二三四五六七八九十]+)[、.．]\s*")
LIST_MARK = re.compile(r"^(?:\d+[.．、]|[（(]\d+[)）])\s*")
ASK = re.compile(r"^(?:请求|恳请|答辩人请求)(?:人民法院|法院|贵院)?")

DISMISS_SUIT = "依法裁定驳回原告的起诉"
DISMISS_CLAIMS = "依法判决驳回原告的诉讼请求"


def requests(case: Case, objections: bool) -> list[str]:
    """The requests without numbering, 请求 or end punctuation: 依法判决驳回原告的诉讼请求."""
    typed = [ASK.sub("", LIST_MARK.sub("", r)).strip("，,；;。 ") for r in lines_of(case.requests)]
    typed = [r for r in typed if r]
    return typed or [DISMISS_SUIT if objections else DISMISS_CLAIMS]


def request_lines(items: list[str]) -> list[str]:
    """请求人民法院依法判决驳回原告的诉讼请求。 / 1. …；2. …。"""
    if len(items) == 1:
        return [f"请求人民法院{items[0]}。"]
    return [f"{i}. {text}{'。' if i == len(items) else '；'}" for i, text in enumerate(items, 1)]


def closing(items: list[str]) -> str:
    return "综上所述，请求人民法院" + "，".join(items) + "。"


def legal_basis_sentence(case: Case, subject: str = "答辩人作出被诉行政行为", *, optional: bool = False) -> list[str]:
    """Bare citations (one a line) become one sentence; sentences the user wrote stay as typed.
    Nothing typed: a placeholder sentence, or nothing when `optional`."""
    parts = [p.rstrip("；;，,") for p in lines_of(case.legal_basis)]
    if not parts:
        return [] if optional else [f"{subject}所依据的法律规范为{placeholder('法律、法规、规章和规范性文件的名称及条款')}。"]
    if any(p.endswith(("。", "！", "？")) for p in parts):
        return parts
    joiner = "、" if all(len(p) <= 40 for p in parts) else "；"
    return [f"{subject}所依据的法律规范为：{joiner.join(parts)}。"]


def authority(case: Case) -> list[str]:
    return lines_of(case.authority)


def facts(case: Case, what: str) -> list[str]:
    return lines_of(case.facts) or [placeholder(what)]


def views(case: Case) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The user's views: (paragraphs before any numbering, [(numbered heading, paragraphs)]).
    Views numbered 一、二、… are kept as sections so the answer can continue their numbering."""
    lead: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for part in lines_of(case.views):
        m = FIRST_LEVEL.match(part)
        if m:
            sections.append((part[m.end():], []))
        elif sections:
            sections[-1][1].append(part)
        else:
            lead.append(part)
    return lead, sections


def numbered(index: int, text: str) -> str:
    return f"{to_chinese(index)}、{text}"


# -- reconsideration --------------------------------------------------------------------------
OUTCOME_WORDS = {"upheld": "决定维持原行政行为", "rejected": "决定驳回原告的行政复议请求",
                 "changed": "决定改变原行政行为", "not_accepted": "以复议申请不符合受理条件为由不予受理或者驳回复议申请"}
# the provision of the Administrative Reconsideration Law under which each outcome is decided
OUTCOME_REFS = {"upheld": ["arl/68"], "rejected": ["arl/69"], "changed": ["arl/63/1"], "not_accepted": ["arl/30/2"]}
# the procedure of a reconsideration decided by the ordinary procedure: acceptance, the copy to the
# respondent and its answer, hearing the parties, the decision by the organ, its time limit, the
# decision document
PROCEDURE_REFS = ["arl/30/1", "arl/48", "arl/49", "arl/61", "arl/62/1", "arl/75/1"]


def reconsideration_course(case: Case) -> str:
    """原告不服，向聊城市人民政府申请行政复议，聊城市人民政府作出…，决定维持原行政行为。"""
    body = case.body_name()
    return f"原告不服，向{body}申请行政复议。{body}{case.decision_made()}，{OUTCOME_WORDS[case.reconsideration_outcome]}。"


def procedure_skeleton(case: Case) -> str:
    """The reconsideration procedure the organ proves, with 【】 for its dates."""
    original = case.original_agency() or placeholder("作出原行政行为的行政机关")
    return (f"答辩人于{placeholder('日期')}收到原告的行政复议申请，经审查于{placeholder('日期')}依法受理，"
            f"于{placeholder('日期')}将行政复议申请书副本发送{original}，{original}于{placeholder('日期')}提出书面答复并"
            f"提交作出原行政行为的证据、依据。答辩人{placeholder('听取当事人意见的方式和日期')}，经审查，"
            f"{case.decision_made()}，并依法送达各方当事人。")


def procedure_lawful(case: Case) -> str:
    return f"上述行政复议程序符合{citing.cite(PROCEDURE_REFS)}的规定，复议程序合法。"


def decision_correct(case: Case) -> list[str]:
    """The organ's decision on the original act, and the burden of proof as alp-interp/135 states it."""
    original = case.original_agency() or placeholder("作出原行政行为的行政机关")
    act = case.act or f"{original}作出的{placeholder('原行政行为')}"
    outcome = case.reconsideration_outcome
    out = []
    if outcome in ("upheld", "rejected"):
        out.append(f"经复议审查，{act}认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。答辩人依照"
                   f"{citing.cite(OUTCOME_REFS[outcome])}的规定{OUTCOME_WORDS[outcome]}，复议决定认定事实清楚，"
                   "适用法律正确。")
    else:
        out.append(f"答辩人依照{citing.cite(OUTCOME_REFS[outcome])}的规定{OUTCOME_WORDS[outcome]}，"
                   f"{placeholder('复议决定认定的事实和理由')}。")
    if case.reconsideration_role == "joint_reconsideration":
        out.append(f"依照{citing.cite(['alp-interp/135/2'])}的规定，作出原行政行为的行政机关和复议机关对原行政行为的"
                   "合法性共同承担举证责任，可以由其中一个机关实施举证行为；复议机关对复议决定的合法性承担举证责任。"
                   f"原行政行为的证据和依据由{original}提交，答辩人同时提交复议程序中的证据。依照"
                   f"{citing.cite(['alp-interp/135/3'])}的规定，答辩人在复议程序中依法收集和补充的证据，可以作为认定复议决定"
                   "和原行政行为合法的依据。")
    return out


def burden_note(case: Case) -> str | None:
    """Guidance on screen: measures/14 divides the work; the court applies alp-interp/135."""
    if not case.reconsidered or case.reconsideration_role == "none":
        return None
    if case.reconsideration_role == "sole":
        return law("复议机关作为单独被告的，由复议机关对复议决定的合法性举证，必要时可以要求作出原行政行为的行政机关协助"
                   "（[[measures/14/1]]）。")
    text = ("[[measures/14/1]]规定作出原行政行为的机关对原行政行为的合法性举证、复议机关对复议决定的程序合法性举证，"
            "是两机关之间的分工；人民法院适用[[alp-interp/135/2]]：两机关对原行政行为的合法性共同承担举证责任，"
            "可以由其中一个机关实施举证行为，复议机关对复议决定的合法性（不限于程序）承担举证责任。答辩状按后者表述，"
            "两机关的证据应当相互衔接。")
    if case.reconsideration_role == "joint_reconsideration":
        text += ("人民政府作为复议机关的答辩、举证由其行政复议机构组织办理（[[arl/4/2]]）；作出原行政行为的机关负责原"
                 "行政行为的答辩和举证（[[measures/10/1/2]]）。复议程序适用复议受理时施行的行政复议法，"
                 "此处引用的是现行条文，请按复议案件适用的版本核对。")
    return law(text)

"""Calculator “documents”: the papers of a case and its checklist from the facts of the case.

Reads the facts (every field checked here, in the words of the page's form: fields.py), asks
the other calculators what they decide — deadlines (alp/67, measures/38, /18, /20, /33),
undertaker (measures/10–14), principal_appearance (measures/19–24) and, when its dates are
given, filing_period (alp/45–46, for measures/15/2/3) — through ``calculators.run``, and
returns the document model of blocks.py for every paper the facts call for (papers.py).
"""
import datetime as dt

from .. import inputs, notices, provisions
from ..citations import render as law
from ..deadlines import RULING_KINDS
from ..errors import InputError
from ..filing_period import INFORMED
from ..periods import read_date
from ..principal import ITEMS as PRINCIPAL_ITEMS, RECONSIDERATION_ROLES
from ..registry import run
from ..undertaker import DEFENDANTS
from . import checklist, objections as objection_items, papers, parties, rows
from .blocks import cn_date, placeholder
from .case import Case
from .fields import ABSENCE_GROUNDS, ANSWER_FORMS, APPEALS, EVIDENCE_LAYOUTS, RECONSIDERATION_OUTCOMES, \
    SUGGESTIONS, by_name, label
from .objections import OBJECTIONS

OBJECTION_FIELDS = {n: f"objection_{n}" for n in range(1, 9)}   # measures/15/2/1..8
# the inputs of filing_period, asked on this form with the prefix fp_
FILING_DATES = ("known_date", "filed_date", "reconsideration_decision_served", "act_date")
# reconsideration role (asked once, principal's words) -> undertaker's government_role
# this agency's place in a reconsidered case -> the undertaker calculator's government role
GOVERNMENT_ROLE = {"sole": "sole", "joint_original": "original_joint", "joint_reconsideration": "joint"}
LONG_TEXT = 10_000
# the deadlines result's dates this package uses (the annual report is not a matter of the case)
USED_DEADLINES = ("register", "risk_report", "answer", "absence_report", "appeal_proposal", "appeal", "retrial")
REQUIRED = ("court", "case_number", "plaintiffs", "agency_name", "representative_name", "representative_title")


def _text(params: dict, name: str, *, required: bool = False, max_length: int = 100) -> str:
    field = by_name(name)
    return inputs.text(params, name, field.label, required=required, max_length=max_length, multiline=field.lines > 1)


def _flag(params: dict, name: str) -> bool:
    return inputs.boolean(params, name, label(name), default=False)


def _date(params: dict, name: str, *, required: bool = False) -> dt.date | None:
    return read_date(params, name, label(name), required=required)


def _choice(params: dict, name: str, options: dict, default: str) -> str:
    return inputs.choice(params, name, label(name), options, required=False) or default



def documents(params: dict) -> dict:
    """The papers of measures/13–20, /27, /30, /33–36 and the checklist of arts. 10–46."""
    warnings: list[dict] = []
    text = {name: _text(params, name, required=name in REQUIRED, max_length=LONG_TEXT if name in (
        "plaintiffs", "third_parties", "co_defendants") else 100) for name in (
        "court", "case_number", "cause", "plaintiffs", "third_parties", "co_defendants", "agency_name",
        "agency_phone", "representative_name", "representative_title", "undertaker_unit", "justice_bureau",
        "head_name", "reconsideration_body", "appeal_court", "suggestion_from", "suggestion_number")}
    text["act"] = _text(params, "act", max_length=500)
    text["agency_address"] = _text(params, "agency_address", max_length=200)
    text["head_post"] = _text(params, "head_post")
    text["reconsideration_decision"] = _text(params, "reconsideration_decision", max_length=300)
    for name in ("facts", "legal_basis", "views", "requests", "authority", "extension_reason", "head_absence_reason",
                 "ruling_result"):
        text[name] = _text(params, name, max_length=LONG_TEXT)
    for name in REQUIRED:
        if not text[name]:
            raise InputError(name, f"请填写“{label(name)}”。")

    plaintiffs = parties.parse(text["plaintiffs"], "plaintiffs", label("plaintiffs"), "plaintiff")
    if not plaintiffs:
        raise InputError("plaintiffs", f"请填写“{label('plaintiffs')}”。")
    third_parties = parties.parse(text["third_parties"], "third_parties", label("third_parties"), "third_party")
    co_defendants = [p.name for p in parties.parse(text["co_defendants"], "co_defendants", label("co_defendants"),
                                                   "defendant")]
    if text["agency_name"] in co_defendants:
        raise InputError("co_defendants", f"“{label('co_defendants')}”中不要填写答辩机关本身。")

    answer_date = _date(params, "answer_date")
    objections = [n for n, name in OBJECTION_FIELDS.items()
                  if inputs.boolean(params, name, OBJECTIONS[n].label, default=False)]

    defendant = inputs.choice(params, "defendant", label("defendant"), DEFENDANTS)
    reconsidered = _flag(params, "reconsidered")
    role = inputs.choice(params, "reconsideration_role", label("reconsideration_role"), RECONSIDERATION_ROLES,
                         required=False) or "none"
    outcome = _choice(params, "reconsideration_outcome", RECONSIDERATION_OUTCOMES, "upheld")
    if not reconsidered:
        role, outcome = "none", "upheld"
        text["reconsideration_body"] = text["reconsideration_decision"] = ""
    co_defendants = _co_defendants(role, co_defendants, text["reconsideration_body"], warnings)
    _check_reconsideration(role, outcome, objections, warnings)

    agents = rows.read_list(params, "agents")
    if not any(a["kind"] == "staff" for a in agents):
        raise InputError("agents", law("委托的诉讼代理人中至少1名应为熟悉本机关相关业务的工作人员，不得仅委托律师出庭"
                                       "（[[measures/27/1]]）。"))
    evidence_rows = rows.read_list(params, "evidence")
    plaintiff_evidence = rows.read_list(params, "plaintiff_evidence")

    # --- the other calculators' answers (their field names are this form's) ---------------
    served = _date(params, "complaint_served", required=True)
    hearing = _date(params, "hearing_date")
    ruling = {"kind": _choice(params, "ruling_kind", RULING_KINDS, "judgment"),
              "date": _date(params, "ruling_date"), "served": _date(params, "ruling_served"),
              "effective": _date(params, "ruling_effective"), "result": text["ruling_result"]}
    deadline_params = {"complaint_served": served.isoformat()}
    if hearing:
        deadline_params.update(hearing_date=hearing.isoformat(), principal_absent=True)
    if ruling["served"]:
        deadline_params.update(ruling_served=ruling["served"].isoformat(), ruling_kind=ruling["kind"])
    if ruling["effective"]:
        deadline_params["ruling_effective"] = ruling["effective"].isoformat()
    deadlines = _ask("deadlines", deadline_params)

    government = defendant in ("city_gov", "county_gov")
    if government and reconsidered and role == "none":
        raise InputError("reconsideration_role", f"经行政复议、以人民政府为被告的案件，请选择“{label('reconsideration_role')}”。")
    undertaker_params = {"defendant": defendant, "reconsidered": reconsidered, "acting_agency": text["undertaker_unit"]}
    if government and reconsidered:
        undertaker_params["government_role"] = GOVERNMENT_ROLE[role]
    undertaker = _ask("undertaker", undertaker_params, {"acting_agency": "undertaker_unit",
                                                       "government_role": "reconsideration_role"})

    principal_params = {
        "plaintiff_count": inputs.integer(params, "plaintiff_count", label("plaintiff_count"), minimum=1,
                                          default=len(plaintiffs)),
        "compensation_claimed": inputs.amount(params, "compensation_claimed", label("compensation_claimed"), default=0),
        "suing_units": inputs.integer(params, "suing_units", label("suing_units"), default=0),
        "enterprise_party": _flag(params, "enterprise_party"),
        "reconsideration_role": role,
    }
    for _, name, item_label, _ in PRINCIPAL_ITEMS:
        if name:
            principal_params[name] = inputs.boolean(params, name, item_label, default=False)
    principal = _ask("principal_appearance", principal_params)

    filing_period, filing_inputs = _filing_period(params)
    head_absent = _flag(params, "head_absent")
    case = Case(
        court=text["court"], case_number=text["case_number"], cause=text["cause"], plaintiffs=plaintiffs,
        third_parties=third_parties, co_defendants=co_defendants, act=text["act"], agency_name=text["agency_name"],
        agency_address=text["agency_address"], agency_phone=text["agency_phone"],
        representative_name=text["representative_name"], representative_title=text["representative_title"],
        justice_bureau=text["justice_bureau"], undertaker_unit=text["undertaker_unit"],
        answer_form=_choice(params, "answer_form", ANSWER_FORMS, "traditional"), requests=text["requests"],
        authority=text["authority"], facts=text["facts"], legal_basis=text["legal_basis"], views=text["views"],
        duty_claim=_flag(params, "duty_claim"), answer_date=answer_date, objections=objections,
        defendant=defendant, reconsidered=reconsidered, reconsideration_role=role,
        reconsideration_body=text["reconsideration_body"], reconsideration_decision=text["reconsideration_decision"],
        reconsideration_date=_date(params, "reconsideration_date") if reconsidered else None,
        reconsideration_outcome=outcome, enterprise_party=principal_params["enterprise_party"],
        head_name=text["head_name"], head_post=text["head_post"], agents=agents, evidence=evidence_rows,
        evidence_layout=_choice(params, "evidence_layout", EVIDENCE_LAYOUTS, "group"),
        plaintiff_evidence=plaintiff_evidence, complaint_served=served, hearing_date=hearing,
        loss_risk=_flag(params, "loss_risk"), extension=_flag(params, "extension"),
        extension_reason=text["extension_reason"] if _flag(params, "extension") else "",
        head_absent=head_absent,
        head_absence_ground=_choice(params, "head_absence_ground", ABSENCE_GROUNDS, "official_duty"),
        head_absence_reason=text["head_absence_reason"] if head_absent else "",
        hearing_postpone=head_absent and _flag(params, "hearing_postpone"),
        ruling=ruling, appeal=_choice(params, "appeal", APPEALS, "none"), appeal_court=text["appeal_court"],
        appeal_served=_date(params, "appeal_served"), performance=_flag(params, "performance"),
        suggestion={"kind": _choice(params, "suggestion_kind", SUGGESTIONS, "none"), "from": text["suggestion_from"],
                    "number": text["suggestion_number"], "received": _date(params, "suggestion_received")},
        deadlines={d["id"]: d for d in deadlines["deadlines"]}, undertaker=undertaker, principal=principal,
        filing_period=filing_period, filing_inputs=filing_inputs, warnings=warnings,
    )
    _check_dates(case)
    objection_items.check(objections, filing_period, warnings)
    return _result(case, deadlines, filing_period)


def _co_defendants(role: str, named: list[str], body: str, warnings: list[dict]) -> list[str]:
    """The co-defendants in the court's order; a reconsideration organ that upheld the act is
    one (alp/26/2), and so is the original agency when this agency is the organ."""
    out = list(named)
    if role == "joint_original":
        if body and body not in out:
            out.append(body)
        if not out:
            out = [placeholder("复议机关")]
            warnings.append(notices.warning(
                "documents.co_defendant_missing", f"本机关与复议机关为共同被告（[[alp/26/2]]），请在“{label('co_defendants')}”"
                f"或者“{label('reconsideration_body')}”中填写复议机关的名称，否则案件名称中的复议机关留有【】待填。"))
    elif role == "joint_reconsideration" and not out:
        out = [placeholder("作出原行政行为的行政机关")]
        warnings.append(notices.warning(
            "documents.co_defendant_missing", f"本机关作为复议机关与作出原行政行为的机关为共同被告（[[alp/26/2]]），请在"
            f"“{label('co_defendants')}”中填写作出原行政行为的机关，否则答辩状中该机关的名称留有【】待填。"))
    return out


def _check_reconsideration(role: str, outcome: str, objections: list[int], warnings: list[dict]) -> None:
    if role in ("joint_original", "joint_reconsideration") and outcome == "changed":
        warnings.append(notices.warning(
            "documents.reconsideration_inconsistent",
            "复议机关改变原行政行为的，复议机关是被告（[[alp/26/2]]），不与作出原行政行为的机关作共同被告；请核对"
            f"“{label('reconsideration_role')}”和“{label('reconsideration_outcome')}”。"))


def _filing_period(params: dict) -> tuple[dict | None, dict]:
    """filing_period's result for the dates given (None without any), and those dates."""
    given = {k: read_date(params, f"fp_{k}", label(f"fp_{k}"), required=False) for k in FILING_DATES}
    given = {k: v for k, v in given.items() if v is not None}
    # passed on only when given: filing_period decides what an unanswered question means
    # (whether the limit was stated: two answers, no default, alp-interp/64)
    informed = params.get("fp_informed_of_period")
    if not isinstance(informed, bool):   # (callers may pass true/false, as to filing_period)
        informed = inputs.choice(params, "fp_informed_of_period", label("fp_informed_of_period"), INFORMED,
                                 required=False)
    flags = {"informed_of_period": informed} if informed is not None else {}
    if params.get("fp_real_estate") is not None:
        flags["real_estate"] = inputs.boolean(params, "fp_real_estate", label("fp_real_estate"))
    if not given:
        return None, given
    fp_params = {**{k: v.isoformat() for k, v in given.items()}, **flags}
    result = _ask("filing_period", fp_params, {k: f"fp_{k}" for k in (*FILING_DATES, "informed_of_period", "real_estate")})
    return result, given


def _check_dates(case: Case) -> None:
    """落款日期: after service, and not after the answer deadline (alp/67/1)."""
    signed, due = case.answer_date, case.due("answer")
    if signed is None:
        return
    if signed < case.complaint_served:
        case.warnings.append(notices.warning(
            "documents.date_before_service",
            f"“{label('answer_date')}”{cn_date(signed)}早于“{label('complaint_served')}”{cn_date(case.complaint_served)}："
            "答辩状是收到起诉状副本后作出的，请核对落款日期。", field="answer_date"))
    elif due and signed > due:
        case.warnings.append(notices.warning(
            "documents.date_after_deadline",
            f"“{label('answer_date')}”{cn_date(signed)}晚于答辩、举证期限届满日{cn_date(due)}：被告应当在收到起诉状副本之日起"
            "十五日内提交证据并提出答辩状（[[alp/67/1]]），逾期提供证据的视为没有相应证据（[[alp/34/2]]）。"
            "请核对落款日期；确因正当事由不能按期举证的，应当在期限届满前申请延长（[[measures/17/2]]）。",
            field="answer_date"))


def _result(case: Case, deadlines: dict, filing_period: dict | None) -> dict:
    docs = papers.build(case)
    check = checklist.build(case)
    docs.append(check["document"])
    refs: list[str] = []
    for doc in docs:
        refs += doc["refs"]
    refs += [b["ref"] for b in case.undertaker["basis"]] + [b["ref"] for b in case.principal["basis"]]
    if filing_period:
        refs += [b["ref"] for b in filing_period["basis"]]
    refs = list(dict.fromkeys(provisions.qualify(r) for r in refs))   # each provision once, with its edition
    warnings = case.warnings + [w for w in _deadline_warnings(deadlines) if w not in case.warnings]
    return {
        "documents": docs,
        "available": papers.available(case, docs),
        "parties": ([p.as_dict("plaintiff") for p in case.plaintiffs] + [p.as_dict("third_party") for p in case.third_parties]
                    + [{"role": "defendant", "role_label": "被告", "name": d, "particulars": "", "attached": [],
                        "kind": "单位"} for d in case.defendants()]),
        "case_title": case.case_title(),
        "checklist": {"items": check["items"], "markdown": check["markdown"], "text": check["text"]},
        "deadlines": [{k: d[k] for k in ("id", "title", "due", "kind")} for d in deadlines["deadlines"]
                      if d["id"] in USED_DEADLINES],
        "principal_must_appear": case.principal["principal_must_appear"],
        "head_must_appear": case.principal["head_must_appear"],
        "undertaker": case.undertaker["undertaker"]["name"],
        "filing_period": _filing_summary(filing_period),
        "suggestions": objection_items.suggestion(case.objections, filing_period) + _suggestions(case),
        "warnings": warnings,
        "basis": [provisions.cite(r) for r in refs],
    }


def _suggestions(case: Case) -> list[dict]:
    """Objection (七) when the organ dismissed the application on procedure yet both are sued."""
    if case.joint_with_body() and case.reconsideration_outcome == "not_accepted" and 7 not in case.objections:
        return [{"field": "objection_7", "ref": "measures/15/2/7",
                 "text": law("复议机关以复议申请不符合受理条件为由不予受理或者驳回申请的，不属于维持原行政行为"
                             "（[[alp-interp/133]]），原告应当择其一起诉；可以在答辩状中提出该项意见（[[measures/15/2/7]]）。")}]
    return []


def _deadline_warnings(deadlines: dict) -> list[dict]:
    """The deadlines result's warnings about the dates this package uses (not the annual report's)."""
    used = [d for d in deadlines["deadlines"] if d["id"] in USED_DEADLINES]
    out = []
    for warning in deadlines["warnings"]:
        if warning["code"] == "holidays.arrangement_unknown":   # only if a used date is in such a year
            if any(int(d["due"][:4]) in warning["years"] for d in used):
                out.append(warning)
        elif warning.get("deadline") in USED_DEADLINES:
            out.append(warning)
    return out


def _filing_summary(result: dict | None) -> dict | None:
    if result is None:
        return None
    year = int(result["deadline"][:4])
    # the holiday data missing for a later year matters only if the binding deadline is in it
    warnings = [w for w in result["warnings"]
                if not (w["code"] == "holidays.arrangement_unknown" and year not in w["years"])]
    return {"timely": result["timely"], "deadline": result["deadline"], "rule": result["rule"], "warnings": warnings}


def _ask(name: str, params: dict, rename: dict | None = None) -> dict:
    """Another calculator's result; its input errors are reported on this form's fields."""
    try:
        return run(name, params)
    except InputError as error:
        field = (rename or {}).get(error.field, error.field)
        raise InputError(field or "complaint_served", error.message) from None

"""Calculator “documents”: the filing package and the case checklist from the facts of a case.

Reads the facts (every field checked here, in the words of the page's form), asks the other
calculators what they decide — deadlines (alp/67, measures/38, /18), undertaker (measures/10–14),
principal_appearance (measures/19–24) and, when its dates are given, filing_period (alp/45–46,
for measures/15/2/3) — through ``calculators.run``, and returns the document model of
blocks.py for 行政答辩状 (measures/15), 证据目录 (/16), the papers of /17 and /19/4, the
败诉风险评估报告 (/18), the application of /17/2 and the case checklist.
"""
from .. import holidays, inputs, provisions
from ..errors import InputError
from ..periods import read_date
from ..principal import ITEMS as PRINCIPAL_ITEMS, RECONSIDERATION_ROLES
from ..registry import run
from ..undertaker import DEFENDANTS
from . import answer, checklist, evidence, filing, risk, rows
from .case import Case

OBJECTION_FIELDS = {n: f"objection_{n}" for n in range(1, 9)}   # measures/15/2/1..8
# the inputs of filing_period, asked on this form with the prefix fp_
FILING_DATES = {"known_date": "知道或者应当知道行政行为之日", "filed_date": "起诉日期",
                "reconsideration_decision_served": "复议决定书送达日期", "act_date": "行政行为作出日期"}
# reconsideration role (asked once, principal's words) -> undertaker's government_role
GOVERNMENT_ROLE = {"sole": "sole", "joint_original": "joint", "joint_reconsideration": "joint"}
LONG_TEXT = 10_000
# the deadlines result's dates this package uses (the annual report is not a matter of the case)
USED_DEADLINES = ("register", "risk_report", "answer", "absence_report")


def documents(params: dict) -> dict:
    """The filing package of measures/15–19 and /27, and the checklist of arts. 10–46."""
    court = inputs.text(params, "court", "受理法院", required=True, max_length=100)
    case_number = inputs.text(params, "case_number", "案号", required=True, max_length=100)
    cause = inputs.text(params, "cause", "案由", max_length=100)
    plaintiffs = _lines(inputs.text(params, "plaintiffs", "原告", required=True, max_length=LONG_TEXT, multiline=True))
    third_parties = _lines(inputs.text(params, "third_parties", "第三人", max_length=LONG_TEXT, multiline=True))
    act = inputs.text(params, "act", "被诉行政行为", max_length=500)
    agency_name = inputs.text(params, "agency_name", "答辩机关名称", required=True, max_length=100)
    agency_address = inputs.text(params, "agency_address", "住所地", max_length=200)
    representative_name = inputs.text(params, "representative_name", "法定代表人姓名", required=True, max_length=50)
    representative_title = inputs.text(params, "representative_title", "法定代表人职务", required=True, max_length=50)
    _not_blank(params, {"court": court, "case_number": case_number, "plaintiffs": plaintiffs,
                        "agency_name": agency_name, "representative_name": representative_name,
                        "representative_title": representative_title})

    facts = inputs.text(params, "facts", "事实", max_length=LONG_TEXT, multiline=True)
    legal_basis = inputs.text(params, "legal_basis", "相关依据", max_length=LONG_TEXT, multiline=True)
    views = inputs.text(params, "views", "主要观点", max_length=LONG_TEXT, multiline=True)
    requests = inputs.text(params, "requests", "答辩请求", max_length=LONG_TEXT, multiline=True)
    answer_date = read_date(params, "answer_date", "落款日期", required=False)
    objections = [n for n, name in OBJECTION_FIELDS.items()
                  if inputs.boolean(params, name, answer.OBJECTIONS[n].label, default=False)]

    defendant = inputs.choice(params, "defendant", "被告", DEFENDANTS)
    reconsidered = inputs.boolean(params, "reconsidered", "是否经行政复议", default=False)
    role = inputs.choice(params, "reconsideration_role", "复议案件中本机关的被告地位", RECONSIDERATION_ROLES,
                         required=False) or "none"
    if not reconsidered:
        role = "none"
    undertaker_unit = inputs.text(params, "undertaker_unit", "应诉承办单位", max_length=100)
    head_name = inputs.text(params, "head_name", "出庭应诉负责人姓名", max_length=50)
    head_post = inputs.text(params, "head_post", "出庭应诉负责人职务", max_length=100)
    loss_risk = inputs.boolean(params, "loss_risk", "存在败诉风险", default=False)
    extension = inputs.boolean(params, "extension", "申请延长举证期限", default=False)
    extension_reason = inputs.text(params, "extension_reason", "不能按期举证的正当事由", max_length=LONG_TEXT, multiline=True)
    if not extension:
        extension_reason = ""

    agents = rows.read(params, "agents", "诉讼代理人", "名", rows.AGENT_COLUMNS,
                       minimum=1, maximum=rows.MAX_AGENTS)
    if not any(a["kind"] == "staff" for a in agents):
        raise InputError("agents", "委托的诉讼代理人中至少1名应为熟悉本机关相关业务的工作人员，不得仅委托律师出庭"
                                   "（《聊城市行政应诉工作管理办法》第二十七条第一款）。")
    evidence_rows = rows.read(params, "evidence", "证据", "项", rows.EVIDENCE_COLUMNS,
                              minimum=0, maximum=rows.MAX_EVIDENCE)

    # --- the other calculators' answers (their field names are this form's) ---------------
    served = read_date(params, "complaint_served", "起诉状副本送达日期")
    hearing = read_date(params, "hearing_date", "开庭日期", required=False)
    deadline_params = {"complaint_served": served.isoformat()}
    if hearing:
        deadline_params.update(hearing_date=hearing.isoformat(), principal_absent=True)
    deadlines = _ask("deadlines", deadline_params)

    government = defendant in ("city_gov", "county_gov")
    if government and reconsidered and role == "none":
        raise InputError("reconsideration_role", "经行政复议、以人民政府为被告的案件，请选择“复议案件中本机关的被告地位”。")
    undertaker_params = {"defendant": defendant, "reconsidered": reconsidered, "acting_agency": undertaker_unit}
    if government and reconsidered:
        undertaker_params["government_role"] = GOVERNMENT_ROLE[role]
    undertaker = _ask("undertaker", undertaker_params, {"acting_agency": "undertaker_unit",
                                                       "government_role": "reconsideration_role"})

    principal_params = {
        "plaintiff_count": inputs.integer(params, "plaintiff_count", "原告人数", minimum=1, default=len(plaintiffs)),
        "compensation_claimed": inputs.amount(params, "compensation_claimed", "涉案赔偿金额（元）", default=0),
        "suing_units": inputs.integer(params, "suing_units", "同时起诉的单位或企业数", default=0),
        "enterprise_party": inputs.boolean(params, "enterprise_party", "原告或第三人中有企业法人（涉企行政案件）",
                                           default=False),
        "reconsideration_role": role,
    }
    for _, name, label, _ in PRINCIPAL_ITEMS:
        if name:
            principal_params[name] = inputs.boolean(params, name, label, default=False)
    principal = _ask("principal_appearance", principal_params)

    informed = inputs.boolean(params, "fp_informed_of_period", "行政机关已告知起诉期限", default=True)
    real_estate = inputs.boolean(params, "fp_real_estate", "因不动产提起诉讼", default=False)
    filing_dates = {
        "known_date": read_date(params, "fp_known_date", FILING_DATES["known_date"], required=False),
        "filed_date": read_date(params, "fp_filed_date", FILING_DATES["filed_date"], required=False),
        "reconsideration_decision_served": read_date(params, "fp_reconsideration_decision_served",
                                                     FILING_DATES["reconsideration_decision_served"], required=False),
        "act_date": read_date(params, "fp_act_date", FILING_DATES["act_date"], required=False),
    }
    filing_inputs = {k: v for k, v in filing_dates.items() if v is not None}
    filing_period = None
    if filing_inputs:
        filing_period = _ask("filing_period", {**{k: v.isoformat() for k, v in filing_inputs.items()},
                                               "informed_of_period": informed, "real_estate": real_estate},
                             {k: f"fp_{k}" for k in (*FILING_DATES, "informed_of_period", "real_estate")})

    case = Case(
        court=court, case_number=case_number, cause=cause, plaintiffs=plaintiffs, third_parties=third_parties,
        act=act, agency_name=agency_name, agency_address=agency_address,
        representative_name=representative_name, representative_title=representative_title,
        facts=facts, legal_basis=legal_basis, views=views, requests=requests, answer_date=answer_date,
        objections=objections, defendant=defendant, reconsidered=reconsidered, reconsideration_role=role,
        enterprise_party=principal_params["enterprise_party"], head_name=head_name, head_post=head_post,
        agents=agents, evidence=evidence_rows, complaint_served=served, hearing_date=hearing,
        loss_risk=loss_risk, extension=extension, extension_reason=extension_reason,
        deadlines={d["id"]: d for d in deadlines["deadlines"]}, undertaker=undertaker, principal=principal,
        filing_period=filing_period, filing_inputs=filing_inputs, warnings=[],
    )
    return _result(case, deadlines, filing_period)


def _result(case: Case, deadlines: dict, filing_period: dict | None) -> dict:
    docs = [answer.document(case), evidence.document(case), *filing.documents(case), risk.document(case)]
    check = checklist.build(case)
    docs.append(check["document"])
    refs: list[str] = []
    for doc in docs:
        refs += doc["refs"]
    # the other calculators cite with editions; this package works in the first edition's numbering
    refs += [provisions.plain(b["ref"]) for b in case.undertaker["basis"] + case.principal["basis"]]
    if filing_period:
        refs += [provisions.plain(b["ref"]) for b in filing_period["basis"]]
    refs = list(dict.fromkeys(refs))
    warnings = case.warnings + [w for w in _deadline_warnings(deadlines) if w not in case.warnings]
    return {
        "documents": docs,
        "checklist": {"items": check["items"], "markdown": check["markdown"], "text": check["text"]},
        "deadlines": [{k: d[k] for k in ("id", "title", "due", "kind")} for d in deadlines["deadlines"]
                      if d["id"] in USED_DEADLINES],
        "principal_must_appear": case.principal["principal_must_appear"],
        "head_must_appear": case.principal["head_must_appear"],
        "undertaker": case.undertaker["undertaker"]["name"],
        "filing_period": _filing_summary(filing_period),
        "suggestions": _suggestions(case),
        "warnings": warnings,
        "basis": [provisions.cite(r) for r in refs],
    }


def _deadline_warnings(deadlines: dict) -> list[str]:
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


def _suggestions(case: Case) -> list[dict]:
    """What the facts suggest the user add: objection (三) when filing_period finds the suit late."""
    out = []
    fp = case.filing_period
    if fp and not fp["timely"] and 3 not in case.objections:
        out.append({"field": "objection_3", "ref": "measures/15/2/3",
                    "text": (f"按所填日期，起诉期限于{_cn(fp['deadline'])}届满，原告起诉已超过法定起诉期限。"
                             "可以在答辩状中提出“原告未在法定期限内提起行政诉讼”（办法第十五条第二款第（三）项），"
                             "勾选后答辩状将写入计算出的日期。")})
    return out


def _cn(iso: str) -> str:
    from .blocks import cn_date
    import datetime as dt
    return cn_date(dt.date.fromisoformat(iso))


def _ask(name: str, params: dict, rename: dict | None = None) -> dict:
    """Another calculator's result; its input errors are reported on this form's fields."""
    try:
        return run(name, params)
    except InputError as error:
        field = (rename or {}).get(error.field, error.field)
        raise InputError(field or "complaint_served", error.message) from None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _not_blank(params: dict, values: dict) -> None:
    labels = {"court": "受理法院", "case_number": "案号", "plaintiffs": "原告", "agency_name": "答辩机关名称",
              "representative_name": "法定代表人姓名", "representative_title": "法定代表人职务"}
    for name, value in values.items():
        if not value:
            raise InputError(name, f"请填写“{labels[name]}”。")

"""Calculator “filing_period”: was the lawsuit filed within the time limit for suing (起诉期限)?

The answer may object that the plaintiff sued out of time (measures/15/2/3). Limits:
- direct suit: 6 months from when the plaintiff knew or should have known of the act (alp/46/1);
- after reconsideration: 15 days from receipt of the decision (alp/45);
- the agency did not state the time limit: counted from when the plaintiff learned of it, but at
  most 1 year from knowing the act's (or the decision's) content (alp-interp/64);
- in any case no suit after 20 years (immovable property) or 5 years (other cases) from the
  day the act was done (alp/46/2; alp-interp/65 for a plaintiff who learned of the act late).
Every limit is counted per alp/101 → cpl/85, alp-interp/48 and civil-code/202; the binding
deadline is the earliest.
"""
from . import inputs, notices, periods, provisions
from .errors import InputError
from .periods import fmt, read_date
from .registry import calculator

COUNTING = [*periods.STATUTORY_COUNTING, "civil-code/202"]
STANDING = ["measures/15/2/3", "alp/48"]

# The time limits for suing: id -> title, from when, length, basis (the law is a table)
LIMITS = {
    "direct": ("直接起诉的起诉期限（六个月）", "知道或者应当知道作出行政行为之日", (6, "个月"), ["alp/46/1"]),
    "reconsideration": ("不服复议决定的起诉期限（十五日）", "收到复议决定书之日", (15, "日"), ["alp/45"]),
    "not_informed": ("未告知起诉期限的最长期限（一年）", "知道或者应当知道行政行为内容之日（自知道起诉期限之日起算，但最长不超过一年）",
                     (1, "年"), ["alp-interp/64/1"]),
    "not_informed_reconsideration": ("复议决定未告知起诉期限的最长期限（一年）", "收到复议决定书之日",
                                     (1, "年"), ["alp-interp/64/2", "alp-interp/64/1"]),
    "longest_real_estate": ("最长起诉期限（因不动产提起诉讼，20年）", "行政行为作出之日", (20, "年"), ["alp/46/2"]),
    "longest_other": ("最长起诉期限（不动产以外的案件，5年）", "行政行为作出之日", (5, "年"), ["alp/46/2"]),
}


def rule_table() -> dict:
    """The limits as a table for the site's pages."""
    rows = [[title, start, f"{n}{unit}", "；".join(provisions.label(r, short=True) for r in refs)]
            for title, start, (n, unit), refs in LIMITS.values()]
    rows.append(["多项期限同时适用", "—", "以最早届满者为准", "本计算器的处理"])
    return {"columns": ["起诉期限", "起算", "期间", "依据"], "rows": rows,
            "refs": sorted({r for *_, refs in LIMITS.values() for r in refs})}


def _from_table(key: str, start, extra_refs=()) -> dict:
    """A limit of LIMITS counted from `start`; both longest limits are reported as id "longest"."""
    title, _, (n, unit), refs = LIMITS[key]
    public_id = "longest" if key.startswith("longest") else key
    return _limit(public_id, title, periods.statutory(start, n, unit), [*refs, *extra_refs])


@calculator("filing_period")
def filing_period(params: dict) -> dict:
    """Timeliness of the suit: alp/45, alp/46, alp-interp/64, alp-interp/65, counted per
    alp/101, cpl/85, alp-interp/48, civil-code/202; for the objection of measures/15/2/3."""
    filed = read_date(params, "filed_date", "起诉日期")
    decision = read_date(params, "reconsideration_decision_served", "复议决定书送达日期", required=False)
    known = read_date(params, "known_date", "知道或者应当知道行政行为之日", required=decision is None)
    informed = inputs.boolean(params, "informed_of_period", "行政机关已告知起诉期限", default=True)
    act = read_date(params, "act_date", "行政行为作出日期", required=False)
    real_estate = inputs.boolean(params, "real_estate", "因不动产提起诉讼", default=False)

    inputs.not_before(known, act, "known_date", "“知道或者应当知道行政行为之日”不能早于“行政行为作出日期”。")
    inputs.not_before(decision, known, "reconsideration_decision_served",
                      "“复议决定书送达日期”不能早于“知道或者应当知道行政行为之日”。")
    inputs.not_before(decision, act, "reconsideration_decision_served",
                      "“复议决定书送达日期”不能早于“行政行为作出日期”。")
    inputs.not_before(filed, known, "filed_date", "“起诉日期”不能早于“知道或者应当知道行政行为之日”。")
    inputs.not_before(filed, act, "filed_date", "“起诉日期”不能早于“行政行为作出日期”。")
    if decision is not None and filed < decision:
        raise InputError("filed_date", "“起诉日期”早于“复议决定书送达日期”：收到复议决定前起诉的，不适用"
                                       "行政诉讼法第四十五条按复议决定书送达计算的期限，请核对日期。")

    limits, warnings = [], []
    if decision is not None:
        if informed:
            limits.append(_from_table("reconsideration", decision))
        else:
            limits.append(_from_table("not_informed_reconsideration", decision))
            usual = _from_table("reconsideration", decision)["period"]
            warnings.append(_not_informed_warning("复议决定书送达", *LIMITS["reconsideration"][2]))
    else:
        if informed:
            limits.append(_from_table("direct", known))
        else:
            limits.append(_from_table("not_informed", known))
            usual = _from_table("direct", known)["period"]
            warnings.append(_not_informed_warning("知道或者应当知道行政行为", *LIMITS["direct"][2]))
    if act is not None:
        late_knowledge = ["alp-interp/65"] if known is not None and known > act else []
        limits.append(_from_table("longest_real_estate" if real_estate else "longest_other", act, late_knowledge))

    binding = min(limits, key=lambda l: l["period"].due)
    period = binding["period"]
    timely = filed <= period.due
    uncovered = set().union(*(l["period"].uncovered_years for l in limits))
    if uncovered:
        warnings.insert(0, periods.uncovered_warning(uncovered))
    for l in limits:
        if l["period"].ends_on_makeup_workday:
            warnings.append(notices.warning(
                "period.ends_on_makeup_workday",
                f"“{l['title']}”的最后一日{fmt(l['period'].raw)}是调休上班日，按通常理解不顺延；"
                "法律对此未作明文规定，请注意。", limit=l["id"]))
    if len(limits) > 1:
        warnings.append(notices.warning(
            "filing.limits_combined", "各项期限是否以及如何叠加适用，法律未作具体规定；本计算器以最早届满的期限为准，"
            "并对最长起诉期限同样适用期满日遇节假日顺延的规则。"))
    if not timely:
        warnings.append(notices.warning(
            "filing.late_excusable", "原告如能证明因不可抗力或者其他不属于其自身的原因耽误起诉期限，被耽误的时间不计算在起诉期限内；"
            "因其他特殊情况耽误的，可在障碍消除后十日内申请延长（[[alp/48]]）。"
            "提出超过起诉期限的答辩意见前，请核实有无此类情形。"))
    if not informed and timely and filed > usual.due:
        warnings.append(notices.warning("filing.not_informed", f"起诉日期已超过按通常期限计算的{fmt(usual.due)}，是否超过起诉期限取决于原告何时知道或者应当知道"
                        "起诉期限，请核实行政机关是否以其他方式告知过起诉期限。"))

    refs = [*STANDING]
    for l in limits:
        refs += [r for r in l["refs"] if r not in refs]
    counting = COUNTING if any(l["period"].unit != "日" for l in limits) else periods.STATUTORY_COUNTING
    refs += [r for r in counting if r not in refs]
    result = {
        "timely": timely,
        "deadline": period.due.isoformat(),
        "rule": _rule(limits, binding, filed, timely, act is None),
        "limits": [_public(l, l is binding) for l in limits],
        "basis": [provisions.cite(r) for r in refs],
        "warnings": warnings,
    }
    if period.moved:
        result["adjusted_from"] = period.raw.isoformat()
    return result


def _limit(key: str, title: str, period: periods.Period, refs: list[str]) -> dict:
    return {"id": key, "title": title, "period": period, "refs": refs}


def _public(limit: dict, binding: bool) -> dict:
    p = limit["period"]
    out = {"id": limit["id"], "title": limit["title"], "due": p.due.isoformat(), "binding": binding,
           "explanation": p.explanation, "basis": [provisions.cite(r) for r in limit["refs"]]}
    if p.moved:
        out["adjusted_from"] = p.raw.isoformat()
    return out


def _not_informed_warning(event: str, length: int, unit: str) -> dict:
    return notices.warning(
        "filing.not_informed",
        "行政机关未告知起诉期限时，起诉期限从原告知道或者应当知道起诉期限之日起计算，但自知道或者应当知道"
        f"行为内容之日起最长不得超过一年（[[alp-interp/64]]）。本计算器不知道原告何时知道起诉期限，"
        f"只计算了自{event}之日起一年的最长期限；如能证明原告知道起诉期限的日期，应自该日起另行计算"
        f"{length}{unit}，以较早者为准。")


def _rule(limits: list[dict], binding: dict, filed, timely: bool, no_act_date: bool) -> str:
    parts = [f"{l['title']}：{l['period'].explanation}" for l in limits]
    p = binding["period"]
    text = "".join(parts)
    if len(limits) > 1:
        text += f"以最早届满的“{binding['title']}”为准，起诉期限届满日为{fmt(p.due)}。"
    else:
        text += f"起诉期限届满日为{fmt(p.due)}。"
    if timely:
        text += f"起诉日期{fmt(filed)}未超过该日，原告在起诉期限内起诉。"
    else:
        text += (f"起诉日期{fmt(filed)}晚于该日，原告未在法定期限内提起行政诉讼，"
                 "应诉承办单位可以在答辩状中提出（办法第十五条第二款第（三）项）。")
    if no_act_date:
        text += "未填写行政行为作出日期，未核对行政诉讼法第四十六条第二款规定的最长起诉期限（不动产20年，其他5年）。"
    text += ("法律另有规定的，从其规定（行政诉讼法第四十五条、第四十六条“法律另有规定的除外”）。"
             "起诉状期满前交邮的，不算过期（民事诉讼法第八十五条第四款）。")
    return text

"""Calculator “filing_period”: was the lawsuit filed within the time limit for suing (起诉期限)?

The answer may object that the plaintiff sued out of time (measures/15/2/3). Limits:
- direct suit: from when the plaintiff knew or should have known of the act (alp/46/1);
- after reconsideration: from receipt of the decision (alp/45);
- the agency did not state the time limit: counted from when the plaintiff learned of it, but at
  most a year from knowing the act's (or the decision's) content (alp-interp/64);
- in any case no suit after the longest limits from the day the act was done (alp/46/2;
  alp-interp/65 for a plaintiff who learned of the act late).
Every limit is counted per alp/101 → cpl/85, alp-interp/48 and civil-code/202; the binding
deadline is the earliest. Lengths come from calculators/data/parameters.toml as they stand on
the day each limit starts.
"""
from __future__ import annotations

from . import inputs, notices, periods, present, provisions
from .errors import InputError
from .periods import fmt, read_date
from .rules import At
from .spec import Field, Spec

COUNTING = [*periods.STATUTORY_COUNTING, "civil-code/202"]
STANDING = ["measures/15/2/3", "alp/48"]

# The time limits for suing: id -> title, from when, parameter of its length, basis (the law is a table)
LIMITS = {
    "direct": ("直接起诉的起诉期限", "知道或者应当知道作出行政行为之日", "suit_period_direct", ["alp/46/1"]),
    "reconsideration": ("不服复议决定的起诉期限", "收到复议决定书之日", "suit_period_after_reconsideration", ["alp/45"]),
    "not_informed": ("未告知起诉期限的最长期限", "知道或者应当知道行政行为内容之日（自知道起诉期限之日起算，但最长不超过该期限）",
                     "suit_period_not_informed", ["alp-interp/64/1"]),
    "not_informed_reconsideration": ("复议决定未告知起诉期限的最长期限", "收到复议决定书之日",
                                     "suit_period_not_informed", ["alp-interp/64/2", "alp-interp/64/1"]),
    "longest_real_estate": ("最长起诉期限（因不动产提起诉讼）", "行政行为作出之日", "suit_period_longest_real_estate",
                            ["alp/46/2"]),
    "longest_other": ("最长起诉期限（不动产以外的案件）", "行政行为作出之日", "suit_period_longest_other", ["alp/46/2"]),
}


def rule_table() -> dict:
    """The limits as a table for the site's pages."""
    law = At(None)
    rows = [[f"{title}（{law.param(param).text}）", start, law.param(param).text,
             "；".join(provisions.label(r, short=True) for r in refs)]
            for title, start, param, refs in LIMITS.values()]
    rows.append(["多项期限同时适用", "—", "以最早届满者为准", "本计算器的处理"])
    return {"columns": ["起诉期限", "起算", "期间", "依据"], "rows": rows,
            "refs": sorted({r for *_, refs in LIMITS.values() for r in refs})}


def _from_table(key: str, start, extra_refs=()) -> dict:
    """A limit of LIMITS counted from `start` with the length in force then; both longest
    limits are reported as id "longest"."""
    title, _, param, refs = LIMITS[key]
    length = At(start).param(param)
    public_id = "longest" if key.startswith("longest") else key
    period = periods.statutory(start, length.value, length.unit)
    return {"id": public_id, "title": f"{title}（{length.text}）", "period": period, "refs": [*refs, *extra_refs]}


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
        raise InputError("filed_date", At(decision).text(
            "“起诉日期”早于“复议决定书送达日期”：收到复议决定前起诉的，不适用[[alp/45]]按复议决定书送达计算的期限，"
            "请核对日期。"))

    limits, warnings = [], []
    if decision is not None:
        if informed:
            limits.append(_from_table("reconsideration", decision))
        else:
            limits.append(_from_table("not_informed_reconsideration", decision))
            usual = _from_table("reconsideration", decision)["period"]
            warnings.append(_not_informed_warning("复议决定书送达", usual))
    else:
        if informed:
            limits.append(_from_table("direct", known))
        else:
            limits.append(_from_table("not_informed", known))
            usual = _from_table("direct", known)["period"]
            warnings.append(_not_informed_warning("知道或者应当知道行政行为", usual))
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
        warnings.append(notices.warning(
            "filing.not_informed", f"起诉日期已超过按通常期限计算的{fmt(usual.due)}，是否超过起诉期限取决于原告何时知道"
            "或者应当知道起诉期限，请核实行政机关是否以其他方式告知过起诉期限。"))

    refs = [*STANDING]
    for l in limits:
        refs += [r for r in l["refs"] if r not in refs]
    counting = COUNTING if any(l["period"].unit != "日" for l in limits) else periods.STATUTORY_COUNTING
    refs += [r for r in counting if r not in refs]
    law = At(filed)
    result = {
        "timely": timely,
        "deadline": period.due.isoformat(),
        "rule": _rule(law, limits, binding, filed, timely, act is None),
        "limits": [_public(l, l is binding) for l in limits],
        "basis": [law.cite(r) for r in refs],
        "warnings": warnings,
    }
    if period.moved:
        result["adjusted_from"] = period.raw.isoformat()
    return result


def _public(limit: dict, binding: bool) -> dict:
    p = limit["period"]
    out = {"id": limit["id"], "title": limit["title"], "due": p.due.isoformat(), "binding": binding,
           "explanation": p.explanation, "basis": [provisions.cite(r) for r in limit["refs"]]}
    if p.moved:
        out["adjusted_from"] = p.raw.isoformat()
    return out


def _not_informed_warning(event: str, usual: periods.Period) -> dict:
    longest = At(usual.start).param("suit_period_not_informed").text
    return notices.warning(
        "filing.not_informed",
        "行政机关未告知起诉期限时，起诉期限从原告知道或者应当知道起诉期限之日起计算，但自知道或者应当知道"
        f"行为内容之日起最长不得超过{longest}（[[alp-interp/64]]）。本计算器不知道原告何时知道起诉期限，"
        f"只计算了自{event}之日起{longest}的最长期限；如能证明原告知道起诉期限的日期，应自该日起另行计算"
        f"{usual.length}{usual.unit}，以较早者为准。")


def _rule(law: At, limits: list[dict], binding: dict, filed, timely: bool, no_act_date: bool) -> str:
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
                 "应诉承办单位可以在答辩状中提出（[[measures/15/2/3]]）。")
    if no_act_date:
        estate, other = law.param("suit_period_longest_real_estate").text, law.param("suit_period_longest_other").text
        text += f"未填写行政行为作出日期，未核对[[alp/46/2]]规定的最长起诉期限（不动产{estate}，其他{other}）。"
    text += ("法律另有规定的，从其规定（[[alp/45]]、[[alp/46#]]“法律另有规定的除外”）。"
             "起诉状期满前交邮的，不算过期（[[cpl/85/4]]）。")
    return law.text(text)


def present_result(r: dict) -> dict:
    verdict = "原告在法定起诉期限内起诉" if r["timely"] else "原告起诉已超过法定起诉期限"
    items = [{"text": f"{lim['title']}：{present.cn_date(lim['due'])}{'（适用）' if lim.get('binding') else ''}。"
                      f"{lim.get('explanation', '')}"} for lim in r.get("limits", [])]
    return {"headline": [verdict, f"起诉期限届满日：{present.cn_date(r['deadline'])}"],
            "tone": "ok" if r["timely"] else "alert",
            "sections": [{"title": "结论与理由", "items": present.items([r["rule"]])},
                         *([{"title": "各项期限", "items": items}] if items else [])]}


def _fields() -> tuple:
    law = At(None)
    estate, other = law.param("suit_period_longest_real_estate").text, law.param("suit_period_longest_other").text
    return (
        Field("known_date", "date", "知道或者应当知道行政行为之日",
              f"原告知道或者应当知道作出行政行为之日；直接起诉的，起诉期限为{law.param('suit_period_direct').text}。",
              "alp/46/1"),
        Field("filed_date", "date", "起诉日期", "以人民法院登记立案材料记载的起诉日期为准。", "alp/46/1", required=True),
        Field("reconsideration_decision_served", "date", "复议决定书送达日期",
              f"经复议的，在收到复议决定书之日起{law.param('suit_period_after_reconsideration').text}内起诉。", "alp/45"),
        Field("informed_of_period", "bool", "行政机关已告知起诉期限",
              f"未告知的，起诉期限从知道或应当知道起诉期限之日起计算，但最长不超过{law.param('suit_period_not_informed').text}。",
              "alp-interp/64", default=True),
        Field("act_date", "date", "行政行为作出日期", f"最长保护期限：不动产案件{estate}，其他案件{other}。", "alp/46/2"),
        Field("real_estate", "bool", "因不动产提起诉讼", "", "alp/46/2"),
    )


SPEC = Spec(
    name="filing_period", title="起诉期限审查", order=50,
    purpose="原告是否超过起诉期限（答辩意见“原告未在法定期限内提起行政诉讼”）",
    intro=At(None).text("核对原告是否在法定期限内起诉，供答辩状中提出[[measures/15/2/3]]意见时参考。"),
    fields=_fields(), refs=("measures/15/2/3", "alp/45", "alp/46/1", "alp/46/2", "alp-interp/64", "alp-interp/65"),
    run=filing_period, present=present_result, rule_table=rule_table,
    example={"known_date": "2026-01-10", "filed_date": "2026-03-01"},
)

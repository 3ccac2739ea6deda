"""Calculator “filing_period”: was the lawsuit filed within the time limit for suing (起诉期限)?

The answer may object that the plaintiff sued out of time (measures/15/2/3). The limit depends on
how the plaintiff came to court (ROUTES):
- direct suit: from when the plaintiff knew or should have known of the act (alp/46/1); the agency
  did not state the time limit: counted from when the plaintiff learned of it, but at most a year
  from knowing the act's content (alp-interp/64/1); in any case no suit after the longest limits
  from the day the act was done (alp/46/2; alp-interp/65 for a plaintiff who learned of it late);
- after a reconsideration decision: from its service (alp/45, alp-interp/59; not stated:
  alp-interp/64/2). The longest limits of alp/46/2 are not applied: they bound a direct suit by a
  plaintiff who did not know the act, not a plaintiff who sues within the limit that runs from the
  decision (otherwise the limit could pass before the decision arrives);
- the reconsideration body did not decide in time: from the end of its deciding period (alp/45),
  that period counted per arl/30, arl/62 and arl/88 (applications received from 2024-01-01);
- failure to perform a duty: from the end of the period for performing it (alp-interp/66, alp/47/1).
Every limit is counted per alp/101 → cpl/85, alp-interp/48 and civil-code/202; the binding
deadline is the earliest. Lengths come from calculators/data/parameters.toml as they stand on
the day each limit starts.
"""
from __future__ import annotations

import datetime as dt

from . import inputs, notices, periods, present, provisions
from .errors import InputError
from .periods import fmt, read_date
from .rules import At
from .spec import Field, Spec

COUNTING = [*periods.STATUTORY_COUNTING, "civil-code/202"]
STANDING = ["measures/15/2/3", "alp/48"]

ROUTES = {
    "direct": "直接起诉行政行为（未经复议）",
    "after_decision": "不服行政复议决定起诉",
    "no_decision": "复议机关逾期未作出复议决定后起诉",
    "non_performance": "起诉行政机关不履行法定职责",
}
INFORMED = {"informed": "已告知起诉期限", "not_informed": "未告知起诉期限"}
PROCEDURES = {"ordinary": "普通程序", "simple": "简易程序"}
# the routes on which the agency's (or the decision's) statement of the time limit matters (alp-interp/64)
INFORMED_ROUTES = ("direct", "after_decision")

# The time limits for suing: id -> title, from when, parameter of its length, basis, routes (the law is a table)
LIMITS = {
    "direct": ("直接起诉的起诉期限", "知道或者应当知道作出行政行为之日", "suit_period_direct", ["alp/46/1"],
               ("direct",)),
    "reconsideration": ("不服复议决定的起诉期限", "收到复议决定书之日", "suit_period_after_reconsideration",
                        ["alp/45", "alp-interp/59"], ("after_decision",)),
    "not_informed": ("未告知起诉期限的最长期限", "知道或者应当知道行政行为内容之日（自知道起诉期限之日起算，但最长不超过该期限）",
                     "suit_period_not_informed", ["alp-interp/64/1"], ("direct",)),
    "not_informed_reconsideration": ("复议决定未告知起诉期限的最长期限", "收到复议决定书之日",
                                     "suit_period_not_informed", ["alp-interp/64/2", "alp-interp/64/1"],
                                     ("after_decision",)),
    "no_decision": ("复议机关逾期不作决定时的起诉期限", "复议期满之日", "suit_period_no_decision", ["alp/45"],
                    ("no_decision",)),
    "non_performance": ("起诉不履行法定职责的起诉期限", "行政机关履行法定职责期限届满之日", "suit_period_non_performance",
                        ["alp-interp/66", "alp/47/1"], ("non_performance",)),
    "longest_real_estate": ("最长起诉期限（因不动产提起诉讼）", "行政行为作出之日", "suit_period_longest_real_estate",
                            ["alp/46/2"], ("direct",)),
    "longest_other": ("最长起诉期限（不动产以外的案件）", "行政行为作出之日", "suit_period_longest_other", ["alp/46/2"],
                      ("direct",)),
}
# the event each limit starts from, as the answer and an objection tell it
EVENTS = {"direct": "知道或者应当知道作出行政行为", "reconsideration": "收到复议决定书",
          "not_informed": "知道或者应当知道行政行为内容", "not_informed_reconsideration": "收到复议决定书",
          "no_decision": "复议期满", "non_performance": "行政机关履行法定职责的期限届满",
          "longest_real_estate": "行政行为作出", "longest_other": "行政行为作出"}


def rule_table() -> dict:
    """The limits as a table for the site's pages, with the periods that fix their starts."""
    law = At(None)

    def cite(refs):
        return "；".join(provisions.label(r, short=True) for r in refs)

    rows = [[f"{title}（{law.param(param).text}）", "、".join(ROUTES[r] for r in routes), start,
             law.param(param).text, cite(refs)]
            for title, start, param, refs, routes in LIMITS.values()]
    review, ordinary, simple, extension = (law.param(n) for n in (
        "reconsideration_review_working_days", "reconsideration_decision_period",
        "reconsideration_decision_period_simple", "reconsideration_extension_max"))
    rows.append(["复议期满日（起算复议机关逾期不作决定时的起诉期限）", ROUTES["no_decision"], "复议机关收到复议申请之日",
                 f"{review.text}内审查，期满未决定不予受理的视为受理；自受理之日起{ordinary.text}"
                 f"（简易程序{simple.text}），经批准延长的不超过{extension.text}",
                 cite(["arl/30/1", "arl/30/3", "arl/88/2", "arl/62/1", "arl/62/2"])])
    rows.append(["履行期限届满日（起算不履行法定职责的起诉期限）", ROUTES["non_performance"], "行政机关接到申请之日",
                 f"{law.param('duty_performance_period').text}（法律、法规另有规定的，从其规定）", cite(["alp/47/1"])])
    rows.append(["多项期限同时适用", "—", "—", "以最早届满者为准", "本计算器的处理"])
    refs = sorted({r for *_, refs, _ in LIMITS.values() for r in refs} | {"arl/30/1", "arl/62/1", "alp/47/1"})
    return {"columns": ["起诉期限", "适用情形", "起算", "期间", "依据"], "rows": rows, "refs": refs}


def _from_table(key: str, start: dt.date, extra_refs=()) -> dict:
    """A limit of LIMITS counted from `start` with the length in force then; both longest
    limits are reported as id "longest"."""
    title, _, param, refs, _ = LIMITS[key]
    length = At(start).param(param)
    public_id = "longest" if key.startswith("longest") else key
    period = periods.statutory(start, length.value, length.unit)
    return {"id": public_id, "key": key, "title": f"{title}（{length.text}）", "period": period,
            "refs": [*refs, *extra_refs], "event": EVENTS[key]}


def _informed(params: dict) -> bool:
    """alp-interp/64: whether the agency (or the decision) stated the time limit. Asked with two
    explicit answers and no default, so that an untouched form does not choose the shorter limit;
    callers may also pass true/false."""
    value = params.get("informed_of_period")
    if isinstance(value, bool):
        return value
    return inputs.choice(params, "informed_of_period", "行政机关是否告知起诉期限", INFORMED) == "informed"


def filing_period(params: dict) -> dict:
    """Timeliness of the suit: alp/45, alp/46, alp/47, alp-interp/59, alp-interp/64–66, arl/30,
    arl/62, counted per alp/101, cpl/85, alp-interp/48 and civil-code/202; for the objection of
    measures/15/2/3."""
    filed = read_date(params, "filed_date", "起诉日期")
    decision = read_date(params, "reconsideration_decision_served", "复议决定书送达日期", required=False)
    route = inputs.choice(params, "route", "起诉的情形", ROUTES, required=False)
    if route is None:   # callers that do not ask: a decision date means a suit after reconsideration
        route = "after_decision" if decision is not None else "direct"
    if route == "after_decision" and decision is None:
        raise InputError("reconsideration_decision_served", "选择了“不服行政复议决定起诉”，请填写“复议决定书送达日期”。")
    known = read_date(params, "known_date", "知道或者应当知道行政行为之日", required=route == "direct")
    act = read_date(params, "act_date", "行政行为作出日期", required=False)
    real_estate = inputs.boolean(params, "real_estate", "因不动产提起诉讼", default=False)

    inputs.not_before(known, act, "known_date", "“知道或者应当知道行政行为之日”不能早于“行政行为作出日期”。")
    inputs.not_before(filed, known, "filed_date", "“起诉日期”不能早于“知道或者应当知道行政行为之日”。")
    inputs.not_before(filed, act, "filed_date", "“起诉日期”不能早于“行政行为作出日期”。")
    if route == "after_decision":
        inputs.not_before(decision, known, "reconsideration_decision_served",
                          "“复议决定书送达日期”不能早于“知道或者应当知道行政行为之日”。")
        inputs.not_before(decision, act, "reconsideration_decision_served",
                          "“复议决定书送达日期”不能早于“行政行为作出日期”。")
        if filed < decision:
            raise InputError("filed_date", At(decision).text(
                "“起诉日期”早于“复议决定书送达日期”：收到复议决定前起诉的，不适用[[alp/45]]按复议决定书送达计算的期限，"
                "请核对日期。"))

    informed = _informed(params) if route in INFORMED_ROUTES else None

    limits, warnings, not_applied, steps = [], [], [], []
    usual = None
    if route == "direct":
        usual = _stated_or_not(informed, "direct", "not_informed", known, "知道或者应当知道行政行为", limits, warnings)
        if act is not None:
            late_knowledge = ["alp-interp/65"] if known > act else []
            limits.append(_from_table("longest_real_estate" if real_estate else "longest_other", act, late_knowledge))
    elif route == "after_decision":
        usual = _stated_or_not(informed, "reconsideration", "not_informed_reconsideration", decision, "复议决定书送达",
                               limits, warnings)
        not_applied.append(_cap_not_applied(route))
    elif route == "no_decision":
        end, steps = _reconsideration_end(params, filed)
        limits.append(_from_table("no_decision", end))
        not_applied.append(_cap_not_applied(route))
    else:
        end, steps = _duty_end(params, filed)
        limits.append(_from_table("non_performance", end))
        not_applied.append(_cap_not_applied(route))

    binding = min(limits, key=lambda l: l["period"].due)
    period = binding["period"]
    timely = filed <= period.due
    uncovered = set().union(*(l["period"].uncovered_years for l in limits), *(s.get("years", set()) for s in steps))
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
    premature = steps and filed <= steps[-1]["date"]
    if premature:
        warnings.append(_premature_warning(route, steps[-1]["date"]))
    if not timely:
        warnings.append(notices.warning(
            "filing.late_excusable", "原告如能证明因不可抗力或者其他不属于其自身的原因耽误起诉期限，被耽误的时间不计算在起诉期限内；"
            "因其他特殊情况耽误的，可在障碍消除后十日内申请延长（[[alp/48]]）。"
            "提出超过起诉期限的答辩意见前，请核实有无此类情形。"))
    if usual is not None and timely and filed > usual.due:
        warnings.append(notices.warning(
            "filing.not_informed", f"起诉日期已超过按通常期限计算的{fmt(usual.due)}，是否超过起诉期限取决于原告何时知道"
            "或者应当知道起诉期限，请核实行政机关是否以其他方式告知过起诉期限。"))

    refs = [*STANDING]
    for item in [*steps, *limits]:
        refs += [r for r in item["refs"] if r not in refs]
    counting = COUNTING if any(l["period"].unit != "日" for l in limits) else periods.STATUTORY_COUNTING
    refs += [r for r in counting if r not in refs]
    law = At(filed)
    result = {
        "timely": timely,
        "deadline": period.due.isoformat(),
        "route": route,
        "route_name": ROUTES[route],
        "rule": _rule(law, route, limits, binding, filed, timely, act is None, steps, not_applied),
        "limits": [_public(l, l is binding) for l in limits],
        "steps": [_public_step(s) for s in steps],
        "not_applied": [{**n, "text": law.text(n["text"]), "basis": [provisions.cite(r) for r in n["refs"]]}
                        for n in not_applied],
        # what an objection that the suit is late (measures/15/2/3) may rely on
        "objection": _objection(binding, timely, informed, premature),
        "basis": [law.cite(r) for r in refs],
        "warnings": warnings,
    }
    if period.moved:
        result["adjusted_from"] = period.raw.isoformat()
    return result


def _reconsideration_end(params: dict, filed: dt.date) -> tuple[dt.date, list[dict]]:
    """The end of the reconsideration body's period for deciding (复议期满之日), from which alp/45
    counts: review within N working days (arl/30/1, arl/88/2), deemed accepted when that period
    ends without a refusal (arl/30/3), then N days from acceptance (arl/62/1; simple procedure
    arl/62/2), extended by at most N days on approval and written notice (arl/62/1)."""
    received = read_date(params, "reconsideration_received", "复议机关收到复议申请之日", required=False)
    accepted = read_date(params, "reconsideration_accepted", "复议机关受理复议申请之日", required=False)
    given_end = read_date(params, "reconsideration_period_end", "复议期满日", required=False)
    procedure = inputs.choice(params, "reconsideration_procedure", "复议案件适用的程序", PROCEDURES,
                              required=False) or "ordinary"
    extension = inputs.integer(params, "reconsideration_extension_days", "经批准延长复议期限的日数", required=False,
                               default=0)
    inputs.not_before(accepted, received, "reconsideration_accepted", "“复议机关受理复议申请之日”不能早于“复议机关收到复议申请之日”。")
    inputs.not_before(given_end, received, "reconsideration_period_end", "“复议期满日”不能早于“复议机关收到复议申请之日”。")
    inputs.not_before(filed, received, "filed_date", "“起诉日期”不能早于“复议机关收到复议申请之日”。")
    if given_end is not None:
        return given_end, [{"id": "reconsideration_period_end", "title": "复议期满日", "date": given_end,
                            "explanation": f"按填写的复议期满日{fmt(given_end)}计算。", "refs": ["alp/45"]}]
    if received is None and accepted is None:
        raise InputError("reconsideration_received", "请填写“复议机关收到复议申请之日”（或直接填写“复议期满日”）。")
    start = received or accepted
    law = At(start)
    review = law.param("reconsideration_review_working_days")
    if review.status == "not_yet":
        raise InputError("reconsideration_period_end", law.text(
            f"{fmt(start)}早于修订后的行政复议法施行之日（2024年1月1日），复议期限适用修订前的行政复议法，本计算器未收录其文本；"
            "请根据复议机关的受理通知等材料填写“复议期满日”。"))
    longest = law.param("reconsideration_extension_max")
    if extension > longest.value:
        raise InputError("reconsideration_extension_days",
                         law.text(f"“经批准延长复议期限的日数”最多为{longest.value}（[[arl/62/1]]）。"))
    if extension and procedure == "simple":
        raise InputError("reconsideration_extension_days", law.text(
            "简易程序的复议期限（[[arl/62/2]]）没有延长的规定；复议案件转为普通程序审理的，请选择“普通程序”。"))
    steps = []
    if accepted is None:
        accepted, years = periods.add_working_days(received, review.value)
        steps.append({"id": "accepted", "title": "视为受理之日", "date": accepted, "years": years,
                      "refs": ["arl/30/1", "arl/88/2", "arl/30/3"],
                      "explanation": law.text(
                          f"复议机关于{fmt(received)}收到复议申请，应在{review.text}内审查（[[arl/30/1]]；“五日”指工作日，"
                          f"[[arl/88/2]]），审查期限于{fmt(accepted)}届满；未作出不予受理决定的，自该日起视为受理"
                          "（[[arl/30/3]]）。复议机关书面通知补正的，审查期限自收到补正材料后重新计算（[[arl/31]]），"
                          "请填写实际受理之日。")})
    else:
        steps.append({"id": "accepted", "title": "受理之日", "date": accepted, "refs": ["arl/30/1"],
                      "explanation": f"按填写的受理之日{fmt(accepted)}计算。"})
    param = "reconsideration_decision_period_simple" if procedure == "simple" else "reconsideration_decision_period"
    length = law.param(param)
    base = periods.statutory(accepted, length.value, length.unit)
    ref = "arl/62/2" if procedure == "simple" else "arl/62/1"
    text = law.text(f"{PROCEDURES[procedure]}的复议期限为自受理之日起{length.text}（[[{ref}]]；期间依[[arl/88/1]]按民事诉讼法计算）：{base.explanation}")
    end, years = base.due, set(base.uncovered_years)
    if extension:
        extended = periods.statutory(base.due, extension)
        end, years = extended.due, years | extended.uncovered_years
        text += law.text(
            f"经批准延长{extension}日（[[arl/62/1]]），本计算器自原期限届满之日的次日起算延长期：{extended.explanation}"
            "延长期也可以理解为自原期限的算术末日起算（不先顺延），所得日期可能略早；延长的日数以复议机关书面告知的为准。")
    text += f"复议期满日为{fmt(end)}。"
    text += law.text("法律规定的行政复议期限少于该期限的，从其规定（[[arl/62/1]]），请直接填写“复议期满日”。")
    steps.append({"id": "reconsideration_period_end", "title": "复议期满日", "date": end, "years": years,
                  "refs": [ref, "arl/88/1"], "explanation": text})
    return end, steps


def _duty_end(params: dict, filed: dt.date) -> tuple[dt.date, list[dict]]:
    """The end of the period for performing the duty (alp/47/1: N months from receiving the
    application, unless a law or regulation sets another period), from which alp-interp/66
    counts. Reading: its last day on a rest day moves to the next working day (civil-code/203/1),
    which gives the later, safer date for an objection; the other reading is stated."""
    requested = read_date(params, "duty_requested", "行政机关接到履行法定职责申请之日", required=False)
    given_end = read_date(params, "duty_period_end", "履行法定职责期限届满日", required=False)
    inputs.not_before(given_end, requested, "duty_period_end", "“履行法定职责期限届满日”不能早于“行政机关接到履行法定职责申请之日”。")
    inputs.not_before(filed, requested, "filed_date", "“起诉日期”不能早于“行政机关接到履行法定职责申请之日”。")
    if given_end is not None:
        return given_end, [{"id": "duty_period_end", "title": "履行期限届满日", "date": given_end, "refs": ["alp/47/1"],
                            "explanation": At(given_end).text(
                                f"按填写的履行期限届满日{fmt(given_end)}计算（法律、法规对履行期限另有规定的，从其规定，[[alp/47/1]]）。")}]
    if requested is None:
        raise InputError("duty_requested", "请填写“行政机关接到履行法定职责申请之日”（或直接填写“履行法定职责期限届满日”）。")
    law = At(requested)
    length = law.param("duty_performance_period")
    p = periods.statutory(requested, length.value, length.unit)
    text = law.text(f"行政机关在接到申请之日起{length.text}内不履行的，可以起诉（[[alp/47/1]]）：{p.explanation}")
    if p.moved:
        months = At(p.raw).param("suit_period_non_performance")
        other = periods.statutory(p.raw, months.value, months.unit).due
        text += law.text(
            f"履行期限的末日遇休息日是否顺延，法律未明文规定；本计算器依[[civil-code/203/1]]顺延至{fmt(p.due)}，所得起诉期限较晚，"
            f"据此判断是否超期较为稳妥。按不顺延的理解，履行期限于{fmt(p.raw)}届满，起诉期限届满日为{fmt(other)}。")
    text += law.text("紧急情况下请求履行的，起诉不受该期限的限制（[[alp/47/2]]）；行政机关书面拒绝履行的，属于对拒绝行为的直接起诉，"
                     "请选择“直接起诉行政行为”。")
    return p.due, [{"id": "duty_period_end", "title": "履行期限届满日", "date": p.due, "years": set(p.uncovered_years),
                    "refs": ["alp/47/1", *(["civil-code/203/1"] if p.moved else [])], "explanation": text}]


def _cap_not_applied(route: str) -> dict:
    """Why the longest limits of alp/46/2 are not applied on this route."""
    if route == "non_performance":
        text = ("[[alp/46/2]]的最长起诉期限自“行政行为作出之日”起算；起诉不履行法定职责的案件没有可起算的作出之日，"
                "起诉期限按[[alp-interp/66]]计算，本计算器不适用最长起诉期限。")
        refs = ["alp/46/2", "alp-interp/66"]
    else:
        event = "收到复议决定书" if route == "after_decision" else "复议期满"
        text = (f"经复议的案件，起诉期限依[[alp/45]]自{event}之日起计算"
                + ("（复议机关维持原行政行为的，以复议决定送达时间确定起诉期限，[[alp-interp/59]]）" if route == "after_decision" else "")
                + "。[[alp/46/2]]的最长起诉期限是为直接起诉、原告不知道行政行为内容的情形设定的上限（[[alp-interp/65]]），"
                f"不适用于在{event}后依[[alp/45]]起诉的原告；否则复议尚未结束，起诉期限就可能已经届满。"
                "复议申请本身是否超过申请期限和自行政行为作出之日起的最长期限，由复议机关依[[arl/20]]、[[arl/21]]审查。")
        refs = ["alp/46/2", "alp-interp/65", "alp/45", *(["alp-interp/59"] if route == "after_decision" else []),
                "arl/20", "arl/21"]
    return {"id": "longest", "title": "最长起诉期限", "text": text, "refs": refs}


def _premature_warning(route: str, end: dt.date) -> dict:
    if route == "no_decision":
        text = (f"起诉日期不晚于复议期满日{fmt(end)}，不存在超过起诉期限的问题。已经申请行政复议、在法定复议期间内又起诉的，"
                "人民法院裁定不予立案（[[alp-interp/57]]），请核实复议机关是否已作出决定或者原告是否已撤回复议申请。")
    else:
        text = (f"起诉日期不晚于履行期限届满日{fmt(end)}，不存在超过起诉期限的问题。紧急情况下请求履行的，起诉不受履行期限的限制"
                "（[[alp/47/2]]）；其他情形下履行期限届满前起诉的，请另行审查是否符合起诉条件。")
    return notices.warning("filing.premature", text, on=end, route=route)


def _objection(binding: dict, timely: bool, informed: bool | None, premature: bool) -> dict:
    """What a caller needs to draft (or not to draft) the objection of measures/15/2/3 honestly:
    whether the dates support it, the limit it rests on, its start, and what must be checked."""
    checks = ["alp/48"]
    if informed is False:
        checks.append("alp-interp/64")
    return {"supported": not timely, "limit": binding["id"], "start": binding["period"].start.isoformat(),
            "event": binding["event"], "length": f"{binding['period'].length}{binding['period'].unit}",
            "deadline": binding["period"].due.isoformat(), "check": [provisions.cite(r) for r in checks],
            "premature": bool(premature)}


def _public(limit: dict, binding: bool) -> dict:
    p = limit["period"]
    out = {"id": limit["id"], "title": limit["title"], "due": p.due.isoformat(), "binding": binding,
           "start": p.start.isoformat(), "event": limit["event"], "length": f"{p.length}{p.unit}",
           "explanation": p.explanation, "basis": [provisions.cite(r) for r in limit["refs"]]}
    if p.moved:
        out["adjusted_from"] = p.raw.isoformat()
    return out


def _public_step(step: dict) -> dict:
    return {"id": step["id"], "title": step["title"], "date": step["date"].isoformat(),
            "explanation": step["explanation"], "basis": [provisions.cite(r) for r in step["refs"]]}


def _stated_or_not(informed: bool, stated: str, unstated: str, start, event: str, limits: list,
                   warnings: list) -> periods.Period | None:
    """The limit when the agency stated the time limit for suing (`stated`), or else the longest
    limit of alp-interp/64 (`unstated`) with the usual one returned for comparison and a warning."""
    if informed:
        limits.append(_from_table(stated, start))
        return None
    limits.append(_from_table(unstated, start))
    usual = _from_table(stated, start)["period"]
    warnings.append(_not_informed_warning(event, usual))
    return usual


def _not_informed_warning(event: str, usual: periods.Period) -> dict:
    longest = At(usual.start).param("suit_period_not_informed").text
    return notices.warning(
        "filing.not_informed",
        "行政机关未告知起诉期限时，起诉期限从原告知道或者应当知道起诉期限之日起计算，但自知道或者应当知道"
        f"行为内容之日起最长不得超过{longest}（[[alp-interp/64]]）。本计算器不知道原告何时知道起诉期限，"
        f"只计算了自{event}之日起{longest}的最长期限；如能证明原告知道起诉期限的日期，应自该日起另行计算"
        f"{usual.length}{usual.unit}，以较早者为准。")


def _rule(law: At, route: str, limits: list[dict], binding: dict, filed, timely: bool, no_act_date: bool,
          steps: list[dict], not_applied: list[dict]) -> str:
    parts = [s["explanation"] for s in steps]
    parts += [f"{l['title']}：{l['period'].explanation}" for l in limits]
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
    if route == "direct" and no_act_date:
        estate, other = law.param("suit_period_longest_real_estate").text, law.param("suit_period_longest_other").text
        text += f"未填写行政行为作出日期，未核对[[alp/46/2]]规定的最长起诉期限（不动产{estate}，其他{other}）。"
    text += "".join(n["text"] for n in not_applied)
    if route == "direct":
        text += "法律另有规定的，从其规定（[[alp/45]]、[[alp/46#]]“法律另有规定的除外”）。"
    elif route == "non_performance":
        text += "法律、法规对行政机关履行职责的期限另有规定的，从其规定（[[alp/47/1]]）。"
    else:
        text += "法律另有规定的，从其规定（[[alp/45]]“法律另有规定的除外”）。"
    text += "起诉状期满前交邮的，不算过期（[[cpl/85/4]]）。"
    return law.text(text)


def present_result(r: dict) -> dict:
    verdict = "原告在法定起诉期限内起诉" if r["timely"] else "原告起诉已超过法定起诉期限"
    headline = [verdict, f"起诉期限届满日：{present.cn_date(r['deadline'])}"]
    if r.get("route_name"):
        headline.append(f"起诉的情形：{r['route_name']}")
    steps = [{"text": f"{s['title']}：{present.cn_date(s['date'])}。"} for s in r.get("steps", [])]
    items = [{"text": f"{lim['title']}：{present.cn_date(lim['due'])}{'（适用）' if lim.get('binding') else ''}。"
                      f"{lim.get('explanation', '')}"} for lim in r.get("limits", [])]
    return {"headline": headline,
            "tone": "ok" if r["timely"] else "alert",
            "sections": [{"title": "结论与理由", "items": present.items([r["rule"]])},
                         *([{"title": "起算日的确定", "items": steps}] if steps else []),
                         *([{"title": "各项期限", "items": items}] if items else [])]}


def _fields() -> tuple:
    law = At(None)
    estate, other = law.param("suit_period_longest_real_estate").text, law.param("suit_period_longest_other").text
    direct, after = law.param("suit_period_direct").text, law.param("suit_period_after_reconsideration").text
    year = law.param("suit_period_not_informed").text
    review, ordinary, simple = (law.param(n).text for n in ("reconsideration_review_working_days",
                                                             "reconsideration_decision_period",
                                                             "reconsideration_decision_period_simple"))
    return (
        Field("route", "choice", "起诉的情形", "原告是直接起诉，还是经过行政复议后起诉，或者起诉行政机关不履行法定职责；"
              "各情形的起诉期限不同。", "alp/45", required=True, options=ROUTES, default="direct"),
        Field("filed_date", "date", "起诉日期", "以人民法院登记立案材料记载的起诉日期为准。", "alp/46/1", required=True),
        Field("known_date", "date", "知道或者应当知道行政行为之日",
              f"原告知道或者应当知道作出行政行为之日；直接起诉的，起诉期限为{direct}。", "alp/46/1",
              required=True, show_if=("route", "direct")),
        Field("reconsideration_decision_served", "date", "复议决定书送达日期",
              f"在收到复议决定书之日起{after}内起诉；[[alp/46/2]]的最长起诉期限不适用。", "alp/45",
              required=True, show_if=("route", "after_decision")),
        Field("informed_of_period", "choice", "行政机关是否告知起诉期限",
              f"直接起诉、不服复议决定起诉的必须选择（其他情形不适用）。选“已告知”：起诉期限为知道行政行为之日起{direct}"
              f"（不服复议决定的为收到复议决定书之日起{after}），据此可能得出超期的结论；选“未告知”：起诉期限自原告知道"
              f"起诉期限之日起计算，本计算器只能核对自知道行为内容（收到复议决定书）之日起最长{year}的期限。"
              "请以行政决定书、复议决定书是否载明起诉期限为准，不能确定的不要选“已告知”。", "alp-interp/64",
              required=True, options=INFORMED, show_if=("route", list(INFORMED_ROUTES))),
        Field("act_date", "date", "行政行为作出日期", f"直接起诉的最长保护期限：不动产案件{estate}，其他案件{other}。",
              "alp/46/2", show_if=("route", "direct")),
        Field("real_estate", "bool", "因不动产提起诉讼", "", "alp/46/2", show_if=("route", "direct")),
        Field("reconsideration_received", "date", "复议机关收到复议申请之日",
              f"复议机关应在{review}内审查是否受理，期满未决定不予受理的视为受理；2024年1月1日前收到的申请请直接填写“复议期满日”。",
              "alp/45", show_if=("route", "no_decision")),
        Field("reconsideration_accepted", "date", "复议机关受理复议申请之日", "有受理通知书的填写；不填的按视为受理之日计算。",
              "alp/45", show_if=("route", "no_decision")),
        Field("reconsideration_procedure", "choice", "复议案件适用的程序",
              f"普通程序自受理之日起{ordinary}内作出复议决定，简易程序{simple}。", "alp/45",
              options=PROCEDURES, default="ordinary", show_if=("route", "no_decision")),
        Field("reconsideration_extension_days", "int", "经批准延长复议期限的日数",
              "复议机关书面告知延长的填写延长的日数；未延长的填0。", "alp/45", default=0, minimum=0,
              maximum=law.value("reconsideration_extension_max"), show_if=("route", "no_decision")),
        Field("reconsideration_period_end", "date", "复议期满日",
              "已知复议期满日（如法律另有规定的复议期限，或2024年1月1日前收到的申请）的，直接填写，优先于上面的计算。",
              "alp/45", show_if=("route", "no_decision")),
        Field("duty_requested", "date", "行政机关接到履行法定职责申请之日",
              f"行政机关接到申请之日起{law.param('duty_performance_period').text}内不履行的，可以起诉。", "alp/47/1",
              show_if=("route", "non_performance")),
        Field("duty_period_end", "date", "履行法定职责期限届满日",
              "法律、法规对履行期限另有规定的，填写按该规定计算的届满日，优先于上面的计算。", "alp/47/1",
              show_if=("route", "non_performance")),
    )


SPEC = Spec(
    name="filing_period", title="起诉期限审查", order=50,
    purpose="原告是否超过起诉期限（答辩意见“原告未在法定期限内提起行政诉讼”）",
    intro=At(None).text("核对原告是否在法定期限内起诉，供答辩状中提出[[measures/15/2/3]]意见时参考。"),
    fields=_fields(),
    refs=("measures/15/2/3", "alp/45", "alp/46/1", "alp/46/2", "alp/47/1", "alp-interp/59", "alp-interp/64",
          "alp-interp/65", "alp-interp/66"),
    run=filing_period, present=present_result, rule_table=rule_table,
    example={"known_date": "2026-01-10", "filed_date": "2026-03-01", "informed_of_period": "informed"},
)

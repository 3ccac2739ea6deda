"""Yearly quota of the principal head's court appearances: measures/21–23.

measures/22/2: an agency with administrative cases in the year — the principal head appears at
least a set number of times; with many cases (“10件以上” includes the number) — a higher minimum
and a yearly principal appearance rate not below a percentage. measures/21/1: the principal heads
of 县（市、区）人民政府 and 市属开发区管委会 appear at least once a year. measures/23/1: a 市直部门
whose system had more enterprise cases than the number named (“超过”, the number itself is not
enough) or a loss rate over the percentage named holds a case seminar. All comparisons use whole
numbers, so 20% of 10 cases is exactly 2 and 2 of 20 lost is not over 10%. The numbers come from
calculators/data/parameters.toml as they stand in the year asked about.
"""
from __future__ import annotations

import datetime as dt

from . import inputs, present
from .errors import InputError
from .rules import At
from .spec import Field, Spec

AGENCIES = {
    "county_gov": "县（市、区）人民政府",
    "dev_zone": "市属开发区管委会",
    "city_department": "市直部门",
    "other": "其他行政机关",
}
YEARLY_ONCE = ("county_gov", "dev_zone")   # measures/21/1, third sentence


def rule_table() -> dict:
    """measures/21–23 as a table for the site's pages."""
    law = At(None)
    many, many_min, rate = law.value("quota_many_cases"), law.value("quota_many_cases_minimum"), law.value("quota_rate_percent")
    seminar_cases, seminar_rate = law.value("seminar_cases_over"), law.value("seminar_loss_percent_over")
    rows = (
        ("县（市、区）人民政府、市属开发区管委会", "不论案件多少", f"每年至少{law.value('quota_government_yearly')}次",
         "measures/21/1"),
        ("其他行政机关", "无行政案件", law.text("[[measures/22/2#]]不作要求"), "measures/22/2"),
        ("各级行政机关", f"1件至{many - 1}件", f"至少{law.value('quota_cases_minimum')}次", "measures/22/2"),
        ("各级行政机关", f"{many}件以上（含{many}件）",
         f"至少{many_min}次，且全年主要负责人出庭应诉率不低于{rate}%，即不少于案件数的{rate}%（向上取整）", "measures/22/2"),
        ("市直部门", f"本系统年度涉企行政案件超过{seminar_cases}件（不含{seminar_cases}件）"
                    f"或败诉率超过{seminar_rate}%（不含{seminar_rate}%）", "召开案件研讨会", "measures/23/1"),
    )
    return {
        "columns": ["机关", "年度行政案件", "主要负责人出庭应诉要求", "依据"],
        "rows": [[who, cases, req, law.text(f"[[{ref}#]]")] for who, cases, req, ref in rows],
        "refs": [law.ref(r) for r in ("measures/21/1", "measures/22/2", "measures/23/1")],
    }


def minimum_by_case_count(cases: int, law: At | None = None) -> int:
    """measures/22/2: 0 without cases, the minimum with a few, max(higher minimum, ⌈rate × cases⌉) with many."""
    law = law or At(None)
    if cases <= 0:
        return 0
    if cases < law.value("quota_many_cases"):
        return law.value("quota_cases_minimum")
    by_rate = -(-cases * law.value("quota_rate_percent") // 100)   # ceiling, in integers
    return max(law.value("quota_many_cases_minimum"), by_rate)


def appearance_quota(params: dict) -> dict:
    """The minimum number of principal-head appearances in a year and whether it is met."""
    year = inputs.integer(params, "year", "年度", required=False, minimum=1990)
    if year is not None and year > 2100:
        raise InputError("year", "“年度”应在1990年至2100年之间。")
    law = At(dt.date(year, 12, 31) if year else None)
    agency = inputs.choice(params, "agency", "行政机关类别", AGENCIES)
    cases = inputs.integer(params, "cases", "本年度行政案件数（件）")
    appearances = inputs.integer(params, "principal_appearances", "主要负责人出庭应诉次数（按案件计）")
    if appearances > cases:
        raise InputError("principal_appearances",
                         "“主要负责人出庭应诉次数（按案件计）”不能多于“本年度行政案件数”。")
    ent_cases = inputs.integer(params, "enterprise_cases", "本系统年度涉企行政案件数（件）", required=False)
    ent_lost = inputs.integer(params, "enterprise_cases_lost", "涉企行政案件败诉数（件）", required=False)
    if ent_lost is not None and ent_cases is None:
        raise InputError("enterprise_cases", "填写了“涉企行政案件败诉数”，请同时填写“本系统年度涉企行政案件数”。")
    if ent_lost is not None and ent_lost > ent_cases:
        raise InputError("enterprise_cases_lost", "“涉企行政案件败诉数”不能多于“本系统年度涉企行政案件数”。")

    many, many_min, rate_pct = law.value("quota_many_cases"), law.value("quota_many_cases_minimum"), \
        law.value("quota_rate_percent")
    few_min, yearly = law.value("quota_cases_minimum"), law.value("quota_government_yearly")
    notes: list[str] = []
    basis = ["measures/22/2"]
    by_cases = minimum_by_case_count(cases, law)
    required = by_cases
    if agency in YEARLY_ONCE:
        required = max(yearly, by_cases)
        basis.insert(0, "measures/21/1")
        notes.append(f"[[measures/21/1]]规定{AGENCIES[agency]}主要负责人每年至少出庭应诉{yearly}次，该句未以发生行政案件为条件，"
                     f"本计算按文义即使本年度尚无案件也计为至少{yearly}次。另一种理解是该要求以发生行政案件为前提"
                     "（与[[measures/22/2]]“发生行政案件的行政机关”一致），无案件时不计。")
        if cases == 0:
            notes.append("本年度尚无以本机关为被告的行政案件，暂无出庭机会；主要负责人出庭应诉只能在本机关作为当事人的案件中进行，"
                         "考核时如何认定请与同级司法行政机关确认。")

    if cases >= many:
        notes.append(f"发生行政案件{cases}件（{many}件以上含{many}件）：至少{many_min}次，且出庭应诉率不低于{rate_pct}%，"
                     f"{cases}件的{rate_pct}%为{_percent_of(cases, rate_pct)}次，向上取整后取两者较大者，至少{by_cases}次。"
                     f"两项条件须同时满足；若把“至少{many_min}次”和“不低于{rate_pct}%”分别核对，结论与此相同。")
    elif cases > 0:
        notes.append(f"发生行政案件{cases}件（不足{many}件）：主要负责人至少出庭应诉{few_min}次。另一种理解把“出庭应诉率不低于"
                     f"{rate_pct}%”读作对所有发生行政案件的机关的要求，按此理解至少需"
                     f"{max(few_min, -(-cases * rate_pct // 100))}次。")
    rate = round(appearances / cases, 4) if cases else None
    if cases:
        notes.append("出庭应诉率按“主要负责人出庭应诉的案件数 ÷ 本年度行政案件数”计算；同一案件多次开庭只计1次。"
                     "如考核口径以开庭审理的案件数为分母，请按该口径填写案件数。")

    compliant = appearances >= required
    shortfall = max(0, required - appearances)
    notes.append("另须确保行政机关负责人（含副职等负责人）出庭应诉率实现100%。")
    basis.append("measures/20/1")

    seminar = None
    if agency == "city_department" and ent_cases is not None:
        seminar = _seminar(law, ent_cases, ent_lost, notes)
        basis.append("measures/23/1")
    elif ent_cases is not None:
        notes.append("召开案件研讨会的要求（[[measures/23]]）仅针对市直部门。")
        basis.append("measures/23/1")
    if ent_cases:
        notes.append("涉企行政案件应当在确保负责人出庭应诉率100%基础上加大主要负责人出庭应诉比例。")

    return {
        "required": required,
        "compliant": compliant,
        "shortfall": shortfall,
        "rate": rate,
        "seminar_required": seminar,
        "notes": [law.text(n) for n in notes],
        "basis": [law.cite(r) for r in basis],
        "warnings": law.validity_warnings(),
    }


def _percent_of(cases: int, percent: int) -> str:
    """`percent`% of `cases` written exactly (20% of 10 -> '2', of 11 -> '2.2')."""
    whole, rest = divmod(cases * percent, 100)
    return str(whole) if rest == 0 else f"{whole}.{rest:02d}".rstrip("0")


def _seminar(law: At, ent_cases: int, ent_lost: int | None, notes: list) -> bool | None:
    """measures/23/1: more enterprise cases in the system than the number named, or a loss rate over the percentage."""
    over_cases, over_rate = law.value("seminar_cases_over"), law.value("seminar_loss_percent_over")
    if ent_cases > over_cases:
        notes.append(f"本系统年度涉企行政案件{ent_cases}件，超过{over_cases}件，应当召开案件研讨会，"
                     "研究解决涉企执法过程中存在的倾向性问题。")
        return True
    if ent_cases == 0:
        notes.append("本系统年度无涉企行政案件，无须召开案件研讨会。")
        return False
    if ent_lost is None:
        notes.append(f"本系统年度涉企行政案件{ent_cases}件，未超过{over_cases}件；未填写败诉数，"
                     f"无法判断败诉率是否超过{over_rate}%。")
        return None
    over = ent_lost * 100 > ent_cases * over_rate
    if over:
        notes.append(f"涉企行政案件败诉{ent_lost}件/{ent_cases}件，败诉率超过{over_rate}%，应当召开案件研讨会。")
    else:
        notes.append(f"涉企行政案件{ent_cases}件（未超过{over_cases}件），败诉{ent_lost}件，败诉率未超过{over_rate}%"
                     f"（恰为{over_rate}%不算超过），无须召开案件研讨会。")
    notes.append("败诉率按“败诉案件数 ÷ 涉企行政案件数”计算；如考核口径以审结案件数为分母，请按该口径填写。")
    return over


def present_result(r: dict) -> dict:
    headline = [f"本年度主要负责人至少应出庭应诉 {r['required']} 次"]
    headline.append("已达标" if r["compliant"] else f"尚未达标，还差 {r['shortfall']} 次")
    if r["rate"] is not None:
        headline.append(f"主要负责人出庭应诉率：{r['rate'] * 100:.1f}%")
    if r.get("seminar_required"):
        headline.append(At(None).text("应当召开案件研讨会（[[measures/23]]）"))
    return {"headline": headline, "tone": "ok" if r["compliant"] else "alert",
            "sections": [{"title": "说明", "items": present.items(r["notes"])}]}


def _fields() -> tuple:
    law = At(None)
    many, many_min, rate = law.value("quota_many_cases"), law.value("quota_many_cases_minimum"), law.value("quota_rate_percent")
    return (
        Field("agency", "choice", "行政机关类别", law.text("县（市、区）人民政府和市属开发区管委会另受[[measures/21#]]约束。"),
              "measures/21/1", required=True, options=AGENCIES),
        Field("year", "int", "年度", "按该年度适用的规定计算；不填时按现行规定。", "measures/22/2",
              minimum=1990, maximum=2100),
        Field("cases", "int", "本年度行政案件数（件）",
              f"发生行政案件{many}件以上（含{many}件）的，至少出庭{many_min}次且出庭率不低于{rate}%。",
              "measures/22/2", required=True, minimum=0),
        Field("principal_appearances", "int", "主要负责人出庭应诉次数（按案件计）", "", "measures/22/2",
              required=True, minimum=0),
        Field("enterprise_cases", "int", "本系统年度涉企行政案件数（件）",
              f"市直部门涉企行政案件超过{law.value('seminar_cases_over')}件的，应召开案件研讨会。", "measures/23/1",
              minimum=0),
        Field("enterprise_cases_lost", "int", "涉企行政案件败诉数（件）",
              f"败诉率超过{law.value('seminar_loss_percent_over')}%的，应召开案件研讨会。", "measures/23/1", minimum=0),
    )


SPEC = Spec(
    name="appearance_quota", title="年度出庭指标", order=40, one_case=False,
    purpose="主要负责人本年度至少出庭次数、出庭率、是否须召开案件研讨会",
    intro="计算本年度行政机关主要负责人至少应出庭应诉的次数，并核对是否达标。",
    fields=_fields(), slug="quota",
    refs=("measures/21/1", "measures/22/2", "measures/23/1"),
    run=appearance_quota, present=present_result, rule_table=rule_table,
    example={"agency": "other", "cases": 3, "principal_appearances": 1},
)

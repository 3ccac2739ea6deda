"""Yearly quota of the principal head's court appearances: measures arts. 21–23.

Art. 22 第二款: an agency with administrative cases in the year — principal head appears at
least once; with 10 cases or more (“10件以上” includes 10) — at least twice and a yearly
principal appearance rate of at least 20%. Art. 21: the principal heads of 县（市、区）人民政府
and 市属开发区管委会 appear at least once a year. Art. 23: a 市直部门 whose system had more than
20 enterprise cases (“超过20件”, 20 is not enough) or a loss rate over 10% holds a case seminar.
All comparisons use whole numbers, so 20% of 10 cases is exactly 2 and 2 of 20 lost is not over 10%.
"""
from . import inputs
from .errors import InputError
from .provisions import cite
from .registry import calculator

AGENCIES = {
    "county_gov": "县（市、区）人民政府",
    "dev_zone": "市属开发区管委会",
    "city_department": "市直部门",
    "other": "其他行政机关",
}
YEARLY_ONCE = ("county_gov", "dev_zone")   # art. 21, third sentence

MANY_CASES = 10          # “发生行政案件10件以上” — 10 counts
MANY_CASES_MINIMUM = 2   # “至少出庭应诉2次”
RATE_PERCENT = 20        # “出庭应诉率不低于20%”
SEMINAR_CASES_OVER = 20  # art. 23 “超过20件” — 20 does not count
SEMINAR_LOSS_PERCENT_OVER = 10  # art. 23 “败诉率超过10%” — exactly 10% does not count

# The rule table: (agency scope, cases in the year, minimum appearances, refs)
RULES = (
    ("县（市、区）人民政府、市属开发区管委会", "不论案件多少", "每年至少1次", ("measures/21/1",)),
    ("其他行政机关", "无行政案件", "第二十二条第二款不作要求", ("measures/22/2",)),
    ("各级行政机关", "1件至9件", "至少1次", ("measures/22/2",)),
    ("各级行政机关", "10件以上（含10件）", "至少2次，且全年主要负责人出庭应诉率不低于20%，即不少于案件数的20%（向上取整）",
     ("measures/22/2",)),
    ("市直部门", "本系统年度涉企行政案件超过20件（不含20件）或败诉率超过10%（不含10%）", "召开案件研讨会",
     ("measures/23/1",)),
)


def rule_table() -> dict:
    """Arts. 21–23 as a table for the site's pages."""
    from .provisions import label
    return {
        "columns": ["机关", "年度行政案件", "主要负责人出庭应诉要求", "依据"],
        "rows": [[who, cases, req, "；".join(label(r).split("》", 1)[1] for r in refs)]
                 for who, cases, req, refs in RULES],
        "refs": ["measures/21/1", "measures/22/2", "measures/23/1"],
    }


def minimum_by_case_count(cases: int) -> int:
    """Art. 22 第二款: 0 without cases, 1 with 1–9, max(2, ⌈20% × cases⌉) with 10 or more."""
    if cases <= 0:
        return 0
    if cases < MANY_CASES:
        return 1
    by_rate = -(-cases * RATE_PERCENT // 100)   # ceiling, in integers
    return max(MANY_CASES_MINIMUM, by_rate)


@calculator("appearance_quota")
def appearance_quota(params: dict) -> dict:
    """The minimum number of principal-head appearances this year and whether it is met."""
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

    notes: list[str] = []
    basis = ["measures/22/2"]
    by_cases = minimum_by_case_count(cases)
    required = by_cases
    if agency in YEARLY_ONCE:
        required = max(1, by_cases)
        basis.insert(0, "measures/21/1")
        notes.append(f"第二十一条规定{AGENCIES[agency]}主要负责人每年至少出庭应诉一次，该句未以发生行政案件为条件，"
                     "本计算按文义即使本年度尚无案件也计为至少1次。另一种理解是该要求以发生行政案件为前提"
                     "（与第二十二条第二款“发生行政案件的行政机关”一致），无案件时不计。")
        if cases == 0:
            notes.append("本年度尚无以本机关为被告的行政案件，暂无出庭机会；主要负责人出庭应诉只能在本机关作为当事人的案件中进行，"
                         "考核时如何认定请与同级司法行政机关确认。")

    if cases >= MANY_CASES:
        notes.append(f"发生行政案件{cases}件（10件以上含10件）：至少2次，且出庭应诉率不低于20%，"
                     f"{cases}件的20%为{_percent_of(cases)}次，向上取整后取两者较大者，至少{by_cases}次。"
                     "两项条件须同时满足；若把“至少2次”和“不低于20%”分别核对，结论与此相同。")
    elif cases > 0:
        notes.append(f"发生行政案件{cases}件（不足10件）：主要负责人至少出庭应诉1次。另一种理解把“出庭应诉率不低于20%”"
                     f"读作对所有发生行政案件的机关的要求，按此理解至少需{max(1, -(-cases * RATE_PERCENT // 100))}次。")
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
        seminar = _seminar(ent_cases, ent_lost, notes)
        basis.append("measures/23/1")
    elif ent_cases is not None:
        notes.append("召开案件研讨会的要求（第二十三条）仅针对市直部门。")
        basis.append("measures/23/1")
    if ent_cases:
        notes.append("涉企行政案件应当在确保负责人出庭应诉率100%基础上加大主要负责人出庭应诉比例。")

    return {
        "required": required,
        "compliant": compliant,
        "shortfall": shortfall,
        "rate": rate,
        "seminar_required": seminar,
        "notes": notes,
        "basis": [cite(r) for r in basis],
    }


def _percent_of(cases: int) -> str:
    """20% of `cases` written exactly (10 -> '2', 11 -> '2.2')."""
    whole, rest = divmod(cases * RATE_PERCENT, 100)
    return str(whole) if rest == 0 else f"{whole}.{rest:02d}".rstrip("0")


def _seminar(ent_cases: int, ent_lost: int | None, notes: list) -> bool | None:
    """Art. 23: more than 20 enterprise cases in the system, or a loss rate over 10%."""
    if ent_cases > SEMINAR_CASES_OVER:
        notes.append(f"本系统年度涉企行政案件{ent_cases}件，超过20件，应当召开案件研讨会，研究解决涉企执法过程中存在的倾向性问题。")
        return True
    if ent_cases == 0:
        notes.append("本系统年度无涉企行政案件，无须召开案件研讨会。")
        return False
    if ent_lost is None:
        notes.append(f"本系统年度涉企行政案件{ent_cases}件，未超过20件；未填写败诉数，无法判断败诉率是否超过10%。")
        return None
    over = ent_lost * 100 > ent_cases * SEMINAR_LOSS_PERCENT_OVER
    if over:
        notes.append(f"涉企行政案件败诉{ent_lost}件/{ent_cases}件，败诉率超过10%，应当召开案件研讨会。")
    else:
        notes.append(f"涉企行政案件{ent_cases}件（未超过20件），败诉{ent_lost}件，败诉率未超过10%（恰为10%不算超过），"
                     "无须召开案件研讨会。")
    notes.append("败诉率按“败诉案件数 ÷ 涉企行政案件数”计算；如考核口径以审结案件数为分母，请按该口径填写。")
    return over

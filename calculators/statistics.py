"""Calculator “statistics”: an agency's figures for a year or a quarter from its case ledger
([[measures/43/1]]: 统计、分析、总结), each figure with the provision it serves; and, for the
justice bureau ([[measures/8/1#]], [[measures/26/1#]]), the area's figures by agency with the
agencies that miss a target.

Which cases count: those whose complaint was served in the period (the deadlines calculator
files a case under the year of service the same way). The yearly duties — the principal's
appearances ([[measures/21/1]], [[measures/22/2]]) and the enterprise-case seminar
([[measures/23/1]]) — are checked on the year's cases up to the end of the period, by the
`appearance_quota` calculator's rules, never restated here. Rates are whole-number ratios, shown
with one decimal; a target is "met" only when the counts say so exactly.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from . import inputs, ledger, notices, periods, provisions
from .deadlines import DEADLINES
from .documents import blocks as b
from .errors import InputError
from .quarters import QUARTERS, label as period_label, period
from .quota import AGENCIES
from .registry import run
from .rules import At
from .spec import Field, Spec


# The counts a ledger gives for a period — also the rows of a statistics file (统计数据 sheet)
# that an agency sends to the justice bureau instead of its ledger. key -> label.
COUNTS = {
    "total": "案件数",
    "reconsidered": "经复议的案件数",
    "concluded": "审结案件数",
    "lost": "败诉案件数",
    "heard": "已开庭且负责人应当出庭的案件数",
    "head_appeared": "负责人出庭应诉的案件数",
    "head_absent": "负责人未出庭应诉的案件数",
    "head_unrecorded": "出庭情况未记录的案件数",
    "principal_required": "属于主要负责人应当出庭情形的案件数",
    "principal_required_appeared": "其中主要负责人出庭的案件数",
    "year_cases": "本年度累计案件数",
    "principal_appeared": "本年度累计主要负责人出庭应诉次数",
    "enterprise_cases": "本年度累计涉企行政案件数",
    "enterprise_lost": "本年度累计涉企行政案件败诉数",
    "enterprise_principal": "本年度累计涉企行政案件主要负责人出庭数",
    "register_recorded": "记录了登记日期的案件数",
    "register_on_time": "其中按期登记的案件数",
    "answer_recorded": "记录了答辩材料提交日期的案件数",
    "answer_on_time": "其中按期提交答辩材料的案件数",
}
FILE_SHEET = "统计数据"
FILE_META = {"agency_name": "填报单位", "agency": "机关类别", "year": "年度", "quarter": "期间"}

# What the rule table of the page shows: figure, how it is counted, target, provisions.
RULES = (
    ("案件数及按被诉行政行为类别、受理法院、审理结果分列", "起诉状副本送达日期在统计期间内的案件", "—", ("measures/43/1",)),
    ("负责人出庭应诉率", "负责人出庭应诉的案件 ÷ 已开庭且负责人应当出庭的案件（复议机关为共同被告、可仅委托工作人员出庭的除外）",
     "100%", ("measures/20/1", "measures/26/1", "measures/24/1")),
    ("主要负责人出庭应诉次数", "本年度主要负责人出庭应诉的案件数，对照年度出庭指标计算器的规则",
     "按年度出庭指标", ("measures/21/1", "measures/22/2")),
    ("主要负责人应当出庭的案件", "属于主要负责人应当出庭情形的案件中主要负责人出庭的", "全部出庭", ("measures/22/1",)),
    ("败诉率", "败诉案件 ÷ 审结案件", "—", ("measures/43/1",)),
    ("涉企行政案件与案件研讨会", "本年度涉企行政案件超过20件或败诉率超过10%的市直部门召开研讨会", "按规定召开",
     ("measures/23/1",)),
    ("按期登记率", "登记日期不晚于收到之日起3日的案件 ÷ 记录了登记日期的案件", "100%", ("measures/38/1",)),
    ("按期答辩率", "答辩材料提交日期不晚于答辩期限届满日的案件 ÷ 记录了提交日期的案件", "100%", ("alp/67/1",)),
)


def rule_table() -> dict:
    """The figures and how each is counted, as a table for the site's pages."""
    return {
        "columns": ["统计项目", "计算方法", "目标", "依据"],
        "rows": [[what, how, target, "；".join(provisions.label(r, short=True) for r in refs)]
                 for what, how, target, refs in RULES],
        "refs": sorted({provisions.qualify(r) for *_, refs in RULES for r in refs}),
    }


# --- counting a ledger ------------------------------------------------------------------------

_DUE: dict = {}


def _due(kind: str, served: dt.date) -> dt.date:
    """The register (internal) or answer (statutory) deadline of a service date — the lengths
    of the deadlines calculator's table — remembered per date."""
    key = (kind, served)
    if key not in _DUE:
        length = At(served).param(DEADLINES[kind]["param"])   # the length in force on that day
        count = (length.value, length.unit)
        p = periods.internal(served, *count) if kind == "register" else periods.statutory(served, *count)
        _DUE[key] = p.due
    return _DUE[key]


def _date(case: dict, name: str) -> dt.date | None:
    value = case.get(name)
    return dt.date.fromisoformat(value) if value else None


def tally(cases: list, start: dt.date, end: dt.date, as_of: dt.date) -> dict:
    """The counts of COUNTS, the breakdowns and the cases behind each shortfall."""
    counts = Counter({k: 0 for k in COUNTS})
    by = {"act_type": Counter(), "court": Counter(), "outcome": Counter()}
    lists = {"head_absent": [], "head_unrecorded": [], "principal_missed": [], "register_late": [],
             "answer_late": []}
    invalid = []
    year_start = dt.date(start.year, 1, 1)
    for index, record in enumerate(cases):
        try:
            case = ledger.read_case(record)
        except InputError as error:
            number = str(record.get("case_number") or "") if isinstance(record, dict) else ""
            invalid.append(f"第{index + 1}件（{number or '无案号'}）：{error.message}")
            continue
        served = _date(case, "complaint_served")
        if not year_start <= served <= end:
            continue
        number = case["case_number"]
        principal = bool(case.get("principal_appeared"))
        counts["year_cases"] += 1
        counts["principal_appeared"] += principal
        if case.get("enterprise_party"):
            counts["enterprise_cases"] += 1
            counts["enterprise_lost"] += case.get("outcome") == "lost"
            counts["enterprise_principal"] += principal
        if served < start:
            continue
        counts["total"] += 1
        counts["reconsidered"] += bool(case.get("reconsidered"))
        by["act_type"][case.get("act_type") or ""] += 1
        by["court"][(case.get("court") or "").strip()] += 1
        by["outcome"][case.get("outcome") or ""] += 1
        if case.get("outcome"):
            counts["concluded"] += 1
            counts["lost"] += ledger.OUTCOMES[case["outcome"]][1]
        must = ledger.principal_must_appear(case)
        if must:
            counts["principal_required"] += 1
            counts["principal_required_appeared"] += principal
            if not principal:
                lists["principal_missed"].append(number)
        hearing = _date(case, "hearing_date")
        head_optional = case.get("reconsidered") and case.get("reconsideration_role") == "joint_reconsideration"
        if hearing and hearing <= as_of and (must or not head_optional):
            counts["heard"] += 1
            if case.get("principal_absent"):
                counts["head_absent"] += 1
                lists["head_absent"].append(number)
            elif case.get("head_name") or principal:
                counts["head_appeared"] += 1
            else:
                counts["head_unrecorded"] += 1
                lists["head_unrecorded"].append(number)
        for kind, field, late in (("register", "registered_date", "register_late"),
                                  ("answer", "answer_submitted", "answer_late")):
            done = _date(case, field)
            if done:
                counts[f"{kind}_recorded"] += 1
                if done <= _due(kind, served):
                    counts[f"{kind}_on_time"] += 1
                else:
                    lists[late].append(number)
    return {"counts": dict(counts), "by": {k: dict(v) for k, v in by.items()}, "lists": lists, "invalid": invalid}


# --- the figures --------------------------------------------------------------------------------

def _pct(num: int, den: int) -> str:
    """2/3 -> 66.7%, 1/1 -> 100%."""
    return f"{round(num * 100 / den, 1):g}%"


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _figure(fid: str, title: str, value: str, refs, *, num=None, den=None, target=None, met=None,
            note: str = "") -> dict:
    return {"id": fid, "title": title, "value": value, "numerator": num, "denominator": den,
            "rate": _rate(num, den) if num is not None and den else None, "target": target, "met": met,
            "note": provisions_text(note), "refs": [ledger.cited(r) for r in refs]}


def provisions_text(text: str) -> str:
    from .citations import render
    return render(text)


def figures(counts: dict, agency: str) -> tuple[list, dict]:
    """The figures of one agency from its counts, and the appearance_quota result they use."""
    c = counts
    out = [_figure("cases", "案件数", f"{c['total']}件", ["measures/43/1"],
                   note=f"其中经复议的{c['reconsidered']}件，已审结{c['concluded']}件。")]
    if c["heard"]:
        out.append(_figure("head_rate", "负责人出庭应诉率", _pct(c["head_appeared"], c["heard"]),
                           ["measures/20/1", "measures/26/1"], num=c["head_appeared"], den=c["heard"],
                           target="100%", met=c["head_appeared"] == c["heard"],
                           note=f"已开庭且负责人应当出庭的{c['heard']}件，负责人出庭{c['head_appeared']}件，"
                                f"未出庭{c['head_absent']}件，出庭情况未记录{c['head_unrecorded']}件。"))
    else:
        out.append(_figure("head_rate", "负责人出庭应诉率", "暂无已开庭案件", ["measures/20/1", "measures/26/1"],
                           target="100%"))
    quota = run("appearance_quota", {"agency": agency, "cases": c["year_cases"],
                                     "principal_appearances": c["principal_appeared"],
                                     "enterprise_cases": c["enterprise_cases"],
                                     "enterprise_cases_lost": c["enterprise_lost"]})
    quota_refs = ["measures/21/1", "measures/22/2"] if agency in ("county_gov", "dev_zone") else ["measures/22/2"]
    out.append(_figure("principal_quota", "主要负责人出庭应诉次数（本年度累计）",
                       f"{c['principal_appeared']}次，应至少{quota['required']}次", quota_refs,
                       num=c["principal_appeared"], den=c["year_cases"] or None, target=f"至少{quota['required']}次",
                       met=quota["compliant"],
                       note=("已达标。" if quota["compliant"] else f"尚差{quota['shortfall']}次。")
                       + (f"本年度主要负责人出庭应诉率{_pct(c['principal_appeared'], c['year_cases'])}。"
                          if c["year_cases"] else "")))
    out.append(_figure("principal_required", "主要负责人应当出庭的案件",
                       f"{c['principal_required_appeared']}/{c['principal_required']}件出庭", ["measures/22/1"],
                       num=c["principal_required_appeared"], den=c["principal_required"] or None,
                       target="全部出庭",
                       met=(c["principal_required_appeared"] == c["principal_required"]) if c["principal_required"]
                       else None))
    out.append(_figure("loss_rate", "败诉率", _pct(c["lost"], c["concluded"]) if c["concluded"] else "暂无审结案件",
                       ["measures/43/1"], num=c["lost"], den=c["concluded"] or None,
                       note=f"审结{c['concluded']}件，败诉{c['lost']}件。"))
    seminar = quota["seminar_required"] if agency == "city_department" else None
    ent_note = (f"本年度累计涉企行政案件{c['enterprise_cases']}件，败诉{c['enterprise_lost']}件"
                + (f"（败诉率{_pct(c['enterprise_lost'], c['enterprise_cases'])}）" if c["enterprise_cases"] else "")
                + f"，主要负责人出庭{c['enterprise_principal']}件。")
    if agency == "city_department":
        ent_note += ("超过20件或败诉率超过10%，应当召开案件研讨会。" if seminar
                     else "未超过20件且败诉率未超过10%，无须召开案件研讨会。")
    else:
        ent_note += "召开案件研讨会的要求仅针对市直部门。"
    out.append(_figure("enterprise", "涉企行政案件（本年度累计）", f"{c['enterprise_cases']}件",
                       ["measures/23/1"], num=c["enterprise_lost"], den=c["enterprise_cases"] or None,
                       target="超过20件或败诉率超过10%的召开研讨会" if agency == "city_department" else None,
                       met=None if seminar is None else not seminar, note=ent_note))
    for kind, title, refs in (("register", "按期登记率", ["measures/38/1"]), ("answer", "按期答辩率", ["alp/67/1"])):
        rec, ok = c[f"{kind}_recorded"], c[f"{kind}_on_time"]
        out.append(_figure(f"{kind}_on_time", title, _pct(ok, rec) if rec else "未记录日期", refs, num=ok,
                           den=rec or None, target="100%", met=(ok == rec) if rec else None,
                           note=f"记录了日期的{rec}件中按期{ok}件；{c['total'] - rec}件未记录日期，未计入。"))
    return out, {**quota, "seminar_required": seminar}


def _breakdown(counter: dict, names: dict | None, missing: str) -> list:
    rows = [[(names or {}).get(k, k) if k else missing, n] for k, n in counter.items()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def _agency_params(params: dict) -> tuple[int, str, dt.date, dt.date, dt.date]:
    year = inputs.integer(params, "year", "统计年度", minimum=2000)
    if year > 2099:
        raise InputError("year", "“统计年度”应在2000年至2099年之间。")
    quarter = inputs.choice(params, "quarter", "统计期间", QUARTERS, required=False) or "0"
    start, end = period(year, quarter)
    as_of = periods.read_date(params, "as_of", "统计截止日期", required=False) or end
    return year, quarter, start, end, min(as_of, end)


def statistics(params: dict) -> dict:
    """The figures of one agency's ledger (measures/43/1), or with "agencies" the area's figures
    by agency and the agencies that miss a target (measures/8/1, /20/1, /21/1, /22/2, /23/1)."""
    if params.get("agencies") is not None:
        return area(params)
    year, quarter, start, end, as_of = _agency_params(params)
    agency = inputs.choice(params, "agency", "机关类别", AGENCIES)
    agency_name = inputs.text(params, "agency_name", "填报单位", max_length=100)
    cases = params.get("cases", [])
    if not isinstance(cases, list) or len(cases) > ledger.MAX_CASES:
        raise InputError("cases", f"案件应为不超过{ledger.MAX_CASES}件的列表。")
    t = tally(cases, start, end, as_of)
    figs, quota = figures(t["counts"], agency)
    outcome_names = {**{k: v[0] for k, v in ledger.OUTCOMES.items()}}
    tables = {"act_type": _breakdown(t["by"]["act_type"], ledger.ACT_TYPES, "未填写"),
              "court": _breakdown(t["by"]["court"], None, "未填写"),
              "outcome": _breakdown(t["by"]["outcome"], outcome_names, "尚未审结")}
    warnings = []
    if t["invalid"]:
        warnings.append(notices.warning("statistics.invalid_case", "以下案件的记录有误，未计入统计：" + "；".join(t["invalid"])))
    if t["counts"]["head_unrecorded"]:
        warnings.append(notices.warning(
            "statistics.appearance_unrecorded",
            f"已开庭的{t['counts']['head_unrecorded']}件案件未记录出庭负责人，按未出庭计入负责人出庭应诉率"
            f"（[[measures/20/1]]）：{'、'.join(t['lists']['head_unrecorded'][:20])}。请在台账中补记。"))
    result = {
        "period": {"year": year, "quarter": quarter, "label": period_label(year, quarter),
                   "start": start.isoformat(), "end": end.isoformat(), "as_of": as_of.isoformat()},
        "agency": agency, "agency_name": agency_name, "agency_label": AGENCIES[agency],
        "counts": t["counts"], "figures": figs, "tables": tables, "lists": t["lists"],
        "seminar_required": quota["seminar_required"], "quota": {k: quota[k] for k in ("required", "compliant", "shortfall")},
        "charts": _charts(t["counts"], tables),
        "warnings": warnings,
        "basis": [provisions.cite(r) for r in rule_table()["refs"]],
    }
    result["file"] = statistics_file(result)
    result["report"] = report(result)
    return result


def _charts(c: dict, tables: dict) -> list:
    """What the page draws (Chart.js): kind, title, labels, values."""
    charts = [
        {"id": "act_type", "kind": "bar", "title": "按被诉行政行为类别", "labels": [r[0] for r in tables["act_type"]],
         "values": [r[1] for r in tables["act_type"]]},
        {"id": "outcome", "kind": "doughnut", "title": "审理结果", "labels": [r[0] for r in tables["outcome"]],
         "values": [r[1] for r in tables["outcome"]]},
        {"id": "court", "kind": "bar", "title": "按受理法院", "labels": [r[0] for r in tables["court"]],
         "values": [r[1] for r in tables["court"]]},
        {"id": "appearance", "kind": "bar", "title": "负责人出庭应诉情况（已开庭案件）",
         "labels": ["负责人出庭", "负责人未出庭", "未记录"],
         "values": [c["head_appeared"], c["head_absent"], c["head_unrecorded"]]},
    ]
    return charts


# --- the statistics file and the report -------------------------------------------------------

def statistics_file(result: dict) -> list:
    """Rows [项目, 数值] of the 统计数据 sheet an agency sends the justice bureau."""
    meta = [[FILE_META["agency_name"], result["agency_name"]], [FILE_META["agency"], result["agency_label"]],
            [FILE_META["year"], result["period"]["year"]], [FILE_META["quarter"], QUARTERS[result["period"]["quarter"]]]]
    return [["项目", "数值"], *meta, *[[label, result["counts"][k]] for k, label in COUNTS.items()]]


def read_file(rows: list) -> dict:
    """A 统计数据 sheet back into {"counts", "year", "quarter", "agency_name", "agency"}; a row
    that is missing or not a whole number is an InputError naming it."""
    values = {str(r[0]).strip(): r[1] for r in rows[1:] if isinstance(r, list) and len(r) >= 2 and r[0]}
    counts = {}
    for key, label in COUNTS.items():
        value = values.get(label)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InputError("counts", f"统计数据中“{label}”缺失或不是非负整数。")
        counts[key] = value
    agency = next((k for k, v in AGENCIES.items() if v == str(values.get(FILE_META["agency"]) or "")), None)
    quarter = next((k for k, v in QUARTERS.items() if v == str(values.get(FILE_META["quarter"]) or "")), "0")
    year = values.get(FILE_META["year"])
    return {"counts": counts, "agency": agency, "agency_name": str(values.get(FILE_META["agency_name"]) or ""),
            "year": int(year) if isinstance(year, (int, float)) else None, "quarter": quarter}


def _cn(iso: str) -> str:
    return b.cn_date(dt.date.fromisoformat(iso))


def report(result: dict) -> dict:
    """统计分析报告 (measures/43/1) as the documents' block model: the figures, the charts, and
    placeholders for the analysis and summary the office writes."""
    name = result["agency_name"] or b.placeholder("单位名称")
    label = result["period"]["label"]
    title = f"{name}{label}行政应诉工作统计分析报告"
    blocks = [b.title(title), b.heading("一、基本情况"),
              b.paragraph(f"{label}（{_cn(result['period']['start'])}至{_cn(result['period']['end'])}），本机关共收到行政诉讼案件"
                          f"{result['counts']['total']}件。主要统计数据如下（统计截至{_cn(result['period']['as_of'])}）。")]
    rows = [b.row(str(i + 1), f["title"], f["value"] + (f"（{f['note']}）" if f["note"] else ""),
                  f["target"] or "—", "；".join(r["label"] for r in f["refs"]))
            for i, f in enumerate(result["figures"])]
    blocks.append(b.table(["序号", "统计项目", "数值及说明", "目标", "依据"], [7, 20, 43, 12, 18], rows, compact=True))
    blocks.append(b.heading("二、案件分布"))
    for key, caption in (("act_type", "按被诉行政行为类别"), ("court", "按受理法院"), ("outcome", "按审理结果")):
        blocks.append(b.line(f"（{'一二三'[('act_type', 'court', 'outcome').index(key)]}）{caption}"))
        table_rows = [b.row(r[0], str(r[1])) for r in result["tables"][key]] or [b.row("无", "0")]
        blocks.append(b.table([caption[1:], "件数"], [70, 30], table_rows))
        blocks.append({"type": "chart", "chart": key, "caption": caption})
    blocks.append({"type": "chart", "chart": "appearance", "caption": "负责人出庭应诉情况"})
    blocks += [b.heading("三、存在的问题及原因分析"), b.paragraph(b.placeholder("结合上述数据，分析败诉案件、负责人出庭、"
                                                                  "涉企案件等方面存在的问题及原因")),
               b.heading("四、工作总结"), b.paragraph(b.placeholder("总结本期行政应诉工作开展情况和经验做法")),
               b.heading("五、下一步工作"), b.paragraph(b.placeholder("提出改进措施和下一步工作安排")),
               b.signature(name, b.cn_date(None))]
    return b.document("statistics_report", title, blocks, basis=["measures/43/1"])


# --- the justice bureau's area ------------------------------------------------------------------

def _counts(raw, name: str) -> dict:
    """An agency's counts as given (a statistics file read back): every count a whole number."""
    if not isinstance(raw, dict):
        raise InputError("agencies", f"“{name}”的统计数据有误。")
    out = {}
    for key, label in COUNTS.items():
        try:
            out[key] = inputs.integer(raw, key, label, required=False, default=0)
        except InputError as error:
            raise InputError("agencies", f"“{name}”：{error.message}") from None
    return out


def area(params: dict) -> dict:
    """Several agencies' ledgers (or statistics files): each agency's figures, the area's
    totals and the agencies that miss a target."""
    year, quarter, start, end, as_of = _agency_params(params)
    agencies = params.get("agencies")
    if not isinstance(agencies, list) or not agencies or len(agencies) > 500:
        raise InputError("agencies", "请导入至少一个单位的台账或统计数据。")
    rows, misses, totals = [], [], Counter({k: 0 for k in COUNTS})
    for index, entry in enumerate(agencies):
        if not isinstance(entry, dict):
            raise InputError("agencies", f"第{index + 1}个单位的数据有误。")
        name = inputs.text(entry, "name", "单位名称", max_length=100) or f"单位{index + 1}"
        try:
            agency = inputs.choice(entry, "agency", "机关类别", AGENCIES)
        except InputError as error:
            raise InputError("agencies", f"“{name}”：{error.message}") from None
        if entry.get("counts") is not None:
            counts = _counts(entry["counts"], name)
        else:
            cases = entry.get("cases") or []
            if not isinstance(cases, list) or len(cases) > ledger.MAX_CASES:
                raise InputError("agencies", f"“{name}”的案件应为不超过{ledger.MAX_CASES}件的列表。")
            counts = tally(cases, start, end, as_of)["counts"]
        figs, quota = figures(counts, agency)
        by_id = {f["id"]: f for f in figs}
        totals.update(counts)
        rows.append({"name": name, "agency": agency, "agency_label": AGENCIES[agency], "counts": counts,
                     "figures": figs, "seminar_required": quota["seminar_required"]})
        if by_id["head_rate"]["met"] is False:
            misses.append({"agency": name, "what": f"负责人出庭应诉率{by_id['head_rate']['value']}，未达到100%",
                           "refs": by_id["head_rate"]["refs"]})
        if not quota["compliant"]:
            misses.append({"agency": name, "what": f"主要负责人出庭应诉{counts['principal_appeared']}次，"
                                                   f"未达到年度至少{quota['required']}次",
                           "refs": by_id["principal_quota"]["refs"]})
        if quota["seminar_required"]:
            misses.append({"agency": name, "what": "涉企行政案件超过20件或败诉率超过10%，应当召开案件研讨会",
                           "refs": by_id["enterprise"]["refs"]})
    c = dict(totals)
    summary = [_figure("cases", "全区域案件数", f"{c['total']}件", ["measures/43/2"]),
               _figure("head_rate", "全区域负责人出庭应诉率",
                       _pct(c["head_appeared"], c["heard"]) if c["heard"] else "暂无已开庭案件",
                       ["measures/20/1", "measures/26/1"], num=c["head_appeared"], den=c["heard"] or None,
                       target="100%", met=(c["head_appeared"] == c["heard"]) if c["heard"] else None),
               _figure("loss_rate", "全区域败诉率", _pct(c["lost"], c["concluded"]) if c["concluded"] else "暂无审结案件",
                       ["measures/43/2"], num=c["lost"], den=c["concluded"] or None),
               _figure("principal", "全区域主要负责人出庭应诉次数（本年度累计）", f"{c['principal_appeared']}次",
                       ["measures/21/1", "measures/22/2"])]
    return {"period": {"year": year, "quarter": quarter, "label": period_label(year, quarter),
                       "start": start.isoformat(), "end": end.isoformat(), "as_of": as_of.isoformat()},
            "agencies": rows, "totals": c, "figures": summary, "misses": misses,
            "warnings": [], "basis": [provisions.cite(r) for r in ("measures/8/1", "measures/20/1", "measures/21/1",
                                                                  "measures/22/2", "measures/23/1", "measures/26/1",
                                                                  "measures/43/2")]}


def present_result(r: dict) -> dict:
    """The figures first; for the area, the agencies that miss a target."""
    if "agencies" in r:   # the justice bureau's area
        headline = [f"{f['title']}：{f['value']}" for f in r["figures"]]
        items = [{"text": f"{m['agency']}：{m['what']}"} for m in r["misses"]]
        return {"headline": headline, "tone": "alert" if r["misses"] else "ok",
                "sections": [{"title": "未达到要求的单位", "items": items}] if items else []}
    headline = [f"{r['period']['label']}：{f['title']}{f['value']}" if i == 0 else f"{f['title']}：{f['value']}"
                for i, f in enumerate(r["figures"][:3])]
    missed = [f for f in r["figures"] if f["met"] is False]
    items = [{"text": f"{f['title']}：{f['value']}。{f['note']}", "ref": f["refs"][0]["ref"]} for f in r["figures"]]
    return {"headline": headline, "tone": "alert" if missed else "ok",
            "sections": [{"title": "统计数据", "items": items}]}


SPEC = Spec(
    name="statistics", title="统计分析", order=55, path="ledger/statistics.md", page=False, one_case=False,
    purpose="按年度或季度统计台账中的案件：负责人出庭应诉率、主要负责人出庭次数、败诉率、涉企案件研讨会、"
            "按期登记和答辩，生成统计分析报告",
    intro="按年度或季度统计本机关台账中的案件：案件分布、负责人出庭应诉率、主要负责人出庭次数、败诉率、涉企行政案件和"
          "按期登记、答辩情况，生成统计分析报告。",
    fields=(
        Field("year", "int", "统计年度", "按起诉状副本送达日期所在年度统计。", "measures/43/1", required=True,
              minimum=2000),
        Field("quarter", "choice", "统计期间", "", "measures/43/1", options=QUARTERS, default="0"),
        Field("agency", "choice", "机关类别", At(None).text(
            "县（市、区）人民政府和市属开发区管委会主要负责人每年至少出庭应诉一次（[[measures/21/1]]）；"
            "召开案件研讨会的要求针对市直部门（[[measures/23/1]]）。"), "measures/21/1", required=True,
              options=AGENCIES, default="city_department"),
        Field("agency_name", "text", "填报单位", "写入统计分析报告和导出的统计数据。", "measures/43/1"),
        Field("as_of", "date", "统计截止日期", "开庭日期不晚于该日的案件计入负责人出庭应诉率；不填为统计期间末日。",
              "measures/20/1"),
    ),
    refs=("measures/20/1", "measures/21/1", "measures/22/1", "measures/22/2", "measures/23/1", "measures/38/1",
          "measures/43/1"),
    run=statistics, present=present_result, rule_table=rule_table,
    example={"year": 2026, "agency": "city_department", "cases": []},
)

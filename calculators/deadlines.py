"""Calculator “deadlines”: the dates an agency sued in an administrative case must meet.

Statutory periods (counted per alp/101 → cpl/85, alp-interp/48, months per civil-code/202,
extended past rest days):
- answer, evidence and normative documents: 15 days from service of the complaint (alp/67/1);
- appeal: 15 days (judgment) / 10 days (order) from service (alp/85);
- retrial: 6 months after the ruling takes effect (alp/90, alp-interp/110).
Internal periods of the measures (counted the same way, never extended):
- registration within 3 days (measures/38/1); appeal/retrial proposal within 5 days
  (measures/33/1/1); written report within one month when no head appeared (measures/20/1);
- loss-risk report 3 working days before the answer is submitted (measures/18/1);
- annual report by 10 January (measures/43/2).
"""
import datetime as dt

from . import holidays, inputs, notices, periods, provisions
from .errors import InputError
from .periods import fmt, read_date
from .registry import calculator

COUNTING = periods.STATUTORY_COUNTING

# id -> title, kind, basis refs, note (None: composed at run time)
DEADLINES = {
    "answer": {
        "title": "提交答辩状、证据和所依据的规范性文件",
        "start": "起诉状副本送达之日", "length": (15, "日"),
        "kind": "statutory",
        "basis": ["alp/67/1", *COUNTING, "measures/13/1", "measures/17/2", "measures/39"],
        "note": ("法定期间，自收到起诉状副本之次日起算15日，期满日为节假日的顺延。诉讼文书在期满前交邮的不算过期"
                 "（民事诉讼法第八十五条第四款），按办法第三十九条应通过EMS等人民法院认可的方式寄送。"
                 "未经复议以市、县（市、区）人民政府为被告的案件，提交前须报同级司法行政机关备案（办法第十三条）。"
                 "因不可抗力或者其他正当事由不能按期提交的，应在期限届满前书面申请延长举证期限（办法第十七条第二款）。"),
    },
    "register": {
        "title": "登记行政应诉法律文书",
        "start": "收到行政应诉法律文书之日", "length": (3, "日"),
        "kind": "internal",
        "basis": ["measures/38/1"],
        "note": ("办法规定收到行政应诉法律文书后“3日内”登记，未明确起算和是否顺延；本计算器按收到起诉状副本之日"
                 "计算，开始之日不计入，按自然日计算，遇休息日不顺延（对应诉机关最稳妥的理解）。"),
    },
    "risk_report": {
        "title": "向应诉机关报告败诉风险（存在败诉风险的案件）",
        "start": "答辩期限届满日（向前倒数）", "length": (3, "个工作日"),
        "kind": "internal",
        "basis": ["measures/18/1"],
        "note": ("办法规定“应当于提交答辩材料前3个工作日内，向应诉机关报告”。本计算器的理解：报告最迟应在答辩期限届满日"
                 "之前的第3个工作日送达应诉机关（自届满日向前倒数3个工作日，届满日当天不计入，工作日以国务院节假日安排为准，"
                 "调休上班日计为工作日）；若实际提交答辩材料早于届满日，应相应提前。另一种理解是只须在提交答辩材料前的"
                 "3个工作日之内（即提交前最后3个工作日中的任一日）报告，按该理解最迟可为提交前的最后一个工作日；"
                 "本计算器采用较早、较稳妥的日期。"),
    },
    "appeal": {
        "title": "提起上诉",
        "start": "判决书、裁定书送达之日", "length": None,
        "kind": "statutory",
        "basis": ["alp/85", *COUNTING],
        "note": None,
    },
    "appeal_proposal": {
        "title": "提出上诉或申请再审建议",
        "start": "收到裁判文书之日", "length": (5, "日"),
        "kind": "internal",
        "basis": ["measures/33/1/1"],
        "note": ("办法规定收到裁判文书后“在5日内”提出上诉或申请再审建议，经本级行政机关负责人批准并报司法行政机关备案后"
                 "按法定程序办理。本计算器自收到裁判文书之次日起按自然日计算，遇休息日不顺延。"),
    },
    "retrial": {
        "title": "申请再审",
        "start": "判决、裁定发生法律效力之日", "length": (6, "个月"),
        "kind": "statutory",
        "basis": ["alp/90", "alp-interp/110", *COUNTING, "civil-code/202"],
        "note": ("自判决、裁定发生法律效力后六个月内向上一级人民法院提出（行诉法解释第一百一十条）。有新的证据足以推翻原判决、"
                 "裁定等该条所列四种情形的，自知道或者应当知道之日起六个月内提出，本计算器未计算该情形。"
                 "生效日期请以人民法院确认或送达的日期为准。"),
    },
    "absence_report": {
        "title": "负责人未出庭应诉的书面报告",
        "start": "开庭之日", "length": (1, "个月"),
        "kind": "internal",
        "basis": ["measures/20/1", "civil-code/202"],
        "note": ("对行政机关负责人未出庭应诉的案件，涉及的相关负责人（含主要负责人）要在一个月内向本级党委和政府主要负责人"
                 "书面报告情况。本计算器自开庭之日的次日起算一个月（到期月对应日，无对应日的为月末日，参照民法典第二百零二条），"
                 "遇休息日不顺延。"),
    },
    "annual_report": {
        "title": "年度行政应诉情况书面报告（市、县（市、区）人民政府）",
        "start": "每年", "length": None,
        "kind": "internal",
        "basis": ["measures/43/2", "measures/43/1"],
        "note": ("本项适用于市、县（市、区）人民政府：对本行政区域内行政应诉案件进行统计、分析、总结，每年1月10日前向"
                 "上一级人民政府书面报告。本案起诉状副本于{year}年送达，计入{year}年度统计，报告日期为次年1月10日。"
                 "“1月10日前”是否包含当日，办法未明确，稳妥起见宜于1月9日前报送。市、县（市、区）人民政府工作部门和乡镇人民政府"
                 "（街道办事处）按办法第四十三条第一款定期向同级司法行政机关报告，办法未规定具体日期。"),
    },
}

RULING_KINDS = {"judgment": "判决", "order": "裁定"}
APPEAL_DAYS = {"judgment": 15, "order": 10}  # alp/85

COUNTING_TEXT = (
    "法定期间（答辩举证、上诉、申请再审）依照行政诉讼法第一百零一条适用民事诉讼法第八十五条，并依行诉法解释第四十八条："
    "期间开始之日不计算在内，自次日起算；以日计算的，期间内的节假日照常计入；以月计算的，到期月的对应日为最后一日，"
    "没有对应日的以月末日为最后一日（民法典第二百零二条）；期间届满的最后一日是法定节假日或者周六、周日的，以其后的"
    "第一个工作日为届满日；国务院安排的调休上班日是工作日，不顺延。期限是交邮的最后一日，期满前交邮的不算过期。"
    "办法规定的内部期限（登记3日、上诉或再审建议5日、负责人未出庭报告一个月）同样自次日起按自然日计算，"
    "但不因休息日顺延——内部期限提前办理总是稳妥的；截止日为休息日的，请在此前最后一个工作日办结。"
    "败诉风险报告按工作日倒数计算（办法第十八条），年度报告为次年1月10日（办法第四十三条第二款）。"
    "节假日依据国务院公布的放假安排（chinesecalendar 1.11.0 数据，覆盖至2026年，管理员可补录以后年份）。"
)


@calculator("deadlines")
def deadlines(params: dict) -> dict:
    """Deadlines of a case from the dates entered: alp/67 (answer), alp/85 (appeal), alp/90 and
    alp-interp/110 (retrial), counted per alp/101, cpl/85, alp-interp/48 and civil-code/202;
    internal deadlines of measures/38/1, /18/1, /33/1/1, /20/1 and /43/2."""
    served = read_date(params, "complaint_served", "起诉状副本送达日期")
    hearing = read_date(params, "hearing_date", "开庭日期", required=False)
    ruling_served = read_date(params, "ruling_served", "裁判文书送达日期", required=False)
    ruling_kind = inputs.choice(params, "ruling_kind", "裁判文书种类", RULING_KINDS, required=ruling_served is not None)
    ruling_effective = read_date(params, "ruling_effective", "裁判生效日期", required=False)
    principal_absent = inputs.boolean(params, "principal_absent", "行政机关负责人未出庭应诉", default=False)

    inputs.not_before(hearing, served, "hearing_date", "“开庭日期”不能早于“起诉状副本送达日期”。")
    inputs.not_before(ruling_served, served, "ruling_served", "“裁判文书送达日期”不能早于“起诉状副本送达日期”。")
    inputs.not_before(ruling_effective, ruling_served, "ruling_effective",
                      "“裁判生效日期”不能早于“裁判文书送达日期”。")
    inputs.not_before(ruling_effective, served, "ruling_effective", "“裁判生效日期”不能早于“起诉状副本送达日期”。")
    if principal_absent and hearing is None:
        raise InputError("hearing_date", "选择了“行政机关负责人未出庭应诉”，请填写“开庭日期”，以计算书面报告期限。")

    out = _Collector()
    answer = periods.statutory(served, *DEADLINES["answer"]["length"])
    out.period("answer", answer)
    out.period("register", periods.internal(served, *DEADLINES["register"]["length"]))
    out.risk_report(served, answer)
    if ruling_served is not None:
        days = APPEAL_DAYS[ruling_kind]
        note = (f"不服第一审{RULING_KINDS[ruling_kind]}的，自{RULING_KINDS[ruling_kind]}书送达之日起{days}日内向上一级"
                "人民法院提起上诉；期满前交邮的不算过期。第二审裁判为终审裁判，不能上诉。")
        out.period("appeal", periods.statutory(ruling_served, days), note=note)
        out.period("appeal_proposal", periods.internal(ruling_served, *DEADLINES["appeal_proposal"]["length"]))
    if ruling_effective is not None:
        out.period("retrial", periods.statutory(ruling_effective, *DEADLINES["retrial"]["length"]))
    if principal_absent:
        out.period("absence_report", periods.internal(hearing, *DEADLINES["absence_report"]["length"]))
    out.annual_report(served)
    return out.result()


KIND_NAMES = {"statutory": "法定期限（届满日遇休息日顺延）", "internal": "内部期限（不顺延）"}


def rule_table() -> dict:
    """The deadlines as a table for the site's pages: what, from when, how long, basis."""
    rows = []
    for spec in DEADLINES.values():
        if spec["length"]:
            length = f"{spec['length'][0]}{spec['length'][1]}"
        elif spec is DEADLINES["appeal"]:
            length = "、".join(f"{RULING_KINDS[k]}{d}日" for k, d in APPEAL_DAYS.items())
        else:
            length = "次年1月10日前"
        rows.append([spec["title"], spec["start"], length, KIND_NAMES[spec["kind"]],
                     "；".join(provisions.label(r, short=True) for r in spec["basis"])])
    return {"columns": ["事项", "起算", "期间", "性质", "依据"], "rows": rows,
            "refs": sorted({r for spec in DEADLINES.values() for r in spec["basis"]})}


class _Collector:
    """Builds the result: deadlines in date order, warnings, the union of the basis."""

    def __init__(self):
        self.items: list[dict] = []
        self.warnings: list[dict] = []
        self.uncovered: set = set()
        self.refs: list[str] = []
        self.expiry = dt.date.fromisoformat(provisions.instrument("measures")["effective_until"])

    def add(self, key: str, due: dt.date, explanation: str, *, raw: dt.date | None = None,
            note: str | None = None) -> None:
        spec = DEADLINES[key]
        entry = {"id": key, "title": spec["title"], "due": due.isoformat(), "kind": spec["kind"],
                 "basis": [provisions.cite(r) for r in spec["basis"]], "explanation": explanation}
        if raw is not None and raw != due:
            entry["adjusted_from"] = raw.isoformat()
        if note := note or spec["note"]:
            entry["note"] = note
        self.items.append(entry)
        for ref in spec["basis"]:
            if ref not in self.refs:
                self.refs.append(ref)
        if spec["kind"] == "internal" and due > self.expiry:
            self.warnings.append(notices.warning(
                "measures.expired",
                f"“{spec['title']}”的日期{fmt(due)}晚于《聊城市行政应诉工作管理办法》有效期（至{fmt(self.expiry)}），"
                "届时请核实办法是否延续或已有新规定。", deadline=key))

    def period(self, key: str, p: periods.Period, note: str | None = None) -> None:
        self.uncovered |= p.uncovered_years
        self.add(key, p.due, p.explanation, raw=p.raw, note=note)
        title = DEADLINES[key]["title"]
        if p.statutory and p.ends_on_makeup_workday:
            self.warnings.append(notices.warning(
                "period.ends_on_makeup_workday",
                f"“{title}”期间的最后一日{fmt(p.raw)}是调休上班日。按调休上班日属于工作日的通常理解，期间不顺延；"
                "法律对此未作明文规定，稳妥起见请在该日之前办理。", deadline=key))
        if not p.statutory and p.ends_on_rest_day:
            before, years = periods.last_working_day_on_or_before(p.due)
            self.uncovered |= years
            self.warnings.append(notices.warning(
                "period.internal_on_rest_day",
                f"“{title}”的截止日{fmt(p.due)}是休息日，内部期限不顺延，请在此前最后一个工作日{fmt(before)}办结。",
                deadline=key))

    def risk_report(self, served: dt.date, answer: periods.Period) -> None:
        """measures/18/1: 3 working days before the answer is submitted (latest: the answer due date)."""
        due, years = periods.working_days_before(answer.due, DEADLINES["risk_report"]["length"][0])
        self.uncovered |= years
        text = (f"答辩期限届满日为{fmt(answer.due)}，自该日向前倒数3个工作日（届满日不计入），"
                f"第3个工作日为{fmt(due)}。")
        if due <= served:
            text += "该日不晚于收到起诉状副本之日，请在收到后立即评估并报告。"
            self.warnings.append(notices.warning(
                "risk_report.immediate", "败诉风险报告的最迟日期已不晚于收到起诉状副本之日，请立即开展败诉风险评估。",
                deadline="risk_report"))
        self.add("risk_report", due, text)

    def annual_report(self, served: dt.date) -> None:
        """measures/43/2: the report on the year in which the complaint was served, by 10 January next year."""
        due = dt.date(served.year + 1, 1, 10)
        if not holidays.covered(due.year):
            self.uncovered.add(due.year)
        note = DEADLINES["annual_report"]["note"].format(year=served.year)
        text = (f"起诉状副本于{served.year}年送达，计入该年度统计，于次年1月10日前报告："
                f"{fmt(due)}（{holidays.describe(due)}）。")
        self.add("annual_report", due, text, note=note)
        if holidays.is_rest_day(due):
            before, years = periods.last_working_day_on_or_before(due)
            self.uncovered |= years
            self.warnings.append(notices.warning(
                "period.internal_on_rest_day", f"年度报告日期{fmt(due)}是休息日，请在此前最后一个工作日{fmt(before)}报送。",
                deadline="annual_report"))

    def result(self) -> dict:
        order = list(DEADLINES)
        self.items.sort(key=lambda d: (d["due"], order.index(d["id"])))
        warnings = list(self.warnings)
        if self.uncovered:
            warnings.insert(0, periods.uncovered_warning(self.uncovered))
        return {"deadlines": self.items, "warnings": warnings,
                "basis": [provisions.cite(r) for r in self.refs], "counting": COUNTING_TEXT}

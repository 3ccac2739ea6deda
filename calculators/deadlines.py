"""Calculator “deadlines”: the dates an agency sued in an administrative case must meet.

Statutory periods (counted per alp/101 → cpl/85, alp-interp/48, months per civil-code/202,
extended past rest days):
- answer, evidence and normative documents from service of the complaint (alp/67/1);
- appeal from service of a judgment or an order (alp/85);
- retrial after the ruling takes effect (alp/90, alp-interp/110).
Internal periods of the measures (counted the same way, never extended):
- registration (measures/38/1); appeal/retrial proposal (measures/33/1/1); written report when
  no head appeared (measures/20/1); loss-risk report in working days before the answer is
  submitted (measures/18/1); annual report (measures/43/2).
Every length comes from calculators/data/parameters.toml as it stands on the date that starts
the period, so a case keeps the rules of its time after a revision.
"""
from __future__ import annotations

import datetime as dt

from . import holidays, inputs, notices, parameters, periods, present, provisions
from .errors import InputError
from .periods import fmt, read_date
from .rules import At
from .spec import Field, Spec

COUNTING = periods.STATUTORY_COUNTING

RULING_KINDS = {"judgment": "判决", "order": "裁定"}
APPEAL_PERIOD = {"judgment": "appeal_period_judgment", "order": "appeal_period_order"}   # alp/85

# id -> title, start, parameter of its length (None: composed), kind, basis (first-edition numbering)
DEADLINES = {
    "answer": {
        "title": "提交答辩状、证据和所依据的规范性文件",
        "start": "起诉状副本送达之日", "param": "answer_period", "kind": "statutory",
        "basis": ["alp/67/1", *COUNTING, "measures/13/1", "measures/17/2", "measures/39"],
    },
    "register": {
        "title": "登记行政应诉法律文书",
        "start": "收到行政应诉法律文书之日", "param": "register_period", "kind": "internal",
        "basis": ["measures/38/1"],
    },
    "risk_report": {
        "title": "向应诉机关报告败诉风险（存在败诉风险的案件）",
        "start": "答辩期限届满日（向前倒数）", "param": "risk_report_working_days", "kind": "internal",
        "basis": ["measures/18/1"],
    },
    "appeal": {
        "title": "提起上诉",
        "start": "判决书、裁定书送达之日", "param": None, "kind": "statutory",
        "basis": ["alp/85", *COUNTING],
    },
    "appeal_proposal": {
        "title": "提出上诉或申请再审建议",
        "start": "收到裁判文书之日", "param": "appeal_proposal_period", "kind": "internal",
        "basis": ["measures/33/1/1"],
    },
    "retrial": {
        "title": "申请再审",
        "start": "判决、裁定发生法律效力之日", "param": "retrial_period", "kind": "statutory",
        "basis": ["alp/90", "alp-interp/110", *COUNTING, "civil-code/202"],
    },
    "absence_report": {
        "title": "负责人未出庭应诉的书面报告",
        "start": "开庭之日", "param": "absence_report_period", "kind": "internal",
        "basis": ["measures/20/1", "civil-code/202"],
    },
    "annual_report": {
        "title": "年度行政应诉情况书面报告（市、县（市、区）人民政府）",
        "start": "每年", "param": "annual_report_date", "kind": "internal",
        "basis": ["measures/43/2", "measures/43/1"],
    },
}


def _note(key: str, law: At, **facts) -> str:
    """What each deadline's row says beside its date; lengths as they stand on `law`'s day."""
    if key == "answer":
        return law.text(
            f"法定期间，自收到起诉状副本之次日起算{law.param('answer_period').text}，期满日为节假日的顺延。"
            "诉讼文书在期满前交邮的不算过期（[[cpl/85/4]]），按[[measures/39]]应通过EMS等人民法院认可的方式寄送。"
            "未经复议以市、县（市、区）人民政府为被告的案件，提交前须报同级司法行政机关备案（[[measures/13/1]]）。"
            "因不可抗力或者其他正当事由不能按期提交的，应在期限届满前书面申请延长举证期限（[[measures/17/2]]）。")
    if key == "register":
        n = law.param("register_period").text
        return law.text(
            f"[[measures/38/1]]规定收到行政应诉法律文书后“{n}内”登记，未明确起算和是否顺延；本计算器按收到起诉状副本之日"
            "计算，开始之日不计入，按自然日计算，遇休息日不顺延（对应诉机关最稳妥的理解）。")
    if key == "risk_report":
        count = law.param("risk_report_working_days")
        n = count.text
        return law.text(
            f"[[measures/18/1]]规定“应当于提交答辩材料前{n}内，向应诉机关报告”。本计算器的理解：报告最迟应在答辩期限"
            f"届满日之前的第{count.value}个工作日送达应诉机关（自届满日向前倒数，届满日当天不计入，工作日以国务院节假日安排为准，"
            f"调休上班日计为工作日）；若实际提交答辩材料早于届满日，应相应提前。另一种理解是只须在提交答辩材料前的"
            f"{n}之内（即提交前最后{n}中的任一日）报告，按该理解最迟可为提交前的最后一个工作日；"
            "本计算器采用较早、较稳妥的日期。")
    if key == "appeal":
        kind, days = facts["kind"], facts["days"]
        return law.text(
            f"不服第一审{kind}的，自{kind}书送达之日起{days}内向上一级人民法院提起上诉（[[alp/85]]）；期满前交邮的不算过期。"
            "第二审裁判为终审裁判，不能上诉。")
    if key == "appeal_proposal":
        n = law.param("appeal_proposal_period").text
        return law.text(
            f"[[measures/33/1/1]]规定收到裁判文书后“在{n}内”提出上诉或申请再审建议，经本级行政机关负责人批准并报司法行政机关"
            "备案后按法定程序办理。本计算器自收到裁判文书之次日起按自然日计算，遇休息日不顺延。")
    if key == "retrial":
        n = law.param("retrial_period").text
        return law.text(
            f"自判决、裁定发生法律效力后{n}内向上一级人民法院提出（[[alp-interp/110]]）。有新的证据足以推翻原判决、"
            f"裁定等该条所列四种情形的，自知道或者应当知道之日起{n}内提出，本计算器未计算该情形。"
            "生效日期请以人民法院确认或送达的日期为准。")
    if key == "absence_report":
        n = law.param("absence_report_period").text
        return law.text(
            f"对行政机关负责人未出庭应诉的案件，涉及的相关负责人（含主要负责人）要在{n}内向本级党委和政府主要负责人"
            f"书面报告情况（[[measures/20/1]]）。本计算器自开庭之日的次日起算{n}（到期月对应日，无对应日的为月末日，"
            "参照[[civil-code/202]]），遇休息日不顺延。")
    if key == "annual_report":
        month, day = (int(x) for x in law.value("annual_report_date").split("-"))
        year = facts["year"]
        return law.text(
            f"本项适用于市、县（市、区）人民政府：对本行政区域内行政应诉案件进行统计、分析、总结，每年{month}月{day}日前向"
            f"上一级人民政府书面报告（[[measures/43/2]]）。本案起诉状副本于{year}年送达，计入{year}年度统计，报告日期为次年"
            f"{month}月{day}日。“{month}月{day}日前”是否包含当日，办法未明确，稳妥起见宜于{month}月{day - 1}日前报送。"
            "市、县（市、区）人民政府工作部门和乡镇人民政府（街道办事处）按[[measures/43/1]]定期向同级司法行政机关报告，"
            "办法未规定具体日期。")
    raise KeyError(key)


def counting_text() -> str:
    """How the periods are counted (shown under every result)."""
    return At(None).text(
        "法定期间（答辩举证、上诉、申请再审）依照[[alp/101]]适用[[cpl/85]]，并依[[alp-interp/48]]："
        "期间开始之日不计算在内，自次日起算；以日计算的，期间内的节假日照常计入；以月计算的，到期月的对应日为最后一日，"
        "没有对应日的以月末日为最后一日（[[civil-code/202]]）；期间届满的最后一日是法定节假日或者周六、周日的，以其后的"
        "第一个工作日为届满日；国务院安排的调休上班日是工作日，不顺延。期限是交邮的最后一日，期满前交邮的不算过期。"
        "办法规定的内部期限（登记、上诉或再审建议、负责人未出庭报告）同样自次日起按自然日计算，"
        "但不因休息日顺延——内部期限提前办理总是稳妥的；截止日为休息日的，请在此前最后一个工作日办结。"
        "败诉风险报告按工作日倒数计算（[[measures/18/1]]），年度报告按[[measures/43/2]]的日期。"
        "节假日依据国务院办公厅公布的当年放假安排。")


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
    law = At(served)
    answer = out.period("answer", law, periods.statutory(served, *_length(law, "answer")))
    out.period("register", law, periods.internal(served, *_length(law, "register")))
    out.risk_report(law, served, answer)
    if ruling_served is not None:
        at_ruling = At(ruling_served)
        days = at_ruling.param(APPEAL_PERIOD[ruling_kind])
        note = _note("appeal", at_ruling, kind=RULING_KINDS[ruling_kind], days=days.text)
        out.period("appeal", at_ruling, periods.statutory(ruling_served, days.value), note=note)
        out.period("appeal_proposal", at_ruling, periods.internal(ruling_served, *_length(at_ruling, "appeal_proposal")))
    if ruling_effective is not None:
        at_effect = At(ruling_effective)
        out.period("retrial", at_effect, periods.statutory(ruling_effective, *_length(at_effect, "retrial")))
    if principal_absent:
        at_hearing = At(hearing)
        out.period("absence_report", at_hearing, periods.internal(hearing, *_length(at_hearing, "absence_report")))
    out.annual_report(law, served)
    return out.result()


def _length(law: At, key: str) -> tuple[int, str]:
    value = law.param(DEADLINES[key]["param"])
    return value.value, value.unit


KIND_NAMES = {"statutory": "法定期限（届满日遇休息日顺延）", "internal": "内部期限（不顺延）"}


def rule_table() -> dict:
    """The deadlines as a table for the site's pages: what, from when, how long, basis."""
    law = At(None)
    rows = []
    for key, spec in DEADLINES.items():
        if key == "appeal":
            length = "、".join(f"{RULING_KINDS[k]}{law.param(p).text}" for k, p in APPEAL_PERIOD.items())
        elif key == "annual_report":
            month, day = (int(x) for x in law.value("annual_report_date").split("-"))
            length = f"次年{month}月{day}日前"
        else:
            length = law.param(spec["param"]).text
        rows.append([spec["title"], spec["start"], length, KIND_NAMES[spec["kind"]],
                     "；".join(provisions.label(law.ref(r), short=True) for r in spec["basis"])])
    return {"columns": ["事项", "起算", "期间", "性质", "依据"], "rows": rows,
            "refs": sorted({law.ref(r) for spec in DEADLINES.values() for r in spec["basis"]})}


class _Collector:
    """Builds the result: deadlines in date order, each with its warnings, the union of the basis."""

    def __init__(self):
        self.items: list[dict] = []
        self.warnings: list[dict] = []
        self.refs: list[str] = []

    def add(self, key: str, law: At, due: dt.date, explanation: str, *, raw: dt.date | None = None,
            note: str | None = None, years: set = frozenset()) -> None:
        spec = DEADLINES[key]
        basis = [law.ref(r) for r in spec["basis"]]
        entry = {"id": key, "title": spec["title"], "due": due.isoformat(), "kind": spec["kind"],
                 "basis": [provisions.cite(r) for r in basis], "explanation": explanation,
                 "note": note or _note(key, law)}
        if raw is not None and raw != due:
            entry["adjusted_from"] = raw.isoformat()
        if spec["kind"] == "internal":
            # a duty resting only on the measures binds only while its edition is in force
            entry["binding"] = law.binding
            self.warnings += law.validity_warnings(deadline=key)
        if years:
            self.warnings.append(periods.uncovered_warning(years, deadline=key))
        self.items.append(entry)
        self.refs += [r for r in basis if r not in self.refs]

    def period(self, key: str, law: At, p: periods.Period, note: str | None = None) -> periods.Period:
        title = DEADLINES[key]["title"]
        years = set(p.uncovered_years)
        if p.statutory and p.ends_on_makeup_workday:
            self.warnings.append(notices.warning(
                "period.ends_on_makeup_workday",
                f"“{title}”期间的最后一日{fmt(p.raw)}是调休上班日。按调休上班日属于工作日的通常理解，期间不顺延；"
                "法律对此未作明文规定，稳妥起见请在该日之前办理。", deadline=key))
        if not p.statutory and p.ends_on_rest_day:
            before, more = periods.last_working_day_on_or_before(p.due)
            years |= more
            self.warnings.append(notices.warning(
                "period.internal_on_rest_day",
                f"“{title}”的截止日{fmt(p.due)}是休息日，内部期限不顺延，请在此前最后一个工作日{fmt(before)}办结。",
                deadline=key))
        self.add(key, law, p.due, p.explanation, raw=p.raw, note=note, years=years)
        return p

    def risk_report(self, law: At, served: dt.date, answer: periods.Period) -> None:
        """measures/18/1: N working days before the answer is submitted (latest: the answer due date)."""
        count = law.param("risk_report_working_days")
        due, years = periods.working_days_before(answer.due, count.value)
        text = (f"答辩期限届满日为{fmt(answer.due)}，自该日向前倒数{count.text}（届满日不计入），"
                f"第{count.value}个工作日为{fmt(due)}。")
        if due <= served:
            text += "该日不晚于收到起诉状副本之日，请在收到后立即评估并报告。"
            self.warnings.append(notices.warning(
                "risk_report.immediate", "败诉风险报告的最迟日期已不晚于收到起诉状副本之日，请立即开展败诉风险评估。",
                deadline="risk_report"))
        self.add("risk_report", law, due, text, years=years | answer.uncovered_years)

    def annual_report(self, law: At, served: dt.date) -> None:
        """measures/43/2: the report on the year in which the complaint was served, by the date set."""
        month, day = (int(x) for x in law.value("annual_report_date").split("-"))
        due = dt.date(served.year + 1, month, day)
        years = set() if holidays.covered(due.year) else {due.year}
        text = (f"起诉状副本于{served.year}年送达，计入该年度统计，于次年{month}月{day}日前报告："
                f"{fmt(due)}（{holidays.describe(due)}）。")
        if holidays.is_rest_day(due):
            before, more = periods.last_working_day_on_or_before(due)
            years |= more
            self.warnings.append(notices.warning(
                "period.internal_on_rest_day", f"年度报告日期{fmt(due)}是休息日，请在此前最后一个工作日{fmt(before)}报送。",
                deadline="annual_report"))
        self.add("annual_report", law, due, text, note=_note("annual_report", law, year=served.year), years=years)

    def result(self) -> dict:
        order = list(DEADLINES)
        self.items.sort(key=lambda d: (d["due"], order.index(d["id"])))
        # one warning per text: a deadline's validity warning may repeat another's
        warnings = list({w["text"] + str(w.get("deadline")): w for w in self.warnings}.values())
        return {"deadlines": self.items, "warnings": warnings,
                "basis": [provisions.cite(r) for r in self.refs], "counting": counting_text()}


def present_result(r: dict) -> dict:
    """The answer first (answer and appeal dates), then the timeline of every deadline."""
    by_id = {d["id"]: d for d in r["deadlines"]}
    headline = [f"答辩期限：{present.cn_date(by_id['answer']['due'])}"] if "answer" in by_id else []
    if "appeal" in by_id:
        headline.append(f"上诉期限：{present.cn_date(by_id['appeal']['due'])}")
    timeline = []
    for d in r["deadlines"]:
        adjusted = (f"原届满日{present.cn_date(d['adjusted_from'])}为休息日，依法顺延至{present.cn_date(d['due'])}。"
                    if d.get("adjusted_from") else "")
        timeline.append({"id": d["id"], "date": present.cn_date(d["due"]), "due": d["due"], "title": d["title"],
                         "kind": d["kind"], "kind_name": present.KIND_NAMES[d["kind"]], "adjusted": adjusted,
                         "explanation": d.get("explanation", ""), "note": d.get("note", ""),
                         "basis": d["basis"],
                         "warnings": [w["text"] for w in r["warnings"] if w.get("deadline") == d["id"]]})
    return {"headline": headline, "tone": "warn" if r.get("warnings") else "ok", "timeline": timeline,
            "sections": [{"title": "期间如何计算", "items": present.items([r["counting"]])}] if r.get("counting") else []}


def _fields() -> tuple:
    law = At(None)
    answer = law.param("answer_period").text
    return (
        Field("complaint_served", "date", "起诉状副本送达日期",
              f"以送达回证上的签收日期为准；答辩期限自次日起算{answer}。", "alp/67/1", required=True),
        Field("hearing_date", "date", "开庭日期", "填写后可计算负责人未出庭时的书面报告期限。", "measures/20/1"),
        Field("principal_absent", "bool", "行政机关负责人未出庭应诉",
              f"负责人未出庭的，相关负责人应在{law.param('absence_report_period').text}内向本级党委和政府主要负责人书面报告。",
              "measures/20/1"),
        Field("ruling_served", "date", "裁判文书送达日期", "收到判决书或裁定书之日；上诉期限自次日起算。", "alp/85"),
        Field("ruling_kind", "choice", "裁判文书种类",
              "、".join(f"{RULING_KINDS[k]}的上诉期限为{law.param(p).text}" for k, p in APPEAL_PERIOD.items()) + "。",
              "alp/85", options=RULING_KINDS, default="judgment"),
        Field("ruling_effective", "date", "裁判生效日期",
              f"申请再审应在判决、裁定发生法律效力后{law.param('retrial_period').text}内提出。", "alp-interp/110"),
    )


SPEC = Spec(
    name="deadlines", title="期限计算", order=10,
    purpose="答辩举证、登记、败诉风险报告、上诉、再审、未出庭书面报告、年度报告等期限，节假日依法顺延",
    intro="输入收到起诉状副本等日期，计算答辩举证、登记、败诉风险报告、上诉、再审等期限。法定期间遇节假日依法顺延。",
    fields=_fields(),
    refs=("alp/67/1", "alp/85", "measures/13/1", "measures/17/2", "measures/18/1", "measures/20/1", "measures/33/1/1",
          "measures/38/1", "measures/39/1", "measures/43/2"),
    run=deadlines, present=present_result, rule_table=rule_table,
    example={"complaint_served": "2026-09-16"},
)

"""Calculator “deadlines”: the dates an agency sued in an administrative case must meet.

Statutory periods (counted per alp/101 → cpl/85, alp-interp/48, months per civil-code/202,
extended past rest days):
- answer, evidence and normative documents from service of the complaint (alp/67/1);
- appeal from service of a judgment or an order (alp/85);
- retrial after the ruling takes effect (alp/90, alp-interp/110);
- the appellee's answer in second instance from receipt of the copy of the appeal
  (alp-interp/108/2; the law itself sets no such period).
Internal periods of the measures (counted the same way, never extended — a reading; the other
one is stated where it matters):
- registration (measures/38/1); appeal/retrial proposal (measures/33/1/1); written report when
  no head appeared (measures/20/1); loss-risk report in working days before the answer is
  submitted (measures/18/1); annual report of a city or county government (measures/43/2);
  the written reply to the pre-trial settlement centre by the agreed date (measures/32/1).
Duties the measures set without a number are listed as duties without a date (DUTIES), never
with an invented one: the reply to the settlement centre when no date was agreed (measures/32/1),
the working opinion on a ruling to perform (measures/33/1/2), performance (measures/35), the
reply to judicial and procuratorial suggestions (measures/36/1), the periodic report of a
department or township (measures/43/1).
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
from .undertaker import DEFENDANTS

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
    "appellee_answer": {
        "title": "提出第二审答辩状（对方当事人上诉的）",
        "start": "收到上诉状副本之日", "param": "appellee_answer_period", "kind": "statutory",
        "basis": ["alp-interp/108/2", *COUNTING, "alp-interp/108/3", "measures/34/1"],
    },
    "settlement_reply": {
        "title": "向行政争议审前和解中心书面答复（约定期限）",
        "start": "约定", "param": None, "kind": "internal",
        "basis": ["measures/32/1"],
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

# Duties the measures set after (or beside) a case without a number of days: id -> what must be
# done, by whom, to whom, when it arises, basis. Shown as rows without a date.
DUTIES = {
    "settlement_reply": {
        "title": "向行政争议审前和解中心书面答复",
        "by": "涉案行政机关", "to": "行政争议审前和解中心",
        "when": "和解调解中不能及时制作具体方案计划，或者需要向本级机关主要领导请示汇报后才能确定有关事宜的",
        "what": "在约定期限内书面答复",
        "basis": ["measures/32/1"],
    },
    "performance_opinion": {
        "title": "提出履行或进一步处理的工作意见",
        "by": "收到裁判文书的行政机关（应诉承办单位）", "to": "本单位负责人",
        "when": "裁判文书有履行内容或者需要作进一步处理的",
        "what": "及时提出工作意见，报本单位负责人",
        "basis": ["measures/33/1/2"],
    },
    "performance": {
        "title": "履行生效裁判、调解书",
        "by": "涉案行政机关（应诉承办单位负责组织实施，相关部门按照各自职责配合）", "to": "",
        "when": "人民法院的判决、裁定、调解书发生法律效力后",
        "what": "自觉履行；行政机关负责人督促本机关及时、自觉履行",
        "basis": ["measures/35/1", "measures/35/2", "measures/35/3"],
    },
    "suggestion_reply": {
        "title": "书面回复司法建议、检察建议",
        "by": "收到建议的行政机关", "to": "提出建议的人民法院或者人民检察院",
        "when": "收到人民法院的司法建议或者人民检察院的检察建议后",
        "what": "认真研究和办理，并将办理结果及时书面回复",
        "basis": ["measures/36/1"],
    },
    "periodic_report": {
        "title": "定期报告本机关行政应诉情况",
        "by": "市、县（市、区）人民政府工作部门，乡镇人民政府（街道办事处）", "to": "同级司法行政机关",
        "when": "定期",
        "what": "对本机关的行政应诉情况进行统计、分析、总结，书面报告",
        "basis": ["measures/43/1"],
    },
}
# defendants whose cases count toward the annual report of measures/43/2 (the others report per /43/1)
GOVERNMENTS = ("city_gov", "county_gov")


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
    if key == "appellee_answer":
        n = law.param("appellee_answer_period").text
        return law.text(
            f"对方当事人上诉的，原审人民法院在收到上诉状后五日内将副本发送其他当事人，对方当事人应当在收到上诉状副本之日起{n}内"
            "提出答辩状（[[alp-interp/108/2]]）；不提出答辩状的，不影响人民法院审理（[[alp-interp/108/3]]）。"
            "[[alp/85|行政诉讼法]]只规定了上诉期限，被上诉人的答辩期限由司法解释规定，按法定期间计算、遇节假日顺延。"
            "二审阶段有新的证据或者书面意见的，根据法律规定或者人民法院的要求提交（[[measures/34/1]]）；"
            "行政机关负责人出庭应诉的义务同样及于第二审（[[head-rules/1/1]]）。")
    if key == "settlement_reply":
        return law.text(
            "和解调解中不能及时制作的具体方案计划，或者需要向本级机关主要领导请示汇报后才能确定的有关事宜，涉案行政机关应当在"
            "约定期限内向行政争议审前和解中心书面答复（[[measures/32/1]]）。日期为填写的约定期限，不因休息日顺延。")
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
        "法定期间（答辩举证、上诉、申请再审、第二审答辩）依照[[alp/101]]适用[[cpl/85]]，并依[[alp-interp/48]]："
        "期间开始之日不计算在内，自次日起算；以日计算的，期间内的节假日照常计入；以月计算的，到期月的对应日为最后一日，"
        "没有对应日的以月末日为最后一日（[[civil-code/202]]）；期间届满的最后一日是法定节假日或者周六、周日的，以其后的"
        "第一个工作日为届满日；国务院安排的调休上班日是工作日，不顺延。期限是交邮的最后一日，期满前交邮的不算过期。"
        "办法规定的内部期限（登记、上诉或再审建议、负责人未出庭报告）同样自次日起按自然日计算，"
        "但不因休息日顺延——这是本计算器的理解：内部期限提前办理总是稳妥的，截止日为休息日的，请在此前最后一个工作日办结；"
        "另一种理解是参照法定期间顺延至其后第一个工作日，按该理解办理可能被认为逾期。"
        "败诉风险报告按工作日倒数计算（[[measures/18/1]]），年度报告按[[measures/43/2]]的日期。"
        "办法只规定“及时”“定期”“约定期限”而未规定天数的职责，列为没有具体日期的职责，不推算日期。"
        "节假日依据国务院办公厅公布的当年放假安排。")


def deadlines(params: dict) -> dict:
    """Deadlines of a case from the dates entered: alp/67 (answer), alp/85 (appeal), alp/90 and
    alp-interp/110 (retrial), alp-interp/108/2 (answer to an appeal), counted per alp/101, cpl/85,
    alp-interp/48 and civil-code/202; internal deadlines of measures/38/1, /18/1, /33/1/1, /20/1,
    /32/1 and /43/2; the undated duties of measures/32/1, /33/1/2, /35, /36/1 and /43/1."""
    case_number = inputs.text(params, "case_number", "案号", max_length=100)
    served = read_date(params, "complaint_served", "起诉状副本送达日期")
    defendant = inputs.choice(params, "defendant", "被告（应诉机关）", DEFENDANTS, required=False)
    hearing = read_date(params, "hearing_date", "开庭日期", required=False)
    ruling_served = read_date(params, "ruling_served", "裁判文书送达日期", required=False)
    ruling_kind = inputs.choice(params, "ruling_kind", "裁判文书种类", RULING_KINDS, required=ruling_served is not None)
    ruling_effective = read_date(params, "ruling_effective", "裁判生效日期", required=False)
    appeal_copy = read_date(params, "appeal_copy_served", "上诉状副本收到日期", required=False)
    principal_absent = inputs.boolean(params, "principal_absent", "行政机关负责人未出庭应诉", default=False)
    settlement = inputs.boolean(params, "settlement_reply", "审前和解中有需要书面答复的事项", default=False)
    settlement_due = read_date(params, "settlement_reply_due", "约定的书面答复期限", required=False) if settlement else None
    performance = inputs.boolean(params, "performance_content", "裁判文书、调解书有履行内容", default=False)
    suggestion = inputs.boolean(params, "suggestion_received", "收到司法建议或者检察建议", default=False)

    inputs.not_before(hearing, served, "hearing_date", "“开庭日期”不能早于“起诉状副本送达日期”。")
    inputs.not_before(ruling_served, served, "ruling_served", "“裁判文书送达日期”不能早于“起诉状副本送达日期”。")
    inputs.not_before(ruling_effective, ruling_served, "ruling_effective",
                      "“裁判生效日期”不能早于“裁判文书送达日期”。")
    inputs.not_before(ruling_effective, served, "ruling_effective", "“裁判生效日期”不能早于“起诉状副本送达日期”。")
    inputs.not_before(appeal_copy, ruling_served, "appeal_copy_served", "“上诉状副本收到日期”不能早于“裁判文书送达日期”。")
    inputs.not_before(appeal_copy, served, "appeal_copy_served", "“上诉状副本收到日期”不能早于“起诉状副本送达日期”。")
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
    if appeal_copy is not None:
        at_copy = At(appeal_copy)
        out.period("appellee_answer", at_copy, periods.statutory(appeal_copy, *_length(at_copy, "appellee_answer")))
    if ruling_effective is not None:
        at_effect = At(ruling_effective)
        out.period("retrial", at_effect, periods.statutory(ruling_effective, *_length(at_effect, "retrial")))
    if principal_absent:
        at_hearing = At(hearing)
        out.period("absence_report", at_hearing, periods.internal(hearing, *_length(at_hearing, "absence_report")))
    if settlement_due is not None:
        inputs.not_before(settlement_due, served, "settlement_reply_due", "“约定的书面答复期限”不能早于“起诉状副本送达日期”。")
        out.agreed("settlement_reply", law, settlement_due)
    elif settlement:
        out.duty("settlement_reply", law, "未填写约定的答复期限：按与审前和解中心约定的期限办理。")
    if performance:
        at_ruling = At(ruling_served or served)
        out.duty("performance_opinion", at_ruling, "办法未规定具体天数，收到裁判文书后应“及时”提出；可与上诉或再审建议一并考虑。")
        at_effect = At(ruling_effective or ruling_served or served)
        out.duty("performance", at_effect, at_effect.text(
            "办法未规定履行期限：裁判文书、调解书确定了履行期限的，按该期限履行。对不履行生效裁判的行政机关，上一级行政机关在"
            "接到司法建议后提出履行建议书；仍不履行且造成较坏影响的，司法行政机关可以协调有关部门按照[[alp/96]]的规定"
            "处理（[[measures/35/3]]），相关措施由人民法院依法采取。"))
    if suggestion:
        out.duty("suggestion_reply", law, "办法未规定回复天数，要求“及时”书面回复；建议书载明回复期限的，按该期限回复。")
    if defendant in ("department", "township"):
        out.duty("periodic_report", law, law.text(
            "办法未规定报告周期和日期（“定期”）；年度书面报告（每年一月十日前）由市、县（市、区）人民政府向上一级人民政府作出"
            "（[[measures/43/2]]），不是本机关的期限。"))
    else:
        out.annual_report(law, served, defendant)
    return {**out.result(), "case_number": case_number}


def _length(law: At, key: str) -> tuple[int, str]:
    value = law.param(DEADLINES[key]["param"])
    return value.value, value.unit


KIND_NAMES = {"statutory": "法定期限（届满日遇休息日顺延）", "internal": "内部期限（不顺延）",
              "duty": "职责（办法未规定具体期限）"}


def rule_table() -> dict:
    """The deadlines and the undated duties as a table for the site's pages: what, from when, how
    long, basis."""
    law = At(None)
    rows = []
    for key, spec in DEADLINES.items():
        if key == "appeal":
            length = "、".join(f"{RULING_KINDS[k]}{law.param(p).text}" for k, p in APPEAL_PERIOD.items())
        elif key == "annual_report":
            month, day = (int(x) for x in law.value("annual_report_date").split("-"))
            length = f"次年{month}月{day}日前"
        elif spec["param"] is None:
            length = "约定的期限"
        else:
            length = law.param(spec["param"]).text
        rows.append([spec["title"], spec["start"], length, KIND_NAMES[spec["kind"]],
                     "；".join(provisions.label(law.ref(r), short=True) for r in spec["basis"])])
    for spec in DUTIES.values():
        rows.append([spec["title"], spec["when"], "未规定（" + spec["what"] + "）", KIND_NAMES["duty"],
                     "；".join(provisions.label(law.ref(r), short=True) for r in spec["basis"])])
    specs = [*DEADLINES.values(), *DUTIES.values()]
    return {"columns": ["事项", "起算", "期间", "性质", "依据"], "rows": rows,
            "refs": sorted({law.ref(r) for spec in specs for r in spec["basis"]})}


class _Collector:
    """Builds the result: deadlines in date order, each with its warnings, the undated duties,
    the union of the basis."""

    def __init__(self):
        self.items: list[dict] = []
        self.duties: list[dict] = []
        self.warnings: list[dict] = []
        self.refs: list[str] = []

    def _basis(self, law: At, refs) -> list[str]:
        basis = [law.ref(r) for r in refs]
        self.refs += [r for r in basis if r not in self.refs]
        return basis

    def add(self, key: str, law: At, due: dt.date, explanation: str, *, raw: dt.date | None = None,
            note: str | None = None, years: set = frozenset()) -> None:
        spec = DEADLINES[key]
        basis = self._basis(law, spec["basis"])
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

    def duty(self, key: str, law: At, note: str) -> None:
        """A duty of the measures without a number of days: what, by whom, to whom — no date."""
        spec = DUTIES[key]
        basis = self._basis(law, spec["basis"])
        self.duties.append({"id": key, "title": spec["title"], "due": None, "kind": "duty", "by": spec["by"],
                            "to": spec["to"], "when": spec["when"], "what": spec["what"], "note": note,
                            "basis": [provisions.cite(r) for r in basis], "binding": law.binding})
        self.warnings += law.validity_warnings(deadline=key)

    def agreed(self, key: str, law: At, due: dt.date) -> None:
        """A date the agency agreed to (measures/32/1): shown as given, never moved."""
        years = set() if holidays.covered(due.year) else {due.year}
        text = f"约定的答复期限为{fmt(due)}（{holidays.describe(due)}）。"
        if holidays.is_rest_day(due):
            before, more = periods.last_working_day_on_or_before(due)
            years |= more
            self.warnings.append(_rest_day_warning(DEADLINES[key]["title"], due, before, key, agreed=True))
        self.add(key, law, due, text, years=years)

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
            self.warnings.append(_rest_day_warning(title, p.due, before, key))
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

    def annual_report(self, law: At, served: dt.date, defendant: str | None) -> None:
        """measures/43/2: a city or county government reports on the year in which the complaint
        was served, by the date set (shown also when the defendant is not given)."""
        month, day = (int(x) for x in law.value("annual_report_date").split("-"))
        due = dt.date(served.year + 1, month, day)
        years = set() if holidays.covered(due.year) else {due.year}
        text = (f"起诉状副本于{served.year}年送达，计入该年度统计，于次年{month}月{day}日前报告："
                f"{fmt(due)}（{holidays.describe(due)}）。")
        if holidays.is_rest_day(due):
            before, more = periods.last_working_day_on_or_before(due)
            years |= more
            self.warnings.append(_rest_day_warning("年度报告", due, before, "annual_report"))
        note = _note("annual_report", law, year=served.year)
        if defendant is None:
            note += "未选择被告：本项仅在被告为市、县（市、区）人民政府时适用。"
        self.add("annual_report", law, due, text, note=note, years=years)

    def result(self) -> dict:
        order = list(DEADLINES)
        self.items.sort(key=lambda d: (d["due"], order.index(d["id"])))
        # one warning per text: a deadline's validity warning may repeat another's
        warnings = list({w["text"] + str(w.get("deadline")): w for w in self.warnings}.values())
        return {"deadlines": self.items, "duties": self.duties, "warnings": warnings,
                "basis": [provisions.cite(r) for r in self.refs], "counting": counting_text()}


def _rest_day_warning(title: str, due: dt.date, before: dt.date, key: str, *, agreed: bool = False) -> dict:
    """An internal (or agreed) deadline on a rest day: the reading chosen (not extended, act by the
    last working day before) and the other one (extended like a statutory period)."""
    after, _ = periods.next_working_day(due)
    if agreed:
        text = f"“{title}”的约定日期{fmt(due)}是休息日，请在此前最后一个工作日{fmt(before)}答复，或与审前和解中心另行约定。"
    else:
        text = (f"“{title}”的截止日{fmt(due)}是休息日。本计算器的理解：办法规定的内部期限不因休息日顺延，请在此前最后一个工作日"
                f"{fmt(before)}办结；另一种理解是参照法定期间顺延至其后第一个工作日{fmt(after)}。按前一种理解办理不会逾期。")
    return notices.warning("period.internal_on_rest_day", text, deadline=key)


HEADLINE = {"answer": "答辩期限", "appeal": "上诉期限", "appellee_answer": "第二审答辩期限"}


def present_result(r: dict) -> dict:
    """The answer first (answer, appeal and second-instance answer dates), then the timeline of
    every deadline and, after them, the duties without a date. A warning about one deadline (its
    `deadline` key) is shown on that deadline's row only; the block of warnings under the answer
    keeps those about the case as a whole. The tone is "warn" only when the headline's dates or
    the whole case are concerned (a note on the annual report does not cast doubt on the answer)."""
    by_id = {d["id"]: d for d in r["deadlines"]}
    rows = {d["id"] for d in [*r["deadlines"], *r.get("duties", [])]}
    headline = [f"{name}：{present.cn_date(by_id[key]['due'])}" for key, name in HEADLINE.items() if key in by_id]
    first_on: dict[str, str] = {}   # a warning's text -> the title of the first row that carries it

    def own(key: str, title: str) -> list[str]:
        """The warnings of one row; one already shown in full on an earlier row (the same missing
        holiday arrangement for several deadlines) is shortened to its first sentence."""
        texts = []
        for w in r["warnings"]:
            if w.get("deadline") != key:
                continue
            if w["text"] in first_on:
                texts.append(f"{w['text'].split('。')[0]}。详见“{first_on[w['text']]}”一项的提示。")
            else:
                first_on[w["text"]] = title
                texts.append(w["text"])
        return texts

    timeline = []
    for d in r["deadlines"]:
        adjusted = (f"原届满日{present.cn_date(d['adjusted_from'])}为休息日，依法顺延至{present.cn_date(d['due'])}。"
                    if d.get("adjusted_from") else "")
        timeline.append({"id": d["id"], "date": present.cn_date(d["due"]), "due": d["due"], "title": d["title"],
                         "kind": d["kind"], "kind_name": present.KIND_NAMES[d["kind"]], "adjusted": adjusted,
                         "explanation": d.get("explanation", ""), "note": d.get("note", ""),
                         "basis": d["basis"], "warnings": own(d["id"], d["title"])})
    for d in r.get("duties", []):
        who = f"{d['by']}" + (f"向{d['to']}" if d["to"] else "")
        timeline.append({"id": d["id"], "date": "无具体日期", "due": None, "title": d["title"], "kind": "duty",
                         "kind_name": "职责", "adjusted": "",
                         "explanation": f"{d['when']}，由{who}{d['what']}。", "note": d["note"], "basis": d["basis"],
                         "warnings": own(d["id"], d["title"])})
    general = [w for w in r["warnings"] if w.get("deadline") not in rows]
    headline_warned = any(w.get("deadline") in by_id and w["deadline"] in HEADLINE for w in r["warnings"])
    model = {"headline": headline, "tone": "warn" if general or headline_warned else "ok", "timeline": timeline,
             "warnings": general,
             "sections": [{"title": "期间如何计算", "items": present.items([r["counting"]])}] if r.get("counting") else []}
    if r.get("case_number"):
        model["case_number"] = r["case_number"]
    return model


def _fields() -> tuple:
    law = At(None)
    answer = law.param("answer_period").text
    return (
        Field("case_number", "text", "案号", "可不填；填写的写入打印件和日历文件。"),
        Field("complaint_served", "date", "起诉状副本送达日期",
              f"以送达回证上的签收日期为准；答辩期限自次日起算{answer}。", "alp/67/1", required=True),
        Field("defendant", "choice", "被告（应诉机关）",
              law.text("选择后只显示本机关适用的报告义务：市、县（市、区）人民政府按[[measures/43/2#]]每年书面报告，"
                       "工作部门和乡镇人民政府（街道办事处）按[[measures/43/1#]]定期报告。"), "measures/43/1",
              options=DEFENDANTS),
        Field("hearing_date", "date", "开庭日期", "填写后可计算负责人未出庭时的书面报告期限。", "measures/20/1"),
        Field("principal_absent", "bool", "行政机关负责人未出庭应诉",
              f"负责人未出庭的，相关负责人应在{law.param('absence_report_period').text}内向本级党委和政府主要负责人书面报告。",
              "measures/20/1"),
        Field("ruling_served", "date", "裁判文书送达日期", "收到判决书或裁定书之日；上诉期限自次日起算。", "alp/85"),
        Field("ruling_kind", "choice", "裁判文书种类",
              "、".join(f"{RULING_KINDS[k]}的上诉期限为{law.param(p).text}" for k, p in APPEAL_PERIOD.items()) + "。",
              "alp/85", options=RULING_KINDS),
        Field("appeal_copy_served", "date", "上诉状副本收到日期",
              f"对方当事人上诉的，本机关应在收到上诉状副本之日起{law.param('appellee_answer_period').text}内提出答辩状。",
              "alp-interp/108/2"),
        Field("ruling_effective", "date", "裁判生效日期",
              f"申请再审应在判决、裁定发生法律效力后{law.param('retrial_period').text}内提出。", "alp-interp/110"),
        Field("performance_content", "bool", "裁判文书、调解书有履行内容",
              "列出提出工作意见和履行生效裁判的职责（办法未规定天数）。", "measures/35/1"),
        Field("suggestion_received", "bool", "收到司法建议或者检察建议", "列出书面回复的职责（办法未规定天数）。",
              "measures/36/1"),
        Field("settlement_reply", "bool", "审前和解中有需要书面答复的事项",
              "需要请示汇报后才能确定的事宜，应在约定期限内向行政争议审前和解中心书面答复。", "measures/32/1"),
        Field("settlement_reply_due", "date", "约定的书面答复期限", "填写后列入期限表；不填的列为没有具体日期的职责。",
              "measures/32/1", show_if=("settlement_reply", True)),
    )


SPEC = Spec(
    name="deadlines", title="期限计算", order=10,
    purpose="答辩举证、登记、败诉风险报告、上诉、再审、第二审答辩、未出庭书面报告、年度报告等期限，节假日依法顺延",
    intro="输入收到起诉状副本等日期，计算答辩举证、登记、败诉风险报告、上诉、再审、第二审答辩等期限，并列出办法规定的"
          "其他职责。法定期间遇节假日依法顺延。",
    fields=_fields(),
    refs=("alp/67/1", "alp/85", "alp-interp/108/2", "measures/13/1", "measures/17/2", "measures/18/1", "measures/20/1",
          "measures/32/1", "measures/33/1/1", "measures/33/1/2", "measures/35/1", "measures/36/1", "measures/38/1",
          "measures/39/1", "measures/43/1", "measures/43/2"),
    run=deadlines, present=present_result, rule_table=rule_table,
    example={"complaint_served": "2026-09-16"},
)

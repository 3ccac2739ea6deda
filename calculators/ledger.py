"""The case ledger (应诉案件台账): one record of facts per case, shared by every page.

[[measures/38/1]] asks each agency to register the court's papers within 3 days and to name
the undertaking unit and staff; [[measures/43/1]] asks for statistics, analysis and a summary.
The ledger keeps, per case, the facts the calculators and the documents page already ask for
(same field names, same labels: calculators/forms.py) plus what only a register needs
(LEDGER_FIELDS: type of act, dates of registration and answer, outcome, who appeared).

This module is the one description of a case record: the ledger's form (GROUPS), the columns
of the Excel export (COLUMNS), reading and checking a record (read_case), reading an office's
own Excel ledger row by row (import_rows: all or nothing), and the computed view of each case
(its deadlines by the `deadlines` calculator, its stage). The page keeps the records in the
browser's IndexedDB (overrides/assets/javascripts/ledger-store.js); nothing is sent anywhere.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache

from . import inputs, provisions, urls
from .deadlines import DEADLINES
from .errors import InputError
from .forms import Field, forms
from .inputs import MAX_DATE, MIN_DATE
from .quota import AGENCIES
from .registry import run, spec

# Type of the act sued (被诉行政行为类别), counted by the statistics of measures/43/1.
ACT_TYPES = {
    "penalty": "行政处罚",
    "coercion": "行政强制",
    "licence": "行政许可",
    "expropriation": "行政征收、征用",
    "registration": "行政登记、确认",
    "payment": "行政给付、补偿",
    "information": "政府信息公开",
    "agreement": "行政协议",
    "inaction": "不履行法定职责",
    "reconsideration": "行政复议",
    "other": "其他",
}

# Outcome of the case: value -> (label, a loss for the agency?, provision of that outcome).
# The kinds of judgment and order of the 行政诉讼法 (arts. 60, 62, 69–78) grouped as the
# measures count them: a loss (败诉, measures/23/1) is a judgment against the act.
OUTCOMES = {
    "won_judgment": ("判决驳回原告诉讼请求", False, "alp/69"),
    "won_dismissed": ("裁定驳回起诉", False, "alp-interp/69"),
    "withdrawn": ("原告撤诉", False, "alp/62"),
    "mediated": ("调解结案", False, "alp/60"),
    "lost": ("判决撤销、确认违法或无效、责令履行、变更或者给付（败诉）", True, "alp/70"),
    "other": ("其他方式结案", False, None),
}
# words an office's own ledger uses for an outcome -> OUTCOMES key (import only)
OUTCOME_WORDS = (
    ("驳回起诉", "won_dismissed"), ("驳回诉讼请求", "won_judgment"), ("驳回原告", "won_judgment"),
    ("胜诉", "won_judgment"), ("撤诉", "withdrawn"), ("调解", "mediated"), ("败诉", "lost"),
    ("撤销", "lost"), ("确认违法", "lost"), ("确认无效", "lost"), ("责令履行", "lost"), ("变更", "lost"),
    ("给付", "lost"), ("赔偿", "lost"), ("其他", "other"),
)
INSTANCES = {"first": "一审", "second": "二审", "retrial": "再审"}

LEDGER_FIELDS = (
    Field("act_type", "choice", "被诉行政行为类别", "统计分析按行为类别分列。", "measures/43/1", options=ACT_TYPES),
    Field("instance", "choice", "审级", "", "measures/33/1", options=INSTANCES, default="first"),
    Field("registered_date", "date", "登记日期", "收到行政应诉法律文书后3日内登记。", "measures/38/1"),
    Field("undertaker_person", "text", "应诉承办人员", "", "measures/38/1"),
    Field("answer_submitted", "date", "答辩材料提交日期", "向人民法院提交答辩状、证据和依据的日期（交邮的为交邮日期）。",
          "alp/67/1"),
    Field("principal_appeared", "bool", "主要负责人出庭应诉", "本案由行政机关主要负责人出庭应诉的，计入年度出庭次数。",
          "measures/22/2"),
    Field("outcome", "choice", "审理结果", "尚未审结的不选。", "measures/43/1",
          options={k: v[0] for k, v in OUTCOMES.items()}),
    Field("notes", "text", "备注", "", None, lines=2),
)

# The ledger's form: (legend, provision, field names). Shared fields keep the names, labels
# and help of the calculator forms they come from, so a fact typed anywhere is the same fact.
GROUPS = (
    ("案件基本情况", "measures/38/1",
     ("case_number", "court", "instance", "cause", "act_type", "act", "plaintiffs", "third_parties", "plaintiff_count",
      "enterprise_party", "agency_name", "defendant", "reconsidered", "reconsideration_role", "undertaker_unit",
      "undertaker_person")),
    ("日期", "measures/38/1",
     ("complaint_served", "registered_date", "answer_submitted", "hearing_date", "ruling_served", "ruling_kind",
      "ruling_effective")),
    ("出庭应诉", "measures/20/1",
     ("head_name", "head_post", "principal_appeared", "principal_absent", "suing_units", "compensation_claimed",
      "enforcement_impact", "public_interest", "public_attention", "mass_incident_risk", "procuratorate",
      "justice_bureau_requires", "court_notice", "other")),
    ("审理结果", "measures/43/1", ("outcome", "loss_risk", "notes")),
)
REQUIRED = ("case_number", "complaint_served")   # a register line needs the case and its date of service

# Field names a calculator page uses for a fact the case record keeps under another name
# (page field -> record field); every other field of a page is the record's own name.
ALIASES = {
    "filing_period": {"known_date": "fp_known_date", "filed_date": "fp_filed_date",
                      "reconsideration_decision_served": "fp_reconsideration_decision_served",
                      "informed_of_period": "fp_informed_of_period", "act_date": "fp_act_date",
                      "real_estate": "fp_real_estate"},
    "undertaker": {"acting_agency": "undertaker_unit"},
}

# Columns of the Excel ledger, in order (the record's fields), and the computed ones after them.
COLUMNS = tuple(name for _, _, names in GROUPS for name in names)
COMPUTED_COLUMNS = (("stage", "办理阶段"), ("due_register", "登记期限"), ("due_answer", "答辩举证期限"),
                    ("principal_must_appear", "主要负责人应当出庭"))

# The deadlines a case's facts settle (the deadline is met): deadline id -> record field.
SETTLED_BY = {"register": "registered_date", "answer": "answer_submitted", "risk_report": "answer_submitted",
              "appeal": "ruling_effective", "appeal_proposal": "ruling_effective"}
CASE_DEADLINES = tuple(k for k in DEADLINES if k != "annual_report")   # the annual report is the agency's
MAX_CASES = 20_000
MAX_TEXT = 10_000


@lru_cache(maxsize=None)
def fields() -> dict:
    """Every field of the record by name: the calculator forms' fields and LEDGER_FIELDS
    (read on first use: the forms come from the registry)."""
    out: dict = {}
    for form_name in ("documents", "deadlines", "undertaker"):
        for f in forms()[form_name].fields:
            out.setdefault(f.name, f)
    for f in LEDGER_FIELDS:
        out[f.name] = f
    missing = [n for n in COLUMNS if n not in out]
    if missing:
        raise ValueError(f"台账的列不是任何表单的字段：{missing}")
    return out


def __getattr__(name: str):
    """ledger.FIELDS for other modules (PEP 562): the same mapping as fields()."""
    if name == "FIELDS":
        return fields()
    raise AttributeError(name)


def case_fields(form_name: str) -> dict | None:
    """What a calculator page tells the ledger's case control: its aliases (page field -> record
    field), or None for a page that is not about one case (the yearly quota)."""
    return dict(ALIASES.get(form_name, {})) if spec(form_name).one_case else None


def form_spec() -> dict:
    """What the page needs to build the ledger form and talk to the calculator pages."""
    return {"groups": [{"legend": legend, "ref": ref, "fields": list(names)} for legend, ref, names in GROUPS],
            "required": list(REQUIRED), "aliases": ALIASES,
            "columns": [[n, fields()[n].label] for n in COLUMNS]}


# --- reading a record ------------------------------------------------------------------------

def _value(f: Field, params: dict):
    """One field of a record, checked in the words of its form."""
    if f.kind == "date":
        day = inputs.date(params, f.name, f.label, required=False)
        if day is not None and not MIN_DATE <= day <= MAX_DATE:
            raise InputError(f.name, f"“{f.label}”应在1900年1月1日至2099年12月31日之间。")
        return day.isoformat() if day else None
    if f.kind == "bool":
        return inputs.boolean(params, f.name, f.label, default=False)
    if f.kind == "int":
        return inputs.integer(params, f.name, f.label, required=False, minimum=f.minimum or 0)
    if f.kind == "amount":
        return inputs.amount(params, f.name, f.label, default=None)
    if f.kind == "choice":
        return inputs.choice(params, f.name, f.label, f.options, required=False)
    return inputs.text(params, f.name, f.label, max_length=MAX_TEXT, multiline=f.lines > 1) or None


def read_case(record: dict) -> dict:
    """The record's facts checked: every known field of the right kind (InputError naming the
    field otherwise), the required ones present; other keys (the documents page's lists and
    drafts) kept as they are. Empty values are dropped."""
    if not isinstance(record, dict):
        raise InputError(None, "案件记录应为键值对。")
    out = {k: v for k, v in record.items() if k not in fields()}
    for name, f in fields().items():
        if record.get(name) in (None, ""):
            continue
        value = _value(f, record)
        if value is not None and value != "":
            out[name] = value
    for name in REQUIRED:
        if name not in out:
            raise InputError(name, f"请填写“{fields()[name].label}”。")
    inputs.not_before(_d(out, "registered_date"), _d(out, "complaint_served"), "registered_date",
                      "“登记日期”不能早于“起诉状副本送达日期”。")
    return out


def _d(case: dict, name: str) -> dt.date | None:
    value = case.get(name)
    return dt.date.fromisoformat(value) if value else None


# --- one case's computed view ------------------------------------------------------------------

_DEADLINES_MEMO: dict = {}


def deadlines_of(case: dict) -> dict:
    """The `deadlines` calculator's result for a record, remembered per distinct input (cases
    served on the same day share it; a ledger of thousands has a few hundred distinct inputs).
    The result is shared: read it, never change it."""
    params = deadline_params(case)
    key = json.dumps(params, sort_keys=True)
    if key not in _DEADLINES_MEMO:
        if len(_DEADLINES_MEMO) > 50_000:
            _DEADLINES_MEMO.clear()
        _DEADLINES_MEMO[key] = run("deadlines", params)
    return _DEADLINES_MEMO[key]


def deadline_params(case: dict) -> dict:
    """The `deadlines` calculator's input from a record (same field names). Not the case number:
    the ledger names the case itself, and cases served on the same day share one result."""
    names = [f.name for f in forms()["deadlines"].fields if f.name != "case_number"]
    params = {n: case[n] for n in names if case.get(n) not in (None, "")}
    if params.get("principal_absent") and "hearing_date" not in params:
        params.pop("principal_absent")
    return params


STAGES = ("待登记", "答辩举证", "待开庭", "待裁判", "上诉期内", "已结案")


def stage(case: dict, today: dt.date) -> str:
    """Where the case stands, from its recorded dates and outcome."""
    if case.get("ruling_effective") or (case.get("outcome") and not case.get("ruling_served")):
        return "已结案"
    if case.get("ruling_served"):
        return "上诉期内"
    if not case.get("registered_date"):
        return "待登记"
    if not case.get("answer_submitted"):
        return "答辩举证"
    hearing = _d(case, "hearing_date")
    if hearing is None or hearing > today:
        return "待开庭"
    return "待裁判"


def overview(params: dict) -> dict:
    """Every case's deadlines (by the `deadlines` calculator) and stage, and what is due across
    cases: overdue, today, within 7 and within 30 days (settled deadlines left out), each due
    item with the provisions behind it.

    {"cases": [record…], "today": ISO} -> {"cases": [{id, case_number, stage, deadlines, error?}],
    "due": [{case, case_number, id, title, due, kind, basis, days, bucket}], "counts": {bucket: n}}"""
    today = inputs.date(params, "today", "今天")
    cases = params.get("cases")
    if not isinstance(cases, list) or len(cases) > MAX_CASES:
        raise InputError("cases", f"案件列表应为不超过{MAX_CASES}件案件的列表。")
    rows, due = [], []
    for record in cases:
        rows.append(_case_view(record, today, due))
    due.sort(key=lambda d: (d["due"], d["case_number"], CASE_DEADLINES.index(d["id"])))
    counts = {b: sum(1 for d in due if d["bucket"] == b) for b in BUCKETS}
    return {"cases": rows, "due": due, "counts": counts, "buckets": BUCKETS}


BUCKETS = {"overdue": "已逾期", "today": "今天到期", "week": "7日内到期", "month": "30日内到期"}


def _bucket(days: int) -> str | None:
    if days < 0:
        return "overdue"
    if days == 0:
        return "today"
    if days <= 7:
        return "week"
    if days <= 30:
        return "month"
    return None


def _applies(deadline_id: str, case: dict) -> bool:
    """A deadline of this case: not the agency's annual report; the loss-risk report only where
    the case records a risk of losing ([[measures/18/1]])."""
    if deadline_id == "risk_report":
        return bool(case.get("loss_risk"))
    return deadline_id in CASE_DEADLINES


def _case_view(record: dict, today: dt.date, due: list) -> dict:
    case_id = record.get("id") if isinstance(record, dict) else None
    number = str(record.get("case_number") or "") if isinstance(record, dict) else ""
    try:
        case = read_case(record)
        result = deadlines_of(case)
    except InputError as error:
        return {"id": case_id, "case_number": number, "stage": "", "deadlines": [],
                "error": {"field": error.field, "message": error.message}}
    done = set(case.get("done_deadlines") or [])
    closed = stage(case, today) == "已结案"
    items = []
    for d in result["deadlines"]:
        if not _applies(d["id"], case):
            continue
        settled = d["id"] in done or bool(case.get(SETTLED_BY.get(d["id"], "")))
        item = {"id": d["id"], "title": d["title"], "due": d["due"], "kind": d["kind"], "settled": settled}
        items.append(item)
        days = (dt.date.fromisoformat(d["due"]) - today).days
        bucket = _bucket(days)
        if bucket and not settled and not (closed and days < 0):
            due.append({**item, "basis": [cited(b["ref"]) for b in d["basis"]], "case": case_id,
                        "case_number": case["case_number"], "days": days, "bucket": bucket})
    return {"id": case_id, "case_number": case["case_number"], "stage": stage(case, today), "deadlines": items}


# --- the Excel ledger: export --------------------------------------------------------------------

def _cell(f: Field, value) -> dict | None:
    """A typed cell for the page's .xlsx writer: dates as dates, yes/no as 是/否, choices by label."""
    if value in (None, ""):
        return None
    if f.kind == "date":
        return {"date": value}
    if f.kind == "bool":
        return {"text": "是" if value else "否"}
    if f.kind in ("int", "amount"):
        return {"number": value}
    if f.kind == "choice":
        return {"text": f.options.get(value, str(value))}
    return {"text": str(value)}


FULL_RECORD_SHEET = "完整记录"
INFO_SHEET = "说明"
LEDGER_SHEET = "台账"
CHUNK = 30_000   # an Excel cell holds at most 32,767 characters
INFO_LABELS = {"agency_name": "填报单位", "agency": "机关类别", "exported": "导出时间", "cases": "案件数"}


def export_workbook(params: dict) -> dict:
    """The ledger as sheets of typed cells: 台账 (one row per case, Chinese headers, dates as
    dates, computed deadlines after the facts), 说明 (who exported it, when) and 完整记录 (every
    record whole, so that importing the file restores what the columns do not hold)."""
    today = inputs.date(params, "today", "今天")
    cases = params.get("cases") or []
    agency = inputs.choice(params, "agency", "机关类别", AGENCIES, required=False)
    agency_name = inputs.text(params, "agency_name", "填报单位", max_length=100)
    header = [{"text": fields()[n].label} for n in COLUMNS] + [{"text": label} for _, label in COMPUTED_COLUMNS]
    rows, full = [header], [[{"text": "案号"}, {"text": "记录（用于恢复，请勿修改）"}]]
    for record in cases:
        case = read_case(record)
        computed = _computed(case, today)
        rows.append([_cell(fields()[n], case.get(n)) for n in COLUMNS] + [computed[k] for k, _ in COMPUTED_COLUMNS])
        text = json.dumps({k: v for k, v in case.items() if k not in ("id",)}, ensure_ascii=False, sort_keys=True)
        full.append([{"text": case["case_number"]}] + [{"text": text[i:i + CHUNK]} for i in range(0, len(text), CHUNK)])
    info = [[{"text": "项目"}, {"text": "内容"}],
            [{"text": INFO_LABELS["agency_name"]}, {"text": agency_name} if agency_name else None],
            [{"text": INFO_LABELS["agency"]}, {"text": AGENCIES[agency]} if agency else None],
            [{"text": INFO_LABELS["exported"]}, {"text": str(params.get("stamp") or today.isoformat())}],
            [{"text": INFO_LABELS["cases"]}, {"number": len(cases)}],
            [{"text": "说明"}, {"text": "“台账”表每行一件案件，可在 Excel 或 WPS 中查看和筛选；“完整记录”表保存每件案件的全部信息，"
                                        "导入本文件时用于恢复表中未列出的内容，请勿修改。"}]]
    widths = [_width(fields()[n]) for n in COLUMNS] + [12] * len(COMPUTED_COLUMNS)
    return {"sheets": [{"name": LEDGER_SHEET, "rows": rows, "widths": widths, "sticky": 1},
                       {"name": INFO_SHEET, "rows": info, "widths": [14, 60]},
                       {"name": FULL_RECORD_SHEET, "rows": full, "widths": [24, 80]}]}


def _width(f: Field) -> int:
    return {"date": 12, "bool": 8, "int": 8, "amount": 12, "choice": 16}.get(f.kind, 24 if f.lines == 1 else 40)


def _computed(case: dict, today: dt.date) -> dict:
    try:
        by_id = {d["id"]: d["due"] for d in deadlines_of(case)["deadlines"]}
    except InputError:
        by_id = {}
    must = principal_must_appear(case)
    return {"stage": {"text": stage(case, today)},
            "due_register": {"date": by_id["register"]} if "register" in by_id else None,
            "due_answer": {"date": by_id["answer"]} if "answer" in by_id else None,
            "principal_must_appear": None if must is None else {"text": "是" if must else "否"}}


@lru_cache(maxsize=None)
def _principal_fields() -> tuple:
    """The principal calculator's fields (read on first use: the registry imports this module)."""
    return tuple(f.name for f in forms()["principal_appearance"].fields)
_PRINCIPAL_MEMO: dict = {}


def principal_must_appear(case: dict) -> bool | None:
    """measures/22/1 by the `principal_appearance` calculator (None if its input is invalid).
    Remembered per distinct input: most cases share the same few answers."""
    params = {n: case[n] for n in _principal_fields() if case.get(n) not in (None, "")}
    params.setdefault("plaintiff_count", max(1, len([p for p in str(case.get("plaintiffs") or "").splitlines()
                                                     if p.strip()])))
    if not case.get("reconsidered"):
        params.pop("reconsideration_role", None)
    key = json.dumps(params, sort_keys=True)
    if key not in _PRINCIPAL_MEMO:
        try:
            _PRINCIPAL_MEMO[key] = run("principal_appearance", params)["principal_must_appear"]
        except InputError:
            _PRINCIPAL_MEMO[key] = None
    return _PRINCIPAL_MEMO[key]


# --- the Excel ledger: import ------------------------------------------------------------------

# header words of offices' own ledgers -> field (besides each field's own label)
HEADER_WORDS = (
    ("案号", "case_number"), ("受理法院", "court"), ("审理法院", "court"), ("法院", "court"), ("案由", "cause"),
    ("行为类别", "act_type"), ("行为类型", "act_type"), ("案件类型", "act_type"), ("被诉行为", "act"),
    ("原告", "plaintiffs"), ("第三人", "third_parties"), ("涉企", "enterprise_party"),
    ("收到起诉状", "complaint_served"), ("起诉状副本", "complaint_served"), ("收案日期", "complaint_served"),
    ("收到日期", "complaint_served"), ("送达日期", "complaint_served"), ("登记日期", "registered_date"),
    ("登记时间", "registered_date"), ("答辩日期", "answer_submitted"), ("提交答辩", "answer_submitted"),
    ("开庭", "hearing_date"), ("裁判文书送达", "ruling_served"), ("判决送达", "ruling_served"),
    ("生效", "ruling_effective"), ("承办人", "undertaker_person"), ("承办单位", "undertaker_unit"),
    ("出庭负责人", "head_name"), ("负责人职务", "head_post"), ("主要负责人出庭", "principal_appeared"),
    ("负责人未出庭", "principal_absent"), ("审理结果", "outcome"), ("结案方式", "outcome"), ("判决结果", "outcome"),
    ("裁判结果", "outcome"), ("结果", "outcome"), ("复议", "reconsidered"), ("备注", "notes"), ("审级", "instance"),
)


def suggest_mapping(headers: list) -> list[str]:
    """For each column header, the field it most likely holds ("" for none); each field once."""
    labels = {f.label: n for n, f in fields().items()}
    taken: set = set()
    out = []
    for header in headers:
        text = re.sub(r"\s+", "", str(header or ""))
        name = labels.get(text) or next((n for word, n in HEADER_WORDS if word in text and n not in taken), "")
        if name in taken:
            name = ""
        taken.add(name)
        out.append(name)
    return out


TRUE_WORDS = {"是", "有", "√", "✓", "y", "yes", "true", "1", "出庭", "涉企"}
FALSE_WORDS = {"否", "无", "×", "n", "no", "false", "0", "未出庭", "不涉企", ""}
DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:[ T].*)?$")
EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_cell(f: Field, raw):
    """An imported cell as a value of field `f`, or InputError in the field's words. Dates may
    be ISO text (the page's reading of an Excel date), 2026年9月16日, 2026/9/16, 2026.9.16 or an
    Excel day number; yes/no as 是/否, √, 有/无; a choice by its label (or an outcome by the
    words offices use)."""
    if isinstance(raw, str):
        raw = raw.strip()
    if raw is None or raw == "":
        return None
    if f.kind == "date":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 1 <= raw < 80_000:
            return (EXCEL_EPOCH + dt.timedelta(days=int(raw))).isoformat()
        m = DATE_TEXT.match(str(raw))
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                pass
        raise InputError(f.name, f"“{f.label}”不是有效日期：{str(raw)[:20]}。请按 年-月-日 填写（如 2026-09-16）。")
    if f.kind == "bool":
        word = str(raw).strip().lower()
        if raw is True or word in TRUE_WORDS:
            return True
        if raw is False or word in FALSE_WORDS:
            return False
        raise InputError(f.name, f"“{f.label}”应为“是”或“否”，而不是“{str(raw)[:20]}”。")
    if f.kind in ("int", "amount"):
        try:
            number = float(str(raw).replace(",", "").replace("，", "")) if isinstance(raw, str) else raw
        except ValueError:
            raise InputError(f.name, f"“{f.label}”应为数字，而不是“{str(raw)[:20]}”。") from None
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise InputError(f.name, f"“{f.label}”应为数字。")
        if f.kind == "int" and float(number).is_integer():
            return int(number)
        return number
    if f.kind == "choice":
        text = str(raw)
        for value, label in f.options.items():
            if text in (value, label):
                return value
        if f.name == "outcome":
            for word, value in OUTCOME_WORDS:
                if word in text:
                    return value
        names = "、".join(f.options.values())
        raise InputError(f.name, f"“{f.label}”应为以下之一：{names}；而不是“{text[:20]}”。")
    return str(raw) if not isinstance(raw, float) or not raw.is_integer() else str(int(raw))


def import_rows(params: dict) -> dict:
    """An office's Excel ledger read row by row, all or nothing.

    {"headers": [str], "rows": [[cell, …], …], "mapping": [field or ""], "existing": [case numbers],
     "full": {case number: record}} -> {"cases": [record…], "errors": [{row, column, field,
    message}], "blank": n}. A row with errors gives no case; the page imports only when there is
    no error at all. "full" (the 完整记录 sheet of this site's own export) supplies the facts the
    columns do not hold; what the columns say wins."""
    headers = params.get("headers") or []
    rows = params.get("rows") or []
    mapping = params.get("mapping") or suggest_mapping(headers)
    if not isinstance(rows, list) or len(rows) > MAX_CASES:
        raise InputError("rows", f"一次最多导入{MAX_CASES}行。")
    if len(mapping) != len(headers) or any(m and m not in fields() for m in mapping):
        raise InputError("mapping", "列的对应关系与表头不一致，请重新选择每一列对应的项目。")
    chosen = [m for m in mapping if m]
    if len(chosen) != len(set(chosen)):
        dup = next(fields()[m].label for m in chosen if chosen.count(m) > 1)
        raise InputError("mapping", f"“{dup}”对应了多列，请只保留一列。")
    missing = [fields()[n].label for n in REQUIRED if n not in chosen]
    if missing:
        raise InputError("mapping", f"请指定哪一列是“{'”“'.join(missing)}”。")
    existing = {str(n) for n in params.get("existing") or []}
    full = params.get("full") or {}
    seen: dict = {}
    cases, errors, blank = [], [], 0
    for index, row in enumerate(rows):
        line = index + 2   # the sheet's row number: row 1 is the header
        cells = row if isinstance(row, list) else []
        if all(c in (None, "") or (isinstance(c, str) and not c.strip()) for c in cells):
            blank += 1
            continue
        record, row_errors = {}, []
        for col, name in enumerate(mapping):
            if not name or col >= len(cells):
                continue
            try:
                value = parse_cell(fields()[name], cells[col])
            except InputError as error:
                row_errors.append({"row": line, "column": str(headers[col]), "field": name, "message": error.message})
                continue
            if value is not None:
                record[name] = value
        number = str(record.get("case_number") or "")
        if number in full and isinstance(full[number], dict):
            record = {**{k: v for k, v in full[number].items() if k not in record}, **record}
        if not row_errors:
            try:
                record = read_case(record)
            except InputError as error:
                column = next((str(headers[c]) for c, n in enumerate(mapping) if n == error.field), "")
                row_errors.append({"row": line, "column": column, "field": error.field, "message": error.message})
        if number and number in seen:
            row_errors.append({"row": line, "column": fields()["case_number"].label, "field": "case_number",
                               "message": f"案号“{number}”与第{seen[number]}行重复。"})
        elif number and number in existing:
            row_errors.append({"row": line, "column": fields()["case_number"].label, "field": "case_number",
                               "message": f"本机台账中已有案号为“{number}”的案件。"})
        if number:
            seen.setdefault(number, line)
        if row_errors:
            errors += row_errors
        else:
            cases.append(record)
    return {"cases": [] if errors else cases, "errors": errors, "blank": blank, "read": len(rows) - blank}


def full_records(sheet_rows: list) -> dict:
    """The 完整记录 sheet of this site's export: case number -> record (rows that do not parse are
    ignored: the visible columns still give the case)."""
    out = {}
    for row in sheet_rows[1:]:
        if not isinstance(row, list) or len(row) < 2 or not row[0]:
            continue
        try:
            record = json.loads("".join(str(c) for c in row[1:] if c is not None))
        except ValueError:
            continue
        if isinstance(record, dict):
            out[str(row[0])] = record
    return out


def read_workbook(params: dict) -> dict:
    """A workbook exported by this site (or an office's own ledger): which sheet holds cases,
    the agency it comes from (说明 sheet), the suggested mapping and the full records.

    {"sheets": [{"name", "rows"}]} -> {"headers", "rows", "mapping", "full", "agency_name",
    "agency", "statistics"?}. A 统计数据 sheet (a statistics file) is returned as counts."""
    from . import statistics

    sheets = params.get("sheets")
    if not isinstance(sheets, list) or not sheets:
        raise InputError("sheets", "文件中没有工作表。")
    by_name = {s.get("name"): s.get("rows") or [] for s in sheets if isinstance(s, dict)}
    info = {}
    for row in by_name.get(INFO_SHEET, [])[1:]:
        if isinstance(row, list) and len(row) >= 2 and row[0]:
            info[str(row[0]).strip()] = row[1]
    agency_label = str(info.get(INFO_LABELS["agency"]) or "")
    agency = next((k for k, v in AGENCIES.items() if v == agency_label), None)
    out = {"agency_name": str(info.get(INFO_LABELS["agency_name"]) or ""), "agency": agency}
    if statistics.FILE_SHEET in by_name:
        return {**out, **statistics.read_file(by_name[statistics.FILE_SHEET])}
    name = LEDGER_SHEET if LEDGER_SHEET in by_name else next(iter(by_name))
    rows = by_name[name]
    start = next((i for i, r in enumerate(rows) if isinstance(r, list) and any(c not in (None, "") for c in r)), 0)
    headers = [str(c or "").strip() for c in (rows[start] if rows else [])]
    return {**out, "sheet": name, "headers": headers, "rows": rows[start + 1:], "mapping": suggest_mapping(headers),
            "full": full_records(by_name.get(FULL_RECORD_SHEET, []))}


def labels() -> dict:
    """Field name -> label, for the page's mapping step."""
    return {n: f.label for n, f in fields().items()}


@lru_cache(maxsize=None)
def _label(ref: str) -> str:
    return provisions.label(ref, short=True)


@lru_cache(maxsize=None)
def _cited(ref: str) -> tuple:
    qualified = provisions.qualify(ref)
    return qualified, _label(qualified), urls.provision_url(qualified)


def cited(ref: str) -> dict:
    """{"ref", "label", "url"}: a provision as the pages link it (short label, root-relative URL)."""
    qualified, label, url = _cited(ref)
    return {"ref": qualified, "label": label, "url": url}


# --- one calendar for every upcoming deadline ---------------------------------------------------

def calendar(params: dict) -> dict:
    """{"cases", "today", "stamp"} -> {"text": iCalendar, "events": n}: every deadline not yet
    settled and not before today, of every case, each event titled with its case number (the
    events of calculators/ics.py, one calendar)."""
    from . import ics

    today = inputs.date(params, "today", "今天")
    try:
        stamp = dt.datetime.fromisoformat(str(params.get("stamp", "")).replace("Z", "+00:00"))
    except ValueError:
        stamp = dt.datetime(2000, 1, 1)
    head, events = None, []
    for record in params.get("cases") or []:
        try:
            case = read_case(record)
            result = deadlines_of(case)
        except InputError:
            continue
        done = set(case.get("done_deadlines") or [])
        upcoming = [d for d in result["deadlines"] if _applies(d["id"], case) and d["due"] >= today.isoformat()
                    and d["id"] not in done and not case.get(SETTLED_BY.get(d["id"], ""))]
        if not upcoming:
            continue
        lines = ics.calendar({"deadlines": upcoming}, stamp=stamp, case_name=case["case_number"]).split("\r\n")
        first = lines.index("BEGIN:VEVENT")
        head = head or lines[:first]
        events += lines[first:lines.index("END:VCALENDAR")]
    if head is None:
        raise InputError(None, "没有今天及以后到期、尚未办结的期限，无需生成日历文件。")
    text = "\r\n".join(head + events + ["END:VCALENDAR"]) + "\r\n"
    return {"text": text, "events": events.count("BEGIN:VEVENT")}


def check(params: dict) -> dict:
    """{"case": record} -> {"case": the record checked (read_case)}: the ledger form's save."""
    return {"case": read_case(params.get("case"))}


ACTIONS = {"ledger.check": check, "ledger.overview": overview, "ledger.ics": calendar, "ledger.export": export_workbook,
           "ledger.read": read_workbook, "ledger.import": import_rows}

"""The case ledger's record (calculators/ledger.py): checking a record, the Excel export and
import (round trips; an office's own ledger with its own headers and date styles; malformed rows
refused row by row, nothing imported half) and the deadlines across cases."""
import datetime as dt

import pytest

from calculators import ledger, page
from calculators.errors import InputError

CASE = {"id": "c1", "case_number": "（2026）鲁1502行初88号", "court": "聊城市东昌府区人民法院", "cause": "行政处罚",
        "act_type": "penalty", "plaintiffs": "张某\n李某", "complaint_served": "2026-09-16",
        "registered_date": "2026-09-17", "hearing_date": "2026-10-20", "enterprise_party": True,
        "defendant": "department", "outcome": "lost", "principal_appeared": True, "head_name": "赵某",
        "compensation_claimed": 1200.5, "facts": "2026年1月8日，答辩人作出处罚决定。", "loss_risk": True,
        "agents": [{"name": "王某", "post": "法规科科长", "kind": "staff"}]}


def cells_as_read(sheet):
    """The typed cells of export_workbook as the page's .xlsx reader gives them back: dates as
    ISO text (read-excel-file gives a Date, the page writes it as YYYY-MM-DD), numbers, text."""
    def value(cell):
        if cell is None:
            return None
        return cell.get("date") or cell.get("text") if "number" not in cell else cell["number"]
    return [[value(c) for c in row] for row in sheet["rows"]]


def workbook(cases, **params):
    out = ledger.export_workbook({"cases": cases, "today": "2026-11-29", **params})
    return {"sheets": [{"name": s["name"], "rows": cells_as_read(s)} for s in out["sheets"]]}


def test_a_record_needs_its_case_number_and_date_of_service():
    with pytest.raises(InputError) as error:
        ledger.read_case({"complaint_served": "2026-09-16"})
    assert error.value.field == "case_number" and "“案号”" in error.value.message
    with pytest.raises(InputError) as error:
        ledger.read_case({"case_number": "x", "complaint_served": "2026-9-16"})
    assert error.value.field == "complaint_served"


def test_a_record_keeps_the_documents_pages_other_facts():
    record = ledger.read_case(CASE)
    assert record["agents"] == CASE["agents"] and record["facts"] == CASE["facts"]
    assert "fp_informed_of_period" not in record      # no fact invented for a field left empty


def test_export_has_chinese_headers_dates_as_dates_and_computed_deadlines():
    out = ledger.export_workbook({"cases": [CASE], "today": "2026-11-29", "agency": "city_department",
                                  "agency_name": "聊城市某局"})
    sheet = out["sheets"][0]
    header = [c["text"] for c in sheet["rows"][0]]
    assert header[:3] == ["案号", "受理法院", "审级"]
    row = dict(zip(header, sheet["rows"][1]))
    assert row["起诉状副本送达日期"] == {"date": "2026-09-16"}
    assert row["原告或第三人中有企业法人（涉企行政案件）"] == {"text": "是"}
    assert row["被诉行政行为类别"] == {"text": "行政处罚"}
    assert row["答辩举证期限"] == {"date": "2026-10-08"} and row["登记期限"] == {"date": "2026-09-19"}
    assert row["办理阶段"] == {"text": "已结案"}
    info = {r[0]["text"]: r[1] for r in out["sheets"][1]["rows"][1:]}
    assert info["填报单位"] == {"text": "聊城市某局"} and info["机关类别"] == {"text": "市直部门"}


def test_round_trip_restores_every_record_whole():
    second = {"case_number": "（2026）鲁1502行初89号", "complaint_served": "2026-10-09", "outcome": "withdrawn"}
    book = ledger.read_workbook(workbook([CASE, second], agency="county_gov", agency_name="某县人民政府"))
    assert (book["agency"], book["agency_name"]) == ("county_gov", "某县人民政府")
    result = ledger.import_rows(book)
    assert result["errors"] == []
    expected = [{k: v for k, v in ledger.read_case(c).items() if k != "id"} for c in (CASE, second)]
    assert result["cases"] == expected


def test_columns_edited_in_excel_win_over_the_full_record():
    data = workbook([CASE])
    ledger_rows = data["sheets"][0]["rows"]
    ledger_rows[1][ledger_rows[0].index("审理结果")] = "原告撤诉"
    result = ledger.import_rows(ledger.read_workbook(data))
    assert result["cases"][0]["outcome"] == "withdrawn" and result["cases"][0]["facts"] == CASE["facts"]


OFFICE_HEADERS = ["序号", "案号", "原告", "收案日期", "审理法院", "行为类别", "承办人", "开庭时间", "结案方式", "是否涉企",
                  "主要负责人出庭", "登记日期"]


def test_an_offices_own_ledger_is_mapped_and_read():
    assert ledger.suggest_mapping(OFFICE_HEADERS) == [
        "", "case_number", "plaintiffs", "complaint_served", "court", "act_type", "undertaker_person",
        "hearing_date", "outcome", "enterprise_party", "principal_appeared", "registered_date"]
    rows = [
        [1, "（2026）鲁1502行初1号", "张某", "2026年9月16日", "东昌府区法院", "行政处罚", "王某", "2026/10/20", "胜诉", "√", "是",
         "2026.9.17"],
        [2, "（2026）鲁1502行初2号", "某公司", 46281, "茌平区法院", "政府信息公开", "", "", "驳回起诉", "否", "否", None],
        [None, None, None, None, None, None, None, None, None, None, None, None],
    ]
    result = ledger.import_rows({"headers": OFFICE_HEADERS, "rows": rows})
    assert result["errors"] == [] and result["blank"] == 1
    first, second = result["cases"]
    assert first["complaint_served"] == "2026-09-16" and first["hearing_date"] == "2026-10-20"
    assert first["registered_date"] == "2026-09-17"
    assert first["outcome"] == "won_judgment" and first["enterprise_party"] is True and first["act_type"] == "penalty"
    assert second["complaint_served"] == "2026-09-16"          # Excel's day number 46281
    assert second["outcome"] == "won_dismissed" and second["act_type"] == "information"


def test_malformed_rows_are_reported_row_by_row_and_nothing_is_imported():
    rows = [
        [1, "（2026）鲁1502行初1号", "张某", "2026-09-16", "", "", "", "", "", "", "", ""],        # fine
        [2, "（2026）鲁1502行初2号", "李某", "2026-02-30", "", "", "", "", "", "", "", ""],        # no such day
        [3, "", "王某", "2026-09-18", "", "", "", "", "", "", "", ""],                              # no case number
        [4, "（2026）鲁1502行初4号", "赵某", "2026-09-18", "", "罚款", "", "", "判了", "也许", "", ""],  # three bad cells
        [5, "（2026）鲁1502行初1号", "孙某", "2026-09-18", "", "", "", "", "", "", "", ""],        # duplicate of row 2
        [6, "（2026）鲁1502行初6号", "周某", "2026-09-18", "", "", "", "", "", "", "", "2026-09-10"],  # before service
    ]
    result = ledger.import_rows({"headers": OFFICE_HEADERS, "rows": rows})
    assert result["cases"] == []
    errors = [(e["row"], e["column"]) for e in result["errors"]]
    assert errors == [(3, "收案日期"), (4, "案号"), (5, "行为类别"), (5, "结案方式"), (5, "是否涉企"), (6, "案号"),
                      (7, "登记日期")]
    assert "第2行重复" in result["errors"][5]["message"]
    assert "“被诉行政行为类别”应为以下之一" in result["errors"][2]["message"]


def test_a_case_already_in_the_ledger_is_refused():
    rows = [[1, "（2026）鲁1502行初1号", "张某", "2026-09-16", "", "", "", "", "", "", "", ""]]
    result = ledger.import_rows({"headers": OFFICE_HEADERS, "rows": rows, "existing": ["（2026）鲁1502行初1号"]})
    assert result["cases"] == [] and "本机台账中已有" in result["errors"][0]["message"]


def test_mapping_must_name_the_required_columns_once():
    with pytest.raises(InputError) as error:
        ledger.import_rows({"headers": ["案号", "法院"], "rows": [], "mapping": ["case_number", "court"]})
    assert "“起诉状副本送达日期”" in error.value.message
    with pytest.raises(InputError) as error:
        ledger.import_rows({"headers": ["a", "b", "c"], "rows": [],
                            "mapping": ["case_number", "complaint_served", "complaint_served"]})
    assert "对应了多列" in error.value.message


def test_deadlines_across_cases_by_bucket_with_settled_ones_left_out():
    cases = [
        {"id": "a", "case_number": "A", "complaint_served": "2026-09-16", "loss_risk": True},   # register overdue
        {"id": "b", "case_number": "B", "complaint_served": "2026-09-16", "registered_date": "2026-09-17"},
        {"id": "c", "case_number": "C", "complaint_served": "2026-09-20"},
        {"id": "d", "case_number": "D", "complaint_served": "2026-09-16", "ruling_served": "2026-09-18",
         "ruling_kind": "order"},
        {"id": "e", "case_number": "E", "complaint_served": "2026-02-30"},                     # invalid record
    ]
    r = page.ACTIONS["ledger.overview"]({"cases": cases, "today": "2026-09-23"})
    due = {(d["case_number"], d["id"]): d["bucket"] for d in r["due"]}
    assert due[("A", "register")] == "overdue"
    assert ("B", "register") not in due                       # registered: settled
    assert due[("C", "register")] == "today"                  # 20 Sep + 3 days = 23 Sep
    assert due[("A", "answer")] == "month"                    # 8 Oct: 15 days ahead
    assert due[("A", "risk_report")] == "week"                # 28 Sep: 3rd working day before 8 Oct (1–7 Oct off)
    assert ("C", "risk_report") not in due                    # no risk of losing recorded: no report due
    assert due[("D", "appeal")] == "week"                     # order: 10 days from 18 Sep = 28 Sep
    assert due[("D", "appeal_proposal")] == "today"           # 5 days from 18 Sep (internal)
    assert r["counts"]["overdue"] == sum(1 for b in due.values() if b == "overdue")
    views = {c["case_number"]: c for c in r["cases"]}
    assert views["B"]["stage"] == "答辩举证" and views["A"]["stage"] == "待登记"
    assert "error" in views["E"] and views["E"]["error"]["field"] == "complaint_served"
    basis = next(d for d in r["due"] if d["id"] == "register")["basis"]
    assert basis == [{"ref": "measures@2021/38/1", "label": "《办法》第三十八条第一款",
                      "url": "measures/chapter-5/#art-38-1"}]


def test_a_deadline_marked_done_leaves_the_list():
    cases = [{"id": "a", "case_number": "A", "complaint_served": "2026-09-16", "done_deadlines": ["register"]}]
    r = page.ACTIONS["ledger.overview"]({"cases": cases, "today": "2026-09-23"})
    assert "register" not in {d["id"] for d in r["due"]}


def test_one_calendar_for_every_upcoming_deadline():
    cases = [{"id": "a", "case_number": "A", "complaint_served": "2026-09-16", "loss_risk": True},
             {"id": "b", "case_number": "B", "complaint_served": "2026-09-18"}]
    text = page.ACTIONS["ledger.ics"]({"cases": cases, "today": "2026-09-17", "stamp": "2026-09-17T08:00:00Z"})["text"]
    assert text.count("BEGIN:VEVENT") == 5          # register and answer × 2 cases, A's loss-risk report
    assert "SUMMARY:【A】登记行政应诉法律文书（内部期限）" in text
    assert "DTSTART;VALUE=DATE:20261008" in text


def test_stage_from_dates_and_outcome():
    today = dt.date(2026, 11, 29)
    base = {"case_number": "A", "complaint_served": "2026-09-16"}
    assert ledger.stage(base, today) == "待登记"
    assert ledger.stage({**base, "registered_date": "2026-09-17"}, today) == "答辩举证"
    assert ledger.stage({**base, "registered_date": "2026-09-17", "answer_submitted": "2026-10-08",
                         "hearing_date": "2026-12-01"}, today) == "待开庭"
    assert ledger.stage({**base, "ruling_served": "2026-11-20"}, today) == "上诉期内"
    assert ledger.stage({**base, "ruling_served": "2026-11-20", "ruling_effective": "2026-12-06"}, today) == "已结案"

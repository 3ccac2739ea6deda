"""Calculator “deadlines”: hand-worked cases (holiday facts: tests/fixtures/holidays-2022-2026.json)."""
import pytest

from calculators import InputError, present, provisions, run


def calc(**params):
    return run("deadlines", params)


def by_id(result):
    return {d["id"]: d for d in result["deadlines"]}


def test_answer_over_national_day_2026():
    r = calc(complaint_served="2026-09-16")
    d = by_id(r)
    assert set(d) == {"answer", "register", "risk_report", "annual_report"}
    # 9-16 + 15 days = 10-01 (National Day; block 10-01..10-07) -> 10-08
    assert (d["answer"]["due"], d["answer"]["adjusted_from"], d["answer"]["kind"]) == \
        ("2026-10-08", "2026-10-01", "statutory")
    assert [b["ref"] for b in d["answer"]["basis"]][:4] == ["alp/67/1", "alp/101", "cpl/85", "alp-interp/48"]
    # register: 9-16 + 3 = 9-19, a Saturday; internal, not extended, warning names 9-18 (Fri)
    assert (d["register"]["due"], d["register"]["kind"]) == ("2026-09-19", "internal")
    assert "adjusted_from" not in d["register"]
    assert any("2026年9月19日是休息日" in w["text"] and "2026年9月18日" in w["text"] for w in r["warnings"])
    # risk report: 3rd working day before 10-08 -> 9-30 (1), 9-29 (2), 9-28 (3)
    assert d["risk_report"]["due"] == "2026-09-28"
    assert "另一种理解" in d["risk_report"]["note"]
    # annual report: case of 2026 -> 2027-01-10 (Sunday even without 2027 data)
    assert d["annual_report"]["due"] == "2027-01-10"
    assert "市、县（市、区）人民政府" in d["annual_report"]["title"]
    # the missing 2027 arrangement concerns the annual report only, and is attached to it
    unknown = [w for w in r["warnings"] if w["code"] == "holidays.arrangement_unknown"]
    assert [(w["deadline"], w["years"]) for w in unknown] == [("annual_report", [2027])]
    assert unknown[0]["text"].startswith("2027年的节假日安排（调休）尚未公布或尚未录入")
    assert any("2027年1月10日是休息日" in w["text"] and "2027年1月8日" in w["text"] for w in r["warnings"])
    # listed in date order
    assert [x["id"] for x in r["deadlines"]] == ["register", "risk_report", "answer", "annual_report"]


def test_answer_over_national_day_2025_and_makeup_sunday():
    d = by_id(r := calc(complaint_served="2025-09-16"))
    # 9-16 + 15 = 10-01; the 2025 block runs 10-01..10-08 -> 10-09
    assert (d["answer"]["due"], d["answer"]["adjusted_from"]) == ("2025-10-09", "2025-10-01")
    # back from 10-09: 10-08..10-01 holidays; 9-30 (1), 9-29 (2), Sun 9-28 make-up working day (3)
    assert d["risk_report"]["due"] == "2025-09-28"
    # 9-16 + 3 = 9-19 (Fri): working day, no warning about it
    assert d["register"]["due"] == "2025-09-19"
    # 2026-01-10 is an ordinary Saturday -> report by Fri 2026-01-09; 2025/2026 both covered
    assert d["annual_report"]["due"] == "2026-01-10"
    # the reading chosen (not extended: Fri 01-09) and the other one (extended: Mon 01-12) are both said
    assert [w["text"] for w in r["warnings"]] == [
        "“年度报告”的截止日2026年1月10日是休息日。本计算器的理解：办法规定的内部期限不因休息日顺延，请在此前最后一个"
        "工作日2026年1月9日办结；另一种理解是参照法定期间顺延至其后第一个工作日2026年1月12日。按前一种理解办理不会逾期。"]
    assert r["warnings"][0]["code"] == "period.internal_on_rest_day" and r["warnings"][0]["deadline"] == "annual_report"


def test_order_appeal_over_spring_festival():
    d = by_id(calc(complaint_served="2025-12-01", ruling_served="2026-02-06", ruling_kind="order"))
    # order: 10 days; 2-06 + 10 = 2-16 (Spring Festival 2-15..2-23) -> 2-24
    assert (d["appeal"]["due"], d["appeal"]["adjusted_from"]) == ("2026-02-24", "2026-02-16")
    assert [b["ref"] for b in d["appeal"]["basis"]][0] == "alp/85"
    assert "10日" in d["appeal"]["note"]
    # proposal: 2-06 + 5 = 2-11 (Wed)
    assert (d["appeal_proposal"]["due"], d["appeal_proposal"]["kind"]) == ("2026-02-11", "internal")
    assert d["appeal_proposal"]["basis"][0]["ref"] == "measures@2021/33/1/1"


def test_judgment_appeal_and_retrial_ending_on_makeup_saturday():
    r = calc(complaint_served="2025-05-06", ruling_served="2025-08-10", ruling_kind="judgment",
             ruling_effective="2025-08-31")
    d = by_id(r)
    # judgment: 15 days; 8-10 + 15 = 8-25 (Mon)
    assert d["appeal"]["due"] == "2025-08-25" and "adjusted_from" not in d["appeal"]
    # 8-31 + 6 months: February has no 31st -> 2026-02-28, a make-up working Saturday: not moved
    assert d["retrial"]["due"] == "2026-02-28" and "adjusted_from" not in d["retrial"]
    assert [b["ref"] for b in d["retrial"]["basis"]][:2] == ["alp/90", "alp-interp/110"]
    assert any("2026年2月28日是调休上班日" in w["text"] for w in r["warnings"])


def test_absence_report_month_end():
    # hearing 2026-01-31 + 1 month -> 2026-02-28 (make-up Saturday, a working day: no warning)
    r = calc(complaint_served="2026-01-05", hearing_date="2026-01-31", principal_absent=True)
    d = by_id(r)
    assert (d["absence_report"]["due"], d["absence_report"]["kind"]) == ("2026-02-28", "internal")
    assert not any("2026年2月28日" in w["text"] for w in r["warnings"])


def test_absence_report_leap_year():
    # hearing 2024-01-31 + 1 month -> 2024-02-29 (leap year, Thu)
    d = by_id(calc(complaint_served="2024-01-02", hearing_date="2024-01-31", principal_absent=True))
    assert d["absence_report"]["due"] == "2024-02-29"


def test_no_absence_report_when_head_appeared():
    assert "absence_report" not in by_id(calc(complaint_served="2026-01-05", hearing_date="2026-01-31",
                                               principal_absent=False))


def test_answer_ending_on_2026_10_05():
    # 9-20 + 15 = 10-05 (Mon, inside National Day block) -> 10-08
    d = by_id(calc(complaint_served="2026-09-20"))
    assert (d["answer"]["due"], d["answer"]["adjusted_from"]) == ("2026-10-08", "2026-10-05")


def test_period_ending_in_2027_warns():
    # 12-20 + 15 = 2027-01-04 (Mon); 2027's arrangement unknown: a working day, with a warning
    r = calc(complaint_served="2026-12-20")
    assert by_id(r)["answer"]["due"] == "2027-01-04"
    assert r["warnings"][0]["code"] == "holidays.arrangement_unknown" and r["warnings"][0]["years"] == [2027]
    assert "其余按周六、周日休息计算" in r["warnings"][0]["text"]


def test_answer_ending_on_new_year_2027_without_the_arrangement():
    # 12-17 + 15 = 2027-01-01: 元旦 is a rest day by law (放假办法 第二条) even before the 2027
    # arrangement is published; Sat 01-02, Sun 01-03 -> Mon 01-04
    r = calc(complaint_served="2026-12-17")
    answer = by_id(r)["answer"]
    assert (answer["due"], answer["adjusted_from"]) == ("2027-01-04", "2027-01-01")
    assert "（周五，元旦假期）；该日为法定节假日" in answer["explanation"]
    warning = r["warnings"][0]
    assert warning["code"] == "holidays.arrangement_unknown" and "元旦（1月1日）" in warning["text"]


def test_internal_deadline_after_the_measures_expire():
    # 2027-03-01 + 3 = 2027-03-04; the measures are valid until 2027-01-31
    r = calc(complaint_served="2027-03-01")
    assert by_id(r)["register"]["due"] == "2027-03-04"
    d = by_id(r)
    # duties resting only on the measures follow the expired 2021 text, said plainly, never binding
    expired = {w["deadline"] for w in r["warnings"] if w["code"] == "measures.expired"}
    assert expired == {"register", "risk_report", "annual_report"}
    assert all(d[k]["binding"] is False for k in expired)
    text = next(w["text"] for w in r["warnings"] if w.get("deadline") == "register" and w["code"] == "measures.expired")
    assert "2021年版的有效期（2022年2月1日至2027年1月31日）" in text and "仅供参考" in text
    # the statutory period is computed as always: 03-01 + 15 = 03-16 (Tue)
    assert d["answer"]["due"] == "2027-03-16" and "binding" not in d["answer"]


def test_basis_is_complete_and_cited():
    r = calc(complaint_served="2026-09-16", hearing_date="2026-11-10", principal_absent=True,
             ruling_served="2026-12-01", ruling_kind="judgment", ruling_effective="2026-12-17")
    assert len(r["deadlines"]) == 8
    refs = [b["ref"] for b in r["basis"]]
    assert len(refs) == len(set(refs))
    for d in r["deadlines"]:
        assert d["basis"] and all(b["ref"] in refs for b in d["basis"])
        assert d["explanation"]
    for b in r["basis"]:
        assert provisions.exists(b["ref"]) and b == provisions.cite(b["ref"])
    assert "不因休息日顺延" in r["counting"] and "第八十五条" in r["counting"]


@pytest.mark.parametrize("params,field,words", [
    ({}, "complaint_served", "起诉状副本送达日期"),
    ({"complaint_served": "2026-02-30"}, "complaint_served", "不是有效日期"),
    ({"complaint_served": "16/09/2026"}, "complaint_served", "起诉状副本送达日期"),
    ({"complaint_served": 20260916}, "complaint_served", "应为日期"),
    ({"complaint_served": "2101-01-01"}, "complaint_served", "1990年1月1日至2100年12月31日"),
    ({"complaint_served": "1989-12-31"}, "complaint_served", "1990年1月1日至2100年12月31日"),
    ({"complaint_served": "2026-W10-1"}, "complaint_served", "不是有效日期"),
    ({"complaint_served": "2026-09-16", "hearing_date": "2026-09-15"}, "hearing_date", "不能早于"),
    ({"complaint_served": "2026-09-16", "ruling_served": "2026-09-01", "ruling_kind": "order"},
     "ruling_served", "不能早于"),
    ({"complaint_served": "2026-09-16", "ruling_served": "2026-10-20"}, "ruling_kind", "裁判文书种类"),
    ({"complaint_served": "2026-09-16", "ruling_served": "2026-10-20", "ruling_kind": "判决"},
     "ruling_kind", "judgment（判决）"),
    ({"complaint_served": "2026-09-16", "ruling_served": "2026-10-20", "ruling_kind": "order",
      "ruling_effective": "2026-10-19"}, "ruling_effective", "不能早于“裁判文书送达日期”"),
    ({"complaint_served": "2026-09-16", "ruling_effective": "2026-09-01"}, "ruling_effective", "不能早于"),
    ({"complaint_served": "2026-09-16", "principal_absent": True}, "hearing_date", "开庭日期"),
    ({"complaint_served": "2026-09-16", "principal_absent": "yes"}, "principal_absent", "是"),
    ({"complaint_served": "2026-09-16", "defendant": "province_gov"}, "defendant", "被告（应诉机关）"),
    ({"complaint_served": "2026-09-16", "appeal_copy_served": "2026-09-15"}, "appeal_copy_served", "不能早于"),
    ({"complaint_served": "2026-09-16", "ruling_served": "2026-10-20", "ruling_kind": "judgment",
      "appeal_copy_served": "2026-10-19"}, "appeal_copy_served", "不能早于“裁判文书送达日期”"),
    ({"complaint_served": "2026-09-16", "settlement_reply": True, "settlement_reply_due": "2026-09-01"},
     "settlement_reply_due", "不能早于"),
    ({"complaint_served": "2026-09-16", "performance_content": "有"}, "performance_content", "履行内容"),
])
def test_invalid_input(params, field, words):
    with pytest.raises(InputError) as e:
        calc(**params)
    assert e.value.field == field
    assert words in e.value.message


# ---- issue 14: second instance, the duties after a case, whose report ---------------------------

def test_judgment_received_right_before_national_day():
    # judgment served Wed 2026-09-30, the last working day before the 10-01..10-07 holiday
    r = calc(complaint_served="2026-08-03", ruling_served="2026-09-30", ruling_kind="judgment")
    d = by_id(r)
    # appeal: 09-30 + 15 = 10-15 (Thu), a working day: not moved
    assert d["appeal"]["due"] == "2026-10-15" and "adjusted_from" not in d["appeal"]
    # proposal (internal): 09-30 + 5 = 10-05, inside the holiday; not extended; the last working
    # day on or before it is 09-30 itself, the day the judgment arrived. The other reading: 10-08.
    assert d["appeal_proposal"]["due"] == "2026-10-05"
    w = next(w for w in r["warnings"] if w.get("deadline") == "appeal_proposal")
    assert w["code"] == "period.internal_on_rest_day"
    assert "2026年9月30日办结" in w["text"] and "另一种理解" in w["text"] and "2026年10月8日" in w["text"]


def test_order_received_right_before_national_day_ends_on_a_makeup_saturday():
    # order served 09-30: + 10 = 10-10, a make-up working Saturday: due that day, with a warning
    r = calc(complaint_served="2026-08-03", ruling_served="2026-09-30", ruling_kind="order")
    assert by_id(r)["appeal"]["due"] == "2026-10-10" and "adjusted_from" not in by_id(r)["appeal"]
    assert any(w["code"] == "period.ends_on_makeup_workday" and w["deadline"] == "appeal" for w in r["warnings"])


@pytest.mark.parametrize("copy,due,moved_from", [
    ("2026-09-20", "2026-10-08", "2026-10-05"),   # + 15 = 10-05 (National Day) -> 10-08 (Thu)
    ("2026-09-25", "2026-10-10", None),           # + 15 = 10-10, make-up working Saturday: not moved
    ("2026-11-02", "2026-11-17", None),           # + 15 = 11-17 (Tue)
])
def test_appellee_answer_in_second_instance(copy, due, moved_from):
    r = calc(complaint_served="2026-06-01", appeal_copy_served=copy)
    d = by_id(r)["appellee_answer"]
    assert (d["due"], d.get("adjusted_from"), d["kind"]) == (due, moved_from, "statutory")
    # the interpretation, not the law itself, sets this period: cited first, with the counting rules
    assert [b["ref"] for b in d["basis"]][:4] == ["alp-interp/108/2", "alp/101", "cpl/85", "alp-interp/48"]
    assert "alp/85" not in [b["ref"] for b in d["basis"]]
    assert present.view("deadlines", r)["headline"][-1].startswith(f"第二审答辩期限：{int(due[:4])}年")


@pytest.mark.parametrize("defendant", ["department", "township"])
def test_department_or_township_case_has_no_annual_report_but_the_periodic_duty(defendant):
    r = calc(complaint_served="2026-09-16", defendant=defendant)
    assert set(by_id(r)) == {"answer", "register", "risk_report"}
    assert [(x["id"], x["due"], x["kind"]) for x in r["duties"]] == [("periodic_report", None, "duty")]
    duty = r["duties"][0]
    assert duty["to"] == "同级司法行政机关" and [b["ref"] for b in duty["basis"]] == ["measures@2021/43/1"]
    # every date of this 2026 case is in a year with holiday data: no warning about 2027
    assert "holidays.arrangement_unknown" not in {w["code"] for w in r["warnings"]}


@pytest.mark.parametrize("defendant", ["city_gov", "county_gov", None])
def test_government_case_keeps_the_annual_report(defendant):
    r = calc(complaint_served="2026-09-16", **({"defendant": defendant} if defendant else {}))
    annual = by_id(r)["annual_report"]
    assert annual["due"] == "2027-01-10" and r["duties"] == []
    assert ("未选择被告" in annual["note"]) is (defendant is None)
    # the 2027 warning is tied to the annual report row and shown there only: not under the
    # answer, whose 2026 date it does not concern (issue 19), and the answer's tone stays "ok"
    unknown = [w for w in r["warnings"] if w["code"] == "holidays.arrangement_unknown"]
    assert [w["deadline"] for w in unknown] == ["annual_report"]
    v = present.view("deadlines", r)
    row = next(t for t in v["timeline"] if t["id"] == "annual_report")
    assert unknown[0]["text"] in row["warnings"]
    assert all(t["warnings"] == [] for t in v["timeline"] if t["id"] in ("answer", "risk_report"))
    assert v["warnings"] == [] and v["tone"] == "ok"


def test_duties_without_a_date():
    r = calc(complaint_served="2026-06-01", ruling_served="2026-09-10", ruling_kind="judgment",
             ruling_effective="2026-09-28", performance_content=True, suggestion_received=True, settlement_reply=True)
    duties = {x["id"]: x for x in r["duties"]}
    assert list(duties) == ["settlement_reply", "performance_opinion", "performance", "suggestion_reply"]
    expected = {"settlement_reply": "measures@2021/32/1", "performance_opinion": "measures@2021/33/1/2",
                "performance": "measures@2021/35/1", "suggestion_reply": "measures@2021/36/1"}
    for key, ref in expected.items():
        assert duties[key]["due"] is None and duties[key]["basis"][0]["ref"] == ref
        assert duties[key]["by"] and duties[key]["what"]
    assert "行政争议审前和解中心" == duties["settlement_reply"]["to"]
    assert "《行政诉讼法》第九十六条" in duties["performance"]["note"]
    # undated duties are not deadlines: not in the calendar's list, shown last in the timeline
    assert not set(duties) & set(by_id(r))
    timeline = present.view("deadlines", r)["timeline"]
    assert [t["date"] for t in timeline[-4:]] == ["无具体日期"] * 4 and timeline[-1]["kind"] == "duty"
    refs = {b["ref"] for b in r["basis"]}
    assert {"measures@2021/32/1", "measures@2021/33/1/2", "measures@2021/35/1", "measures@2021/36/1"} <= refs


def test_settlement_reply_with_an_agreed_date():
    # agreed date 2026-10-10 (make-up working Saturday) is shown as agreed, internal, never moved
    r = calc(complaint_served="2026-09-16", settlement_reply=True, settlement_reply_due="2026-10-10")
    d = by_id(r)["settlement_reply"]
    assert (d["due"], d["kind"]) == ("2026-10-10", "internal") and "adjusted_from" not in d
    assert r["duties"] == []
    # on a rest day: answer by the last working day before (10-04 Sun -> 09-30 Wed)
    r = calc(complaint_served="2026-09-16", settlement_reply=True, settlement_reply_due="2026-10-04")
    w = next(w for w in r["warnings"] if w.get("deadline") == "settlement_reply")
    assert "2026年9月30日" in w["text"]
    # the date is ignored unless the duty is ticked (the form hides it)
    assert "settlement_reply" not in by_id(calc(complaint_served="2026-09-16", settlement_reply_due="2026-10-04"))


def test_duties_after_the_measures_expire_say_so():
    r = calc(complaint_served="2027-03-01", defendant="department", suggestion_received=True)
    duties = {x["id"]: x for x in r["duties"]}
    assert duties["suggestion_reply"]["binding"] is False
    assert {w["deadline"] for w in r["warnings"] if w["code"] == "measures.expired"} >= {"suggestion_reply",
                                                                                      "periodic_report"}


def test_rule_table_lists_the_duties_without_a_number():
    from calculators.deadlines import DEADLINES, DUTIES, rule_table
    t = rule_table()
    assert len(t["rows"]) == len(DEADLINES) + len(DUTIES)
    duty_rows = [row for row in t["rows"] if row[3].startswith("职责")]
    assert len(duty_rows) == len(DUTIES) and all(row[2].startswith("未规定") for row in duty_rows)
    appellee = next(row for row in t["rows"] if row[0].startswith("提出第二审答辩状"))
    assert appellee[2] == "15日" and appellee[4].startswith("《行诉法解释》第一百零八条第二款")

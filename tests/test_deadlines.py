"""Calculator “deadlines”: hand-worked cases (holiday facts: tests/fixtures/holidays-2022-2026.json)."""
import pytest

from calculators import InputError, provisions, run


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
    assert [w["text"] for w in r["warnings"]] == ["年度报告日期2026年1月10日是休息日，请在此前最后一个工作日2026年1月9日报送。"]
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
])
def test_invalid_input(params, field, words):
    with pytest.raises(InputError) as e:
        calc(**params)
    assert e.value.field == field
    assert words in e.value.message

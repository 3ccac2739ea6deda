"""The answer a reader sees first, and the calendar file, for hand-worked cases."""
import datetime as dt

import calculators
from calculators import ics, present


def view(name, **params):
    return present.view(name, calculators.run(name, params))


def test_answer_deadline_headline_with_weekday():
    # served 2026-09-16: +15 days = 10-01 (National Day) -> first working day 10-08, a Thursday
    v = view("deadlines", complaint_served="2026-09-16")
    assert v["headline"] == ["答辩期限：2026年10月8日（星期四）"]
    answer = next(t for t in v["timeline"] if t["id"] == "answer")
    assert answer["adjusted"] == "原届满日2026年10月1日（星期四）为休息日，依法顺延至2026年10月8日（星期四）。"
    assert answer["kind_name"] == "法定期限"
    register = next(t for t in v["timeline"] if t["id"] == "register")
    assert register["kind_name"] == "内部期限" and register["date"] == "2026年9月19日（星期六）"


def test_appeal_headline_for_an_order():
    # order served 2026-02-06: +10 = 02-16 (Spring Festival) -> 02-24 (Tuesday)
    v = view("deadlines", complaint_served="2026-01-05", ruling_served="2026-02-06", ruling_kind="order")
    assert v["headline"][1] == "上诉期限：2026年2月24日（星期二）"


def test_principal_headlines():
    assert view("principal_appearance", plaintiff_count=11, compensation_claimed=10_000_001)["headline"] == \
        ["行政机关主要负责人应当出庭应诉"]
    assert view("principal_appearance", plaintiff_count=10, compensation_claimed=10_000_001)["headline"] == \
        ["主要负责人不是必须出庭，但行政机关负责人应当出庭应诉"]


def test_quota_headline():
    # 11 cases: max(2, ceil(2.2)) = 3; 2 appearances -> short by 1; rate 2/11 = 18.2%
    v = view("appearance_quota", agency="city_department", cases=11, principal_appearances=2)
    assert v["headline"] == ["本年度主要负责人至少应出庭应诉 3 次", "尚未达标，还差 1 次", "主要负责人出庭应诉率：18.2%"]
    assert v["tone"] == "alert"


def test_undertaker_and_filing_headlines():
    assert view("undertaker", defendant="city_gov", reconsidered=True, government_role="sole")["headline"] == \
        ["应诉承办单位：同级司法行政机关（市司法局）"]
    # known 2026-01-10 + 6 months = 2026-07-10 (Friday); filed 08-01 -> late
    v = view("filing_period", known_date="2026-01-10", filed_date="2026-08-01", informed_of_period="informed")
    assert v["headline"] == ["原告起诉已超过法定起诉期限", "起诉期限届满日：2026年7月10日（星期五）",
                             "起诉的情形：直接起诉行政行为（未经复议）"]


def test_calendar_file():
    result = calculators.run("deadlines", {"complaint_served": "2026-09-16"})
    text = ics.calendar(result, stamp=dt.datetime(2026, 11, 26, 8, 0, 0), case_name="张某诉某局")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == len(result["deadlines"])
    assert "DTSTART;VALUE=DATE:20261008\r\nDTEND;VALUE=DATE:20261009" in unfolded
    assert "SUMMARY:【张某诉某局】提交答辩状、证据和所依据的规范性文件（法定期限）" in unfolded
    assert "原届满日 2026-10-01 为休息日" in unfolded
    assert "依据：《中华人民共和国行政诉讼法》第六十七条第一款" in unfolded
    assert "DTSTAMP:20261126T080000Z" in unfolded

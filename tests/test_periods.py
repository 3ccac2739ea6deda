"""Period counting (calculators/periods.py), hand-worked from the law texts.

Rules: start day not counted, day N = event + N days (cpl/85/2, alp-interp/48/2); month
periods end on the corresponding day or the month's last day (civil-code/202); a last day
on a rest day moves to the first working day after it (cpl/85/3); make-up working days
are working days. Holiday facts from tests/fixtures/holidays-2022-2026.json (tests/conftest.py);
a year without an arrangement has the statutory holidays of the 放假办法 (2024 revision, from
2025: 元旦 1-1, 春节 除夕 to 初三, 清明, 劳动节 5-1/5-2, 端午, 中秋, 国庆 10-1 to 10-3) and weekends.
"""
import datetime as dt
import re

import pytest

from calculators import periods
from calculators.errors import InputError

D = dt.date.fromisoformat

STATUTORY = [
    # start, length, unit, raw, due, uncovered years
    # 9-16 + 15: 9-30 is day 14, 10-01 day 15 = National Day; block 10-01..10-07 -> 10-08 (Thu)
    ("2026-09-16", 15, "日", "2026-10-01", "2026-10-08", set()),
    # 2025 block is 10-01..10-08 -> first working day 10-09 (Thu)
    ("2025-09-16", 15, "日", "2025-10-01", "2025-10-09", set()),
    # ruling appeal 10 days: 2-06 + 10 = 2-16 (Mon, Spring Festival 2-15..2-23) -> 2-24 (Tue)
    ("2026-02-06", 10, "日", "2026-02-16", "2026-02-24", set()),
    # 9-20 + 15: 9-30 is day 10, 10-05 day 15 (Mon, inside the National Day block) -> 10-08
    ("2026-09-20", 15, "日", "2026-10-05", "2026-10-08", set()),
    # 9-25 + 15 = 10-10, a Saturday made a working day: not moved
    ("2026-09-25", 15, "日", "2026-10-10", "2026-10-10", set()),
    # 11-13 + 15 = 11-28, an ordinary Saturday -> Monday 11-30
    ("2026-11-13", 15, "日", "2026-11-28", "2026-11-30", set()),
    # 12-20 + 15: 12-31 is day 11, 2027-01-04 day 15 (Mon); 2027 has no holiday data
    ("2026-12-20", 15, "日", "2027-01-04", "2027-01-04", {2027}),
    # 12-17 + 15 = 2027-01-01 (Fri, 元旦 by law even without the 2027 arrangement); Sat, Sun -> Mon 01-04
    ("2026-12-17", 15, "日", "2027-01-01", "2027-01-04", {2027}),
    # 2027-01-21 + 15 = 02-05 (Fri, 除夕: 春节 is 02-05..02-08 by law); 02-08 is 初三 (Mon) -> Tue 02-09
    ("2027-01-21", 15, "日", "2027-02-05", "2027-02-09", {2027}),
    # 03-21 + 15 = 04-05 (Mon, 清明) -> Tue 04-06
    ("2027-03-21", 15, "日", "2027-04-05", "2027-04-06", {2027}),
    # 04-16 + 15 = 05-01 (Sat, 劳动节 5-1 and 5-2 fall on the weekend) -> Mon 05-03 (a day off in lieu is
    # not known before the arrangement)
    ("2027-04-16", 15, "日", "2027-05-01", "2027-05-03", {2027}),
    # 05-25 + 15 = 06-09 (Wed, 端午) -> Thu 06-10; 08-31 + 15 = 09-15 (Wed, 中秋) -> Thu 09-16
    ("2027-05-25", 15, "日", "2027-06-09", "2027-06-10", {2027}),
    ("2027-08-31", 15, "日", "2027-09-15", "2027-09-16", {2027}),
    # a ruling received right before the holiday: 09-21 + 10 = 10-01 (Fri, 国庆 10-01..10-03) -> Mon 10-04
    ("2027-09-21", 10, "日", "2027-10-01", "2027-10-04", {2027}),
    # a year before 2025 without an arrangement (not in the fixture): no revision of the 放假办法 is held
    # for it, so weekends only: 2019-09-16 + 15 = 10-01 (Tue) stays
    ("2019-09-16", 15, "日", "2019-10-01", "2019-10-01", {2019}),
    # 6 months from 2025-08-31: February has no 31st -> month end 2026-02-28, a make-up Saturday
    ("2025-08-31", 6, "个月", "2026-02-28", "2026-02-28", set()),
    # 1 month from 2026-01-31 -> 2026-02-28 (no 31st; make-up Saturday: not moved)
    ("2026-01-31", 1, "个月", "2026-02-28", "2026-02-28", set()),
    # leap year: 1 month from 2024-01-31 -> 2024-02-29 (Thu, working day)
    ("2024-01-31", 1, "个月", "2024-02-29", "2024-02-29", set()),
    # 6 months from 2026-04-04 -> 10-04 (Sun, National Day block) -> 10-08
    ("2026-04-04", 6, "个月", "2026-10-04", "2026-10-08", set()),
    # 6 months from 2026-03-31: September has no 31st -> month end 9-30 (Wed, working day)
    ("2026-03-31", 6, "个月", "2026-09-30", "2026-09-30", set()),
    # 1 year from 2025-03-01 -> 2026-03-01 (Sun) -> Mon 03-02
    ("2025-03-01", 1, "年", "2026-03-01", "2026-03-02", set()),
    # 5 years from 2024-02-29 -> 2029-02-28 (no 29th; Wed), 2029 without data
    ("2024-02-29", 5, "年", "2029-02-28", "2029-02-28", {2029}),
    # 6 months from 2026-08-01 -> 2027-02-01 (Mon), 2027 without data
    ("2026-08-01", 6, "个月", "2027-02-01", "2027-02-01", {2027}),
]


@pytest.mark.parametrize("start,length,unit,raw,due,years", STATUTORY)
def test_statutory(start, length, unit, raw, due, years):
    p = periods.statutory(D(start), length, unit)
    assert (p.raw, p.due, p.uncovered_years) == (D(raw), D(due), years)
    assert p.moved is (raw != due)
    assert periods.fmt(D(due)) in p.explanation


@pytest.mark.parametrize("start,months,end", [
    ("2026-01-31", 1, "2026-02-28"),
    ("2024-01-31", 1, "2024-02-29"),   # leap year
    ("2028-01-30", 1, "2028-02-29"),   # leap year, no 30th
    ("2024-02-29", 12, "2025-02-28"),  # a year from 29 February
    ("2025-12-31", 2, "2026-02-28"),
    ("2026-11-30", 3, "2027-02-28"),
    ("2026-05-15", 6, "2026-11-15"),
    ("2006-03-31", 240, "2026-03-31"),  # 20 years
])
def test_add_months(start, months, end):
    assert periods.add_months(D(start), months) == D(end)


def test_explanations():
    p = periods.statutory(D("2026-09-16"), 15)
    assert p.explanation == ("自2026年9月16日的次日起算（开始之日不计入），15日期间的最后一日为2026年10月1日"
                             "（周四，国庆节假期）；该日为法定节假日，以其后的第一个工作日2026年10月8日"
                             "（周四，工作日）为期间届满日。")
    assert "调休上班日是工作日，期间不顺延" in periods.statutory(D("2025-08-31"), 6, "个月").explanation
    assert "以月末日2026年2月28日为最后一日" in periods.statutory(D("2025-08-31"), 6, "个月").explanation
    assert "该日为周休息日" in periods.statutory(D("2026-11-13"), 15).explanation


def test_internal_period_is_not_extended():
    # 9-30 + 3 = 10-03 (Sat, National Day): stays 10-03; last working day before it is 9-30
    p = periods.internal(D("2026-09-30"), 3)
    assert (p.raw, p.due, p.moved, p.ends_on_rest_day) == (D("2026-10-03"), D("2026-10-03"), False, True)
    assert "宜在此前最后一个工作日（2026年9月30日）办结" in p.explanation
    q = periods.internal(D("2026-11-23"), 3)  # 11-26, a Thursday
    assert (q.due, q.ends_on_rest_day) == (D("2026-11-26"), False)


@pytest.mark.parametrize("day,count,expected", [
    # before Thu 10-08: 10-01..10-07 holidays; 9-30 (1), 9-29 (2), 9-28 (3)
    ("2026-10-08", 3, "2026-09-28"),
    # before Tue 2-24: 2-15..2-23 holidays; Sat 2-14 is a make-up working day (1), 2-13 (2), 2-12 (3)
    ("2026-02-24", 3, "2026-02-12"),
    # before Thu 11-26: 11-25 (1), 11-24 (2), 11-23 (3)
    ("2026-11-26", 3, "2026-11-23"),
    # before Mon 11-30: 11-28/29 weekend; 11-27 (1), 11-26 (2), 11-25 (3)
    ("2026-11-30", 3, "2026-11-25"),
])
def test_working_days_before(day, count, expected):
    assert periods.working_days_before(D(day), count)[0] == D(expected)


@pytest.mark.parametrize("day,count,expected", [
    ("2026-09-30", 1, "2026-10-08"),   # the whole National Day block is skipped
    ("2026-10-08", 2, "2026-10-10"),   # Fri 10-09 (1), Sat 10-10 make-up working day (2)
    ("2026-11-26", 2, "2026-11-30"),   # Fri 11-27 (1), weekend, Mon 11-30 (2)
])
def test_add_working_days(day, count, expected):
    assert periods.add_working_days(D(day), count)[0] == D(expected)


def test_working_days_report_uncovered_years():
    # back from Tue 2027-01-05: 01-04 (1), 01-01 Fri is 元旦, 2026-12-31 (2), 12-30 (3); 2027 has no arrangement
    assert periods.working_days_before(D("2027-01-05"), 3) == (D("2026-12-30"), {2027})
    # forward from Thu 2027-02-04: 02-05..02-08 春节 and the weekend in it, Tue 02-09 (1)
    assert periods.add_working_days(D("2027-02-04"), 1) == (D("2027-02-09"), {2027})


def test_internal_period_before_a_statutory_holiday_without_arrangement():
    # 2026-12-29 + 3 = 2027-01-01 (元旦): not extended; the last working day before it is Thu 2026-12-31
    p = periods.internal(D("2026-12-29"), 3)
    assert (p.due, p.ends_on_rest_day, p.uncovered_years) == (D("2027-01-01"), True, {2027})
    assert "宜在此前最后一个工作日（2026年12月31日）办结" in p.explanation


@pytest.mark.parametrize("value", ["1989-12-31", "2101-01-01", "0001-01-01", "9999-12-31"])
def test_read_date_range(value):
    with pytest.raises(InputError) as e:
        periods.read_date({"d": value}, "d", "某日期")
    assert e.value.field == "d" and e.value.message == "“某日期”应在1990年1月1日至2100年12月31日之间。"


@pytest.mark.parametrize("value", ["1990-01-01", "2100-12-31"])
def test_read_date_range_ends_are_accepted(value):
    assert periods.read_date({"d": value}, "d", "某日期") == D(value)


def test_period_names_the_statutory_holidays_it_assumed():
    p = periods.statutory(D("2027-01-21"), 15)            # 02-05 -> 02-09 over 春节
    assert [(h.name, h.dates()) for h in p.holidays_applied] == [("春节", "2月5日至8日")]
    assert periods.statutory(D("2026-09-16"), 15).holidays_applied == []   # 2026: arrangement known


def test_uncovered_warning_names_the_years_and_the_holidays_applied():
    w = periods.uncovered_warning({2028, 2027}, deadline="answer")
    text = w["text"]
    assert text.startswith("2027年、2028年的节假日安排（调休）尚未公布或尚未录入。")
    # the statutory holidays counted, by the 2024 revision, with 2027's and 2028's lunar dates
    assert ("2027年元旦（1月1日）、春节（2月5日至8日）、清明节（4月5日）、劳动节（5月1日至2日）、"
            "端午节（6月9日）、中秋节（9月15日）、国庆节（10月1日至3日）") in text
    assert "2028年元旦（1月1日）、春节（1月25日至28日）" in text
    # how the date can still move, both ways
    assert "顺延到更晚" in text and "调休上班日会使本因周末顺延的期间不再顺延、提前届满" in text
    # no file path, no package or other developer words: the administrator is told in words
    assert "管理员可补录" in text and not re.search(r"[A-Za-z/]", text)
    assert (w["code"], w["years"], w["deadline"]) == ("holidays.arrangement_unknown", [2027, 2028], "answer")
    assert w["refs"] == ["holiday-rules/2", "holiday-rules/6"]


def test_uncovered_warning_for_a_year_without_statutory_holidays():
    text = periods.uncovered_warning({2019})["text"]
    assert "本计算未能计入2019年的法定节假日，涉及该年的日期仅按周六、周日休息计算" in text
    assert "将法定节假日计为休息日" not in text

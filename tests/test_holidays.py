"""The working-day calendar (calculators/holidays.py) and its override file.

Holiday facts come from tests/fixtures/holidays-2022-2026.json (tests/conftest.py puts the
calendar on it); the tests of the real data (the package, holidays.json, the browser's copy)
take the ``live_holidays`` fixture. Statutory holidays of a year without an arrangement are
checked against the published 2027 calendar and the fixture's arrangements of 2022–2026.
"""
import datetime as dt
import json
from pathlib import Path

import pytest

from calculators import holidays

D = dt.date.fromisoformat
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "holidays-2022-2026.json"


def test_package_agrees_with_published_dataset_for_every_day_2022_2026(live_holidays):
    """holidays-2022-2026.json: rest days and make-up working days as published (cross-checked
    by its compiler against the State Council notices). Every day of every year must agree."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for year in range(2022, 2027):
        rest = {D(e["date"]): e["name"] for e in data[str(year)]["holidays"]}
        work = {D(w) for w in data[str(year)]["workdays"]}
        assert holidays.covered(year)
        day = dt.date(year, 1, 1)
        while day.year == year:
            expected_rest = day in rest or (day.weekday() >= 5 and day not in work)
            assert holidays.is_rest_day(day) is expected_rest, day
            assert holidays.is_working_day(day) is (not expected_rest), day
            assert holidays.is_makeup_workday(day) is (day in work), day
            assert holidays.holiday_name(day) == (holidays.NAMES_ZH[rest[day]] if day in rest else None), day
            day += dt.timedelta(days=1)


@pytest.mark.parametrize("day,rest,name", [
    ("2026-10-01", True, "国庆节"),    # Thu, National Day
    ("2026-10-05", True, "国庆节"),    # Mon, inside the 10-01..10-07 block
    ("2026-10-08", False, None),       # Thu, first working day after the block
    ("2026-10-10", False, None),       # Sat, make-up working day
    ("2026-02-28", False, None),       # Sat, make-up working day after Spring Festival
    ("2026-02-16", True, "春节"),      # Mon
    ("2026-02-24", False, None),       # Tue, first working day after 02-15..02-23
    ("2026-11-28", True, None),        # an ordinary Saturday
    ("2026-11-26", False, None),       # an ordinary Thursday
    ("2025-10-08", True, "国庆节"),    # 2025 block runs 10-01..10-08
    ("2025-10-06", True, "中秋节"),
    # 2027: no arrangement; the statutory holidays of the 2024 revision are rest days
    ("2027-01-01", True, "元旦"),      # Fri
    ("2027-01-02", True, None),        # Sat, an ordinary weekend day
    ("2027-02-04", False, None),       # Thu before 除夕
    ("2027-02-05", True, "春节"),      # Fri, 除夕
    ("2027-02-06", True, "春节"),      # Sat, 正月初一
    ("2027-02-08", True, "春节"),      # Mon, 初三
    ("2027-02-09", False, None),       # Tue: a day in lieu (第六条) is the arrangement's to fix
    ("2027-04-05", True, "清明节"),    # Mon
    ("2027-05-01", True, "劳动节"),    # Sat
    ("2027-05-02", True, "劳动节"),    # Sun
    ("2027-05-03", False, None),       # Mon
    ("2027-06-09", True, "端午节"),    # Wed
    ("2027-09-15", True, "中秋节"),    # Wed
    ("2027-10-03", True, "国庆节"),    # Sun
    ("2027-10-04", False, None),       # Mon
    # 2021 is not in the fixture and before 2025: no revision held for it, weekends only
    ("2021-10-01", False, None),       # Fri
])
def test_known_days(day, rest, name):
    assert holidays.is_rest_day(D(day)) is rest
    assert holidays.holiday_name(D(day)) == name


def test_coverage():
    """covered: the State Council's arrangement of the year is known (here: the fixture's years)."""
    assert holidays.covered(2022) and holidays.covered(2026)
    assert not holidays.covered(2021) and not holidays.covered(2027)
    assert holidays.source(2026) == "holidays-2022-2026.json" and holidays.source(2027) is None
    assert holidays.statutory_known(2027) and holidays.statutory_known(2100)
    assert not holidays.statutory_known(2024)       # the 2024 revision applies from 2025


def test_statutory_holidays_2027_against_the_published_calendar():
    """The lunar dates of 2027 (tyme4py) as the published calendar gives them: 除夕 2-05,
    正月初一 2-06, 清明 4-05, 端午 6-09, 中秋 9-15; the rows follow 第二条 of the 2024 revision."""
    rows = {h.name: (h.ref, h.days) for h in holidays.statutory_holidays(2027)}
    days = lambda *iso: tuple(D(d) for d in iso)  # noqa: E731
    assert rows == {
        "元旦": ("holiday-rules/2/1/1", days("2027-01-01")),
        "春节": ("holiday-rules/2/1/2", days("2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08")),
        "清明节": ("holiday-rules/2/1/3", days("2027-04-05")),
        "劳动节": ("holiday-rules/2/1/4", days("2027-05-01", "2027-05-02")),
        "端午节": ("holiday-rules/2/1/5", days("2027-06-09")),
        "中秋节": ("holiday-rules/2/1/6", days("2027-09-15")),
        "国庆节": ("holiday-rules/2/1/7", days("2027-10-01", "2027-10-02", "2027-10-03")),
    }
    assert holidays.describe(D("2027-01-01")) == "周五，元旦假期"
    assert holidays.applied(D("2027-01-02"), D("2027-04-05")) == list(holidays.statutory_holidays(2027)[1:3])


def test_statutory_holidays_fall_inside_the_arrangements_2025_2026():
    """Second source for the lunar dates: in the years the 2024 revision governs and the State
    Council's arrangement is known (the fixture), every statutory rest day lies in the holiday
    block of the same name."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for year in (2025, 2026):
        blocks = {}
        for e in data[str(year)]["holidays"]:
            blocks.setdefault(holidays.NAMES_ZH[e["name"]], set()).add(D(e["date"]))
        assert len(holidays.statutory_holidays(year)) == 7
        for h in holidays.statutory_holidays(year):
            assert set(h.days) <= blocks[h.name], (year, h)


def test_lunar_dates_fall_inside_the_arrangements_2022_2026():
    """正月初一, 清明, 端午 and 中秋 of every fixture year are days off of the block of that name."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for year in range(2022, 2027):
        named = {(holidays.NAMES_ZH[e["name"]], D(e["date"])) for e in data[str(year)]["holidays"]}
        anchors = holidays.lunar_anchors(year)
        for name, key in (("春节", "1-1"), ("清明节", "清明"), ("端午节", "5-5"), ("中秋节", "8-15")):
            assert (name, D(anchors[key])) in named, (year, name, anchors[key])


def test_qingming_agrees_with_an_independent_solar_term_formula():
    """清明 from tyme4py (astronomical) equals chinesecalendar's solar-term formula (寿星公式) in
    every year 1990–2100 but 2100, where the formula gives 4 April: 清明 then begins at 00:43
    Beijing time on 5 April by tyme4py, close to midnight, and the astronomical computations (tyme4py, and also lunar-python and
    borax, checked by hand) put it on 5 April."""
    from chinese_calendar import get_solar_terms

    formula = {d.year: d for d, name in get_solar_terms(D("1990-01-01"), D("2100-12-31")) if name == "清明"}
    assert len(formula) == 111
    ours = {y: D(holidays.lunar_anchors(y)["清明"]) for y in formula}
    assert {y for y in formula if ours[y] != formula[y]} == {2100}
    assert (ours[2100], formula[2100]) == (D("2100-04-05"), D("2100-04-04"))


def test_no_statutory_holidays_outside_the_revision_or_the_lunar_table():
    assert holidays.statutory_holidays(2003) == () and holidays.lunar_anchors(2131) is None
    assert holidays.statutory_holidays(2131) == ()


def test_describe():
    assert holidays.describe(D("2026-10-01")) == "周四，国庆节假期"
    assert holidays.describe(D("2026-02-28")) == "周六，调休上班日"
    assert holidays.describe(D("2026-11-28")) == "周六，休息日"
    assert holidays.describe(D("2026-11-26")) == "周四，工作日"


def test_shipped_override_file_is_valid_and_documented(live_holidays):
    raw = json.loads(holidays.OVERRIDES.read_text(encoding="utf-8"))
    assert raw["_comment"] and all(isinstance(line, str) for line in raw["_comment"])
    holidays.overrides()  # raises on any malformed year


@pytest.fixture
def override_file(tmp_path, monkeypatch, live_holidays):
    """Point the calendar at a temporary holidays.json; caches are reset around the test."""
    path = tmp_path / "holidays.json"

    def write(content: dict):
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        holidays.overrides.cache_clear()
        holidays.year_data.cache_clear()

    monkeypatch.setattr(holidays, "OVERRIDES", path)
    yield write
    holidays.overrides.cache_clear()
    holidays.year_data.cache_clear()


def test_administrator_adds_a_year(override_file):
    override_file({"_comment": ["test"], "2027": {
        "source": "测试安排",
        "holidays": [{"date": "2027-01-01", "name": "元旦"}, "2027-01-02", "2027-01-03"],
        "workdays": ["2027-01-09"]}})
    assert holidays.covered(2027)
    assert holidays.is_rest_day(D("2027-01-01")) and holidays.holiday_name(D("2027-01-01")) == "元旦"
    assert holidays.holiday_name(D("2027-01-02")) == "法定节假日"
    assert holidays.is_working_day(D("2027-01-09"))          # Saturday made a working day
    assert holidays.is_rest_day(D("2027-01-10"))             # ordinary Sunday
    assert holidays.source(2027) == "测试安排"


def test_override_replaces_a_package_year(override_file):
    override_file({"2026": {"holidays": ["2026-11-26"], "workdays": []}})
    assert holidays.is_rest_day(D("2026-11-26"))
    assert holidays.is_working_day(D("2026-10-01"))          # the package's 2026 no longer applies


@pytest.mark.parametrize("content", [
    {"2027": {"holidays": ["2027-02-30"]}},                  # no such day
    {"2027": {"holidays": ["2028-01-01"]}},                  # wrong year
    {"2027": {"holidays": ["2027-01-01"], "workdays": ["2027-01-01"]}},
    {"2027": {"holidays": [], "workdays": ["2027-01-04"]}},  # a Monday cannot be a make-up day
    {"27": {"holidays": []}},
    {"2027": ["2027-01-01"]},
])
def test_malformed_override_is_rejected(override_file, content):
    override_file(content)
    with pytest.raises(ValueError):
        holidays.overrides()


def test_browser_snapshot_of_chinesecalendar_is_the_package_data(tmp_path, monkeypatch, live_holidays):
    """The archive's calculators/data/chinesecalendar.json (macros/vendor_hook.py) gives the same
    calendar as the package: the 2026 National Day block (1–7 October) and its make-up
    working days (Sunday 20 September, Saturday 10 October)."""
    import chinese_calendar

    snapshot = tmp_path / "chinesecalendar.json"
    snapshot.write_text(json.dumps(holidays.package_snapshot(), ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(holidays, "SNAPSHOT", snapshot)
    holidays.package_data.cache_clear()
    try:
        data = holidays.package_data()
        assert data.version == chinese_calendar.__version__
        assert data.holidays == dict(chinese_calendar.holidays)
        assert data.workdays == frozenset(chinese_calendar.workdays)
        assert data.holidays[dt.date(2026, 10, 7)] == "National Day" and dt.date(2026, 10, 8) not in data.holidays
        assert {dt.date(2026, 9, 20), dt.date(2026, 10, 10)} <= data.workdays
    finally:
        holidays.package_data.cache_clear()


def test_browser_lunar_table_gives_the_package_dates(tmp_path, monkeypatch):
    """The archive's calculators/data/lunar.json (macros/vendor_hook.py) gives the same statutory
    holidays as tyme4py, for every year it covers."""
    table = tmp_path / "lunar.json"
    snapshot = holidays.lunar_snapshot()
    table.write_text(json.dumps(snapshot, ensure_ascii=False), encoding="utf-8")
    from_package = {y: holidays.statutory_holidays(y) for y in holidays.LUNAR_YEARS}
    monkeypatch.setattr(holidays, "LUNAR_SNAPSHOT", table)
    for cached in (holidays._lunar_table, holidays.lunar_anchors, holidays.statutory_holidays,
                   holidays._statutory_days):
        cached.cache_clear()
    try:
        assert snapshot["package"].startswith("tyme4py ") and len(snapshot["years"]) == len(holidays.LUNAR_YEARS)
        assert holidays._lunar_table() is not None
        assert {y: holidays.statutory_holidays(y) for y in holidays.LUNAR_YEARS} == from_package
        assert holidays.is_rest_day(D("2027-02-05"))
    finally:
        for cached in (holidays._lunar_table, holidays.lunar_anchors, holidays.statutory_holidays,
                       holidays._statutory_days):
            cached.cache_clear()


def test_browser_archive_carries_the_snapshots_not_the_packages(built_site):
    """calculators.zip: the calculators package with the chinesecalendar snapshot (the installed
    package's data) and the lunar table (tyme4py's dates); neither package is shipped."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO((built_site / "assets" / "calculators.zip").read_bytes())) as archive:
        names = archive.namelist()
        snapshot = json.loads(archive.read("calculators/data/chinesecalendar.json"))
        lunar = json.loads(archive.read("calculators/data/lunar.json"))
    assert snapshot == holidays.package_snapshot()
    assert lunar == holidays.lunar_snapshot()
    assert "calculators/holidays.py" in names and "calculators/data/holidays.json" in names
    assert not [n for n in names if n.startswith(("chinese_calendar/", "tyme4py/"))]

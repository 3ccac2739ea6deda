"""The working-day calendar (calculators/holidays.py) and its override file."""
import datetime as dt
import json
from pathlib import Path

import pytest

from calculators import holidays

D = dt.date.fromisoformat
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "holidays-2022-2026.json"


def test_package_agrees_with_published_dataset_for_every_day_2022_2026():
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
    ("2027-01-01", False, None),       # Fri; 2027 has no data: weekends only
    ("2027-01-02", True, None),        # Sat
])
def test_known_days(day, rest, name):
    assert holidays.is_rest_day(D(day)) is rest
    assert holidays.holiday_name(D(day)) == name


def test_coverage():
    assert holidays.covered(2004) and holidays.covered(2026)
    assert not holidays.covered(2027) and not holidays.covered(2003)
    assert holidays.source(2026) == "chinesecalendar 1.11.0"
    assert holidays.source(2027) is None


def test_describe():
    assert holidays.describe(D("2026-10-01")) == "周四，国庆节假期"
    assert holidays.describe(D("2026-02-28")) == "周六，调休上班日"
    assert holidays.describe(D("2026-11-28")) == "周六，休息日"
    assert holidays.describe(D("2026-11-26")) == "周四，工作日"


def test_shipped_override_file_is_valid_and_documented():
    raw = json.loads(holidays.OVERRIDES.read_text(encoding="utf-8"))
    assert raw["_comment"] and all(isinstance(line, str) for line in raw["_comment"])
    holidays.overrides()  # raises on any malformed year


@pytest.fixture
def override_file(tmp_path, monkeypatch):
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


def test_browser_snapshot_of_chinesecalendar_is_the_package_data(tmp_path, monkeypatch):
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


def test_browser_archive_carries_the_snapshot_not_the_package(built_site):
    """calculators.zip: the calculators package with the chinesecalendar snapshot, which is
    the installed package's data; the package itself is not shipped."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO((built_site / "assets" / "calculators.zip").read_bytes())) as archive:
        names = archive.namelist()
        snapshot = json.loads(archive.read("calculators/data/chinesecalendar.json"))
    assert snapshot == holidays.package_snapshot()
    assert "calculators/holidays.py" in names and "calculators/data/holidays.json" in names
    assert not [n for n in names if n.startswith("chinese_calendar/")]

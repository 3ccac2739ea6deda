"""The suite's holiday expectations rest on tests/fixtures/ only (tests/conftest.py).

Adding the 2027 arrangement to calculators/data/holidays.json, or a chinesecalendar release
that covers 2027, must change no expectation: the holiday-dependent test files run in a child
pytest whose calendar sees a copy of holidays.json with a 2027 year and a package snapshot with
a 2027 year, and pass unchanged.
"""
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from calculators import holidays

ROOT = Path(__file__).resolve().parent.parent
# an arrangement of the usual shape (the days are the test's, not a published notice)
ARRANGEMENT_2027 = {
    "source": "测试用2027年安排",
    "holidays": ["2027-01-01", "2027-01-02", "2027-01-03",
                 *(f"2027-02-{d:02d}" for d in range(5, 13)), "2027-04-03", "2027-04-04", "2027-04-05",
                 *(f"2027-05-{d:02d}" for d in range(1, 6)), "2027-06-09",
                 "2027-09-15", *(f"2027-10-{d:02d}" for d in range(1, 8))],
    "workdays": ["2027-02-20", "2027-09-26", "2027-10-09"],
}
HOLIDAY_DEPENDENT = ["tests/test_periods.py", "tests/test_deadlines.py", "tests/test_filing_period.py",
                     "tests/test_holidays.py", "tests/test_documents.py",
                     "tests/test_editions.py::test_the_documented_holiday_example_is_valid_and_the_real_2026_arrangement"]


def test_a_2027_year_in_the_live_data_changes_no_expectation(tmp_path, live_holidays, monkeypatch):
    overrides = json.loads(holidays.OVERRIDES.read_text(encoding="utf-8"))
    overrides["2027"] = ARRANGEMENT_2027
    (tmp_path / "holidays.json").write_text(json.dumps(overrides, ensure_ascii=False), encoding="utf-8")
    package = holidays.package_snapshot()
    package["holidays"].update({d: "Spring Festival" for d in ARRANGEMENT_2027["holidays"][3:11]})
    package["workdays"].append("2027-02-20")
    (tmp_path / "chinesecalendar.json").write_text(json.dumps(package), encoding="utf-8")

    # the copies do give 2027 an arrangement when the calculators read the live data ...
    monkeypatch.setattr(holidays, "OVERRIDES", tmp_path / "holidays.json")
    holidays.overrides.cache_clear()
    holidays.year_data.cache_clear()
    try:
        assert holidays.covered(2027) and holidays.is_rest_day(dt.date(2027, 10, 7))
    finally:
        holidays.overrides.cache_clear()
        holidays.year_data.cache_clear()

    # ... and the holiday-dependent tests, reading the same copies, pass unchanged
    (tmp_path / "live_2027.py").write_text(
        "from pathlib import Path\n"
        "from calculators import holidays\n"
        f"holidays.OVERRIDES = Path({str(tmp_path / 'holidays.json')!r})\n"
        f"holidays.SNAPSHOT = Path({str(tmp_path / 'chinesecalendar.json')!r})\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]))
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "live_2027", "-p", "no:cacheprovider",
                          "-k", "not built_site and not archive", *HOLIDAY_DEPENDENT],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and " failed" not in run.stdout and " error" not in run.stdout

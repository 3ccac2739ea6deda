"""Working-day calendar: which days are rest days for period counting.

Rest days are the official holidays of the 《全国年节及纪念日放假办法》 (holiday-rules/2)
with the State Council's yearly arrangement of bridge days (holiday-rules/6, /7), and
Saturdays and Sundays (《国务院关于职工工作时间的规定》第七条) unless the arrangement makes
them make-up working days (调休上班).

Data, per year:
1. ``calculators/data/holidays.json`` — the one place where an administrator adds a year
   the State Council has announced after the package release (e.g. 2027). A year there
   replaces the package's data for that year completely.
2. otherwise the ``chinesecalendar`` package (pinned 1.11.0, pure Python; covers 2004–2026).
   The browser archive carries the same data as JSON (``SNAPSHOT``, written by
   macros/vendor_hook.py from the installed package with ``package_snapshot``): Pyodide would
   otherwise compile the package's thousand lines of date literals at every start (~0.1 s).
3. a year in neither: only Saturdays and Sundays are rest days — callers must warn
   (see ``covered``).
"""
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

OVERRIDES = Path(__file__).resolve().parent / "data" / "holidays.json"
SNAPSHOT = Path(__file__).resolve().parent / "data" / "chinesecalendar.json"  # in the browser archive only

# chinesecalendar stores English names; the names used in the State Council notices
NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
WEEKDAYS = "一二三四五六日"


class YearData(NamedTuple):
    """One year's arrangement: holiday-block days (with names) and make-up working days."""
    source: str
    holidays: dict        # date -> Chinese name
    workdays: frozenset


class PackageData(NamedTuple):
    """The chinesecalendar package's holidays (date -> English name) and make-up working days."""
    version: str
    holidays: dict
    workdays: frozenset


def package_snapshot() -> dict:
    """The installed chinesecalendar's data as plain JSON-ready values."""
    import chinese_calendar

    return {
        "version": chinese_calendar.__version__,
        "holidays": {d.isoformat(): name for d, name in sorted(chinese_calendar.holidays.items())},
        "workdays": sorted(d.isoformat() for d in chinese_calendar.workdays),
    }


@lru_cache(maxsize=None)
def package_data() -> PackageData:
    """chinesecalendar's data: from SNAPSHOT where the archive carries it, else the package."""
    raw = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.is_file() else package_snapshot()
    return PackageData(
        version=raw["version"],
        holidays={dt.date.fromisoformat(d): name for d, name in raw["holidays"].items()},
        workdays=frozenset(dt.date.fromisoformat(d) for d in raw["workdays"]),
    )


@lru_cache(maxsize=None)
def package_years() -> range:
    """The years chinesecalendar covers (read on first use, not at import)."""
    years = {d.year for d in package_data().holidays}
    return range(min(years), max(years) + 1)


def _parse_override_year(year: int, entry: dict) -> YearData:
    """Validate one year of holidays.json; a mistake there must not pass silently."""
    where = f"holidays.json 中 {year} 年"
    if not isinstance(entry, dict) or not isinstance(entry.get("holidays"), list) \
            or not isinstance(entry.get("workdays", []), list):
        raise ValueError(f"{where}的数据应为 {{\"holidays\": [...], \"workdays\": [...]}}")

    def day(value) -> dt.date:
        try:
            d = dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ValueError(f"{where}：{value!r} 不是 年-月-日 格式的日期") from None
        if d.year != year:
            raise ValueError(f"{where}：{value} 不属于 {year} 年")
        return d

    holidays = {}
    for h in entry["holidays"]:
        if isinstance(h, dict):
            holidays[day(h.get("date"))] = str(h.get("name") or "法定节假日")
        else:
            holidays[day(h)] = "法定节假日"
    workdays = frozenset(day(w) for w in entry.get("workdays", []))
    if both := sorted(set(holidays) & workdays):
        raise ValueError(f"{where}：{both[0]} 不能既是放假日又是调休上班日")
    if weekdays := sorted(w for w in workdays if w.weekday() < 5):
        raise ValueError(f"{where}：调休上班日 {weekdays[0]} 不是周六或周日")
    source = entry.get("source") or "calculators/data/holidays.json"
    return YearData(source=str(source), holidays=holidays, workdays=workdays)


@lru_cache(maxsize=None)
def overrides() -> dict:
    """Years added by an administrator in holidays.json -> YearData."""
    raw = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    out = {}
    for key, entry in raw.items():
        if key.startswith("_"):
            continue
        if not (key.isdigit() and len(key) == 4):
            raise ValueError(f"holidays.json：键 {key!r} 应为四位年份，如 \"2027\"")
        out[int(key)] = _parse_override_year(int(key), entry)
    return out


@lru_cache(maxsize=None)
def year_data(year: int) -> YearData | None:
    """The arrangement for `year`, or None when no data exist for it."""
    if year in overrides():
        return overrides()[year]
    if year in package_years():
        package = package_data()
        holidays = {d: NAMES_ZH.get(n, n) for d, n in package.holidays.items() if d.year == year}
        workdays = frozenset(d for d in package.workdays if d.year == year)
        return YearData(source=f"chinesecalendar {package.version}", holidays=holidays, workdays=workdays)
    return None


def covered(year: int) -> bool:
    """Whether the official holiday arrangement of `year` is known."""
    return year_data(year) is not None


def is_rest_day(day: dt.date) -> bool:
    """A statutory holiday (incl. bridge days), or a weekend day that is not a make-up working day."""
    data = year_data(day.year)
    if data is not None:
        if day in data.workdays:
            return False
        if day in data.holidays:
            return True
    return day.weekday() >= 5


def is_working_day(day: dt.date) -> bool:
    """Not a rest day; make-up working days (调休上班) are working days."""
    return not is_rest_day(day)


def holiday_name(day: dt.date) -> str | None:
    """The holiday whose block contains `day` (e.g. 国庆节), or None."""
    data = year_data(day.year)
    return data.holidays.get(day) if data else None


def is_makeup_workday(day: dt.date) -> bool:
    """A Saturday or Sunday that the State Council made a working day (调休上班)."""
    data = year_data(day.year)
    return bool(data and day in data.workdays)


def weekday_name(day: dt.date) -> str:
    return "周" + WEEKDAYS[day.weekday()]


def describe(day: dt.date) -> str:
    """What kind of day it is, in Chinese: 周四，国庆节假期 / 周六，调休上班日 / 周六，休息日 / 周四，工作日."""
    if is_makeup_workday(day):
        return f"{weekday_name(day)}，调休上班日"
    if name := holiday_name(day):
        return f"{weekday_name(day)}，{name}假期"
    if day.weekday() >= 5:
        return f"{weekday_name(day)}，休息日"
    return f"{weekday_name(day)}，工作日"


def source(year: int) -> str | None:
    """Where the year's arrangement comes from (for explanations)."""
    data = year_data(year)
    return data.source if data else None

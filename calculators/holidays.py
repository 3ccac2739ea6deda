"""Working-day calendar: which days are rest days for period counting.

Rest days are the holidays of the 《全国年节及纪念日放假办法》 ([[holiday-rules/2]]) as the
State Council's yearly arrangement sets them out, with its bridge days and make-up working
days ([[holiday-rules/6]], [[holiday-rules/7]]), and Saturdays and Sundays (《国务院关于职工
工作时间的规定》art. 7, not in the site's data) unless the arrangement makes them make-up working days (调休上班).

The arrangement of a year, in this order:
1. ``calculators/data/holidays.json`` — the one place where an administrator adds a year
   the State Council has announced after the package release (e.g. 2027). A year there
   replaces the package's data for that year completely.
2. otherwise the ``chinesecalendar`` package (pinned 1.11.0, pure Python; covers 2004–2026).
   The browser archive carries the same data as JSON (``SNAPSHOT``, written by
   macros/vendor_hook.py from the installed package with ``package_snapshot``): Pyodide would
   otherwise compile the package's thousand lines of date literals at every start (~0.1 s).

A year in neither (``covered`` is false) still has the statutory holidays the 放假办法 in
force fixes by date (``STATUTORY``: the 2024 revision, applied from 2025 — the years the
package does not cover are 2027 on, and before 2004, for which no revision is held): those
are rest days, and only the arrangement's 调休 (bridge days, make-up working days, and the
weekdays off that [[holiday-rules/6#]] gives for a holiday falling on a weekend) stays
unknown, which callers must say (periods.uncovered_warning). Lunar dates and the solar term
清明 come from the ``tyme4py`` package (pure Python, MIT); the browser archive carries the
dates it gives for ``LUNAR_YEARS`` as JSON (``LUNAR_SNAPSHOT``) instead of the package.

Tests put the module on fixture data with ``use_data`` (tests/conftest.py), so adding a year
to holidays.json or upgrading chinesecalendar changes no test.
"""
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent / "data"
OVERRIDES = DATA / "holidays.json"
SNAPSHOT = DATA / "chinesecalendar.json"    # in the browser archive only
LUNAR_SNAPSHOT = DATA / "lunar.json"        # in the browser archive only

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
ONE_DAY = dt.timedelta(days=1)

# The holidays of all citizens, [[holiday-rules/2/1]] (2024 revision, in force for the years
# from STATUTORY_FROM: its text names the change "2025起"). One row per item: name, the item,
# and how its first day is found — ("date", month, day), ("lunar", lunar month, lunar day) or
# ("term", solar term) — with the offset of the first day from it and the number of days.
STATUTORY_FROM = 2025
STATUTORY = (
    ("元旦", "holiday-rules/2/1/1", ("date", 1, 1), 0, 1),       # 1月1日
    ("春节", "holiday-rules/2/1/2", ("lunar", 1, 1), -1, 4),     # 农历除夕、正月初一至初三
    ("清明节", "holiday-rules/2/1/3", ("term", "清明"), 0, 1),    # 农历清明当日
    ("劳动节", "holiday-rules/2/1/4", ("date", 5, 1), 0, 2),     # 5月1日、2日
    ("端午节", "holiday-rules/2/1/5", ("lunar", 5, 5), 0, 1),    # 农历端午当日
    ("中秋节", "holiday-rules/2/1/6", ("lunar", 8, 15), 0, 1),   # 农历中秋当日
    ("国庆节", "holiday-rules/2/1/7", ("date", 10, 1), 0, 3),    # 10月1日至3日
)
# The years whose lunar dates the browser archive carries: every date the calculators accept
# (inputs.MIN_DATE..MAX_DATE) plus the longest period counted from one (20 years) and a margin.
LUNAR_YEARS = range(1990, 2131)


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


class Holiday(NamedTuple):
    """A statutory holiday of one year as the 放假办法 fixes it, without the arrangement."""
    name: str             # 春节
    ref: str              # holiday-rules/2/1/2
    days: tuple           # its rest days, in order

    def dates(self) -> str:
        """1月1日 / 2月5日至8日 / 9月30日至10月2日."""
        first, last = self.days[0], self.days[-1]
        if first == last:
            return f"{first.month}月{first.day}日"
        end = f"{last.day}日" if last.month == first.month else f"{last.month}月{last.day}日"
        return f"{first.month}月{first.day}日至{end}"


# --- the source of the arrangements: the package and holidays.json, or a test's fixture -------

_fixture: dict | None = None     # year -> YearData, while tests use fixture data


def use_data(path: Path | str | None) -> None:
    """Take every year's arrangement from the file `path` alone (the format of holidays.json;
    English names as chinesecalendar writes them are translated), or with None from the package
    and holidays.json again. For tests: their expectations then rest on fixture data only."""
    global _fixture
    if path is None:
        _fixture = None
    else:
        path = Path(path)
        raw = json.loads(path.read_text(encoding="utf-8"))
        _fixture = {int(k): _parse_override_year(int(k), v, path.name, path.name) for k, v in raw.items() if not k.startswith("_")}
    year_data.cache_clear()


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


def _parse_override_year(year: int, entry: dict, where_file: str = "holidays.json",
                         default_source: str = "calculators/data/holidays.json") -> YearData:
    """Validate one year of holidays.json; a mistake there must not pass silently."""
    where = f"{where_file} 中 {year} 年"
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
            name = str(h.get("name") or "法定节假日")
            holidays[day(h.get("date"))] = NAMES_ZH.get(name, name)
        else:
            holidays[day(h)] = "法定节假日"
    workdays = frozenset(day(w) for w in entry.get("workdays", []))
    if both := sorted(set(holidays) & workdays):
        raise ValueError(f"{where}：{both[0]} 不能既是放假日又是调休上班日")
    if weekdays := sorted(w for w in workdays if w.weekday() < 5):
        raise ValueError(f"{where}：调休上班日 {weekdays[0]} 不是周六或周日")
    source = entry.get("source") or default_source
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
    if _fixture is not None:
        return _fixture.get(year)
    if year in overrides():
        return overrides()[year]
    if year in package_years():
        package = package_data()
        holidays = {d: NAMES_ZH.get(n, n) for d, n in package.holidays.items() if d.year == year}
        workdays = frozenset(d for d in package.workdays if d.year == year)
        return YearData(source=f"chinesecalendar {package.version}", holidays=holidays, workdays=workdays)
    return None


def covered(year: int) -> bool:
    """Whether the State Council's holiday arrangement of `year` is known."""
    return year_data(year) is not None


# --- the statutory holidays without the arrangement ---------------------------------------------

def _lunar_year(year: int) -> dict:
    """The anchors of the lunar holidays of `year` from tyme4py: ISO dates of 正月初一, 五月初五,
    八月十五 (of the lunar year beginning in `year`) and of the solar term 清明."""
    from tyme4py.lunar import LunarDay
    from tyme4py.solar import SolarTerm

    def iso(solar) -> str:
        return dt.date(solar.get_year(), solar.get_month(), solar.get_day()).isoformat()

    out = {f"{m}-{d}": iso(LunarDay.from_ymd(year, m, d).get_solar_day())
           for m, d in sorted({spec[1:] for _, _, spec, _, _ in STATUTORY if spec[0] == "lunar"})}
    out["清明"] = iso(SolarTerm.from_name(year, "清明").get_julian_day().get_solar_day())
    return out


def lunar_snapshot() -> dict:
    """The lunar anchors of every year of LUNAR_YEARS, JSON-ready (for the browser archive)."""
    from importlib.metadata import version

    return {"package": f"tyme4py {version('tyme4py')}",
            "years": {str(y): _lunar_year(y) for y in LUNAR_YEARS}}


@lru_cache(maxsize=None)
def _lunar_table() -> dict | None:
    """The archive's lunar dates (LUNAR_SNAPSHOT), or None outside the browser."""
    if LUNAR_SNAPSHOT.is_file():
        return json.loads(LUNAR_SNAPSHOT.read_text(encoding="utf-8"))["years"]
    return None


@lru_cache(maxsize=None)
def lunar_anchors(year: int) -> dict | None:
    """{"1-1": "2027-02-06", "5-5": …, "8-15": …, "清明": …} for a year of LUNAR_YEARS, else None."""
    if year not in LUNAR_YEARS:
        return None
    table = _lunar_table()
    return table[str(year)] if table is not None else _lunar_year(year)


@lru_cache(maxsize=None)
def statutory_holidays(year: int) -> tuple:
    """The holidays of all citizens in `year` as the 放假办法 in force fixes them (Holiday rows,
    in the order of [[holiday-rules/2/1]]); empty when no revision the project holds applies to
    that year or its lunar dates are unknown."""
    anchors = lunar_anchors(year)
    if year < STATUTORY_FROM or anchors is None:
        return ()
    out = []
    for name, ref, (kind, *spec), offset, length in STATUTORY:
        if kind == "date":
            first = dt.date(year, *spec)
        elif kind == "lunar":
            first = dt.date.fromisoformat(anchors[f"{spec[0]}-{spec[1]}"])
        else:
            first = dt.date.fromisoformat(anchors[spec[0]])
        first += offset * ONE_DAY
        out.append(Holiday(name, ref, tuple(first + i * ONE_DAY for i in range(length))))
    return tuple(out)


@lru_cache(maxsize=None)
def _statutory_days(year: int) -> dict:
    return {day: h.name for h in statutory_holidays(year) for day in h.days}


def statutory_known(year: int) -> bool:
    """Whether the statutory holidays of `year` are known without its arrangement."""
    return bool(statutory_holidays(year))


def applied(start: dt.date, end: dt.date) -> list:
    """The statutory holidays of years without an arrangement that have a day in start..end:
    the rest days this calendar assumed there without knowing the year's 调休."""
    out = []
    for year in range(start.year, end.year + 1):
        if not covered(year):
            out += [h for h in statutory_holidays(year) if h.days[-1] >= start and h.days[0] <= end]
    return out


# --- the calendar ------------------------------------------------------------------------------

def is_rest_day(day: dt.date) -> bool:
    """A holiday of the arrangement (incl. bridge days), or — without an arrangement — a
    statutory holiday, or a weekend day that is not a make-up working day."""
    data = year_data(day.year)
    if data is not None:
        if day in data.workdays:
            return False
        if day in data.holidays:
            return True
    elif day in _statutory_days(day.year):
        return True
    return day.weekday() >= 5


def is_working_day(day: dt.date) -> bool:
    """Not a rest day; make-up working days (调休上班) are working days."""
    return not is_rest_day(day)


def holiday_name(day: dt.date) -> str | None:
    """The holiday whose block contains `day` (e.g. 国庆节), or None; without an arrangement the
    statutory holiday on that day."""
    data = year_data(day.year)
    return data.holidays.get(day) if data else _statutory_days(day.year).get(day)


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

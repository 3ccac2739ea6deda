"""Counting periods (期间).

Statutory periods in an administrative case follow alp/101 → cpl/85, restated for administrative
cases in alp-interp/48:
- the day of the event is not counted; counting starts the next day (cpl/85/2,
  alp-interp/48/2, civil-code/201/1);
- a period of N days ends on event + N calendar days; holidays inside the period count;
- a period of months (or years) ends on the same-numbered day of the target month, or on
  that month's last day when it has no such day (civil-code/202);
- if the last day is a rest day — a statutory holiday or a weekend that is not a make-up
  working day — the period ends on the first working day after it (cpl/85/3,
  alp-interp/48/3, civil-code/203/1). A make-up working day (调休上班) is a working day.

Internal periods of the measures are counted the same way but are never extended (see
``internal``), and working-day helpers serve periods the measures set in working days
(measures/18/1 “3个工作日”).
"""
import datetime as dt
from typing import NamedTuple

from . import holidays, inputs, notices

# basis of the counting rules, cited by every calculator that counts a statutory period
STATUTORY_COUNTING = ["alp/101", "cpl/85", "alp-interp/48"]
MONTH_COUNTING = ["civil-code/202"]

ONE_DAY = dt.timedelta(days=1)


def fmt(day: dt.date) -> str:
    """2026-10-08 -> 2026年10月8日."""
    return f"{day.year}年{day.month}月{day.day}日"


def read_date(params: dict, field_name: str, label: str, *, required: bool = True) -> dt.date | None:
    """inputs.date: a real date between inputs.MIN_DATE and inputs.MAX_DATE, so that no period
    leaves the years the calendar knows."""
    return inputs.date(params, field_name, label, required=required)


def add_days(start: dt.date, days: int) -> dt.date:
    """Last day of a period of `days` days from `start` (start day not counted) — cpl/85/2."""
    return start + dt.timedelta(days=days)


def add_months(start: dt.date, months: int) -> dt.date:
    """Last day of a period of `months` months: the corresponding day of the target month, or
    its last day if it has none — civil-code/202. 2026-01-31 + 1 -> 2026-02-28."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - ONE_DAY).day
    return dt.date(year, month, min(start.day, last))


class Period(NamedTuple):
    """A counted period: `raw` is the arithmetic last day, `due` the last day after the
    rest-day rule (equal to `raw` when not moved or not extendable)."""
    start: dt.date
    length: int
    unit: str            # "日", "个月" or "年"
    raw: dt.date
    due: dt.date
    statutory: bool
    explanation: str
    uncovered_years: set

    @property
    def moved(self) -> bool:
        return self.due != self.raw

    @property
    def ends_on_makeup_workday(self) -> bool:
        return holidays.is_makeup_workday(self.raw)

    @property
    def ends_on_rest_day(self) -> bool:
        """For internal periods: the (unextended) last day is a rest day."""
        return holidays.is_rest_day(self.due)

    @property
    def holidays_applied(self) -> list:
        """The statutory holidays of years without an arrangement that fell in the period (from
        the day after the start to the due date): rest days assumed without the year's 调休."""
        return holidays.applied(self.start + ONE_DAY, max(self.raw, self.due))


def _years(*days: dt.date) -> set:
    return {d.year for d in days if not holidays.covered(d.year)}


def next_working_day(day: dt.date) -> tuple[dt.date, set]:
    """`day` itself if it is a working day, else the first working day after it; with the
    years consulted that have no holiday data."""
    years = _years(day)
    while holidays.is_rest_day(day):
        day += ONE_DAY
        years |= _years(day)
    return day, years


def last_working_day_on_or_before(day: dt.date) -> tuple[dt.date, set]:
    years = _years(day)
    while holidays.is_rest_day(day):
        day -= ONE_DAY
        years |= _years(day)
    return day, years


def _end(start: dt.date, length: int, unit: str) -> dt.date:
    if unit == "日":
        return add_days(start, length)
    if unit == "个月":
        return add_months(start, length)
    if unit == "年":
        return add_months(start, 12 * length)
    raise ValueError(unit)


def _arith(start: dt.date, length: int, unit: str, raw: dt.date) -> str:
    text = f"自{fmt(start)}的次日起算（开始之日不计入），{length}{unit}"
    if unit != "日" and raw.day != start.day:
        text += f"，到期月没有对应日，以月末日{fmt(raw)}为最后一日"
    else:
        text += f"期间的最后一日为{fmt(raw)}"
    return text + f"（{holidays.describe(raw)}）"


def statutory(start: dt.date, length: int, unit: str = "日") -> Period:
    """A statutory period (法定期间): counted per cpl/85 and alp-interp/48 (months per
    civil-code/202); a last day on a rest day moves to the first working day after it."""
    raw = _end(start, length, unit)
    due, years = next_working_day(raw)
    text = _arith(start, length, unit, raw)
    if due != raw:
        kind = "法定节假日" if holidays.holiday_name(raw) else "周休息日"
        text += f"；该日为{kind}，以其后的第一个工作日{fmt(due)}（{holidays.describe(due)}）为期间届满日。"
    elif holidays.is_makeup_workday(raw):
        text += "；调休上班日是工作日，期间不顺延。"
    else:
        text += "，无需顺延。"
    return Period(start, length, unit, raw, due, True, text, years)


def internal(start: dt.date, length: int, unit: str = "日") -> Period:
    """An internal period of the measures (e.g. measures/38/1 “3日内”): counted like a
    statutory period (start day excluded, calendar days) but never extended, because the
    measures do not provide for extension and acting early is always safe for the agency."""
    raw = _end(start, length, unit)
    years = _years(raw)
    text = _arith(start, length, unit, raw)
    if holidays.is_rest_day(raw):
        before, more = last_working_day_on_or_before(raw)
        years |= more
        text += f"；内部期限不因休息日顺延，宜在此前最后一个工作日（{fmt(before)}）办结。"
    else:
        text += "。"
    return Period(start, length, unit, raw, raw, False, text, years)


def working_days_before(day: dt.date, count: int) -> tuple[dt.date, set]:
    """The `count`-th working day before `day` (`day` itself not counted)."""
    years: set = set()
    found = 0
    while found < count:
        day -= ONE_DAY
        years |= _years(day)
        if holidays.is_working_day(day):
            found += 1
    return day, years


def add_working_days(day: dt.date, count: int) -> tuple[dt.date, set]:
    """The `count`-th working day after `day` (`day` itself not counted)."""
    years: set = set()
    found = 0
    while found < count:
        day += ONE_DAY
        years |= _years(day)
        if holidays.is_working_day(day):
            found += 1
    return day, years


def uncovered_warning(years, **about) -> dict:
    """The warning a deadline carries when it depends on a year whose State Council arrangement
    is unknown: which statutory holidays were counted as rest days ([[holiday-rules/2]]), and
    how the date may still move once the arrangement is published (its 调休)."""
    years = sorted(years)
    listed = "、".join(f"{y}年" for y in years)
    known = [(y, holidays.statutory_holidays(y)) for y in years if holidays.statutory_known(y)]
    unknown = [y for y in years if not holidays.statutory_known(y)]
    text = f"{listed}的节假日安排（调休）尚未公布或尚未录入。"
    if known:
        named = "；".join(f"{y}年" + "、".join(f"{h.name}（{h.dates()}）" for h in hs) for y, hs in known)
        text += (f"涉及该年的日期已按[[holiday-rules/2]]将法定节假日计为休息日——{named}——"
                 "其余按周六、周日休息计算。")
    if unknown:
        text += "本计算未能计入" + "、".join(f"{y}年" for y in unknown) + "的法定节假日，涉及该年的日期仅按周六、周日休息计算。"
    text += ("安排公布后，期限仍可能变动：调休放假日，或法定节假日适逢周六、周日时在工作日补放的假日"
             "（[[holiday-rules/6#]]），落在期间最后一日时会使法定期间顺延到更晚；调休上班日会使本因周末"
             "顺延的期间不再顺延、提前届满；内部期限宜办结的最后工作日也可能提前。稳妥起见请按较早的日期办理，"
             "并以国务院办公厅当年的节假日安排通知为准；通知公布后，管理员可补录。")
    return notices.warning("holidays.arrangement_unknown", text, years=years, **about)

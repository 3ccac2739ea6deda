"""The periods the statistics of [[measures/43/1]] are kept for: a year or one of its quarters."""
import datetime as dt

QUARTERS = {"0": "全年", "1": "第一季度", "2": "第二季度", "3": "第三季度", "4": "第四季度"}


def period(year: int, quarter: str) -> tuple[dt.date, dt.date]:
    """First and last day of the year (quarter "0") or of its quarter."""
    if quarter == "0":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    q = int(quarter)
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def label(year: int, quarter: str) -> str:
    """2026年 / 2026年第三季度."""
    return f"{year}年" + ("" if quarter == "0" else QUARTERS[quarter])

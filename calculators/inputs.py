"""Reading calculator parameters: every check raises InputError with a Chinese message.

Shared by all calculators so that the same mistake gets the same words everywhere.
"""
import datetime as dt

from .errors import InputError

_MISSING = object()


def _get(params: dict, field: str, label: str, required: bool):
    value = params.get(field, _MISSING)
    if value is _MISSING or value is None or value == "":
        if required:
            raise InputError(field, f"请填写“{label}”。")
        return _MISSING
    return value


def date(params: dict, field: str, label: str, *, required: bool = True) -> dt.date | None:
    """An ISO date YYYY-MM-DD that exists in the calendar."""
    value = _get(params, field, label, required)
    if value is _MISSING:
        return None
    if not isinstance(value, str):
        raise InputError(field, f"“{label}”应为日期，格式为 年-月-日（如 2026-09-16）。")
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(field, f"“{label}”不是有效日期：{value[:20]}。请按 年-月-日 填写（如 2026-09-16），并确认该日存在。") from None


def boolean(params: dict, field: str, label: str, *, default: bool | None = None) -> bool:
    """true/false; missing gives `default` (or an error when there is none)."""
    value = _get(params, field, label, default is None)
    if value is _MISSING:
        return default
    if not isinstance(value, bool):
        raise InputError(field, f"“{label}”应为“是”或“否”。")
    return value


def integer(params: dict, field: str, label: str, *, required: bool = True, minimum: int = 0,
            default: int | None = None) -> int | None:
    """A whole number not below `minimum` (counts of people, cases, units)."""
    value = _get(params, field, label, required and default is None)
    if value is _MISSING:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value \
            or (isinstance(value, float) and not value.is_integer()):
        raise InputError(field, f"“{label}”应为整数。")
    if abs(value) > 10**12:
        raise InputError(field, f"“{label}”数值过大。")
    if value < minimum:
        raise InputError(field, f"“{label}”不能小于 {minimum}。")
    return int(value)


def amount(params: dict, field: str, label: str, *, default: float | None = None) -> float | None:
    """A non-negative amount of money in yuan."""
    value = _get(params, field, label, default is None)
    if value is _MISSING:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value \
            or value in (float("inf"), float("-inf")):
        raise InputError(field, f"“{label}”应为数字（单位：元）。")
    if value < 0:
        raise InputError(field, f"“{label}”不能为负数。")
    return value


def choice(params: dict, field: str, label: str, options: dict, *, required: bool = True):
    """One of `options` (a mapping value -> Chinese name); returns the value or None."""
    value = _get(params, field, label, required)
    if value is _MISSING:
        return None
    if not isinstance(value, str) or value not in options:
        names = "、".join(f"{k}（{v}）" for k, v in options.items())
        raise InputError(field, f"“{label}”应为以下之一：{names}。")
    return value


def text(params: dict, field: str, label: str, *, required: bool = False, max_length: int = 2000) -> str:
    """Free text; missing gives ''."""
    value = _get(params, field, label, required)
    if value is _MISSING:
        return ""
    if not isinstance(value, str):
        raise InputError(field, f"“{label}”应为文字。")
    if len(value) > max_length:
        raise InputError(field, f"“{label}”过长（不超过 {max_length} 字）。")
    return value.strip()


def not_before(later: dt.date | None, earlier: dt.date | None, field: str, message: str) -> None:
    """A later date may not precede an earlier one."""
    if later and earlier and later < earlier:
        raise InputError(field, message)

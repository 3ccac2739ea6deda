"""Reading calculator parameters: every check raises InputError with a Chinese message that
names the field (its label), so the same mistake gets the same words everywhere.

The rules, one place for all calculators:
- dates: exactly ``YYYY-MM-DD`` in ASCII digits (no ISO week or ordinal dates, no times, no
  full-width digits), a day that exists, between MIN_DATE and MAX_DATE;
- text: no control characters (newline and tab only in multi-line text; a Windows line end
  counts as a newline), no unpaired surrogates (they cannot be written out as UTF-8), no
  characters that override or embed the writing direction (they can make a document read
  otherwise than it was typed), no line or paragraph separators;
- numbers: finite, within the field's range (``minimum``..``maximum``);
- JSON read by the command line and the browser's worker with ``load_json``, which turns an
  integer literal too long to convert into an infinite number, so that the field's range
  check answers instead of a parse error naming no field.
"""
import datetime as dt
import json
import re
import unicodedata

from .errors import InputError

_MISSING = object()

# One date range for every calculator: the dates a case can plausibly involve. Periods counted
# from them (at most 20 years, alp/46/2) stay within the years the calendar knows.
MIN_DATE = dt.date(1990, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)

# Default ranges: counts of people, cases, units; amounts of money in yuan.
MAX_COUNT = 1_000_000
MAX_AMOUNT = 10**13

# Characters that reorder text when displayed (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI).
_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
_LINE_SEPARATORS = {0x2028, 0x2029}
_LONGEST_DIGITS = 30   # longer integer literals in JSON are read as infinite (out of every range)


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _get(params: dict, field: str, label: str, required: bool):
    value = params.get(field, _MISSING)
    if value is _MISSING or value is None or value == "":
        if required:
            raise InputError(field, f"请填写“{label}”。")
        return _MISSING
    return value


def _shown(value: str) -> str:
    """`value` to quote in a message: at most 20 characters, and only if it is plain text."""
    short = value[:20]
    return short if short.isprintable() and not _bad_character(short, multiline=False) else ""


def date(params: dict, field: str, label: str, *, required: bool = True) -> dt.date | None:
    """A date written YYYY-MM-DD that exists in the calendar and lies in MIN_DATE..MAX_DATE."""
    value = _get(params, field, label, required)
    if value is _MISSING:
        return None
    if not isinstance(value, str):
        raise InputError(field, f"“{label}”应为日期，格式为 年-月-日（如 2026-09-16）。")
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        day = dt.date.fromisoformat(value)
    except ValueError:   # quoted back only if it looks like a date typed (a browser's "incomplete" is not)
        shown = _shown(value) if any(c.isdigit() for c in value) else ""
        raise InputError(field, f"“{label}”不是有效日期{'：' + shown if shown else ''}。"
                                "请按 年-月-日 填写（如 2026-09-16），并确认该日存在。") from None
    if not MIN_DATE <= day <= MAX_DATE:
        raise InputError(field, f"“{label}”应在{_cn_date(MIN_DATE)}至{_cn_date(MAX_DATE)}之间。")
    return day


def boolean(params: dict, field: str, label: str, *, default: bool | None = None) -> bool:
    """true/false; missing gives `default` (or an error when there is none)."""
    value = _get(params, field, label, default is None)
    if value is _MISSING:
        return default
    if not isinstance(value, bool):
        raise InputError(field, f"“{label}”应为“是”或“否”。")
    return value


def _number(value, field: str, label: str, kind: str, minimum, maximum, below: str):
    """A finite number within minimum..maximum; `below` is the message for one under the minimum."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise InputError(field, f"“{label}”应为{kind}。")
    if value < minimum:
        raise InputError(field, below)
    if value > maximum:
        raise InputError(field, f"“{label}”不能大于 {maximum}。")
    return value


def integer(params: dict, field: str, label: str, *, required: bool = True, minimum: int = 0,
            maximum: int = MAX_COUNT, default: int | None = None) -> int | None:
    """A whole number in minimum..maximum (counts of people, cases, units)."""
    value = _get(params, field, label, required and default is None)
    if value is _MISSING:
        return default
    value = _number(value, field, label, "整数", minimum, maximum, f"“{label}”不能小于 {minimum}。")
    if isinstance(value, float) and not value.is_integer():
        raise InputError(field, f"“{label}”应为整数。")
    return int(value)


def amount(params: dict, field: str, label: str, *, default: float | None = None,
           maximum: int = MAX_AMOUNT) -> float | None:
    """An amount of money in yuan, 0..maximum."""
    value = _get(params, field, label, default is None)
    if value is _MISSING:
        return default
    return _number(value, field, label, "数字（单位：元）", 0, maximum, f"“{label}”不能为负数。")


def choice(params: dict, field: str, label: str, options: dict, *, required: bool = True):
    """One of `options` (a mapping value -> Chinese name); returns the value or None."""
    value = _get(params, field, label, required)
    if value is _MISSING:
        return None
    if not isinstance(value, str) or value not in options:
        names = "、".join(f"{k}（{v}）" for k, v in options.items())
        raise InputError(field, f"“{label}”应为以下之一：{names}。")
    return value


def _bad_character(value: str, *, multiline: bool) -> tuple[int, str] | None:
    """(position, what is wrong) of the first character text may not contain, or None."""
    for i, ch in enumerate(value):
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return i, f"无法识别的字符（U+{code:04X}），可能是复制粘贴时产生的乱码"
        if code in _BIDI:
            return i, f"改变文字显示方向的隐藏字符（U+{code:04X}）"
        if ch in "\n\t" and multiline:
            continue
        if ch == "\n":
            return i, "换行（此处只能填写一行文字）"
        if code in _LINE_SEPARATORS:
            return i, f"特殊的分行符（U+{code:04X}）"
        if unicodedata.category(ch) == "Cc":
            return i, f"不可见的控制字符（U+{code:04X}）"
    return None


def text(params: dict, field: str, label: str, *, required: bool = False, max_length: int = 2000,
         multiline: bool = False) -> str:
    """Free text, stripped; missing gives ''. Only `multiline` text may hold newlines and tabs."""
    value = _get(params, field, label, required)
    if value is _MISSING:
        return ""
    if not isinstance(value, str):
        raise InputError(field, f"“{label}”应为文字。")
    if len(value) > max_length:
        raise InputError(field, f"“{label}”过长（不超过 {max_length} 字）。")
    if multiline:
        value = value.replace("\r\n", "\n")
    if found := _bad_character(value, multiline=multiline):
        position, what = found
        raise InputError(field, f"“{label}”第{position + 1}个字符是{what}，请删除后重新填写。")
    return value.strip()


def not_before(later: dt.date | None, earlier: dt.date | None, field: str, message: str) -> None:
    """A later date may not precede an earlier one."""
    if later and earlier and later < earlier:
        raise InputError(field, message)


def _integer_literal(digits: str):
    """JSON integers: too long to be any field's value -> ±infinity (out of every range)."""
    if len(digits.lstrip("-")) > _LONGEST_DIGITS:
        return float("-inf") if digits.startswith("-") else float("inf")
    return int(digits)


def load_json(raw: str):
    """json.loads for parameters; a ValueError means the text is not JSON."""
    return json.loads(raw, parse_int=_integer_literal)

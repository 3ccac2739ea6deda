"""What the calculator pages ask of Python besides ``calculators.run``: the result together
with its presentation model, and the calendar file of a deadlines result. The browser worker
dispatches the names in ACTIONS here and every other name to ``calculators.run``."""
import datetime as dt

from . import ics, ledger, present, validate
from .errors import InputError
from .registry import run


def view(params: dict) -> dict:
    """{"name", "params"} -> {"result", "view"}: the answer first, then why; or, for input the
    calculator refuses, {"errors": [{field, message, missing}]}: every error found at once
    (calculators/validate.py), the page lists them all."""
    name = params.get("name")
    values = params.get("params") or {}
    try:
        result = run(name, values)
    except InputError as first:
        if first.field is None or not isinstance(values, dict):
            raise   # not about one field of the form (an unknown calculator, not an object)
        found = validate.errors(name, values)
        if first.field not in {e["field"] for e in found}:
            found.insert(0, {**first.as_dict(), "missing": values.get(first.field) in (None, "")})
        return {"errors": found}
    return {"result": result, "view": present.view(name, result)}


def errors(params: dict) -> dict:
    """{"name", "params"} -> {"errors": [{field, message, missing}]}: every input error at once,
    for a page that runs the calculator itself (the documents page); [] when it accepts them."""
    name = params.get("name")
    values = params.get("params")
    if not isinstance(values, dict):
        raise InputError(None, "表单内容无法读取，请刷新页面后重试。")
    return {"errors": validate.errors(name, values)}


def calendar(params: dict) -> dict:
    """{"result": deadlines result, "stamp": ISO UTC time, "case_name"?} -> {"text": iCalendar}."""
    result = params.get("result")
    if not isinstance(result, dict) or not isinstance(result.get("deadlines"), list):
        raise InputError(None, "请先完成期限计算，再下载日历文件。")
    try:
        stamp = dt.datetime.fromisoformat(str(params.get("stamp", "")).replace("Z", "+00:00"))
    except ValueError:
        stamp = dt.datetime(2000, 1, 1)
    return {"text": ics.calendar(result, stamp=stamp, case_name=str(params.get("case_name") or ""))}


ACTIONS = {"page.view": view, "page.errors": errors, "page.ics": calendar, **ledger.ACTIONS}   # the ledger pages' batch work

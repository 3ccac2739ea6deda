"""What the browser's Web Worker (overrides/assets/javascripts/calc-worker.js) calls: JSON text
in, JSON text out, so no Python object crosses into JavaScript.

The build imports this module in Pyodide under Node and keeps the interpreter's memory as a
snapshot (macros/snapshot.mjs); the browser starts from that snapshot instead of starting
Python and importing the calculators itself.
"""
import datetime as dt
import json
import traceback

from . import holidays, inputs, page, parameters, provisions, registry
from .errors import InputError
from .registry import run

NAMES = registry.names()   # imports every calculator module (they are in the snapshot)

# The SHA-256 of the calculators.zip a snapshot of this memory was made from (set by
# macros/snapshot.mjs): the worker uses a snapshot only if it matches the archive it serves.
ARCHIVE_SHA256 = None


def _plain(value):
    """JSON for the values results carry besides str/int/list/dict."""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"不能转换为 JSON 的结果类型：{type(value).__name__}")


def answer(name: str, params_json: str) -> str:
    """'{"ok": true, "result": …}', or the input error for the field, or an internal error with
    its traceback (the worker logs it and shows the user a plain message)."""
    try:
        params = inputs.load_json(params_json)
        action = page.ACTIONS.get(name)
        result = action(params) if action else run(name, params)
        return json.dumps({"ok": True, "result": result}, ensure_ascii=False, default=_plain)
    except InputError as error:
        return json.dumps({"ok": False, "error": {"field": error.field, "message": error.message, "kind": "input"}},
                          ensure_ascii=False)
    except Exception:
        return json.dumps({"ok": False, "internal": True, "traceback": traceback.format_exc()}, ensure_ascii=False)


def warm() -> None:
    """Read the data files every answer needs (provision texts, the holiday arrangement of the
    years the measures are in force), so the first answer after a start does not."""
    for key in ["measures", *provisions.law_keys()]:
        for edition in provisions.editions(key):
            provisions.exists(f"{edition.id}/1")   # reads and indexes the instrument
    parameters.table()
    for year in {*holidays.package_years(), *holidays.overrides()}:
        holidays.year_data(year)
    holidays.statutory_holidays(holidays.package_years().stop)   # reads the lunar dates

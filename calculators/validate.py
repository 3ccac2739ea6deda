"""Every input error of a form at once, for the calculator pages (the calculators themselves
stop at the first one: ``run`` raises one InputError, and stays so for every other caller).

The page lists all of them above the form and beside each field, so that an empty form is
answered in one go, not one field per click. The words are the calculators' own:

1. each field the form shows, alone: a required one left empty ("请填写“…”。", the words of
   calculators/inputs.py), a date that is not a date or out of range (inputs.date, which every
   calculator reads dates with); and what a spec's ``more_errors`` finds in inputs its fields do
   not describe (every row and column of the documents form's lists);
2. then, when every required field is filled, the calculator's own checks (numbers, choices,
   one date before another …): it is run again without each field it objected to, as long as
   that field is optional, so that a second and third mistake are found too. A choice the
   calculator needs (the kind of ruling, once its date is given) is taken as its first option
   to read on. Any other required field at fault ends the search: the calculator cannot go on
   without it, and a date made up in its place could produce errors about fields the reader
   got right.
"""
from __future__ import annotations

from . import inputs
from .errors import InputError
from .registry import spec
from .spec import Field, shown

_EMPTY = (None, "")


def _value(params: dict, field: str):
    """The value at `field`, also a cell of a list of rows ("agents.0.name")."""
    value = params
    for part in field.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _error(field: str | None, message: str, params: dict) -> dict:
    """An error for the page; `missing`: the field is simply not filled in yet (the page may
    say "please fill in" before the reader has got there, rather than show an error)."""
    return {"field": field, "message": message, "missing": field is not None and _value(params, field) in _EMPTY}


def _alone(f: Field, params: dict) -> InputError | None:
    """The error of field `f` read on its own, or None."""
    try:
        if f.required and f.kind != "bool" and params.get(f.name) in _EMPTY:
            inputs.text({}, f.name, f.label, required=True)   # raises the calculators' "请填写" words
        if f.kind == "date":
            inputs.date(params, f.name, f.label, required=False)
    except InputError as error:
        return error
    return None


def errors(name: str, params: dict) -> list[dict]:
    """[{field, message, missing}] for every input error of `params` found, in the order of the
    form (an error naming no field last); [] when the calculator accepts them."""
    try:
        spec(name).run(params)
        return []   # (a field the form requires may be one the calculator can do without)
    except InputError:
        pass
    fields = spec(name).fields
    order = {f.name: i for i, f in enumerate(fields)}
    found = [_error(f.name, e.message, params) for f in fields if shown(f, params) and (e := _alone(f, params))]
    if spec(name).more_errors:
        found += [_error(e.field, e.message, params) for e in spec(name).more_errors(params)]
    if not any(e["missing"] for e in found):
        bad = {e["field"] for e in found}
        trial = dict(params)
        for _ in range(len(fields) + 1):
            try:
                spec(name).run({k: v for k, v in trial.items() if k not in bad})
                break
            except InputError as error:
                if error.field in bad or any(e["field"] == error.field for e in found):
                    break
                found.append(_error(error.field, error.message, params))
                f = next((f for f in fields if f.name == error.field), None)
                if f is not None and f.kind == "choice" and error.field not in trial:
                    trial[f.name] = next(iter(f.options))   # needed here: any option reads on
                elif error.field is None or error.field not in trial:
                    break   # nothing left to take away: the calculator needs this field
                else:
                    bad.add(error.field)
    return sorted(found, key=lambda e: order.get(e["field"], len(order)))

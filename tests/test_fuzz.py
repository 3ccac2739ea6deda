"""Random and malformed input to every registered calculator.

The only allowed outcomes: a JSON-serialisable result whose "basis" lists citations of
existing provisions, or InputError naming a field with a Chinese message. Anything else
(TypeError, OverflowError, KeyError …) is a defect. The test iterates over whatever is in
calculators.registry.specs(), so calculators added later are covered too.
"""
import inspect
import json
import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import InputError, provisions, run
from calculators import registry

NAMES = registry.names()
CJK = re.compile(r"[\u4e00-\u9fff]")


def _module_source(name: str) -> str:
    return inspect.getsource(sys.modules[registry.spec(name).run.__module__])


def field_names(name: str) -> dict[str, str]:
    """Parameter names the calculator reads, with the reader used: inputs.date(params, "f", …),
    read_date(params, "f", …), params.get("f") -> {"f": "date", …}."""
    src = _module_source(name)
    found = {f: kind for kind, f in re.findall(r'(\w+)\(\s*params\s*,\s*"(\w+)"', src)}
    found.update({f: "get" for f in re.findall(r'params\.get\(\s*"(\w+)"', src) if f not in found})
    return found


def choices(name: str, field: str) -> list[str]:
    """Options of a choice field: the module-level mapping passed to inputs.choice(params, field, label, MAPPING)."""
    src = _module_source(name)
    m = re.search(rf'choice\(\s*params\s*,\s*"{field}"\s*,\s*"[^"]*"\s*,\s*(\w+)', src)
    options = getattr(sys.modules[registry.spec(name).run.__module__], m[1], None) if m else None
    return sorted(options) if isinstance(options, dict) and options else literals(name)


def literals(name: str) -> list[str]:
    """Short ASCII string literals of the module: candidate values for choice fields."""
    return sorted(set(re.findall(r'"([a-z][a-z_]{1,30})"', _module_source(name))))


json_scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(), st.integers(min_value=-10**30, max_value=10**30), st.integers(min_value=-3, max_value=30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
)
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)), max_leaves=12)
valid_dates = st.dates(min_value=__import__("datetime").date(1990, 1, 1),
                       max_value=__import__("datetime").date(2035, 12, 31)).map(lambda d: d.isoformat())
date_like = st.one_of(
    valid_dates, valid_dates, valid_dates,
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"),
    st.from_regex(r"\A-?\d{1,6}-\d{1,3}-\d{1,3}\Z"),
    st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-29", "2024-02-29", "2026-13-01", "2026-00-10",
                     "2026-9-16", "2026/09/16", "20260916", " 2026-09-16", "2026-09-16T00:00", "２０２６-０９-１６"]),
)


def typed(name: str, field: str, kind: str):
    """A plausible value for a field read with `kind`, so that the calculators' logic is reached."""
    if kind in ("date", "read_date"):
        return valid_dates
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(min_value=0, max_value=60)
    if kind == "amount":
        return st.one_of(st.integers(min_value=0, max_value=10**8), st.floats(min_value=0, max_value=1e8))
    if kind == "choice":
        return st.sampled_from(choices(name, field) or ["x"])
    return st.one_of(st.text(max_size=20), st.sampled_from(literals(name) or ["x"]))


def junk(name: str):
    return st.one_of(date_like, json_values, st.sampled_from(literals(name) or ["x"]), st.booleans(),
                     st.integers(min_value=-5, max_value=40))


_MISSING = object()


def _weighted(good, bad):
    """8 in 10 well-typed, 1 junk, 1 missing (st.one_of would weight the branches' sizes, not us)."""
    return st.integers(min_value=0, max_value=9).flatmap(
        lambda i: good if i < 8 else bad if i == 8 else st.just(_MISSING))


def params_for(name: str):
    """Mostly well-typed values (to get past the first check), sometimes junk or missing fields."""
    fields = field_names(name)
    per_field = {f: _weighted(typed(name, f, k), junk(name)) for f, k in fields.items()}
    known = st.fixed_dictionaries(per_field).map(lambda d: {k: v for k, v in d.items() if v is not _MISSING})
    extra = st.dictionaries(st.text(max_size=12), json_values, max_size=3)
    return st.one_of(known, known, known, st.tuples(known, extra).map(lambda t: {**t[1], **t[0]}), extra)


def check(name: str, params) -> None:
    try:
        result = run(name, params)
    except InputError as e:
        assert isinstance(e.field, str) and e.field, (params, e.message)
        assert isinstance(e.message, str) and CJK.search(e.message), (params, e.message)
        return
    assert isinstance(result, dict)
    json.dumps(result, ensure_ascii=False, allow_nan=False)
    assert isinstance(result["basis"], list) and result["basis"]
    for entry in result["basis"]:
        assert {"ref", "label", "text", "url"} <= set(entry) <= {"ref", "label", "text", "url", "edition"}
        assert provisions.exists(entry["ref"]) and entry == provisions.cite(entry["ref"])


def test_calculators_are_registered():
    assert {"deadlines", "filing_period"} <= set(NAMES)
    assert "complaint_served" in field_names("deadlines")
    assert choices("deadlines", "ruling_kind") == ["judgment", "order"]


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_params(name, data):
    check(name, data.draw(params_for(name)))


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=50, deadline=None)
@given(params=json_values)
def test_any_json_value_as_params(name, params):
    """Whatever JSON arrives (not only objects), the outcome is a result or an InputError."""
    try:
        result = run(name, params)
    except InputError as e:
        assert CJK.search(e.message)
        if isinstance(params, dict):
            assert e.field
        return
    assert isinstance(params, dict) and isinstance(result, dict)


# --- properties of the two date calculators over valid, well-ordered input ---------------------

import datetime as dt  # noqa: E402

from calculators import holidays  # noqa: E402

days = st.integers(min_value=0, max_value=400)
base_dates = st.dates(min_value=dt.date(2004, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(max_examples=200, deadline=None)
@given(served=base_dates, hearing=days, ruling=days, effective=days, kind=st.sampled_from(["judgment", "order"]),
       absent=st.booleans())
def test_deadlines_properties(served, hearing, ruling, effective, kind, absent):
    hearing_date = served + dt.timedelta(days=hearing)
    ruling_served = hearing_date + dt.timedelta(days=ruling)
    ruling_effective = ruling_served + dt.timedelta(days=effective)
    r = run("deadlines", {"complaint_served": served.isoformat(), "hearing_date": hearing_date.isoformat(),
                          "ruling_served": ruling_served.isoformat(), "ruling_kind": kind,
                          "ruling_effective": ruling_effective.isoformat(), "principal_absent": absent})
    d = {x["id"]: x for x in r["deadlines"]}
    assert set(d) == {"answer", "register", "risk_report", "appeal", "appeal_proposal", "retrial",
                      "annual_report"} | ({"absence_report"} if absent else set())
    for x in r["deadlines"]:
        due = dt.date.fromisoformat(x["due"])
        if x["kind"] == "statutory":
            raw = dt.date.fromisoformat(x.get("adjusted_from", x["due"]))
            assert raw <= due and holidays.is_working_day(due)
            # every day from the arithmetic last day up to the due date is a rest day
            assert all(holidays.is_rest_day(raw + dt.timedelta(days=i)) for i in range((due - raw).days))
        else:
            assert "adjusted_from" not in x
    D = dt.date.fromisoformat
    assert D(d["answer"].get("adjusted_from", d["answer"]["due"])) == served + dt.timedelta(days=15)
    assert D(d["register"]["due"]) == served + dt.timedelta(days=3)
    assert D(d["appeal_proposal"]["due"]) == ruling_served + dt.timedelta(days=5)
    appeal_days = 15 if kind == "judgment" else 10
    assert D(d["appeal"].get("adjusted_from", d["appeal"]["due"])) == ruling_served + dt.timedelta(days=appeal_days)
    risk, answer = D(d["risk_report"]["due"]), D(d["answer"]["due"])
    between = [risk + dt.timedelta(days=i) for i in range(1, (answer - risk).days)]
    assert holidays.is_working_day(risk) and sum(map(holidays.is_working_day, between)) == 2
    assert d["annual_report"]["due"] == f"{served.year + 1}-01-10"
    # a deadline in a year without the arrangement is always warned about, on that deadline; a
    # warning names only years without it (it may also concern a day consulted on the way, such as
    # the last working day before an internal deadline that falls on a rest day)
    unknown = [w for w in r["warnings"] if w["code"] == "holidays.arrangement_unknown"]
    assert all(not holidays.covered(y) for w in unknown for y in w["years"])
    for x in r["deadlines"]:
        years = {D(x["due"]).year, D(x.get("adjusted_from", x["due"])).year}
        if any(not holidays.covered(y) for y in years):
            assert any(w.get("deadline") == x["id"] and years & set(w["years"]) for w in unknown), x["id"]


@settings(max_examples=200, deadline=None)
@given(act=base_dates, known=days, filed=st.integers(min_value=0, max_value=3000), informed=st.booleans(),
       real_estate=st.booleans(), with_act=st.booleans())
def test_filing_period_properties(act, known, filed, informed, real_estate, with_act):
    known_date = act + dt.timedelta(days=known)
    filed_date = known_date + dt.timedelta(days=filed)
    params = {"known_date": known_date.isoformat(), "filed_date": filed_date.isoformat(),
              "informed_of_period": informed, "real_estate": real_estate}
    if with_act:
        params["act_date"] = act.isoformat()
    r = run("filing_period", params)
    deadline = dt.date.fromisoformat(r["deadline"])
    assert r["timely"] is (filed_date <= deadline)
    assert holidays.is_working_day(deadline)
    assert [l["due"] for l in r["limits"] if l["binding"]] == [r["deadline"]]
    assert r["deadline"] == min(l["due"] for l in r["limits"])
    # the period itself: 6 months (informed) or at most 1 year from knowing, never earlier than that
    # arithmetic day unless the 5/20-year cap binds
    if not with_act:
        months = 6 if informed else 12
        from calculators.periods import add_months
        raw = add_months(known_date, months)
        assert dt.date.fromisoformat(r.get("adjusted_from", r["deadline"])) == raw


# --- the command line: any string or number in any field exits 0 or 2 ------------------------

import io  # noqa: E402
from contextlib import redirect_stdout  # noqa: E402
from unittest import mock  # noqa: E402

import calculators.__main__ as cli  # noqa: E402

# strings that have broken or slipped through before, and characters of every kind
HOSTILE_STRINGS = ["\ud800", "\udfff", "a\ud83d", "2026-W10-1", "2026-267", "2026-09-16T00:00", "２０２６-０９-１６",
                   "\u202e2026-09-16", "2026-09-16\u2066", "\x00", "a\x1bb", "\x7f", "\x85", "line\nbreak", "tab\tx",
                   "\r\n", "\u2028", "", " ", "true", "null", "judgment", "2100-12-31", "1990-01-01", "2101-01-01"]
any_string = st.one_of(st.sampled_from(HOSTILE_STRINGS),
                       st.text(alphabet=st.characters(exclude_categories=()), max_size=40))
# number literals as they can arrive in the JSON text (a 5,000-digit integer cannot be written by json.dumps)
any_number = st.one_of(
    st.integers().map(str), st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
    st.integers(min_value=1, max_value=6000).map(lambda n: "-" + "1" * n),
    st.sampled_from(["1e5000", "-1e5000", "NaN", "Infinity", "-Infinity", "0", "-0", "1.5", "1e-400"]),
)
PLACEHOLDER = "\u0000placeholder\u0000"


def cli_main(name: str, stdin: bytes) -> tuple[int, dict]:
    """calculators.__main__.main in process: exit status and the one JSON object it printed."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with mock.patch.object(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")), \
            redirect_stdout(out), mock.patch.object(sys, "stdout", out):
        code = cli.main([name])
    printed = out.buffer.getvalue().decode("utf-8")   # must be valid UTF-8
    assert printed.endswith("\n") and printed.count("\n") == 1, printed
    return code, json.loads(printed)


def _one_field_replaced(name: str, data, value_literal: str) -> bytes:
    """Plausible values in every field, one field (or a list's column) holding `value_literal`."""
    fields = field_names(name)
    params = {f: data.draw(typed(name, f, k), label=f) for f, k in fields.items() if k not in ("read", "get")}
    target = data.draw(st.sampled_from(sorted(fields)), label="field")
    if fields[target] == "read":     # a list of rows: the value goes into one column of one row
        column = data.draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=10)
                           | st.sampled_from(["name", "post", "kind", "authority", "category", "source",
                                              "object", "content", "purpose"]), label="column")
        params[target] = [{column: PLACEHOLDER}]
    else:
        params[target] = PLACEHOLDER
    text = json.dumps(params, ensure_ascii=True)
    return text.replace(json.dumps(PLACEHOLDER, ensure_ascii=True), value_literal).encode("utf-8")


def _exit_0_or_2(name: str, stdin: bytes) -> None:
    code, out = cli_main(name, stdin)
    assert code in (0, 2), (stdin[:300], out)
    if code == 2:
        assert set(out) == {"error"} and CJK.search(out["error"]["message"])
        if stdin.lstrip().startswith(b"{"):
            assert out["error"]["field"], out        # a field's value: the message names the field


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), value=any_string)
def test_cli_any_string_in_any_field_exits_0_or_2(name, data, value):
    _exit_0_or_2(name, _one_field_replaced(name, data, json.dumps(value, ensure_ascii=True)))


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), literal=any_number)
def test_cli_any_number_in_any_field_exits_0_or_2(name, data, literal):
    _exit_0_or_2(name, _one_field_replaced(name, data, literal))

"""The forms the pages render (each calculator's spec) ask for exactly what the calculators read,
in the same words, and cite provisions that exist."""
import pytest

import calculators
from calculators import citations, provisions, registry

FORMS = {s.name: s for s in registry.specs()}
FIELDS = [(form.name, f) for form in FORMS.values() for f in form.fields]

# a value of the wrong type for each kind of field
WRONG = {"date": "2026-02-30", "bool": "是", "int": -5, "amount": "很多", "choice": "nonsense", "text": 42}

# smallest valid input of each calculator (its spec's example), to which one bad field is added
VALID = {name: form.example for name, form in FORMS.items()}


def test_every_calculator_has_a_spec_with_fields_and_an_example_that_runs():
    assert set(FORMS) >= {"deadlines", "undertaker", "principal_appearance", "appearance_quota", "filing_period",
                          "documents"}
    for name, form in FORMS.items():
        assert form.fields and form.title and form.purpose
        assert calculators.run(name, form.example)["basis"]


@pytest.mark.parametrize("name,field", FIELDS, ids=lambda x: getattr(x, "name", x))
def test_bad_value_is_reported_on_that_field_in_the_forms_words(name, field):
    params = dict(VALID[name])
    if field.show_if:   # one value that shows the field (show_if may list several)
        want = field.show_if[1]
        params[field.show_if[0]] = want[0] if isinstance(want, list) else want
    params[field.name] = WRONG[field.kind]
    with pytest.raises(calculators.InputError) as err:
        calculators.run(name, params)
    assert err.value.field == field.name
    assert f"“{field.label}”" in err.value.message


@pytest.mark.parametrize("name,field", FIELDS, ids=lambda x: getattr(x, "name", x))
def test_help_cites_a_real_provision(name, field):
    assert field.ref is None or provisions.exists(field.ref)
    citations.render(field.help)   # every provision its words name exists
    assert field.kind in WRONG
    if field.kind == "choice":
        assert field.options and (field.default is None or field.default in field.options)


def test_forms_cite_what_they_encode():
    for form in FORMS.values():
        assert form.refs and all(provisions.exists(r) for r in form.refs)


@pytest.mark.parametrize("name", sorted(VALID))
def test_defaults_give_a_result(name):
    """A form filled with its defaults alone (and today's date) calculates without error."""
    params = {}
    for f in FORMS[name].fields:
        if f.default == "today":   # the documents form still starts its dates at the reader's today
            params[f.name] = "2026-11-26"
        elif f.default is not None and not f.show_if:
            params[f.name] = f.default
    params = {**params, **VALID[name]}
    assert calculators.run(name, params)["basis"]

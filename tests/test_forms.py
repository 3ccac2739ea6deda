"""The forms the pages render (calculators/forms.py) ask for exactly what the calculators read,
in the same words, and cite provisions that exist."""
import pytest

import calculators
from calculators import provisions
from calculators.forms import FORMS

FIELDS = [(form.name, f) for form in FORMS.values() for f in form.fields]

# a value of the wrong type for each kind of field
WRONG = {"date": "2026-02-30", "bool": "是", "int": -5, "amount": "很多", "choice": "nonsense", "text": 42}

# smallest valid input of each calculator, to which one bad field is added
VALID = {
    "deadlines": {"complaint_served": "2026-09-16"},
    "undertaker": {"defendant": "county_gov", "reconsidered": True, "government_role": "sole"},
    "principal_appearance": {"plaintiff_count": 1},
    "appearance_quota": {"agency": "other", "cases": 3, "principal_appearances": 1},
    "filing_period": {"known_date": "2026-01-10", "filed_date": "2026-03-01"},
    "statistics": {"year": 2026, "agency": "city_department", "cases": []},
    "documents": {"court": "聊城市东昌府区人民法院", "case_number": "（2026）鲁1502行初1号", "plaintiffs": "张某",
                  "agency_name": "聊城市某局", "representative_name": "李某", "representative_title": "局长",
                  "defendant": "department", "complaint_served": "2026-09-16",
                  "agents": [{"name": "王某", "post": "法规科科长", "kind": "staff"}]},
}


def test_every_calculator_has_a_form():
    calculators.run("deadlines", VALID["deadlines"])  # loads the registry
    assert set(FORMS) == set(calculators.CALCULATORS) == set(VALID)


@pytest.mark.parametrize("name,field", FIELDS, ids=lambda x: getattr(x, "name", x))
def test_bad_value_is_reported_on_that_field_in_the_forms_words(name, field):
    params = dict(VALID[name])
    if field.show_if:
        params[field.show_if[0]] = field.show_if[1]
    params[field.name] = WRONG[field.kind]
    with pytest.raises(calculators.InputError) as err:
        calculators.run(name, params)
    assert err.value.field == field.name
    assert f"“{field.label}”" in err.value.message


@pytest.mark.parametrize("name,field", FIELDS, ids=lambda x: getattr(x, "name", x))
def test_help_cites_a_real_provision(name, field):
    assert field.ref is None or provisions.exists(field.ref)
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
        if f.default == "today":
            params[f.name] = "2026-11-26"
        elif f.default is not None and not f.show_if:
            params[f.name] = f.default
    params = {**params, **VALID[name]}
    assert calculators.run(name, params)["basis"]

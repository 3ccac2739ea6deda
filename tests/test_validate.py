"""Every input error of a calculator page at once (calculators/validate.py, through
calculators/page.py): an empty form is answered in one go, in the calculators' own words, in
the order of the form; what a reader got right is never reported as wrong. And the forms start
from no value the reader did not choose (issue 19)."""
import pytest

from calculators import page, registry, validate
from calculators.spec import shown


def errors(name, **params):
    return [(e["field"], e["message"], e["missing"]) for e in validate.errors(name, params)]


def test_an_empty_form_lists_every_required_field_it_shows():
    # the filing-period form starts on its one choice with a default, 直接起诉: that route's three facts
    assert errors("filing_period", route="direct") == [
        ("filed_date", "请填写“起诉日期”。", True),
        ("known_date", "请填写“知道或者应当知道行政行为之日”。", True),
        ("informed_of_period", "请填写“行政机关是否告知起诉期限”。", True),
    ]
    # another route shows (and asks for) its own date instead
    assert [f for f, _, _ in errors("filing_period", route="after_decision")] == [
        "filed_date", "reconsideration_decision_served", "informed_of_period"]
    assert [f for f, _, _ in errors("filing_period", route="no_decision")] == ["filed_date"]
    assert [f for f, _, _ in errors("appearance_quota")] == ["agency", "cases", "principal_appearances"]
    assert [f for f, _, _ in errors("principal_appearance")] == ["plaintiff_count"]
    assert [f for f, _, _ in errors("undertaker", reconsidered=False)] == ["defendant"]
    assert [f for f, _, _ in errors("deadlines")] == ["complaint_served"]


def test_errors_across_fields_are_all_found_and_each_stays_on_its_field():
    # served 09-16; a ruling "served" on 09-01 is before it; its kind not chosen; the head's absence
    # ticked without the hearing's date: three mistakes, one click
    found = errors("deadlines", complaint_served="2026-09-16", ruling_served="2026-09-01", principal_absent=True)
    assert found == [
        ("hearing_date", "选择了“行政机关负责人未出庭应诉”，请填写“开庭日期”，以计算书面报告期限。", True),
        ("ruling_served", "“裁判文书送达日期”不能早于“起诉状副本送达日期”。", False),
        ("ruling_kind", "请填写“裁判文书种类”。", True),
    ]
    # two numbers wrong at once
    assert errors("principal_appearance", plaintiff_count=2, suing_units=5, compensation_claimed=-1) == [
        ("compensation_claimed", "“涉案赔偿金额（元）”不能为负数。", False),
        ("suing_units", "“同时起诉的单位或企业数”不能多于“原告人数”（起诉的单位或企业也是原告）。", False),
    ]


def test_a_date_half_typed_is_an_error_without_its_value_quoted_and_an_impossible_one_is_quoted():
    assert errors("deadlines", complaint_served="未填写完整", hearing_date="2026-02-30") == [
        ("complaint_served", "“起诉状副本送达日期”不是有效日期。请按 年-月-日 填写（如 2026-09-16），并确认该日存在。", False),
        ("hearing_date", "“开庭日期”不是有效日期：2026-02-30。请按 年-月-日 填写（如 2026-09-16），并确认该日存在。", False),
    ]


def test_a_missing_required_date_is_not_replaced_by_one_that_would_blame_right_answers():
    # the service date is missing: the ruling date typed is not checked against a made-up one
    assert errors("deadlines", ruling_served="2026-01-05", ruling_kind="order") == [
        ("complaint_served", "请填写“起诉状副本送达日期”。", True)]


def test_valid_input_has_no_errors_and_the_page_answers_with_the_result():
    for s in registry.specs():
        assert validate.errors(s.name, s.example) == []
    answer = page.view({"name": "deadlines", "params": {"complaint_served": "2026-09-16"}})
    assert set(answer) == {"result", "view"} and answer["view"]["headline"] == ["答辩期限：2026年10月8日（星期四）"]
    assert page.view({"name": "deadlines", "params": {}}) == {
        "errors": [{"field": "complaint_served", "message": "请填写“起诉状副本送达日期”。", "missing": True}]}


def test_hidden_fields_are_neither_required_nor_checked():
    f = next(f for f in registry.spec("filing_period").fields if f.name == "informed_of_period")
    assert shown(f, {"route": "direct"}) and shown(f, {"route": "after_decision"})
    assert not shown(f, {"route": "non_performance"})
    assert "informed_of_period" not in [e["field"] for e in validate.errors("filing_period", {"route": "no_decision"})]


# the forms rendered by the calculator pages (calculators/page.py); the documents form (its own
# page and script) and the statistics form (a setting of the ledger page) are not among them
PAGE_FORMS = [s for s in registry.specs() if s.name not in ("documents", "statistics")]


def test_no_form_starts_a_date_at_today_or_any_other_day():
    """A date of the case is never filled in for the reader (a clerk entering a case two days
    late would get deadlines two days late): the pages offer a 今天 button instead."""
    assert [(s.name, f.name) for s in registry.specs() for f in s.fields
            if f.kind == "date" and f.default is not None and s.name != "documents"] == []


def test_the_same_field_starts_the_same_way_on_every_calculator_page():
    starts: dict[str, set] = {}
    for s in PAGE_FORMS:
        for f in s.fields:
            starts.setdefault(f.name, set()).add(f.default)
    assert {name: d for name, d in starts.items() if len(d) > 1} == {}
    # 被告 in particular: chosen by the reader on every page, never preselected
    assert starts["defendant"] == {None}


@pytest.mark.parametrize("name", [s.name for s in PAGE_FORMS])
def test_an_untouched_form_gives_no_answer_but_says_what_to_fill_in(name):
    """What an untouched page sends (the fields it shows, with their defaults; unticked boxes)."""
    s = registry.spec(name)
    params = {f.name: f.default for f in s.fields if f.default is not None}
    params.update({f.name: False for f in s.fields if f.kind == "bool" and f.name not in params})
    params = {k: v for k, v in params.items() if shown(next(f for f in s.fields if f.name == k), params)}
    answer = page.view({"name": name, "params": params})
    assert "result" not in answer and answer["errors"] and all(e["missing"] for e in answer["errors"])

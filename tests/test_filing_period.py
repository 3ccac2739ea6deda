"""Calculator “filing_period”: was the suit filed in time? (alp/45, alp/46, alp-interp/64, /65)

Hand-worked; weekday and holiday facts from tests/fixtures/holidays-2022-2026.json.
"""
import pytest

from calculators import InputError, provisions, run


def calc(**params):
    return run("filing_period", params)


def refs(result):
    return [b["ref"] for b in result["basis"]]


@pytest.mark.parametrize("filed,timely", [("2026-10-08", True), ("2026-10-09", False), ("2026-04-05", True)])
def test_direct_suit_six_months_over_national_day(filed, timely):
    # known 2026-04-04 + 6 months = 2026-10-04 (Sun, National Day block) -> Thu 2026-10-08
    r = calc(known_date="2026-04-04", filed_date=filed)
    assert (r["timely"], r["deadline"], r["adjusted_from"]) == (timely, "2026-10-08", "2026-10-04")
    assert refs(r)[:3] == ["measures@2021/15/2/3", "alp/48", "alp/46/1"]
    assert "civil-code/202" in refs(r)
    assert ("原告在起诉期限内起诉" in r["rule"]) is timely
    assert ("第十五条第二款第（三）项" in r["rule"]) is (not timely)


@pytest.mark.parametrize("filed,timely", [("2026-11-16", True), ("2026-11-17", False)])
def test_direct_suit_ending_on_a_sunday(filed, timely):
    # 2026-05-15 + 6 months = 2026-11-15, an ordinary Sunday -> Monday 11-16; filing on that day is timely
    r = calc(known_date="2026-05-15", filed_date=filed)
    assert (r["timely"], r["deadline"], r["adjusted_from"]) == (timely, "2026-11-16", "2026-11-15")


@pytest.mark.parametrize("filed,timely", [("2026-10-08", True), ("2026-10-09", False)])
def test_after_reconsideration_fifteen_days(filed, timely):
    # decision served 2026-09-16 + 15 days = 10-01 (National Day) -> 10-08
    r = calc(reconsideration_decision_served="2026-09-16", filed_date=filed)
    assert (r["timely"], r["deadline"], r["adjusted_from"]) == (timely, "2026-10-08", "2026-10-01")
    assert "alp/45" in refs(r) and "alp/46/1" not in refs(r)
    assert "civil-code/202" not in refs(r)  # a period of days only


def test_not_informed_one_year_outer_limit():
    # known 2025-03-01 + 1 year = 2026-03-01 (Sun) -> Mon 2026-03-02
    r = calc(known_date="2025-03-01", filed_date="2026-02-27", informed_of_period=False)
    assert (r["timely"], r["deadline"], r["adjusted_from"]) == (True, "2026-03-02", "2026-03-01")
    assert "alp-interp/64/1" in refs(r)
    assert any("alp-interp/64" in w["refs"] and "《行诉法解释》第六十四条" in w["text"] for w in r["warnings"])
    # the usual 6 months would have ended 2025-09-01 (Mon): timeliness hinges on when the plaintiff
    # learned of the period
    assert any("2025年9月1日" in w["text"] and "何时知道" in w["text"] for w in r["warnings"])
    assert calc(known_date="2025-03-01", filed_date="2026-03-03", informed_of_period=False)["timely"] is False


def test_reconsideration_decision_without_notice_of_period():
    # decision served 2025-06-10 + 1 year = 2026-06-10 (Wed); usual 15 days ended 2025-06-25 (Wed)
    r = calc(reconsideration_decision_served="2025-06-10", filed_date="2026-06-10", informed_of_period=False)
    assert (r["timely"], r["deadline"]) == (True, "2026-06-10") and "adjusted_from" not in r
    assert refs(r)[2:4] == ["alp-interp/64/2", "alp-interp/64/1"]
    assert any("2025年6月25日" in w["text"] for w in r["warnings"])


def test_five_year_cap_binds():
    # act 2021-06-30 + 5 years = 2026-06-30 (Tue); direct limit 2026-05-01 + 6 months = 11-01 (Sun) -> 11-02
    r = calc(known_date="2026-05-01", act_date="2021-06-30", filed_date="2026-07-01")
    assert (r["timely"], r["deadline"]) == (False, "2026-06-30")
    limits = {l["id"]: l for l in r["limits"]}
    assert limits["direct"]["due"] == "2026-11-02" and not limits["direct"]["binding"]
    assert limits["longest"]["due"] == "2026-06-30" and limits["longest"]["binding"]
    assert "alp/46/2" in refs(r) and "alp-interp/65" in refs(r)  # plaintiff learned of the act late
    assert any(w["refs"] == ["alp/48"] and "《行政诉讼法》第四十八条" in w["text"] for w in r["warnings"])


def test_twenty_year_cap_for_real_estate():
    # act 2006-06-30 + 20 years = 2026-06-30 (Tue)
    r = calc(known_date="2026-05-01", act_date="2006-06-30", real_estate=True, filed_date="2026-06-30")
    assert (r["timely"], r["deadline"]) == (True, "2026-06-30")
    assert "20年" in r["limits"][1]["title"]
    # the same dates without real estate: 5-year cap ended 2011-06-30 long ago
    assert calc(known_date="2026-05-01", act_date="2006-06-30", filed_date="2026-06-30")["timely"] is False


def test_cap_from_29_february_in_a_year_without_holiday_data():
    # act 2024-02-29 + 5 years: 2029 has no 29 February -> 2029-02-28 (Wed); 2029 not covered
    r = calc(known_date="2029-01-10", act_date="2024-02-29", filed_date="2029-03-01")
    assert (r["timely"], r["deadline"]) == (False, "2029-02-28")
    assert r["warnings"][0]["text"].startswith("2029年的节假日安排（调休）尚未公布或尚未录入")


def test_cap_not_checked_without_act_date_is_said():
    r = calc(known_date="2026-04-04", filed_date="2026-05-01")
    assert "未核对《行政诉讼法》第四十六条第二款" in r["rule"]


def test_basis_entries_are_citations():
    r = calc(known_date="2026-05-01", act_date="2021-06-30", filed_date="2026-07-01")
    for b in r["basis"]:
        assert b == provisions.cite(b["ref"])
    for l in r["limits"]:
        assert l["basis"] and l["explanation"]


@pytest.mark.parametrize("params,field,words", [
    ({"known_date": "2026-04-04"}, "filed_date", "起诉日期"),
    ({"filed_date": "2026-04-04"}, "known_date", "知道或者应当知道行政行为之日"),
    ({"known_date": "2026-02-29", "filed_date": "2026-04-04"}, "known_date", "不是有效日期"),
    ({"known_date": "2026-04-04", "filed_date": "2026-04-03"}, "filed_date", "不能早于"),
    ({"known_date": "2026-04-04", "act_date": "2026-04-05", "filed_date": "2026-05-01"}, "known_date", "不能早于"),
    ({"reconsideration_decision_served": "2026-04-04", "filed_date": "2026-04-01"}, "filed_date", "复议决定书送达日期"),
    ({"known_date": "2026-04-04", "reconsideration_decision_served": "2026-04-01", "filed_date": "2026-05-01"},
     "reconsideration_decision_served", "不能早于"),
    ({"known_date": "2026-04-04", "filed_date": "2026-05-01", "informed_of_period": "否"},
     "informed_of_period", "行政机关已告知起诉期限"),
    ({"known_date": "2026-04-04", "filed_date": "2026-05-01", "real_estate": 1}, "real_estate", "不动产"),
    ({"known_date": ["2026-04-04"], "filed_date": "2026-05-01"}, "known_date", "应为日期"),
])
def test_invalid_input(params, field, words):
    with pytest.raises(InputError) as e:
        calc(**params)
    assert e.value.field == field and words in e.value.message

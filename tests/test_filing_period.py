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
    r = calc(known_date="2026-04-04", filed_date=filed, informed_of_period="informed")
    assert (r["timely"], r["deadline"], r["adjusted_from"]) == (timely, "2026-10-08", "2026-10-04")
    assert refs(r)[:3] == ["measures@2021/15/2/3", "alp/48", "alp/46/1"]
    assert "civil-code/202" in refs(r)
    assert ("原告在起诉期限内起诉" in r["rule"]) is timely
    assert ("第十五条第二款第（三）项" in r["rule"]) is (not timely)


@pytest.mark.parametrize("filed,timely", [("2026-11-16", True), ("2026-11-17", False)])
def test_direct_suit_ending_on_a_sunday(filed, timely):
    # 2026-05-15 + 6 months = 2026-11-15, an ordinary Sunday -> Monday 11-16; filing on that day is timely
    r = calc(known_date="2026-05-15", filed_date=filed, informed_of_period="informed")
    assert (r["timely"], r["deadline"], r["adjusted_from"]) == (timely, "2026-11-16", "2026-11-15")


@pytest.mark.parametrize("filed,timely", [("2026-10-08", True), ("2026-10-09", False)])
def test_after_reconsideration_fifteen_days(filed, timely):
    # decision served 2026-09-16 + 15 days = 10-01 (National Day) -> 10-08
    r = calc(reconsideration_decision_served="2026-09-16", filed_date=filed, informed_of_period=True)
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
    r = calc(known_date="2026-05-01", act_date="2021-06-30", filed_date="2026-07-01", informed_of_period="informed")
    assert (r["timely"], r["deadline"]) == (False, "2026-06-30")
    limits = {l["id"]: l for l in r["limits"]}
    assert limits["direct"]["due"] == "2026-11-02" and not limits["direct"]["binding"]
    assert limits["longest"]["due"] == "2026-06-30" and limits["longest"]["binding"]
    assert "alp/46/2" in refs(r) and "alp-interp/65" in refs(r)  # plaintiff learned of the act late
    assert any(w["refs"] == ["alp/48"] and "《行政诉讼法》第四十八条" in w["text"] for w in r["warnings"])


def test_twenty_year_cap_for_real_estate():
    # act 2006-06-30 + 20 years = 2026-06-30 (Tue)
    r = calc(known_date="2026-05-01", act_date="2006-06-30", real_estate=True, filed_date="2026-06-30",
             informed_of_period="informed")
    assert (r["timely"], r["deadline"]) == (True, "2026-06-30")
    assert "20年" in r["limits"][1]["title"]
    # the same dates without real estate: 5-year cap ended 2011-06-30 long ago
    assert calc(known_date="2026-05-01", act_date="2006-06-30", filed_date="2026-06-30",
                informed_of_period="informed")["timely"] is False


def test_cap_from_29_february_in_a_year_without_holiday_data():
    # act 2024-02-29 + 5 years: 2029 has no 29 February -> 2029-02-28 (Wed); 2029 not covered
    r = calc(known_date="2029-01-10", act_date="2024-02-29", filed_date="2029-03-01", informed_of_period="informed")
    assert (r["timely"], r["deadline"]) == (False, "2029-02-28")
    assert r["warnings"][0]["text"].startswith("2029年的节假日安排（调休）尚未公布或尚未录入")


def test_cap_not_checked_without_act_date_is_said():
    r = calc(known_date="2026-04-04", filed_date="2026-05-01", informed_of_period="informed")
    assert "未核对《行政诉讼法》第四十六条第二款" in r["rule"]


def test_basis_entries_are_citations():
    r = calc(known_date="2026-05-01", act_date="2021-06-30", filed_date="2026-07-01", informed_of_period="informed")
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
     "informed_of_period", "行政机关是否告知起诉期限"),
    ({"known_date": "2026-04-04", "filed_date": "2026-05-01", "real_estate": 1}, "real_estate", "不动产"),
    ({"known_date": ["2026-04-04"], "filed_date": "2026-05-01"}, "known_date", "应为日期"),
])
def test_invalid_input(params, field, words):
    with pytest.raises(InputError) as e:
        calc(**params)
    assert e.value.field == field and words in e.value.message


# ---- routes other than the direct suit (issue 14: alp/45, alp/47, alp-interp/59, /66, arl/30, /62) ----

def limit_ids(result):
    return [(l["id"], l["due"], l["binding"]) for l in result["limits"]]


@pytest.mark.parametrize("extra", [{}, {"known_date": "2021-01-10"}, {"route": "after_decision"}])
def test_suit_ten_days_after_a_decision_on_an_act_five_years_old(extra):
    # act 2021-01-04; its 5-year cap would end 2026-01-04 (a make-up working Sunday), before the decision
    # was even served on 2026-01-20. alp/45: 01-20 + 15 days = 02-04 (Wed). Suing on 01-30 is timely.
    r = calc(act_date="2021-01-04", reconsideration_decision_served="2026-01-20", filed_date="2026-01-30",
             informed_of_period="informed", **extra)
    assert (r["timely"], r["deadline"], r["route"]) == (True, "2026-02-04", "after_decision")
    assert limit_ids(r) == [("reconsideration", "2026-02-04", True)]   # no cap among the limits
    assert [n["id"] for n in r["not_applied"]] == ["longest"]
    assert {"alp/46/2", "alp-interp/65", "alp-interp/59"} <= {b["ref"] for b in r["not_applied"][0]["basis"]}
    assert "不适用于在收到复议决定书后" in r["rule"] and "《行诉法解释》第五十九条" in r["rule"]
    assert r["objection"]["supported"] is False
    assert "filing.limits_combined" not in {w["code"] for w in r["warnings"]}


def test_suit_after_a_decision_sixteen_days_later_is_late_and_the_objection_has_its_dates():
    r = calc(act_date="2021-01-04", reconsideration_decision_served="2026-01-20", filed_date="2026-02-05",
             informed_of_period="informed")
    assert (r["timely"], r["deadline"]) == (False, "2026-02-04")
    assert r["objection"] == {**r["objection"], "supported": True, "limit": "reconsideration", "start": "2026-01-20",
                              "event": "收到复议决定书", "length": "15日", "deadline": "2026-02-04"}
    assert [c["ref"] for c in r["objection"]["check"]] == ["alp/48"]


# (received, accepted, procedure, extension days, deciding period ends, filed, timely, suit deadline)
NO_DECISION = [
    # received Mon 03-02; 5 working days 03-03..03-09 -> deemed accepted 03-09 (arl/30/3);
    # +60 days = 05-08 (Fri); +15 = 05-23 (Sat) -> Mon 05-25
    ("2026-03-02", None, None, 0, "2026-05-08", "2026-05-25", True, "2026-05-25"),
    ("2026-03-02", None, None, 0, "2026-05-08", "2026-05-26", False, "2026-05-25"),
    # accepted 03-04: +60 = 05-03 (Labour Day) -> 05-06 (Wed); +15 = 05-21 (Thu)
    ("2026-03-02", "2026-03-04", "ordinary", 0, "2026-05-06", "2026-05-22", False, "2026-05-21"),
    # simple procedure: 03-09 + 30 = 04-08 (Wed); +15 = 04-23 (Thu)
    ("2026-03-02", None, "simple", 0, "2026-04-08", "2026-04-23", True, "2026-04-23"),
    # extended by 30 days from 05-08: 06-07 (Sun) -> 06-08 (Mon); +15 = 06-23 (Tue)
    ("2026-03-02", None, "ordinary", 30, "2026-06-08", "2026-06-23", True, "2026-06-23"),
]


@pytest.mark.parametrize("received,accepted,procedure,extension,end,filed,timely,deadline", NO_DECISION)
def test_reconsideration_body_did_not_decide_in_time(received, accepted, procedure, extension, end, filed, timely,
                                                     deadline):
    params = {"route": "no_decision", "reconsideration_received": received, "filed_date": filed}
    if accepted:
        params["reconsideration_accepted"] = accepted
    if procedure:
        params["reconsideration_procedure"] = procedure
    if extension:
        params["reconsideration_extension_days"] = extension
    r = calc(**params)
    assert (r["timely"], r["deadline"]) == (timely, deadline)
    assert r["steps"][-1]["id"] == "reconsideration_period_end" and r["steps"][-1]["date"] == end
    assert limit_ids(r) == [("no_decision", deadline, True)]
    assert r["limits"][0]["start"] == end and r["limits"][0]["event"] == "复议期满"
    cited = {b["ref"] for b in r["basis"]}
    assert {"alp/45", "arl/62/2" if procedure == "simple" else "arl/62/1"} <= cited
    assert ("arl/30/3" in cited) is (accepted is None)
    assert [n["id"] for n in r["not_applied"]] == ["longest"]


def test_no_decision_suit_filed_before_the_period_ended_is_not_late():
    # deciding period ends 05-08; a suit on 04-20 is not out of time but filed during the period (alp-interp/57)
    r = calc(route="no_decision", reconsideration_received="2026-03-02", filed_date="2026-04-20")
    assert r["timely"] is True and r["objection"]["premature"] is True
    w = next(w for w in r["warnings"] if w["code"] == "filing.premature")
    assert w["route"] == "no_decision" and "alp-interp/57" in w["refs"]


def test_no_decision_before_2024_needs_the_period_end():
    # the pre-2024 text of the 行政复议法 is not in the data: the calculator asks rather than guesses
    with pytest.raises(InputError) as e:
        calc(route="no_decision", reconsideration_received="2023-11-01", filed_date="2024-01-22")
    assert e.value.field == "reconsideration_period_end" and "2024年1月1日" in e.value.message
    # given: 2024-01-05 + 15 = 01-20 (Sat) -> Mon 01-22
    r = calc(route="no_decision", reconsideration_received="2023-11-01", reconsideration_period_end="2024-01-05",
             filed_date="2024-01-22")
    assert (r["timely"], r["deadline"], r["adjusted_from"]) == (True, "2024-01-22", "2024-01-20")


# (application received by the agency, performance period ends, filed, timely, suit deadline)
NON_PERFORMANCE = [
    # 02-10 + 2 months = 04-10 (Fri); + 6 months = 10-10, a make-up working Saturday: not moved
    ("2026-02-10", "2026-04-10", "2026-10-10", True, "2026-10-10"),
    ("2026-02-10", "2026-04-10", "2026-10-12", False, "2026-10-10"),
    # 01-15 + 2 months = 03-15 (Sun) -> 03-16 (civil-code/203/1, the calculator's reading);
    # + 6 months = 09-16 (Wed). Without moving: 03-15 + 6 months = 09-15 — said in the rule
    ("2026-01-15", "2026-03-16", "2026-09-16", True, "2026-09-16"),
]


@pytest.mark.parametrize("requested,end,filed,timely,deadline", NON_PERFORMANCE)
def test_suit_for_failure_to_perform_a_duty(requested, end, filed, timely, deadline):
    r = calc(route="non_performance", duty_requested=requested, filed_date=filed)
    assert (r["timely"], r["deadline"], r["route"]) == (timely, deadline, "non_performance")
    assert [(s["id"], s["date"]) for s in r["steps"]] == [("duty_period_end", end)]
    assert limit_ids(r) == [("non_performance", deadline, True)]
    cited = [b["ref"] for b in r["basis"]]
    assert {"alp-interp/66", "alp/47/1", "civil-code/202"} <= set(cited)
    assert [n["id"] for n in r["not_applied"]] == ["longest"] and "alp/46/2" not in [l["id"] for l in r["limits"]]
    if requested == "2026-01-15":
        assert "civil-code/203/1" in cited
        assert "按不顺延的理解，履行期限于2026年3月15日届满，起诉期限届满日为2026年9月15日" in r["rule"]
    if deadline == "2026-10-10":
        assert "period.ends_on_makeup_workday" in {w["code"] for w in r["warnings"]}


def test_failure_to_perform_with_a_period_set_by_another_law():
    # a regulation's own period ended 2026-03-31 (Tue): + 6 months = 09-30 (Wed)
    r = calc(route="non_performance", duty_period_end="2026-03-31", filed_date="2026-10-08")
    assert (r["timely"], r["deadline"]) == (False, "2026-09-30")


def test_informed_of_period_has_no_default_but_other_routes_do_not_need_it():
    with pytest.raises(InputError) as e:
        calc(known_date="2026-04-04", filed_date="2026-05-01")
    assert e.value.field == "informed_of_period"
    with pytest.raises(InputError) as e:
        calc(reconsideration_decision_served="2026-04-04", filed_date="2026-04-10")
    assert e.value.field == "informed_of_period"
    assert calc(route="non_performance", duty_requested="2026-02-10", filed_date="2026-05-01")["timely"] is True
    # the two explicit answers and the booleans of older callers mean the same
    a = calc(known_date="2025-03-01", filed_date="2026-02-27", informed_of_period="not_informed")
    b = calc(known_date="2025-03-01", filed_date="2026-02-27", informed_of_period=False)
    assert a == b and a["deadline"] == "2026-03-02"


@pytest.mark.parametrize("params,field", [
    ({"route": "after_decision", "filed_date": "2026-04-04", "informed_of_period": "informed"},
     "reconsideration_decision_served"),
    ({"route": "no_decision", "filed_date": "2026-04-04"}, "reconsideration_received"),
    ({"route": "no_decision", "reconsideration_received": "2026-03-02", "reconsideration_extension_days": 31,
      "filed_date": "2026-07-01"}, "reconsideration_extension_days"),
    ({"route": "no_decision", "reconsideration_received": "2026-03-02", "reconsideration_procedure": "simple",
      "reconsideration_extension_days": 10, "filed_date": "2026-07-01"}, "reconsideration_extension_days"),
    ({"route": "no_decision", "reconsideration_received": "2026-03-02", "reconsideration_accepted": "2026-03-01",
      "filed_date": "2026-07-01"}, "reconsideration_accepted"),
    ({"route": "no_decision", "reconsideration_received": "2026-03-02", "filed_date": "2026-03-01"}, "filed_date"),
    ({"route": "non_performance", "filed_date": "2026-04-04"}, "duty_requested"),
    ({"route": "non_performance", "duty_requested": "2026-03-02", "filed_date": "2026-03-01"}, "filed_date"),
    ({"route": "appeal", "filed_date": "2026-04-04"}, "route"),
])
def test_invalid_input_of_the_other_routes(params, field):
    with pytest.raises(InputError) as e:
        calc(**params)
    assert e.value.field == field


def test_rule_table_lists_every_route():
    from calculators.filing_period import ROUTES, rule_table
    t = rule_table()
    assert all(len(row) == len(t["columns"]) for row in t["rows"])
    routes = "".join(row[1] for row in t["rows"])
    assert all(name in routes for name in ROUTES.values())
    assert any("60日" in row[3] and "《行政复议法》第六十二条第一款" in row[4] for row in t["rows"])

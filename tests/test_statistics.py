"""The statistics calculator on hand-worked ledgers: each expected figure is worked out from the
measures' words (arts. 20–23, 38, 43) and the calendar, not from the code.

Dates used (2026 arrangement of the State Council): a complaint served Wed 16 Sep 2026 must be
registered by Sat 19 Sep (3 days, internal, not extended) and answered by Thu 8 Oct (15 days end
on Thu 1 Oct, inside the National Day holiday 1–7 Oct, so the first working day after it).
"""
import pytest

import calculators
from calculators import ledger, statistics
from calculators.errors import InputError


def case(n, served="2026-09-16", **facts):
    return {"case_number": f"（2026）鲁1502行初{n}号", "complaint_served": served, **facts}


def stats(cases, agency="city_department", **params):
    return calculators.run("statistics", {"year": 2026, "agency": agency, "cases": cases, **params})


def fig(result, fid):
    return next(f for f in result["figures"] if f["id"] == fid)


def test_head_appearance_rate_counts_heard_cases_where_a_head_must_appear():
    cases = [case(i, hearing_date="2026-10-20", head_name="王某") for i in range(6)]
    cases.append(case(6, hearing_date="2026-10-20", principal_appeared=True))     # the principal is a head
    cases.append(case(7, hearing_date="2026-10-20", principal_absent=True))        # no head appeared
    cases.append(case(8, hearing_date="2026-12-20", head_name="王某"))             # heard after the cut-off
    cases.append(case(9))                                                          # not heard yet
    # a reconsideration body sued jointly may send staff only (art. 24): not counted
    cases.append(case(10, hearing_date="2026-10-20", reconsidered=True, reconsideration_role="joint_reconsideration"))
    r = stats(cases, as_of="2026-11-29")
    head = fig(r, "head_rate")
    assert (head["numerator"], head["denominator"]) == (7, 8)
    assert head["value"] == "87.5%" and head["met"] is False and head["target"] == "100%"
    assert [x["ref"] for x in head["refs"]] == ["measures@2021/20/1", "measures@2021/26/1"]
    assert r["lists"]["head_absent"] == ["（2026）鲁1502行初7号"]
    assert r["counts"]["total"] == 11


def test_a_heard_case_without_an_appearance_record_is_not_counted_as_appeared_and_is_warned():
    r = stats([case(1, hearing_date="2026-10-20", head_name="王某"), case(2, hearing_date="2026-10-20")])
    head = fig(r, "head_rate")
    assert (head["numerator"], head["denominator"], head["value"]) == (1, 2, "50%")
    assert [w["code"] for w in r["warnings"]] == ["statistics.appearance_unrecorded"]
    assert "（2026）鲁1502行初2号" in r["warnings"][0]["text"]


@pytest.mark.parametrize("cases,appeared,required,met", [
    (9, 1, 1, True),      # 1–9 cases: at least once (art. 22 para. 2)
    (10, 1, 2, False),    # 10 or more: at least twice ("以上" includes 10) …
    (10, 2, 2, True),     # … and 20 % of 10 is exactly 2
    (12, 2, 3, False),    # 20 % of 12 is 2.4: a third appearance is needed
    (12, 3, 3, True),
])
def test_principal_quota_of_art_22(cases, appeared, required, met):
    ledger_cases = [case(i, principal_appeared=i < appeared) for i in range(cases)]
    f = fig(stats(ledger_cases), "principal_quota")
    assert f["met"] is met
    assert f["value"] == f"{appeared}次，应至少{required}次"


def test_county_government_appears_once_a_year_even_without_cases_art_21():
    f = fig(stats([], agency="county_gov"), "principal_quota")
    assert f["met"] is False and f["value"] == "0次，应至少1次"
    assert [x["ref"] for x in f["refs"]] == ["measures@2021/21/1", "measures@2021/22/2"]


def test_the_quota_of_a_quarter_counts_the_year_up_to_its_end():
    cases = [case(1, served="2026-02-10", principal_appeared=True), case(2, served="2026-08-10"),
             case(3, served="2026-10-10", principal_appeared=True)]
    r = stats(cases, quarter="3")
    assert r["period"]["label"] == "2026年第三季度"
    assert (r["period"]["start"], r["period"]["end"]) == ("2026-07-01", "2026-09-30")
    assert r["counts"]["total"] == 1                   # only the case served in July–September
    assert r["counts"]["year_cases"] == 2              # January–September for the yearly duties
    assert r["counts"]["principal_appeared"] == 1


@pytest.mark.parametrize("enterprise,lost,seminar", [
    (20, 0, False),   # "超过20件": 20 is not more than 20
    (21, 0, True),
    (20, 2, False),   # 2/20 = 10 %: "超过10%" is not met by exactly 10 %
    (20, 3, True),    # 15 %
    (19, 2, True),    # 2/19 = 10.5 %: just above 10 %
])
def test_art_23_seminar_trigger_for_a_city_department(enterprise, lost, seminar):
    cases = [case(i, enterprise_party=True, outcome="lost" if i < lost else "won_judgment", principal_appeared=True)
             for i in range(enterprise)]
    r = stats(cases)
    assert r["seminar_required"] is seminar
    f = fig(r, "enterprise")
    assert (f["numerator"], f["denominator"]) == (lost, enterprise)
    assert f["refs"][0]["ref"] == "measures@2021/23/1"
    assert ("应当召开案件研讨会" in f["note"]) is seminar


def test_the_seminar_duty_is_only_a_city_departments():
    cases = [case(i, enterprise_party=True) for i in range(25)]
    r = stats(cases, agency="other")
    assert r["seminar_required"] is None
    assert "仅针对市直部门" in fig(r, "enterprise")["note"]


def test_loss_rate_over_concluded_cases():
    cases = [case(1, outcome="lost"), case(2, outcome="won_judgment"), case(3, outcome="withdrawn"),
             case(4, outcome="won_dismissed"), case(5)]
    f = fig(stats(cases), "loss_rate")
    assert (f["numerator"], f["denominator"], f["value"]) == (1, 4, "25%")


def test_on_time_registration_and_answer_from_recorded_dates():
    cases = [case(1, registered_date="2026-09-19", answer_submitted="2026-10-08"),   # both on the last day
             case(2, registered_date="2026-09-20", answer_submitted="2026-10-09"),   # both a day late
             case(3, registered_date="2026-09-16"),                                   # no answer date recorded
             case(4)]
    r = stats(cases)
    reg, ans = fig(r, "register_on_time"), fig(r, "answer_on_time")
    assert (reg["numerator"], reg["denominator"], reg["value"]) == (2, 3, "66.7%")
    assert (ans["numerator"], ans["denominator"], ans["value"]) == (1, 2, "50%")
    assert reg["refs"][0]["ref"] == "measures@2021/38/1" and ans["refs"][0]["ref"] == "alp/67/1"
    assert r["lists"]["register_late"] == ["（2026）鲁1502行初2号"]
    assert "2件未记录日期" in ans["note"]


def test_the_internal_registration_period_is_not_extended_past_a_holiday():
    # served Wed 30 Sep: the third day is Sat 3 Oct (National Day holiday); registering on the
    # first working day after it is late, because an internal period never moves
    r = stats([case(1, served="2026-09-30", registered_date="2026-10-03"),
               case(2, served="2026-09-30", registered_date="2026-10-09")])
    assert fig(r, "register_on_time")["numerator"] == 1


def test_breakdowns_by_act_court_and_outcome():
    cases = [case(1, act_type="penalty", court="东昌府区人民法院", outcome="lost"),
             case(2, act_type="penalty", court="东昌府区人民法院"),
             case(3, act_type="information", court="茌平区人民法院", outcome="withdrawn")]
    t = stats(cases)["tables"]
    assert t["act_type"] == [["行政处罚", 2], ["政府信息公开", 1]]
    assert t["court"] == [["东昌府区人民法院", 2], ["茌平区人民法院", 1]]
    assert dict(map(tuple, t["outcome"])) == {"尚未审结": 1, "原告撤诉": 1,
                                              "判决撤销、确认违法或无效、责令履行、变更或者给付（败诉）": 1}


def test_cases_where_the_principal_must_appear_by_art_22_para_1():
    cases = [case(1, court_notice=True, principal_appeared=True), case(2, public_interest=True),
             case(3, plaintiff_count=11, compensation_claimed=10_000_001), case(4, plaintiff_count=11)]
    f = fig(stats(cases), "principal_required")
    assert (f["numerator"], f["denominator"]) == (1, 3)
    assert f["met"] is False


def test_an_unreadable_record_is_left_out_with_a_warning_naming_it():
    r = stats([case(1), case(2, hearing_date="2026-02-30")])
    assert r["counts"]["total"] == 1
    assert r["warnings"][0]["code"] == "statistics.invalid_case"
    assert "第2件（（2026）鲁1502行初2号）" in r["warnings"][0]["text"]


@pytest.mark.parametrize("params,field", [
    ({"year": 1999}, "year"), ({"year": "2026"}, "year"), ({"quarter": "5"}, "quarter"),
    ({"agency": "bureau"}, "agency"), ({"as_of": "2026-13-01"}, "as_of"), ({"cases": {}}, "cases"),
])
def test_bad_input_names_the_field(params, field):
    with pytest.raises(InputError) as error:
        calculators.run("statistics", {"year": 2026, "agency": "other", "cases": [], **params})
    assert error.value.field == field


def test_statistics_file_round_trip_gives_the_same_area_figures():
    a_cases = [case(i, hearing_date="2026-10-20", head_name="王某", principal_appeared=i < 2) for i in range(10)]
    b_cases = [case(i, hearing_date="2026-10-20", principal_absent=i == 0) for i in range(3)]
    a = stats(a_cases, agency_name="聊城市甲局")
    counts = statistics.read_file(a["file"])
    assert counts["counts"] == a["counts"]
    assert (counts["agency"], counts["agency_name"], counts["year"], counts["quarter"]) == \
        ("city_department", "聊城市甲局", 2026, "0")
    area_from_cases = calculators.run("statistics", {"year": 2026, "agencies": [
        {"name": "聊城市甲局", "agency": "city_department", "cases": a_cases},
        {"name": "聊城市乙局", "agency": "city_department", "cases": b_cases}]})
    area_from_file = calculators.run("statistics", {"year": 2026, "agencies": [
        {"name": "聊城市甲局", "agency": counts["agency"], "counts": counts["counts"]},
        {"name": "聊城市乙局", "agency": "city_department", "cases": b_cases}]})
    assert area_from_cases["totals"] == area_from_file["totals"]
    assert area_from_cases["misses"] == area_from_file["misses"]


def test_area_lists_agencies_that_miss_a_target():
    ok = [case(i, hearing_date="2026-10-20", head_name="王某", principal_appeared=True) for i in range(2)]
    absent = [case(1, hearing_date="2026-10-20", principal_absent=True, principal_appeared=False),
              case(2, hearing_date="2026-10-20", head_name="李某", principal_appeared=True)]
    no_principal = [case(1, hearing_date="2026-10-20", head_name="赵某")]
    seminar = [case(i, enterprise_party=True, principal_appeared=i < 5, hearing_date="2026-10-20", head_name="孙某")
               for i in range(21)]
    r = calculators.run("statistics", {"year": 2026, "agencies": [
        {"name": "甲局", "agency": "city_department", "cases": ok},
        {"name": "乙局", "agency": "city_department", "cases": absent},
        {"name": "丙县人民政府", "agency": "county_gov", "cases": no_principal},
        {"name": "丁局", "agency": "city_department", "cases": seminar}]})
    missed = [(m["agency"], m["refs"][0]["ref"]) for m in r["misses"]]
    assert missed == [("乙局", "measures@2021/20/1"), ("丙县人民政府", "measures@2021/21/1"), ("丁局", "measures@2021/23/1")]
    assert "50%" in r["misses"][0]["what"]
    assert r["totals"]["total"] == 2 + 2 + 1 + 21
    head = next(f for f in r["figures"] if f["id"] == "head_rate")
    assert (head["numerator"], head["denominator"]) == (25, 26)


def test_statistics_file_with_a_missing_row_is_refused():
    rows = stats([case(1)])["file"]
    with pytest.raises(InputError) as error:
        statistics.read_file([r for r in rows if r[0] != "败诉案件数"])
    assert "“败诉案件数”" in error.value.message


def test_report_has_figures_charts_and_placeholders_for_analysis():
    r = stats([case(1, act_type="penalty")], agency_name="聊城市甲局")
    report = r["report"]
    assert report["title"] == "聊城市甲局2026年行政应诉工作统计分析报告"
    kinds = [b["type"] for b in report["blocks"]]
    assert kinds.count("chart") == 4 and "table" in kinds
    text = " ".join(b.get("text", "") for b in report["blocks"])
    assert "【结合上述数据" in text and "【总结本期" in text
    assert ledger.OUTCOMES["lost"][1] is True


def test_rule_table_cites_what_the_figures_serve():
    table = statistics.rule_table()
    assert {"measures@2021/20/1", "measures@2021/22/2", "measures@2021/23/1", "measures@2021/38/1", "measures@2021/43/1"} <= set(table["refs"])

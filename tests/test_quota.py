"""Calculator "appearance_quota": measures arts. 21–23, worked by hand.

Art. 22 第二款: with cases — at least 1; “10件以上” (10 counts) — at least 2 and a rate of at
least 20%, so the minimum is max(2, ⌈cases/5⌉). Art. 21: 县（市、区）人民政府 and 市属开发区管委会
at least once a year. Art. 23: 市直部门 seminar when enterprise cases “超过20件” or the loss rate
“超过10%” (20 cases and exactly 10% do not count).
"""
import re

import pytest

from calculators import InputError, run
from calculators.quota import minimum_by_case_count, rule_table

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def refs(result):
    return [b["ref"] for b in result["basis"]]


# cases -> minimum, by hand: 1–9 → 1; 10 → max(2, 2) = 2; 11 → ⌈2.2⌉ = 3; 14 → ⌈2.8⌉ = 3;
# 15 → 3; 16 → ⌈3.2⌉ = 4; 100 → 20; 101 → ⌈20.2⌉ = 21
@pytest.mark.parametrize("cases,minimum", [
    (0, 0), (1, 1), (5, 1), (9, 1), (10, 2), (11, 3), (14, 3), (15, 3), (16, 4), (20, 4), (21, 5),
    (100, 20), (101, 21),
])
def test_minimum_by_case_count(cases, minimum):
    assert minimum_by_case_count(cases) == minimum


# (params, required, compliant, shortfall, rate)
CASES = [
    ({"agency": "other", "cases": 0, "principal_appearances": 0}, 0, True, 0, None),
    ({"agency": "city_department", "cases": 9, "principal_appearances": 1}, 1, True, 0, 0.1111),
    ({"agency": "city_department", "cases": 9, "principal_appearances": 0}, 1, False, 1, 0.0),
    ({"agency": "other", "cases": 10, "principal_appearances": 1}, 2, False, 1, 0.1),
    ({"agency": "other", "cases": 10, "principal_appearances": 2}, 2, True, 0, 0.2),   # 2/10 = exactly 20%
    ({"agency": "other", "cases": 11, "principal_appearances": 2}, 3, False, 1, 0.1818),
    ({"agency": "other", "cases": 11, "principal_appearances": 3}, 3, True, 0, 0.2727),
    ({"agency": "city_department", "cases": 40, "principal_appearances": 7}, 8, False, 1, 0.175),
    ({"agency": "city_department", "cases": 40, "principal_appearances": 8}, 8, True, 0, 0.2),
    # art. 21: at least once a year, even before any case
    ({"agency": "county_gov", "cases": 0, "principal_appearances": 0}, 1, False, 1, None),
    ({"agency": "dev_zone", "cases": 0, "principal_appearances": 0}, 1, False, 1, None),
    ({"agency": "dev_zone", "cases": 3, "principal_appearances": 1}, 1, True, 0, 0.3333),
    ({"agency": "county_gov", "cases": 25, "principal_appearances": 4}, 5, False, 1, 0.16),
    ({"agency": "county_gov", "cases": 25, "principal_appearances": 25}, 5, True, 0, 1.0),
]


@pytest.mark.parametrize("params,required,compliant,shortfall,rate", CASES)
def test_quota(params, required, compliant, shortfall, rate):
    r = run("appearance_quota", params)
    assert (r["required"], r["compliant"], r["shortfall"], r["rate"]) == (required, compliant, shortfall, rate)
    assert r["seminar_required"] is None
    assert "measures@2021/22/2" in refs(r)
    assert ("measures@2021/21/1" in refs(r)) is (params["agency"] in ("county_gov", "dev_zone"))


def test_notes_state_the_other_readings():
    r = run("appearance_quota", {"agency": "county_gov", "cases": 0, "principal_appearances": 0})
    assert any("另一种理解是该要求以发生行政案件为前提" in n for n in r["notes"])
    r = run("appearance_quota", {"agency": "other", "cases": 8, "principal_appearances": 1})
    assert any("至少需2次" in n for n in r["notes"])           # 20% of 8 = 1.6 → 2 on the other reading
    r = run("appearance_quota", {"agency": "other", "cases": 11, "principal_appearances": 3})
    assert any("11件的20%为2.2次" in n and "至少3次" in n for n in r["notes"])


# ---- art. 23: the seminar of 市直部门 -------------------------------------------------------

# (enterprise_cases, lost, seminar) — by hand: >20 cases, or lost/cases > 10%
SEMINAR = [
    (20, 0, False),      # 20 is not “超过20件”
    (21, 0, True),
    (20, 2, False),      # 2/20 = exactly 10%, not “超过”
    (20, 3, True),       # 15%
    (10, 1, False),      # exactly 10%
    (10, 2, True),
    (9, 1, True),        # 11.1%
    (0, 0, False),
    (0, None, False),
    (21, None, True),
    (15, None, None),    # cannot tell the loss rate
]


@pytest.mark.parametrize("ent_cases,lost,seminar", SEMINAR)
def test_seminar(ent_cases, lost, seminar):
    params = {"agency": "city_department", "cases": 12, "principal_appearances": 3, "enterprise_cases": ent_cases}
    if lost is not None:
        params["enterprise_cases_lost"] = lost
    r = run("appearance_quota", params)
    assert r["seminar_required"] is seminar
    assert "measures@2021/23/1" in refs(r)
    assert (r["required"], r["compliant"]) == (3, True)    # the seminar does not change the quota


@pytest.mark.parametrize("agency", ["county_gov", "dev_zone", "other"])
def test_seminar_only_for_city_departments(agency):
    r = run("appearance_quota", {"agency": agency, "cases": 30, "principal_appearances": 6,
                                 "enterprise_cases": 25, "enterprise_cases_lost": 10})
    assert r["seminar_required"] is None
    assert any("仅针对市直部门" in n for n in r["notes"])


def test_enterprise_cases_may_exceed_own_cases():
    # art. 23 counts the whole system's enterprise cases, not only the department's own
    r = run("appearance_quota", {"agency": "city_department", "cases": 5, "principal_appearances": 1,
                                 "enterprise_cases": 30})
    assert r["seminar_required"] is True


# ---- rule table ----------------------------------------------------------------------------

def test_rule_table():
    t = rule_table()
    assert t["columns"] == ["机关", "年度行政案件", "主要负责人出庭应诉要求", "依据"]
    assert all(len(row) == 4 for row in t["rows"])
    assert t["rows"][0][-1] == "第二十一条第一款"
    assert ["各级行政机关", "1件至9件", "至少1次", "第二十二条第二款"] in t["rows"]
    assert t["refs"] == ["measures@2021/21/1", "measures@2021/22/2", "measures@2021/23/1"]


# ---- input errors --------------------------------------------------------------------------

@pytest.mark.parametrize("params,field", [
    ({"cases": 1, "principal_appearances": 0}, "agency"),
    ({"agency": "city_gov", "cases": 1, "principal_appearances": 0}, "agency"),
    ({"agency": "other", "principal_appearances": 0}, "cases"),
    ({"agency": "other", "cases": -1, "principal_appearances": 0}, "cases"),
    ({"agency": "other", "cases": 1.5, "principal_appearances": 0}, "cases"),
    ({"agency": "other", "cases": 3}, "principal_appearances"),
    ({"agency": "other", "cases": 3, "principal_appearances": 4}, "principal_appearances"),
    ({"agency": "county_gov", "cases": 0, "principal_appearances": 1}, "principal_appearances"),
    ({"agency": "other", "cases": 3, "principal_appearances": 1, "enterprise_cases": -2}, "enterprise_cases"),
    ({"agency": "city_department", "cases": 3, "principal_appearances": 1, "enterprise_cases_lost": 1},
     "enterprise_cases"),
    ({"agency": "city_department", "cases": 3, "principal_appearances": 1, "enterprise_cases": 5,
      "enterprise_cases_lost": 6}, "enterprise_cases_lost"),
])
def test_input_errors(params, field):
    with pytest.raises(InputError) as err:
        run("appearance_quota", params)
    assert err.value.field == field
    assert CHINESE.search(err.value.message)

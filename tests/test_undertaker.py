"""Calculator "undertaker": measures arts. 10–14, 38 — expected values read off the text."""
import re

import pytest

from calculators import InputError, run
from calculators.undertaker import RULES, rule_table

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def refs(result):
    return [b["ref"] for b in result["basis"]]


# (params, kind, name, main ref) — one row per branch of arts. 10–12
BRANCHES = [
    # 10(一): not reconsidered, acting agency known
    ({"defendant": "city_gov", "reconsidered": False, "acting_agency": "市自然资源和规划局"},
     "acting_agency", "市自然资源和规划局", "measures@2021/10/1/1"),
    ({"defendant": "county_gov", "reconsidered": False, "acting_agency": "县住房和城乡建设局"},
     "acting_agency", "县住房和城乡建设局", "measures@2021/10/1/1"),
    # 10(三): acting agency unknown
    ({"defendant": "city_gov", "reconsidered": False},
     "decided_by_government_office", "由市人民政府办公室根据同级司法行政机关（市司法局）建议并结合涉诉事项确定的单位",
     "measures@2021/10/1/3"),
    ({"defendant": "county_gov", "reconsidered": False, "acting_agency": "  "},
     "decided_by_government_office",
     "由县（市、区）人民政府办公室根据同级司法行政机关（县（市、区）司法局）建议并结合涉诉事项确定的单位",
     "measures@2021/10/1/3"),
    # 10(二) sole: the justice bureau, whatever agency acted
    ({"defendant": "city_gov", "reconsidered": True, "government_role": "sole", "acting_agency": "市市场监督管理局"},
     "justice_bureau", "同级司法行政机关（市司法局）", "measures@2021/10/1/2"),
    ({"defendant": "county_gov", "reconsidered": True, "government_role": "sole"},
     "justice_bureau", "同级司法行政机关（县（市、区）司法局）", "measures@2021/10/1/2"),
    # 10(二) joint: the agency that undertook or carried out the act
    ({"defendant": "county_gov", "reconsidered": True, "government_role": "joint", "acting_agency": "县自然资源局"},
     "acting_agency", "县自然资源局", "measures@2021/10/1/2"),
    ({"defendant": "city_gov", "reconsidered": True, "government_role": "joint"},
     "decided_by_government_office", "由市人民政府办公室根据同级司法行政机关（市司法局）建议并结合涉诉事项确定的单位",
     "measures@2021/10/1/3"),
    # 11: a department decides its internal unit, reconsidered or not
    ({"defendant": "department", "reconsidered": False, "acting_agency": "执法支队"},
     "internal_unit", "执法支队", "measures@2021/11/1"),
    ({"defendant": "department", "reconsidered": True},
     "internal_unit", "被诉部门按“谁行为，谁负责，谁主办，谁应诉”原则确定的内部应诉承办机构或单位", "measures@2021/11/1"),
    # 12: the township decides
    ({"defendant": "township", "reconsidered": False},
     "township_decides", "由乡镇人民政府（街道办事处）按“谁行为，谁负责，谁主办，谁应诉”原则确定的应诉承办单位",
     "measures@2021/12/1"),
    ({"defendant": "township", "reconsidered": True, "acting_agency": "综合行政执法办公室"},
     "township_decides", "综合行政执法办公室", "measures@2021/12/1"),
]


@pytest.mark.parametrize("params,kind,name,ref", BRANCHES)
def test_branches(params, kind, name, ref):
    result = run("undertaker", params)
    assert result["undertaker"] == {"kind": kind, "name": name}
    assert ref in refs(result)
    assert refs(result)[0].startswith(("measures@2021/10/", "measures@2021/11/", "measures@2021/12/"))


def test_every_rule_row_is_reached_by_a_branch():
    kinds = {(params["defendant"], kind) for params, kind, _, _ in BRANCHES}
    assert {k for *_, k, _ in RULES} == {k for _, k in kinds}


def test_supervision_only_when_government_is_joint_defendant():
    joint = run("undertaker", {"defendant": "city_gov", "reconsidered": True, "government_role": "joint",
                               "acting_agency": "市生态环境局"})
    assert joint["supervision"] == "必要时同级司法行政机关（市司法局）全程指导、监督办理。"
    county = run("undertaker", {"defendant": "county_gov", "reconsidered": True, "government_role": "joint"})
    assert county["supervision"] == "必要时同级司法行政机关（县（市、区）司法局）全程指导、监督办理。"
    for params in ({"defendant": "city_gov", "reconsidered": True, "government_role": "sole"},
                   {"defendant": "city_gov", "reconsidered": False},
                   {"defendant": "department", "reconsidered": True}):
        assert run("undertaker", params)["supervision"] is None


def test_government_role_is_ignored_when_not_reconsidered():
    a = run("undertaker", {"defendant": "city_gov", "reconsidered": False, "government_role": "sole",
                           "acting_agency": "市教育局"})
    assert a["undertaker"]["kind"] == "acting_agency"


# ---- burden of proof (art. 14) -------------------------------------------------------------

def test_burden_joint():
    r = run("undertaker", {"defendant": "city_gov", "reconsidered": True, "government_role": "joint",
                           "acting_agency": "市人力资源和社会保障局"})
    assert r["burden_of_proof"] == [
        "复议机关作为共同被告：作出原行政行为的行政机关对原行政行为的合法性进行举证。",
        "行政复议机关对行政复议决定的程序合法性进行举证。",
    ]
    assert "measures@2021/14/1" in refs(r)


def test_burden_sole():
    r = run("undertaker", {"defendant": "county_gov", "reconsidered": True, "government_role": "sole"})
    assert r["burden_of_proof"] == [
        "复议机关作为单独被告：行政复议机关对复议决定的合法性进行举证。",
        "必要时，可以要求作出原行政行为的行政机关予以协助。",
    ]


@pytest.mark.parametrize("defendant", ["department", "township"])
def test_burden_for_original_agency_lists_both_configurations(defendant):
    r = run("undertaker", {"defendant": defendant, "reconsidered": True})
    assert len(r["burden_of_proof"]) == 2
    assert r["burden_of_proof"][0].startswith("复议机关决定维持、与本机关为共同被告的：本机关（作出原行政行为的行政机关）对原行政行为的合法性")
    assert r["burden_of_proof"][1].startswith("复议机关改变原行政行为、作为单独被告的")
    assert {"measures@2021/14/1", "alp/26/3", "alp/34/1"} <= set(refs(r))


@pytest.mark.parametrize("defendant", ["city_gov", "county_gov", "department", "township"])
def test_no_burden_without_reconsideration(defendant):
    r = run("undertaker", {"defendant": defendant, "reconsidered": False})
    assert r["burden_of_proof"] is None
    assert "measures@2021/14/1" not in refs(r)


# ---- filing with the justice bureau (art. 13) ----------------------------------------------

def test_filing_government_unreconsidered_art_13_1():
    r = run("undertaker", {"defendant": "city_gov", "reconsidered": False, "acting_agency": "市交通运输局"})
    f = r["filing"]
    assert (f["required"], f["by"], f["with"]) == (True, "市交通运输局", "同级司法行政机关（市司法局）")
    assert "measures@2021/13/1" in refs(r) and "measures@2021/13/2" not in refs(r)
    assert {"text": "报同级司法行政机关（市司法局）备案。", "ref": "measures@2021/13/1"} in r["steps"]


def test_filing_government_sole_not_required():
    r = run("undertaker", {"defendant": "city_gov", "reconsidered": True, "government_role": "sole"})
    assert r["filing"]["required"] is False and r["filing"]["with"] is None
    assert not any("备案。" == s["text"][-3:] for s in r["steps"])


def test_filing_government_joint_not_provided_for():
    r = run("undertaker", {"defendant": "county_gov", "reconsidered": True, "government_role": "joint",
                           "acting_agency": "县农业农村局"})
    assert r["filing"]["required"] is None
    assert "未规定报备" in r["filing"]["text"]
    assert not any(s["text"].startswith("报") and s["text"].endswith("备案。") for s in r["steps"])


@pytest.mark.parametrize("defendant", ["department", "township"])
@pytest.mark.parametrize("reconsidered", [False, True])
def test_filing_department_and_township_by_art_13_2(defendant, reconsidered):
    r = run("undertaker", {"defendant": defendant, "reconsidered": reconsidered})
    assert r["filing"]["required"] is True
    assert r["filing"]["with"] == "同级司法行政机关"
    assert {"measures@2021/13/2", "measures@2021/13/1"} <= set(refs(r))
    assert any("按照第十三条第一款规定履行应诉职责" in n and "未区分是否经复议" in n for n in r["notes"])
    assert {"text": "报同级司法行政机关备案。", "ref": "measures@2021/13/2"} in r["steps"]


def test_township_note_on_same_level_justice_bureau():
    r = run("undertaker", {"defendant": "township", "reconsidered": False})
    assert any("司法所" in n for n in r["notes"])


# ---- steps ---------------------------------------------------------------------------------

def test_steps_start_with_registration_within_3_days():
    r = run("undertaker", {"defendant": "department", "reconsidered": False})
    assert r["steps"][0]["ref"] == "measures@2021/38/1"
    assert "3日内登记" in r["steps"][0]["text"]


def test_steps_head_appearance_after_summons():
    r = run("undertaker", {"defendant": "city_gov", "reconsidered": False, "acting_agency": "市公安局"})
    assert {"text": "收到开庭传票后负责组织、联络应诉机关负责人依法出庭应诉。", "ref": "measures@2021/13/1"} in r["steps"]
    sole = run("undertaker", {"defendant": "city_gov", "reconsidered": True, "government_role": "sole"})
    assert any(s["ref"] == "measures@2021/24/1" and "本级人民政府有关负责人应当出庭应诉" in s["text"] for s in sole["steps"])


def test_every_step_ref_is_cited():
    for params, *_ in BRANCHES:
        r = run("undertaker", params)
        assert {s["ref"] for s in r["steps"]} <= set(refs(r))
        assert len(refs(r)) == len(set(refs(r)))
        for b in r["basis"]:
            assert b["label"].startswith("《") and b["text"]


# ---- rule table ----------------------------------------------------------------------------

def test_rule_table():
    t = rule_table()
    assert len(t["columns"]) == 6
    assert all(len(row) == 6 for row in t["rows"])
    assert len(t["rows"]) == len(RULES) == 7
    assert t["rows"][2] == ["市、县（市、区）人民政府", "经复议", "单独被告", "—", "同级司法行政机关", "第十条第一款第（二）项"]
    assert t["refs"] == ["measures@2021/10/1/1", "measures@2021/10/1/2", "measures@2021/10/1/3", "measures@2021/11/1", "measures@2021/12/1"]


# ---- input errors --------------------------------------------------------------------------

@pytest.mark.parametrize("params,field", [
    ({"reconsidered": False}, "defendant"),
    ({"defendant": "province_gov", "reconsidered": False}, "defendant"),
    ({"defendant": "city_gov"}, "reconsidered"),
    ({"defendant": "city_gov", "reconsidered": "是"}, "reconsidered"),
    ({"defendant": "city_gov", "reconsidered": True}, "government_role"),
    ({"defendant": "county_gov", "reconsidered": True, "government_role": "both"}, "government_role"),
    ({"defendant": "city_gov", "reconsidered": False, "acting_agency": 3}, "acting_agency"),
    ({"defendant": "city_gov", "reconsidered": False, "acting_agency": "局" * 101}, "acting_agency"),
])
def test_input_errors(params, field):
    with pytest.raises(InputError) as err:
        run("undertaker", params)
    assert err.value.field == field
    assert CHINESE.search(err.value.message)

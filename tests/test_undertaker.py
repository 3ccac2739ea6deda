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
    # 10(二) joint, in a case served before arl/4/2 took effect (2024-01-01): the agency that
    # undertook or carried out the act (for the national rule since then see NATIONAL below)
    ({"defendant": "county_gov", "reconsidered": True, "government_role": "joint", "acting_agency": "县自然资源局",
      "complaint_served": "2023-06-01"}, "acting_agency", "县自然资源局", "measures@2021/10/1/2"),
    ({"defendant": "city_gov", "reconsidered": True, "government_role": "joint", "complaint_served": "2023-12-31"},
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


def test_supervision_only_when_government_is_joint_defendant_and_does_not_organise_its_side():
    joint = run("undertaker", {"defendant": "city_gov", "reconsidered": True, "government_role": "joint",
                               "acting_agency": "市生态环境局", "complaint_served": "2023-05-10"})
    assert joint["supervision"] == "必要时同级司法行政机关（市司法局）全程指导、监督办理。"
    county = run("undertaker", {"defendant": "county_gov", "reconsidered": True, "government_role": "original_joint"})
    assert county["supervision"] == "必要时同级司法行政机关（县（市、区）司法局）全程指导、监督办理。"
    for params in ({"defendant": "city_gov", "reconsidered": True, "government_role": "sole"},
                   {"defendant": "city_gov", "reconsidered": True, "government_role": "joint"},   # it organises itself
                   {"defendant": "city_gov", "reconsidered": False},
                   {"defendant": "department", "reconsidered": True}):
        assert run("undertaker", params)["supervision"] is None


def test_government_role_is_ignored_when_not_reconsidered():
    a = run("undertaker", {"defendant": "city_gov", "reconsidered": False, "government_role": "sole",
                           "acting_agency": "市教育局"})
    assert a["undertaker"]["kind"] == "acting_agency"


# ---- burden of proof (art. 14) -------------------------------------------------------------

@pytest.mark.parametrize("role", ["joint", "original_joint"])
@pytest.mark.parametrize("served", [None, "2023-06-01"])
def test_burden_joint_follows_alp_interp_135(role, served):
    # alp-interp/135/2: both co-defendants bear the burden for the original act (either may present
    # the evidence); the reconsideration body for the whole legality of its decision. measures/14/1
    # only divides the work — whatever the date (the interpretation is in force since 2018).
    params = {"defendant": "city_gov", "reconsidered": True, "government_role": role,
              "acting_agency": "市人力资源和社会保障局"}
    r = run("undertaker", {**params, **({"complaint_served": served} if served else {})})
    original, decision = r["burden_of_proof"]
    assert original.startswith("原行政行为的合法性：作出原行政行为的行政机关和复议机关共同承担举证责任，可以由其中一个机关实施举证行为"
                               "（《行诉法解释》第一百三十五条第二款）")
    assert "复议机关不因此免除对原行政行为的举证责任" in original
    assert decision.startswith("复议决定的合法性：由复议机关承担举证责任（《行诉法解释》第一百三十五条第二款），包括复议决定的程序和实体")
    assert {"alp-interp/135/2", "alp-interp/135/3", "measures@2021/14/1"} <= set(refs(r))
    burden = next(p for p in r["precedence"] if p["prevails"] == "alp-interp/135/2")
    assert burden["local"]["ref"] == "measures@2021/14/1" and "上位法优先" in burden["text"]


def test_burden_sole():
    r = run("undertaker", {"defendant": "county_gov", "reconsidered": True, "government_role": "sole"})
    assert r["burden_of_proof"] == [
        "复议机关改变原行政行为、作为单独被告的：复议机关对复议决定的合法性承担举证责任（《行政诉讼法》第三十四条第一款、"
        "《办法》第十四条第一款）。",
        "必要时，可以要求作出原行政行为的行政机关予以协助（《办法》第十四条第一款）。",
    ]
    assert "precedence" not in r


@pytest.mark.parametrize("defendant", ["department", "township"])
def test_burden_for_original_agency_lists_both_configurations(defendant):
    r = run("undertaker", {"defendant": defendant, "reconsidered": True})
    assert len(r["burden_of_proof"]) == 2
    assert r["burden_of_proof"][0].startswith("复议机关决定维持、与本机关为共同被告的：本机关（作出原行政行为的行政机关）"
                                              "和复议机关对原行政行为的合法性共同承担举证责任")
    assert r["burden_of_proof"][1].startswith("复议机关改变原行政行为、作为单独被告的")
    assert {"measures@2021/14/1", "alp-interp/135/2", "alp/26/3", "alp/34/1", "arl/4/2"} <= set(refs(r))
    # the government's side in the same case is organised by its reconsideration office (arl/4/2)
    assert any("由其行政复议机构（同级司法行政机关）组织办理（《行政复议法》第四条第二款" in n for n in r["notes"])


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


@pytest.mark.parametrize("params", [
    {"government_role": "joint", "complaint_served": "2023-06-01"},
    {"government_role": "original_joint"},
])
def test_filing_government_joint_not_provided_for(params):
    r = run("undertaker", {"defendant": "county_gov", "reconsidered": True, "acting_agency": "县农业农村局", **params})
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
    assert len(t["rows"]) == len(RULES) + 1 == 8
    assert t["rows"][2] == ["市、县（市、区）人民政府", "经复议", "单独被告", "—", "同级司法行政机关", "第十条第一款第（二）项"]
    # the national rule that replaces the joint rows from its date, said in the table
    national = t["rows"][5]   # right after the two rows of the measures it replaces
    assert national[2] == "共同被告（作为复议机关）" and national[4].startswith("自2024年1月1日起")
    assert national[5] == "《行政复议法》第四条第二款（优先于第十条第一款第（二）项）"
    assert t["rows"][3][4].endswith("（人民政府作为复议机关的，仅适用于2024年1月1日前送达的案件）")
    assert t["refs"] == ["measures@2021/10/1/1", "measures@2021/10/1/2", "measures@2021/10/1/3", "measures@2021/11/1", "measures@2021/12/1"]


# ---- input errors --------------------------------------------------------------------------

@pytest.mark.parametrize("params,field", [
    ({"reconsidered": False}, "defendant"),
    ({"defendant": "province_gov", "reconsidered": False}, "defendant"),
    ({"defendant": "city_gov"}, "reconsidered"),
    ({"defendant": "city_gov", "reconsidered": "是"}, "reconsidered"),
    ({"defendant": "city_gov", "reconsidered": True}, "government_role"),
    ({"defendant": "county_gov", "reconsidered": True, "government_role": "both"}, "government_role"),
    ({"defendant": "county_gov", "reconsidered": True, "government_role": "sole", "complaint_served": "2023-02-30"},
     "complaint_served"),
    ({"defendant": "city_gov", "reconsidered": False, "acting_agency": 3}, "acting_agency"),
    ({"defendant": "city_gov", "reconsidered": False, "acting_agency": "局" * 101}, "acting_agency"),
])
def test_input_errors(params, field):
    with pytest.raises(InputError) as err:
        run("undertaker", params)
    assert err.value.field == field
    assert CHINESE.search(err.value.message)


# ---- the national rule over the measures (issue 14: arl/4/2 since 2024-01-01) -------------------

# (served, government's side organised by, kind) — a county government upheld the county natural
# resources bureau's decision and is co-defendant as the reconsideration body
NATIONAL = [
    (None, "同级司法行政机关（县（市、区）司法局），作为人民政府的行政复议机构", "justice_bureau"),   # stated default: now
    ("2024-01-01", "同级司法行政机关（县（市、区）司法局），作为人民政府的行政复议机构", "justice_bureau"),
    ("2026-11-20", "同级司法行政机关（县（市、区）司法局），作为人民政府的行政复议机构", "justice_bureau"),
    ("2023-12-31", "县自然资源局", "acting_agency"),   # before arl/4/2: measures/10/1/2
]


@pytest.mark.parametrize("served,organiser,kind", NATIONAL)
def test_government_co_defendant_as_reconsideration_body(served, organiser, kind):
    params = {"defendant": "county_gov", "reconsidered": True, "government_role": "joint", "acting_agency": "县自然资源局"}
    r = run("undertaker", {**params, **({"complaint_served": served} if served else {})})
    assert r["undertaker"] == {"kind": kind, "name": organiser}
    government, original = r["sides"]
    assert (government["side"], government["organiser"]) == ("reconsideration_body", organiser)
    # the original act is defended by the agency that did it, a co-defendant in its own right
    assert (original["side"], original["organiser"]) == ("original_agency", "县自然资源局")
    assert "alp/26/2" in [b["ref"] for b in original["basis"]]
    national = kind == "justice_bureau"
    assert ("arl/4/2" in [b["ref"] for b in government["basis"]]) is national
    rules = {p["prevails"]: p for p in r.get("precedence", [])}
    assert ("arl/4/2" in rules) is national
    if national:
        p = rules["arl/4/2"]
        assert p["local"]["ref"] == "measures@2021/10/1/2" and p["national"]["ref"] == "arl/4/2"
        assert "上位法优先" in p["text"] and "新法优先" in p["text"]
        assert r["filing"]["required"] is False and r["supervision"] is None
        assert refs(r)[0] == "arl/4/2" and "measures@2021/10/1/2" in refs(r)
    else:
        assert any("2024年1月1日" in n and "《行政复议法》第四条第二款" in n for n in r["notes"])
    assert any("未填写起诉状副本送达日期" in n for n in r["notes"]) is (served is None)


def test_government_as_original_actor_co_defendant_keeps_measures_10_1_2():
    # the county government did the act, the city government upheld it: the county's side is its
    # acting agency's (measures/10/1/2); arl/4/2 concerns the reconsideration body's side
    r = run("undertaker", {"defendant": "county_gov", "reconsidered": True, "government_role": "original_joint",
                           "acting_agency": "县住房和城乡建设局"})
    assert r["undertaker"] == {"kind": "acting_agency", "name": "县住房和城乡建设局"}
    assert [(s["side"], s["organiser"]) for s in r["sides"]] == [
        ("original_agency", "县住房和城乡建设局"), ("reconsideration_body", "复议机关的行政复议机构")]
    assert any(s["text"].startswith("与复议机关为共同被告的，作出原行政行为的行政机关负责人应当出庭应诉") for s in r["steps"])


def test_government_sued_alone_as_original_actor_states_the_reading():
    # e.g. the reconsideration body did not decide and the plaintiff sued the original act (alp/26/3)
    r = run("undertaker", {"defendant": "city_gov", "reconsidered": True, "government_role": "original_sole",
                           "acting_agency": "市城市管理局"})
    assert r["undertaker"] == {"kind": "acting_agency", "name": "市城市管理局"}
    note = next(n for n in r["notes"] if "本计算器的理解" in n)
    assert "另一种理解按文义适用第十条第一款第（二）项，由同级司法行政机关承办" in note
    assert {"measures@2021/10/1/1", "measures@2021/10/1/2", "alp/26/3"} <= set(refs(r))
    assert r["burden_of_proof"] == ["人民政府作为作出原行政行为的机关单独为被告的，由其对作出的行政行为负举证责任"
                                    "（《行政诉讼法》第二十六条第三款、《行政诉讼法》第三十四条第一款）；"
                                    "不属于《办法》第十四条第一款规定的情形。"]
    assert not any("与复议机关为共同被告的" in s["text"] for s in r["steps"])


def test_sole_reconsideration_body_agrees_with_arl_4_2():
    r = run("undertaker", {"defendant": "county_gov", "reconsidered": True, "government_role": "sole"})
    assert r["undertaker"]["kind"] == "justice_bureau" and "arl/4/2" in refs(r)
    assert any("与《行政复议法》第四条第二款" in n for n in r["notes"])

"""Calculator "principal_appearance": measures art. 22 第一款 and arts. 19, 20, 23, 24, 27.

“超过” excludes the number named, “以上” includes it: item (一) needs more than 10 plaintiffs
and more than 10,000,000 yuan; item (二) needs 2 or more units or enterprises.
"""
import re

import pytest

from calculators import InputError, run
from calculators.principal import ITEMS, rule_table

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def items(result):
    return [g["item"] for g in result["grounds"]]


def refs(result):
    return [b["ref"] for b in result["basis"]]


# (params, items met) — boundaries of items (一) and (二)
COUNTS = [
    ({"plaintiff_count": 11, "compensation_claimed": 10_000_001}, [1]),
    ({"plaintiff_count": 10, "compensation_claimed": 10_000_001}, []),          # 10 is not “超过10人”
    ({"plaintiff_count": 11, "compensation_claimed": 10_000_000}, []),          # exactly 1000万 is not “超过”
    ({"plaintiff_count": 11, "compensation_claimed": 10_000_000.01}, [1]),
    ({"plaintiff_count": 200, "compensation_claimed": 0}, []),
    ({"plaintiff_count": 1, "compensation_claimed": 50_000_000}, []),
    ({"plaintiff_count": 11}, []),                                              # compensation defaults to 0
    ({"plaintiff_count": 2, "suing_units": 1}, []),                             # one unit is not “两个或两个以上”
    ({"plaintiff_count": 2, "suing_units": 2}, [2]),
    ({"plaintiff_count": 30, "suing_units": 12, "compensation_claimed": 12_000_000}, [1, 2]),
    ({"plaintiff_count": 1}, []),
]


@pytest.mark.parametrize("params,expected", COUNTS)
def test_counting_items(params, expected):
    r = run("principal_appearance", params)
    assert items(r) == expected
    assert r["principal_must_appear"] is bool(expected)
    assert r["head_must_appear"] is True


FLAGS = [(field, number) for number, field, _, _ in ITEMS if field]


def test_flags_cover_items_3_to_10():
    assert [n for _, n in FLAGS] == list(range(3, 11))


@pytest.mark.parametrize("field,number", FLAGS)
def test_each_flag_alone_triggers_its_item(field, number):
    r = run("principal_appearance", {"plaintiff_count": 1, field: True})
    assert items(r) == [number]
    assert r["principal_must_appear"] is True
    ground = r["grounds"][0]
    assert ground["ref"] == f"measures@2021/22/1/{number}"
    assert ground["ref"] in refs(r)
    assert "measures@2021/22/1" not in refs(r)


@pytest.mark.parametrize("field,number", FLAGS)
def test_each_flag_false_does_not_trigger(field, number):
    r = run("principal_appearance", {"plaintiff_count": 1, field: False})
    assert items(r) == []


def test_ground_texts_are_the_measures_text():
    r = run("principal_appearance", {"plaintiff_count": 1, "court_notice": True, "procuratorate": True})
    assert r["grounds"] == [
        {"item": 7, "ref": "measures@2021/22/1/7", "text": "（七）检察机关提起行政公益诉讼或抗诉的；"},
        {"item": 9, "ref": "measures@2021/22/1/9", "text": "（九）人民法院书面通知要求主要负责人出庭应诉的；"},
    ]


def test_no_ground_cites_the_whole_list():
    r = run("principal_appearance", {"plaintiff_count": 3})
    assert r["principal_must_appear"] is False
    assert refs(r)[0] == "measures@2021/22/1"
    assert r["notes"][0] == "不属于《办法》第二十二条第一款所列情形，主要负责人不是必须出庭；但仍应由行政机关负责人出庭应诉。"


def test_notes_explain_a_half_met_item_1():
    r = run("principal_appearance", {"plaintiff_count": 15, "compensation_claimed": 10_000_000})
    assert any("两个条件同时具备" in n for n in r["notes"])
    r = run("principal_appearance", {"plaintiff_count": 2, "suing_units": 1})
    assert any("仅1个单位或企业起诉" in n for n in r["notes"])


def test_notes_on_who_appears_and_agents():
    r = run("principal_appearance", {"plaintiff_count": 1})
    joined = "\n".join(r["notes"])
    for phrase in ("正职负责人、副职负责人、参与分管被诉行政行为实施工作的副职级别的负责人以及其他参与分管的负责人",
                   "被诉行政机关委托的组织或者下级行政机关的负责人，不能作为被诉行政机关负责人出庭应诉",
                   "谁分管、谁出庭", "确定临时出庭应诉负责人或申请法院延期开庭",
                   "1至2名诉讼代理人", "不得仅委托律师出庭"):
        assert phrase in joined
    assert {"measures@2021/19/2", "measures@2021/19/3", "measures@2021/20/1", "measures@2021/27/1", "head-rules/8", "alp/3/3"} <= set(refs(r))
    assert "measures@2021/23/1" not in refs(r)


def test_enterprise_case_adds_art_23():
    r = run("principal_appearance", {"plaintiff_count": 1, "enterprise_party": True})
    assert r["principal_must_appear"] is False      # art. 23 raises the share, it adds no item
    assert "measures@2021/23/1" in refs(r)
    assert any("加大主要负责人出庭应诉比例" in n and "全程参与纠纷化解" in n for n in r["notes"])


# ---- art. 24: reconsidered cases -----------------------------------------------------------

@pytest.mark.parametrize("role,head,phrase", [
    ("none", True, None),
    ("sole", True, "本级人民政府有关负责人应当出庭应诉"),
    ("joint_original", True, "作出原行政行为的行政机关负责人应当出庭应诉"),
    ("joint_reconsideration", False, "复议机关可仅委托工作人员出庭应诉"),
])
def test_reconsideration_role(role, head, phrase):
    r = run("principal_appearance", {"plaintiff_count": 1, "reconsideration_role": role})
    assert r["head_must_appear"] is head
    if phrase:
        assert any(phrase in n for n in r["notes"])
        assert "measures@2021/24/1" in refs(r)
    else:
        assert "measures@2021/24/1" not in refs(r)


def test_reconsideration_organ_still_sends_principal_when_an_item_applies():
    r = run("principal_appearance", {"plaintiff_count": 1, "court_notice": True,
                                     "reconsideration_role": "joint_reconsideration"})
    assert r["principal_must_appear"] is True and r["head_must_appear"] is True
    # the reading of art. 22 over art. 24 is said, with the other one
    reading = next(n for n in r["notes"] if "另一种理解" in n)
    assert "第二十四条第一款" in reading and "第二十二条第一款" in reading and "前一种理解" in reading
    assert "head-rules/3/1" in refs(r)


def test_reconsideration_organ_without_an_item_has_no_reading_to_state():
    r = run("principal_appearance", {"plaintiff_count": 1, "reconsideration_role": "joint_reconsideration"})
    assert not any("另一种理解" in n for n in r["notes"])
    assert any("《负责人出庭应诉规定》第三条第一款" in n for n in r["notes"])


# ---- rule table ----------------------------------------------------------------------------

def test_rule_table():
    t = rule_table()
    assert t["columns"] == ["项", "情形（原文）", "本计算器的判断条件"]
    assert len(t["rows"]) == 10 and all(len(row) == 3 for row in t["rows"])
    assert t["rows"][0][:2] == ["第（一）项", "超过10人的集团诉讼行政案件，且涉案赔偿金额超过1000万元的；"]
    assert t["rows"][9][0] == "第（十）项"
    assert t["refs"] == [f"measures@2021/22/1/{n}" for n in range(1, 11)]


# ---- input errors --------------------------------------------------------------------------

@pytest.mark.parametrize("params,field", [
    ({}, "plaintiff_count"),
    ({"plaintiff_count": 0}, "plaintiff_count"),
    ({"plaintiff_count": 2.5}, "plaintiff_count"),
    ({"plaintiff_count": "11"}, "plaintiff_count"),
    ({"plaintiff_count": 11, "compensation_claimed": -1}, "compensation_claimed"),
    ({"plaintiff_count": 11, "compensation_claimed": "一千万"}, "compensation_claimed"),
    ({"plaintiff_count": 3, "suing_units": -1}, "suing_units"),
    ({"plaintiff_count": 3, "suing_units": 4}, "suing_units"),
    ({"plaintiff_count": 3, "court_notice": "yes"}, "court_notice"),
    ({"plaintiff_count": 3, "enterprise_party": 1}, "enterprise_party"),
    ({"plaintiff_count": 3, "reconsideration_role": "joint"}, "reconsideration_role"),
])
def test_input_errors(params, field):
    with pytest.raises(InputError) as err:
        run("principal_appearance", params)
    assert err.value.field == field
    assert CHINESE.search(err.value.message)

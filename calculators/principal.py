"""Must the principal head (主要负责人) appear in court? measures/22/1, with measures/19, /20,
/23, /24 and /27 on who appears and how.

Chinese legal counting: “超过” excludes the number named, “以上” includes it (so item (1)
needs more plaintiffs and more compensation than the numbers named; item (2) “两个或两个以上”
means two or more). The numbers come from calculators/data/parameters.toml.
"""
from __future__ import annotations

from . import inputs, present, provisions
from .errors import InputError
from .provisions import text
from .rules import At
from .spec import Field, Spec

# The ten items of measures/22/1: item number, input field (None = computed from counts),
# input label, and the condition this calculator checks (None: from the numbers, see `conditions`).
ITEMS = (
    (1, None, None, None),
    (2, None, None, None),
    (3, "enforcement_impact", "对行政机关的下步执法可能会产生重大影响", "经判断属于该情形"),
    (4, "public_interest", "涉及重大公共利益", "经判断属于该情形"),
    (5, "public_attention", "社会关注度高", "经判断属于该情形"),
    (6, "mass_incident_risk", "可能引发群体性事件", "经判断属于该情形"),
    (7, "procuratorate", "检察机关提起行政公益诉讼或抗诉", "属于该情形"),
    (8, "justice_bureau_requires", "司法行政机关明确要求主要负责人出庭应诉", "司法行政机关认为更有助于纠纷实质化解并明确要求"),
    (9, "court_notice", "人民法院书面通知要求主要负责人出庭应诉", "收到人民法院书面通知"),
    (10, "other", "其他需要主要负责人出庭应诉的情形", "经判断属于该情形"),
)

RECONSIDERATION_ROLES = {
    "none": "未经复议（或不涉及复议）",
    "sole": "本机关为复议机关，单独被告",
    "joint_original": "本机关作出原行政行为，与复议机关为共同被告",
    "joint_reconsideration": "本机关为复议机关，与作出原行政行为的机关为共同被告",
}


def _ref(item: int) -> str:
    return f"measures/22/1/{item}"


def _thresholds(law: At) -> tuple[int, int, int]:
    return (law.value("principal_plaintiffs_over"), law.value("principal_compensation_over"),
            law.value("principal_suing_units_at_least"))


def _yuan(amount: int) -> str:
    """10000000 -> 1000万元."""
    return f"{amount // 10_000}万元" if amount % 10_000 == 0 else f"{amount}元"


def conditions(law: At) -> dict[int, str]:
    """What this calculator checks for each item, in plain words."""
    people, money, units = _thresholds(law)
    return {
        1: f"原告超过{people}人（{people}人不算）且涉案赔偿金额超过{_yuan(money)}（恰为{_yuan(money)}不算）",
        2: f"同时起诉的单位或企业有{units}个或{units}个以上",
        **{n: condition for n, _, _, condition in ITEMS if condition},
    }


def rule_table() -> dict:
    """measures/22/1 as a table: the ten items and the condition checked for each."""
    law = At(None)
    checks = conditions(law)
    return {
        "columns": ["项", "情形（原文）", "本计算器的判断条件"],
        "rows": [[provisions.last_position(law.ref(_ref(n))), text(law.ref(_ref(n))).split("）", 1)[1], checks[n]]
                 for n, *_ in ITEMS],
        "refs": [law.ref(_ref(n)) for n, *_ in ITEMS],
    }


def principal_appearance(params: dict) -> dict:
    """measures/22/1: any one of the ten items makes the principal head's appearance mandatory."""
    law = At(None)   # no date of the case is asked: the rules of the newest edition
    plaintiffs = inputs.integer(params, "plaintiff_count", "原告人数", minimum=1)
    compensation = inputs.amount(params, "compensation_claimed", "涉案赔偿金额（元）", default=0)
    units = inputs.integer(params, "suing_units", "同时起诉的单位或企业数", default=0)
    if units > plaintiffs:
        raise InputError("suing_units", "“同时起诉的单位或企业数”不能多于“原告人数”（起诉的单位或企业也是原告）。")
    flags = {field: inputs.boolean(params, field, label, default=False) for _, field, label, _ in ITEMS if field}
    enterprise = inputs.boolean(params, "enterprise_party", "原告或第三人中有企业法人（涉企行政案件）", default=False)
    role = inputs.choice(params, "reconsideration_role", "复议案件中本机关的被告地位", RECONSIDERATION_ROLES,
                         required=False) or "none"

    people, money, at_least = _thresholds(law)
    met = {1: plaintiffs > people and compensation > money, 2: units >= at_least}
    for number, field, _, _ in ITEMS:
        if field:
            met[number] = flags[field]
    grounds = [{"item": n, "ref": law.ref(_ref(n)), "text": text(law.ref(_ref(n)))} for n, *_ in ITEMS if met[n]]
    principal = bool(grounds)
    head = principal or role != "joint_reconsideration"

    notes, refs = _notes(law, principal, head, role, enterprise, plaintiffs, compensation, units)
    basis = [_ref(g["item"]) for g in grounds] or ["measures/22/1"]
    basis += refs
    return {
        "principal_must_appear": principal,
        "grounds": grounds,
        "head_must_appear": head,
        "notes": [law.text(n) for n in notes],
        "basis": [law.cite(r) for r in _unique(basis)],
    }


def _notes(law, principal, head, role, enterprise, plaintiffs, compensation, units):
    """measures/19, /20, /23, /24, /27: who appears, what if they cannot, agents."""
    people, money, at_least = _thresholds(law)
    notes: list[str] = []
    refs: list[str] = []
    if principal:
        notes.append("属于[[measures/22/1]]规定的情形，行政机关主要负责人应当出庭应诉。")
    else:
        notes.append("不属于[[measures/22/1]]所列情形，主要负责人不是必须出庭；但仍应由行政机关负责人出庭应诉。"
                     if head else "不属于[[measures/22/1]]所列情形，主要负责人不是必须出庭。")
    if plaintiffs > people and compensation <= money:
        notes.append(f"原告超过{people}人，但涉案赔偿金额未超过{_yuan(money)}，[[measures/22/1/1#]]要求两个条件同时具备，不满足。")
    elif plaintiffs <= people and compensation > money:
        notes.append(f"涉案赔偿金额超过{_yuan(money)}，但原告未超过{people}人，[[measures/22/1/1#]]要求两个条件同时具备，不满足。")
    if 0 < units < at_least:
        notes.append(f"仅{units}个单位或企业起诉，[[measures/22/1/2#]]要求{at_least}个或{at_least}个以上单位或企业同时起诉，不满足。")

    if role == "sole":
        notes.append("复议机关为单独被告的，本级人民政府有关负责人应当出庭应诉（[[measures/24/1]]）。")
        refs.append("measures/24/1")
    elif role == "joint_original":
        notes.append("作出原行政行为的行政机关与复议机关为共同被告的，作出原行政行为的行政机关负责人应当出庭应诉。"
                     "作出原行政行为的两个以上行政机关为共同被告的，所有行政机关负责人可以共同出庭应诉，也可以协商由牵头"
                     "作出行政行为的行政机关负责人出庭应诉，协商不成的报同级司法行政机关确定（[[measures/24/1]]）。")
        refs.append("measures/24/1")
    elif role == "joint_reconsideration":
        notes.append("复议机关与作出原行政行为的行政机关为共同被告的，复议机关可仅委托工作人员出庭应诉；"
                     "复议机关负责人积极出庭应诉参与纠纷化解的，应予鼓励和支持（[[measures/24/1]]）。"
                     "这与[[head-rules/3/1]]相合：有共同被告的，可以由共同被告协商确定行政机关负责人出庭应诉，也可以由"
                     "人民法院确定；人民法院通知复议机关负责人出庭的，复议机关负责人应当出庭。")
        if principal:
            notes.append("本案属于[[measures/22/1]]规定的情形。本计算器的理解：该款所列情形不区分被告地位，复议机关作共同被告时"
                         "同样适用，[[measures/24/1#]]“复议机关可仅委托工作人员出庭应诉”不排除该款，复议机关主要负责人仍应出庭应诉。"
                         "另一种理解认为[[measures/24/1#]]是复议机关作共同被告时的特别规定，由作出原行政行为的行政机关负责人出庭，"
                         "复议机关可仅委托工作人员出庭。本计算器采用前一种理解，因其不会使应当出庭的负责人缺席。")
        refs += ["measures/24/1", "head-rules/3/1"]

    if head:
        notes.append("被诉行政机关负责人应当出庭应诉；司法行政机关确保行政机关负责人出庭应诉率实现100%。")
        refs += ["alp/3/3", "measures/19/1", "measures/20/1"]
    notes.append("可以出庭的负责人：正职负责人、副职负责人、参与分管被诉行政行为实施工作的副职级别的负责人以及其他参与分管的负责人。")
    notes.append("被诉行政机关委托的组织或者下级行政机关的负责人，不能作为被诉行政机关负责人出庭应诉。")
    notes.append("出庭应诉负责人按照“谁分管、谁出庭”的原则确定。")
    notes.append("负责人因不可抗力、意外事件、需要履行他人不能代替的公务或者其他正当事由不能及时出庭的，"
                 "应当第一时间报告本机关主要负责人，由其确定临时出庭应诉负责人或申请法院延期开庭；"
                 f"负责人未出庭应诉的案件，相关负责人（含主要负责人）要在{law.param('absence_report_period').text}内"
                 "向本级党委和政府主要负责人书面报告情况。")
    notes.append("负责人出庭应诉的，开庭前向人民法院提交载明姓名、职务等基本信息并加盖应诉机关印章的出庭应诉负责人身份证明。")
    notes.append("负责人出庭应诉的，可以另行委托1至2名诉讼代理人，其中至少1名应为熟悉本机关相关业务的工作人员，不得仅委托律师出庭。")
    refs += ["measures/19/2", "measures/19/3", "head-rules/8", "measures/19/4", "measures/27/1"]
    if enterprise:
        notes.append("涉企行政案件：在确保行政机关负责人出庭应诉率100%基础上，应当加大主要负责人出庭应诉比例；"
                     "涉诉部门负责人要全程参与纠纷化解，庭审前后积极与涉案企业或行业协会、商会等沟通，"
                     "力所能及帮助企业解决生产经营中的实际困难。")
        refs.append("measures/23/1")
    return notes, refs


def _unique(refs):
    """Refs in first-seen order without repeats."""
    return list(dict.fromkeys(refs))


def present_result(r: dict) -> dict:
    if r["principal_must_appear"]:
        headline = ["行政机关主要负责人应当出庭应诉"]
    elif r["head_must_appear"]:
        headline = ["主要负责人不是必须出庭，但行政机关负责人应当出庭应诉"]
    else:
        headline = ["本机关可仅委托工作人员出庭应诉"]
    sections = []
    if r["grounds"]:
        sections.append({"title": At(None).text("符合[[measures/22/1#]]的情形"), "items": r["grounds"]})
    sections.append({"title": "说明", "items": present.items(r["notes"])})
    return {"headline": headline, "tone": "alert" if r["principal_must_appear"] else "ok", "sections": sections}


def _fields() -> tuple:
    law = At(None)
    people, money, at_least = _thresholds(law)
    item = lambda n: provisions.last_position(law.ref(_ref(n)))   # noqa: E731 — the item's own number
    return (
        Field("plaintiff_count", "int", "原告人数", f"{item(1)}：超过{people}人（不含{people}人）的集团诉讼。",
              "measures/22/1/1", required=True, minimum=1),
        Field("compensation_claimed", "amount", "涉案赔偿金额（元）",
              f"{item(1)}：超过{_yuan(money)}（不含{_yuan(money)}）。", "measures/22/1/1"),
        Field("suing_units", "int", "同时起诉的单位或企业数",
              f"{item(2)}：{at_least}个或{at_least}个以上单位或企业同时起诉。", "measures/22/1/2", minimum=0),
        *(Field(field, "bool", label, "", _ref(n)) for n, field, label, _ in ITEMS if field),
        Field("enterprise_party", "bool", "原告或第三人中有企业法人（涉企行政案件）",
              "涉企行政案件应当加大主要负责人出庭应诉比例。", "measures/23/1"),
        Field("reconsideration_role", "choice", "复议案件中本机关的被告地位",
              law.text("经复议的案件，按[[measures/24#]]确定由谁的负责人出庭。"), "measures/24/1",
              options=RECONSIDERATION_ROLES, default="none"),
    )


SPEC = Spec(
    name="principal_appearance", title="主要负责人是否出庭", order=30, slug="principal",
    purpose=At(None).text("对照[[measures/22/1#]]所列情形判断本案主要负责人是否应当出庭应诉"),
    intro=At(None).text("对照[[measures/22/1#]]所列十种情形，判断本案行政机关主要负责人是否应当出庭应诉。"),
    fields=_fields(),
    refs=("measures/19/2", "measures/20/1", "measures/22/1", "measures/23/1", "measures/24/1", "measures/27/1"),
    run=principal_appearance, present=present_result, rule_table=rule_table,
    example={"plaintiff_count": 1},
)

"""Who undertakes a case (应诉承办单位): measures arts. 10–14 and 38.

Art. 10 decides the undertaker when a 市、县（市、区）人民政府 is the defendant; art. 11 when a
government work department is; art. 12 when a 乡镇人民政府（街道办事处）is. Art. 13 says what the
undertaker does (and when the answer is filed with the justice bureau for record), art. 14 who
bears the burden of proof in reconsidered cases, art. 38 the three-day registration.
"""
from . import inputs, present
from .rules import At
from .spec import Field, Spec

DEFENDANTS = {
    "city_gov": "市人民政府",
    "county_gov": "县（市、区）人民政府",
    "department": "人民政府工作部门",
    "township": "乡镇人民政府（街道办事处）",
}
GOVERNMENT_ROLES = {"sole": "单独被告", "joint": "共同被告"}

# defendant -> defendant group used by RULES, and the generic names of its level's offices
GROUP = {"city_gov": "government", "county_gov": "government",
         "department": "department", "township": "township"}
JUSTICE_BUREAU = {
    "city_gov": "同级司法行政机关（市司法局）",
    "county_gov": "同级司法行政机关（县（市、区）司法局）",
    "department": "同级司法行政机关",
    "township": "同级司法行政机关",
}
GOVERNMENT_OFFICE = {"city_gov": "市人民政府办公室", "county_gov": "县（市、区）人民政府办公室"}

KINDS = {
    "acting_agency": "具体实施（承担）被诉行政行为的行政机关",
    "justice_bureau": "同级司法行政机关",
    "decided_by_government_office": "由人民政府办公室根据同级司法行政机关建议确定",
    "internal_unit": "部门内部应诉承办机构或单位",
    "township_decides": "由乡镇人民政府（街道办事处）确定",
}

# The rule table of arts. 10–12. Columns: defendant group, reconsidered (None = either),
# government role (None = not asked), acting agency known (None = either), kind, refs.
RULES = (
    ("government", False, None, True, "acting_agency", ("measures/10/1/1",)),
    ("government", False, None, False, "decided_by_government_office", ("measures/10/1/1", "measures/10/1/3")),
    ("government", True, "sole", None, "justice_bureau", ("measures/10/1/2",)),
    ("government", True, "joint", True, "acting_agency", ("measures/10/1/2",)),
    ("government", True, "joint", False, "decided_by_government_office", ("measures/10/1/2", "measures/10/1/3")),
    ("department", None, None, None, "internal_unit", ("measures/11/1",)),
    ("township", None, None, None, "township_decides", ("measures/12/1",)),
)

_GROUP_NAMES = {"government": "市、县（市、区）人民政府", "department": "市、县（市、区）人民政府工作部门",
                "township": "乡镇人民政府（街道办事处）"}
_KNOWN = {True: "明确", False: "不明确", None: "—"}
_RECONSIDERED = {True: "经复议", False: "未经复议", None: "均适用"}


def rule_table() -> dict:
    """Arts. 10–12 as a table for the site's pages (plain Chinese cells)."""
    rows = []
    for group, reconsidered, role, known, kind, refs in RULES:
        rows.append([
            _GROUP_NAMES[group],
            _RECONSIDERED[reconsidered],
            GOVERNMENT_ROLES.get(role, "—"),
            _KNOWN[known],
            KINDS[kind],
            "；".join(_short_label(r) for r in refs),
        ])
    law = At(None)
    refs = sorted({law.ref(r) for *_, rs in RULES for r in rs}, key=_sort_key)
    return {
        "columns": ["被告", "是否经行政复议", "人民政府的被告地位", "实施被诉行为的机关是否明确", "应诉承办单位", "依据"],
        "rows": rows,
        "refs": refs,
    }


def _short_label(ref: str) -> str:
    from .provisions import position
    return position(ref)


def _sort_key(ref: str):
    return [int(p) for p in ref.split("/")[1:]]


def _match(group: str, reconsidered: bool, role: str | None, known: bool):
    for rule in RULES:
        r_group, r_recon, r_role, r_known, kind, refs = rule
        if r_group != group:
            continue
        if r_recon is not None and r_recon != reconsidered:
            continue
        if r_role is not None and r_role != role:
            continue
        if r_known is not None and r_known != known:
            continue
        return kind, refs
    raise AssertionError("rule table has no row for this case")  # pragma: no cover


def undertaker(params: dict) -> dict:
    """Decide the undertaker (arts. 10–12), its steps (arts. 13, 15–18, 38), filing (art. 13)
    and, for reconsidered cases, the burden of proof (art. 14)."""
    defendant = inputs.choice(params, "defendant", "被告", DEFENDANTS)
    reconsidered = inputs.boolean(params, "reconsidered", "是否经行政复议")
    acting = inputs.text(params, "acting_agency", "具体实施（承担）被诉行政行为的机关或机构", max_length=100)
    group = GROUP[defendant]
    role = None
    if group == "government" and reconsidered:
        role = inputs.choice(params, "government_role", "人民政府在本案中的被告地位", GOVERNMENT_ROLES)

    law = At(None)   # no date of the case is asked: the rules of the newest edition
    kind, refs = _match(group, reconsidered, role, bool(acting))
    basis = list(refs)
    notes: list[str] = []

    undertaker_ = {"kind": kind, "name": _name(kind, defendant, acting)}
    supervision = None
    if group == "government" and role == "joint":
        supervision = f"必要时{JUSTICE_BUREAU[defendant]}全程指导、监督办理。"
    if kind == "decided_by_government_office":
        notes.append("未填写具体实施被诉行政行为的机关，按应诉承办单位不明确处理；"
                     "如已明确，填写后可得出具体的应诉承办单位。")
    if group == "government" and role == "sole":
        notes.append("“人民政府作为单独被告”按复议机关改变原行政行为、以复议机关为被告的情形理解"
                     "（[[alp/26/2!]]）。")
        basis.append("alp/26/2")
    if group == "government" and role == "joint":
        notes.append("“人民政府作为共同被告”包括人民政府作为复议机关决定维持原行政行为、与作出原行政行为的行政机关"
                     "为共同被告的情形（[[alp/26/2!]]）。")
        basis.append("alp/26/2")
    if group == "department":
        notes.append("部门内部由办公室（或综合科）负责应诉法律文书的接收及运转，法治机构负责组织、指导、监督、协调"
                     "（[[measures/9/1]]）；应诉承办机构或单位按“谁行为，谁负责，谁主办，谁应诉”的原则确定。")
        basis.append("measures/9/1")
    if group == "department" and reconsidered:
        notes.append("经复议的部门案件，[[measures/10]]仅适用于以人民政府为被告的情形；部门一方仍按[[measures/11#]]确定内部"
                     "应诉承办机构或单位，举证责任按[[measures/14#]]分担。复议机关（人民政府）一方的应诉承办单位按"
                     "[[measures/10/1/2#]]确定。")

    filing = _filing(defendant, group, reconsidered, role, undertaker_["name"], notes)
    basis.extend(filing.pop("_refs"))
    filing["text"] = law.text(filing["text"])
    steps = _steps(defendant, group, reconsidered, role, filing)
    basis.extend(s["ref"] for s in steps)
    steps = [{**s, "ref": law.ref(s["ref"])} for s in steps]

    burden = None
    if reconsidered:
        burden = _burden(group, role)
        basis.append("measures/14/1")
    if reconsidered and group != "government":
        notes.append("复议机关在法定期限内未作出复议决定、原告起诉原行政行为的，作出原行政行为的行政机关是被告"
                     "（[[alp/26/3!]]），由其对作出的行政行为负举证责任（[[alp/34#]]），"
                     "不属于[[measures/14]]规定的情形。")
        basis += ["alp/26/3", "alp/34/1"]

    return {
        "undertaker": undertaker_,
        "supervision": supervision,
        "steps": steps,
        "burden_of_proof": burden,
        "filing": filing,
        "notes": [law.text(n) for n in notes],
        "basis": [law.cite(r) for r in _unique(basis)],
        "warnings": law.validity_warnings(),
    }


def _name(kind: str, defendant: str, acting: str) -> str:
    """Generic name of the undertaker; never a guessed proper name."""
    if kind == "justice_bureau":
        return JUSTICE_BUREAU[defendant]
    if kind == "decided_by_government_office":
        return (f"由{GOVERNMENT_OFFICE[defendant]}根据{JUSTICE_BUREAU[defendant]}建议"
                "并结合涉诉事项确定的单位")
    if acting:
        return acting
    if kind == "internal_unit":
        return "被诉部门按“谁行为，谁负责，谁主办，谁应诉”原则确定的内部应诉承办机构或单位"
    return "由乡镇人民政府（街道办事处）按“谁行为，谁负责，谁主办，谁应诉”原则确定的应诉承办单位"


def _filing(defendant, group, reconsidered, role, name, notes) -> dict:
    """Art. 13: filing the answer materials with the justice bureau for record (备案).

    measures/13/1 covers government-defendant cases 未经复议 only; measures/13/2 makes department and
    township defendant cases follow paragraph 1 (按照……规定履行应诉职责) without repeating that limit.
    """
    bureau = JUSTICE_BUREAU[defendant]
    if group == "government" and not reconsidered:
        return {"required": True, "by": name, "with": bureau,
                "text": f"应诉承办单位将答辩状、证据目录及证据、依据等材料报{bureau}备案后，在法定期限内提交人民法院。",
                "_refs": ["measures/13/1"]}
    if group == "government" and role == "sole":
        return {"required": False, "by": name, "with": None,
                "text": "同级司法行政机关本身即为应诉承办单位；[[measures/13/1]]的报备规定仅针对未经复议的案件，不适用。",
                "_refs": ["measures/13/1"]}
    if group == "government":
        return {"required": None, "by": name, "with": bureau,
                "text": ("[[measures/13/1]]的报备规定仅针对以人民政府为被告的未经复议的案件，本办法对经复议、人民政府为共同被告的案件"
                         f"未规定报备；此类案件必要时由{bureau}全程指导、监督办理（[[measures/10/1/2#]]）。"),
                "_refs": ["measures/13/1"]}
    # department / township: measures/13/2 refers to measures/13/1
    notes.append("[[measures/13/2]]规定，以人民政府工作部门和乡镇人民政府（街道办事处）作为被告的行政应诉案件，应诉承办单位"
                 "按照[[measures/13/1#]]规定履行应诉职责；该款的职责包括报同级司法行政机关备案后在法定期限内提交人民法院。"
                 "[[measures/13/2#]]未区分是否经复议，按文义经复议的案件同样适用；另一种理解认为[[measures/13/1#]]"
                 "“未经复议”的限定随引用一并适用。")
    if group == "township":
        notes.append("乡镇人民政府（街道办事处）一级一般不设司法行政机关（司法所为县级司法行政机关的派出机构），"
                     "“同级司法行政机关”具体指向宜向县（市、区）司法局确认。")
    return {"required": True, "by": name, "with": bureau,
            "text": (f"应诉承办单位按照[[measures/13/1#]]规定履行应诉职责：将答辩状、证据目录及证据、依据等材料报{bureau}备案后，"
                     "在法定期限内提交人民法院。"),
            "_refs": ["measures/13/2", "measures/13/1"]}


def _steps(defendant, group, reconsidered, role, filing) -> list[dict]:
    """What happens after the court's papers arrive (arts. 38, 18, 13, 15–17, 24)."""
    if group == "government":
        duty_ref = "measures/15/1" if reconsidered else "measures/13/1"
    else:
        duty_ref = "measures/13/2"
    steps = [
        {"text": "应诉机关收到人民法院的行政应诉法律文书后，在3日内登记，及时确定行政应诉承办单位，明确行政应诉承办人员；"
                 "不得以被告不适格为由拒绝承担应诉职责。", "ref": "measures/38/1"},
        {"text": "开展败诉风险评估；存在败诉风险的，于提交答辩材料前3个工作日内向应诉机关报告，"
                 "符合和解调解范围的积极组织调解、参与诉前和解。", "ref": "measures/18/1"},
        {"text": "起草答辩状（载明受理法院和案号、答辩机关基本信息、事实和相关依据、主要观点和答辩请求、落款和日期）。",
         "ref": duty_ref},
        {"text": "制作证据目录，逐一分类编号，说明证据材料的来源、证明对象、内容和证明目的；整理证据、依据及其他材料。",
         "ref": "measures/16/1"},
    ]
    if filing["required"]:
        steps.append({"text": f"报{filing['with']}备案。", "ref": duty_ref})
    steps += [
        {"text": "在答辩状、证据目录、法定代表人身份证明书、授权委托书和出庭应诉负责人证明书等文书上加盖应诉机关印章，"
                 "在法定期限内提交人民法院（被告应当在收到起诉状副本之日起十五日内提交证据、依据并提出答辩状）。",
         "ref": "measures/17/1"},
        {"text": "因不可抗力或者其他正当事由不能在举证期限内提交的，在期限届满前向人民法院书面申请延长举证期限。",
         "ref": "measures/17/2"},
    ]
    if group == "government" and role == "sole":
        steps.append({"text": "收到开庭传票后组织、联络出庭应诉：复议机关为单独被告的，本级人民政府有关负责人应当出庭应诉。",
                      "ref": "measures/24/1"})
    elif group == "government" and role == "joint":
        steps.append({"text": "收到开庭传票后组织、联络出庭应诉：作出原行政行为的行政机关负责人应当出庭应诉，"
                              "复议机关可仅委托工作人员出庭应诉。", "ref": "measures/24/1"})
    else:
        steps.append({"text": "收到开庭传票后负责组织、联络应诉机关负责人依法出庭应诉。", "ref": duty_ref})
        if reconsidered:
            steps.append({"text": "与复议机关为共同被告的，作出原行政行为的行政机关负责人应当出庭应诉。",
                          "ref": "measures/24/1"})
    steps.append({"text": "人民法院需要组织现场调查的，积极配合。", "ref": "measures/13/3"})
    return steps


def _burden(group: str, role: str | None) -> list[str]:
    """Art. 14: the burden of proof when the reconsideration organ is a defendant."""
    if role == "joint":
        return ["复议机关作为共同被告：作出原行政行为的行政机关对原行政行为的合法性进行举证。",
                "行政复议机关对行政复议决定的程序合法性进行举证。"]
    if role == "sole":
        return ["复议机关作为单独被告：行政复议机关对复议决定的合法性进行举证。",
                "必要时，可以要求作出原行政行为的行政机关予以协助。"]
    # a department or township is the original agency; which case applies depends on the decision
    return ["复议机关决定维持、与本机关为共同被告的：本机关（作出原行政行为的行政机关）对原行政行为的合法性进行举证；"
            "行政复议机关对行政复议决定的程序合法性进行举证。",
            "复议机关改变原行政行为、作为单独被告的：由行政复议机关对复议决定的合法性进行举证，"
            "必要时可以要求本机关（作出原行政行为的行政机关）予以协助。"]


def _unique(refs):
    """Refs in first-seen order without repeats."""
    return list(dict.fromkeys(refs))


def present_result(r: dict) -> dict:
    sections = []
    if r.get("supervision"):
        sections.append({"title": "指导监督", "items": present.items([r["supervision"]])})
    sections.append({"title": "应诉承办单位应当办理的事项", "items": r["steps"]})
    if r.get("filing") and r["filing"].get("text"):
        sections.append({"title": "备案", "items": present.items([r["filing"]["text"]])})
    if r.get("burden_of_proof"):
        sections.append({"title": "举证责任", "items": present.items(r["burden_of_proof"], "measures/14/1")})
    if r.get("notes"):
        sections.append({"title": "说明", "items": present.items(r["notes"])})
    return {"headline": [f"应诉承办单位：{r['undertaker']['name']}"], "tone": "ok", "sections": sections}


SPEC = Spec(
    name="undertaker", title="应诉承办单位确定", order=20,
    purpose="谁来承办应诉、谁来指导监督、谁负举证责任、向谁备案",
    intro="根据被告是谁、是否经过行政复议，确定应诉承办单位、监督指导和举证责任。",
    fields=(
        Field("defendant", "choice", "被告", "本案被诉的行政机关属于哪一级、哪一类。", "measures/10/1",
              required=True, options=DEFENDANTS, default="county_gov"),
        Field("reconsidered", "bool", "是否经行政复议", At(None).text("经过行政复议的案件，按[[measures/10/1/2#]]确定。"),
              "measures/10/1/2"),
        Field("government_role", "choice", "人民政府在本案中的被告地位",
              "复议机关（人民政府）单独作被告，还是与作出原行政行为的机关作共同被告。", "measures/10/1/2",
              options=GOVERNMENT_ROLES, show_if=("reconsidered", True)),
        Field("acting_agency", "text", "具体实施（承担）被诉行政行为的机关或机构",
              "不清楚的可以不填：承办单位不明确的，由人民政府办公室根据同级司法行政机关建议确定。", "measures/10/1/3"),
    ),
    refs=("measures/10/1", "measures/11/1", "measures/12/1", "measures/13/1", "measures/14/1"),
    run=undertaker, present=present_result, rule_table=rule_table,
    example={"defendant": "county_gov", "reconsidered": True, "government_role": "sole"},
)

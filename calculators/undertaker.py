"""Who undertakes a case (应诉承办单位): measures arts. 10–14 and 38, under the national law.

Art. 10 decides the undertaker when a 市、县（市、区）人民政府 is the defendant; art. 11 when a
government work department is; art. 12 when a 乡镇人民政府（街道办事处）is. Art. 13 says what the
undertaker does (and when the answer is filed with the justice bureau for record), art. 14 how
the work of proof is divided in reconsidered cases, art. 38 the three-day registration.

Where later or higher national law says otherwise, the result follows it, cites both and says
why (上位法优先、新法优先):
- since 2024-01-01 the reconsideration office organises the defence of its reconsideration body
  (arl/4/2): a government that is co-defendant as the reconsideration body has its side organised
  by its reconsideration office (the 司法局), not by the agency that did the original act as
  measures/10/1/2 says; the date comes from parameters.toml (reconsideration_office_defends);
- the burden of proof in court is alp-interp/135/2 (both co-defendants for the original act,
  the reconsideration body for the whole legality of its decision); measures/14/1 divides the work.
"""
import datetime as dt

from . import inputs, present, provisions
from .periods import fmt, read_date
from .rules import At
from .spec import Field, Spec

DEFENDANTS = {
    "city_gov": "市人民政府",
    "county_gov": "县（市、区）人民政府",
    "department": "人民政府工作部门",
    "township": "乡镇人民政府（街道办事处）",
}
GOVERNMENT_ROLES = {"sole": "单独被告", "joint": "共同被告"}   # the role column of RULES (measures/10/1/2)
# What the form asks: the government's role, and in which capacity (reconsideration body or the
# agency that did the original act). Each maps to a role of RULES; None: the row of a direct suit.
ROLE_OPTIONS = {
    "sole": "作为复议机关单独被告（复议机关改变原行政行为）",
    "joint": "作为复议机关，与作出原行政行为的机关为共同被告（复议机关维持原行政行为）",
    "original_joint": "作出原行政行为，与复议机关为共同被告",
    "original_sole": "作出原行政行为，单独被告（如复议机关逾期未作复议决定、原告起诉原行政行为）",
}
ROLE_RULE = {"sole": "sole", "joint": "joint", "original_joint": "joint", "original_sole": None}

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
    law = At(None)
    since = fmt(law.param("reconsideration_office_defends").start)
    rows = []
    for group, reconsidered, role, known, kind, refs in RULES:
        who = KINDS[kind]
        if role == "joint":   # the measures' row, now for the government as original actor only
            who += f"（人民政府作为复议机关的，仅适用于{since}前送达的案件）"
        rows.append([
            _GROUP_NAMES[group],
            _RECONSIDERED[reconsidered],
            GOVERNMENT_ROLES.get(role, "—"),
            _KNOWN[known],
            who,
            "；".join(_short_label(r) for r in refs),
        ])
        if role == "joint" and known is False:   # the national rule that replaces these rows from its date
            rows.append([_GROUP_NAMES["government"], _RECONSIDERED[True], "共同被告（作为复议机关）", "—",
                         f"自{since}起：人民政府一方由其行政复议机构（同级司法行政机关）组织办理；作出原行政行为的行政机关"
                         "作为共同被告负责原行政行为的答辩和举证",
                         f"{provisions.label('arl/4/2', short=True)}（优先于{_short_label(law.ref('measures/10/1/2'))}）"])
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
    """Decide the undertaker (arts. 10–12, arl/4/2 from its date), its steps (arts. 13, 15–18,
    38), filing (art. 13) and, for reconsidered cases, the burden of proof (alp-interp/135,
    art. 14)."""
    defendant = inputs.choice(params, "defendant", "被告", DEFENDANTS)
    reconsidered = inputs.boolean(params, "reconsidered", "是否经行政复议")
    acting = inputs.text(params, "acting_agency", "具体实施（承担）被诉行政行为的机关或机构", max_length=100)
    served = read_date(params, "complaint_served", "起诉状副本送达日期", required=False)
    group = GROUP[defendant]
    role = None
    if group == "government" and reconsidered:
        role = inputs.choice(params, "government_role", "人民政府在本案中的被告地位", ROLE_OPTIONS)

    law = At(served)   # no date: the rules in force now (the newest edition, the national law in force)
    national = law.param("reconsideration_office_defends").status != "not_yet"   # arl/4/2 from its date
    rule_role = ROLE_RULE.get(role)
    kind, refs = _match(group, reconsidered and not role == "original_sole", rule_role, bool(acting))
    basis = list(refs)
    notes: list[str] = []
    precedence: list[dict] = []
    sides = None

    undertaker_ = {"kind": kind, "name": _name(kind, defendant, acting)}
    supervision = None
    if group == "government" and role in ("joint", "original_joint"):
        supervision = f"必要时{JUSTICE_BUREAU[defendant]}全程指导、监督办理。"
    if role == "joint":
        sides = _sides_reconsideration_body(defendant, acting, kind, national, served)
        if national:
            undertaker_ = {"kind": "justice_bureau", "name": sides[0]["organiser"]}
            supervision = None
            precedence.append(_precedence_arl(served))
            basis[:0] = ["arl/4/2"]
            basis.append("arl/28")
        else:
            notes.append(f"起诉状副本于{fmt(served)}送达，早于修订后的[[arl/4/2|行政复议法]]施行之日（2024年1月1日），"
                         "按[[measures/10/1/2]]确定；此后送达的案件，人民政府一方由其行政复议机构（同级司法行政机关）组织办理"
                         "（[[arl/4/2]]）。")
            basis.append("arl/4/2")
    elif role == "original_joint":
        sides = _sides_original_actor(defendant, undertaker_["name"], national)
    if kind == "decided_by_government_office" and undertaker_["kind"] == kind:
        notes.append("未填写具体实施被诉行政行为的机关，按应诉承办单位不明确处理；"
                     "如已明确，填写后可得出具体的应诉承办单位。")
    if role == "sole":
        notes.append("“人民政府作为单独被告”按复议机关改变原行政行为、以复议机关为被告的情形理解"
                     "（[[alp/26/2!]]）；同级司法行政机关即人民政府的行政复议机构，与[[arl/4/2]]“行政复议机构同时组织办理"
                     "行政复议机关的行政应诉事项”一致。")
        basis += ["alp/26/2", "arl/4/2"]
    if role == "joint":
        notes.append("“人民政府作为共同被告”包括人民政府作为复议机关决定维持原行政行为、与作出原行政行为的行政机关"
                     "为共同被告的情形（[[alp/26/2!]]）。")
        basis.append("alp/26/2")
    if role == "original_joint":
        notes.append("人民政府作出原行政行为、上一级复议机关维持的，人民政府与复议机关为共同被告（[[alp/26/2!]]）。"
                     "人民政府一方按[[measures/10/1/2]]由承担或实施被诉行政行为的行政机关承办；复议机关一方由复议机关组织办理"
                     + ("，其行政复议机构同时组织办理行政应诉事项（[[arl/4/2]]）。" if national else "。"))
        basis += ["alp/26/2", *(["arl/4/2"] if national else [])]
    if role == "original_sole":
        notes.append("人民政府作出原行政行为、经复议后单独被诉的（例如复议机关在法定期限内未作出复议决定、原告起诉原行政行为，"
                     "[[alp/26/3!]]），本计算器的理解：人民政府是以作出原行政行为的机关的身份应诉，[[measures/10/1/2#]]"
                     "“人民政府作为单独被告”指复议机关改变原行政行为而单独作被告的情形，不适用于本案；按[[measures/10/1/1#]]由"
                     "具体实施被诉行政行为的行政机关承办（不明确的按[[measures/10/1/3#]]确定）。另一种理解按文义适用"
                     "[[measures/10/1/2#]]，由同级司法行政机关承办。如需按另一种理解办理，请与同级司法行政机关商定。")
        basis += ["alp/26/3", "measures/10/1/2"]
    if group == "department":
        notes.append("部门内部由办公室（或综合科）负责应诉法律文书的接收及运转，法治机构负责组织、指导、监督、协调"
                     "（[[measures/9/1]]）；应诉承办机构或单位按“谁行为，谁负责，谁主办，谁应诉”的原则确定。")
        basis.append("measures/9/1")
    if group != "government" and reconsidered:
        own = ("部门案件，[[measures/10]]仅适用于以人民政府为被告的情形；部门一方仍按[[measures/11#]]确定内部应诉承办机构或单位"
               if group == "department" else
               "乡镇（街道）案件，本机关一方仍按[[measures/12#]]确定应诉承办单位")
        notes.append(f"经复议的{own}，举证责任见下。复议机关（人民政府）与本机关为共同被告的，人民政府一方"
                     + ("由其行政复议机构（同级司法行政机关）组织办理（[[arl/4/2]]，优先于[[measures/10/1/2#]]）。"
                        if national else "的应诉承办单位按[[measures/10/1/2#]]确定。"))
        basis.append("arl/4/2" if national else "measures/10/1/2")

    filing = _filing(defendant, group, reconsidered, role, undertaker_["name"], notes, national)
    basis.extend(filing.pop("_refs"))
    filing["text"] = law.text(filing["text"])
    steps = _steps(defendant, group, reconsidered, role, filing)
    basis.extend(s["ref"] for s in steps)
    steps = [{**s, "ref": law.ref(s["ref"])} for s in steps]

    burden = None
    if reconsidered:
        burden, burden_refs = _burden(group, role)
        basis += burden_refs
        if role != "original_sole" and role != "sole":
            precedence.append(_precedence_burden())
    if reconsidered and group != "government":
        notes.append("复议机关在法定期限内未作出复议决定、原告起诉原行政行为的，作出原行政行为的行政机关是被告"
                     "（[[alp/26/3!]]），由其对作出的行政行为负举证责任（[[alp/34#]]），"
                     "不属于[[measures/14]]规定的情形。")
        basis += ["alp/26/3", "alp/34/1"]
    if served is None:
        notes.append("未填写起诉状副本送达日期：按现行规定确定，包括自2024年1月1日起施行的[[arl/4/2]]。"
                     "2024年1月1日前送达的案件，请填写送达日期。")

    result = {
        "undertaker": undertaker_,
        "supervision": supervision,
        "steps": steps,
        "burden_of_proof": [law.text(b) for b in burden] if burden else None,
        "filing": filing,
        "notes": [law.text(n) for n in notes],
        "basis": [law.cite(r) for r in _unique(basis)],
        "warnings": law.validity_warnings(),
    }
    if sides:
        result["sides"] = [{**side, "text": law.text(side["text"]),
                            "basis": [law.cite(r) for r in side["refs"]]} for side in sides]
        for side in result["sides"]:
            del side["refs"]
    if precedence:
        result["precedence"] = [{"national": law.cite(p["national"]), "local": law.cite(p["local"]),
                                 "prevails": law.ref(p["national"]), "text": law.text(p["text"])} for p in precedence]
    return result


def _sides_reconsideration_body(defendant: str, acting: str, kind: str, national: bool, served) -> list[dict]:
    """A government co-defendant as the reconsideration body: who organises its side and who
    defends the original act (arl/4/2 from its date; before it measures/10/1/2)."""
    bureau = JUSTICE_BUREAU[defendant]
    original = acting or "作出原行政行为的行政机关"
    if national:
        government = {"side": "reconsideration_body", "title": "人民政府（复议机关）一方",
                      "organiser": f"{bureau}，作为人民政府的行政复议机构",
                      "text": "行政复议机构同时组织办理行政复议机关的行政应诉事项（[[arl/4/2]]）；地方人民政府的司法行政部门履行"
                              "行政复议机构职责（参见[[arl/28]]）。负责复议决定合法性的举证，并与原行为机关共同对原行政行为的"
                              "合法性承担举证责任（[[alp-interp/135/2]]）。",
                      "refs": ["arl/4/2", "arl/28", "alp-interp/135/2"]}
    else:
        government = {"side": "reconsideration_body", "title": "人民政府（复议机关）一方",
                      "organiser": _name(kind, defendant, acting),
                      "text": f"按[[measures/10/1/2]]，承担或实施被诉行政行为的行政机关为应诉承办单位，必要时{bureau}全程指导、"
                              "监督办理。",
                      "refs": ["measures/10/1/2"]}
    original_side = {"side": "original_agency", "title": "作出原行政行为的行政机关一方",
                     "organiser": original,
                     "text": "作出原行政行为的行政机关本身是共同被告（[[alp/26/2]]），负责原行政行为的答辩和举证工作"
                             "（[[measures/14/1]]的分工）；诉讼中两被告对原行政行为的合法性共同承担举证责任（[[alp-interp/135/2]]）。",
                     "refs": ["alp/26/2", "measures/14/1", "alp-interp/135/2"]}
    return [government, original_side]


def _sides_original_actor(defendant: str, name: str, national: bool) -> list[dict]:
    """A government co-defendant as the agency that did the original act (upheld by the body above)."""
    return [
        {"side": "original_agency", "title": "人民政府（作出原行政行为）一方", "organiser": name,
         "text": "按[[measures/10/1/2]]，承担或实施被诉行政行为的行政机关为应诉承办单位，必要时"
                 f"{JUSTICE_BUREAU[defendant]}全程指导、监督办理；负责原行政行为的答辩和举证工作。",
         "refs": ["measures/10/1/2"]},
        {"side": "reconsideration_body", "title": "复议机关一方",
         "organiser": "复议机关的行政复议机构" if national else "复议机关",
         "text": ("行政复议机构同时组织办理行政复议机关的行政应诉事项（[[arl/4/2]]）。" if national else "")
                 + "复议机关对复议决定的合法性承担举证责任，并与原行为机关共同对原行政行为的合法性承担举证责任"
                   "（[[alp-interp/135/2]]）。",
         "refs": [*(["arl/4/2"] if national else []), "alp-interp/135/2"]},
    ]


def _precedence_arl(served) -> dict:
    """arl/4/2 over measures/10/1/2 for a government co-defendant as the reconsideration body."""
    when = "本案起诉状副本送达时" if served else "现在"
    return {"national": "arl/4/2", "local": "measures/10/1/2",
            "text": "[[measures/10/1/2]]规定，人民政府作为共同被告的，承担或实施被诉行政行为的行政机关为应诉承办单位；"
                    "[[arl/4/2]]规定，行政复议机构同时组织办理行政复议机关的行政应诉事项。两者不一致，适用[[arl/4/2]]："
                    "行政复议法是法律，办法是市人民政府办公室印发的规范性文件，上位法优先；该规定自2024年1月1日起施行，"
                    f"晚于办法（2022年2月1日施行），{when}已经施行，新法优先。作出原行政行为的行政机关仍是共同被告，"
                    "负责原行政行为的答辩和举证工作。"}


def _precedence_burden() -> dict:
    """alp-interp/135/2 over measures/14/1 on the burden of proof in court."""
    return {"national": "alp-interp/135/2", "local": "measures/14/1",
            "text": "[[measures/14/1]]规定由作出原行政行为的行政机关对原行政行为的合法性举证、复议机关对复议决定的程序合法性举证；"
                    "[[alp-interp/135/2]]规定两机关对原行政行为的合法性共同承担举证责任，可以由其中一个机关实施举证行为，"
                    "复议机关对复议决定的合法性承担举证责任。诉讼中的举证责任以司法解释为准（人民法院据以审理，上位法优先）；"
                    "办法的规定是两机关之间的工作分工，不改变诉讼中的举证责任，也不缩小复议机关的举证范围。"}


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


def _filing(defendant, group, reconsidered, role, name, notes, national=True) -> dict:
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
    if group == "government" and role == "joint" and national:
        return {"required": False, "by": name, "with": None,
                "text": "同级司法行政机关作为行政复议机构本身组织办理人民政府一方的应诉事项（[[arl/4/2]]）；"
                        "[[measures/13/1]]的报备规定仅针对未经复议的案件，不适用。",
                "_refs": ["measures/13/1"]}
    if group == "government" and role == "original_sole":
        return {"required": None, "by": name, "with": bureau,
                "text": (f"[[measures/13/1]]的报备规定仅针对未经复议的案件，按文义不适用于本案；人民政府作为作出原行政行为的机关"
                         f"单独应诉，与未经复议的案件相近，报{bureau}备案更为稳妥。"),
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
        if reconsidered and role != "original_sole":
            steps.append({"text": "与复议机关为共同被告的，作出原行政行为的行政机关负责人应当出庭应诉。",
                          "ref": "measures/24/1"})
    steps.append({"text": "人民法院需要组织现场调查的，积极配合。", "ref": "measures/13/3"})
    return steps


# The burden of proof in court (alp-interp/135/2) and the division of the work (measures/14/1):
# both co-defendants bear the burden for the original act (either may present the evidence), the
# reconsideration body bears it for the whole legality of its decision.
JOINT_BURDEN = [
    "原行政行为的合法性：作出原行政行为的行政机关和复议机关共同承担举证责任，可以由其中一个机关实施举证行为"
    "（[[alp-interp/135/2]]）。按[[measures/14/1]]的分工，原行政行为的证据由作出该行为的机关整理提交；"
    "这是两机关之间的工作分工，复议机关不因此免除对原行政行为的举证责任。",
    "复议决定的合法性：由复议机关承担举证责任（[[alp-interp/135/2]]），包括复议决定的程序和实体，不限于"
    "[[measures/14/1#]]所说的程序合法性。复议机关在复议程序中依法收集和补充的证据，可以作为认定复议决定和原行政行为"
    "合法的依据（[[alp-interp/135/3]]）。",
]


def _burden(group: str, role: str | None) -> tuple[list[str], list[str]]:
    """The burden of proof when the reconsideration body is a defendant (alp-interp/135/2 in
    court; measures/14/1 divides the work), or when only the original agency is (alp/26/3)."""
    if role in ("joint", "original_joint"):
        return list(JOINT_BURDEN), ["alp-interp/135/2", "alp-interp/135/3", "measures/14/1"]
    if role == "sole":
        return (["复议机关改变原行政行为、作为单独被告的：复议机关对复议决定的合法性承担举证责任（[[alp/34/1]]、[[measures/14/1]]）。",
                 "必要时，可以要求作出原行政行为的行政机关予以协助（[[measures/14/1]]）。"],
                ["measures/14/1", "alp/34/1"])
    if role == "original_sole":
        return (["人民政府作为作出原行政行为的机关单独为被告的，由其对作出的行政行为负举证责任（[[alp/26/3]]、[[alp/34/1]]）；"
                 "不属于[[measures/14/1]]规定的情形。"],
                ["alp/26/3", "alp/34/1"])
    # a department or township is the original agency; which case applies depends on the decision
    return (["复议机关决定维持、与本机关为共同被告的：本机关（作出原行政行为的行政机关）和复议机关对原行政行为的合法性"
             "共同承担举证责任，可以由其中一个机关实施举证行为，复议机关对复议决定的合法性承担举证责任"
             "（[[alp-interp/135/2]]）；按[[measures/14/1]]的分工，原行政行为的证据由本机关整理提交。",
             "复议机关改变原行政行为、作为单独被告的：由复议机关对复议决定的合法性承担举证责任，"
             "必要时可以要求本机关（作出原行政行为的行政机关）予以协助（[[measures/14/1]]）。"],
            ["alp-interp/135/2", "measures/14/1"])


def _unique(refs):
    """Refs in first-seen order without repeats."""
    return list(dict.fromkeys(refs))


def present_result(r: dict) -> dict:
    sections = []
    if r.get("sides"):
        sections.append({"title": "共同被告双方各由谁组织应诉",
                         "items": [{"text": f"{side['title']}：{side['organiser']}。{side['text']}"} for side in r["sides"]]})
    if r.get("supervision"):
        sections.append({"title": "指导监督", "items": present.items([r["supervision"]])})
    sections.append({"title": "应诉承办单位应当办理的事项", "items": r["steps"]})
    if r.get("filing") and r["filing"].get("text"):
        sections.append({"title": "备案", "items": present.items([r["filing"]["text"]])})
    if r.get("burden_of_proof"):
        sections.append({"title": "举证责任", "items": present.items(r["burden_of_proof"])})
    if r.get("precedence"):
        sections.append({"title": "国家规定与办法不一致之处", "items": present.items([p["text"] for p in r["precedence"]])})
    if r.get("notes"):
        sections.append({"title": "说明", "items": present.items(r["notes"])})
    return {"headline": [f"应诉承办单位：{r['undertaker']['name']}"], "tone": "ok", "sections": sections}


SPEC = Spec(
    name="undertaker", title="应诉承办单位确定", order=20,
    purpose="谁来承办应诉、谁来指导监督、谁负举证责任、向谁备案",
    intro="根据被告是谁、是否经过行政复议，确定应诉承办单位、监督指导和举证责任；国家规定与办法不一致的，按国家规定并说明理由。",
    fields=(
        Field("defendant", "choice", "被告", "本案被诉的行政机关属于哪一级、哪一类。", "measures/10/1",
              required=True, options=DEFENDANTS),
        Field("reconsidered", "bool", "是否经行政复议", At(None).text("经过行政复议的案件，按[[measures/10/1/2#]]确定。"),
              "measures/10/1/2"),
        Field("government_role", "choice", "人民政府在本案中的被告地位",
              At(None).text("人民政府是作为复议机关被诉，还是作为作出原行政行为的机关被诉；复议机关维持原行政行为的，"
                            "两机关为共同被告（[[alp/26/2]]）。"), "measures/10/1/2",
              options=ROLE_OPTIONS, show_if=("reconsidered", True)),
        Field("acting_agency", "text", "具体实施（承担）被诉行政行为的机关或机构",
              "不清楚的可以不填：承办单位不明确的，由人民政府办公室根据同级司法行政机关建议确定。", "measures/10/1/3"),
        Field("complaint_served", "date", "起诉状副本送达日期",
              "用于确定适用的规定：2024年1月1日起，行政复议机构同时组织办理复议机关的行政应诉事项（行政复议法）。"
              "不填的，按现行规定确定。", "measures/38/1"),
    ),
    refs=("measures/10/1", "measures/11/1", "measures/12/1", "measures/13/1", "measures/14/1", "arl/4/2", "alp/26/2",
          "alp-interp/135/2"),
    run=undertaker, present=present_result, rule_table=rule_table,
    example={"defendant": "county_gov", "reconsidered": True, "government_role": "sole"},
)

"""The papers filed with the answer (measures/17/1): 法定代表人身份证明书, 授权委托书 (agents:
alp/31/1, cpl/62, measures/27/1), 出庭应诉负责人身份证明书 (measures/19/4, head-rules/6), each
sealed by the answering agency; the written application to extend the time for evidence
(measures/17/2, alp/36/1, alp-interp/34) when the user asks for it; and the letter filing the
answer materials with the justice bureau (measures/13) when the undertaker calculator says
they must be filed."""
from .. import notices
from ..citations import render as law
from ..numerals import to_chinese
from . import citing
from .blocks import attachment_lines, cn_date, document as make_document, heading, line, note, or_placeholder, \
    paragraph, placeholder, signature, title
from .case import Case
from .rows import AGENT_KIND_SHORT, AUTHORITY_TEXT


def documents(case: Case) -> list[dict]:
    out = [representative(case), authorization(case)]
    if certificate_needed(case):
        out.append(head_certificate(case))
    if case.extension:
        out.append(extension(case))
    return out


def _particulars(case: Case, role: str) -> list[dict]:
    return [line(f"{role}：{case.agency_name}，住所地：{case.agency_address or placeholder('住所地')}。"),
            line(f"法定代表人：{case.representative_name}，{case.representative_title}。")]


def representative(case: Case) -> dict:
    blocks = [title("法定代表人身份证明书"),
              paragraph(f"{case.representative_name}，在我单位任{case.representative_title}职务，系我单位的法定代表人。"),
              paragraph("特此证明。"),
              signature(case.agency_name, cn_date(case.answer_date)),
              note(law("与答辩状、证据目录等一并加盖应诉机关印章后提交人民法院（[[measures/17/1]]）。"))]
    return make_document("representative", "法定代表人身份证明书", blocks, case_number=case.case_number,
                         basis=["measures/17/1"])


def authorization(case: Case) -> dict:
    blocks = [title("授权委托书"), *_particulars(case, "委托单位")]
    for index, agent in enumerate(case.agents, 1):
        number = to_chinese(index) if len(case.agents) > 1 else ""
        blocks.append(line(f"受委托人{number}：{agent['name']}，{agent['post']}。"))
    blocks.append(paragraph(f"现委托上列受委托人在{case.court}审理的{case.case_title()}（案号：{case.case_number}）中，"
                            "作为我单位的诉讼代理人。"))
    for agent in case.agents:
        blocks.append(paragraph(f"受委托人{agent['name']}的代理权限为{AUTHORITY_TEXT[agent['authority']]}"))
    blocks.append(signature(f"委托单位：{case.agency_name}", f"法定代表人：{case.representative_name}",
                            cn_date(case.answer_date)))
    kinds = "、".join(f"{a['name']}（{AGENT_KIND_SHORT[a['kind']]}）" for a in case.agents)
    text = (f"委托诉讼代理人：{kinds}。可以委托1至2名诉讼代理人，其中至少1名应为熟悉本机关相关业务的工作人员，"
            "不得仅委托律师出庭（[[measures/27/1]]，[[alp/31/1]]）。在委托单位处加盖印章，法定代表人签名或者盖章"
            "（[[cpl/62/1]]）。")
    if any(a["authority"] == "special" for a in case.agents):
        text += ("特别授权的事项，代理人应当在授权范围内进行，承认诉讼请求、参加调解和解等重要情况应当及时报告委托机关"
                 "（[[measures/28]]）；行政案件只有行政赔偿、补偿以及行使法律、法规规定的自由裁量权的案件可以调解"
                 "（[[alp/60/1]]）。")
    if any(a["kind"] == "lawyer" for a in case.agents):
        text += "律师代理的，另附律师事务所函和律师执业证复印件。"
    blocks.append(note(law(text)))
    return make_document("authorization", "授权委托书", blocks, case_number=case.case_number,
                         basis=["measures/27/1", "measures/17/1", "alp/31/1", "cpl/62/2", "measures/28"])


def certificate_needed(case: Case) -> bool:
    """A head appears: one must (alp/3/3, measures/24/1) or one is named — and none is kept away."""
    return case.head_appears()


def head_certificate(case: Case) -> dict:
    name = or_placeholder(case.head_name, "出庭应诉负责人姓名")
    post = or_placeholder(case.head_post, "职务")
    blocks = [title("出庭应诉负责人身份证明书"),
              line(f"{case.court}："),
              paragraph(f"{name}，现任我单位{post}，系我单位负责人。{name}作为我单位负责人，出庭参加"
                        f"{case.case_title()}（案号：{case.case_number}）的诉讼活动。"),
              paragraph("特此证明。"),
              signature(case.agency_name, cn_date(case.answer_date))]
    principal = case.principal
    if principal["principal_must_appear"]:
        items = "、".join(f"[[{g['ref']}#]]" for g in principal["grounds"])
        blocks.append(note(law(f"本案属于[[measures/22/1]]规定的情形（{items}），应当由行政机关主要负责人出庭应诉。")))
        if case.head_name and case.head_name != case.representative_name:
            case.warnings.append(notices.warning(
                "documents.head_not_principal",
                f"本案主要负责人应当出庭应诉（[[measures/22/1]]），所填出庭应诉负责人“{case.head_name}”"
                f"与法定代表人“{case.representative_name}”不同，请核实其是否为本机关主要负责人。"))
    elif not principal["head_must_appear"]:
        blocks.append(note(law("复议机关与作出原行政行为的行政机关为共同被告的，复议机关可仅委托工作人员出庭应诉"
                               "（[[measures/24/1]]）；负责人出庭的，使用本证明书。")))
    blocks.append(note(law("于开庭前提交人民法院，载明负责人的姓名、职务等基本信息，加盖应诉机关印章（[[measures/19/4]]）。"
                           "出庭的负责人为正职、副职、参与分管被诉行政行为实施工作的副职级别的负责人或者其他参与分管的负责人"
                           "（[[measures/19/2]]）；被诉行政机关委托的组织或者下级行政机关的负责人不能作为被诉行政机关负责人出庭"
                           "（[[measures/19/3]]）。")))
    if not case.head_name:
        case.warnings.append(notices.warning(
            "documents.head_missing", "尚未填写出庭应诉负责人，出庭应诉负责人身份证明书中的姓名、职务留有【】待填。"))
    return make_document("head", "出庭应诉负责人身份证明书", blocks, case_number=case.case_number,
                         basis=["measures/19/4", "measures/19/2", "measures/19/3", "head-rules/6/1", "alp/3/3"])


def extension(case: Case) -> dict:
    due = case.due("answer")
    blocks = [title("延长举证期限申请书"), *_particulars(case, "申请人"),
              heading("请求事项："),
              paragraph(f"申请延期提供{case.case_title()}（案号：{case.case_number}）中被诉行政行为的证据。"),
              heading("事实和理由：")]
    reason = "；".join(part.strip().rstrip("。；;") for part in case.extension_reason.splitlines() if part.strip())
    blocks.append(paragraph(
        f"申请人于{cn_date(case.complaint_served)}收到起诉状副本，依照{citing.cite(['alp/67/1'])}的规定，"
        f"应当于{cn_date(due)}前提交作出被诉行政行为的证据和所依据的规范性文件。"))
    blocks.append(paragraph(
        f"因{reason or placeholder('不可抗力或者其他正当事由的具体情况')}，申请人在作出被诉行政行为时已经收集的"
        f"{placeholder('证据名称')}不能在上述期限内提供。依照{citing.cite(['alp/36/1', 'alp-interp/34'])}的规定，"
        "特申请延期提供上述证据，申请人将在正当事由消除后十五日内提供。"))
    blocks += [paragraph("此致"), line(case.court),
               signature(f"申请人：{case.agency_name}", cn_date(case.answer_date)),
               note(law(f"应当在举证期限届满前（{cn_date(due)}前）以书面方式向人民法院提出（[[measures/17/2]]，"
                        "[[alp-interp/34]]）；人民法院准许后，在正当事由消除后十五日内提供证据。"))]
    return make_document("extension", "延长举证期限申请书", blocks, case_number=case.case_number,
                         basis=["measures/17/2", "alp/36/1", "alp-interp/34", "alp/67/1"])


def record_letter(case: Case) -> dict | None:
    """备案函 (measures/13/1, /13/2): the answer materials filed with the justice bureau before
    they go to the court — when the undertaker calculator says filing is required."""
    filing = case.undertaker["filing"]
    if filing["required"] is not True:
        return None
    refs = ["measures/13/1", "measures/13/2"] if case.defendant in ("department", "township") else ["measures/13/1"]
    government = case.defendant in ("city_gov", "county_gov")
    sender = (case.undertaker_unit or placeholder("应诉承办单位")) if government else case.agency_name
    bureau = case.justice_bureau or placeholder("司法行政机关名称")
    due = case.due("answer")
    listed = ["行政答辩状", "证据目录及证据、依据等材料", "法定代表人身份证明书", "授权委托书"]
    blocks = [title(f"关于{case.case_number}案件答辩材料的备案函"), line(f"{bureau}："),
              paragraph(f"{case.court}受理的{case.case_title()}（案号：{case.case_number}），{case.agency_name}于"
                        f"{cn_date(case.complaint_served)}收到起诉状副本，答辩、举证期限于{cn_date(due)}届满。"
                        f"根据{citing.cite(refs)}的规定，现将本案答辩状、证据目录及证据、依据等材料报送备案，"
                        "备案后在法定期限内提交人民法院。"),
              paragraph(f"应诉承办单位：{case.undertaker_unit or placeholder('应诉承办单位')}；承办人：{placeholder('姓名')}，"
                        f"联系电话：{placeholder('联系电话')}。"),
              *attachment_lines("附件", listed),
              signature(sender, cn_date(None)),
              note(law(f"报备后在答辩期限届满前（{cn_date(due)}前）提交人民法院（[[measures/13/1]]）。"))]
    return make_document("record", "备案函", blocks, case_number=case.case_number, basis=refs)


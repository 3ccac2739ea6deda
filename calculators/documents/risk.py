"""败诉风险评估报告 (measures/18/1): the outline the undertaker fills in and reports to the
answering agency 3 working days before the answer is submitted when there is a risk of losing,
with the case's dates from `deadlines` and the mediation question of measures/18 and /32."""
from ..numerals import item_list, to_chinese
from ..citations import render as law
from . import citing
from .objections import OBJECTIONS, drafted as drafted_objections
from .blocks import cn_date, document as make_document, heading, line, note, paragraph, placeholder, signature, \
    title
from .case import Case

# (section heading, the questions the section answers) — the usual points of a legality review
REVIEW = (
    ("职权依据", "答辩人作出被诉行政行为是否具有法定职权，职权来源的法律、法规、规章条款"),
    ("事实和证据", "认定事实是否清楚，主要证据是否确凿、充分，证据的取得是否合法"),
    ("程序", "调查、告知、陈述申辩、听证、决定、送达等程序是否符合法定要求，是否超过法定期限"),
    ("法律适用", "适用的法律、法规、规章和规范性文件是否正确，条款援引是否准确"),
    ("适当性", "处理结果是否明显不当，裁量是否符合比例原则和裁量基准"),
)


def document(case: Case) -> dict:
    report_due = case.due("risk_report")
    answer_due = case.due("answer")
    undertaker = case.undertaker_unit or placeholder("应诉承办单位")
    blocks = [title(f"关于{case.case_title()}的败诉风险评估报告"), line(f"{case.agency_name}：")]
    blocks.append(paragraph(f"根据{citing.cite(['measures/18/1'])}的规定，现将{case.case_title()}的败诉风险评估情况报告如下："))

    blocks.append(heading("一、案件基本情况"))
    facts = [f"受理法院：{case.court}；案号：{case.case_number}。",
             f"原告：{'；'.join(p.full() for p in case.plaintiffs)}。",
             f"被诉行政行为：{case.act or placeholder('被诉行政行为')}。",
             f"起诉状副本送达日期：{cn_date(case.complaint_served)}；答辩、举证期限届满日：{cn_date(answer_due)}。",
             f"原告的诉讼请求和主要理由：{placeholder('诉讼请求及理由')}。"]
    if case.hearing_date:
        facts.append(f"开庭日期：{cn_date(case.hearing_date)}。")
    blocks += [paragraph(f"{i}. {text}") for i, text in enumerate(facts, 1)]

    blocks.append(heading("二、被诉行政行为合法性审查"))
    for index, (name, question) in enumerate(REVIEW, 1):
        blocks.append(paragraph(f"（{to_chinese(index)}）{name}：{placeholder(question)}。"))

    blocks.append(heading("三、程序性答辩意见"))
    raised = drafted_objections(case.objections, case.filing_period)
    if raised:
        for index, number in enumerate(raised, 1):
            blocks.append(paragraph(f"（{to_chinese(index)}）{OBJECTIONS[number].label}（{law(f'[[measures/15/2/{number}#]]')}）："
                                    f"{placeholder('事实及证据情况')}。"))
    else:
        blocks.append(paragraph(law("未发现[[measures/15/2]]所列情形。") + placeholder("如有，写明情形及依据")))

    blocks.append(heading("四、败诉风险评估结论"))
    verdict = "经评估，本案存在败诉风险。" if case.loss_risk else "经评估，本案" + placeholder("存在 / 不存在") + "败诉风险。"
    blocks.append(paragraph(verdict + placeholder("风险点及理由") + "。"))

    blocks.append(heading("五、和解、调解意见"))
    blocks.append(paragraph("本案" + placeholder("是否符合和解调解范围") + "。符合和解调解范围的，应当积极组织调解和参与诉前和解工作"
                            + law("（[[measures/18/1]]）；人民法院或者行政争议审前和解中心、司法行政机关书面建议负责人参与调解的，"
                                  "涉案行政机关负责人应当参加（[[measures/32/1]]）。") + placeholder("和解调解方案建议")))

    blocks.append(heading("六、出庭应诉安排"))
    blocks.append(paragraph(_appearance(case)))
    blocks.append(heading("七、意见和建议"))
    blocks.append(paragraph(placeholder("对答辩、举证、出庭和纠纷化解的具体建议")))
    blocks.append(signature(f"应诉承办单位：{undertaker}", cn_date(None), seal=False))
    timing = (f"存在败诉风险的，应当于提交答辩材料前3个工作日内向应诉机关报告：按答辩期限届满日{cn_date(answer_due)}倒数，"
              f"最迟于{cn_date(report_due)}报告；实际提交答辩材料早于届满日的，相应提前" + law("（[[measures/18/1]]）。"))
    blocks.append(note(timing + "本报告为内部材料，不提交人民法院。"))
    return make_document("risk", "败诉风险评估报告", blocks, case_number=case.case_number,
                         basis=["measures/18/1", "measures/32/1", "measures/15/2"])


def _appearance(case: Case) -> str:
    p = case.principal
    if p["principal_must_appear"]:
        items = item_list(g["item"] for g in p["grounds"])
        text = law(f"本案属于[[measures/22/1]]{items}规定的情形，行政机关主要负责人应当出庭应诉。")
    elif p["head_must_appear"]:
        text = law("本案行政机关负责人应当出庭应诉（[[alp/3/3]]，[[measures/19]]、[[measures/20#]]）。")
    else:
        text = law("本机关为复议机关、与作出原行政行为的行政机关为共同被告，可仅委托工作人员出庭应诉（[[measures/24/1]]）。")
    head = f"拟出庭负责人：{case.head_name}（{case.head_post or placeholder('职务')}）。" if case.head_name \
        else "拟出庭负责人：" + placeholder("姓名、职务") + "。"
    agents = "、".join(a["name"] for a in case.agents)
    return text + head + f"委托诉讼代理人：{agents}。"

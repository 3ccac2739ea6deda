"""Papers of the hearing: when the head cannot appear — the explanation to the court with its
grounds (head-rules/8/1, /9/1: sealed by the agency), the application to postpone the hearing
(head-rules/9/3; measures/20/1: the principal head decides between a stand-in and
postponement) and the internal written report of measures/20/1 within one month — and the
outline of the opinion on the plaintiff's evidence (质证意见: alp/43/1, measures/30)."""
from ..citations import render as law
from . import citing
from .blocks import cn_date, document as make_document, group, heading, line, note, or_placeholder, paragraph, \
    placeholder, row, signature, table, title
from .case import Case
from .fields import ABSENCE_GROUNDS, ABSENCE_ITEM
from .rows import OPINIONS


def documents(case: Case) -> list[dict]:
    """The court-facing papers (the internal report is in `internal`)."""
    out = []
    if case.head_absent:
        out.append(absence_statement(case))
        if case.hearing_postpone:
            out.append(postponement(case))
    if case.plaintiff_evidence:
        out.append(cross_examination(case))
    return out


def internal(case: Case) -> list[dict]:
    return [absence_report(case)] if case.head_absent else []


def _ground_ref(case: Case) -> str:
    return f"head-rules/8/1/{ABSENCE_ITEM[case.head_absence_ground]}"


def _hearing(case: Case) -> str:
    return cn_date(case.hearing_date) if case.hearing_date else placeholder("开庭日期")


def _head(case: Case) -> str:
    name = or_placeholder(case.head_name, "负责人姓名")
    return f"{name}（{case.head_post}）" if case.head_post else name


def _reason(case: Case) -> str:
    reason = "；".join(p.strip().rstrip("。；;") for p in case.head_absence_reason.splitlines() if p.strip())
    return reason or placeholder("不能出庭的具体事由")


def _ground_sentence(case: Case) -> str:
    label = ABSENCE_GROUNDS[case.head_absence_ground]
    return f"属于{citing.cite([_ground_ref(case)])}规定的“{label}”情形"


def absence_statement(case: Case) -> dict:
    staff = "、".join(a["name"] for a in case.staff_agents()) or placeholder("相应的工作人员姓名")
    blocks = [title("关于行政机关负责人不能出庭应诉的情况说明"), line(f"{case.court}："),
              paragraph(f"贵院审理的{case.case_title()}（案号：{case.case_number}），定于{_hearing(case)}开庭审理。"
                        f"我单位负责人{_head(case)}因{_reason(case)}，不能出庭应诉，{_ground_sentence(case)}。")]
    if case.hearing_postpone:
        blocks.append(paragraph(f"依照{citing.cite(['head-rules/9/3'])}的规定，我单位同时申请延期开庭审理。"))
    else:
        blocks.append(paragraph(f"依照{citing.cite(['alp/3/3'])}的规定，我单位委托相应的工作人员{staff}出庭应诉。"))
    blocks.append(paragraph("现将有关证明材料一并提交，请予审查。"))
    blocks.append(line(f"附：{placeholder('不能出庭事由的证明材料名称及份数')}"))
    blocks.append(signature(case.agency_name, cn_date(None)))
    blocks.append(note(law("负责人有正当理由不能出庭的，应当提交相关证明材料，并加盖行政机关印章或者由该机关主要负责人签字认可"
                           "（[[head-rules/9/1]]）；应当第一时间报告本机关主要负责人，由其确定临时出庭应诉负责人或者申请"
                           "延期开庭（[[measures/20/1]]）。于开庭前提交人民法院。")))
    return make_document("absence", "负责人不能出庭应诉情况说明", blocks, case_number=case.case_number,
                         basis=["head-rules/8/1", _ground_ref(case), "head-rules/9/1", "alp/3/3", "measures/20/1"])


def postponement(case: Case) -> dict:
    blocks = [title("延期开庭申请书"),
              line(f"申请人：{case.agency_name}，住所地：{case.agency_address or placeholder('住所地')}。"),
              line(f"法定代表人：{case.representative_name}，{case.representative_title}。"),
              heading("请求事项："),
              paragraph(f"申请将{case.case_title()}（案号：{case.case_number}）原定于{_hearing(case)}的开庭延期审理。"),
              heading("事实和理由："),
              paragraph(f"贵院定于{_hearing(case)}开庭审理本案。申请人负责人{_head(case)}因{_reason(case)}，不能出庭应诉，"
                        f"{_ground_sentence(case)}，有关证明材料已随情况说明一并提交。为保证行政机关负责人依法出庭应诉，"
                        f"依照{citing.cite(['alp/3/3', 'head-rules/9/3'])}的规定，特申请延期开庭审理。"),
              paragraph("此致"), line(case.court),
              signature(f"申请人：{case.agency_name}", cn_date(None)),
              note(law("申请延期开庭由本机关主要负责人决定（[[measures/20/1]]）；是否准许由人民法院决定"
                       "（[[head-rules/9/3]]）。在开庭前尽早提交。"))]
    return make_document("postpone", "延期开庭申请书", blocks, case_number=case.case_number,
                         basis=["head-rules/9/3", "alp/3/3", "measures/20/1"])


def absence_report(case: Case) -> dict:
    due = case.due("absence_report")
    staff = "、".join(a["name"] for a in case.staff_agents()) or placeholder("出庭的工作人员")
    blocks = [title(f"关于{case.case_number}案件负责人未出庭应诉情况的报告"),
              line(f"{placeholder('本级党委、政府主要负责同志')}："),
              paragraph(f"根据{citing.cite(['measures/20/1'])}的规定，现将{case.case_title()}负责人未出庭应诉的情况报告如下："),
              heading("一、案件基本情况"),
              paragraph(f"{case.court}受理的{case.case_title()}（案号：{case.case_number}），被诉行政行为为"
                        f"{case.act or placeholder('被诉行政行为')}，于{_hearing(case)}开庭审理。"),
              heading("二、负责人未出庭应诉的原因"),
              paragraph(f"{_head(case)}因{_reason(case)}，未能出庭应诉，{_ground_sentence(case)}。"
                        + ("本机关已向人民法院提交情况说明和证明材料，并申请延期开庭。" if case.hearing_postpone
                           else "本机关已向人民法院提交情况说明和证明材料。")),
              heading("三、出庭应诉情况"),
              paragraph(f"本机关委托相应的工作人员{staff}出庭应诉。{placeholder('庭审情况')}"),
              heading("四、改进措施"),
              paragraph(placeholder("落实负责人出庭应诉的措施")),
              signature(f"报告人：{_head(case)}", cn_date(None), seal=False),
              note(law(f"行政机关负责人未出庭应诉的案件，涉及的相关负责人（含主要负责人）在一个月内向本级党委和政府主要负责人"
                       f"书面报告情况（[[measures/20/1]]）"
                       + (f"：开庭日后一个月，最迟{cn_date(due)}。" if due else "；填写开庭日期后计算最迟日期。")
                       + "本报告为内部材料，不提交人民法院。"))]
    return make_document("absence_report", "负责人未出庭应诉情况报告", blocks, case_number=case.case_number,
                         basis=["measures/20/1"])


def cross_examination(case: Case) -> dict:
    def opinion(value: str) -> str:
        return placeholder("  ") if value == "undecided" else OPINIONS[value]

    rows = [row(str(n), e["name"], e["purpose"] or placeholder("证明目的"), opinion(e["authenticity"]),
                opinion(e["legality"]), opinion(e["relevance"]), e["opinion"] or placeholder("质证意见"))
            for n, e in enumerate(case.plaintiff_evidence, 1)]
    blocks = [title("质证意见"),
              line(f"案号：{case.case_number}"),
              line(f"案件：{case.case_title()}"),
              line(f"质证人：{case.agency_name}（被告）"),
              paragraph(f"{case.agency_name}对原告提交的证据，从证据的真实性、合法性、关联性和证明目的发表质证意见如下："),
              table(["序号", "证据名称", "原告的证明目的", "真实性", "合法性", "关联性", "质证意见"],
                    [6, 17, 19, 9, 9, 9, 31], [group("原告提交的证据"), *rows], breakable=True),
              paragraph(f"综上，{placeholder('原告提交的证据不能证明其主张的理由')}。"),
              signature(f"质证人：{case.agency_name}", cn_date(None)),
              note(law("证据应当在法庭上出示，并由当事人互相质证（[[alp/43/1]]）；针对行政行为的合法性和适当性，证据的真实性、"
                       "合法性、关联性和证明目的，适用依据的准确性等进行质证和辩论（[[measures/30]]）。"))]
    return make_document("cross", "质证意见", blocks, case_number=case.case_number, basis=["measures/30", "alp/43/1"])

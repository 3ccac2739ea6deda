"""Papers after the ruling takes effect: the report on performing it (measures/35: the
undertaker organises performance, the head sees to it; measures/33/1/2: a ruling to be
performed gets a working opinion to the head) and the written reply to a court's judicial
suggestion or a procuratorate's suggestion (measures/36)."""
from ..citations import render as law
from ..deadlines import RULING_KINDS
from . import citing
from .blocks import cn_date, document as make_document, heading, line, note, paragraph, placeholder, signature, title
from .case import Case
from .fields import SUGGESTIONS

SUGGESTION_PAPER = {"judicial": "司法建议书", "procuratorial": "检察建议书"}


def documents(case: Case) -> list[dict]:
    return [suggestion_reply(case)] if case.suggestion["kind"] != "none" else []


def internal(case: Case) -> list[dict]:
    return [performance_report(case)] if case.performance else []


def performance_report(case: Case) -> dict:
    kind = RULING_KINDS[case.ruling["kind"]]
    effective = case.ruling["effective"]
    result = case.ruling["result"].rstrip("。") if case.ruling["result"] else placeholder("裁判主文确定的义务")
    undertaker = case.undertaker_unit or placeholder("应诉承办单位")
    blocks = [title(f"关于{case.case_number}案件生效裁判履行情况的报告"), line(f"{case.agency_name}："),
              paragraph(f"{case.court}{case.case_number}行政{kind}"
                        + (f"已于{cn_date(effective)}发生法律效力" if effective else f"已于{placeholder('生效日期')}发生法律效力")
                        + f"。根据{citing.cite(['measures/35/1', 'measures/35/2'])}的规定，现将履行情况报告如下："),
              heading("一、裁判确定的义务"),
              paragraph(f"{result}。"),
              heading("二、履行情况"),
              paragraph(placeholder("履行的时间、方式和结果；尚未履行完毕的，写明进度和预计完成时间")),
              heading("三、相关部门配合情况"),
              paragraph(placeholder("需要相关部门配合的事项及配合情况")),
              heading("四、存在的问题和建议"),
              paragraph(placeholder("履行中的困难、举一反三改进执法的措施")),
              signature(f"应诉承办单位：{undertaker}", cn_date(None), seal=False),
              note(law("对发生法律效力的判决、裁定、调解书，涉案行政机关应当自觉履行，应诉承办单位负责组织实施，相关部门按照"
                       "各自职责予以配合；行政机关负责人应当督促及时履行（[[measures/35/1]]、[[measures/35/2]]）。"
                       "本报告为内部材料。"))]
    return make_document("performance", "生效裁判履行情况报告", blocks, case_number=case.case_number,
                         basis=["measures/35/1", "measures/35/2", "measures/33/1/2"])


def suggestion_reply(case: Case) -> dict:
    s = case.suggestion
    paper = SUGGESTION_PAPER[s["kind"]]
    sender = s["from"] or placeholder("建议机关")
    number = s["number"] or placeholder("文号")
    received = f"于{cn_date(s['received'])}收到" if s["received"] else "收悉"
    blocks = [title(f"关于{number}{paper}的回复函"), line(f"{sender}："),
              paragraph(f"贵院{number}《{paper}》我单位{received}。我单位高度重视，认真研究办理。现将办理情况回复如下："),
              heading("一、对建议所指出问题的研究情况"),
              paragraph(placeholder("建议指出的问题及原因分析")),
              heading("二、已采取的整改措施"),
              paragraph(placeholder("具体措施及完成情况")),
              heading("三、下一步工作"),
              paragraph(placeholder("长效机制和后续安排")),
              paragraph("特此函复。"),
              signature(case.agency_name, cn_date(None)),
              note(law(f"对{SUGGESTIONS[s['kind']]}，行政机关应当认真研究和办理，并将办理结果及时书面予以回复"
                       "（[[measures/36]]）；在落款处加盖本机关印章。"))]
    return make_document("suggestion", f"{paper}回复函", blocks, case_number=case.case_number, basis=["measures/36"])

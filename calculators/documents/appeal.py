"""Papers after the first-instance ruling: the internal proposal to appeal or apply for
retrial (measures/33/1/1: within 5 days of receiving the ruling, approved by the agency's head
and filed with the justice bureau), 行政上诉状 when the agency appeals (alp/85; parties listed
as alp-interp/107/2 says, copies for every other party as alp-interp/108/1 says), and the
被上诉人答辩状 when another party appeals (alp-interp/108/2: within 15 days of receiving the
copy of the appeal)."""
from .. import periods
from ..citations import render as law
from ..deadlines import RULING_KINDS
from . import citing
from .blocks import attachment_lines, cn_date, document as make_document, heading, line, note, \
    paragraph, placeholder, row, signature, table, title
from .case import Case
from .parties import Party, names

APPEAL_ANSWER_DAYS = 15   # alp-interp/108/2


def documents(case: Case) -> list[dict]:
    if case.appeal == "agency":
        return [appeal_petition(case)]
    if case.appeal == "opponent":
        return [appeal_answer(case)]
    return []


def internal(case: Case) -> list[dict]:
    return [proposal(case)] if case.appeal in ("agency", "retrial") else []


def _ruling(case: Case) -> str:
    """聊城市东昌府区人民法院于2026年12月1日作出的（2026）鲁1502行初88号行政判决."""
    when = f"于{cn_date(case.ruling['date'])}" if case.ruling["date"] else f"于{placeholder('裁判日期')}"
    return f"{case.court}{when}作出的{case.case_number}行政{RULING_KINDS[case.ruling['kind']]}"


def _court(case: Case) -> str:
    return case.appeal_court or placeholder("第二审人民法院")


def _party_lines(role: str, parties: list[Party]) -> list[dict]:
    out = []
    for p in parties:
        out.append(line(f"{role}：{p.full()}。"))
        out += [line(f"{a}。") for a in p.attached]
    return out


def _others(case: Case, co_defendants: str) -> list[dict]:
    """The other parties (alp-interp/107/2): the opposing parties who did not appeal are
    被上诉人 — the co-defendants when the plaintiff appeals; the rest keep their
    first-instance roles — the co-defendants when this agency appeals, the third parties."""
    out = [line(f"{co_defendants}：{d}。") for d in case.co_defendants]
    return out + _party_lines("原审第三人", case.third_parties)


def _agency_lines(case: Case, role: str) -> list[dict]:
    out = [line(f"{role}：{case.agency_name}，住所地：{case.agency_address or placeholder('住所地')}。"),
           line(f"法定代表人：{case.representative_name}，{case.representative_title}。")]
    return out + [line(f"委托诉讼代理人：{a['name']}，{a['post']}。") for a in case.agents]


def appeal_petition(case: Case) -> dict:
    kind = RULING_KINDS[case.ruling["kind"]]
    due = case.due("appeal")
    result = f"一审{kind}{case.ruling['result'].rstrip('。')}。" if case.ruling["result"] else ""
    blocks = [title("行政上诉状"), *_agency_lines(case, "上诉人（原审被告）"),
              *_party_lines("被上诉人（原审原告）", case.plaintiffs), *_others(case, "原审被告"),
              paragraph(f"上诉人因与被上诉人{names(case.plaintiffs)}{case.cause_text()}一案，不服{_ruling(case)}，"
                        "现提起上诉。"),
              heading("上诉请求："),
              paragraph(f"1. 撤销{_ruling(case)}{placeholder('全部或者第×项')}，依法改判"
                        f"{placeholder('驳回被上诉人的诉讼请求')}或者发回重审；"),
              paragraph("2. 本案一审、二审诉讼费用由被上诉人负担。"),
              heading("上诉理由："),
              paragraph(result + placeholder("一审裁判认定事实、适用法律、审理程序方面的错误及理由，逐项写明")),
              paragraph("此致"), line(_court(case)),
              signature(f"上诉人：{case.agency_name}", cn_date(None)),
              *attachment_lines("附", [f"本上诉状副本{len(case.plaintiffs) + len(case.third_parties) + len(case.co_defendants)}份"])]
    when = f"上诉期限至{cn_date(due)}届满" if due else "填写裁判文书送达日期后计算上诉期限"
    blocks.append(note(law(f"不服判决的，自判决书送达之日起十五日内、不服裁定的，自裁定书送达之日起十日内提起上诉"
                           f"（[[alp/85]]），{when}；上诉状按其他当事人的人数提出副本（[[alp-interp/108/1]]），"
                           "通过原审人民法院提出。提起上诉前，上诉建议应当经本级行政机关负责人批准并报司法行政机关备案"
                           "（[[measures/33/1/1]]）。")))
    return make_document("appeal", "行政上诉状", blocks, case_number=case.case_number,
                         basis=["alp/85", "alp-interp/107/2", "alp-interp/108/1", "measures/33/1/1"])


def appeal_answer(case: Case) -> dict:
    kind = RULING_KINDS[case.ruling["kind"]]
    due = periods.statutory(case.appeal_served, APPEAL_ANSWER_DAYS, "日").due if case.appeal_served else None
    result = f"一审{kind}{case.ruling['result'].rstrip('。')}，" if case.ruling["result"] else ""
    blocks = [title("被上诉人答辩状"), *_agency_lines(case, "答辩人（被上诉人，原审被告）"),
              *_party_lines("上诉人（原审原告）", case.plaintiffs), *_others(case, "被上诉人（原审被告）"),
              paragraph(f"上诉人{names(case.plaintiffs)}因与答辩人{case.cause_text()}一案，不服{_ruling(case)}，提起上诉。"
                        "答辩人现提出答辩如下："),
              heading("答辩请求："),
              paragraph("请求人民法院依法驳回上诉，维持原判。"),
              heading("事实与理由："),
              paragraph(f"{result}认定事实清楚，适用法律正确，审理程序合法。"
                        + placeholder("针对上诉理由逐项答辩")),
              paragraph("综上所述，请求人民法院依法驳回上诉，维持原判。"),
              paragraph("此致"), line(_court(case)),
              signature(f"答辩人：{case.agency_name}", cn_date(None)),
              *attachment_lines("附", [f"本答辩状副本{len(case.plaintiffs)}份"])]
    when = f"至{cn_date(due)}届满" if due else "自收到上诉状副本之日起计算"
    blocks.append(note(law(f"对方当事人应当在收到上诉状副本之日起十五日内提出答辩状（[[alp-interp/108/2]]），{when}；"
                           "不提出答辩状的，不影响人民法院审理。二审阶段有新的证据或者书面意见的，按照法律规定或者人民法院的"
                           "要求提交（[[measures/34]]）。答辩状副本按上诉人的人数提出。")))
    return make_document("appeal_answer", "被上诉人答辩状", blocks, case_number=case.case_number,
                         basis=["alp-interp/108/2", "alp-interp/107/2", "measures/34"])


def proposal(case: Case) -> dict:
    retrial = case.appeal == "retrial"
    what = "申请再审" if retrial else "提起上诉"
    kind = RULING_KINDS[case.ruling["kind"]]
    served = case.ruling["served"]
    if retrial:
        due = case.due("retrial")
        limit = (f"申请再审应当在判决、裁定发生法律效力后六个月内提出（{citing.cite(['alp-interp/110'])}），"
                 + (f"至{cn_date(due)}届满。" if due else "填写裁判生效日期后计算。"))
        refs = ["measures/33/1/1", "alp/90", "alp-interp/110"]
    else:
        due = case.due("appeal")
        limit = (f"上诉期限为{kind}书送达之日起{'十五' if case.ruling['kind'] == 'judgment' else '十'}日"
                 f"（{citing.cite(['alp/85'])}），" + (f"至{cn_date(due)}届满。" if due else "填写裁判文书送达日期后计算。"))
        refs = ["measures/33/1/1", "alp/85"]
    bureau = case.justice_bureau or placeholder("司法行政机关名称")
    undertaker = case.undertaker_unit or placeholder("应诉承办单位")
    blocks = [title(f"关于{case.case_number}案件{what}的建议"), line(f"{case.agency_name}："),
              paragraph(f"{_ruling(case)}，本机关于{cn_date(served) if served else placeholder('收到日期')}收到。"
                        + (f"裁判结果：{case.ruling['result'].rstrip('。')}。" if case.ruling["result"] else "")
                        + f"根据{citing.cite(['measures/33/1/1'])}的规定，经研究，建议{what}，理由如下："),
              paragraph(placeholder("一审裁判认定事实、适用法律和审理程序方面的问题，以及上诉或者再审的必要性")),
              paragraph(limit),
              paragraph(f"本建议经本机关负责人批准后，报{bureau}备案，再按法定程序{what}。"),
              signature(f"应诉承办单位：{undertaker}", cn_date(None), seal=False),
              table(["事项", "意见"], [24, 76], [
                  row("负责人审批意见", "\n\n\n负责人：\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
                  row("备案情况", f"于{cn_date(None)}报{bureau}备案。"),
              ], header=False, whole=True)]
    proposal_due = case.due("appeal_proposal")
    blocks.append(note(law("认为应当上诉或者申请再审的，在收到裁判文书后5日内提出建议，经本级行政机关负责人批准并报司法行政机关"
                           "备案后按法定程序办理（[[measures/33/1/1]]）"
                           + (f"：最迟{cn_date(proposal_due)}提出。" if proposal_due and not retrial else "。")
                           + "本建议为内部材料，不提交人民法院。")))
    return make_document("proposal", f"{what}建议", blocks, case_number=case.case_number, basis=refs)

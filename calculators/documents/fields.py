"""The fields of the documents form (calculator “documents”), in the calculator's words: the
single description from which the page's form is rendered (macros/documents_form.py), which
calculators/forms.py lists as the documents form's fields, and whose labels the calculator
uses in its messages (``label``). The lists (agents, evidence, the plaintiff's evidence) are
described in rows.py."""
from functools import lru_cache

from ..citations import render as law
from ..deadlines import RULING_KINDS
from ..filing_period import INFORMED
from ..principal import ITEMS as PRINCIPAL_ITEMS, RECONSIDERATION_ROLES
from ..undertaker import DEFENDANTS
from .objections import OBJECTIONS

ANSWER_FORMS = {"traditional": "传统格式（答辩请求、事实与理由）", "element": "要素式（全国统一示范文本）"}
RECONSIDERATION_OUTCOMES = {
    "upheld": "维持原行政行为",
    "rejected": "驳回复议请求",
    "changed": "改变原行政行为",
    "not_accepted": "不予受理或者驳回复议申请",
}
# head-rules/8/1: the grounds on which a head cannot appear, items (一)–(四)
ABSENCE_GROUNDS = {"force_majeure": "不可抗力", "accident": "意外事件", "official_duty": "需要履行他人不能代替的公务",
                   "other": "无法出庭的其他正当事由"}
ABSENCE_ITEM = {"force_majeure": 1, "accident": 2, "official_duty": 3, "other": 4}
APPEALS = {
    "none": "不涉及（尚未裁判或者不上诉）",
    "opponent": "对方当事人上诉，本机关答辩",
    "agency": "本机关上诉",
    "retrial": "本机关申请再审",
}
SUGGESTIONS = {"none": "无", "judicial": "人民法院司法建议", "procuratorial": "人民检察院检察建议"}
EVIDENCE_LAYOUTS = {"group": "按录入顺序编号，类别变化处加类别行", "column": "按录入顺序编号，类别单列一栏"}

TITLE = "应诉文书生成"
INTRO = ("填写案件基本情况，生成答辩状（传统格式或要素式）、证据目录、法定代表人身份证明书、授权委托书、出庭应诉负责人身份证明书、"
         "备案函、败诉风险评估报告提纲和应诉工作清单，以及负责人不能出庭、质证、上诉、裁判履行和司法建议等文书，"
         "可打印或下载为 Word 文档。")
# the provisions the papers encode (the page lists them and links back)
REFS = ("measures/13/1", "measures/14/1", "measures/15/1", "measures/15/2", "measures/16", "measures/17/1",
        "measures/17/2", "measures/18/1", "measures/19/4", "measures/20/1", "measures/27/1", "measures/30",
        "measures/33/1", "measures/35/1", "measures/36", "measures/38/1", "measures/44/2", "measures/46")


@lru_cache(maxsize=None)
def fields() -> tuple:
    """The flat fields of the documents form, in the order of the page."""
    from ..forms import Field   # here, not at the top: calculators.forms imports this module
    out = [
        # -- the case and the parties
        Field("court", "text", "受理法院", "如：聊城市东昌府区人民法院。", "measures/15/1", required=True),
        Field("case_number", "text", "案号", "如：（2026）鲁1502行初88号。", "measures/15/1", required=True),
        Field("cause", "text", "案由", "如：行政处罚、行政强制、政府信息公开；经复议维持的案件不必写“及行政复议”。"),
        Field("act", "text", "被诉行政行为", "如：答辩人于2026年1月8日作出的聊市监罚〔2026〕3号《行政处罚决定书》。"),
        Field("plaintiffs", "text", "原告", "可直接粘贴起诉状中的当事人部分：每名原告一行（“原告：”等字样会自动去掉），"
              "法定代表人、委托诉讼代理人写在该原告的下一行。生成后请核对识别结果。", required=True, lines=3),
        Field("third_parties", "text", "第三人", "没有可不填；格式同“原告”。", lines=2),
        Field("co_defendants", "text", "共同被告", "与本机关同为被告的机关，每行一个。复议机关维持原行政行为的，作出原行政行为的"
              "机关和复议机关是共同被告。", "alp/26/2", lines=2),
        # -- the answering agency
        Field("agency_name", "text", "答辩机关名称", "应诉机关（被告）的全称。", "measures/15/1", required=True),
        Field("agency_address", "text", "住所地"),
        Field("agency_phone", "text", "联系电话", "要素式文本填写；不填则留空待手写。"),
        Field("representative_name", "text", "法定代表人姓名", "", "measures/17/1", required=True),
        Field("representative_title", "text", "法定代表人职务", "如：局长、县长。", required=True),
        Field("defendant", "choice", "被告", "本案被诉的行政机关属于哪一级、哪一类，用于确定应诉承办单位和是否报备。",
              "measures/10/1", required=True, options=DEFENDANTS),
        Field("undertaker_unit", "text", "应诉承办单位", "已确定的，填写具体实施被诉行政行为的机关或内部机构；不清楚的可不填。",
              "measures/10/1/1"),
        Field("justice_bureau", "text", "司法行政机关名称", "报备函、上诉或再审建议备案的收件机关，如：聊城市司法局。", "measures/13/1"),
        # -- reconsideration
        Field("reconsidered", "bool", "是否经行政复议", "", "measures/14/1"),
        Field("reconsideration_role", "choice", "复议案件中本机关的被告地位",
              law("决定应诉承办单位（[[measures/10#]]）、举证责任（[[measures/14#]]）和由谁的负责人出庭"
                  "（[[measures/24#]]）。"), "measures/24/1", options=RECONSIDERATION_ROLES, show_if=("reconsidered", True)),
        Field("reconsideration_body", "text", "复议机关", "本机关为复议机关的不填；如：聊城市人民政府。", "alp/26/2",
              show_if=("reconsidered", True)),
        Field("reconsideration_decision", "text", "复议决定", "文号和名称，如：聊政复决字〔2026〕15号《行政复议决定书》。",
              "measures/14/1", show_if=("reconsidered", True)),
        Field("reconsideration_date", "date", "复议决定日期", "复议决定书落款的日期。", "measures/14/1",
              show_if=("reconsidered", True)),
        Field("reconsideration_outcome", "choice", "复议结果", "驳回复议请求视为维持原行政行为；以复议申请不符合受理条件为由驳回的除外。",
              "alp-interp/133", options=RECONSIDERATION_OUTCOMES, default="upheld", show_if=("reconsidered", True)),
        # -- dates
        Field("complaint_served", "date", "起诉状副本送达日期", "以送达回证上的签收日期为准；答辩、举证期限自次日起算15日。",
              "alp/67/1", required=True),
        Field("hearing_date", "date", "开庭日期", "已收到开庭传票的填写。", "measures/19/4"),
        Field("answer_date", "date", "落款日期", "答辩材料和各证明书的落款日期；应在送达之后、答辩期限届满之前。不填则留空待手写。",
              "measures/15/1"),
        # -- the answer
        Field("answer_form", "choice", "文书格式", "要素式按全国统一的示范文本逐项勾选、填写理由。", "measures/15/1",
              options=ANSWER_FORMS, default="traditional"),
        Field("requests", "text", "答辩请求", "不填时：提出程序性答辩意见的请求裁定驳回起诉，否则请求判决驳回诉讼请求；每项一行。",
              "measures/15/1", lines=2),
        Field("authority", "text", "职权依据", "作出被诉行政行为的法定职权及其来源，如：依据《中华人民共和国行政处罚法》"
              "第××条，答辩人对本行政区域内的违法行为具有管辖权。", "alp/34/1", lines=2),
        Field("facts", "text", "事实", "被诉行政行为作出的经过及认定的事实，按时间顺序写明调查、告知、听证、决定、送达等环节；"
              "每段一行。", "measures/15/1", lines=5),
        Field("legal_basis", "text", "相关依据", "作出被诉行政行为所依据的法律、法规、规章和规范性文件，每项一行，"
              "如：《中华人民共和国行政处罚法》第××条。", "measures/15/1", lines=3),
        Field("views", "text", "主要观点", "答辩理由：被诉行政行为合法的理由，逐一回应原告的诉讼理由；每段一行，"
              "可以“一、”“二、”编号。", "measures/15/1", lines=5),
        Field("duty_claim", "bool", "原告请求判令履行法定职责或者给付义务", "要素式文本中“原告要求履行职责或者给付的请求不成立”一项。", "alp/38/1"),
    ]
    out += [Field(f"objection_{n}", "bool", o.label, o.help, f"measures/15/2/{n}") for n, o in OBJECTIONS.items()]
    out += [
        Field("fp_known_date", "date", "知道或者应当知道行政行为之日", "填写起诉期限的日期后，自动核对原告是否超过起诉期限；"
              "超过的，可以提出“原告未在法定期限内提起行政诉讼”的答辩意见并写入计算出的日期。", "alp/46/1"),
        Field("fp_filed_date", "date", "起诉日期", "以人民法院登记立案材料记载的起诉日期为准。", "alp/46/1"),
        Field("fp_reconsideration_decision_served", "date", "复议决定书送达日期", "经复议的，在收到复议决定书之日起十五日内起诉。",
              "alp/45"),
        Field("fp_informed_of_period", "choice", "行政机关是否告知起诉期限",
              "以行政决定书、复议决定书是否载明起诉期限为准；不能确定的不要选“已告知”（未选择的，不据以认定原告超过起诉期限）。",
              "alp-interp/64", options=INFORMED),
        Field("fp_act_date", "date", "行政行为作出日期", "最长起诉期限：不动产案件20年，其他案件5年。", "alp/46/2"),
        Field("fp_real_estate", "bool", "因不动产提起诉讼", "", "alp/46/2"),
        # -- the head in court
        Field("head_name", "text", "出庭应诉负责人姓名", "按“谁分管、谁出庭”确定。", "measures/20/1"),
        Field("head_post", "text", "出庭应诉负责人职务", "身份证明书应载明负责人的姓名、职务。", "measures/19/4"),
        Field("plaintiff_count", "int", "原告人数", "不填时按识别出的原告人数计。", "measures/22/1/1", minimum=1),
        Field("compensation_claimed", "amount", "涉案赔偿金额（元）", "", "measures/22/1/1", default=0),
        Field("suing_units", "int", "同时起诉的单位或企业数", "", "measures/22/1/2", default=0, minimum=0),
        Field("enterprise_party", "bool", "原告或第三人中有企业法人（涉企行政案件）", "", "measures/23/1"),
    ]
    out += [Field(name, "bool", label, "", f"measures/22/1/{n}") for n, name, label, _ in PRINCIPAL_ITEMS if name]
    out += [
        Field("head_absent", "bool", "负责人因正当理由不能出庭应诉", "生成情况说明、负责人未出庭的书面报告，可同时申请延期开庭。",
              "measures/20/1"),
        Field("head_absence_ground", "choice", "不能出庭的情形", "", "head-rules/8/1", options=ABSENCE_GROUNDS,
              default="official_duty", show_if=("head_absent", True)),
        Field("head_absence_reason", "text", "不能出庭的具体事由", "如：2026年11月10日须参加省政府召开的安全生产紧急会议。",
              "head-rules/9/1", lines=2, show_if=("head_absent", True)),
        Field("hearing_postpone", "bool", "申请延期开庭", "负责人有正当理由不能出庭的，行政机关可以申请延期开庭审理。",
              "head-rules/9/3", show_if=("head_absent", True)),
        Field("loss_risk", "bool", "存在败诉风险", "存在败诉风险的，应当于提交答辩材料前3个工作日内向应诉机关报告。",
              "measures/18/1"),
        Field("extension", "bool", "申请延长举证期限", "因不可抗力或者其他正当事由不能在举证期限内提交的，生成延长举证期限申请书。",
              "measures/17/2"),
        Field("extension_reason", "text", "不能按期举证的正当事由", "", "measures/17/2", lines=2,
              show_if=("extension", True)),
        Field("evidence_layout", "choice", "证据目录的编排", "证据按录入顺序编号；可用“上移”“下移”调整顺序。", "measures/16",
              options=EVIDENCE_LAYOUTS, default="group"),
        # -- after the judgment
        Field("ruling_kind", "choice", "裁判文书种类", "判决的上诉期限为15日，裁定为10日。", "alp/85", options=RULING_KINDS,
              default="judgment"),
        Field("ruling_date", "date", "裁判文书作出日期", "裁判文书落款的日期。", "alp/85"),
        Field("ruling_served", "date", "裁判文书送达日期", "收到一审判决书或裁定书之日；上诉期限、上诉建议期限自次日起算。",
              "measures/33/1/1"),
        Field("ruling_result", "text", "裁判结果", "裁判文书主文，如：驳回原告的诉讼请求。", "measures/33/1", lines=2),
        Field("appeal", "choice", "上诉或申请再审", "", "measures/33/1/1", options=APPEALS, default="none"),
        Field("appeal_court", "text", "第二审人民法院", "如：山东省聊城市中级人民法院。", "alp/85"),
        Field("appeal_served", "date", "上诉状副本送达日期", "对方上诉的，自收到上诉状副本之日起十五日内答辩。",
              "alp-interp/108/2", show_if=("appeal", "opponent")),
        Field("ruling_effective", "date", "裁判生效日期", "申请再审应在判决、裁定发生法律效力后六个月内提出。", "alp/90"),
        Field("performance", "bool", "生效裁判有履行内容", "生成生效裁判履行情况报告。", "measures/35/1"),
        Field("suggestion_kind", "choice", "司法建议或检察建议", "收到的，生成回复函。", "measures/36", options=SUGGESTIONS,
              default="none"),
        Field("suggestion_from", "text", "建议机关", "如：聊城市东昌府区人民法院。", "measures/36"),
        Field("suggestion_number", "text", "建议书文号", "如：（2026）鲁1502司建3号。", "measures/36"),
        Field("suggestion_received", "date", "建议书收到日期", "", "measures/36"),
    ]
    return tuple(out)


def label(name: str) -> str:
    """The form's words for field `name` (the calculator's messages use the same)."""
    return _by_name()[name].label


def by_name(name: str):
    """The form's field `name`."""
    return _by_name()[name]


@lru_cache(maxsize=None)
def _by_name() -> dict:
    return {f.name: f for f in fields()}

"""The fields of the documents form (calculator “documents”), in the calculator's words: the
single description from which the page's form is rendered (macros/documents_form.py) and which
calculators/forms.py lists as the documents form's fields. The lists (agents, evidence) are
described in rows.py."""
from ..principal import ITEMS as PRINCIPAL_ITEMS, RECONSIDERATION_ROLES
from ..undertaker import DEFENDANTS
from .answer import OBJECTIONS


def fields() -> tuple:
    """The flat fields of the documents form (the agents and evidence lists are in rows.py).
    Labels are the calculator's words."""
    from ..forms import Field   # here, not at the top: calculators.forms imports this module
    fields = [
        Field("court", "text", "受理法院", "如：聊城市东昌府区人民法院。", "measures/15/1", required=True),
        Field("case_number", "text", "案号", "如：（2026）鲁1502行初88号。", "measures/15/1", required=True),
        Field("cause", "text", "案由", "如：行政处罚、行政强制、政府信息公开。"),
        Field("plaintiffs", "text", "原告", "每行一名：姓名或名称，及性别、出生日期、住址或住所地、法定代表人等。",
              required=True, lines=3),
        Field("third_parties", "text", "第三人", "没有可不填；每行一名。", lines=2),
        Field("act", "text", "被诉行政行为", "如：答辩人于2026年1月8日作出的聊市监罚〔2026〕3号《行政处罚决定书》。"),
        Field("agency_name", "text", "答辩机关名称", "应诉机关（被告）的全称。", "measures/15/1", required=True),
        Field("agency_address", "text", "住所地"),
        Field("representative_name", "text", "法定代表人姓名", "", "measures/17/1", required=True),
        Field("representative_title", "text", "法定代表人职务", "如：局长、县长。", required=True),
        Field("defendant", "choice", "被告", "本案被诉的行政机关属于哪一级、哪一类，用于确定应诉承办单位和是否报备。",
              "measures/10/1", required=True, options=DEFENDANTS, default="department"),
        Field("undertaker_unit", "text", "应诉承办单位", "已确定的，填写具体实施被诉行政行为的机关或内部机构；不清楚的可不填。",
              "measures/10/1/1"),
        Field("reconsidered", "bool", "是否经行政复议", "", "measures/14/1"),
        Field("reconsideration_role", "choice", "复议案件中本机关的被告地位",
              "决定应诉承办单位（第十条）、举证责任（第十四条）和由谁的负责人出庭（第二十四条）。", "measures/24/1",
              options=RECONSIDERATION_ROLES, show_if=("reconsidered", True)),
        Field("facts", "text", "事实", "被诉行政行为作出的经过及认定的事实；每段一行。", "measures/15/1", lines=5),
        Field("legal_basis", "text", "相关依据", "作出被诉行政行为所依据的法律、法规、规章和规范性文件。", "measures/15/1",
              lines=3),
        Field("views", "text", "主要观点", "答辩理由：被诉行政行为合法的理由，逐一回应原告的诉讼理由；每段一行。",
              "measures/15/1", lines=5),
        Field("requests", "text", "答辩请求", "不填时：提出程序性答辩意见的请求裁定驳回起诉，否则请求判决驳回诉讼请求。",
              "measures/15/1", lines=2),
        Field("answer_date", "date", "落款日期", "答辩状及各证明书的落款日期；不填则留空待手写。", "measures/15/1",
              default="today"),
    ]
    fields += [Field(f"objection_{n}", "bool", o.label, "", f"measures/15/2/{n}") for n, o in OBJECTIONS.items()]
    fields += [
        Field("fp_known_date", "date", "知道或者应当知道行政行为之日", "填写起诉期限的日期后，自动核对原告是否超过起诉期限，"
              "并把计算出的日期写入第（三）项答辩意见。", "alp/46/1"),
        Field("fp_filed_date", "date", "起诉日期", "以人民法院登记立案材料记载的起诉日期为准。", "alp/46/1"),
        Field("fp_reconsideration_decision_served", "date", "复议决定书送达日期", "经复议的，在收到复议决定书之日起十五日内起诉。",
              "alp/45"),
        Field("fp_informed_of_period", "bool", "行政机关已告知起诉期限", "", "alp-interp/64", default=True),
        Field("fp_act_date", "date", "行政行为作出日期", "最长起诉期限：不动产案件20年，其他案件5年。", "alp/46/2"),
        Field("fp_real_estate", "bool", "因不动产提起诉讼", "", "alp/46/2"),
        Field("complaint_served", "date", "起诉状副本送达日期", "以送达回证上的签收日期为准；答辩、举证期限自次日起算15日。",
              "alp/67/1", required=True, default="today"),
        Field("hearing_date", "date", "开庭日期", "已收到开庭传票的填写。", "measures/19/4"),
        Field("loss_risk", "bool", "存在败诉风险", "存在败诉风险的，应当于提交答辩材料前3个工作日内向应诉机关报告。",
              "measures/18/1"),
        Field("extension", "bool", "申请延长举证期限", "因不可抗力或者其他正当事由不能在举证期限内提交的，生成延长举证期限申请书。",
              "measures/17/2"),
        Field("extension_reason", "text", "不能按期举证的正当事由", "", "measures/17/2", lines=2,
              show_if=("extension", True)),
        Field("head_name", "text", "出庭应诉负责人姓名", "按“谁分管、谁出庭”确定。", "measures/20/1"),
        Field("head_post", "text", "出庭应诉负责人职务", "身份证明书应载明负责人的姓名、职务。", "measures/19/4"),
        Field("plaintiff_count", "int", "原告人数", "不填时按“原告”的行数计。", "measures/22/1/1", minimum=1),
        Field("compensation_claimed", "amount", "涉案赔偿金额（元）", "", "measures/22/1/1", default=0),
        Field("suing_units", "int", "同时起诉的单位或企业数", "", "measures/22/1/2", default=0, minimum=0),
        Field("enterprise_party", "bool", "原告或第三人中有企业法人（涉企行政案件）", "", "measures/23/1"),
    ]
    fields += [Field(name, "bool", label, "", f"measures/22/1/{n}") for n, name, label, _ in PRINCIPAL_ITEMS if name]
    return tuple(fields)

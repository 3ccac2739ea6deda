"""What each calculator asks, in the words of the measures: the single description from which
the pages' forms are rendered at build time (macros) and read in the browser.

Each field's `label` is the same words the calculator uses in its error messages
(tests/test_forms.py checks this), and `ref` is the provision its help text cites.
"""
from typing import NamedTuple

from .principal import RECONSIDERATION_ROLES
from .quota import AGENCIES
from .undertaker import DEFENDANTS, GOVERNMENT_ROLES

from .deadlines import RULING_KINDS
from .documents import fields as documents_form


class Field(NamedTuple):
    name: str
    kind: str                      # date | bool | int | amount | choice | text
    label: str
    help: str = ""
    ref: str | None = None         # provision cited in the help text
    required: bool = False
    options: dict | None = None    # choice: value -> label
    default: object = None         # "today" for a date defaulting to the reader's today
    show_if: tuple | None = None   # (other field, value): shown only when that field has that value
    minimum: int | None = None
    lines: int = 1                 # text: more than 1 gives a multi-line box


class Form(NamedTuple):
    name: str
    title: str
    intro: str
    fields: tuple
    refs: tuple                    # the provisions the calculator encodes (pages link both ways)


FORMS = {f.name: f for f in (
    Form("deadlines", "期限计算",
         "输入收到起诉状副本等日期，计算答辩举证、登记、败诉风险报告、上诉、再审等期限。法定期间遇节假日依法顺延。",
         (
             Field("complaint_served", "date", "起诉状副本送达日期", "以送达回证上的签收日期为准；答辩期限自次日起算15日。",
                   "alp/67/1", required=True, default="today"),
             Field("hearing_date", "date", "开庭日期", "填写后可计算负责人未出庭时的书面报告期限。", "measures/20/1"),
             Field("principal_absent", "bool", "行政机关负责人未出庭应诉",
                   "负责人未出庭的，相关负责人应在一个月内向本级党委和政府主要负责人书面报告。", "measures/20/1"),
             Field("ruling_served", "date", "裁判文书送达日期", "收到判决书或裁定书之日；上诉期限自次日起算。", "alp/85"),
             Field("ruling_kind", "choice", "裁判文书种类", "判决的上诉期限为15日，裁定为10日。", "alp/85",
                   options=RULING_KINDS, default="judgment"),
             Field("ruling_effective", "date", "裁判生效日期", "申请再审应在判决、裁定发生法律效力后六个月内提出。", "alp-interp/110"),
         ),
         ("measures/13/1", "measures/17/2", "measures/18/1", "measures/20/1", "measures/33/1/1",
          "measures/38/1", "measures/39/1", "measures/43/2")),
    Form("undertaker", "应诉承办单位确定",
         "根据被告是谁、是否经过行政复议，确定应诉承办单位、监督指导和举证责任。",
         (
             Field("defendant", "choice", "被告", "本案被诉的行政机关属于哪一级、哪一类。", "measures/10/1",
                   required=True, options=DEFENDANTS, default="county_gov"),
             Field("reconsidered", "bool", "是否经行政复议", "经过行政复议的案件，按第十条第（二）项确定。", "measures/10/1/2"),
             Field("government_role", "choice", "人民政府在本案中的被告地位",
                   "复议机关（人民政府）单独作被告，还是与作出原行政行为的机关作共同被告。", "measures/10/1/2",
                   options=GOVERNMENT_ROLES, show_if=("reconsidered", True)),
             Field("acting_agency", "text", "具体实施（承担）被诉行政行为的机关或机构",
                   "不清楚的可以不填：承办单位不明确的，由人民政府办公室根据同级司法行政机关建议确定。", "measures/10/1/3"),
         ),
         ("measures/10/1", "measures/11/1", "measures/12/1", "measures/13/1", "measures/14/1")),
    Form("principal_appearance", "主要负责人是否出庭",
         "对照第二十二条第一款所列十种情形，判断本案行政机关主要负责人是否应当出庭应诉。",
         (
             Field("plaintiff_count", "int", "原告人数", "第（一）项：超过10人（不含10人）的集团诉讼。", "measures/22/1/1",
                   required=True, default=1, minimum=1),
             Field("compensation_claimed", "amount", "涉案赔偿金额（元）", "第（一）项：超过1000万元（不含1000万元）。",
                   "measures/22/1/1", default=0),
             Field("suing_units", "int", "同时起诉的单位或企业数", "第（二）项：两个或两个以上单位或企业同时起诉。",
                   "measures/22/1/2", default=0, minimum=0),
             Field("enforcement_impact", "bool", "对行政机关的下步执法可能会产生重大影响", "", "measures/22/1/3"),
             Field("public_interest", "bool", "涉及重大公共利益", "", "measures/22/1/4"),
             Field("public_attention", "bool", "社会关注度高", "", "measures/22/1/5"),
             Field("mass_incident_risk", "bool", "可能引发群体性事件", "", "measures/22/1/6"),
             Field("procuratorate", "bool", "检察机关提起行政公益诉讼或抗诉", "", "measures/22/1/7"),
             Field("justice_bureau_requires", "bool", "司法行政机关明确要求主要负责人出庭应诉", "", "measures/22/1/8"),
             Field("court_notice", "bool", "人民法院书面通知要求主要负责人出庭应诉", "", "measures/22/1/9"),
             Field("other", "bool", "其他需要主要负责人出庭应诉的情形", "", "measures/22/1/10"),
             Field("enterprise_party", "bool", "原告或第三人中有企业法人（涉企行政案件）",
                   "涉企行政案件应当加大主要负责人出庭应诉比例。", "measures/23/1"),
             Field("reconsideration_role", "choice", "复议案件中本机关的被告地位",
                   "经复议的案件，按第二十四条确定由谁的负责人出庭。", "measures/24/1",
                   options=RECONSIDERATION_ROLES, default="none"),
         ),
         ("measures/19/2", "measures/20/1", "measures/22/1", "measures/23/1", "measures/24/1", "measures/27/1")),
    Form("appearance_quota", "年度出庭指标",
         "计算本年度行政机关主要负责人至少应出庭应诉的次数，并核对是否达标。",
         (
             Field("agency", "choice", "行政机关类别", "县（市、区）人民政府和市属开发区管委会另受第二十一条约束。",
                   "measures/21/1", required=True, options=AGENCIES, default="city_department"),
             Field("cases", "int", "本年度行政案件数（件）", "发生行政案件10件以上（含10件）的，至少出庭2次且出庭率不低于20%。",
                   "measures/22/2", required=True, default=0, minimum=0),
             Field("principal_appearances", "int", "主要负责人出庭应诉次数（按案件计）", "", "measures/22/2",
                   required=True, default=0, minimum=0),
             Field("enterprise_cases", "int", "本系统年度涉企行政案件数（件）",
                   "市直部门涉企行政案件超过20件的，应召开案件研讨会。", "measures/23/1", minimum=0),
             Field("enterprise_cases_lost", "int", "涉企行政案件败诉数（件）", "败诉率超过10%的，应召开案件研讨会。",
                   "measures/23/1", minimum=0),
         ),
         ("measures/21/1", "measures/22/2", "measures/23/1")),
    Form("filing_period", "起诉期限审查",
         "核对原告是否在法定期限内起诉，供答辩状中提出第十五条第二款第（三）项意见时参考。",
         (
             Field("known_date", "date", "知道或者应当知道行政行为之日", "原告知道或者应当知道作出行政行为之日；直接起诉的，起诉期限为六个月。",
                   "alp/46/1"),
             Field("filed_date", "date", "起诉日期", "以人民法院登记立案材料记载的起诉日期为准。", "alp/46/1",
                   required=True, default="today"),
             Field("reconsideration_decision_served", "date", "复议决定书送达日期",
                   "经复议的，在收到复议决定书之日起十五日内起诉。", "alp/45"),
             Field("informed_of_period", "bool", "行政机关已告知起诉期限",
                   "未告知的，起诉期限从知道或应当知道起诉期限之日起计算，但最长不超过一年。", "alp-interp/64",
                   default=True),
             Field("act_date", "date", "行政行为作出日期", "最长保护期限：不动产案件20年，其他案件5年。", "alp/46/2"),
             Field("real_estate", "bool", "因不动产提起诉讼", "", "alp/46/2"),
         ),
         ("measures/15/2/3",)),
    Form("documents", documents_form.TITLE, documents_form.INTRO, documents_form.fields(), documents_form.REFS),
)}

"""Real-looking cases for the documents calculator, shared by its Python, Word and browser tests.

CASE: a company and a citizen sue the city market regulation bureau over a fine; the complaint
was served on Wednesday 2026-09-16 (answer due 2026-10-08 after the National Day holiday);
they learned of the decision on 2026-01-10 and sued on 2026-08-20, after the six months of
alp/46/1 ran out on 2026-07-10 — so objection (三) applies.

shapes(): the case shapes every test package covers — the late suit (CASE), the department
with the city government as reconsideration co-defendant, the city government answering as
the reconsideration organ, a timely suit whose time limit was not stated, party lines pasted
from a complaint (brackets in names) in the element-style answer, and a case that has reached
the hearing and the judgment (every optional paper).
"""
import copy

# one paragraph of Chinese characters only (no digits, no punctuation a line may not start
# with), long enough for three full lines: the tests count 28 characters a line in it
LONG_PARAGRAPH = ("答辩人执法人员在现场检查时向原告出示执法证件并告知检查的依据和内容原告的现场负责人全程在场"
                  "答辩人当场制作现场检查笔录并拍摄照片原告的现场负责人核对后在笔录上签字确认答辩人随后依法"
                  "进行调查询问并听取原告的陈述和申辩")

CASE = {
    "court": "聊城市东昌府区人民法院",
    "case_number": "（2026）鲁1502行初88号",
    "cause": "行政处罚",
    "plaintiffs": "聊城市某某商贸有限公司，住所地聊城市东昌府区某路1号，法定代表人王某\n李某，男，1980年生",
    "act": "答辩人于2026年1月8日作出的聊市监罚〔2026〕3号《行政处罚决定书》",
    "agency_name": "聊城市市场监督管理局",
    "agency_address": "聊城市东昌府区某路100号",
    "representative_name": "张某",
    "representative_title": "局长",
    "facts": "2025年11月5日，答辩人接到举报后对原告经营场所进行现场检查。\n" + LONG_PARAGRAPH + "。\n"
             "2026年1月8日，答辩人作出处罚决定并依法送达。",
    "legal_basis": "《中华人民共和国行政处罚法》第三十六条",
    "views": "被诉行政行为认定事实清楚、证据确凿、适用法律正确、程序合法。",
    "answer_date": "2026-09-25",
    "objection_3": True,
    "defendant": "department",
    "reconsidered": False,
    "enterprise_party": True,
    "head_name": "赵某",
    "head_post": "副局长",
    "complaint_served": "2026-09-16",
    "hearing_date": "2026-11-10",
    "fp_known_date": "2026-01-10",
    "fp_filed_date": "2026-08-20",
    "fp_act_date": "2026-01-08",
    "fp_informed_of_period": "informed",
    "agents": [
        {"name": "钱某", "post": "聊城市市场监督管理局法规科科长", "kind": "staff", "authority": "special"},
        {"name": "孙某", "post": "山东某某律师事务所律师", "kind": "lawyer", "authority": "general"},
    ],
    "evidence": [
        {"category": "authority", "name": "《中华人民共和国行政处罚法》", "source": "公开出版物", "pages": 3,
         "object": "答辩人的法定职权", "content": "第二十二条", "purpose": "证明答辩人具有作出被诉行政行为的法定职权"},
        {"category": "facts", "name": "现场检查笔录", "source": "答辩人执法人员制作", "form": "copy", "pages": 2,
         "object": "原告的违法事实", "content": "2025年11月5日现场检查情况", "purpose": "证明原告存在违法行为"},
    ],
}


def case(**changes) -> dict:
    """A copy of CASE with some fields changed (None removes a field)."""
    params = copy.deepcopy(CASE)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params


# the department's fine upheld on reconsideration by the city government: co-defendants
JOINT = dict(reconsidered=True, reconsideration_role="joint_original", reconsideration_body="聊城市人民政府",
             reconsideration_decision="聊政复决字〔2026〕15号《行政复议决定书》", reconsideration_date="2026-03-05",
             objection_3=None, fp_known_date=None, fp_act_date=None,
             fp_reconsideration_decision_served="2026-03-06", fp_filed_date="2026-03-18")

# the city government's own answer as the reconsideration organ (co-defendant with the bureau)
BODY = dict(JOINT, reconsideration_role="joint_reconsideration", reconsideration_body=None, defendant="city_gov",
            agency_name="聊城市人民政府", agency_address="聊城市东昌府区某路1号", representative_name="王某",
            representative_title="市长", co_defendants="被告：聊城市市场监督管理局", undertaker_unit="聊城市司法局",
            act="聊城市市场监督管理局于2026年1月8日作出的聊市监罚〔2026〕3号《行政处罚决定书》",
            facts="", legal_basis="", views="", head_name=None, head_post=None,
            evidence=[{"category": "reconsideration", "name": "行政复议申请书", "source": "原告提交", "pages": 4},
                      {"category": "reconsideration", "name": "聊政复决字〔2026〕15号《行政复议决定书》",
                       "source": "答辩人制作", "pages": 6}])

# sued within a year but after six months; the agency had not stated the time limit
TIMELY = dict(objection_3=None, fp_informed_of_period="not_informed", fp_known_date="2026-01-10", fp_filed_date="2026-08-20")

# party lines pasted from the complaint, brackets in names, the element-style answer
PASTED = dict(plaintiffs="原告：鲁西某某（聊城）置业有限公司，住所地聊城市东昌府区某路1号。\n法定代表人：王某，总经理。\n"
                         "原告二：张某，男，1970年1月1日出生，汉族，住聊城市东昌府区。",
              third_parties="第三人：聊城某某（集团）有限公司，住所地聊城市高新区某路8号。",
              answer_form="element", agency_phone="0635-8888888", duty_claim=False)

# the case at the hearing and after the judgment: every optional paper
LATER = dict(head_absent=True, head_absence_ground="official_duty",
             head_absence_reason="2026年11月10日须参加市政府召开的安全生产紧急会议", hearing_postpone=True,
             extension=True, extension_reason="主要执法人员因公出差",
             plaintiff_evidence=[{"name": "营业执照", "purpose": "原告的主体资格", "authenticity": "accept",
                                  "legality": "accept", "relevance": "accept", "opinion": "无异议"},
                                 {"name": "情况说明", "purpose": "原告未实施违法行为", "opinion": ""}],
              ruling_kind="judgment", ruling_date="2026-11-25", ruling_served="2026-11-27",
              ruling_result="驳回原告的诉讼请求", appeal="opponent", appeal_served="2026-12-10",
              appeal_court="山东省聊城市中级人民法院", ruling_effective="2027-01-05", performance=True,
              suggestion_kind="judicial", suggestion_from="聊城市东昌府区人民法院",
              suggestion_number="（2026）鲁1502司建3号", suggestion_received="2026-12-20",
              justice_bureau="聊城市司法局")


def shapes() -> dict:
    """name -> params of every case shape the tests cover."""
    return {"late": case(), "joint": case(**JOINT), "body": case(**BODY), "timely": case(**TIMELY),
            "pasted": case(**PASTED), "later": case(**LATER),
            "appeal": case(appeal="agency", ruling_kind="judgment", ruling_date="2026-11-25",
                           ruling_served="2026-11-27", ruling_result="撤销被诉行政处罚决定",
                           appeal_court="山东省聊城市中级人民法院", justice_bureau="聊城市司法局")}

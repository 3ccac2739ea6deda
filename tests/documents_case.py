"""A real-looking case for the documents calculator, shared by its Python and browser tests.

A company and a citizen sue the city market regulation bureau over a fine; the complaint was
served on Wednesday 2026-09-16 (answer due 2026-10-08 after the National Day holiday); they
learned of the decision on 2026-01-10 and sued on 2026-08-20, after the six months of alp/46/1
ran out on 2026-07-10 — so objection (三) applies.
"""
import copy

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
    "facts": "2025年11月5日，答辩人接到举报后对原告经营场所进行现场检查。\n2026年1月8日，答辩人作出处罚决定并依法送达。",
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
    "agents": [
        {"name": "钱某", "post": "聊城市市场监督管理局法规科科长", "kind": "staff", "authority": "special"},
        {"name": "孙某", "post": "山东某某律师事务所律师", "kind": "lawyer", "authority": "general"},
    ],
    "evidence": [
        {"category": "authority", "name": "《中华人民共和国行政处罚法》", "source": "公开出版物",
         "object": "答辩人的法定职权", "content": "第二十二条", "purpose": "证明答辩人具有作出被诉行政行为的法定职权"},
        {"category": "facts", "name": "现场检查笔录", "source": "答辩人执法人员制作",
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

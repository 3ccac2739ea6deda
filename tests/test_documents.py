"""The documents calculator: the filing package and the checklist for hand-worked cases.

Dates: complaint served Wed 2026-09-16. Answer (alp/67/1): +15 days = 10-01, National Day
(10-01..10-07 rest days) -> Thu 10-08. Registration (measures/38/1): +3 = Sat 09-19, internal,
not extended -> last working day before it Fri 09-18. Risk report (measures/18/1): 3 working
days back from 10-08, the day itself not counted: 09-30, 09-29, 09-28 -> Mon 09-28.
Time limit for suing (alp/46/1): knew 2026-01-10 + 6 months = Fri 2026-07-10; sued 08-20: late.
"""
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import InputError, notices, provisions, run
from calculators.documents import blocks as B
from documents_case import CASE, LATER, case


def shapes_later():
    return LATER

INSTRUCTION = ("加盖", "印章", "盖章处", "签名或盖章")   # words a filed paper must not carry


def docs(params):
    return {d["id"]: d for d in run("documents", params)["documents"]}


def texts(doc, kinds=("heading", "paragraph")):
    return [b["text"] for b in doc["blocks"] if b["type"] in kinds]


def all_text(doc):
    out = []
    for b in doc["blocks"]:
        if b["type"] == "table":
            out += b["columns"] + [c for r in b["rows"] for c in r.get("cells", [r.get("group", "")])]
        elif b["type"] == "signature":
            out += b["lines"]
        else:
            out.append(b["text"])
    return "\n".join(out)


# --- the package --------------------------------------------------------------------------

def test_the_package_in_order():
    r = run("documents", CASE)
    # a department: its answer materials are filed with the justice bureau (measures/13/2)
    assert [d["id"] for d in r["documents"]] == [
        "answer", "evidence", "representative", "authorization", "head", "record", "risk", "checklist"]
    assert [d["title"] for d in r["documents"]][:5] == [
        "行政答辩状", "证据目录", "法定代表人身份证明书", "授权委托书", "出庭应诉负责人身份证明书"]
    assert r["documents"][0]["filename"] == "（2026）鲁1502行初88号-行政答辩状"
    json.dumps(r, ensure_ascii=False, allow_nan=False)
    with_extension = docs(case(extension=True, extension_reason="主要执法人员因公出差"))
    assert list(with_extension)[5] == "extension"
    assert len({d["filename"] for d in r["documents"]}) == len(r["documents"])


def test_every_paper_of_art_17_is_sealed_without_words_about_it_and_every_block_is_well_formed():
    d = docs(case(extension=True))
    for doc_id in ("answer", "evidence", "representative", "authorization", "head", "extension"):
        signatures = [b for b in d[doc_id]["blocks"] if b["type"] == "signature"]
        assert len(signatures) == 1 and signatures[0]["seal"] is True, doc_id
        filed = "\n".join(all_text({"blocks": [b for b in d[doc_id]["blocks"] if b["type"] != "note"]}).splitlines())
        assert not any(word in filed for word in INSTRUCTION), doc_id
    assert next(b for b in d["risk"]["blocks"] if b["type"] == "signature")["seal"] is False   # internal
    for doc in d.values():
        assert doc["blocks"][0] == {"type": "heading", "level": 1, "text": doc["blocks"][0]["text"]}
        for b in doc["blocks"]:
            assert b["type"] in {"heading", "paragraph", "table", "signature", "note"}
            if b["type"] == "table":
                assert sum(b["widths"]) == 100
                assert all(len(r["cells"]) == len(b["columns"]) for r in b["rows"] if "cells" in r)
        assert doc["refs"] and all(provisions.exists(r) for r in doc["refs"])


def test_answer_carries_the_contents_of_art_15():
    answer = docs(CASE)["answer"]
    t = texts(answer)
    assert t[0] == "行政答辩状"
    assert t[1] == "答辩人：聊城市市场监督管理局，住所地：聊城市东昌府区某路100号。"
    assert t[2] == "法定代表人：张某，局长。"
    assert "委托诉讼代理人：钱某，聊城市市场监督管理局法规科科长。" in t
    assert not any(x.startswith(("被答辩人", "原告：")) for x in t)       # the plaintiffs are named in the opening
    assert ("聊城市东昌府区人民法院受理的原告聊城市某某商贸有限公司、李某诉答辩人行政处罚一案，案号为（2026）鲁1502行初88号。"
            "答辩人就原告对答辩人于2026年1月8日作出的聊市监罚〔2026〕3号《行政处罚决定书》提起的诉讼，提出答辩如下：") in t
    # 答辩请求 → 事实与理由 (facts and the legal basis as sentences, then the arguments) → closing
    assert t.index("答辩请求：") < t.index("事实与理由：") < t.index("此致")
    assert t[t.index("答辩请求：") + 1] == "请求人民法院依法裁定驳回原告的起诉。"   # objections raised
    assert t[t.index("事实与理由：") + 1] == "2025年11月5日，答辩人接到举报后对原告经营场所进行现场检查。"
    assert "答辩人作出被诉行政行为所依据的法律规范为：《中华人民共和国行政处罚法》第三十六条。" in t
    assert [x for x in t if x.startswith(("一、", "二、", "三、"))] == [
        "一、原告的起诉不符合法定起诉条件", "二、关于被诉行政行为的合法性"]
    assert "综上所述，请求人民法院依法裁定驳回原告的起诉。" in t
    zhici = next(b for b in answer["blocks"] if b.get("text") == "此致")
    assert zhici["indent"] is True                                   # 此致 two characters in, the court flush left
    assert t[t.index("此致") + 1] == "聊城市东昌府区人民法院"
    sig = next(b for b in answer["blocks"] if b["type"] == "signature")
    assert sig["lines"] == ["答辩人：聊城市市场监督管理局", "2026年9月25日"] and sig["seal"] is True
    # 附 after the date, one line each, copies for the two plaintiffs, evidence counted
    assert t[-5:] == ["附：1. 本答辩状副本2份；", "2. 证据目录1份，证据2项（共5页）；", "3. 法定代表人身份证明书1份；",
                      "4. 授权委托书1份；", "5. 出庭应诉负责人身份证明书1份。"]
    assert {"measures/15/1", "measures/15/2/3", "alp/46/1", "alp-interp/69/1/2"} <= set(answer["refs"])


def test_views_numbered_by_the_user_continue_after_the_objections():
    t = texts(docs(case(views="一、答辩人具有法定职权。\n依据……\n二、程序合法。"))["answer"])
    assert [x for x in t if x[:2] in ("一、", "二、", "三、")] == [
        "一、原告的起诉不符合法定起诉条件", "二、答辩人具有法定职权。", "三、程序合法。"]
    assert "依据……" in t
    # no objection, unnumbered views: no generated headings at all
    t = texts(docs(case(objection_3=None))["answer"])
    assert not [x for x in t if x[:2] in ("一、", "二、")]


def test_signature_keeps_at_least_two_lines_of_text_on_its_page():
    for doc in run("documents", case(**shapes_later()))["documents"]:
        blocks = doc["blocks"]
        for i, b in enumerate(blocks):
            if b["type"] != "signature":
                continue
            before = [x for x in blocks[:i] if x["type"] != "note"]
            kept = []
            for x in reversed(before):
                if not x.get("keep_next") and not x.get("keep_end"):
                    break
                kept.append(x)
            assert kept, doc["id"]
            if kept[-1]["type"] != "table":
                assert sum(B.estimated_lines(x) for x in kept if x["type"] != "table") >= 2, doc["id"]


def test_objection_3_with_the_dates_filing_period_computed():
    t = texts(docs(CASE)["answer"])
    para = next(x for x in t if x.startswith("（一）"))
    assert para == (
        "（一）原告未在法定期限内提起行政诉讼。原告于2026年1月10日知道或者应当知道被诉行政行为，依照《中华人民共和国"
        "行政诉讼法》第四十六条第一款的规定，起诉期限至2026年7月10日届满。原告于2026年8月20日才提起本案诉讼，已超过"
        "法定起诉期限，且【不存在因不可抗力或者其他不属于其自身的原因耽误起诉期限的情形】。依照《中华人民共和国行政诉讼法》"
        "第四十八条，《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第六十九条第一款第（二）项的规定，"
        "原告的起诉不符合法定起诉条件，依法应当裁定驳回起诉。")


def test_objection_3_for_an_unstated_time_limit_never_concedes_the_omission():
    # knew 2025-01-10, not informed: one year -> Sat 2026-01-10 -> Mon 01-12; sued 2026-08-20: late
    p = case(fp_informed_of_period="not_informed", fp_known_date="2025-01-10", fp_act_date="2025-01-08")
    para = next(x for x in texts(docs(p)["answer"]) if x.startswith("（一）"))
    assert "即使未告知" not in para and "未告知" not in para
    assert ("原告于2025年1月10日知道或者应当知道被诉行政行为的内容，即便按照《最高人民法院关于适用〈中华人民共和国行政诉讼法〉"
            "的解释》第六十四条第一款规定的最长期限计算，起诉期限也已于2026年1月12日届满。") in para


def test_objection_3_after_reconsideration_counts_fifteen_days_from_the_decision():
    # decision served Thu 2026-03-05 + 15 days = Fri 03-20; sued 03-25: late
    p = case(fp_known_date=None, fp_act_date=None, fp_reconsideration_decision_served="2026-03-05",
             fp_filed_date="2026-03-25")
    para = next(x for x in texts(docs(p)["answer"]) if x.startswith("（一）"))
    assert ("原告于2026年3月5日收到复议决定书，依照《中华人民共和国行政诉讼法》第四十五条，《最高人民法院关于适用〈中华人民共和国"
            "行政诉讼法〉的解释》第五十九条的规定，起诉期限至2026年3月20日届满。"
            in para)


def test_objection_3_without_dates_is_not_drafted():
    p = case(fp_known_date=None, fp_filed_date=None, fp_act_date=None)
    r = run("documents", p)
    t = texts(docs(p)["answer"])
    assert not any(x.startswith("（一）") for x in t) and "原告的起诉不符合法定起诉条件" not in "".join(t)
    assert "请求人民法院依法判决驳回原告的诉讼请求。" in t
    assert r["filing_period"] is None
    assert "documents.objection_3_no_dates" in notices.codes(r["warnings"])


def test_late_suit_offers_objection_3_when_not_ticked():
    r = run("documents", case(objection_3=None))
    assert r["filing_period"]["timely"] is False and r["filing_period"]["deadline"] == "2026-07-10"
    assert [s["field"] for s in r["suggestions"]] == ["objection_3"]
    assert "2026年7月10日届满" in r["suggestions"][0]["text"]
    t = texts(docs(case(objection_3=None))["answer"])
    assert not any(x.startswith("（一）") for x in t)
    assert "综上所述，请求人民法院依法判决驳回原告的诉讼请求。" in t


def test_ticking_objection_3_for_a_timely_suit_warns_and_drafts_nothing():
    r = run("documents", case(fp_filed_date="2026-07-10"))
    assert r["suggestions"] == []
    warning = next(w for w in r["warnings"] if w["code"] == "documents.objection_timely")
    assert warning["deadline"] == "2026-07-10" and "（届满日2026年7月10日）" in warning["text"]
    answer = next(d for d in r["documents"] if d["id"] == "answer")
    assert "原告未在法定期限内提起行政诉讼" not in all_text(answer)


def test_each_objection_becomes_a_numbered_paragraph_citing_its_basis():
    p = case(**{f"objection_{n}": True for n in range(1, 9)})
    t = [x for x in texts(docs(p)["answer"]) if x.startswith("（") and x[1] in "一二三四五六七八"]
    assert [x[:3] for x in t] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）"]
    # art. 49 of the ALP has one paragraph: cited without 第一款
    assert "《中华人民共和国行政诉讼法》第二十五条第一款、第四十九条第（一）项，" in t[0]
    assert "【原告与被诉行政行为不存在利害关系的事实】" in t[0]
    assert "第一百零六条、第六十九条第一款第（六）项" in t[1]
    assert "第五十七条、第六十九条第一款第（十）项的规定，对此类起诉人民法院应当裁定不予立案，已经立案的，应当裁定驳回起诉。" in t[3]
    assert "《中华人民共和国行政诉讼法》第四十四条第二款" in t[4]
    assert t[5].startswith("（六）答辩人不是本案的适格被告。") and "原告不同意变更的，依法裁定驳回起诉。" in t[5]
    assert "第一百三十三条" in t[6] and "择其一起诉" in t[6]
    assert "【具体情形" in t[7]
    notes = texts(docs(p)["answer"], ("note",))
    assert any("不得以被告不适格为由拒绝承担应诉职责" in n for n in notes)


# --- evidence ------------------------------------------------------------------------------

EVIDENCE = [{"category": "facts", "name": "询问笔录", "source": "执法人员制作", "pages": 3, "object": "违法事实"},
            {"category": "facts", "name": "现场照片", "pages": 1, "form": "original", "purpose": "证明现场情况"},
            {"category": "procedure", "name": "送达回证", "pages": "2"},
            {"category": "objection", "name": "起诉状落款及立案材料", "pages": 2},
            {"category": "law", "name": "《山东省某某条例》", "pages": 12}]


def test_evidence_is_numbered_in_the_order_entered_with_pages_from_the_counts():
    table = next(b for b in docs(case(evidence=EVIDENCE))["evidence"]["blocks"] if b["type"] == "table")
    assert table["columns"] == ["序号", "证据名称", "来源", "证明对象/证明目的", "内容", "原件/复印件", "页码"]
    assert table["rows"] == [
        {"group": "一、证明被诉行政行为认定事实的证据"},
        {"cells": ["1", "询问笔录", "执法人员制作", "违法事实", "", "复印件", "1-3"]},
        {"cells": ["2", "现场照片", "", "证明现场情况", "", "原件", "4"]},
        {"group": "二、证明被诉行政行为程序合法的证据"},
        {"cells": ["3", "送达回证", "", "", "", "复印件", "5-6"]},
        {"group": "三、证明程序性答辩意见的证据"},
        {"cells": ["4", "起诉状落款及立案材料", "", "", "", "复印件", "7-8"]},
        {"group": "四、被诉行政行为所依据的规范性文件"},
        {"cells": ["5", "《山东省某某条例》", "", "", "", "复印件", "9-20"]},
    ]
    assert "以上证据共5项，共20页。" in texts(docs(case(evidence=EVIDENCE))["evidence"])
    # the category as a column instead, same numbers
    table = next(b for b in docs(case(evidence=EVIDENCE, evidence_layout="column"))["evidence"]["blocks"]
                 if b["type"] == "table")
    assert table["columns"][:3] == ["序号", "类别", "证据名称"] and not any("group" in r for r in table["rows"])
    assert [r["cells"][:2] for r in table["rows"]][2:4] == [["3", "程序"], ["4", "程序性答辩"]]


def test_missing_page_counts_and_interleaved_categories_are_named():
    rows = [dict(EVIDENCE[0]), {"category": "law", "name": "条例"}, {"category": "facts", "name": "照片", "pages": 2}]
    r = run("documents", case(evidence=rows))
    table = next(b for b in next(d for d in r["documents"] if d["id"] == "evidence")["blocks"] if b["type"] == "table")
    assert [row["cells"][-1] for row in table["rows"] if "cells" in row] == ["1-3", "", ""]
    missing = next(w for w in r["warnings"] if w["code"] == "documents.evidence_pages_missing")
    assert missing["items"] == [2] and missing["text"].startswith("序号2的证据未填页数")
    interleaved = next(w for w in r["warnings"] if w["code"] == "documents.evidence_interleaved")
    assert interleaved["category"] == "facts"
    with pytest.raises(InputError) as err:
        run("documents", case(evidence=[{"category": "facts", "name": "笔录", "pages": "三"}]))
    assert err.value.field == "evidence.0.pages" and "“页数”应为整数" in err.value.message


def test_no_evidence_yet_is_allowed_with_a_warning():
    r = run("documents", case(evidence=[]))
    assert "documents.no_evidence" in notices.codes(r["warnings"])


# --- agents (art. 27) ----------------------------------------------------------------------

@pytest.mark.parametrize("agents,field,message", [
    ([], "agents", "请至少填写1名“诉讼代理人”。"),
    ([{"name": "甲", "post": "律师", "kind": "lawyer"}, {"name": "乙", "post": "律师", "kind": "lawyer"}],
     "agents", "不得仅委托律师出庭"),
    ([{"name": "甲", "post": "科员", "kind": "staff"}] * 3, "agents", "“诉讼代理人”最多2名，现有3名。"),
    ([{"name": "  ", "post": "科员", "kind": "staff"}], "agents.0.name", "“诉讼代理人”第1名：请填写“姓名”。"),
    ([{"name": "甲", "post": "科员", "kind": "staff"}, {"name": "乙", "post": "x", "kind": "boss"}],
     "agents.1.kind", "“诉讼代理人”第2名：“身份”应为以下之一"),
    ([{"name": "甲", "post": "科员", "kind": "staff"}, "乙"], "agents.1", "“诉讼代理人”第2名的内容无法识别"),
    ("甲、乙", "agents", "“诉讼代理人”应为若干行的列表。"),
])
def test_agents_are_checked_in_chinese(agents, field, message):
    with pytest.raises(InputError) as err:
        run("documents", case(agents=agents))
    assert err.value.field == field and message in err.value.message


def test_authorization_names_each_agent_and_authority():
    t = texts(docs(CASE)["authorization"])
    assert "受委托人一：钱某，聊城市市场监督管理局法规科科长。" in t
    assert "受委托人二：孙某，山东某某律师事务所律师。" in t
    special = next(x for x in t if x.startswith("受委托人钱某的代理权限为特别授权："))
    # a defendant agency has no claims to waive or change, and may not collect evidence once sued (alp/35)
    assert "代为承认原告的诉讼请求" in special and "放弃" not in special and "变更诉讼请求" not in special
    general = next(x for x in t if x.startswith("受委托人孙某的代理权限为一般授权："))
    assert "收集" not in general and "提交证据" in general
    sig = next(b for b in docs(CASE)["authorization"]["blocks"] if b["type"] == "signature")
    assert sig["lines"] == ["委托单位：聊城市市场监督管理局", "法定代表人：张某", "2026年9月25日"]


def test_evidence_row_errors_name_the_row():
    with pytest.raises(InputError) as err:
        run("documents", case(evidence=[{"category": "facts", "name": "笔录"}, {"category": "facts", "name": ""}]))
    assert err.value.field == "evidence.1.name" and err.value.message == "“证据”第2项：请填写“证据名称”。"


# --- reuse of the other calculators ---------------------------------------------------------

def test_checklist_dates_come_from_deadlines():
    r = run("documents", CASE)
    assert {d["id"]: d["due"] for d in r["deadlines"]} == {
        "register": "2026-09-19", "risk_report": "2026-09-28", "answer": "2026-10-08", "absence_report": "2026-12-10"}
    items = {i["id"]: i for i in r["checklist"]["items"]}
    assert items["register"]["when"] == "收到后3日内，最迟2026年9月19日（休息日，宜提前至2026年9月18日）"
    assert items["risk"]["when"] == "提交答辩材料前3个工作日内，最迟2026年9月28日"
    assert items["submit"]["when"] == "2026年10月8日前（期满前交邮的不算过期）"
    assert items["head_certificate"]["when"] == "开庭前（2026年11月10日前）"
    assert items["absence_report"]["when"] == "如未出庭：开庭后一个月内，最迟2026年12月10日"
    # the annual report of the deadlines calculator is not a duty of this case
    assert not any("年度报告" in w["text"] for w in r["warnings"])


def test_checklist_covers_every_duty_from_receipt_to_archiving():
    items = {i["id"]: i for i in run("documents", CASE)["checklist"]["items"]}
    expected = {
        "register": "measures/38/1", "undertaker": "measures/11/1", "record": "measures/13/1",
        "risk": "measures/18/1", "answer": "measures/15/1", "evidence": "measures/16", "submit": "measures/17/1",
        "head": "measures/19/1", "head_certificate": "measures/19/4", "agents": "measures/27/1",
        "hearing": "measures/30", "transcript": "measures/31", "mediation": "measures/32/1",
        "appeal": "measures/33/1/1", "perform": "measures/35/1", "suggestion": "measures/36",
        "upload_complaint": "measures/44/2", "upload_judgment": "measures/44/2", "archive": "measures/46",
    }
    for step, ref in expected.items():
        assert ref in items[step]["refs"], step
    assert [i["number"] for i in items.values()] == list(range(1, len(items) + 1))
    # department defendant, not reconsidered: no burden-sharing step, no report to the government
    assert "burden" not in items and "report_major" not in items and "extension" not in items
    assert "measures/23/1" in items["head"]["refs"]          # enterprise party


def test_government_defendant_not_reconsidered_files_with_the_justice_bureau():
    items = {i["id"]: i for i in run("documents", case(defendant="county_gov", undertaker_unit="某县自然资源局"))
             ["checklist"]["items"]}
    assert items["undertaker"]["text"].startswith("确定行政应诉承办单位：某县自然资源局，")
    assert "measures/10/1/1" in items["undertaker"]["refs"]
    assert items["record"]["text"] == ("答辩状、证据目录及证据、依据等材料报同级司法行政机关（县（市、区）司法局）备案（见《备案函》）后，"
                                       "再提交人民法院。")


def test_reconsideration_role_is_required_for_a_reconsidered_government_case():
    with pytest.raises(InputError) as err:
        run("documents", case(defendant="city_gov", reconsidered=True))
    assert err.value.field == "reconsideration_role"


def test_reconsideration_organ_as_joint_defendant_may_send_staff_only():
    r = run("documents", case(defendant="city_gov", reconsidered=True, reconsideration_role="joint_reconsideration"))
    assert r["head_must_appear"] is False and r["principal_must_appear"] is False
    items = {i["id"]: i for i in r["checklist"]["items"]}
    assert "复议机关可仅委托工作人员出庭应诉" in items["head"]["text"]
    assert items["burden"]["text"].startswith("经复议的案件的举证责任：原行政行为的合法性：作出原行政行为的行政机关和复议机关"
                                              "共同承担举证责任，可以由其中一个机关实施举证行为（《行诉法解释》第一百三十五条第二款）")
    assert "《办法》第十四条第一款的分工" in items["burden"]["text"]
    # no head has to appear and none is named: no certificate of an appearing head
    r = run("documents", case(defendant="city_gov", reconsidered=True, reconsideration_role="joint_reconsideration",
                              head_name=None, head_post=None))
    assert "head" not in [d["id"] for d in r["documents"]]
    assert "head" in [a["id"] for a in r["available"]] and "documents.head_missing" not in notices.codes(r["warnings"])


def test_principal_must_appear_when_public_attention_is_high():
    r = run("documents", case(public_attention=True))
    assert r["principal_must_appear"] is True
    items = {i["id"]: i for i in r["checklist"]["items"]}
    assert items["head"]["text"].startswith("本案属于第二十二条第一款第（五）项规定的情形，行政机关主要负责人应当出庭应诉。")
    assert "measures/22/1/5" in items["head"]["refs"]
    assert items["report_major"]["text"] == "本案社会关注度高，应诉机关或应诉承办单位应当主动及时向本级人民政府报告。"
    # the head entered (赵某, deputy) is not the legal representative (张某): checked with the user
    assert "documents.head_not_principal" in notices.codes(r["warnings"])


def test_other_calculators_errors_land_on_this_forms_fields():
    with pytest.raises(InputError) as err:
        run("documents", case(fp_filed_date="2025-12-01"))
    assert err.value.field == "fp_filed_date" and "“起诉日期”不能早于" in err.value.message
    with pytest.raises(InputError) as err:
        run("documents", case(hearing_date="2026-09-01"))
    assert err.value.field == "hearing_date" and "“开庭日期”不能早于“起诉状副本送达日期”" in err.value.message


def test_extension_application_states_the_dates_and_basis():
    t = texts(docs(case(extension=True, extension_reason="主要执法人员因公出差。"))["extension"])
    assert t[0] == "延长举证期限申请书"
    assert ("申请人于2026年9月16日收到起诉状副本，依照《中华人民共和国行政诉讼法》第六十七条第一款的规定，"
            "应当于2026年10月8日前提交作出被诉行政行为的证据和所依据的规范性文件。") in t
    assert any(x.startswith("因主要执法人员因公出差，申请人在作出被诉行政行为时已经收集的【证据名称】") and
               "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第三十四条" in x for x in t)


def test_head_certificate_names_the_head_and_post():
    t = texts(docs(CASE)["head"])
    assert t[1] == "聊城市东昌府区人民法院："
    assert t[2].startswith("赵某，现任我单位副局长，系我单位负责人。")
    t = texts(docs(case(head_name=None, head_post=None))["head"])
    assert t[2].startswith("【出庭应诉负责人姓名】，现任我单位【职务】")


def test_risk_report_outline_carries_the_report_deadline():
    doc = docs(CASE)["risk"]
    assert doc["blocks"][0]["text"] == "关于原告聊城市某某商贸有限公司、李某诉被告聊城市市场监督管理局行政处罚一案的败诉风险评估报告"
    assert [x for x in texts(doc, ("heading",))][1:] == [
        "一、案件基本情况", "二、被诉行政行为合法性审查", "三、程序性答辩意见", "四、败诉风险评估结论", "五、和解、调解意见",
        "六、出庭应诉安排", "七、意见和建议"]
    assert any("最迟于2026年9月28日报告" in n for n in texts(doc, ("note",)))


# --- checklist as Markdown / text; escaping ---------------------------------------------------

def test_checklist_markdown_and_text():
    c = run("documents", CASE)["checklist"]
    md = c["markdown"].splitlines()
    assert md[0] == "# 行政应诉工作清单"
    assert "## 一、收案登记" in md and "## 五、结案归档" in md
    assert md[md.index("## 一、收案登记") + 2].startswith("- [ ] **1. 登记**（收到后3日内，最迟2026年9月19日")
    assert "依据：《办法》第三十八条第一款。" in md[md.index("## 一、收案登记") + 2]
    text = c["text"].splitlines()
    assert text[0] == "行政应诉工作清单" and any(x.startswith("□ 1. 登记（") for x in text)
    assert len([x for x in text if x.startswith("□ ")]) == len(c["items"])


def test_typed_markup_stays_text():
    evil = "<script>alert(1)</script>{{ 7*7 }}"
    r = run("documents", case(agency_name=evil, court=evil, plaintiffs=evil))
    assert evil in all_text(r["documents"][0])
    assert "\\<script\\>alert\\(1\\)\\</script\\>\\{\\{ 7\\*7 \\}\\}" in r["checklist"]["markdown"]
    assert "<script>" not in r["checklist"]["markdown"]
    assert evil in r["checklist"]["text"]


def test_file_names_are_safe_on_windows_and_distinct():
    assert B.filename("（2026）鲁1502/行初88号", "行政答辩状") == "（2026）鲁1502_行初88号-行政答辩状"
    assert B.filename('a<>:"|?*b', "证据目录") == "a_b-证据目录"
    assert B.filename("", "授权委托书") == "授权委托书"
    # a long case number is shortened, never the title: the papers keep distinct names
    long_number = "（2026）鲁1502行初88号" * 6
    names = [d["filename"] for d in run("documents", case(case_number=long_number))["documents"]]
    assert len(set(names)) == len(names) and all(len(n) <= 80 for n in names)
    assert all(n.endswith("-" + d["title"]) for n, d in zip(names, run("documents", case(case_number=long_number))["documents"]))


def test_result_has_basis_of_existing_provisions():
    r = run("documents", CASE)
    refs = [b["ref"] for b in r["basis"]]
    assert len(refs) == len(set(refs))
    assert {"measures@2021/15/1", "measures@2021/16", "measures@2021/17/1", "measures@2021/18/1", "measures@2021/19/4",
            "measures@2021/27/1", "measures@2021/38/1", "measures@2021/46", "alp/67/1"} <= set(refs)
    assert all(b == provisions.cite(b["ref"]) for b in r["basis"])


# --- any text, any shape of row: a result or a Chinese error ---------------------------------

texts_ = st.text(max_size=40)
agent = st.fixed_dictionaries({"name": texts_, "post": texts_, "kind": st.sampled_from(["staff", "lawyer", "x"]),
                               "authority": st.sampled_from(["general", "special"])})
evidence_row = st.fixed_dictionaries({"category": st.sampled_from(["authority", "procedure", "facts", "law", "objection",
                                                                   "reconsideration", "other"]),
                                      "name": texts_, "source": texts_, "object": texts_, "content": texts_,
                                      "purpose": texts_, "pages": st.one_of(st.none(), st.integers(-1, 20), texts_)})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agents=st.lists(agent, max_size=3), evidence=st.lists(evidence_row, max_size=5),
       text=st.dictionaries(st.sampled_from(["court", "case_number", "cause", "plaintiffs", "agency_name", "facts",
                                             "views", "requests", "head_name", "act", "third_parties", "co_defendants",
                                             "reconsideration_body", "legal_basis", "ruling_result"]), texts_),
       flags=st.dictionaries(st.sampled_from([f"objection_{n}" for n in range(1, 9)] +
                                             ["reconsidered", "extension", "loss_risk", "public_interest", "head_absent",
                                              "hearing_postpone", "performance", "duty_claim"]),
                             st.booleans()),
       choices=st.fixed_dictionaries({"answer_form": st.sampled_from(["traditional", "element"]),
                                      "appeal": st.sampled_from(["none", "opponent", "agency", "retrial"]),
                                      "reconsideration_outcome": st.sampled_from(["upheld", "rejected", "changed",
                                                                                  "not_accepted"]),
                                      "suggestion_kind": st.sampled_from(["none", "judicial", "procuratorial"])}),
       role=st.sampled_from(["none", "sole", "joint_original", "joint_reconsideration"]),
       defendant=st.sampled_from(["city_gov", "county_gov", "department", "township"]))
def test_structured_random_cases(agents, evidence, text, flags, choices, role, defendant):
    params = case(agents=agents, evidence=evidence, reconsideration_role=role, defendant=defendant, **text, **flags,
                  **choices)
    try:
        r = run("documents", params)
    except InputError as e:
        assert isinstance(e.field, str) and e.field and any("\u4e00" <= ch <= "\u9fff" for ch in e.message)
        return
    json.dumps(r, ensure_ascii=False, allow_nan=False)
    for doc in r["documents"]:
        for b in doc["blocks"]:
            assert b["type"] in {"heading", "paragraph", "table", "signature", "note"}
    assert any(a["kind"] == "staff" for a in agents) and 1 <= len(agents) <= 2
    assert r["basis"] and all(provisions.exists(b["ref"]) for b in r["basis"])


def test_whether_the_limit_was_stated_is_asked_not_assumed():
    """alp-interp/64: with the dates of the suit given, the package is not made on an assumed
    "已告知" (the shorter limit, a possible objection): the question is asked, as the filing-period
    calculator asks it, and an answer of either kind is used."""
    unanswered = {k: v for k, v in CASE.items() if k != "fp_informed_of_period"}
    with pytest.raises(InputError) as raised:
        run("documents", unanswered)
    assert (raised.value.field, raised.value.message) == ("fp_informed_of_period", "请填写“行政机关是否告知起诉期限”。")
    # stated: knew 2026-01-10 + 6 months = Fri 07-10; sued 08-20: late. Not stated: one year from
    # knowing the act, 2027-01-10 (a Sunday) -> Mon 01-11: in time
    assert run("documents", CASE)["filing_period"]["timely"] is False
    assert run("documents", {**CASE, "fp_informed_of_period": "not_informed"})["filing_period"]["timely"] is True

"""The papers for the case shapes an office meets (tests/documents_case.py: shapes()), read as a
clerk reads them: the case titles, whether objection (三) is there, the co-defendant, the
reconsideration organ's answer under measures/14 and alp-interp/135, the parties as pasted
from a complaint, the element-style answer, the papers of the hearing and after the judgment,
the date check of 落款日期 — and no instruction text in any paper that is filed.
"""
import ast
import re
from pathlib import Path

import pytest

from calculators import InputError, notices, provisions, run
from calculators.documents import parties
from documents_case import BODY, CASE, JOINT, LATER, PASTED, TIMELY, case, shapes

ROOT = Path(__file__).resolve().parent.parent
INSTRUCTION = re.compile(r"加盖|印章|盖章处|签名或盖章|（签字）|说明：")
INTERNAL = {"risk", "checklist", "absence_report", "proposal", "performance"}


def package(params: dict) -> dict:
    r = run("documents", params)
    r["by_id"] = {d["id"]: d for d in r["documents"]}
    return r


def filed_text(doc: dict) -> str:
    """What is printed and written to Word: every block but the on-screen notes."""
    out = []
    for b in doc["blocks"]:
        if b["type"] == "table":
            out += b["columns"] * (b.get("header", True) is not False)
            out += [c for r in b["rows"] for c in r.get("cells", [r.get("group", "")])]
        elif b["type"] == "signature":
            out += b["lines"]
        elif b["type"] != "note":
            out.append(b["text"])
    return "\n".join(out)


@pytest.fixture(scope="module")
def packages():
    return {name: package(params) for name, params in shapes().items()}


def test_no_paper_carries_instruction_text_and_every_citation_exists(packages):
    for name, r in packages.items():
        for doc in r["documents"]:
            text = filed_text(doc)
            if doc["id"] not in INTERNAL:      # the checklist may tell staff to seal; a filed paper never says so
                assert not INSTRUCTION.search(text), (name, doc["id"], INSTRUCTION.search(text))
            assert "即使未告知" not in text
            assert doc["refs"] and all(provisions.exists(ref) for ref in doc["refs"]), (name, doc["id"])
            sealed = [b["seal"] for b in doc["blocks"] if b["type"] == "signature"]
            assert sealed == ([] if doc["id"] == "checklist" else [doc["id"] not in INTERNAL]), (name, doc["id"])


# --- a late suit ------------------------------------------------------------------------------

def test_late_suit_objection_3_with_the_calculated_dates(packages):
    answer = filed_text(packages["late"]["by_id"]["answer"])
    assert "原告聊城市某某商贸有限公司、李某诉答辩人行政处罚一案" in answer
    assert "（一）原告未在法定期限内提起行政诉讼。" in answer and "起诉期限至2026年7月10日届满" in answer
    assert packages["late"]["filing_period"]["timely"] is False


# --- a timely suit, the time limit not stated --------------------------------------------------

def test_timely_suit_with_the_time_limit_unstated_offers_no_objection_3(packages):
    r = packages["timely"]
    assert r["filing_period"]["timely"] is True and r["filing_period"]["deadline"] == "2027-01-11"
    answer = filed_text(r["by_id"]["answer"])
    assert "起诉期限" not in answer and "原告的起诉不符合法定起诉条件" not in answer
    assert r["suggestions"] == []
    assert "请求人民法院依法判决驳回原告的诉讼请求。" in answer
    # ticking it anyway drafts nothing and says why
    ticked = package(case(**dict(TIMELY, objection_3=True)))
    assert "起诉期限" not in filed_text(ticked["by_id"]["answer"])
    assert "documents.objection_timely" in notices.codes(ticked["warnings"])


# --- the department with the reconsideration organ as co-defendant ------------------------------

def test_reconsideration_co_defendant_is_named_in_every_title(packages):
    r = packages["joint"]
    assert r["case_title"] == "原告聊城市某某商贸有限公司、李某诉被告聊城市市场监督管理局、聊城市人民政府行政处罚及行政复议一案"
    answer = filed_text(r["by_id"]["answer"])
    assert "原告聊城市某某商贸有限公司、李某诉答辩人及聊城市人民政府行政处罚及行政复议一案" in answer
    assert ("原告不服，向聊城市人民政府申请行政复议。聊城市人民政府于2026年3月5日作出聊政复决字〔2026〕15号《行政复议决定书》，"
            "决定维持原行政行为。") in answer
    for doc_id in ("evidence", "authorization", "head", "risk", "record"):
        assert "诉被告聊城市市场监督管理局、聊城市人民政府行政处罚及行政复议一案" in filed_text(r["by_id"][doc_id]), doc_id
    assert [p["name"] for p in r["parties"] if p["role"] == "defendant"] == ["聊城市市场监督管理局", "聊城市人民政府"]
    # the burden of proof stated as the court applies it, on screen
    notes = " ".join(b["text"] for b in r["by_id"]["answer"]["blocks"] if b["type"] == "note")
    assert "《行诉法解释》第一百三十五条第二款" in notes and "不限于程序" in notes


def test_co_defendant_missing_is_a_placeholder_and_a_warning():
    r = package(case(**dict(JOINT, reconsideration_body=None)))
    assert "诉答辩人及【复议机关】行政处罚及行政复议一案" in filed_text(r["by_id"]["answer"])
    assert "documents.co_defendant_missing" in notices.codes(r["warnings"])
    with pytest.raises(InputError) as err:
        run("documents", case(co_defendants="聊城市市场监督管理局"))
    assert err.value.field == "co_defendants"


# --- the reconsideration organ itself ----------------------------------------------------------

def test_reconsideration_organ_answers_under_art_14_and_the_interpretation(packages):
    r = packages["body"]
    answer = r["by_id"]["answer"]
    text = filed_text(answer)
    assert "原告聊城市某某商贸有限公司、李某诉聊城市市场监督管理局及答辩人行政处罚及行政复议一案" in text
    heads = [b["text"] for b in answer["blocks"] if b["type"] == "heading"]
    assert heads[1:] == ["答辩请求：", "事实与理由：", "一、答辩人作出的复议决定程序合法", "二、复议决定维持原行政行为正确"]
    assert "经审查，于2026年3月5日作出聊政复决字〔2026〕15号《行政复议决定书》，并依法送达各方当事人。" in text
    assert ("上述行政复议程序符合《中华人民共和国行政复议法》第三十条第一款、第四十八条、第四十九条、第六十一条、"
            "第六十二条第一款、第七十五条第一款的规定，复议程序合法。") in text
    assert "依照《中华人民共和国行政复议法》第六十八条的规定决定维持原行政行为" in text
    # alp-interp/135/2: both bear the burden for the original act; the organ for its decision as a whole
    assert ("作出原行政行为的行政机关和复议机关对原行政行为的合法性共同承担举证责任，可以由其中一个机关实施举证行为；"
            "复议机关对复议决定的合法性承担举证责任。") in text
    assert "程序合法性进行举证" not in text           # art. 14's internal division is not pleaded to the court
    assert {"alp-interp/135/2", "alp-interp/135/3", "arl/68", "measures/14/1"} <= set(answer["refs"])
    notes = " ".join(b["text"] for b in answer["blocks"] if b["type"] == "note")
    assert "《行政复议法》第四条第二款" in notes     # organised by the reconsideration office since the 2023 law
    evidence = r["by_id"]["evidence"]
    table = next(b for b in evidence["blocks"] if b["type"] == "table")
    assert table["rows"][0] == {"group": "一、证明行政复议程序合法的证据"}
    assert [row["cells"][-1] for row in table["rows"][1:]] == ["1-4", "5-10"]
    # the government as organ may send staff only (measures/24/1): no certificate unless a head is named
    assert "head" not in r["by_id"]


# --- party lines pasted from a complaint -------------------------------------------------------

def test_pasted_party_lines_keep_brackets_and_drop_prefixes(packages):
    r = packages["pasted"]
    assert r["case_title"] == ("原告鲁西某某（聊城）置业有限公司、张某诉被告聊城市市场监督管理局、"
                               "第三人聊城某某（集团）有限公司行政处罚一案")
    assert [(p["role_label"], p["name"], p["kind"]) for p in r["parties"]][:3] == [
        ("原告", "鲁西某某（聊城）置业有限公司", "单位"), ("原告", "张某", "自然人"),
        ("第三人", "聊城某某（集团）有限公司", "单位")]
    assert r["parties"][0]["attached"] == ["法定代表人：王某，总经理"]
    for doc in r["documents"]:
        text = filed_text(doc)
        assert "原告：原告" not in text and "（原告）：原告" not in text and "原告鲁西某某…" not in text
    # the answer form copies: two plaintiffs and a third party
    assert "本答辩状副本" not in filed_text(r["by_id"]["answer"])         # element form: no 附 list


@pytest.mark.parametrize("text,names,kinds", [
    ("原告一：张某，男\n原告二：李某，女\n原告三：王某\n原告四：赵某", "张某等四人", ["自然人"] * 4),
    ("1. 聊城甲有限公司\n2. 聊城乙有限公司\n3. 张某，男\n4. 李某，女", "聊城甲有限公司、聊城乙有限公司、张某、李某",
     ["单位", "单位", "自然人", "自然人"]),
    ("上诉人（原审原告）：聊城某某律师事务所（普通合伙），住所地…", "聊城某某律师事务所（普通合伙）", ["单位"]),
    ("张某（曾用名张三），男，1970年生", "张某", ["自然人"]),
    ("原告 张某 男 1970年生\n被答辩人（原告）：李某", "张某、李某", ["自然人", "自然人"]),
])
def test_party_names_as_courts_write_them(text, names, kinds):
    read = parties.parse(text, "plaintiffs", "原告", "plaintiff")
    assert parties.names(read) == names
    assert ["自然人" if p.person else "单位" for p in read] == kinds


@pytest.mark.parametrize("field,text,message", [
    ("plaintiffs", "原告：张某\n第三人：李某", "“原告”第2行是第三人，请移到“第三人”一栏。"),
    ("plaintiffs", "被告：聊城市某局", "“原告”第1行是被告"),
    ("third_parties", "原告：张某", "“第三人”第1行是原告，请移到“原告”一栏。"),
    ("plaintiffs", "法定代表人：王某", "应写在当事人名称所在行的下一行"),
])
def test_a_party_line_in_the_wrong_field_is_named(field, text, message):
    with pytest.raises(InputError) as err:
        run("documents", case(**{field: text}))
    assert err.value.field == field and message in err.value.message


# --- the element-style answer --------------------------------------------------------------------

def test_element_style_answer_filled_from_the_case(packages):
    answer = packages["pasted"]["by_id"]["answer"]
    table = next(b for b in answer["blocks"] if b["type"] == "table")
    assert table.get("header") is False
    rows = {r["cells"][0]: r["cells"][1] for r in table["rows"] if "cells" in r}
    assert rows["案号"] == "（2026）鲁1502行初88号" and rows["案由"] == "行政处罚"
    assert "联系电话：0635-8888888" in rows["答辩人（行政机关或者法律、法规、规章授权的组织）"]
    assert rows["委托诉讼代理人"].startswith("有☑\n姓名：钱某") and rows["委托诉讼代理人"].endswith("无☐")
    assert "代理权限：一般授权☐　特别授权☑" in rows["委托诉讼代理人"]
    assert rows["1. 作出被诉行政行为具有法定职权☑"].startswith("具体理由：答辩人依据《中华人民共和国行政处罚法》（证据目录序号1）")
    assert "现场检查笔录等证据证明（证据目录序号2）" in rows["2. 被诉行政行为有事实依据☑"]
    assert rows["5. 原告要求被告履行职责或者给付的请求不成立☐"] == "无"
    assert rows["6. 其他☑"].startswith("具体理由：（一）原告未在法定期限内提起行政诉讼。")
    assert rows["7. 本案是否经过行政复议或者提起过其他诉讼"] == "是☐\n否☑"
    assert rows["证据清单"] == "详见所附《证据目录》：证据2项，共5页。"
    assert [g["group"] for g in table["rows"] if "group" in g] == ["当事人信息", "答辩事项", "证据清单"]
    sig = next(b for b in answer["blocks"] if b["type"] == "signature")
    assert sig["lines"] == ["答辩人（签字、盖章）：聊城市市场监督管理局", "日期：2026年9月25日"]
    assert "此致" not in filed_text(answer)


def test_element_style_answer_of_the_reconsideration_organ():
    answer = package(case(**BODY, answer_form="element"))["by_id"]["answer"]
    rows = {r["cells"][0]: r["cells"][1] for r in next(b for b in answer["blocks"] if b["type"] == "table")["rows"]
            if "cells" in r}
    assert rows["案由"] == "行政处罚及行政复议"
    assert "复议程序合法" in rows["4. 被诉行政行为符合法定程序☑"]
    assert rows["7. 本案是否经过行政复议或者提起过其他诉讼"].startswith("是☑\n行政复议：复议机关聊城市人民政府；")


# --- the papers of the hearing and after the judgment ------------------------------------------

def test_later_papers_each_with_its_basis(packages):
    r = packages["later"]
    ids = [d["id"] for d in r["documents"]]
    assert ids == ["answer", "evidence", "representative", "authorization", "extension", "record", "absence", "postpone",
                   "cross", "appeal_answer", "suggestion", "risk", "absence_report", "performance", "checklist"]
    assert "head" not in ids                      # the head cannot appear: no certificate of an appearing head
    by_id = r["by_id"]
    absence = filed_text(by_id["absence"])
    assert ("我单位负责人赵某（副局长）因2026年11月10日须参加市政府召开的安全生产紧急会议，不能出庭应诉，属于《最高人民法院关于"
            "行政机关负责人出庭应诉若干问题的规定》第八条第（三）项规定的“需要履行他人不能代替的公务”情形。") in absence
    assert "第九条第三款的规定，我单位同时申请延期开庭审理。" in absence
    assert {"head-rules/8/1/3", "head-rules/9/1", "measures/20/1"} <= set(by_id["absence"]["refs"])
    postpone = filed_text(by_id["postpone"])
    assert "原定于2026年11月10日的开庭延期审理" in postpone and "第九条第三款的规定，特申请延期开庭审理" in postpone
    report = by_id["absence_report"]
    assert any("最迟2026年12月10日" in b["text"] for b in report["blocks"] if b["type"] == "note")
    cross = next(b for b in by_id["cross"]["blocks"] if b["type"] == "table")
    assert cross["rows"][1]["cells"] == ["1", "营业执照", "原告的主体资格", "认可", "认可", "认可", "无异议"]
    assert cross["rows"][2]["cells"][3:] == ["【  】", "【  】", "【  】", "【质证意见】"]
    appeal_answer = filed_text(by_id["appeal_answer"])
    assert appeal_answer.startswith("被上诉人答辩状\n答辩人（被上诉人，原审被告）：聊城市市场监督管理局")
    assert "上诉人（原审原告）：聊城市某某商贸有限公司，住所地聊城市东昌府区某路1号，法定代表人王某。" in appeal_answer
    assert ("上诉人聊城市某某商贸有限公司、李某因与答辩人行政处罚一案，不服聊城市东昌府区人民法院于2026年11月25日作出的"
            "（2026）鲁1502行初88号行政判决，提起上诉。") in appeal_answer
    assert "山东省聊城市中级人民法院" in appeal_answer and "附：本答辩状副本2份。" in appeal_answer
    # alp-interp/108/2: 15 days from service of the appeal 2026-12-10 -> 12-25
    assert any("至2026年12月25日届满" in b["text"] for b in by_id["appeal_answer"]["blocks"] if b["type"] == "note")
    reply = filed_text(by_id["suggestion"])
    assert reply.startswith("关于（2026）鲁1502司建3号司法建议书的回复函\n聊城市东昌府区人民法院：")
    assert "贵院（2026）鲁1502司建3号《司法建议书》我单位于2026年12月20日收到" in reply
    performance = filed_text(by_id["performance"])
    assert "行政判决已于2027年1月5日发生法律效力" in performance and "驳回原告的诉讼请求。" in performance
    record = filed_text(by_id["record"])
    assert record.startswith("关于（2026）鲁1502行初88号案件答辩材料的备案函\n聊城市司法局：")
    assert "《聊城市行政应诉工作管理办法》第十三条第一款、第十三条第二款的规定" in record
    assert r["available"] == [
        {"id": "head", "title": "出庭应诉负责人身份证明书", "how": "填写“出庭应诉负责人姓名”（负责人出庭的）"},
        {"id": "appeal", "title": "行政上诉状", "how": "“上诉或申请再审”选择“本机关上诉”"},
        {"id": "proposal", "title": "上诉或者再审建议",
         "how": "“上诉或申请再审”选择“本机关上诉”或者“本机关申请再审”"}]


def test_agency_appeal_and_the_proposal_of_art_33(packages):
    r = packages["appeal"]
    appeal = filed_text(r["by_id"]["appeal"])
    assert appeal.startswith("行政上诉状\n上诉人（原审被告）：聊城市市场监督管理局")
    assert "被上诉人（原审原告）：李某，男，1980年生。" in appeal
    assert "附：本上诉状副本2份。" in appeal             # alp-interp/108/1: one per other party
    assert "此致\n山东省聊城市中级人民法院" in appeal
    proposal = r["by_id"]["proposal"]
    text = filed_text(proposal)
    # art. 33 has one paragraph: a formal citation names the item only
    assert "根据《聊城市行政应诉工作管理办法》第三十三条第（一）项的规定，经研究，建议提起上诉" in text
    # alp/85: 15 days from service 2026-11-27 -> 12-12 (Sat) -> Mon 12-14
    assert "上诉期限为判决书送达之日起十五日（《中华人民共和国行政诉讼法》第八十五条），至2026年12月14日届满。" in text
    assert "报聊城市司法局备案" in text
    assert any("最迟2026年12月2日提出" in b["text"] for b in proposal["blocks"] if b["type"] == "note")


# --- the date of signing --------------------------------------------------------------------------

@pytest.mark.parametrize("signed,code", [("2026-09-15", "documents.date_before_service"),
                                         ("2026-10-09", "documents.date_after_deadline")])
def test_a_signing_date_outside_the_answer_period_warns(signed, code):
    r = run("documents", case(answer_date=signed))
    warning = next(w for w in r["warnings"] if w["code"] == code)
    assert warning["field"] == "answer_date"
    assert notices.codes(run("documents", case(answer_date="2026-10-08"))["warnings"]).isdisjoint(
        {"documents.date_before_service", "documents.date_after_deadline"})


# --- provisions named only through ref tokens ------------------------------------------------------

ARTICLE = re.compile(r"第[一二三四五六七八九十百零]+[条款]|第（[一二三四五六七八九十]+）项")


def test_no_article_numeral_outside_a_ref_token_in_the_documents_package():
    found = []
    for path in sorted((ROOT / "calculators/documents").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = re.sub(r"\[\[[^\]]*\]\]", "", node.value)
                if ARTICLE.search(text):
                    found.append(f"{path.name}:{node.lineno}: {ARTICLE.search(text)[0]}")
    assert found == []


def test_appeal_papers_list_the_other_parties_as_alp_interp_107_says():
    """The co-defendant is an opposing party of the appealing plaintiff (被上诉人), but keeps its
    first-instance role (原审被告) when this agency appeals."""
    ruling = dict(ruling_date="2026-11-25", ruling_served="2026-11-27", appeal_court="山东省聊城市中级人民法院")
    answer = filed_text(package(case(**JOINT, **ruling, appeal="opponent", appeal_served="2026-12-10"))
                        ["by_id"]["appeal_answer"])
    assert "被上诉人（原审被告）：聊城市人民政府。" in answer
    petition = filed_text(package(case(**JOINT, **ruling, appeal="agency"))["by_id"]["appeal"])
    assert "原审被告：聊城市人民政府。" in petition and "被上诉人（原审被告）" not in petition
    assert "附：本上诉状副本3份。" in petition            # two plaintiffs and the co-defendant

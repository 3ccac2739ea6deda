"""The upstream law as data: calculators/data/law/<key>.json against the source files.

tests/fixtures/law/ holds copies of ../shared/sources/law/ (verbatim LawRefBook/Laws
texts), so these checks do not depend on anything outside the project.
"""
import importlib.util
import json
import re
from pathlib import Path

import pytest

from calculators import provisions
from calculators.numerals import to_chinese

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "law"
DATA = ROOT / "calculators" / "data" / "law"

_spec = importlib.util.spec_from_file_location("import_law", ROOT / "scripts" / "import_law.py")
import_law = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_law)

# article counts as stated in each source file's header ("completeness: whole text; N articles")
COUNTS = {"alp": 103, "alp-interp": 163, "head-rules": 15, "cpl": 306, "arl": 90,
          "civil-code": 204, "holiday-rules": 8}


def test_every_instrument_is_present():
    assert provisions.law_keys() == sorted(COUNTS)


@pytest.mark.parametrize("key,count", sorted(COUNTS.items()))
def test_article_count_and_continuous_numbering(key, count):
    doc = provisions.instrument(key)
    assert [a["number"] for a in doc["articles"]] == list(range(1, count + 1))
    assert f"{count} articles" in doc["completeness"]
    for art in doc["articles"]:
        assert art["id"] == f"{key}/{art['number']}"
        for p, para in enumerate(art["paragraphs"], 1):
            assert para["id"] == f"{art['id']}/{p}" and para["text"]
            for i, item in enumerate(para.get("items", []), 1):
                assert item["id"] == f"{para['id']}/{i}" and item["number"] == i and item["text"]


@pytest.mark.parametrize("key", sorted(COUNTS))
def test_committed_json_is_what_the_importer_produces(key):
    filename, title, short_title, number = import_law.INSTRUMENTS[key]
    raw = (FIXTURES / filename).read_text(encoding="utf-8")
    committed = json.loads((DATA / f"{key}.json").read_text(encoding="utf-8"))
    assert import_law.parse(key, raw, title, short_title, number) == committed


def _squash(s: str) -> str:
    return re.sub(r"[\s\u200b\ufeff\u2002\u3000]+", "", s)


@pytest.mark.parametrize("key", sorted(COUNTS))
def test_text_is_verbatim(key):
    """Rebuilt from the JSON, the articles equal the source body minus headings and spacing:
    no character lost, added or changed."""
    filename = import_law.INSTRUMENTS[key][0]
    body = (FIXTURES / filename).read_text(encoding="utf-8").split("<!-- INFO END -->", 1)[1]
    lines = [l for l in body.splitlines() if not l.lstrip().startswith("#")]
    source = _squash("\n".join(lines))
    source = source[source.index("第一条"):]
    rebuilt = "".join(f"第{to_chinese(a['number'])}条" + provisions.text(a["id"])
                      for a in provisions.instrument(key)["articles"])
    assert _squash(rebuilt) == source


def test_titles_and_labels():
    assert provisions.instrument("alp")["title"] == "中华人民共和国行政诉讼法"
    assert provisions.instrument("alp-interp")["document_number"] == "法释〔2018〕1号"
    assert provisions.instrument("head-rules")["document_number"] == "法释〔2020〕3号"
    assert provisions.label("alp/101") == "《中华人民共和国行政诉讼法》第一百零一条"
    assert provisions.label("alp-interp/48/3") == \
        "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第四十八条第三款"
    assert provisions.label("civil-code/202") == "《中华人民共和国民法典》第二百零二条"
    assert provisions.label("cpl/85/3") == "《中华人民共和国民事诉讼法》第八十五条第三款"


def test_exact_texts():
    assert provisions.text("alp/67/1").startswith("人民法院应当在立案之日起五日内，将起诉状副本发送被告。"
                                                  "被告应当在收到起诉状副本之日起十五日内")
    assert provisions.text("alp/67/2") == "被告不提出答辩状的，不影响人民法院审理。"
    assert provisions.text("cpl/85") == (
        "期间包括法定期间和人民法院指定的期间。\n"
        "期间以时、日、月、年计算。期间开始的时和日，不计算在期间内。\n"
        "期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。\n"
        "期间不包括在途时间，诉讼文书在期满前交邮的，不算过期。")
    assert provisions.text("alp-interp/48/3") == "期间届满的最后一日是节假日的，以节假日后的第一日为期间届满的日期。"
    assert provisions.text("alp-interp/110/1/2") == "（二）原判决、裁定认定事实的主要证据是伪造的；"
    assert provisions.text("head-rules/8/1/3") == "（三）需要履行他人不能代替的公务；"
    assert provisions.text("civil-code/202") == \
        "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。"
    assert provisions.text("holiday-rules/2/1/7") == "（七）国庆节，放假3天（10月1日至3日）。"
    assert provisions.text("arl/88/2").startswith("本法关于行政复议期间有关“三日”")
    # 第八十五条 of the ALL (appeal) and of the CPL (periods) are different provisions
    assert "判决书送达之日起十五日内" in provisions.text("alp/85")
    assert provisions.text("alp/46/2") == ("因不动产提起诉讼的案件自行政行为作出之日起超过二十年，"
                                          "其他案件自行政行为作出之日起超过五年提起诉讼的，人民法院不予受理。")


def test_structure():
    alp = provisions.instrument("alp")
    assert [c["title"] for c in alp["chapters"]][:3] == ["总则", "受案范围", "管辖"]
    ch7 = alp["chapters"][6]
    assert ch7["title"] == "审理和判决" and ch7["sections"][1]["title"] == "第一审普通程序"
    assert 67 in ch7["sections"][1]["articles"]
    interp = provisions.instrument("alp-interp")
    assert interp["chapters"][4]["title"] == "期间、送达" and 48 in interp["chapters"][4]["articles"]
    cpl = provisions.instrument("cpl")
    ch = next(c for c in cpl["chapters"] if c["title"] == "期间、送达")
    assert ch["part"] == "第一编 总则" and ch["sections"][0]["articles"] == [85, 86]
    assert provisions.instrument("civil-code")["chapters"][-1] == {
        "id": "civil-code/ch10", "number": 10, "title": "期间计算", "articles": [200, 201, 202, 203, 204]}


def test_the_reconsideration_law_is_the_2023_revision_in_force_since_2024():
    """行政复议法 as published on law/arl/: the 2023 revision (十四届全国人大常委会第五次会议),
    in force from 2024-01-01, with the rule that changed art. 10(二) of the measures."""
    arl = provisions.instrument("arl")
    assert arl["history"][-1] == "2023年9月1日 第十四届全国人民代表大会常务委员会第五次会议修订"
    assert provisions.text("arl/90") == "本法自2024年1月1日起施行。"
    assert provisions.text("arl/4/2").endswith("行政复议机构同时组织办理行政复议机关的行政应诉事项。")
    assert provisions.label("arl/24/1/1") == "《中华人民共和国行政复议法》第二十四条第一款第（一）项"

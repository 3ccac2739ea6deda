"""The published text of the measures (calculators/data/measures.json) says exactly what the
source transcription says.

Normalisation applied to both sides before comparing (documented on docs/about.md#text):
remove all whitespace; NFKC (full-width digits, brackets, colons, semicolons, ％ become
half-width); « » and 《 》 are the same; '.' and '。' are the same.
"""
import hashlib
import json
import re
import unicodedata
from pathlib import Path

import pytest

from calculators import provisions
from calculators.numerals import from_chinese, to_chinese

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "liaocheng-measures-2021.txt"
SHARED = ROOT.parent / "shared" / "sources" / "liaocheng-measures-2021.txt"
MEASURES = provisions.instrument("measures")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    return text.replace("«", "《").replace("»", "》").replace(".", "。")


def source_articles() -> dict[int, str]:
    """Article number -> the raw source text of that article (up to the next article/chapter)."""
    raw = FIXTURE.read_text(encoding="utf-8")
    raw = raw[:raw.rindex("聊城市人民政府办公室")]  # drop the colophon
    parts = re.split(r"(第[一二三四五六七八九十]+条)\s", raw)
    out = {}
    for marker, body in zip(parts[1::2], parts[2::2]):
        body = re.split(r"第[一二三四五六七八九十]+章", body)[0]
        out[from_chinese(marker[1:-1])] = body
    return out


def published(article: dict) -> str:
    lines = []
    for para in article["paragraphs"]:
        lines.append(para["text"])
        lines += [f"（{to_chinese(i['number'])}）{i['text']}" for i in para.get("items", [])]
    return "".join(lines)


# SHA-256 of the transcription the project was given (../shared/sources/liaocheng-measures-2021.txt),
# recorded when the fixture was copied: the fixture is checked against it on every machine, and
# against the source file itself where a checkout has it beside the repository.
SOURCE_SHA256 = "a6c31ae17d19f97c8835b4841d4634ba605c7e43e9f548c2264d07848c14feb5"


def test_fixture_is_the_transcription_we_were_given():
    assert hashlib.sha256(FIXTURE.read_bytes()).hexdigest() == SOURCE_SHA256
    if SHARED.exists():
        assert FIXTURE.read_bytes() == SHARED.read_bytes()


def test_six_chapters_fifty_articles():
    assert [c["number"] for c in MEASURES["chapters"]] == [1, 2, 3, 4, 5, 6]
    assert [a["number"] for a in MEASURES["articles"]] == list(range(1, 51))
    assert [c["title"] for c in MEASURES["chapters"]] == [
        "总则", "应诉责任区分及程序要求", "出庭应诉", "上诉再审及裁判履行", "其他保障制度", "附则"]
    assert sum(len(c["articles"]) for c in MEASURES["chapters"]) == 50


@pytest.mark.parametrize("article", MEASURES["articles"], ids=lambda a: f"art{a['number']}")
def test_article_matches_source(article):
    assert normalise(published(article)) == normalise(source_articles()[article["number"]])


@pytest.mark.parametrize("article", MEASURES["articles"], ids=lambda a: f"art{a['number']}")
def test_clean_typography(article):
    text = published(article)
    assert not re.search(r"[«»\s]", text)
    assert "." not in text and "(" not in text and ":" not in text and ";" not in text
    assert not re.search("[０-９％]", text)


def test_whole_text_matches_source_including_notice():
    n = MEASURES["notice"]
    raw = FIXTURE.read_text(encoding="utf-8")
    head = raw[:raw.index("第一章")]
    assert normalise(head) == normalise(n["title"] + n["addressees"] + n["body"] + n["issuer"] + n["date"]
                                        + n["publication"])
    assert normalise(raw[raw.rindex("聊城市人民政府办公室"):]) == normalise(MEASURES["colophon"])


def test_ids_are_stable_and_well_formed():
    seen = set()
    for art in MEASURES["articles"]:
        assert art["id"] == f"measures/{art['number']}"
        for p, para in enumerate(art["paragraphs"], 1):
            assert para["id"] == f"{art['id']}/{p}"
            for i, item in enumerate(para.get("items", []), 1):
                assert item["id"] == f"{para['id']}/{i}" and item["number"] == i
                seen.add(item["id"])
            seen.add(para["id"])
    # spot checks against the text: 22/1 has ten items, 15/2 eight, 10/1 three, 33/1 two
    assert provisions.text("measures/22/1/1").startswith("（一）超过10人的集团诉讼行政案件")
    assert provisions.text("measures/22/1/10") == "（十）其他需要行政机关主要负责人出庭应诉的。"
    assert provisions.text("measures/15/2/8") == "（八）其他不符合法律规定诉讼要件的。"
    assert provisions.text("measures/10/1/3").startswith("（三）应诉承办单位不明确的")
    assert provisions.text("measures/13/2").startswith("以市、县（市、区）人民政府工作部门和乡镇人民政府")
    assert "measures/33/1/2" in seen and "measures/33/1/3" not in seen


def test_words_broken_across_lines_are_rejoined():
    assert "法治机构负责承办" in provisions.text("measures/9/1")
    assert "根据庭审要求" in provisions.text("measures/30/1")
    assert "通过EMS等合法邮寄方式或直接送达" in provisions.text("measures/39/1")
    assert len(MEASURES["articles"][8]["paragraphs"]) == 1  # art. 9 is one paragraph


def test_labels():
    assert provisions.label("measures/22/1/1") == "《聊城市行政应诉工作管理办法》第二十二条第一款第（一）项"
    assert provisions.label("measures/38", short=True) == "《办法》第三十八条"

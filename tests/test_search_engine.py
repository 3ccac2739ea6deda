"""The site search's normaliser, tokenizer, article-number reading and ranking, run under Node
(overrides/assets/javascripts/search-core.js through tests/search_node.js), with expected values
worked out by hand from the text.

- normalising: full-width forms (２２条, ＥＭＳ), traditional characters (應訴, 條, 筆錄) and
  punctuation (《办法》第二十二条，第二款) read as the text is written;
- numerals: 二十二 ↔ 22, 十五日 ↔ 15日, 三日 ↔ 3日; a snippet marks the original characters;
- tokens: overlapping character pairs of both forms, runs of digits and Latin letters;
- article numbers in the forms of issue 17, for the measures and the upstream law;
- on the built documents: a phrase of the measures puts its article first, before topic pages,
  guide steps, law and glossary; multi-word queries rank the place holding all words first.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import search_hook  # noqa: E402

DRIVER = Path(__file__).with_name("search_node.js")
NODE = shutil.which("node") or "node"


def run(calls: list, data: Path | None = None, t2s: list[str] | None = None) -> list:
    request = {"data": str(data) if data else None, "t2s": t2s, "calls": calls}
    proc = subprocess.run([NODE, str(DRIVER)], input=json.dumps(request, ensure_ascii=False),
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


# the traditional → simplified pairs the site's text needs, from OpenCC's table, as the build makes them
T2S = search_hook.traditional(["应诉承办单位不明确庭审笔录第二十二条电子送达"])
TABLE = ["".join(T2S), "".join(T2S.values())]

NORMALIZED = [
    ("２２条", "22条"),                          # full-width digits
    ("ＥＭＳ等邮寄方式", "ems等邮寄方式"),          # full-width Latin, lower case
    ("應訴承辦單位不明確", "应诉承办单位不明确"),      # traditional characters
    ("庭審筆錄", "庭审笔录"),
    ("第二十二條", "第二十二条"),
    ("《办法》第二十二条，第二款", "办法第二十二条第二款"),  # punctuation dropped
    ("谁分管、谁出庭", "谁分管谁出庭"),
    ("（一）未经行政复议", "一未经行政复议"),
    ("  电子 送达 ", "电子送达"),                 # spaces too
]


def test_normalize():
    got = run([["normalize", text] for text, _ in NORMALIZED], t2s=TABLE)
    assert got == [want for _, want in NORMALIZED]


NUMBERS = [("二十二", "22"), ("十五", "15"), ("十", "10"), ("三十一", "31"), ("一百零五", "105"),
           ("两", "2"), ("二〇二一", "2021"), ("一千零一", "1001"), ("九十六", "96"), ("一百六十三", "163")]


def test_chinese_numerals_read_as_digits():
    assert run([["number", run_] for run_, _ in NUMBERS]) == [want for _, want in NUMBERS]


FOLDED = [
    ("第二十二条第一款", "第22条第1款"),
    ("十五日内", "15日内"),
    ("应当在三日内登记", "应当在3日内登记"),
    ("第22条", "第22条"),                        # digits stay
    ("２２条", "22条"),
    ("第（十）项", "第10项"),
]


def test_numerals_fold_to_digits():
    assert run([["fold", text] for text, _ in FOLDED], t2s=TABLE) == [want for _, want in FOLDED]


def test_tokens_are_pairs_of_both_forms_and_runs_of_digits_and_letters():
    plain, numeral, latin = run([["tokens", "3日内登记"], ["tokens", "十五日"], ["tokens", "EMS等"]])
    assert set(plain) == {"3日", "日内", "内登", "登记", "3"}
    assert set(numeral) == {"十五", "五日", "15日", "15"}
    assert set(latin) == {"ems等", "ems"}


def test_snippet_marks_the_original_characters():
    text = "行政机关收到人民法院的行政应诉法律文书后，" * 8 + "应当在3日内登记，及时确定行政应诉承办单位。"
    at = text.index("3日内登记")
    (out,) = run([["snippet", text, [[at, at + 5]]]])
    assert "<mark>3日内登记</mark>" in out
    assert out.startswith("…") and "&lt;" not in out       # a window around the mark, not the start
    (escaped,) = run([["snippet", "a<b>c", [[1, 4]]]])
    assert escaped == "a<mark>&lt;b&gt;</mark>c"


# ---- on the built documents (one Node process indexes them once for all these tests) --------

LOOKUPS = [
    ("第22条", "measures@2021/22"), ("22条", "measures@2021/22"), ("第二十二条", "measures@2021/22"),
    ("二十二条", "measures@2021/22"), ("办法22", "measures@2021/22"), ("《办法》第二十二条第二款", "measures@2021/22/2"),
    ("行政诉讼法第67条", "alp/67"), ("解释第六十九条", "alp-interp/69"), ("２２条", "measures@2021/22"),
    ("第二十二條", "measures@2021/22"), ("第二十二条第一款第（一）项", "measures@2021/22/1/1"),
    ("行诉法第四十八条", "alp/48"), ("行政诉讼法解释第48条", "alp-interp/48"), ("出庭规定第八条", "head-rules/8"),
    ("民诉法第八十五条", "cpl/85"), ("38", "measures@2021/38"),
    ("负责人", None), ("第三人", None), ("一审", None), ("3日内登记", None),
]
RANKED = {   # query -> how many results the tests read
    "第22条": 1, "第31条第1款": 1, "解释第六十九条": 1, "庭审笔录": 10, "负责人 一个月内 书面报告": 3,
    "负责人一个月内书面报告": 1, "三日内登记": 1, "之日起15日内向人民法院提交": 1, "负责人不出庭": 1,
}


@pytest.fixture(scope="module")
def engine(built_site) -> dict:
    calls = [["lookup", q] for q, _ in LOOKUPS] + [["rank", q, n] for q, n in RANKED.items()] + [["material", "庭审笔录"]]
    out = run(calls, data=built_site / "search" / "documents.js")
    lookups = dict(zip([q for q, _ in LOOKUPS], out[:len(LOOKUPS)]))
    ranked = dict(zip(RANKED, out[len(LOOKUPS):-1]))
    return {"lookup": lookups, "rank": ranked, "material": out[-1]}


def test_article_numbers(engine):
    assert engine["lookup"] == dict(LOOKUPS)


def test_article_number_ranks_its_provision_first(engine):
    # 第31条 has one paragraph: its article is the document (measures/31/1 is not a separate one)
    assert [engine["rank"][q][0] for q in ("第22条", "第31条第1款", "解释第六十九条")] == \
        ["measures@2021/22", "measures@2021/31", "alp-interp/69"]


def test_phrase_of_the_measures_ranks_its_article_before_every_other_kind(engine):
    # 庭审笔录 occurs in 《办法》第三十一条, in guide steps and in 《负责人出庭应诉规定》第十三条
    ranked = engine["rank"]["庭审笔录"]
    assert ranked[0] == "measures@2021/31"
    law = ranked.index("head-rules/13/1")
    guide = [i for i, r in enumerate(ranked) if r.startswith("guide/")]
    assert guide and max(guide) < law


def test_every_word_of_a_query_beats_some_of_them(engine):
    # 《办法》第二十条 alone has 负责人, 一个月内 and 书面报告, typed apart or together
    assert engine["rank"]["负责人 一个月内 书面报告"][0] == "measures@2021/20"
    assert engine["rank"]["负责人一个月内书面报告"] == ["measures@2021/20"]


def test_digits_find_chinese_numerals_and_back(engine):
    assert engine["rank"]["三日内登记"] == ["measures@2021/38"]                  # the measures write 3日内
    assert engine["rank"]["之日起15日内向人民法院提交"] == ["alp/67/1"]      # the law writes 十五日内


def test_a_synonym_finds_the_provision_it_was_written_for(engine):
    assert engine["rank"]["负责人不出庭"] == ["measures@2021/20"]   # the text: 对行政机关负责人未出庭应诉的案件


def test_results_are_grouped_by_page_in_the_theme_s_shape(engine):
    result = engine["material"]
    first = result["items"][0]
    page, article = first[0], first[1]
    assert page["location"] == "measures/chapter-3/" and page["title"] == "第三章 出庭应诉"
    assert article["location"] == "measures/chapter-3/#art-31" and article["title"] == "《办法》第三十一条"
    assert "<mark>庭审笔录</mark>" in article["text"]
    # Enter opens the highest score: the article, not its page
    assert article["score"] > page["score"]
    assert max(i["score"] for group in result["items"] for i in group) == article["score"]

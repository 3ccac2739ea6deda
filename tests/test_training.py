"""The training question bank (data/questions.yml, macros/quiz.py): every question well-formed,
every cited provision published, every case question's answer equal to the calculator's output
and to the value worked out by hand from the law; the renderings escape all text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

from calculators import provisions, registry  # noqa: E402
from macros import quiz, site_map  # noqa: E402

RAW = yaml.safe_load((ROOT / "data" / "questions.yml").read_text(encoding="utf-8"))
QUESTIONS = quiz.questions()
BY_ID = {q["id"]: q for q in QUESTIONS}

# Case questions worked out by hand from the law and the 2026 holiday notice:
HAND_WORKED = {
    # 9-16 + 15 days = 10-01, National Day holiday 10-01..10-07 -> first day after: Thu 10-08 (alp/67, alp-interp/48)
    "c2-answer-deadline-holiday": "2026-10-08",
    # 4-28 + 15 days = Wed 5-13, a working day; the Labour Day holiday inside is not deducted
    "c2-answer-deadline-inside": "2026-05-13",
    # three working days before Thu 10-08, the holiday 10-01..10-07 skipped: 9-30, 9-29, 9-28 (art. 18)
    "c2-risk-report": "2026-09-28",
    # 11-02 + 15 days = Tue 11-17 (alp/85)
    "c4-appeal-deadline": "2026-11-17",
    # 11-02 + 5 days = Sat 11-07, an internal deadline, not extended (art. 33)
    "c4-proposal-deadline": "2026-11-07",
    # 9-16 + 3 days = Sat 9-19, not extended (art. 38)
    "c5-register-date": "2026-09-19",
    # hearing 6-10 + one month = 7-10 (art. 20)
    "c3-absence-report": "2026-07-10",
    # 12 cases: at least 2 and at least 20% of 12 = 2.4 -> 3 (art. 22 para. 2)
    "c3-quota": 3,
    # 21 enterprise cases is more than 20 (art. 23)
    "c3-seminar": True,
    # exactly 10,000,000 yuan is not "超过1000万元" (art. 22(1)(一))
    "c3-item1-boundary": False,
    # two enterprises suing together (art. 22(1)(二))
    "c3-two-companies": True,
    # 2025-11-09 + 6 months = Sat 2026-05-09, a make-up working day, not extended; filed 5-10: late
    "c2-late-suit": False,
    # 2-12 + 15 days = Fri 2-27 (Spring Festival inside not deducted); filed 3-02: late (alp/45)
    "c2-late-suit-reconsideration": False,
    "c2-sole-undertaker": "justice_bureau",        # art. 10(1)(二), government sole defendant
    # the county government co-defendant as the reconsideration body: since 2024-01-01 its side is
    # organised by its reconsideration office, the county justice bureau (arl/4/2 over art. 10(1)(二))
    "c2-joint-undertaker": "justice_bureau",
    "c2-township-undertaker": "township_decides",  # art. 12
}


def test_at_least_forty_questions_over_every_chapter_and_type():
    assert len(QUESTIONS) >= 40
    chapters = {c["number"] for c in provisions.instrument("measures")["chapters"]}
    assert {q["chapter"] for q in QUESTIONS} == chapters == {1, 2, 3, 4, 5, 6}
    assert {q["type"] for q in QUESTIONS} == {"single", "multiple", "truefalse", "case"}
    calculators = {q["calculator"] for q in QUESTIONS if q["type"] == "case"}
    assert calculators == {"deadlines", "undertaker", "principal_appearance", "appearance_quota", "filing_period"}


def test_ids_are_unique_and_numbering_follows_the_chapters():
    assert len(BY_ID) == len(QUESTIONS) == len(RAW)
    assert [q["number"] for q in QUESTIONS] == list(range(1, len(QUESTIONS) + 1))
    assert [q["chapter"] for q in QUESTIONS] == sorted(q["chapter"] for q in QUESTIONS)


@pytest.mark.parametrize("q", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_answer_is_one_of_the_choices(q):
    letters = quiz.LETTERS[:len(q.get("options") or [])]
    if q["type"] == "single":
        assert q["answer"] in letters
    elif q["type"] == "multiple":
        assert len(q["answer"]) >= 2 and set(q["answer"]) <= set(letters)
    elif q["type"] == "truefalse":
        assert isinstance(q["answer"], bool)
    else:
        values = {v for v, _ in quiz._choices(q)}
        if values:
            assert quiz.answer_value(q) in values


@pytest.mark.parametrize("q", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_cited_provisions_exist_and_are_published(q):
    refs = list(q["refs"]) + re.findall(r"\[\[([a-z-]+(?:/\d+)+)(?:\|[^\]]*)?\]\]", q["explanation"])
    assert refs
    for ref in refs:
        assert provisions.exists(ref), ref
        assert site_map.is_published(ref), ref


CASES = [q for q in QUESTIONS if q["type"] == "case"]


@pytest.mark.parametrize("q", CASES, ids=[q["id"] for q in CASES])
def test_case_answer_is_the_calculators_output(q):
    raw = next(r for r in RAW if r["id"] == q["id"])
    assert "answer" not in raw  # never written by hand
    params = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in raw["input"].items()}
    result = registry.run(raw["calculator"], params)
    assert q["answer"] == quiz.pick(result, raw["result"])


def test_hand_worked_case_answers():
    assert set(HAND_WORKED) == {q["id"] for q in CASES}
    for qid, expected in HAND_WORKED.items():
        assert BY_ID[qid]["answer"] == expected, qid


def test_answer_texts():
    assert quiz.answer_text(BY_ID["c2-answer-deadline-holiday"]) == "2026年10月8日"
    assert quiz.answer_text(BY_ID["c1-three-systems"]) == "B、C、D"
    assert quiz.answer_text(BY_ID["c3-lawyer-only"]) == "错误"
    assert quiz.answer_text(BY_ID["c2-late-suit"]) == "已超过起诉期限"
    assert quiz.answer_value(BY_ID["c3-quota"]) == "3"


def test_pick_follows_lists_and_keys():
    result = {"deadlines": [{"id": "a", "due": "1"}, {"id": "b", "due": "2"}], "x": {"y": True}}
    assert quiz.pick(result, "deadlines[id=b].due") == "2"
    assert quiz.pick(result, "x.y") is True
    with pytest.raises(KeyError):
        quiz.pick(result, "deadlines[id=c].due")


# ---- the format's error messages, on a scratch question file ------------------------------

GOOD = {"id": "t-1", "chapter": 3, "type": "single", "question": "问？", "options": ["甲", "乙"],
        "answer": "A", "explanation": "见[[measures/27/1]]。", "refs": ["measures/27/1"]}


def load_with(tmp_path, monkeypatch, questions):
    path = tmp_path / "questions.yml"
    path.write_text(yaml.safe_dump(questions, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(quiz, "SOURCE", path)
    return quiz.questions()


@pytest.mark.parametrize("change, message", [
    ({"answer": "C"}, "单选题的 answer"),
    ({"type": "multiple", "answer": ["A"]}, "多选题的 answer"),
    ({"refs": ["measures/99/1"]}, "measures/99/1 不存在"),
    ({"refs": ["arl/1"]}, "未在本站发布"),
    ({"explanation": "见[[measures/27/9]]"}, "measures/27/9 不存在"),
    ({"chapter": 7}, "chapter"),
    ({"id": "Bad Id"}, "id"),
    ({"type": "case", "calculator": "deadlines", "input": {"complaint_served": "2026-09-16"},
      "result": "deadlines[id=answer].due", "answer_type": "date"}, "不要填写 answer"),
])
def test_malformed_questions_are_reported_with_their_number(tmp_path, monkeypatch, change, message):
    with pytest.raises(ValueError, match=re.escape(message)) as err:
        load_with(tmp_path, monkeypatch, [GOOD, {**GOOD, "id": "t-2", **change}])
    assert "第2题" in str(err.value)


def test_case_question_with_input_the_calculator_rejects(tmp_path, monkeypatch):
    bad = {**GOOD, "id": "t-2", "type": "case", "calculator": "deadlines", "input": {"complaint_served": "2026-13-40"},
           "result": "deadlines[id=answer].due", "answer_type": "date"}
    del bad["answer"]
    with pytest.raises(ValueError, match="不接受给定的输入"):
        load_with(tmp_path, monkeypatch, [bad])


def test_duplicate_ids_are_rejected(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="重复"):
        load_with(tmp_path, monkeypatch, [GOOD, GOOD])


def test_every_text_is_escaped(tmp_path, monkeypatch):
    evil = {**GOOD, "question": "<script>alert(1)</script> & {{ x }} *星*", "options": ["<b>甲</b>", "乙 | 丙"],
            "explanation": "<img src=x onerror=alert(1)> 见[[measures/27/1|第二十七条]]。"}
    load_with(tmp_path, monkeypatch, [evil])
    page = "training/index.md"
    for html in (quiz.render_quiz(page), quiz.render_handout(page)):
        assert "<script>" not in html and "<b>" not in html and "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ x }} *星*" in html
    quiz_html = quiz.render_quiz(page)
    assert "&lt;img src=x onerror=alert(1)&gt;" in quiz_html
    assert '<a href="../measures/chapter-3/#art-27-1"' in quiz_html
    key = quiz.render_key(page)
    assert "<img" not in key and "<b>" not in key and "&lt;img src=x onerror=alert(1)>" in key


def test_handout_holds_no_answers_and_the_key_all(tmp_path):
    page = "training/handout.md"
    handout = quiz.render_handout(page)
    assert "data-answer" not in handout and "正确答案" not in handout and "解析" not in handout
    assert handout.count('class="handout-q"') == len(QUESTIONS)
    key = quiz.render_key("training/key.md")
    for q in QUESTIONS:
        assert f"| {q['number']} |" in key
        assert quiz.answer_text(q).replace("|", "\\|") in key


def test_quiz_carries_each_answer_once(tmp_path):
    html = quiz.render_quiz("training/index.md")
    answers = dict(re.findall(r'data-qid="([^"]+)"[^>]*data-answer="([^"]*)"', html))
    assert answers == {q["id"]: quiz.answer_value(q) for q in QUESTIONS}


def test_built_pages(built_site):
    """The built quiz carries the calculators' answers; the handout none; search skips them."""
    quiz_page = (built_site / "training" / "index.html").read_text(encoding="utf-8")
    assert 'data-qid="c2-answer-deadline-holiday" data-chapter="2" data-kind="date" data-answer="2026-10-08"' in quiz_page
    assert "assets/javascripts/quiz.js" in quiz_page
    handout = (built_site / "training" / "handout" / "index.html").read_text(encoding="utf-8")
    assert "data-answer" not in handout
    import json
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert not {"training/", "training/handout/", "training/key/"} & locations
    assert "training/trainer/" in locations

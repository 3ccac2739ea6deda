"""The yearly training's self-test (measures art. 40): questions from data/questions.yml.

The format is documented for maintainers on docs/admin/questions.md. Case questions
(`type: case`) carry no answer in the file: the answer is what the named calculator returns
for the given input, computed at build time, so a question can never disagree with the
calculators. Worked examples (`type: example`) are computed the same way but not scored:
they show how the site reads a provision whose wording leaves a point open (`reading`), and
the law is not tested on a reading. Every text is escaped; [[ref]] in explanations becomes a
link to the provision.

Three renderings: the quiz (raw HTML brought to life by overrides/assets/javascripts/quiz.js),
the handout (questions only) and the answer key.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from functools import lru_cache
from pathlib import Path

import yaml

from calculators import inputs, provisions, registry
from calculators.numerals import to_chinese

from . import linking, render

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "questions.yml"

TYPES = {"single": "单选题", "multiple": "多选题", "truefalse": "判断题", "case": "案例计算题"}
EXAMPLE = "example"    # a worked example: computed like a case question, shown with its answer, not scored
ANSWER_TYPES = ("date", "number", "boolean", "choice")
LETTERS = "ABCDEF"
TRUE_FALSE = {True: "正确", False: "错误"}
ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,40}$")
PATH_STEP = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\[([A-Za-z_]+)=([^\]]+)\])?$")


class QuestionError(ValueError):
    """A question of data/questions.yml is malformed (message in Chinese, naming the question)."""


def pick(result, path: str):
    """Follow `path` through a calculator result: ``deadlines[id=answer].due`` takes the list
    ``deadlines``, its element whose ``id`` is ``answer``, and that element's ``due``."""
    value = result
    for step in path.split("."):
        m = PATH_STEP.match(step)
        if not m:
            raise KeyError(step)
        value = value[m.group(1)]
        if m.group(2):
            matches = [v for v in value if str(v.get(m.group(2))) == m.group(3)]
            if len(matches) != 1:
                raise KeyError(step)
            value = matches[0]
    return value


def _iso(value) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _case_answer(q: dict, where: str):
    """Run the calculator of a case question; return (answer value, calculator detail text)."""
    params = {k: _iso(v) for k, v in (q.get("input") or {}).items()}
    try:
        result = registry.run(q["calculator"], params)
    except Exception as exc:  # an InputError names the bad field in Chinese
        raise QuestionError(f"{where}：计算器 {q['calculator']} 不接受给定的输入（{exc}）") from exc
    try:
        value = pick(result, q["result"])
    except (KeyError, TypeError, IndexError):
        raise QuestionError(f"{where}：计算结果中找不到 result: {q['result']}") from None
    detail = ""
    if q.get("detail"):
        try:
            detail = str(pick(result, q["detail"]))
        except (KeyError, TypeError, IndexError):
            raise QuestionError(f"{where}：计算结果中找不到 detail: {q['detail']}") from None
    kind = q["answer_type"]
    if kind == "date":
        dt.date.fromisoformat(value)
    elif kind == "number" and (isinstance(value, bool) or not isinstance(value, int)):
        raise QuestionError(f"{where}：answer_type 为 number，但计算结果为 {value!r}")
    elif kind == "boolean" and not isinstance(value, bool):
        raise QuestionError(f"{where}：answer_type 为 boolean，但计算结果为 {value!r}")
    elif kind == "choice" and value not in q["choices"]:
        raise QuestionError(f"{where}：计算结果 {value!r} 不在 choices 中")
    return value, detail


def _validate(q: dict, where: str) -> dict:
    for key in ("id", "chapter", "type", "question", "explanation", "refs"):
        if key not in q:
            raise QuestionError(f"{where}：缺少 {key}")
    if not ID.match(str(q["id"])):
        raise QuestionError(f"{where}：id 只能用小写字母、数字和连字符")
    chapters = {c["number"] for c in provisions.instrument("measures")["chapters"]}
    if q["chapter"] not in chapters:
        raise QuestionError(f"{where}：chapter 应为 1 至 {max(chapters)}")
    if q["type"] not in TYPES and q["type"] != EXAMPLE:
        raise QuestionError(f"{where}：type 应为 {'、'.join([*TYPES, EXAMPLE])} 之一")
    if q["type"] == EXAMPLE and not str(q.get("reading") or "").strip():
        raise QuestionError(f"{where}：示例须在 reading 中写明本站对条文的理解")
    if not q["refs"]:
        raise QuestionError(f"{where}：refs 至少列出一个条款")
    for ref in q["refs"]:
        linking.check_ref(ref, where)
    for ref in linking.refs_in(q["explanation"]):
        linking.check_ref(ref, where)

    t = q["type"]
    if t in ("single", "multiple"):
        options = q.get("options") or []
        if not 2 <= len(options) <= len(LETTERS):
            raise QuestionError(f"{where}：options 应有 2 至 {len(LETTERS)} 项")
        letters = LETTERS[:len(options)]
        answer = q.get("answer")
        if t == "single" and (not isinstance(answer, str) or answer not in letters):
            raise QuestionError(f"{where}：单选题的 answer 应为 {'、'.join(letters)} 中的一个字母")
        if t == "multiple":
            if not isinstance(answer, list) or len(answer) < 2 or any(a not in letters for a in answer) \
                    or len(set(answer)) != len(answer):
                raise QuestionError(f"{where}：多选题的 answer 应为至少两个不重复的字母，如 [A, C]")
            q["answer"] = sorted(answer)
    elif t == "truefalse":
        if not isinstance(q.get("answer"), bool):
            raise QuestionError(f"{where}：判断题的 answer 应为 true 或 false")
    else:
        if "answer" in q:
            raise QuestionError(f"{where}：案例计算题和示例的答案由计算器得出，不要填写 answer")
        for key in ("calculator", "input", "result", "answer_type"):
            if key not in q:
                raise QuestionError(f"{where}：案例计算题和示例缺少 {key}")
        if q["answer_type"] not in ANSWER_TYPES:
            raise QuestionError(f"{where}：answer_type 应为 {'、'.join(ANSWER_TYPES)} 之一")
        if q["answer_type"] == "choice" and not q.get("choices"):
            raise QuestionError(f"{where}：answer_type 为 choice 时须列出 choices")
        if q["answer_type"] == "boolean":
            labels = q.get("labels") or {True: "是", False: "否"}
            if set(labels) != {True, False}:
                raise QuestionError(f"{where}：labels 应为 {{true: …, false: …}}")
            q["labels"] = labels
        q["answer"], q["detail_text"] = _case_answer(q, where)
    return q


@lru_cache(maxsize=None)
def _load(mtime: float) -> tuple:
    raw = yaml.safe_load(SOURCE.read_text(encoding="utf-8")) or []
    seen, out, examples = set(), [], []
    for i, q in enumerate(raw, 1):
        where = f"data/questions.yml 第{i}题（{q.get('id', '无 id') if isinstance(q, dict) else '?'}）"
        if not isinstance(q, dict):
            raise QuestionError(f"{where}：每道题应为一组“键: 值”")
        q = _validate(dict(q), where)
        if q["id"] in seen:
            raise QuestionError(f"{where}：id 与前面的题目重复")
        seen.add(q["id"])
        (examples if q["type"] == EXAMPLE else out).append(q)
    for items, label in ((out, "{}"), (examples, "例{}")):
        items.sort(key=lambda q: q["chapter"])  # stable: file order within a chapter
        for n, q in enumerate(items, 1):
            q["number"] = label.format(n) if label != "{}" else n
    return tuple(out), tuple(examples)


def questions() -> list[dict]:
    """All scored questions, validated, numbered, ordered by chapter (file order within a
    chapter); case questions carry the calculator's answer in ``answer``."""
    return list(_load(SOURCE.stat().st_mtime)[0])


def examples() -> list[dict]:
    """The worked examples (not scored), numbered 例1, 例2 … in chapter order, with the
    calculator's answer in ``answer`` and the site's reading in ``reading``."""
    return list(_load(SOURCE.stat().st_mtime)[1])


def chapters() -> list[dict]:
    return provisions.instrument("measures")["chapters"]


def chapter_title(number: int) -> str:
    c = next(c for c in chapters() if c["number"] == number)
    return f"第{to_chinese(number)}章 {c['title']}"


# ---- answers as values and as text ------------------------------------------------------

def answer_value(q: dict) -> str:
    """The answer as the quiz script compares it (data-answer)."""
    a = q["answer"]
    if q["type"] == "multiple":
        return ",".join(a)
    if isinstance(a, bool):
        return "true" if a else "false"
    return str(a)


def answer_text(q: dict) -> str:
    """The answer in words: “B”, “A、C”, “正确”, “2026年10月8日”, or the chosen text."""
    a, t = q["answer"], q["type"]
    if t == "single":
        return a
    if t == "multiple":
        return "、".join(a)
    if t == "truefalse":
        return TRUE_FALSE[a]
    kind = q["answer_type"]
    if kind == "date":
        d = dt.date.fromisoformat(a)
        return f"{d.year}年{d.month}月{d.day}日"
    if kind == "boolean":
        return str(q["labels"][a])
    if kind == "choice":
        return str(q["choices"][a])
    return str(a)


def answer_full(q: dict) -> str:
    """The answer with the text of the chosen options, for the feedback and the key."""
    if q["type"] == "single":
        return f"{q['answer']}．{q['options'][LETTERS.index(q['answer'])]}"
    if q["type"] == "multiple":
        return "；".join(f"{a}．{q['options'][LETTERS.index(a)]}" for a in q["answer"])
    return answer_text(q)


def _choices(q: dict) -> list[tuple[str, str]]:
    """(value, label) of the radio/checkbox choices of a question, [] for typed answers."""
    t = q["type"]
    if t in ("single", "multiple"):
        return [(LETTERS[i], f"{LETTERS[i]}．{o}") for i, o in enumerate(q["options"])]
    if t == "truefalse":
        return [("true", TRUE_FALSE[True]), ("false", TRUE_FALSE[False])]
    if q["answer_type"] == "boolean":
        return [("true", str(q["labels"][True])), ("false", str(q["labels"][False]))]
    if q["answer_type"] == "choice":
        return [(str(k), str(v)) for k, v in q["choices"].items()]
    return []


def _input_kind(q: dict) -> str:
    if q["type"] == "multiple":
        return "multiple"
    if q["type"] == "case" and q["answer_type"] in ("date", "number"):
        return q["answer_type"]
    return "single"


# ---- the quiz ---------------------------------------------------------------------------

def _explanation_html(q: dict, page: str) -> str:
    where = f"第{q['number']}题"
    text = linking.html_text(q["explanation"], page, where)
    if q.get("detail_text"):
        text += f'<br><span class="quiz-detail">计算器的说明：{html.escape(q["detail_text"])}</span>'
    return text


def _refs_html(q: dict, page: str) -> str:
    return "、".join(linking.html_link(r, page) for r in q["refs"])


def _stem(q: dict) -> str:
    """The question text. In a <label>, which the glossary hook leaves alone: a tooltip with
    the definition of a term would give away the answer to “本办法所称‘应诉机关’是指”."""
    return f'<label class="quiz-text">{html.escape(q["question"])}</label>'


def _question_html(q: dict, page: str) -> str:
    qid = html.escape(q["id"])
    name = f"quiz-{qid}"
    kind = _input_kind(q)
    parts = [f'<div class="quiz-q" id="q-{qid}" data-qid="{qid}" data-chapter="{q["chapter"]}" '
             f'data-kind="{kind}" data-answer="{html.escape(answer_value(q))}">',
             f'<p class="quiz-stem"><span class="quiz-no">{q["number"]}</span>'
             f'<span class="quiz-type">{TYPES[q["type"]]}</span>{_stem(q)}</p>']
    choices = _choices(q)
    if choices:
        input_type = "checkbox" if kind == "multiple" else "radio"
        parts.append('<ul class="quiz-options">' + "".join(
            f'<li><label><input type="{input_type}" name="{name}" value="{html.escape(v)}"> {html.escape(label)}</label></li>'
            for v, label in choices) + "</ul>")
    else:
        if kind == "date":
            control = (f'<input type="date" name="{name}" min="{inputs.MIN_DATE.isoformat()}" '
                       f'max="{inputs.MAX_DATE.isoformat()}">')
        else:
            control = f'<input type="number" name="{name}" step="1" inputmode="numeric">'
        parts.append(f'<p class="quiz-input"><label>答案：{control}</label></p>')
    parts.append('<p class="quiz-actions"><button type="button" class="md-button" data-quiz-check>确认答案</button></p>'
                 '<p class="quiz-prompt" data-quiz-prompt role="alert" hidden>请先作答（选择选项或填写答案），再点“确认答案”。</p>')
    parts.append('<div class="quiz-feedback" hidden>'
                 '<p class="quiz-verdict" data-quiz-verdict></p>'
                 f'<p class="quiz-correct">正确答案：{html.escape(answer_full(q))}</p>'
                 f'<p class="quiz-explain">解析：{_explanation_html(q, page)}</p>'
                 f'<p class="quiz-refs">依据：{_refs_html(q, page)}</p></div>')
    parts.append("</div>")
    return "".join(parts)


def _example_html(q: dict, page: str) -> str:
    """A worked example: the case, the calculator's answer, the reading it rests on. No input,
    no data-qid: the quiz script neither scores nor stores it."""
    return (f'<div class="admonition example quiz-example" id="ex-{html.escape(q["id"])}">'
            f'<p class="admonition-title">{html.escape(q["number"])}（示例，不计分）</p>'
            f'<p class="quiz-stem">{_stem(q)}</p>'
            f'<p class="quiz-correct">按本站的理解，答案是：{html.escape(answer_text(q))}</p>'
            f'<p class="quiz-reading">本站的理解：{linking.html_text(q["reading"], page, q["number"])}</p>'
            f'<p class="quiz-explain">解析：{_explanation_html(q, page)}</p>'
            f'<p class="quiz-refs">依据：{_refs_html(q, page)}</p></div>')


# The two ways of taking the test (quiz.js): practice shows each answer once it is confirmed;
# the exam shows nothing until the paper is handed in. Hidden until the script runs.
MODES = ('<fieldset class="quiz-mode" data-quiz-mode hidden><legend>模式</legend>'
         '<label><input type="radio" name="quiz-mode" value="practice" checked> 练习模式：每题确认后显示答案和解析</label>'
         '<label><input type="radio" name="quiz-mode" value="exam"> 考试模式：交卷后才显示成绩和答案</label>'
         '<p class="quiz-mode-note" data-quiz-mode-note hidden></p></fieldset>')


def render_quiz(page: str) -> str:
    """Markdown: per chapter a heading, the questions as raw HTML blocks and the chapter's
    worked examples, then the score."""
    qs = questions()
    worked = examples()
    out = [f'<div class="quiz-status" data-quiz-status data-total="{len(qs)}">本测验共 {len(qs)} 题，'
           "需要浏览器运行脚本才能作答和评分；无法运行脚本时，请使用讲义和参考答案。</div>", "",
           MODES, ""]
    for chapter in chapters():
        in_chapter = [q for q in qs if q["chapter"] == chapter["number"]]
        if not in_chapter:
            continue
        out += [f"## {chapter_title(chapter['number'])}（{len(in_chapter)}题） {{ #chapter-{chapter['number']} }}", ""]
        for q in in_chapter:
            out += [_question_html(q, page), ""]
        for q in (q for q in worked if q["chapter"] == chapter["number"]):
            out += [_example_html(q, page), ""]
    out += ["## 成绩 { #score }", "",
            f'<div class="quiz-score" data-quiz-score data-total="{len(qs)}">'
            f'<p data-quiz-progress>已作答 0 / {len(qs)} 题。</p>'
            '<p class="quiz-score-actions"><button type="button" class="md-button md-button--primary" data-quiz-finish>交卷，查看成绩</button> '
            '<button type="button" class="md-button" data-quiz-reset>清除本机记录，重新开始</button></p>'
            '<div class="quiz-result" data-quiz-result hidden></div>'
            "</div>", ""]
    return "\n".join(out)


# ---- handout and answer key -------------------------------------------------------------

def render_handout(page: str) -> str:
    """Questions only, numbered as in the quiz, with blanks for typed answers."""
    qs = questions()
    out = []
    for chapter in chapters():
        in_chapter = [q for q in qs if q["chapter"] == chapter["number"]]
        if not in_chapter:
            continue
        out += [f"## {chapter_title(chapter['number'])} {{ #chapter-{chapter['number']} }}", ""]
        for q in in_chapter:
            parts = [f'<div class="handout-q"><p class="quiz-stem"><span class="quiz-no">{q["number"]}</span>'
                     f'<span class="quiz-type">{TYPES[q["type"]]}</span>{_stem(q)}</p>']
            choices = _choices(q)
            if choices and q["type"] != "truefalse":
                parts.append('<ul class="quiz-options">' + "".join(
                    f"<li>□ {html.escape(label)}</li>" for _, label in choices) + "</ul>")
            elif q["type"] == "truefalse":
                parts.append('<p class="handout-blank">□ 正确　　□ 错误</p>')
            elif q["answer_type"] == "date":
                parts.append('<p class="handout-blank">答：________年____月____日</p>')
            else:
                parts.append('<p class="handout-blank">答：____________</p>')
            parts.append("</div>")
            out += ["".join(parts), ""]
    return "\n".join(out)


def render_key(page: str) -> str:
    """Markdown: a table of answers and bases for marking, then the explanations."""
    qs = questions()
    rows = ["| 题号 | 章 | 题型 | 答案 | 依据 |", "|---|---|---|---|---|"]
    for q in qs:
        refs = "、".join(linking.md_link(r, page, short=True) for r in q["refs"])
        rows.append(f"| {q['number']} | {to_chinese(q['chapter'])} | {TYPES[q['type']]} | "
                    f"{render.escape(answer_text(q))} | {refs} |")
    rows += ["", "## 解析 { #explanations }", ""]
    for q in qs:
        where = f"第{q['number']}题"
        text = linking.md_text(q["explanation"], page, where, short=True)
        if q.get("detail_text"):
            text += "（计算器的说明：" + render.escape(q["detail_text"]) + "）"
        rows.append(f"{q['number']}. **{render.escape(answer_full(q))}**　{text}")
    worked = examples()
    if worked:
        rows += ["", "## 示例（不计分） { #examples }", "",
                 "以下各例取决于本站对条文中未明确之处的理解，供讲解使用，不作为考题。", ""]
        for q in worked:
            reading = linking.md_text(q["reading"], page, q["number"], short=True)
            text = linking.md_text(q["explanation"], page, q["number"], short=True)
            rows.append(f"- **{render.escape(q['number'])}**　{render.escape(q['question'])}　"
                        f"答案：**{render.escape(answer_text(q))}**。本站的理解：{reading}　{text}")
    return "\n".join(rows) + "\n"


def stats() -> dict:
    """Counts per chapter and per type."""
    qs = questions()
    return {"total": len(qs),
            "chapters": {c["number"]: sum(1 for q in qs if q["chapter"] == c["number"]) for c in chapters()},
            "types": {t: sum(1 for q in qs if q["type"] == t) for t in TYPES},
            "examples": len(examples())}


def render_stats() -> str:
    s = stats()
    rows = ["| 章 | 题数 |", "|---|---|"]
    rows += [f"| {chapter_title(n)} | {k} |" for n, k in s["chapters"].items()]
    rows += [f"| **合计** | **{s['total']}** |", "", "| 题型 | 题数 |", "|---|---|"]
    rows += [f"| {TYPES[t]} | {k} |" for t, k in s["types"].items()]
    rows += [f"| 示例（不计分） | {s['examples']} |"]
    return "\n".join(rows) + "\n"

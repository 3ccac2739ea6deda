"""The learning pages in the built site and in headless Chromium: guide, flowcharts, topics,
training, upstream mapping, print.

- the flowcharts render offline (no request beyond the site, no script error), every text
  is drawn inside its box with a real font, and a screenshot shows boxes and text;
- the flowcharts' links (SVG xlink:href, which the general link test does not read) resolve;
- each topic page is found by typing its question into Material's search box (first three);
- the quiz can be answered, shows explanations and a score, keeps answers only in
  localStorage, and works after instant navigation; quiz.js does nothing elsewhere;
- printing hides the navigation chrome and keeps the content.
Screenshots are written to tests/artifacts/learning/ for a human to look at.
"""
from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest

from site_html import file_for, load_pages
from test_site_search import search

ROOT = Path(__file__).resolve().parent.parent

from macros import guide, linking, quiz, site_map, topics, upstream  # noqa: E402

ARTIFACTS = ROOT / "tests" / "artifacts" / "learning"
FLOWCHARTS = "guide/flowcharts/"


def shot(page, name: str, **kwargs) -> bytes:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    data = page.screenshot(**kwargs)
    (ARTIFACTS / f"{name}.png").write_bytes(data)
    return data


def local_only(page, site_http) -> list[str]:
    return [u for u in page.requests if not site_http.is_local(u)]


# ---- static: built pages and their links --------------------------------------------------

@pytest.fixture(scope="module")
def pages(built_site):
    return load_pages(built_site)


def test_learning_pages_are_built(pages):
    expected = {"guide/", FLOWCHARTS, "guide/office/", "guide/undertaker-staff/", "guide/head/", "guide/legal-office/",
                "topics/", "training/", "training/handout/", "training/key/", "training/trainer/", "law/mapping/"}
    expected |= {p["src"][:-3] + "/" for p in topics.pages()}
    assert expected <= set(pages)


def test_flowchart_links_resolve(built_site, pages):
    """SVG links use xlink:href (see macros/flowchart.py); check them like the link test does."""
    checked = 0
    by_file = {p.path: p for p in pages.values()}
    for page in (pages[FLOWCHARTS], pages["guide/"]):
        for node in page.root.iter("a"):
            href = node.get("xlink:href")
            if href is None:
                continue
            path, fragment = page.resolve(href)
            target = file_for(built_site, path)
            assert target is not None, href
            assert fragment in by_file[target].ids, href
            checked += 1
    assert checked == 15 + 12 + 13 + 15  # case path, undertaker (7 rules + 5 questions), principal, guide's case path


def test_guide_has_every_step_with_its_parts(pages):
    page = pages["guide/"]
    for step in guide.steps():
        section = page.by_id(guide.step_anchor(step))
        assert section.text().startswith(f"第{step['number']}步")
    strong = [node.text() for div in page.content().iter("div") if "guide-step" in div.classes()
              for node in div.iter("strong")]
    for label in ("谁来办", "期限", "要做的事", "涉及文书", "依据"):
        assert strong.count(label) == len(guide.steps()) == 15, label
    assert strong.count("可用的计算器") == sum(1 for s in guide.steps() if s["tools"])


def test_guide_example_shows_the_calculators_dates(pages):
    result = guide.example_result()
    due = {d["id"]: d["due"] for d in result["deadlines"]}
    # hand-worked: served Wed 2026-09-16; judgment served Mon 2026-11-02
    assert due["answer"] == "2026-10-08" and due["register"] == "2026-09-19" and due["appeal"] == "2026-11-17"
    text = pages["guide/"].content().text()
    for day in ("2026年10月8日", "2026年9月19日", "2026年9月28日", "2026年11月7日", "2026年11月17日"):
        assert day in text


def test_role_pages_list_their_steps(pages):
    data = guide.data()
    for role, spec in data["roles"].items():
        page = pages[spec["page"][:-3] + "/"]
        hrefs = [a.get("href", "") for a in page.content().iter("a")]
        for step in guide.steps():
            linked = any(h.endswith("#" + guide.step_anchor(step)) for h in hrefs)
            assert linked == (role in step["who"]), (role, step["id"])


def test_law_pages_link_back_to_the_measures(pages):
    rows = upstream.rows()
    for key in ("alp", "alp-interp", "head-rules", "cpl"):
        section = pages[f"law/{key}/"].by_id("measures-provisions")
        assert section is not None
    mapping = pages["law/mapping/"].content()
    hrefs = {a.get("href") for a in mapping.iter("a")}
    for row in rows:
        for ref in [row["measures"], *row["law"]]:
            assert linking.url("law/mapping.md", site_map.target(ref)) in hrefs, ref


# ---- browser: flowcharts ------------------------------------------------------------------

def test_flowcharts_render_offline_with_text_inside_the_boxes(page, site_server, site_http):
    page.goto(site_server + FLOWCHARTS, wait_until="networkidle")
    info = page.evaluate("""() => Array.from(document.querySelectorAll('figure.flowchart svg')).map(svg => {
        const box = svg.getBoundingClientRect();
        const texts = Array.from(svg.querySelectorAll('g.fc-node text'));
        const outside = [];
        for (const t of texts) {
            const shape = t.closest('g.fc-node').querySelector('rect, polygon').getBBox();
            const b = t.getBBox();
            const inset = t.closest('g.fc-decision') ? 8 : 0;
            if (b.x < shape.x + inset - 1 || b.x + b.width > shape.x + shape.width - inset + 1 ||
                b.y < shape.y - 1 || b.y + b.height > shape.y + shape.height + 1) outside.push(t.textContent);
        }
        return {width: box.width, height: box.height, texts: texts.length,
                blank: texts.filter(t => t.getComputedTextLength() <= 0).length,
                family: getComputedStyle(texts[0]).fontFamily, outside};
    })""")
    assert len(info) == 3
    for chart in info:
        assert chart["width"] > 400 and chart["height"] > 300
        assert chart["texts"] >= 13 and chart["blank"] == 0
        assert chart["outside"] == []
        assert "Noto Sans CJK SC" in chart["family"]
    assert local_only(page, site_http) == []
    assert page.errors == []


def png_pixels(data: bytes) -> list[tuple[int, int, int]]:
    """RGB pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are),
    decoded with the standard library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return [tuple(row[x:x + 3]) for row in rows for x in range(0, stride, bpp)]


def test_png_decoder_reads_a_known_image():
    # 2x1 RGB: red, white — filter 0; built by hand
    raw = b"\x00" + bytes([255, 0, 0, 255, 255, 255])
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    assert png_pixels(png) == [(255, 0, 0), (255, 255, 255)]


def test_flowchart_screenshots_show_boxes_and_text(page, site_server):
    page.goto(site_server + FLOWCHARTS, wait_until="networkidle")
    for i, name in enumerate(("case_path", "undertaker", "principal")):
        figure = page.locator("figure.flowchart").nth(i)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        pixels = png_pixels(figure.screenshot(path=ARTIFACTS / f"flowchart-{name}.png"))
        dark = sum(1 for r, g, b in pixels if r + g + b < 384) / len(pixels)
        assert 0.01 < dark < 0.3, (name, dark)  # text and lines drawn, not a black box
        colours = {p for p in pixels}
        fills = {"case_path": (232, 234, 246), "undertaker": (255, 248, 225), "principal": (253, 236, 234)}
        assert fills[name] in colours, name  # the start / decision / warning fill of this chart


def test_clicking_a_box_opens_the_step(page, site_server):
    page.goto(site_server + FLOWCHARTS, wait_until="networkidle")
    page.locator('figure.flowchart g[data-node="risk"]').click()
    page.wait_for_url("**/guide/#step-risk")
    assert page.locator("#step-risk").is_visible()
    assert page.errors == []


def test_print_hides_navigation_and_keeps_content(page, site_server):
    for path, name in ((FLOWCHARTS, "print-flowcharts"), ("measures/chapter-3/", "print-chapter-3"),
                       ("training/handout/", "print-handout")):
        page.goto(site_server + path, wait_until="networkidle")
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
            .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
        assert hidden and set(hidden) == {"none"}, (path, hidden)
        h1 = page.locator("article h1").first
        assert h1.is_visible()
        assert page.evaluate("() => document.querySelector('article').getBoundingClientRect().left") < 80
        shot(page, name, full_page=True)
        page.emulate_media(media="screen")
    page.goto(site_server + "measures/chapter-3/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.locator("#art-22").is_visible() and page.locator("#art-22").inner_text().startswith("第二十二条")


# ---- browser: topic pages found by their questions -----------------------------------------

TOPICS = topics.pages()


@pytest.fixture(scope="module")
def search_page(browser, site_server):
    context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.set_default_timeout(30_000)
    page.goto(site_server + "topics/", wait_until="networkidle")
    yield page
    context.close()


@pytest.mark.parametrize("topic", TOPICS, ids=[t["title"] for t in TOPICS])
def test_topic_question_finds_its_page_among_the_first_three(search_page, site_server, topic):
    wanted = topic["src"][:-3] + "/"
    for query in (topic["title"], topic["title"].rstrip("？")):
        groups = search(search_page, site_server, query)
        first_pages = [group[0].split("#")[0] for group in groups[:3]]
        assert wanted in first_pages, (query, groups[:3])
    assert search_page.errors == []


def test_topics_include_the_questions_of_the_issue():
    titles = {t["title"] for t in TOPICS}
    assert {"复议后谁来应诉？", "负责人不能出庭怎么办？", "哪些情形主要负责人必须出庭？", "能不能只委托律师出庭？",
            "判决后几天内要提出上诉建议？", "涉企案件有什么特别要求？"} <= titles


# ---- browser: the quiz ------------------------------------------------------------------------

def answer(q, value: str):
    """Enter `value` (in data-answer form) into question locator `q`."""
    kind = q.get_attribute("data-kind")
    if kind in ("date", "number"):
        q.locator("input").fill(value)
    elif kind == "multiple":
        for letter in value.split(","):
            q.locator(f"input[value='{letter}']").check()
    else:
        q.locator(f"input[value='{value}']").check()


def wrong_value(q) -> str:
    kind, right = q.get_attribute("data-kind"), q.get_attribute("data-answer")
    if kind == "date":
        return "2000-01-01"
    if kind == "number":
        return str(int(right) + 1)
    values = q.locator("input").evaluate_all("els => els.map(e => e.value)")
    if kind == "multiple":
        return values[0] if values[0] not in right.split(",") or len(right.split(",")) > 1 else values[1]
    return next(v for v in values if v != right)


def test_quiz_can_be_answered_and_scored(page, site_server, site_http):
    page.goto(site_server + "training/", wait_until="networkidle")
    questions = page.locator(".quiz-q")
    total = questions.count()
    assert total == len(quiz.questions())
    assert page.locator("[data-quiz-status]").inner_text().startswith(f"本测验共 {total} 题")

    # the first question wrongly, checked: explanation and article link appear
    first = questions.nth(0)
    answer(first, wrong_value(first))
    first.locator("[data-quiz-check]").click()
    feedback = first.locator(".quiz-feedback")
    assert feedback.is_visible() and "回答错误" in feedback.inner_text()
    assert "解析" in feedback.inner_text() and feedback.locator(".quiz-refs a").count() >= 1
    assert first.get_attribute("data-result") == "wrong"

    # all the others rightly (a case question by date among them)
    for i in range(1, total):
        q = questions.nth(i)
        answer(q, q.get_attribute("data-answer"))
    date_q = page.locator(".quiz-q[data-qid='c2-answer-deadline-holiday']")
    date_q.locator("[data-quiz-check]").click()
    assert "回答正确" in date_q.locator(".quiz-verdict").inner_text()
    assert "2026年10月8日" in date_q.locator(".quiz-correct").inner_text()

    page.locator("[data-quiz-finish]").click()
    result = page.locator("[data-quiz-result]")
    assert result.is_visible()
    assert page.locator("[data-quiz-right]").inner_text() == str(total - 1)
    assert page.locator("[data-quiz-points]").inner_text() == str(round((total - 1) * 100 / total))
    result.scroll_into_view_if_needed()
    shot(page, "quiz-score", full_page=False)

    stored = json.loads(page.evaluate("localStorage.getItem('yingsu.quiz.v1')"))
    assert stored["finished"] is True and len(stored["answers"]) == total

    # reload: answers and score come back from localStorage
    page.reload(wait_until="networkidle")
    assert page.locator("[data-quiz-right]").inner_text() == str(total - 1)
    assert questions.nth(0).get_attribute("data-result") == "wrong"

    # reset clears the record
    page.locator("[data-quiz-reset]").click()
    assert page.evaluate("localStorage.getItem('yingsu.quiz.v1')") is None
    assert not page.locator("[data-quiz-result]").is_visible()
    assert questions.nth(1).locator("input:checked").count() == 0

    assert local_only(page, site_http) == []
    assert page.errors == []


def test_quiz_works_after_instant_navigation_and_quiz_js_is_idle_elsewhere(page, intranet_url):
    page.goto(intranet_url + "measures/", wait_until="networkidle")
    assert page.evaluate("localStorage.getItem('yingsu.quiz.v1')") is None
    page.locator("a.md-nav__link[href$='training/handout/']").first.click()  # instant navigation
    page.wait_for_url("**/training/handout/")
    page.locator("a.md-nav__link[href$='training/']").first.click()  # the section 培训 opens the quiz
    page.wait_for_url("**/training/")
    q = page.locator(".quiz-q").nth(2)
    answer(q, q.get_attribute("data-answer"))
    q.locator("[data-quiz-check]").click()
    assert "回答正确" in q.locator(".quiz-verdict").inner_text()
    assert page.locator("[data-quiz-progress]").inner_text().startswith("已确认 1 /")
    assert page.errors == []


def test_quiz_asks_for_an_answer_and_locks_a_revealed_one(page, site_server):
    """An empty 确认答案 shows a prompt, not the key; once revealed, the answer cannot change."""
    page.goto(site_server + "training/", wait_until="networkidle")
    q = page.locator(".quiz-q[data-kind='single']").first
    q.locator("[data-quiz-check]").click()
    assert q.locator("[data-quiz-prompt]").is_visible()
    assert "请先作答" in q.locator("[data-quiz-prompt]").inner_text()
    assert not q.locator(".quiz-feedback").is_visible()
    assert q.get_attribute("data-result") is None
    assert page.evaluate("document.activeElement.closest('.quiz-q') !== null")   # focus moved to its choices
    assert json.loads(page.evaluate("localStorage.getItem('yingsu.quiz.v1') || '{}'")).get("checked", {}) == {}

    answer(q, wrong_value(q))
    assert not q.locator("[data-quiz-prompt]").is_visible()
    q.locator("[data-quiz-check]").click()
    assert "回答错误" in q.locator(".quiz-verdict").inner_text()
    assert q.locator("input:not([disabled])").count() == 0 and q.locator("[data-quiz-check]").is_disabled()
    right = q.get_attribute("data-answer")
    q.locator(f"input[value='{right}']").click(force=True)   # a real click: a disabled radio does not change
    assert q.locator(f"input[value='{right}']").is_checked() is False
    assert page.locator("[data-quiz-progress]").inner_text().startswith("已确认 1 /")
    # a paper with a revealed answer cannot turn into an exam
    exam = page.locator(".quiz-mode input[value='exam']")
    assert exam.is_disabled() and "不能再进入考试模式" in page.locator("[data-quiz-mode-note]").inner_text()
    page.reload(wait_until="networkidle")
    q = page.locator(".quiz-q[data-kind='single']").first
    assert q.get_attribute("data-result") == "wrong" and q.locator("input:not([disabled])").count() == 0
    assert page.errors == []


def test_exam_mode_shows_the_key_only_with_the_score(page, site_server):
    page.goto(site_server + "training/", wait_until="networkidle")
    page.locator(".quiz-mode input[value='exam']").check()
    questions = page.locator(".quiz-q")
    total = questions.count()
    assert page.locator("[data-quiz-check]:visible").count() == 0          # no per-question reveal
    assert "考试模式" in page.locator("[data-quiz-mode-note]").inner_text()
    answered = 3
    for i in range(answered):                                                 # two right, one wrong
        q = questions.nth(i)
        answer(q, q.get_attribute("data-answer") if i < 2 else wrong_value(q))
    assert page.locator(".quiz-feedback:visible").count() == 0
    assert page.locator(".quiz-example:visible").count() == 0                 # worked examples show answers
    assert page.locator("[data-quiz-progress]").inner_text().startswith(f"已作答 {answered} / {total} 题")
    page.reload(wait_until="networkidle")                                     # the mode is kept
    assert page.locator(".quiz-mode input[value='exam']").is_checked()
    assert page.locator(".quiz-feedback:visible").count() == 0
    page.locator(".quiz-mode").scroll_into_view_if_needed()
    shot(page, "quiz-exam-mode")

    finish = page.locator("[data-quiz-finish]")
    finish.click()                                                            # unanswered: asked once more
    result = page.locator("[data-quiz-result]")
    assert f"还有 {total - answered} 题未作答" in result.inner_text()
    assert page.locator(".quiz-feedback:visible").count() == 0 and page.locator("[data-quiz-right]").count() == 0
    finish.click()
    assert page.locator("[data-quiz-right]").inner_text() == "2"
    assert page.locator("[data-quiz-progress]").inner_text() == f"已交卷：作答 {answered} / {total} 题，其中答对 2 题。"
    assert page.locator("[data-quiz-points]").inner_text() == str(round(2 * 100 / total))
    assert page.locator(".quiz-feedback:visible").count() == total           # the key, with the score
    assert page.locator(".quiz-example:visible").count() == len(quiz.examples())
    assert "未作答" in questions.nth(answered).locator(".quiz-verdict").inner_text()
    assert page.locator(".quiz-q input:not([disabled])").count() == 0
    assert page.locator(".quiz-mode input:not([disabled])").count() == 0
    result.scroll_into_view_if_needed()
    shot(page, "quiz-exam-score")
    page.locator("[data-quiz-reset]").click()
    assert page.locator(".quiz-feedback:visible").count() == 0 and page.locator(".quiz-q input[disabled]").count() == 0
    assert page.errors == []


def test_answer_key_is_reached_from_the_trainer_page_only(built_site):
    pages = load_pages(built_site)
    nav = {a.get("href") for a in pages["training/"].root.iter("a") if "md-nav__link" in a.classes()}
    assert not any(h and h.endswith("key/") for h in nav), nav
    assert any(h and h.endswith("trainer/") for h in nav)
    trainer = pages["training/trainer/"]
    assert "../key/" in [a.get("href") for a in trainer.content().iter("a")]
    assert not any((a.get("href") or "").endswith("key/") for a in pages["training/"].content().iter("a"))
    # trainer notes: a session plan, timing, discussion questions for every chapter, printing
    ids = set(trainer.ids)
    assert {"session", "timing", "print", "modes"} <= ids
    assert {f"discussion-{c['number']}" for c in quiz.chapters()} <= ids
    # the maintenance of the question bank is on an administrators' page
    assert "answer_type" not in trainer.content().text() and "format" in set(pages["admin/questions/"].ids)

"""The documents page in headless Chromium, as a staff member uses it: reach it by the theme's
instant navigation, fill the form for a real-looking case (tests/documents_case.py: 2 agents,
2 evidence rows, objection (三)), confirm the parties as read, read the package on screen,
download every document as .docx and read each back with python-docx, print to PDF (page.pdf,
print media) and read the pages back as a clerk would (page numbers, 28 characters a line, no
page holding only a signature block, nothing stale printed), type markup into every text field,
move the draft to "another PC" as a JSON file — all requests local.

One browser context serves the module: Pyodide starts once. Screenshots of the page, of every
paper and of every page of the printed papers go to tests/artifacts/ (not committed) for a
person to look at.
"""
import json
import re
from pathlib import Path

import subprocess

import docx
import pytest
from docx.shared import Mm

from documents_case import CASE, LONG_PARAGRAPH
from documents_pdf import full_lines, page_numbers, pages, signature_problems
from keyboard import leave_field

BOOT_MS = 180_000    # cold start of Pyodide on a loaded machine
ANSWER_MS = 60_000
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ROOT = Path(__file__).resolve().parent.parent
EVIL = ["<script>alert(1)</script>", "{{ 7*7 }}"]

TEXT_FIELDS = ["court", "case_number", "cause", "act", "agency_name", "agency_address", "representative_name",
               "representative_title", "head_name", "head_post"]
AREA_FIELDS = ["plaintiffs", "facts", "legal_basis", "views"]
DATE_FIELDS = ["complaint_served", "hearing_date", "answer_date", "fp_known_date", "fp_filed_date", "fp_act_date"]
DOCUMENTS = ["answer", "evidence", "representative", "authorization", "head", "record", "risk", "checklist"]


@pytest.fixture(scope="module")
def staff(browser, site_server):
    context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.requests, page.dialogs, page.errors = [], [], []
    context.on("request", lambda r: r.service_worker or page.requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.set_default_timeout(ANSWER_MS)
    page.goto(site_server + "calculators/deadlines/")
    page.wait_for_function("window.YingsuCalc && YingsuCalc.status.state === 'ready'", timeout=BOOT_MS)
    yield page
    context.close()


def settle(page):
    """Wait until the latest input has been generated and shown: documents.js sets data-pending in
    the input's own event (typing, choosing, a button, leaving a half-typed date) and clears it
    when the answer to the latest input is shown."""
    page.wait_for_function("!document.querySelector('[data-doc-result]').dataset.pending")


def sheet_text(page, doc_id):
    return page.locator(f'.doc-page[data-doc="{doc_id}"] .doc-sheet').inner_text()


def add_rows(page, name, rows):
    for i, row in enumerate(rows):
        if page.locator(f"#f-{name}-{i}-name").count() == 0:
            page.click(f'[data-add="{name}"]')
        for key, value in row.items():
            selector = f"#f-{name}-{i}-{key}"
            if page.locator(selector).evaluate("n => n.tagName") == "SELECT":
                page.select_option(selector, value)
            else:
                page.fill(selector, str(value))


def form_values(page):
    """Every control of the form, as shown: {id: value or checked}."""
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll(
        'form[data-documents-form] input:not([type=file]), form[data-documents-form] select, form[data-documents-form] textarea'))
        .map(n => [n.id, n.type === 'checkbox' ? n.checked : n.value]))""")


def test_reached_by_instant_navigation_and_idle_elsewhere(staff):
    page = staff
    assert page.evaluate("document.body.classList.contains('doc-page-active')") is False
    page.evaluate("window.__stay = 1")
    page.click('nav.md-nav a[href$="calculators/documents/"]')
    page.wait_for_url("**/calculators/documents/")
    page.wait_for_selector("form[data-documents-form] [data-calc-status][data-state='ready']")
    assert page.evaluate("window.__stay") == 1, "the page was fully reloaded instead of instant navigation"
    assert page.evaluate("document.body.classList.contains('doc-page-active')") is True
    # a fresh draft: one (empty) agent row, no evidence, no error shown before anything is typed
    assert page.locator('[data-rows="agents"] .doc-row').count() == 1
    assert page.locator('[data-rows="evidence"] .doc-row').count() == 0
    assert page.locator("form[data-documents-form] .calc-error:not([hidden])").count() == 0


# what an empty form lacks, in the order of the form: the required fields and the one agent row
# the form starts with (measures/27/1: at least one agent)
MISSING = ["court", "case_number", "plaintiffs", "agency_name", "representative_name", "representative_title",
           "defendant", "agents.0.name", "agents.0.post", "complaint_served"]


def shown_errors(page):
    return [t for t in page.locator("form[data-documents-form] .calc-error").all_inner_texts() if t]


def test_an_empty_form_lists_every_missing_field_in_one_click_with_focus_on_the_first(staff):
    page = staff
    # before anything is typed: no error, no "out of date" notice, the result area says what is needed
    assert shown_errors(page) == [] and not page.locator("[data-calc-summary]").is_visible()
    result = page.locator("[data-doc-result]")
    assert result.evaluate("r => getComputedStyle(r, '::before').content") in ("none", "normal")
    assert result.locator(".calc-waiting li").all_inner_texts()[:3] == ["受理法院", "案号", "原告"]
    # nothing chosen for the reader: no 被告, no date of service (a 今天 button beside it instead)
    assert page.input_value("#f-defendant") == "" and page.input_value("#f-complaint_served") == ""
    page.click("form[data-documents-form] button[type=submit]")
    settle(page)
    links = page.locator("[data-calc-summary] a[data-error-link]").all_inner_texts()
    assert len(links) == len(MISSING), links
    assert links[0] == "请填写“受理法院”。" and links[-1] == "请填写“起诉状副本送达日期”。"
    assert links[7:9] == ["“诉讼代理人”第1名：请填写“姓名”。", "“诉讼代理人”第1名：请填写“工作单位及职务”。"]
    assert page.evaluate("document.activeElement.id") == "f-court"
    assert page.locator("[data-calc-summary]").is_visible()
    assert "10 项" in page.inner_text("[data-submit-note]")   # beside the button too
    for field in ("court", "defendant", "complaint_served"):   # and beside each field
        assert page.locator(f'.calc-error[data-error-for="{field}"]').is_visible(), field
    assert page.locator('[data-rows="agents"] [data-row-error]').inner_text().count("“诉讼代理人”第1名") == 2
    assert result.evaluate("r => getComputedStyle(r, '::before').content") in ("none", "normal")
    # a link of the list takes the reader to its field
    page.locator("[data-calc-summary] a[data-error-link]").nth(len(MISSING) - 1).click()
    assert page.evaluate("document.activeElement.id") == "f-complaint_served"


def test_a_date_error_waits_until_the_field_is_left_and_today_is_a_button(staff):
    page = staff
    page.locator("#f-hearing_date").focus()
    page.keyboard.type("03")          # a part of the date only
    settle(page)
    assert not page.locator('.calc-error[data-error-for="hearing_date"]').is_visible()
    leave_field(page)
    settle(page)
    error = page.locator('.calc-error[data-error-for="hearing_date"]')
    error.wait_for()
    assert error.inner_text() == "“开庭日期”不是有效日期。请按 年-月-日 填写（如 2026-09-16），并确认该日存在。"
    page.fill("#f-hearing_date", "")
    page.click('[data-today-for="complaint_served"]')
    settle(page)
    assert page.input_value("#f-complaint_served") == page.evaluate("Yingsu.todayISO()")
    assert not page.locator('.calc-error[data-error-for="complaint_served"]').is_visible()
    page.fill("#f-complaint_served", "")


def test_staff_fills_the_form_and_gets_the_package(staff):
    page = staff
    for name in TEXT_FIELDS + AREA_FIELDS + DATE_FIELDS:
        page.fill(f"#f-{name}", CASE[name])
    page.select_option("#f-defendant", "department")
    page.select_option("#f-fp_informed_of_period", CASE["fp_informed_of_period"])
    page.check("#f-objection_3")
    page.check("#f-enterprise_party")
    add_rows(page, "agents", CASE["agents"])
    add_rows(page, "evidence", CASE["evidence"])
    assert page.locator('[data-add="agents"]').is_disabled()   # at most 2 agents (art. 27)
    settle(page)

    assert page.locator("form[data-documents-form] .calc-error:not([hidden])").count() == 0
    assert page.locator(".doc-page").evaluate_all("ns => ns.map(n => n.dataset.doc)") == DOCUMENTS
    summary = page.locator(".doc-summary").inner_text()
    assert "已生成 8 份文书。答辩、举证期限：2026年10月8日" in summary
    # the parties as read from the pasted lines, for confirmation, with the case title
    parties = page.locator("[data-parties]")
    assert parties.locator(".doc-case-title").inner_text() == \
        "原告聊城市某某商贸有限公司、李某诉被告聊城市市场监督管理局行政处罚一案"
    assert parties.locator('[data-party="plaintiff"] strong').all_inner_texts() == ["聊城市某某商贸有限公司", "李某"]
    answer = sheet_text(page, "answer")
    assert "（一）原告未在法定期限内提起行政诉讼。原告于2026年1月10日知道或者应当知道被诉行政行为，" in answer
    assert "起诉期限至2026年7月10日届满。原告于2026年8月20日才提起本案诉讼" in answer
    assert "综上所述，请求人民法院依法裁定驳回原告的起诉。" in answer
    printed = page.locator('.doc-page[data-doc="answer"] .doc-sheet > :not(.doc-note)').all_inner_texts()
    assert not any("加盖" in t or "印章" in t for t in printed)                      # said on screen only
    assert page.locator('.doc-page[data-doc="answer"] .doc-seal-mark').count() == 1     # where to seal, on screen
    assert page.locator('.doc-page[data-doc="answer"] mark.doc-ph').count() >= 1   # 【…】 to complete
    rows = page.locator('.doc-page[data-doc="evidence"] table.doc-table tbody tr').all_inner_texts()
    assert [r.split("\t")[0] for r in rows] == ["一、证明被告具有法定职权的证据和依据", "1",
                                               "二、证明被诉行政行为认定事实的证据", "2"]
    assert "现场检查笔录" in rows[3] and "证明原告存在违法行为" in rows[3] and rows[3].endswith("4-5")
    assert "受委托人二：孙某，山东某某律师事务所律师。" in sheet_text(page, "authorization")
    assert "赵某，现任我单位副局长，系我单位负责人。" in sheet_text(page, "head")
    checklist = page.locator('[data-export="markdown"]').input_value()
    assert checklist.startswith("# 行政应诉工作清单\n")
    assert "- [ ] **1. 登记**（收到后3日内，最迟2026年9月19日（休息日，宜提前至2026年9月18日））" in checklist
    assert page.locator('[data-export="text"]').input_value().startswith("行政应诉工作清单\n")
    # the citations link to the measures' pages
    link = page.locator(".calc-basis a", has_text="第三十八条第一款").first
    assert link.get_attribute("href").endswith("measures/chapter-5/#art-38-1")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "documents-page.png"), full_page=True)


def download(page, doc_id, tmp_path):
    with page.expect_download() as info:
        page.click(f'[data-docx="{doc_id}"]')
    d = info.value
    assert d.failure() is None
    path = tmp_path / d.suggested_filename
    d.save_as(path)
    return d.suggested_filename, path


def paragraphs(document):
    return [p.text for p in document.paragraphs]


def test_every_document_downloads_as_docx_that_reads_back(staff, tmp_path, record_property):
    page = staff
    sizes = {}
    for doc_id in DOCUMENTS:
        name, path = download(page, doc_id, tmp_path)
        title = page.locator(f'.doc-page[data-doc="{doc_id}"] .doc-tools-title').inner_text()
        assert name == f"（2026）鲁1502行初88号-{title}.docx"
        sizes[doc_id] = path.stat().st_size
        d = docx.Document(path)
        section = d.sections[0]
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
        assert abs(section.top_margin - Mm(37)) < Mm(0.1) and abs(section.left_margin - Mm(28)) < Mm(0.1)
        first = d.paragraphs[0]
        shown = page.locator(f'.doc-page[data-doc="{doc_id}"] .doc-title').inner_text()
        assert first.style.name == "Title" and first.text == shown and shown.endswith(title)
        text = "\n".join(paragraphs(d))
        assert "说明：" not in text                      # screen-only guidance is not written
        assert "加盖" not in text and "盖章处" not in text
        # body 仿宋 三号 (16 pt) by default, title 宋体, headings 黑体
        styles = d.styles.element
        assert styles.xpath("//w:docDefaults//w:rFonts/@w:eastAsia") == ["仿宋"]
        assert styles.xpath("//w:docDefaults//w:sz/@w:val") == ["32"]
        assert d.styles["Title"].font.size.pt == 22 and d.styles["Title"].font.bold is False
        assert d.sections[0]._sectPr.xpath("./w:docGrid/@w:charSpace") == ["-849"]
        if doc_id == "answer":
            assert [p.text for p in d.paragraphs if p.style.style_id == "Heading1"] == [
                "答辩请求：", "事实与理由：", "一、原告的起诉不符合法定起诉条件", "二、关于被诉行政行为的合法性"]
            assert any(p.startswith("（一）原告未在法定期限内提起行政诉讼。") and "2026年7月10日届满" in p
                       for p in paragraphs(d))
            highlighted = [r.text for p in d.paragraphs for r in p.runs if r.font.highlight_color is not None]
            assert "【不存在因不可抗力或者其他不属于其自身的原因耽误起诉期限的情形】" in highlighted
        if doc_id == "evidence":
            assert len(d.tables) == 1
            table = d.tables[0]
            cells = [[c.text for c in row.cells] for row in table.rows]
            assert cells[0] == ["序号", "证据名称", "来源", "证明对象/证明目的", "内容", "原件/复印件", "页码"]
            assert cells[1] == ["一、证明被告具有法定职权的证据和依据"] * 7          # merged group row
            assert cells[2] == ["1", "《中华人民共和国行政处罚法》", "公开出版物",
                                "证明对象：答辩人的法定职权\n证明目的：证明答辩人具有作出被诉行政行为的法定职权", "第二十二条",
                                "复印件", "1-3"]
            assert cells[4] == ["2", "现场检查笔录", "答辩人执法人员制作", "证明对象：原告的违法事实\n证明目的：证明原告存在违法行为",
                                "2025年11月5日现场检查情况", "复印件", "4-5"]
            assert len(cells) == 5
            assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")          # header repeats on every page
        if doc_id == "authorization":
            assert "受委托人一：钱某，聊城市市场监督管理局法规科科长。" in paragraphs(d)
            assert any(p.startswith("受委托人钱某的代理权限为特别授权") for p in paragraphs(d))
        if doc_id == "checklist":
            rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
            assert rows[0] == ["序号", "事项", "时限", "办理要求", "依据", "完成"]
            numbered = [r for r in rows[1:] if r[0].isdigit()]
            assert [r[1] for r in numbered][:3] == ["登记", "上传平台（起诉材料）", "确定承办单位"]
            assert numbered[-1][1] == "立卷归档" and numbered[-1][4] == "《办法》第四十六条"
    record_property("docx_bytes", sizes)
    print("docx sizes:", sizes)
    assert all(5_000 < size < 60_000 for size in sizes.values())


def test_evidence_rows_move_up_and_down_and_keep_their_numbers_in_order(staff):
    page = staff
    assert page.locator('[data-rows="evidence"] .doc-row[data-row="0"] [data-move="-1"]').is_disabled()
    page.click('[data-rows="evidence"] .doc-row[data-row="1"] [data-move="-1"]')
    settle(page)
    rows = page.locator('.doc-page[data-doc="evidence"] table.doc-table tbody tr').all_inner_texts()
    assert [r.split("\t")[:2] for r in rows if r[0].isdigit()] == [["1", "现场检查笔录"], ["2", "《中华人民共和国行政处罚法》"]]
    page.click('[data-rows="evidence"] .doc-row[data-row="0"] [data-move="1"]')
    settle(page)
    rows = page.locator('.doc-page[data-doc="evidence"] table.doc-table tbody tr').all_inner_texts()
    assert [r.split("\t")[1] for r in rows if r[0].isdigit()] == ["《中华人民共和国行政处罚法》", "现场检查笔录"]


def print_pdf(page, doc_id, path):
    """The PDF the browser prints for one paper (as its print button does) or all (None)."""
    page.evaluate("""id => { document.querySelectorAll('.doc-page').forEach(p =>
        p.classList.toggle('doc-skip-print', id !== null && p.dataset.doc !== id));
        document.body.classList.toggle('doc-print-all', id === null); }""", doc_id)
    path.write_bytes(page.pdf(prefer_css_page_size=True))
    return path


def models(page):
    """The document models on the page, as the calculator returned them."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.doc-page')).map(p => ({
        id: p.dataset.doc, blocks: Array.from(p.querySelectorAll('.doc-sheet .doc-sig-first')).map(first => {
            const lines = [first]; let n = first.nextElementSibling;
            while (n && n.classList.contains('doc-sig')) { lines.push(n); n = n.nextElementSibling; }
            return {type: 'signature', lines: lines.map(l => l.textContent.replace('盖章处', ''))}; })}))""")


def test_print_shows_only_the_papers_on_a4_numbered_and_never_a_signature_alone(staff):
    page = staff
    ARTIFACTS.mkdir(exist_ok=True)
    page.emulate_media(media="print")
    try:
        assert not page.locator("form[data-documents-form]").is_visible()
        assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
        assert not page.locator(".doc-tools").first.is_visible()
        assert not page.locator(".doc-sheet .doc-note").first.is_visible()
        assert not page.locator(".doc-seal-mark").first.is_visible() and not page.locator("[data-parties]").is_visible()
        assert page.locator('.doc-page[data-doc="answer"] .doc-sheet').is_visible()
        body = page.locator('.doc-page[data-doc="answer"] .doc-p').first.evaluate(
            "n => [getComputedStyle(n).fontSize, getComputedStyle(n).lineHeight, getComputedStyle(n).letterSpacing]")
        assert body == ["21.3333px", "38.6px", "-0.293333px"]     # 16 pt on a 28.95 pt line, 15.78 pt a character
        assert "FangSong" in page.locator(".doc-sheet").first.evaluate("n => getComputedStyle(n).fontFamily")
        title = page.locator('.doc-page[data-doc="answer"] .doc-title').evaluate(
            "n => [getComputedStyle(n).fontFamily, getComputedStyle(n).fontSynthesisWeight]")
        assert title[0].startswith("方正小标宋简体") and title[1] == "none"            # no faux bold
        signatures = {m["id"]: m for m in models(page)}
        problems = []
        for doc_id in DOCUMENTS:
            pdf = print_pdf(page, doc_id, ARTIFACTS / f"documents-print-{doc_id}.pdf")
            lines = pages(pdf)
            # GB/T 9704 page numbers on every page, starting at 1 for each paper printed on its own
            assert page_numbers(pdf) == [f"—{n}—" for n in range(1, len(lines) + 1)], doc_id
            problems += signature_problems(signatures[doc_id], lines)
            subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(ARTIFACTS / f"documents-print-{doc_id}")],
                           check=True)
        assert problems == []
        answer = pages(ARTIFACTS / "documents-print-answer.pdf")
        lines = full_lines(answer, LONG_PARAGRAPH)
        assert lines and all(len(line) == 28 for line in lines), lines
        assert max(len(p) for p in answer) <= 22 + 2          # 22 lines of text; the title takes two
        every = print_pdf(page, None, ARTIFACTS / "documents-print.pdf")
        assert page_numbers(every) == []                      # all at once: the counter cannot restart per paper
    finally:
        page.evaluate("document.body.classList.remove('doc-print-all')")
        page.emulate_media(media="screen")
    pdf = every.read_bytes()
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert boxes and all(abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5 for w, h in boxes)   # A4
    assert len(re.findall(rb"/Type /Page\b", pdf)) >= len(DOCUMENTS)   # each document starts a new sheet


def test_wherever_the_page_ends_the_signature_keeps_text_above_it(staff, tmp_path):
    """Both forms of the answer with 0, 3, 6 … 21 more lines of facts: the page end falls at every
    place of the closing, 此致, the court, the signature and the attachments — and, in the
    element-style form, of the table's last rows before the signature."""
    page = staff
    seen = {"traditional": set(), "element": set()}
    signer = {"traditional": "答辩人：聊城市市场监督管理局", "element": "答辩人（签字、盖章）：聊城市市场监督管理局"}
    try:
        for extra in range(0, 22, 3):
            # one change event (as when the box loses focus), not input + change: one regeneration
            page.locator("#f-facts").evaluate("(n, v) => { n.value = v; n.dispatchEvent(new Event('change', {bubbles: true})); }",
                                              CASE["facts"] + "".join(f"\n{LONG_PARAGRAPH[:28 * (1 + n % 3)]}"
                                                                      for n in range(extra)))
            for form in ("traditional", "element") if extra % 6 == 0 else ("traditional",):
                if page.locator("#f-answer_form").input_value() != form:
                    page.select_option("#f-answer_form", form)
                settle(page)
                page.emulate_media(media="print")
                pdf = print_pdf(page, "answer", tmp_path / f"answer-{form}-{extra}.pdf")
                page.emulate_media(media="screen")
                lines = pages(pdf)
                model = next(m for m in models(page) if m["id"] == "answer")
                assert signature_problems(model, lines) == [], (form, extra)
                sig = next(i for i, p in enumerate(lines) if signer[form] in p)
                seen[form].add(lines[sig].index(signer[form]))
                if form == "traditional":
                    assert [i for i, p in enumerate(lines) if any(x.startswith("附：") for x in p)] == [sig]
    finally:
        page.emulate_media(media="screen")
        page.select_option("#f-answer_form", "traditional")
        page.fill("#f-facts", CASE["facts"])
        page.locator("#f-facts").blur()
        settle(page)
    assert len(seen["traditional"]) > 3 and len(seen["element"]) > 1, seen


def test_stale_papers_are_never_printed(staff, tmp_path):
    page = staff
    page.fill("#f-court", "")
    settle(page)
    assert page.locator("[data-doc-result]").get_attribute("data-state") == "invalid"
    assert page.locator('[data-print="answer"]').is_disabled() and page.locator('[data-print="all"]').is_disabled()
    page.emulate_media(media="print")
    try:
        lines = [line for p in pages(print_pdf(page, None, tmp_path / "stale.pdf")) for line in p]
    finally:
        page.evaluate("document.body.classList.remove('doc-print-all')")
        page.emulate_media(media="screen")
    assert "".join(lines).startswith("文书尚未按最新输入生成") and not any("答辩状" in line for line in lines)
    page.fill("#f-court", CASE["court"])
    settle(page)
    assert page.locator("[data-doc-result]").get_attribute("data-state") == "done"
    assert page.locator('[data-print="all"]').is_enabled()


def test_every_paper_on_screen_is_photographed(staff):
    """Screenshots of every paper of the package for a person to look at (desktop and phone)."""
    page = staff
    ARTIFACTS.mkdir(exist_ok=True)
    for doc_id in DOCUMENTS:
        page.locator(f'.doc-page[data-doc="{doc_id}"]').screenshot(path=str(ARTIFACTS / f"documents-sheet-{doc_id}.png"))
    page.locator("[data-parties]").screenshot(path=str(ARTIFACTS / "documents-parties.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.locator('.doc-page[data-doc="answer"]').screenshot(path=str(ARTIFACTS / "documents-sheet-answer-phone.png"))
        page.locator("form[data-documents-form]").screenshot(path=str(ARTIFACTS / "documents-form-phone.png"))
    finally:
        page.set_viewport_size({"width": 1280, "height": 1000})


def test_art_27_error_next_to_the_agents(staff):
    page = staff
    page.select_option("#f-agents-0-kind", "lawyer")
    settle(page)
    error = page.locator('[data-list="agents"] .calc-error[data-error-for="agents"]')
    assert error.is_visible() and "不得仅委托律师出庭" in error.inner_text()
    assert page.locator("[data-doc-result]").get_attribute("data-state") == "invalid"
    page.select_option("#f-agents-0-kind", "staff")
    page.fill("#f-agents-1-name", "")
    settle(page)
    row_error = page.locator('[data-rows="agents"] .doc-row[data-row="1"] [data-row-error]')
    assert not row_error.is_visible()          # not while the name is being typed
    page.keyboard.press("Tab")                 # left: shown from now on
    settle(page)
    assert row_error.inner_text() == "“诉讼代理人”第2名：请填写“姓名”。"
    page.fill("#f-agents-1-name", "孙某")
    settle(page)
    assert page.locator("[data-doc-result]").get_attribute("data-state") == "done"


def test_typed_markup_is_shown_as_text_and_never_runs(staff, tmp_path):
    page = staff
    evil = "".join(EVIL)
    for name in TEXT_FIELDS + AREA_FIELDS + ["requests", "third_parties", "undertaker_unit"]:
        page.fill(f"#f-{name}", evil)
    page.check("#f-extension")
    page.fill("#f-extension_reason", evil)
    for name, count in (("agents", 2), ("evidence", 2)):
        for i in range(count):
            for field in page.locator(f'[data-rows="{name}"] .doc-row[data-row="{i}"] input[type=text]:not([inputmode=numeric]), '
                                      f'[data-rows="{name}"] .doc-row[data-row="{i}"] textarea').all():
                field.fill(evil)
    settle(page)
    assert page.locator("[data-doc-result]").get_attribute("data-state") == "done", \
        page.locator(".calc-error:not([hidden])").all_inner_texts()
    result = page.locator("[data-doc-result]")
    assert result.locator("script").count() == 0
    for doc_id in DOCUMENTS + ["extension"]:
        text = sheet_text(page, doc_id)
        assert all(e in text for e in EVIL), doc_id
        assert "49" not in text.replace("2026年", "")
    assert "<script>alert(1)</script>" in sheet_text(page, "evidence")
    assert EVIL[0] in page.locator('[data-export="text"]').input_value()
    assert "\\<script\\>" in page.locator('[data-export="markdown"]').input_value()
    name, path = download(page, "answer", tmp_path)
    assert name == "_script_alert(1)_script_{{ 7_7 }}-行政答辩状.docx"
    assert any(evil in p for p in paragraphs(docx.Document(path)))
    page.wait_for_timeout(500)
    assert page.dialogs == [] and page.errors == []


def test_draft_moves_to_another_pc_as_a_json_file(staff, tmp_path):
    page = staff
    page.uncheck("#f-extension")
    for name in TEXT_FIELDS + AREA_FIELDS:
        page.fill(f"#f-{name}", CASE[name])
    page.fill("#f-requests", "")
    page.fill("#f-third_parties", "")
    page.fill("#f-undertaker_unit", "")
    add_rows(page, "agents", CASE["agents"])
    add_rows(page, "evidence", CASE["evidence"])
    settle(page)
    before = form_values(page)
    with page.expect_download() as info:
        page.click('[data-action="export"]')
    exported = tmp_path / info.value.suggested_filename
    info.value.save_as(exported)
    assert info.value.suggested_filename == "应诉文书草稿-（2026）鲁1502行初88号.json"
    draft = json.loads(exported.read_text(encoding="utf-8"))
    assert draft["format"] == "yingsu-documents-draft" and draft["fields"]["court"] == CASE["court"]
    assert [a["name"] for a in draft["agents"]] == ["钱某", "孙某"] and len(draft["evidence"]) == 2

    page.click('[data-action="clear"]')
    page.click('[data-action="clear"]')               # second click confirms (no dialog)
    assert page.locator("#f-court").input_value() == ""
    assert page.locator('[data-rows="evidence"] .doc-row').count() == 0
    assert page.evaluate("localStorage.getItem('yingsu:documents:draft')") is None
    assert page.locator(".doc-page").count() == 0

    bad = tmp_path / "other.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    page.set_input_files("[data-import-file]", str(bad))
    page.wait_for_function("document.querySelector('[data-draft-state]').textContent.includes('导入失败')")

    page.set_input_files("[data-import-file]", str(exported))
    page.wait_for_function("document.querySelector('[data-draft-state]').textContent.includes('已导入草稿')")
    settle(page)
    assert form_values(page) == before
    assert page.locator(".doc-page").count() == len(DOCUMENTS)

    page.reload()                                      # and it survives a reload
    page.wait_for_function("window.YingsuCalc && YingsuCalc.status.state === 'ready'", timeout=BOOT_MS)
    settle(page)
    assert form_values(page) == before


def test_docx_library_makes_no_request(built_site):
    """The vendored library's namespace URLs are names, never fetched (tests/test_site_offline.py)."""
    text = (built_site / "assets/javascripts/vendor/docx.iife.js").read_text(encoding="utf-8")
    assert "var docx = (function" in text[:200]
    assert not re.search(r"\bfetch\(|XMLHttpRequest|importScripts|navigator\.sendBeacon", text)
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["docx"]
    assert re.fullmatch(r"9\.\d+\.\d+", pinned)
    assert (built_site / "assets/javascripts/vendor/docx.LICENSE.txt").read_text().startswith("The MIT License")


def test_all_requests_stayed_on_the_site(staff, site_server):
    page = staff
    outside = [u for u in page.requests if not u.startswith((site_server, "blob:", "data:"))]
    assert outside == []
    loaded = [u for u in page.requests if "docx" in u]
    assert any(u.endswith("assets/javascripts/vendor/docx.iife.js") for u in loaded)
    assert sum(u.endswith("docx.iife.js") for u in loaded) == 1     # loaded once, on first use

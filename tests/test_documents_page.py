"""The documents page in headless Chromium, as a staff member uses it: reach it by the theme's
instant navigation, fill the form for a real-looking case (tests/documents_case.py: 2 agents,
2 evidence rows, objection (三)), read the package on screen, download every document as
.docx and read each back with python-docx, print (emulated), type markup into every text field,
move the draft to "another PC" as a JSON file — all requests local.

One browser context serves the module: Pyodide starts once. Screenshots of the page and of the
print emulation go to tests/artifacts/ (not committed) for a person to look at.
"""
import json
import re
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

from documents_case import CASE

BOOT_MS = 180_000    # cold start of Pyodide on a loaded machine
ANSWER_MS = 60_000
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ROOT = Path(__file__).resolve().parent.parent
EVIL = ["<script>alert(1)</script>", "{{ 7*7 }}"]

TEXT_FIELDS = ["court", "case_number", "cause", "act", "agency_name", "agency_address", "representative_name",
               "representative_title", "head_name", "head_post"]
AREA_FIELDS = ["plaintiffs", "facts", "legal_basis", "views"]
DATE_FIELDS = ["complaint_served", "hearing_date", "answer_date", "fp_known_date", "fp_filed_date", "fp_act_date"]
DOCUMENTS = ["answer", "evidence", "representative", "authorization", "head", "risk", "checklist"]


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
    """Wait until the latest input has been generated and shown (documents.js clears data-pending)."""
    page.wait_for_timeout(100)
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
                page.fill(selector, value)


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


def test_staff_fills_the_form_and_gets_the_package(staff):
    page = staff
    for name in TEXT_FIELDS + AREA_FIELDS + DATE_FIELDS:
        page.fill(f"#f-{name}", CASE[name])
    page.select_option("#f-defendant", "department")
    page.check("#f-objection_3")
    page.check("#f-enterprise_party")
    add_rows(page, "agents", CASE["agents"])
    add_rows(page, "evidence", CASE["evidence"])
    assert page.locator('[data-add="agents"]').is_disabled()   # at most 2 agents (art. 27)
    settle(page)

    assert page.locator("form[data-documents-form] .calc-error:not([hidden])").count() == 0
    assert page.locator(".doc-page").evaluate_all("ns => ns.map(n => n.dataset.doc)") == DOCUMENTS
    summary = page.locator(".doc-summary").inner_text()
    assert "已生成 7 份文书。答辩、举证期限：2026年10月8日" in summary
    answer = sheet_text(page, "answer")
    assert "（一）原告未在法定期限内提起行政诉讼。原告于2026年1月10日知道或者应当知道被诉行政行为，" in answer
    assert "起诉期限至2026年7月10日届满。原告于2026年8月20日才提起本案诉讼" in answer
    assert "综上所述，请求人民法院依法裁定驳回原告的起诉。" in answer
    assert page.locator('.doc-page[data-doc="answer"] mark.doc-ph').count() >= 2   # 【…】 to complete
    rows = page.locator('.doc-page[data-doc="evidence"] table.doc-table tbody tr').all_inner_texts()
    assert [r.split("\t")[0] for r in rows] == ["一、证明被告具有法定职权的证据和依据", "1",
                                               "二、证明被诉行政行为认定事实的证据", "2"]
    assert "现场检查笔录" in rows[3] and "证明原告存在违法行为" in rows[3]
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
        if doc_id in ("answer", "evidence", "representative", "authorization", "head"):
            assert "（加盖应诉机关印章）" in paragraphs(d)
        # body 仿宋 三号 (16 pt) by default, title 宋体, headings 黑体
        styles = d.styles.element
        assert styles.xpath("//w:docDefaults//w:rFonts/@w:eastAsia") == ["仿宋"]
        assert styles.xpath("//w:docDefaults//w:sz/@w:val") == ["32"]
        assert d.styles["Title"].font.size.pt == 22
        if doc_id == "answer":
            assert [p.text for p in d.paragraphs if p.style.name == "Heading 1"] == [
                "一、原告的起诉不符合法定起诉条件", "二、事实和相关依据", "三、答辩意见"]
            assert any(p.startswith("（一）原告未在法定期限内提起行政诉讼。") and "2026年7月10日届满" in p
                       for p in paragraphs(d))
            highlighted = [r.text for p in d.paragraphs for r in p.runs if r.font.highlight_color is not None]
            assert "【不存在因不可抗力或者其他不属于其自身的原因耽误起诉期限的情形】" in highlighted
        if doc_id == "evidence":
            assert len(d.tables) == 1
            table = d.tables[0]
            cells = [[c.text for c in row.cells] for row in table.rows]
            assert cells[0] == ["序号", "证据名称", "来源", "证明对象", "内容", "证明目的"]
            assert cells[1] == ["一、证明被告具有法定职权的证据和依据"] * 6          # merged group row
            assert cells[2] == ["1", "《中华人民共和国行政处罚法》", "公开出版物", "答辩人的法定职权", "第二十二条",
                                "证明答辩人具有作出被诉行政行为的法定职权"]
            assert cells[4] == ["2", "现场检查笔录", "答辩人执法人员制作", "原告的违法事实", "2025年11月5日现场检查情况",
                                "证明原告存在违法行为"]
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


def test_print_shows_only_the_documents_on_a4(staff):
    page = staff
    page.emulate_media(media="print")
    try:
        assert not page.locator("form[data-documents-form]").is_visible()
        assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
        assert not page.locator(".doc-tools").first.is_visible()
        assert not page.locator(".doc-sheet .doc-note").first.is_visible()
        assert page.locator('.doc-page[data-doc="answer"] .doc-sheet').is_visible()
        body = page.locator('.doc-page[data-doc="answer"] .doc-p').first.evaluate(
            "n => [getComputedStyle(n).fontSize, getComputedStyle(n).lineHeight]")
        assert body == ["21.3333px", "37.3333px"]      # 16 pt at a 28 pt line
        assert "FangSong" in page.locator(".doc-sheet").first.evaluate("n => getComputedStyle(n).fontFamily")
        page.screenshot(path=str(ARTIFACTS / "documents-print.png"), full_page=True)
        pdf = page.pdf(prefer_css_page_size=True)
    finally:
        page.emulate_media(media="screen")
    (ARTIFACTS / "documents-print.pdf").write_bytes(pdf)
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert boxes and all(abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5 for w, h in boxes)   # A4
    assert len(re.findall(rb"/Type /Page\b", pdf)) >= len(DOCUMENTS)   # each document starts a new sheet


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
            for field in page.locator(f'[data-rows="{name}"] .doc-row[data-row="{i}"] input[type=text], '
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

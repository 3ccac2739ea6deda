"""The papers as Word documents: written by the site's own writer (docx-writer.js with the pinned
`docx` library, run under Node by tests/documents_docx.mjs — the code the browser runs), read
back with python-docx (document grid, fonts, keep-with-next, page-number fields), and rendered
through LibreOffice to PDF (one soffice call for the module) to check the pages as a clerk
would: page counts, 28 characters a line, and no page holding only a signature block.

LibreOffice does not set a character grid finer than the glyphs the way Word does (it gives
each 16 pt character two cells of Word's 15.79 pt grid), and it snaps table text to the line
grid, which Word does not; before rendering, the test replaces the grid by what it amounts to
in Word — lines of exactly 28.95 pt (the paragraphs' own spacing) and characters set 0.25 pt
closer — so that the PDF shows Word's layout. Nor does LibreOffice keep a table with the
paragraph after it (Word does, with keep-with-next on the table's last rows, checked in the
.docx here, and the browser print does, checked in test_documents_page.py): for a paper whose
signature follows a table the LibreOffice PDF is checked for an unsplit signature block only. The missing office fonts (仿宋, 黑体, 方正小标宋简体, 宋体)
are mapped to the Noto CJK faces for the rendering only.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from calculators import run
from documents_case import CASE, LONG_PARAGRAPH, case, shapes
from documents_pdf import full_lines, page_count, pages, signature_problems

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
"""
# extra lines of facts added to the answer so that its closing falls at every place of a page
STEPS = range(0, 22, 3)


def _after_table(model: dict) -> bool:
    """The paper's signature follows a table with at most one line of text between them."""
    return any(b["type"] == "table" and b.get("keep_end") for b in model["blocks"])


def _package(params: dict) -> dict:
    return {d["id"]: d for d in run("documents", params)["documents"]}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """{name: (model, .docx path, .pdf path)} for every paper of the test packages."""
    tmp = tmp_path_factory.mktemp("docx")
    models = {}
    for shape, params in shapes().items():
        for doc in _package(params).values():
            models[f"{shape}-{doc['id']}"] = doc
    for extra in STEPS:
        facts = CASE["facts"] + "".join(f"\n{LONG_PARAGRAPH[:28 * (1 + n % 3)]}" for n in range(extra))
        models[f"step{extra:02d}-answer"] = _package(case(facts=facts))["answer"]
    (tmp / "models.json").write_text(json.dumps([{"name": f"{k}.docx", "model": m} for k, m in models.items()],
                                                ensure_ascii=False), encoding="utf-8")
    word = tmp / "word"
    word.mkdir()
    subprocess.run(["node", str(ROOT / "tests/documents_docx.mjs"), str(tmp / "models.json"), str(word)],
                   check=True, capture_output=True, timeout=300)
    office = tmp / "office"
    office.mkdir()
    for path in word.glob("*.docx"):
        as_word_lays_it_out(path, office / path.name)
    (tmp / "fonts.conf").write_text(FONTS_CONF, encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(tmp / "fonts.conf"), HOME=str(tmp))
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: apt-get install libreoffice-writer-nogui (bash dev.sh setup installs it)"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp / "pdf"), *sorted(str(p) for p in office.glob("*.docx"))],
                   check=True, capture_output=True, timeout=600, env=env)
    return {name: (model, word / f"{name}.docx", tmp / "pdf" / f"{name}.pdf") for name, model in models.items()}


def as_word_lays_it_out(source: Path, target: Path) -> None:
    """A copy whose character grid is replaced by the spacing Word's grid amounts to (see above)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb'<w:docGrid w:type="linesAndChars" w:linePitch="(\d+)" w:charSpace="-?\d+"/>',
                              rb'<w:docGrid w:linePitch="\1"/>', data)
            if item.filename == "word/styles.xml":
                data = data.replace(b"<w:rPrDefault><w:rPr>", b'<w:rPrDefault><w:rPr><w:spacing w:val="-5"/>', 1)
            zout.writestr(item, data)


# --- read back with python-docx ---------------------------------------------------------------

def test_the_page_is_gb_t_9704_with_a_character_grid(rendered):
    d = docx.Document(rendered["late-answer"][1])
    section = d.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    # 22 lines in 225 mm: 12756 twips / 22 = 579; 28 characters in 156 mm: 15.79 pt, 0.21 pt
    # below the 16 pt body size, in 1/4096 pt: -849
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch")), grid.get(qn("w:charSpace"))) == \
        ("linesAndChars", "579", "-849")
    styles = d.styles.element
    assert styles.xpath("//w:docDefaults//w:rFonts/@w:eastAsia") == ["仿宋"]
    assert styles.xpath("//w:docDefaults//w:sz/@w:val") == ["32"]
    title = d.styles["Title"]
    assert title.font.size.pt == 22 and title.font.bold is False
    assert title.element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert styles.xpath('//w:style[@w:styleId="Heading1"]/w:rPr/w:rFonts/@w:eastAsia') == ["黑体"]
    assert styles.xpath('//w:style[@w:styleId="Heading1"]/w:pPr/w:keepNext')


def test_page_numbers_are_fields_at_the_outside_edge(rendered):
    d = docx.Document(rendered["late-answer"][1])
    section = d.sections[0]
    assert d.settings.odd_and_even_pages_header_footer is True
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        p = footer.paragraphs[0]
        assert p.alignment.name == side.upper()
        xml = p._p.xml
        assert "PAGE" in "".join(p._p.xpath(".//w:instrText/text()")) or 'w:instr="PAGE' in xml
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert p.runs[0].font.size.pt == 14


def test_signature_and_closing_keep_together(rendered):
    model, path, _ = rendered["late-answer"]
    d = docx.Document(path)
    paras = d.paragraphs
    texts = [p.text for p in paras]
    sig = texts.index("答辩人：聊城市市场监督管理局")
    # the closing, 此致 and the court keep with the signature; its lines keep together and with
    # the attachment list that follows it
    for p in paras[sig - 3:sig + 1]:
        assert p.paragraph_format.keep_with_next is True, p.text
    assert paras[sig].paragraph_format.keep_together is True
    assert texts[sig - 3].startswith("综上所述") and texts[sig - 2] == "此致" and texts[sig - 1] == "聊城市东昌府区人民法院"
    assert paras[sig - 2].paragraph_format.first_line_indent is not None        # 此致 indented two characters
    assert paras[sig - 1].paragraph_format.first_line_indent is None             # the court flush left
    assert texts[sig + 2].startswith("附：1. 本答辩状副本2份；")
    headings = [p for p in paras if p.style.style_id == "Heading1"]
    assert [p.text for p in headings][:2] == ["答辩请求：", "事实与理由："]
    assert all(p.paragraph_format.keep_with_next for p in headings)


def test_no_instruction_text_in_any_paper(rendered):
    for name, (model, path, _) in rendered.items():
        text = "\n".join(p.text for p in docx.Document(path).paragraphs)
        assert "加盖" not in text and "印章" not in text and "说明：" not in text and "盖章处" not in text, name


def test_a_table_before_the_signature_keeps_its_last_rows_with_it(rendered):
    for name in ("late-evidence", "pasted-answer", "later-cross"):
        table = docx.Document(rendered[name][1]).tables[-1]
        for row in table.rows[-2:]:
            assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs), name


def test_evidence_table_keeps_group_rows_with_their_first_item(rendered):
    d = docx.Document(rendered["late-evidence"][1])
    table = d.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["序号", "证据名称", "来源", "证明对象/证明目的", "内容", "原件/复印件", "页码"]
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    group = table.rows[1]
    assert cells[1] == ["一、证明被告具有法定职权的证据和依据"] * 7
    assert group._tr.xpath(".//w:pPr/w:keepNext")
    assert cells[2][0] == "1" and cells[2][-1] == "1-3"


# --- rendered through LibreOffice ----------------------------------------------------------------

def test_every_paper_renders_and_no_page_holds_only_a_signature(rendered):
    problems, counts = [], {}
    for name, (model, _, pdf) in rendered.items():
        assert pdf.exists(), f"LibreOffice did not render {name}"
        page_lines = pages(pdf)
        counts[name] = len(page_lines)
        problems += signature_problems(model, page_lines, minimum=0 if _after_table(model) else 2)
    print("pages:", counts)
    assert problems == []
    # the one-page papers stay on one page; the answers of the test cases fit in three
    for name, count in counts.items():
        if name.rsplit("-", 1)[1] in ("representative", "head", "authorization", "absence"):
            assert count == 1, (name, count)
        if name.endswith("-answer") and not name.startswith("step"):
            assert count <= 3, (name, count)


def test_the_closing_never_leaves_the_signature_alone_wherever_the_page_ends(rendered):
    """The answer with 0, 3, 6 … 21 more lines of facts: the page end falls at every place of
    the closing, 此致, the court, the signature and the attachments."""
    seen = set()
    for extra in STEPS:
        model, _, pdf = rendered[f"step{extra:02d}-answer"]
        page_lines = pages(pdf)
        assert signature_problems(model, page_lines) == [], extra
        sig = next(i for i, lines in enumerate(page_lines) if "答辩人：聊城市市场监督管理局" in lines)
        seen.add(page_lines[sig].index("答辩人：聊城市市场监督管理局"))
        attached = [i for i, lines in enumerate(page_lines) if any(line.startswith("附：") for line in lines)]
        assert attached == [sig], "the attachment list stays with the signature"
    assert len(seen) > 3, "the signature must have fallen at several places of its page"


def test_lines_of_28_characters_and_pages_of_22_lines(rendered):
    page_lines = pages(rendered["late-answer"][2])
    lines = full_lines(page_lines, LONG_PARAGRAPH)
    assert lines and all(len(line) == 28 for line in lines), lines
    assert max(len(p) for p in pages(rendered["step21-answer"][2])) <= 22
    assert page_count(rendered["step21-answer"][2]) >= 2

"""证据目录 (measures/16): every item numbered in the order entered, with its source, what it
proves (证明对象/证明目的), its content, whether an original or a copy is submitted, and its
pages, counted from the page counts entered (alp/34/1, alp/67/1; the court's receipt lists
items and pages). The category is shown either as a row wherever it changes or as a column,
as the user chooses; sealed by the agency (measures/17/1)."""
from .. import notices
from ..citations import render as law
from ..numerals import to_chinese
from .blocks import cn_date, document as make_document, group, line, note, paragraph, placeholder, row, signature, \
    table, title
from .case import Case
from .rows import EVIDENCE_CATEGORIES, EVIDENCE_CATEGORY_SHORT, EVIDENCE_FORMS

COLUMNS = ["序号", "证据名称", "来源", "证明对象/证明目的", "内容", "原件/复印件", "页码"]
WIDTHS = [8, 17, 13, 24, 18, 11, 9]
COLUMNS_WITH_CATEGORY = ["序号", "类别", "证据名称", "来源", "证明对象/证明目的", "内容", "原件/复印件", "页码"]
WIDTHS_WITH_CATEGORY = [8, 10, 15, 11, 21, 16, 10, 9]


def page_ranges(evidence: list[dict]) -> list[str]:
    """1-3, 4, 5-9 … from the page counts; from the first item without a count on, ''."""
    out, first, known = [], 1, True
    for item in evidence:
        pages = item.get("pages")
        if not known or not pages:
            known = False
            out.append("")
            continue
        last = first + pages - 1
        out.append(str(first) if pages == 1 else f"{first}-{last}")
        first = last + 1
    return out


def totals(evidence: list[dict]) -> tuple[int, int | None]:
    """(items, pages) — pages None unless every item has its count."""
    if evidence and all(item.get("pages") for item in evidence):
        return len(evidence), sum(item["pages"] for item in evidence)
    return len(evidence), None


def proves(item: dict) -> str:
    if item["object"] and item["purpose"]:
        return f"证明对象：{item['object']}\n证明目的：{item['purpose']}"
    return item["object"] or item["purpose"]


def table_rows(evidence: list[dict], layout: str = "group") -> list[dict]:
    """The items numbered 1, 2, … in the order entered; in the group layout a category row
    (一、二、…) wherever the category changes."""
    rows, headings, previous = [], 0, None
    for number, (item, pages) in enumerate(zip(evidence, page_ranges(evidence)), 1):
        cells = [str(number), item["name"], item["source"], proves(item), item["content"], EVIDENCE_FORMS[item["form"]],
                 pages]
        if layout == "column":
            rows.append(row(cells[0], EVIDENCE_CATEGORY_SHORT[item["category"]], *cells[1:]))
            continue
        if item["category"] != previous:
            headings += 1
            rows.append(group(f"{to_chinese(headings)}、{EVIDENCE_CATEGORIES[item['category']]}"))
            previous = item["category"]
        rows.append(row(*cells))
    return rows


def check(case: Case) -> None:
    """Warn about what the list cannot show: no evidence, missing page counts, categories
    interleaved in the group layout."""
    if not case.evidence:
        case.warnings.append(notices.warning(
            "documents.no_evidence", "证据目录尚无证据：被告对作出的行政行为负有举证责任，应当在答辩期限内提供作出该行政行为"
            "的证据和所依据的规范性文件（[[alp/34/1]]、[[alp/67/1#]]）。"))
        return
    missing = [n for n, item in enumerate(case.evidence, 1) if not item.get("pages")]
    if missing:
        case.warnings.append(notices.warning(
            "documents.evidence_pages_missing",
            f"序号{missing[0]}的证据未填页数，证据目录从该项起的页码留空待手写；填写各项页数后自动编排页码。",
            items=missing))
    if case.evidence_layout == "group":
        seen, previous = [], None
        for item in case.evidence:
            if item["category"] != previous and item["category"] in seen:
                case.warnings.append(notices.warning(
                    "documents.evidence_interleaved",
                    f"“{EVIDENCE_CATEGORIES[item['category']]}”的证据不相邻，证据目录中该类别出现了两次；"
                    "可用“上移”“下移”把同类证据排在一起，或者改为类别单列一栏。", category=item["category"]))
                break
            seen.append(item["category"])
            previous = item["category"]


def document(case: Case) -> dict:
    check(case)
    column = case.evidence_layout == "column"
    blocks = [title("证据目录"),
              line(f"案号：{case.case_number}"),
              line(f"案件：{case.case_title()}"),
              line(f"提交人：{case.agency_name}（被告）")]
    blocks.append(table(COLUMNS_WITH_CATEGORY if column else COLUMNS, WIDTHS_WITH_CATEGORY if column else WIDTHS,
                        table_rows(case.evidence, case.evidence_layout)))
    items, pages = totals(case.evidence)
    if items:
        blocks.append(paragraph(f"以上证据共{items}项" + (f"，共{pages}页。" if pages else "。")))
    else:
        blocks.append(paragraph(f"以上证据共{placeholder('  ')}项。"))
        blocks.append(note("尚未填写证据。请在表单的“证据”部分逐项添加。"))
    blocks.append(signature(f"提交人：{case.agency_name}", cn_date(case.answer_date)))
    blocks.append(note(law("证据目录应当逐一分类编号，对证据材料的来源、证明对象、内容以及证明目的作出说明"
                           "（[[measures/16]]）；在提交人署名处加盖应诉机关印章（[[measures/17/1]]）。")))
    return make_document("evidence", "证据目录", blocks, case_number=case.case_number,
                         basis=["measures/16", "measures/17/1", "alp/34/1", "alp/67/1"])

"""证据目录 (measures/16): the evidence numbered one by one and grouped by category, with the
source, object of proof, content and purpose of each item; submitted with the answer within
the time limit of alp/67/1 and sealed (measures/17/1)."""
from .. import notices
from ..numerals import to_chinese
from .blocks import SEAL, cn_date, document as make_document, group, line, note, paragraph, row, signature, \
    table, title
from .case import Case
from .rows import EVIDENCE_CATEGORIES

COLUMNS = ["序号", "证据名称", "来源", "证明对象", "内容", "证明目的"]
WIDTHS = [7, 19, 15, 17, 21, 21]


def table_rows(evidence: list[dict]) -> list[dict]:
    """Group rows (一、二、… by category, in the order of EVIDENCE_CATEGORIES) and numbered items
    (1, 2, … running through the whole list, so each item keeps one number)."""
    rows, number, heading = [], 0, 0
    for category, name in EVIDENCE_CATEGORIES.items():
        items = [e for e in evidence if e["category"] == category]
        if not items:
            continue
        heading += 1
        rows.append(group(f"{to_chinese(heading)}、{name}"))
        for item in items:
            number += 1
            rows.append(row(str(number), item["name"], item["source"], item["object"], item["content"],
                            item["purpose"]))
    return rows


def document(case: Case) -> dict:
    blocks = [title("证据目录")]
    blocks.append(line(f"案号：{case.case_number}"))
    blocks.append(line(f"案件：{case.case_title()}"))
    blocks.append(line(f"提交人：{case.agency_name}（被告）"))
    rows = table_rows(case.evidence)
    blocks.append(table(COLUMNS, WIDTHS, rows))
    if not rows:
        blocks.append(note("尚未填写证据。请在表单的“证据”部分逐项添加。"))
        case.warnings.append(notices.warning(
            "documents.no_evidence", "证据目录尚无证据：被告对作出的行政行为负有举证责任，应当在答辩期限内提供作出该行政行为"
            "的证据和所依据的规范性文件（[[alp/34/1]]、[[alp/67/1#]]）。"))
    blocks.append(paragraph(f"以上证据共{len(case.evidence)}项。" if case.evidence else "以上证据共【  】项。"))
    blocks.append(signature(f"提交人：{case.agency_name}", SEAL, cn_date(case.answer_date)))
    blocks.append(note("证据目录应当逐一分类编号，对证据材料的来源、证明对象、内容以及证明目的作出说明（办法第十六条）。"))
    return make_document("evidence", "证据目录", blocks, case_number=case.case_number,
                         basis=["measures/16", "measures/17/1", "alp/34/1", "alp/67/1"])

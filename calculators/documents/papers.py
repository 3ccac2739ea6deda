"""Which papers a case calls for, in the order of the package: the papers filed with the court
in the order the proceedings need them, then the internal ones; and, for the page, the papers
not yet generated with what makes them appear."""
from . import answer, appeal, element, evidence, filing, hearing, judgment, risk
from .blocks import distinct_filenames
from .case import Case
from .fields import APPEALS, label


def optional() -> dict:
    """Paper id -> (title, what makes it appear), for the papers that depend on the facts
    (a function: the form's labels are read when the form module is complete)."""
    return {
        "head": ("出庭应诉负责人身份证明书", f"填写“{label('head_name')}”（负责人出庭的）"),
        "extension": ("延长举证期限申请书", f"勾选“{label('extension')}”"),
        "record": ("备案函", "按应诉承办单位的规定需要报同级司法行政机关备案的案件"),
        "absence": ("负责人不能出庭应诉情况说明", f"勾选“{label('head_absent')}”"),
        "postpone": ("延期开庭申请书", f"勾选“{label('head_absent')}”和“{label('hearing_postpone')}”"),
        "cross": ("质证意见", "在“原告证据”中添加原告提交的证据"),
        "appeal": ("行政上诉状", f"“{label('appeal')}”选择“{APPEALS['agency']}”"),
        "appeal_answer": ("被上诉人答辩状", f"“{label('appeal')}”选择“{APPEALS['opponent']}”"),
        "suggestion": ("司法建议书或者检察建议书回复函", f"选择“{label('suggestion_kind')}”"),
        "absence_report": ("负责人未出庭应诉情况报告", f"勾选“{label('head_absent')}”"),
        "proposal": ("上诉或者再审建议", f"“{label('appeal')}”选择“{APPEALS['agency']}”或者“{APPEALS['retrial']}”"),
        "performance": ("生效裁判履行情况报告", f"勾选“{label('performance')}”"),
    }


def build(case: Case) -> list[dict]:
    """Every paper of the case but the checklist (added by the caller)."""
    answer_doc = element.document(case) if case.answer_form == "element" else answer.document(case)
    docs = [answer_doc, evidence.document(case), *filing.documents(case)]
    record = filing.record_letter(case)
    if record:
        docs.append(record)
    docs += hearing.documents(case) + appeal.documents(case) + judgment.documents(case)
    docs.append(risk.document(case))
    docs += hearing.internal(case) + appeal.internal(case) + judgment.internal(case)
    distinct_filenames(docs)
    return docs


def available(case: Case, made: list[dict] | None = None) -> list[dict]:
    """The optional papers not generated for these facts, and how to get them."""
    ids = {d["id"] for d in (made if made is not None else build(case))}
    return [{"id": key, "title": title, "how": how} for key, (title, how) in optional().items() if key not in ids]

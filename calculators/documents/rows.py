"""Reading the lists of the form: agents (诉讼代理人), evidence (证据) and the plaintiff's
evidence (原告证据, for the 质证意见).

Each list is a JSON array of objects. Every problem raises InputError whose field is
``"<list>.<row index>.<column>"`` (e.g. ``agents.1.kind``) — or the list's own name when the
list as a whole is wrong — and whose message names the row in Chinese, so the page can put it
next to the right input.
"""
from typing import NamedTuple

from .. import inputs
from ..errors import InputError


class Column(NamedTuple):
    name: str
    kind: str            # text | choice | int (a count: pages)
    label: str
    required: bool = False
    options: dict | None = None
    default: str | None = None
    max_length: int = 500
    lines: int = 1       # >1: a multi-line text box on the page


AGENT_KINDS = {
    "staff": "本机关工作人员（熟悉相关业务）",
    "lawyer": "律师（含政府法律顾问）",
}
AGENT_KIND_SHORT = {"staff": "本机关工作人员", "lawyer": "律师"}
AUTHORITIES = {
    "general": "一般授权",
    "special": "特别授权",
}
# the powers of a defendant agency's agent: no 收集证据 (alp/35 forbids a defendant to collect
# evidence once sued), no 放弃、变更诉讼请求 (a defendant has none); mediation only where alp/60/1
# allows it
AUTHORITY_TEXT = {
    "general": "一般授权：代为出庭应诉，提交证据，陈述事实和理由，参加法庭调查、质证和辩论，核对庭审笔录，签收法律文书。",
    "special": ("特别授权：除一般授权事项外，代为承认原告的诉讼请求，在依法可以调解的范围内参加调解、和解，"
                "代为提起或者撤回上诉、申请再审。"),
}
EVIDENCE_CATEGORIES = {
    "authority": "证明被告具有法定职权的证据和依据",
    "procedure": "证明被诉行政行为程序合法的证据",
    "facts": "证明被诉行政行为认定事实的证据",
    "law": "被诉行政行为所依据的规范性文件",
    "objection": "证明程序性答辩意见的证据",
    "reconsideration": "证明行政复议程序合法的证据",
    "other": "其他证据",
}
EVIDENCE_CATEGORY_SHORT = {"authority": "职权依据", "procedure": "程序", "facts": "事实", "law": "规范性文件",
                           "objection": "程序性答辩", "reconsideration": "复议程序", "other": "其他"}
EVIDENCE_FORMS = {"copy": "复印件", "original": "原件", "electronic": "电子数据"}
OPINIONS = {"undecided": "待定", "accept": "认可", "dispute": "不认可"}

AGENT_COLUMNS = (
    Column("name", "text", "姓名", required=True, max_length=50),
    Column("post", "text", "工作单位及职务", required=True, max_length=100),
    Column("kind", "choice", "身份", required=True, options=AGENT_KINDS, default="staff"),
    Column("authority", "choice", "代理权限", options=AUTHORITIES, default="general"),
    Column("phone", "text", "联系电话", max_length=50),
)
EVIDENCE_COLUMNS = (
    Column("category", "choice", "类别", required=True, options=EVIDENCE_CATEGORIES, default="facts"),
    Column("name", "text", "证据名称", required=True, max_length=200),
    Column("source", "text", "来源", max_length=200),
    Column("form", "choice", "原件/复印件", options=EVIDENCE_FORMS, default="copy"),
    Column("pages", "int", "页数", max_length=4),
    Column("object", "text", "证明对象", max_length=500),
    Column("content", "text", "内容", max_length=1000, lines=2),
    Column("purpose", "text", "证明目的", max_length=1000, lines=2),
)
PLAINTIFF_EVIDENCE_COLUMNS = (
    Column("name", "text", "证据名称", required=True, max_length=200),
    Column("purpose", "text", "原告的证明目的", max_length=500),
    Column("authenticity", "choice", "真实性", options=OPINIONS, default="undecided"),
    Column("legality", "choice", "合法性", options=OPINIONS, default="undecided"),
    Column("relevance", "choice", "关联性", options=OPINIONS, default="undecided"),
    Column("opinion", "text", "质证意见", max_length=1000, lines=2),
)

MAX_AGENTS = 2        # alp/31/1, measures/27/1: 1 to 2 agents
MAX_EVIDENCE = 200
MAX_PAGES = 9999


class List(NamedTuple):
    """A list of rows of the documents form: its label and unit in messages, columns, how many."""
    label: str
    unit: str
    columns: tuple
    minimum: int
    maximum: int


LISTS = {
    "agents": List("诉讼代理人", "名", AGENT_COLUMNS, 1, MAX_AGENTS),
    "evidence": List("证据", "项", EVIDENCE_COLUMNS, 0, MAX_EVIDENCE),
    "plaintiff_evidence": List("原告证据", "项", PLAINTIFF_EVIDENCE_COLUMNS, 0, MAX_EVIDENCE),
}


def read_list(params: dict, name: str) -> list[dict]:
    """The list `name` of LISTS, read (the first error raised)."""
    spec = LISTS[name]
    return read(params, name, spec.label, spec.unit, spec.columns, minimum=spec.minimum, maximum=spec.maximum)


def list_errors(params: dict) -> list[InputError]:
    """Every error of every list at once, one per row and column (read() stops at the first),
    for the page that lists them all (calculators/validate.py)."""
    found = []
    for name, spec in LISTS.items():
        try:
            read_list(params, name)
            continue
        except InputError as first:
            value = params.get(name)
            if not isinstance(value, list) or not spec.minimum <= len(value) <= spec.maximum:
                found.append(first)
                continue
        for index, item in enumerate(value):
            for col in spec.columns if isinstance(item, dict) else spec.columns[:1]:
                try:
                    _row(name, spec.label, spec.unit, index, item, (col,))
                except InputError as error:
                    found.append(error)
    return found


def read(params: dict, field: str, label: str, unit: str, columns: tuple, *, minimum: int, maximum: int) -> list[dict]:
    """The list `field` as a list of dicts holding every column (choices default, text '')."""
    value = params.get(field)
    if value is None or value == "":
        value = []
    if not isinstance(value, list):
        raise InputError(field, f"“{label}”应为若干行的列表。")
    if len(value) < minimum:
        raise InputError(field, f"请至少填写{minimum}{unit}“{label}”。")
    if len(value) > maximum:
        raise InputError(field, f"“{label}”最多{maximum}{unit}，现有{len(value)}{unit}。")
    return [_row(field, label, unit, i, item, columns) for i, item in enumerate(value)]


def _row(field: str, label: str, unit: str, index: int, item, columns: tuple) -> dict:
    where = f"“{label}”第{index + 1}{unit}"
    if not isinstance(item, dict):
        raise InputError(f"{field}.{index}", f"{where}的内容无法识别，请删除该{unit}后重新填写。")
    out = {}
    for col in columns:
        try:
            if col.kind == "int":
                out[col.name] = _count(item, col)
            elif col.kind == "choice":
                out[col.name] = inputs.choice(item, col.name, col.label, col.options,
                                              required=col.required and col.default is None) or col.default
            else:
                out[col.name] = inputs.text(item, col.name, col.label, required=col.required,
                                            max_length=col.max_length, multiline=col.lines > 1)
                if col.required and not out[col.name]:
                    raise InputError(col.name, f"请填写“{col.label}”。")
        except InputError as error:
            raise InputError(f"{field}.{index}.{col.name}", f"{where}：{error.message}") from None
    return out


def _count(item: dict, col: Column) -> int | None:
    """A count typed in a row (pages): empty is None; the page sends numbers or digit strings."""
    value = item.get(col.name)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if value is None or value == "":
        return None
    number = inputs.integer({col.name: value}, col.name, col.label, minimum=1)
    if number > MAX_PAGES:
        raise InputError(col.name, f"“{col.label}”不超过{MAX_PAGES}。")
    return number

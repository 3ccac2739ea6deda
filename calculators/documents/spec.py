"""The documents calculator's spec: its page is written by hand (lists of rows, its own script);
its title, intro, fields and provisions live beside the fields (fields.py)."""
from ..spec import Spec
from . import fields, rows
from .calculator import documents

SPEC = Spec(
    name="documents", title=fields.TITLE, order=60, page=False,
    purpose="答辩状（传统格式或要素式）、证据目录、身份证明书、授权委托书、负责人不能出庭情况说明、延期开庭申请书、"
            "上诉和再审文书、备案函、履行情况报告、建议回复函等，可打印、下载 Word 文档",
    intro=fields.INTRO, fields=fields.fields(), refs=fields.REFS,
    run=documents, present=None, rule_table=None, more_errors=rows.list_errors,
    example={"court": "聊城市东昌府区人民法院", "case_number": "（2026）鲁1502行初1号", "plaintiffs": "张某",
             "agency_name": "聊城市某局", "representative_name": "李某", "representative_title": "局长",
             "defendant": "department", "complaint_served": "2026-09-16",
             "agents": [{"name": "王某", "post": "法规科科长", "kind": "staff"}]},
)

"""The documents calculator's spec: its page is written by hand (lists of rows, its own script)."""
from ..spec import Spec
from .calculator import documents
from .fields import documents_fields

SPEC = Spec(
    name="documents", title="应诉文书生成", order=60, page=False,
    purpose="答辩状、证据目录、法定代表人身份证明书、授权委托书、出庭应诉负责人身份证明书、败诉风险评估报告提纲和"
            "应诉工作清单，可打印、下载 Word 文档",
    intro="填写案件基本情况，生成答辩状、证据目录、法定代表人身份证明书、授权委托书、出庭应诉负责人身份证明书、"
          "败诉风险评估报告提纲和应诉工作清单，可打印或下载为 Word 文档。",
    fields=documents_fields(),
    refs=("measures/13/1", "measures/15/1", "measures/15/2", "measures/16", "measures/17/1", "measures/17/2",
          "measures/18/1", "measures/19/4", "measures/27/1", "measures/38/1", "measures/44/2", "measures/46"),
    run=documents, present=None, rule_table=None,
    example={"court": "聊城市东昌府区人民法院", "case_number": "（2026）鲁1502行初1号", "plaintiffs": "张某",
             "agency_name": "聊城市某局", "representative_name": "李某", "representative_title": "局长",
             "defendant": "department", "complaint_served": "2026-09-16",
             "agents": [{"name": "王某", "post": "法规科科长", "kind": "staff"}]},
)

"""The facts of one case, read and checked, with the results of the other calculators."""
import datetime as dt
import re
from typing import NamedTuple

from .blocks import placeholder


class Case(NamedTuple):
    """One case's facts (read-only; `warnings` is the one list the documents add to)."""
    # the court and the parties (measures/15/1: 受理法院和案号、答辩机关基本信息)
    court: str
    case_number: str
    cause: str
    plaintiffs: list[str]
    third_parties: list[str]
    act: str
    agency_name: str
    agency_address: str
    representative_name: str
    representative_title: str
    # the answer's substance (measures/15/1: 事实和相关依据、主要观点和答辩请求、落款和日期)
    facts: str
    legal_basis: str
    views: str
    requests: str
    answer_date: dt.date | None
    objections: list[int]                     # measures/15/2: items ticked, 1..8
    # who answers and appears
    defendant: str
    reconsidered: bool
    reconsideration_role: str
    enterprise_party: bool
    head_name: str
    head_post: str
    agents: list[dict]
    evidence: list[dict]
    # dates and options
    complaint_served: dt.date
    hearing_date: dt.date | None
    loss_risk: bool
    extension: bool
    extension_reason: str
    # results of the other calculators (calculators.run), reused, not recomputed
    deadlines: dict                          # deadline id -> entry of the deadlines result
    undertaker: dict
    principal: dict
    filing_period: dict | None               # None when no dates for the time limit were given
    filing_inputs: dict                      # the dates given for filing_period
    warnings: list[str]                      # pass a new list: the documents append to it

    def plaintiff_short(self) -> str:
        """张某 / 张某、李某 / 张某等4名原告: the plaintiffs' names (first part of each line)."""
        names = [re.split(r"[，,（(：:]", p, maxsplit=1)[0].strip() or p for p in self.plaintiffs]
        if not names:
            return placeholder("原告")
        if len(names) <= 3:
            return "、".join(names)
        return f"{names[0]}等{len(names)}名原告"

    def cause_text(self) -> str:
        return self.cause or placeholder("案由")

    def case_title(self) -> str:
        """原告张某诉某局行政处罚一案."""
        return f"原告{self.plaintiff_short()}诉{self.agency_name}{self.cause_text()}一案"

    def due(self, deadline_id: str) -> dt.date | None:
        entry = self.deadlines.get(deadline_id)
        return dt.date.fromisoformat(entry["due"]) if entry else None

    def head_appears(self) -> bool:
        """A head of the agency appears in court (alp/3/3, measures/19/1, /24/1)."""
        return bool(self.principal["head_must_appear"])

"""The facts of one case, read and checked, with the results of the other calculators, and the
ways the papers name the case (case titles)."""
import datetime as dt
from typing import NamedTuple

from . import parties as party_names
from .blocks import cn_date, placeholder
from .parties import Party

RECONSIDERATION_SUFFIX = "及行政复议"


class Case(NamedTuple):
    """One case's facts (read-only; `warnings` is the one list the documents add to)."""
    # the court and the parties (measures/15/1: 受理法院和案号、答辩机关基本信息)
    court: str
    case_number: str
    cause: str
    plaintiffs: list[Party]
    third_parties: list[Party]
    co_defendants: list[str]                  # names, in the order the court lists them
    act: str
    agency_name: str
    agency_address: str
    agency_phone: str
    representative_name: str
    representative_title: str
    justice_bureau: str
    undertaker_unit: str
    # the answer's substance (measures/15/1: 事实和相关依据、主要观点和答辩请求、落款和日期)
    answer_form: str                          # traditional | element
    requests: str
    authority: str
    facts: str
    legal_basis: str
    views: str
    duty_claim: bool
    answer_date: dt.date | None
    objections: list[int]                     # measures/15/2: items ticked, 1..8
    # who answers and appears
    defendant: str
    reconsidered: bool
    reconsideration_role: str                 # none | sole | joint_original | joint_reconsideration
    reconsideration_body: str                 # the reconsideration organ's name ('' if unknown)
    reconsideration_decision: str
    reconsideration_date: dt.date | None
    reconsideration_outcome: str
    enterprise_party: bool
    head_name: str
    head_post: str
    agents: list[dict]
    evidence: list[dict]
    evidence_layout: str
    plaintiff_evidence: list[dict]
    # dates and options
    complaint_served: dt.date
    hearing_date: dt.date | None
    loss_risk: bool
    extension: bool
    extension_reason: str
    head_absent: bool
    head_absence_ground: str
    head_absence_reason: str
    hearing_postpone: bool
    # after the judgment
    ruling: dict                              # kind, date, served, result, effective
    appeal: str                               # none | opponent | agency | retrial
    appeal_court: str
    appeal_served: dt.date | None
    performance: bool
    suggestion: dict                          # kind, from, number, received
    # results of the other calculators (calculators.run), reused, not recomputed
    deadlines: dict                          # deadline id -> entry of the deadlines result
    undertaker: dict
    principal: dict
    filing_period: dict | None               # None when no dates for the time limit were given
    filing_inputs: dict                      # the dates given for filing_period
    warnings: list[dict]                     # pass a new list: the documents append to it

    # -- reconsideration ----------------------------------------------------------------------
    def is_reconsideration_body(self) -> bool:
        """This agency made the reconsideration decision (sole or joint defendant)."""
        return self.reconsideration_role in ("sole", "joint_reconsideration")

    def joint_with_body(self) -> bool:
        """The reconsideration organ and the original agency are co-defendants (alp/26/2)."""
        return self.reconsideration_role in ("joint_original", "joint_reconsideration")

    def body_name(self) -> str:
        """The reconsideration organ: this agency, the name entered, or a placeholder."""
        if self.is_reconsideration_body():
            return self.agency_name
        return self.reconsideration_body or placeholder("复议机关")

    def original_agency(self) -> str:
        """The agency that made the original act (the co-defendant when this is the body)."""
        if self.reconsideration_role == "joint_reconsideration":
            return "、".join(self.co_defendants)
        return self.agency_name

    def decision_text(self) -> str:
        return self.reconsideration_decision or placeholder("复议决定书文号")

    def decision_made(self) -> str:
        """于2026年3月5日作出的聊政复决字〔2026〕15号《行政复议决定书》 (作出 follows the date)."""
        when = cn_date(self.reconsideration_date) if self.reconsideration_date else placeholder("日期")
        return f"于{when}作出{self.decision_text()}"

    # -- names of the case --------------------------------------------------------------------
    def plaintiff_names(self) -> str:
        return party_names.names(self.plaintiffs) or placeholder("原告")

    def cause_text(self) -> str:
        """行政处罚 / 行政处罚及行政复议 (a reconsideration organ as co-defendant)."""
        cause = self.cause or placeholder("案由")
        if self.joint_with_body() and "复议" not in self.cause:
            cause += RECONSIDERATION_SUFFIX
        return cause

    def defendants(self, answerer: str | None = None) -> list[str]:
        """The defendants in the court's order, the original agency first; `answerer` replaces
        this agency's name (答辩人 in its own answer)."""
        me = answerer or self.agency_name
        if self.reconsideration_role == "joint_reconsideration":
            return [*self.co_defendants, me]
        return [me, *self.co_defendants]

    def _third(self) -> str:
        return f"、第三人{party_names.names(self.third_parties)}" if self.third_parties else ""

    def case_title(self) -> str:
        """原告张某诉被告某局、聊城市人民政府、第三人李某行政处罚及行政复议一案."""
        return f"原告{self.plaintiff_names()}诉被告{'、'.join(self.defendants())}{self._third()}{self.cause_text()}一案"

    def answer_title(self) -> str:
        """In this agency's own answer: 原告张某诉答辩人及聊城市人民政府行政处罚及行政复议一案."""
        named = self.defendants("答辩人")
        others = [d for d in named if d != "答辩人"]
        if not others:
            who = "答辩人"
        elif named[0] == "答辩人":
            who = "答辩人及" + "、".join(others)
        else:
            who = "、".join(others) + "及答辩人"
        return f"原告{self.plaintiff_names()}诉{who}{self._third()}{self.cause_text()}一案"

    # -- other facts ------------------------------------------------------------------------
    def due(self, deadline_id: str) -> dt.date | None:
        entry = self.deadlines.get(deadline_id)
        return dt.date.fromisoformat(entry["due"]) if entry else None

    def head_appears(self) -> bool:
        """A head of the agency appears in court: one must (alp/3/3, measures/19/1, /24/1) or
        one is named, and none is kept away."""
        return (bool(self.principal["head_must_appear"]) or bool(self.head_name)) and not self.head_absent

    def staff_agents(self) -> list[dict]:
        return [a for a in self.agents if a["kind"] == "staff"]

    def opposing_parties(self) -> int:
        """How many copies an answer needs: one for each plaintiff and third party."""
        return len(self.plaintiffs) + len(self.third_parties)

"""Warnings a result carries: structured, so no code ever filters them by their words.

A warning is ``{"code", "text", "refs", …}``: `code` says what it is about (other code tests
the code, never the text), `text` is the rendered Chinese sentence, `refs` the provisions it
names, and optional keys say what it concerns, e.g. ``"deadline": "answer"`` for a warning
about one deadline of the deadlines calculator, ``"years": [2027]`` for missing holiday data.

Codes in use (one line each, so a reader sees them all):
- ``holidays.arrangement_unknown``  a date falls in a year whose State Council arrangement is unknown
- ``period.ends_on_makeup_workday``  a statutory period's last day is a make-up working day
- ``period.internal_on_rest_day``    an internal period ends on a rest day (not extended)
- ``measures.expired``               a duty rests on the measures after their validity ended
- ``risk_report.immediate``          the loss-risk report is due no later than service
- ``filing.limits_combined``         several time limits for suing applied together
- ``filing.late_excusable``          a late suit may be excused (alp/48)
- ``filing.not_informed``            the agency did not state the time limit for suing
- ``filing.premature``               the suit came before the period its limit runs from had ended (``route``)
- ``statistics.invalid_case``        ledger records that could not be read were left out of the figures
- ``statistics.appearance_unrecorded``  heard cases without a record of who appeared
- ``documents.objection_timely``     objection (三) ticked but the dates show a timely suit (not drafted)
- ``documents.objection_3_no_dates`` objection (三) ticked without the dates to check it (not drafted)
- ``documents.no_evidence``          the evidence list is empty
- ``documents.evidence_pages_missing`` an evidence item has no page count (pages from it on left blank)
- ``documents.evidence_interleaved`` one evidence category appears in two places of the list
- ``documents.head_not_principal``   the principal head must appear but another head is named
- ``documents.head_missing``         no head named for the certificate of an appearing head
- ``documents.co_defendant_missing`` a reconsideration case with a co-defendant whose name is not given
- ``documents.reconsideration_inconsistent`` a joint defendant with a decision that changed the act
- ``documents.date_before_service``  the signing date precedes service of the complaint
- ``documents.date_after_deadline``  the signing date is after the answer deadline
"""
from __future__ import annotations

import datetime as dt

from . import citations


def warning(code: str, text: str, *, on: dt.date | None = None, **about) -> dict:
    """A warning whose `text` may name provisions as ref tokens (as they apply on `on`);
    `about` adds what it concerns."""
    return {"code": code, "text": citations.render(text, on), "refs": citations.refs(text, on), **about}


def codes(warnings: list[dict]) -> set[str]:
    return {w["code"] for w in warnings}

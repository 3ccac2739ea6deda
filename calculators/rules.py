"""The rules as they stand on one date: values, citations and words of the editions in force.

A calculator takes ``rules.At(day)`` for each date that decides which rules apply (the
service of the complaint, of a ruling, the hearing, the year) and asks it for everything
dated: ``value("register_period")`` (calculators/data/parameters.toml), ``cite("measures/38/1")``,
``text("按[[measures/38/1]]登记")``. It remembers every value and provision of the measures it
handed out whose edition was not in force on that day, so that the result can say plainly that
it follows an expired (or not yet effective) text instead of presenting it as binding.
"""
from __future__ import annotations

import datetime as dt

from . import citations, notices, parameters, provisions
from .periods import fmt


class At:
    """The rules in force on `day` (None: the newest rules, for a question without a date)."""

    def __init__(self, day: dt.date | None):
        self.day = day
        self.outside: dict[str, str] = {}    # edition id -> "expired" / "not_yet"

    def _mark(self, ref: str) -> None:
        edition, _ = provisions.parse(ref)
        if self.day is not None and not edition.in_force(self.day) and edition.edition:
            before = edition.effective_from is not None and self.day < edition.effective_from
            self.outside[edition.id] = "not_yet" if before else "expired"

    def param(self, name: str) -> parameters.Value:
        value = parameters.get(name, self.day)
        self._mark(value.ref)
        return value

    def value(self, name: str):
        return self.param(name).value

    def ref(self, ref: str) -> str:
        qualified = provisions.resolve(ref, self.day)
        self._mark(qualified)
        return qualified

    def cite(self, ref: str) -> dict:
        return provisions.cite(self.ref(ref))

    def text(self, text: str) -> str:
        for ref in citations.refs(text, self.day):
            self._mark(ref)
        return citations.render(text, self.day)

    def warning(self, code: str, text: str, **about) -> dict:
        for ref in citations.refs(text, self.day):
            self._mark(ref)
        return notices.warning(code, text, on=self.day, **about)

    @property
    def binding(self) -> bool:
        """Whether everything handed out was in force on the day."""
        return not self.outside

    def validity_warnings(self, **about) -> list[dict]:
        """One warning per edition of the measures used outside its validity."""
        out = []
        for edition_id, status in self.outside.items():
            edition = provisions.edition_of(*edition_id.split("@"))
            title = provisions.instrument(edition.id)["title"]
            span = f"{fmt(edition.effective_from)}至{fmt(edition.effective_until)}"
            if status == "expired":
                text = (f"{fmt(self.day)}不在《{title}》{edition.edition}年版的有效期（{span}）内，且尚无新版本录入。"
                        f"本项仍按{edition.edition}年版的规定计算，仅供参考，不作为有约束力的期限；"
                        "请核实办法是否已延续或修订。法定期间不受影响。")
                code = "measures.expired"
            else:
                text = (f"{fmt(self.day)}早于《{title}》{edition.edition}年版的施行日期（{span}），"
                        f"本项按{edition.edition}年版的规定计算，仅供参考。")
                code = "measures.not_yet"
            out.append(notices.warning(code, text, edition=edition.id, **about))
        return out

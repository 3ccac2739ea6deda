"""Dated rule values with their references (calculators/data/parameters.toml).

Each parameter lists its values over time, OpenFisca-style: from which day a value applies and
the provision that sets it. ``get(name, on)`` is the value in force on a case's date. A value set
by the measures holds until a later value replaces it, as long as an edition of the measures is
in force; its reference follows the edition in force (a revised edition that only renumbers the
provision needs no new value). With no edition in force the value is returned with status
"expired" (before the first edition took effect: "not_yet"), so results can say so instead of
applying it silently; where the edition in force deleted the provision, with status "deleted".
"""
from __future__ import annotations

import datetime as dt
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from . import provisions

FILE = Path(__file__).resolve().parent / "data" / "parameters.toml"


class Value(NamedTuple):
    """One value of a parameter, as it applies on a given date."""
    name: str
    title: str
    value: object
    unit: str
    ref: str                      # the provision that sets it, with its edition where it has one
    start: dt.date
    until: dt.date | None         # the end of its edition's validity (None: open-ended)
    status: str                   # "in_force", "expired" or "not_yet"

    @property
    def text(self) -> str:
        """15日, 3个工作日, 20% …"""
        return f"{self.value}{self.unit}"


@lru_cache(maxsize=None)
def table() -> dict:
    """name -> {"title", "unit", "values": [...]}, checked: every ref exists, dates ascend."""
    raw = tomllib.loads(FILE.read_text(encoding="utf-8"))
    for name, spec in raw.items():
        starts = [v["from"] for v in spec["values"]]
        if starts != sorted(starts) or len(set(starts)) != len(starts):
            raise ValueError(f"parameters.toml：{name} 的取值应按施行日期先后排列，且日期不重复")
        for v in spec["values"]:
            if not provisions.exists(v["ref"]):
                raise ValueError(f"parameters.toml：{name} 引用的条款 {v['ref']} 不存在")
    return raw


def names() -> list[str]:
    return list(table())


def _applied(ref: str, on: dt.date | None) -> tuple[str, str, dt.date | None]:
    """(the reference as it stands on `on`, status, end of that edition's validity)."""
    edition, _ = provisions.parse(ref)
    if on is None or edition.edition is None:
        return provisions.qualify(ref), "in_force", edition.effective_until
    applied, status = provisions.applicable(edition.key, on)
    if applied == edition:
        return provisions.qualify(ref), status, edition.effective_until
    mapped = provisions.in_edition(provisions.plain(ref), applied.id)
    if mapped is None:
        return provisions.qualify(ref), "deleted", applied.effective_until
    return mapped, status, applied.effective_until


def get(name: str, on: dt.date | None = None) -> Value:
    """The value of parameter `name` on `on` (the newest value when `on` is None)."""
    spec = table()[name]
    values = spec["values"]
    chosen = values[-1] if on is None else next((v for v in reversed(values) if v["from"] <= on), None)
    early = chosen is None
    if early:
        chosen = values[0]
    ref, status, until = _applied(chosen["ref"], on)
    if early and status == "in_force":
        status = "not_yet"
    return Value(name, spec["title"], chosen["value"], spec["unit"], ref, chosen["from"], until, status)


def history(name: str) -> list[Value]:
    """Every value of `name`, oldest first (for the rule tables on the pages)."""
    return [get(name, v["from"]) for v in table()[name]["values"]]

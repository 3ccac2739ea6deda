"""What a calculator's result says to a reader: a clear answer first, then why.

Each calculator's spec names its presenter, which turns a result into a small presentation
model that the page script renders as it is (all text escaped there): {"headline": [str],
"tone": "ok"|"warn"|"alert", "timeline": [...]?, "sections": [{"title", "items": [{"text",
"ref"?}]}], "warnings", "basis"}. Kept in Python so the words are tested with the rules.
"""
import datetime as dt

from . import provisions, registry

WEEKDAYS = "一二三四五六日"
KIND_NAMES = {"statutory": "法定期限", "internal": "内部期限"}


def cn_date(iso: str) -> str:
    """2026-10-08 -> 2026年10月8日（星期四）."""
    d = dt.date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日（星期{WEEKDAYS[d.weekday()]}）"


def items(texts, ref=None) -> list[dict]:
    """Section items from plain texts, each citing `ref` if given."""
    return [{"text": t, **({"ref": ref} if ref else {})} for t in texts]


def view(name: str, result: dict) -> dict:
    """The presentation model of `result` of calculator `name`."""
    presenter = registry.spec(name).present
    model = presenter(result)
    model.setdefault("sections", [])
    for section in model["sections"]:
        section["items"] = [_cited(item) for item in section["items"]]
    model.setdefault("warnings", result.get("warnings", []))   # a presenter may tie a warning to its row
    model["basis"] = result.get("basis", [])
    return model


def _cited(item: dict) -> dict:
    """An item that names a provision gets its short label and URL."""
    if not item.get("ref"):
        return item
    cited = provisions.cite(item["ref"])
    return {**item, "ref": cited["ref"], "label": provisions.label(cited["ref"], short=True), "url": cited["url"]}

"""Deadlines as an iCalendar file (RFC 5545) that Outlook and WPS calendars import.

Each deadline becomes an all-day event on its due date carrying its title, its kind
(法定期限 / 内部期限), its note and the provisions it rests on, and a reminder one
day before.
"""
import datetime as dt

KIND_NAMES = {"statutory": "法定期限", "internal": "内部期限"}


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets are folded (continuation lines start with a space)."""
    out, current = [], ""
    for ch in line:
        limit = 75 if not out else 74
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = ch
        else:
            current += ch
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def calendar(result: dict, *, stamp: dt.datetime, case_name: str = "") -> str:
    """The iCalendar text for a `deadlines` result; `stamp` (UTC) is the DTSTAMP of every event."""
    prefix = f"【{case_name}】" if case_name else ""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Liaocheng yingsu knowledge base//ZH",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:行政应诉期限"]
    for d in result["deadlines"]:
        due = dt.date.fromisoformat(d["due"])
        basis = "；".join(b["label"] if isinstance(b, dict) else str(b) for b in d.get("basis", []))
        description = "\n".join(part for part in (
            f"{KIND_NAMES.get(d['kind'], d['kind'])}，届满日 {d['due']}",
            f"（原届满日 {d['adjusted_from']} 为休息日，依法顺延）" if d.get("adjusted_from") else "",
            d.get("note") or "",
            f"依据：{basis}" if basis else "",
        ) if part)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{d['id']}-{d['due']}-{hash_text(prefix)}@yingsu.local",
            f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;VALUE=DATE:{due.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(due + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(prefix + d['title'] + '（' + KIND_NAMES.get(d['kind'], '') + '）')}",
            f"DESCRIPTION:{_escape(description)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_escape(d['title'])}", "TRIGGER:-P1D",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"


def hash_text(text: str) -> int:
    """A stable (not per-process randomised) small hash, for event UIDs."""
    h = 0
    for ch in text:
        h = (h * 131 + ord(ch)) % 1_000_000_007
    return h

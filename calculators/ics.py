"""Deadlines as an iCalendar file (RFC 5545) that Outlook and WPS calendars import.

Each deadline becomes an all-day event on its due date carrying the case number (in the title
and the description), its title, its kind (法定期限 / 内部期限), its note and the provisions it
rests on, and a reminder one day before.

Escaping (RFC 5545 §3.3.11 TEXT): backslash, semicolon and comma are escaped; a line break of
any form (CRLF, LF or a bare CR) becomes the two characters "\\n"; the characters TEXT may not
hold (the controls %x00-08 / %x0A-1F / %x7F, and the C1 controls) are dropped, and so are the
bidirectional-override characters (U+202A-202E, U+2066-2069), which would make a calendar show
text in an order other than the one written. UIDs are built from letters, digits, "-" and a
digest only. Written by hand rather than with the `icalendar` package: the file has one shape,
the package and its dependencies (python-dateutil, tzdata, typing_extensions) would add about
1 MB compressed, 2.9 MB unpacked, to the calculators' download (measured with pip download) for a
few lines of code, and the tests parse this output with that package (tests/test_ics.py).
"""
import datetime as dt
import hashlib
import re

KIND_NAMES = {"statutory": "法定期限", "internal": "内部期限"}

_BREAK = re.compile(r"\r\n|\r|\n")
_NOT_TEXT = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UID_UNSAFE = re.compile(r"[^A-Za-z0-9-]+")


def _escape(text: str) -> str:
    """`text` as an iCalendar TEXT value (one line)."""
    lines = [_NOT_TEXT.sub("", line) for line in _BREAK.split(str(text))]
    return "\\n".join(line.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,") for line in lines)


def _uid(deadline_id: str, due: str, case_name: str) -> str:
    """A globally unique, stable UID of letters, digits and "-": the same deadline of the same
    case gets the same UID in every export, so calendars update the event instead of adding one."""
    digest = hashlib.sha256(f"{deadline_id}\0{due}\0{case_name}".encode()).hexdigest()[:16]
    name = _UID_UNSAFE.sub("-", str(deadline_id)).strip("-")[:40] or "deadline"
    return f"{name}-{due.replace('-', '')}-{digest}@yingsu.local"


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
    """The iCalendar text for a `deadlines` result; `stamp` (UTC) is the DTSTAMP of every event;
    `case_name` (default: the result's case number) names the case in every event."""
    case_name = case_name or str(result.get("case_number") or "")
    prefix = f"【{case_name}】" if case_name else ""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Liaocheng yingsu knowledge base//ZH",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:行政应诉期限"]
    for d in result["deadlines"]:
        due = dt.date.fromisoformat(d["due"])
        basis = "；".join(b["label"] if isinstance(b, dict) else str(b) for b in d.get("basis", []))
        description = "\n".join(part for part in (
            f"案号：{case_name}" if case_name else "",
            f"{KIND_NAMES.get(d['kind'], d['kind'])}，届满日 {d['due']}",
            f"（原届满日 {d['adjusted_from']} 为休息日，依法顺延）" if d.get("adjusted_from") else "",
            d.get("note") or "",
            f"依据：{basis}" if basis else "",
        ) if part)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(d['id'], due.isoformat(), case_name)}",
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


"""The .ics file (calculators/ics.py) read back by a strict iCalendar parser (the `icalendar`
package), with text that tries to break out of its property: a bare CR, LF, CRLF, commas,
semicolons, backslashes, C0/C1 control characters and bidirectional overrides (RFC 5545
§3.3.11: TEXT may hold none of the controls; §3.1: lines end in CRLF, at most 75 octets)."""
import datetime as dt
import re

import icalendar
import pytest

import calculators
from calculators import ics

HOSTILE = "甲\r乙\n丙\r\n丁,戊;己\\庚\x00\x07\x1b\x7f\x85\u202e辛壬\u2066癸"
# what a reader must see: each break a new line, the punctuation kept, every control dropped
SHOWN = "甲\n乙\n丙\n丁,戊;己\\庚辛壬癸"


@pytest.fixture(scope="module")
def result():
    return calculators.run("deadlines", {"complaint_served": "2026-09-16"})


def hostile_result(result):
    out = dict(result)
    out["deadlines"] = [dict(d, title=HOSTILE + d["title"], note=HOSTILE, id=d["id"] + "\r\nX-EVIL:1;,")
                        for d in result["deadlines"]]
    return out


def test_hostile_text_stays_inside_its_property(result):
    text = ics.calendar(hostile_result(result), stamp=dt.datetime(2026, 11, 26, 8), case_name="张某\r\nEND:VEVENT")
    raw_lines = text.split("\r\n")
    assert raw_lines[-1] == "" and "\r" not in "".join(raw_lines) and "\n" not in "".join(raw_lines)
    assert not re.search("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text.replace("\r\n", ""))
    assert all(len(line.encode()) <= 75 for line in raw_lines)
    cal = icalendar.Calendar.from_ical(text)
    events = cal.walk("VEVENT")
    assert len(events) == len(result["deadlines"])
    assert not any("X-EVIL" in e for e in events) and not cal.errors
    for event, deadline in zip(events, result["deadlines"]):
        assert str(event["SUMMARY"]) == f"【张某\nEND:VEVENT】{SHOWN}{deadline['title']}（{ics.KIND_NAMES[deadline['kind']]}）"
        assert SHOWN in str(event["DESCRIPTION"])
        assert event.decoded("DTSTART") == dt.date.fromisoformat(deadline["due"])
        assert re.fullmatch(r"[A-Za-z0-9-]+@yingsu\.local", str(event["UID"])), event["UID"]
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_uids_are_stable_per_case_and_differ_between_cases(result):
    def uids(case_name):
        cal = icalendar.Calendar.from_ical(ics.calendar(result, stamp=dt.datetime(2026, 11, 26), case_name=case_name))
        return [str(e["UID"]) for e in cal.walk("VEVENT")]

    assert uids("张某诉某局") == uids("张某诉某局")
    assert set(uids("张某诉某局")).isdisjoint(uids("李某诉某局"))


def test_plain_calendar_parses_with_its_values(result):
    cal = icalendar.Calendar.from_ical(ics.calendar(result, stamp=dt.datetime(2026, 11, 26, 8), case_name=""))
    answer = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith("提交答辩状"))
    # served 2026-09-16 + 15 days = 10-01 (National Day) -> 10-08
    assert answer.decoded("DTSTART") == dt.date(2026, 10, 8) and answer.decoded("DTEND") == dt.date(2026, 10, 9)
    assert "依据：《中华人民共和国行政诉讼法》第六十七条第一款" in str(answer["DESCRIPTION"])
    assert answer.walk("VALARM")[0]["TRIGGER"].to_ical() == b"-P1D"


def test_the_case_number_entered_with_the_deadlines_names_every_event():
    """The deadlines form's 案号 (issue 19) goes into the result and from there into each
    event's title and description, so the file can go into the case file as it is."""
    result = calculators.run("deadlines", {"complaint_served": "2026-09-16", "case_number": "（2026）鲁1502行初88号"})
    assert result["case_number"] == "（2026）鲁1502行初88号"
    events = icalendar.Calendar.from_ical(ics.calendar(result, stamp=dt.datetime(2026, 11, 26))).walk("VEVENT")
    assert len(events) == len(result["deadlines"]) == 4   # answer, register, risk report, annual report
    for event in events:
        assert str(event["SUMMARY"]).startswith("【（2026）鲁1502行初88号】")
        assert str(event["DESCRIPTION"]).startswith("案号：（2026）鲁1502行初88号\n")
    # without one, nothing is made up
    plain = calculators.run("deadlines", {"complaint_served": "2026-09-16"})
    assert plain["case_number"] == "" and "案号" not in ics.calendar(plain, stamp=dt.datetime(2026, 11, 26))

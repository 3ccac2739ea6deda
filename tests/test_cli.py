"""``python -m calculators NAME``: one JSON object in, one JSON object out, never a traceback."""
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import calculators.__main__ as cli

ROOT = Path(__file__).resolve().parent.parent


def invoke(args, stdin: bytes):
    proc = subprocess.run([sys.executable, "-m", "calculators", *args], input=stdin, cwd=ROOT,
                          capture_output=True, timeout=60)
    assert proc.stderr == b""
    lines = proc.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1            # exactly one JSON object
    return proc.returncode, json.loads(lines[0]), proc.stdout


def test_valid_deadlines():
    code, out, raw = invoke(["deadlines"], '{"complaint_served": "2026-09-16"}'.encode())
    assert code == 0
    answer = next(d for d in out["deadlines"] if d["id"] == "answer")
    assert (answer["due"], answer["adjusted_from"]) == ("2026-10-08", "2026-10-01")
    assert "行政诉讼法".encode("utf-8") in raw     # Chinese printed as such (ensure_ascii=False)


def test_valid_filing_period():
    code, out, _ = invoke(["filing_period"], b'{"known_date": "2026-04-04", "filed_date": "2026-10-09", '
                                             b'"informed_of_period": "informed"}')
    assert code == 0 and out["timely"] is False and out["deadline"] == "2026-10-08"


@pytest.mark.parametrize("args,stdin,field,words", [
    (["deadlines"], b'{"complaint_served": "2026-09-16"', None, "不是有效的 JSON"),
    (["deadlines"], b"", None, "不是有效的 JSON"),
    (["deadlines"], b"\xff\xfe{}", None, "不是有效的 JSON"),
    (["deadlines"], b"[" * 100000, None, "不是有效的 JSON"),
    (["deadlines"], b'["2026-09-16"]', None, "JSON 对象"),
    (["deadlines"], b'"2026-09-16"', None, "JSON 对象"),
    (["deadlines"], b"null", None, "JSON 对象"),
    (["deadlines"], b'{"complaint_served": 20260916}', "complaint_served", "应为日期"),
    (["deadlines"], b'{"complaint_served": "2026-02-30"}', "complaint_served", "不是有效日期"),
    (["deadlines"], b'{"complaint_served": "2026-09-16", "hearing_date": "2026-09-01"}',
     "hearing_date", "不能早于"),
    (["deadlines"], b'{"complaint_served": "2026-09-16", "principal_absent": "true"}',
     "principal_absent", "应为"),
    (["filing_period"], b'{"known_date": "2026-04-04", "filed_date": "2026-04-01"}', "filed_date", "不能早于"),
    # dates: YYYY-MM-DD only, within 1990-01-01..2100-12-31
    (["deadlines"], b'{"complaint_served": "2026-W10-1"}', "complaint_served", "“起诉状副本送达日期”不是有效日期"),
    (["deadlines"], b'{"complaint_served": "2026-09-16T08:00"}', "complaint_served", "不是有效日期"),
    (["deadlines"], b'{"complaint_served": "1989-12-31"}', "complaint_served", "应在1990年1月1日至2100年12月31日之间"),
    # a lone surrogate in a date or a text field, a control character, a direction override
    (["deadlines"], b'{"complaint_served": "\\ud800"}', "complaint_served", "“起诉状副本送达日期”不是有效日期"),
    (["undertaker"], b'{"defendant": "department", "reconsidered": false, "acting_agency": "\\ud800"}',
     "acting_agency", "第1个字符是无法识别的字符（U+D800）"),
    (["undertaker"], b'{"defendant": "department", "reconsidered": false, "acting_agency": "a\\u0007b"}',
     "acting_agency", "第2个字符是不可见的控制字符（U+0007）"),
    (["undertaker"], b'{"defendant": "department", "reconsidered": false, "acting_agency": "\\u202e\\u5c40"}',
     "acting_agency", "改变文字显示方向的隐藏字符（U+202E）"),
    # numbers: a range, named, however many digits
    (["appearance_quota"], b'{"agency": "city_department", "cases": ' + b"9" * 5000 + b', "principal_appearances": 0}',
     "cases", "“本年度行政案件数（件）”不能大于 1000000。"),
    (["principal_appearance"], b'{"plaintiff_count": -' + b"1" * 5000 + b'}', "plaintiff_count", "“原告人数”不能小于 1。"),
    (["no_such_calculator"], b"{}", None, "没有名为“no_such_calculator”的计算器"),
    (["\udcff"], b"{}", None, "没有名为"),
    ([], b"{}", None, "用法"),
    (["deadlines", "extra"], b"{}", None, "用法"),
])
def test_invalid_input_exits_2(args, stdin, field, words):
    code, out, _ = invoke(args, stdin)
    assert code == 2
    assert set(out) == {"error"} and out["error"]["field"] == field
    assert words in out["error"]["message"]


def test_usage_lists_the_calculators():
    _, out, _ = invoke([], b"{}")
    assert "deadlines" in out["error"]["message"] and "filing_period" in out["error"]["message"]


def test_a_defect_is_reported_without_traceback(monkeypatch):
    """Exit 1 is for defects only (never reached by input — see test_fuzz); simulate one."""
    def broken(name, params):
        raise ZeroDivisionError("boom")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(cli, "run", broken)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"{}"), encoding="utf-8"))
    monkeypatch.setattr(sys, "stdout", stdout)
    assert cli.main(["deadlines"]) == 1
    out = json.loads(stdout.buffer.getvalue().decode("utf-8"))
    assert out["error"]["field"] is None and "计算器内部错误（ZeroDivisionError）" in out["error"]["message"]

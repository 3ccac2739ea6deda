"""The input rules every calculator shares (calculators/inputs.py): each bad value gets a
message naming the field by its label."""
import datetime as dt

import pytest

from calculators import inputs
from calculators.errors import InputError


def error(reader, value, *args, **kwargs) -> str:
    with pytest.raises(InputError) as e:
        reader({"f": value}, "f", "某项", *args, **kwargs)
    assert e.value.field == "f"
    return e.value.message


@pytest.mark.parametrize("value", ["2026-W10-1", "2026-267", "20260916", "2026-9-16", "2026-09-16T00:00",
                                   "２０２６-０９-１６", " 2026-09-16", "2026-02-29", "2026-13-01", "\ud800"])
def test_dates_only_as_yyyy_mm_dd_and_real(value):
    assert error(inputs.date, value).startswith("“某项”不是有效日期")


@pytest.mark.parametrize("value,ok", [("1989-12-31", False), ("1990-01-01", True), ("2100-12-31", True),
                                      ("2101-01-01", False), ("2024-02-29", True)])
def test_date_range(value, ok):
    if ok:
        assert inputs.date({"f": value}, "f", "某项") == dt.date.fromisoformat(value)
    else:
        assert error(inputs.date, value) == "“某项”应在1990年1月1日至2100年12月31日之间。"


def test_a_bad_date_is_quoted_only_when_it_is_plain_text():
    assert "：2026-W10-1。" in error(inputs.date, "2026-W10-1")
    assert error(inputs.date, "\u202e2026-09-16") == ("“某项”不是有效日期。请按 年-月-日 填写（如 2026-09-16），"
                                                      "并确认该日存在。")
    # what a browser sends for a date not typed in full has no digit: not quoted back (issue 19:
    # "不是有效日期：无效日期")
    assert error(inputs.date, "未填写完整") == "“某项”不是有效日期。请按 年-月-日 填写（如 2026-09-16），并确认该日存在。"


@pytest.mark.parametrize("value,multiline,message", [
    ("甲\n乙", False, "“某项”第2个字符是换行（此处只能填写一行文字），请删除后重新填写。"),
    ("甲\t乙", False, "“某项”第2个字符是不可见的控制字符（U+0009），请删除后重新填写。"),
    ("甲\r乙", True, "“某项”第2个字符是不可见的控制字符（U+000D），请删除后重新填写。"),
    ("\x00", True, "“某项”第1个字符是不可见的控制字符（U+0000），请删除后重新填写。"),
    ("甲\x85", True, "“某项”第2个字符是不可见的控制字符（U+0085），请删除后重新填写。"),
    ("甲\ud800", True, "“某项”第2个字符是无法识别的字符（U+D800），可能是复制粘贴时产生的乱码，请删除后重新填写。"),
    ("\u202e局", False, "“某项”第1个字符是改变文字显示方向的隐藏字符（U+202E），请删除后重新填写。"),
    ("局\u2066", True, "“某项”第2个字符是改变文字显示方向的隐藏字符（U+2066），请删除后重新填写。"),
    ("局\u2028", True, "“某项”第2个字符是特殊的分行符（U+2028），请删除后重新填写。"),
])
def test_text_rejects_invisible_and_unwritable_characters(value, multiline, message):
    assert error(inputs.text, value, multiline=multiline) == message


def test_multiline_text_keeps_newlines_and_tabs():
    assert inputs.text({"f": " 甲\r\n乙\t丙 "}, "f", "某项", multiline=True) == "甲\n乙\t丙"
    assert inputs.text({"f": "聊城市\u3000东昌府区"}, "f", "某项") == "聊城市\u3000东昌府区"   # ideographic space is text


@pytest.mark.parametrize("value,message", [
    (-1, "“某项”不能小于 0。"), (1_000_001, "“某项”不能大于 1000000。"), (float("inf"), "“某项”不能大于 1000000。"),
    (float("-inf"), "“某项”不能小于 0。"), (1.5, "“某项”应为整数。"), (float("nan"), "“某项”应为整数。"),
    ("3", "“某项”应为整数。"), (True, "“某项”应为整数。"),
])
def test_integers_have_a_range(value, message):
    assert error(inputs.integer, value) == message


def test_amounts_have_a_range():
    assert error(inputs.amount, -0.5) == "“某项”不能为负数。"
    assert error(inputs.amount, 1e14) == "“某项”不能大于 10000000000000。"
    assert inputs.amount({"f": 250000.5}, "f", "某项") == 250000.5


def test_json_integers_too_long_for_any_field_read_as_out_of_range():
    params = inputs.load_json('{"n": ' + "9" * 5000 + ', "m": -' + "1" * 40 + ', "k": 12}')
    assert params == {"n": float("inf"), "m": float("-inf"), "k": 12}
    with pytest.raises(InputError) as e:
        inputs.integer(params, "n", "本年度行政案件数（件）")
    assert (e.value.field, e.value.message) == ("n", "“本年度行政案件数（件）”不能大于 1000000。")

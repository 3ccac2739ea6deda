"""Command line: ``python -m calculators NAME < params.json``.

Reads one JSON object on standard input and prints one JSON object on standard output:
the result (exit status 0), or ``{"error": {"field", "message"}}`` for invalid input —
malformed JSON, JSON that is not an object, an unknown or missing calculator name, and
every value a field does not accept (calculators/inputs.py) — (exit status 2). Anything
else is a defect of the calculators; it is still reported as a Chinese error object (exit
status 1), never as a traceback.
"""
import json
import sys

from .errors import InputError
from .inputs import load_json
from .registry import names, run


def _emit(obj: dict) -> None:
    try:
        text = json.dumps(obj, ensure_ascii=False)
        data = (text + "\n").encode("utf-8")
    except UnicodeEncodeError:   # a lone surrogate (e.g. in a calculator name): escape it
        data = (json.dumps(obj, ensure_ascii=True) + "\n").encode("ascii")
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def _params(raw: bytes) -> dict:
    try:
        value = load_json(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InputError(None, "输入不是有效的 JSON，请检查括号、引号和逗号。") from None
    if not isinstance(value, dict):
        raise InputError(None, "输入应为一个 JSON 对象（键值对），例如 {\"complaint_served\": \"2026-09-16\"}。")
    return value


def main(argv: list[str]) -> int:
    try:
        if len(argv) != 1:
            raise InputError(None, f"用法：python -m calculators 计算器名称 < 输入.json。可用的计算器：{'、'.join(names())}")
        params = _params(sys.stdin.buffer.read())
        result = run(argv[0], params)
    except InputError as e:
        _emit({"error": e.as_dict()})
        return 2
    except Exception as e:  # a defect, not bad input: report it without a traceback
        _emit({"error": {"field": None,
                         "message": f"计算器内部错误（{type(e).__name__}），请将输入内容提供给维护人员。"}})
        return 1
    _emit(result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

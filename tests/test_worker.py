"""calculators.worker, what the browser's Web Worker calls: JSON text in, JSON text out."""
import json

from calculators import worker


def ask(name, params):
    return json.loads(worker.answer(name, json.dumps(params, ensure_ascii=False)))


def test_a_result_with_its_dates_as_text():
    reply = ask("deadlines", {"complaint_served": "2026-09-16"})
    # 15 days from 16 September 2026 end on 1 October, National Day: moved to Thursday 8 October
    assert reply["ok"] is True
    assert [d["due"] for d in reply["result"]["deadlines"] if d["id"] == "answer"] == ["2026-10-08"]


def test_the_page_actions_go_through_page_actions():
    reply = ask("page.view", {"name": "deadlines", "params": {"complaint_served": "2026-09-16"}})
    assert reply["ok"] is True and set(reply["result"]) == {"result", "view"}


def test_bad_input_names_the_field_in_chinese():
    reply = ask("deadlines", {"complaint_served": "2026-02-30"})
    assert reply == {"ok": False, "error": {"field": "complaint_served", "kind": "input",
                                            "message": reply["error"]["message"]}}
    assert "起诉状副本送达日期" in reply["error"]["message"]


def test_an_unknown_calculator_lists_the_known_ones():
    reply = ask("nope", {})
    assert reply["ok"] is False and reply["error"]["field"] is None
    assert "、".join(worker.NAMES) in reply["error"]["message"]


def test_an_internal_error_carries_its_traceback_for_the_console():
    reply = json.loads(worker.answer("deadlines", "{not json"))
    assert reply["ok"] is False and reply["internal"] is True and "JSONDecodeError" in reply["traceback"]


def test_warm_reads_the_data_every_answer_needs():
    from calculators import holidays, provisions

    for cached in (provisions._load, provisions._index, holidays.year_data):
        cached.cache_clear()
    worker.warm()
    editions = [e for key in ["measures", *provisions.law_keys()] for e in provisions.editions(key)]
    assert provisions._index.cache_info().currsize == len(editions)
    assert holidays.year_data.cache_info().currsize >= 5   # 2022–2026 at least

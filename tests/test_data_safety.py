"""What a reader keeps in the browser is never lost or destroyed without being told (storage.js,
calc-form.js, documents.js), in Chromium:

1. "清除本机数据" on a calculator page lists what it deletes and asks once; cancelled, nothing
   is gone; confirmed, everything the site stores is: calculator inputs, the documents draft,
   the quiz answers and the case ledger's database "yingsu-ledger" (before: the draft went at
   once without asking, the quiz answers stayed);
2. storage full: typing in a calculator says the inputs are not kept; importing a draft says it
   is shown but not saved (before: silence, and "已导入草稿");
3. hostile draft files: each is refused with a message, nothing stored or shown changes, no
   uncaught exception, and no "草稿已保存" follows a refusal (before: a "toString" trap threw,
   wrong types were imported).
"""
from __future__ import annotations

import json

import pytest

BOOT_MS = 180_000
FILL_STORAGE = """() => {
    let n = 0, size = 1 << 20;
    while (size >= 1) {
        try { localStorage.setItem('filler-' + n, 'x'.repeat(size)); n++; } catch (e) { size >>= 1; }
    }
    return n;
}"""
EMPTY_STORAGE = "() => Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k))"
DRAFT = {"format": "yingsu-documents-draft", "version": 1, "saved": "2026-11-29T08:00:00Z",
         "fields": {"court": "聊城市东昌府区人民法院", "case_number": "（2026）鲁1502行初9号"}, "agents": [], "evidence": []}


@pytest.fixture
def reader(browser):
    context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.set_default_timeout(30_000)
    yield page
    context.close()


def site_keys(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('yingsu')).sort()")


def ledger_exists(page) -> bool:
    return page.evaluate("indexedDB.databases().then(l => l.some(d => d.name === 'yingsu-ledger'))")


def test_clear_lists_everything_asks_once_and_deletes_it_all(reader, site_server):
    page = reader
    page.goto(site_server + "calculators/deadlines/")
    page.fill("#f-complaint_served", "2026-09-16")
    page.wait_for_function("localStorage.getItem('yingsu:calc:deadlines') !== null")
    page.evaluate("""() => new Promise(resolve => {
        localStorage.setItem('yingsu:documents:draft', JSON.stringify({format: 'yingsu-documents-draft'}));
        localStorage.setItem('yingsu.quiz.v1', JSON.stringify({answers: {q1: 'A'}, checked: {}, finished: false}));
        const open = indexedDB.open('yingsu-ledger', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('cases');
        open.onsuccess = () => { open.result.close(); resolve(); };
    })""")
    before = site_keys(page)
    assert before == ["yingsu.quiz.v1", "yingsu:calc:deadlines", "yingsu:documents:draft"] and ledger_exists(page)

    page.click('[data-action="clear"]')
    box = page.locator("#clear-confirm")
    box.wait_for()
    text = box.inner_text()
    for item in ("计算器中填写的内容", "应诉文书草稿", "培训自测的作答记录", "案件台账"):
        assert item in text, text
    assert site_keys(page) == before and ledger_exists(page)        # asked, nothing deleted yet
    page.click("[data-clear-cancel]")
    assert box.count() == 0 and site_keys(page) == before and ledger_exists(page)

    page.click('[data-action="clear"]')
    page.click("[data-clear-confirm]")                                # asked once, confirmed
    done = page.locator("[data-clear-done]")
    done.wait_for()
    assert "已清除" in done.inner_text()
    assert "yingsu.quiz.v1" not in site_keys(page) and "yingsu:documents:draft" not in site_keys(page)
    assert not ledger_exists(page)
    assert page.errors == []


def test_storage_full_while_typing_is_reported(reader, site_server):
    page = reader
    page.goto(site_server + "calculators/deadlines/")
    page.wait_for_function("document.querySelector('form[data-calculator]').dataset.ready")   # the form is live
    assert page.evaluate("localStorage.getItem('yingsu:calc:deadlines')") is None   # nothing typed, nothing stored
    assert page.evaluate(FILL_STORAGE) > 0
    page.fill("#f-complaint_served", "2026-09-16")
    note = page.locator("[data-storage-note]")
    note.wait_for()
    assert "未能保存在本机" in note.inner_text() and "存储空间已满" in note.inner_text()
    page.evaluate(EMPTY_STORAGE)
    page.fill("#f-complaint_served", "2026-09-17")
    note.wait_for(state="hidden")
    assert json.loads(page.evaluate("localStorage.getItem('yingsu:calc:deadlines')"))["complaint_served"] == "2026-09-17"
    assert page.errors == []


def import_file(page, path) -> str:
    """Import `path` on the documents page; the draft line once it says how it went."""
    page.set_input_files("[data-import-file]", str(path))
    page.wait_for_function("/导入/.test(document.querySelector('[data-draft-state]').textContent)")
    return page.locator("[data-draft-state]").inner_text()


def test_import_with_storage_full_says_the_draft_is_not_saved(reader, site_server, tmp_path):
    page = reader
    page.goto(site_server + "calculators/documents/")
    page.locator("[data-draft-state]").wait_for(state="attached")
    page.wait_for_function("localStorage.getItem('yingsu:documents:draft') !== null")   # saved on load
    before = page.evaluate("localStorage.getItem('yingsu:documents:draft')")
    assert page.evaluate(FILL_STORAGE) > 0
    draft = tmp_path / "草稿.json"
    draft.write_text(json.dumps(DRAFT, ensure_ascii=False), encoding="utf-8")
    state = import_file(page, draft)
    assert "未能保存在本机" in state and "导出草稿" in state, state
    assert page.locator("#f-court").input_value() == DRAFT["fields"]["court"]    # shown, as the message says
    assert page.evaluate("localStorage.getItem('yingsu:documents:draft')") == before   # not the imported one
    assert page.errors == []


HOSTILE = {
    "tostring-trap.json": json.dumps({**DRAFT, "fields": {"court": {"toString": 1}}}),
    "number-field.json": json.dumps({**DRAFT, "fields": {"court": 12}}),
    "agents-not-a-list.json": json.dumps({**DRAFT, "agents": "钱某"}),
    "agent-cell-object.json": json.dumps({**DRAFT, "agents": [{"name": {"x": 1}}]}),
    "too-many-rows.json": json.dumps({**DRAFT, "evidence": [{"name": "证据"}] * 500}),
    "field-too-long.json": json.dumps({**DRAFT, "fields": {"court": "院" * 5000}}),
    "fields-array.json": json.dumps({**DRAFT, "fields": ["court"]}),
    "future-version.json": json.dumps({**DRAFT, "version": 99}),
    "deeply-nested.json": "[" * 100_000 + "]" * 100_000,
    "binary.json": None,      # random bytes
    "huge.json": None,        # 2 MB
    "other-format.json": json.dumps({"hello": 1}),
}


def test_hostile_draft_files_are_refused_without_harm(reader, site_server, tmp_path):
    page = reader
    page.goto(site_server + "calculators/documents/")
    page.locator("[data-draft-state]").wait_for(state="attached")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(DRAFT, ensure_ascii=False), encoding="utf-8")
    assert "已保存在本机" in import_file(page, good)
    # the good draft's papers are made (the calculators may still be starting): then nothing is pending
    page.wait_for_function("!document.querySelector('[data-doc-result]').dataset.pending", timeout=120_000)
    stored = page.evaluate("localStorage.getItem('yingsu:documents:draft')")
    for name, text in HOSTILE.items():
        path = tmp_path / name
        if name == "binary.json":
            path.write_bytes(bytes(range(256)) * 64)
        elif name == "huge.json":
            path.write_text(json.dumps({**DRAFT, "pad": "x" * 2_000_000}), encoding="utf-8")
        else:
            path.write_text(text, encoding="utf-8")
        page.evaluate("document.querySelector('[data-draft-state]').textContent = ''")
        state = import_file(page, path)
        assert state.startswith("导入失败") and "没有改动" in state, (name, state)
        assert page.evaluate("document.querySelector('[data-doc-result]').dataset.pending") is None, name
        assert page.locator("#f-court").input_value() == DRAFT["fields"]["court"], name
        assert page.evaluate("localStorage.getItem('yingsu:documents:draft')") == stored, name
    assert page.errors == []

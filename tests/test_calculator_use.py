"""The calculator pages as a clerk uses them day to day (issue 19), in headless Chromium:

- an untouched form says what to fill in, without an error and without an answer for values the
  reader never chose; "计算" on an empty form lists every missing field at once, at the top and
  beside each field, and moves the focus to the first; a date's error waits until the field is
  left; "今天" fills in today's date, which is never filled in by itself;
- one calculator completed with the keyboard alone;
- every calculator's result at 1366×768 and 390×844: no horizontal scroll, no table cell narrower
  than four characters; a deadline's warning on its own card; the print view (A4 portrait)
  with the case number, the inputs and the date printed; the case number in the .ics;
- the runtime's progress on a slow link (Chromium's network emulation): the status says how
  much of how many MB has arrived, then the steps, and changes at least five times before the
  first answer.

Screenshots and the print preview go to tests/artifacts/calculators/ (look at them). Waits are on
states: the form sets data-pending until the answer to the latest input is shown.
"""
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from calculators import registry
from keyboard import leave_field

ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "calculators"
BOOT_MS = 180_000
SIZES = {"desktop": (1366, 768), "phone": (390, 844)}
PAGE_SLUGS = {s.name: s.page_path.split("/")[1][:-3] for s in registry.specs() if s.page}

SETTLED = ("!document.querySelector('form[data-calculator]').dataset.pending"
           " && document.querySelector('[data-calc-result]').dataset.state")

# Each calculator with facts enough for a full answer (hand-worked in tests/test_present.py and the
# calculators' own tests); the deadlines case also has a ruling, so its table has many rows.
FILLED = {
    "deadlines": {"case_number": "（2026）鲁1502行初88号", "complaint_served": "2026-09-16", "defendant": "county_gov",
                  "ruling_served": "2026-12-28", "ruling_kind": "judgment"},
    "undertaker": {"defendant": "city_gov", "reconsidered": True, "government_role": "sole"},
    "principal_appearance": {"plaintiff_count": "11", "compensation_claimed": "10000001"},
    "appearance_quota": {"agency": "city_department", "cases": "11", "principal_appearances": "2"},
    "filing_period": {"known_date": "2026-01-10", "filed_date": "2026-08-01", "informed_of_period": "informed"},
}

# width of every shown cell of the result in characters (its content box over its font size);
# the document's overflow beyond the window
LAYOUT_JS = """() => {
  const narrow = [];
  for (const cell of document.querySelectorAll('[data-calc-result] td, [data-calc-result] th')) {
    const box = cell.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const style = getComputedStyle(cell);
    const inner = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const chars = inner / parseFloat(style.fontSize);
    if (chars < 4) narrow.push([cell.textContent.slice(0, 12), Math.round(chars * 10) / 10]);
  }
  return {narrow, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}"""


@pytest.fixture(scope="module")
def clerk(browser, site_server):
    """One reader's browser (the runtime starts once; pages reached by instant navigation)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.set_default_timeout(30_000)
    page.goto(site_server + "calculators/deadlines/")
    page.wait_for_function("window.YingsuCalc && YingsuCalc.status.state === 'ready'", timeout=BOOT_MS)
    yield page
    assert page.errors == []
    context.close()


def open_calculator(page, site_server, name):
    slug = PAGE_SLUGS[name]
    if not page.url.endswith(f"calculators/{slug}/"):
        # loaded afresh (clear_form reloads it anyway); instant navigation is tested in
        # tests/test_calculator_pages.py
        page.goto(site_server + f"calculators/{slug}/")
    page.wait_for_selector("form[data-calculator][data-ready]")
    page.wait_for_function(SETTLED)


def clear_form(page):
    """Back to an untouched form: nothing stored, nothing typed."""
    page.evaluate("""() => { for (const k of Object.keys(localStorage)) if (k.startsWith('yingsu:calc:')) localStorage.removeItem(k); }""")
    page.reload()
    page.wait_for_selector("form[data-calculator][data-ready]")
    page.wait_for_function("YingsuCalc.status.state === 'ready'", timeout=BOOT_MS)
    page.wait_for_function(SETTLED)


def fill(page, values):
    for name, value in values.items():
        control = page.locator(f"#f-{name}")
        if isinstance(value, bool):
            control.set_checked(value)
        elif control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    if page.evaluate("document.activeElement.id").startswith("f-"):
        leave_field(page)
    page.wait_for_function(SETTLED)


def shown_errors(page):
    return {p.get_attribute("data-error-for"): p.inner_text()
            for p in page.locator(".calc-error[data-error-for]").all() if p.is_visible()}


@pytest.mark.parametrize("name", list(FILLED))
def test_an_untouched_form_asks_for_its_facts_without_an_error_or_an_answer(clerk, site_server, name):
    page = clerk
    open_calculator(page, site_server, name)
    clear_form(page)
    assert page.get_attribute("[data-calc-result]", "data-state") == "waiting"
    assert page.locator(".calc-headline").count() == 0 and shown_errors(page) == {}
    asked = page.locator(".calc-waiting li").all_inner_texts()
    required = {f.label for f in registry.spec(name).fields if f.required}
    assert asked and set(asked) <= required, asked
    # nothing preselected that the answer depends on: 被告 and the counts start empty
    for field in ("defendant", "plaintiff_count", "cases", "principal_appearances", "agency"):
        if page.locator(f"#f-{field}").count():
            assert page.input_value(f"#f-{field}") == "", field


@pytest.mark.parametrize("name, first, missing", [
    ("appearance_quota", "agency", ["agency", "cases", "principal_appearances"]),
    ("filing_period", "filed_date", ["filed_date", "known_date", "informed_of_period"]),
])
def test_calculate_on_an_empty_form_lists_every_missing_field_at_once_and_focuses_the_first(
        clerk, site_server, name, first, missing):
    page = clerk
    open_calculator(page, site_server, name)
    clear_form(page)
    page.click('[data-action="calculate"]')
    page.wait_for_function(SETTLED)
    summary = page.locator("[data-calc-summary]")
    assert summary.is_visible()
    links = summary.locator("a[data-error-link]")
    assert [a.get_attribute("data-error-link") for a in links.all()] == missing   # in the order of the form
    assert list(shown_errors(page)) == missing                                    # and beside each field
    assert all(text.startswith("请填写") for text in shown_errors(page).values())
    assert page.evaluate("document.activeElement.id") == f"f-{first}"
    # a link of the list takes the reader to its field
    links.nth(len(missing) - 1).click()
    assert page.evaluate("document.activeElement.id") == f"f-{missing[-1]}"


def test_a_date_error_waits_until_the_field_is_left_and_names_no_placeholder(clerk, site_server):
    page = clerk
    open_calculator(page, site_server, "deadlines")
    clear_form(page)
    page.locator("#f-hearing_date").focus()
    page.keyboard.type("03")          # the first part of the date only: not yet a date
    page.wait_for_function(SETTLED)
    assert shown_errors(page) == {} and not page.locator("[data-calc-summary]").is_visible()
    leave_field(page)                  # left half-typed (Tab first walks the date's own parts)
    page.locator('.calc-error[data-error-for="hearing_date"]').wait_for()
    assert shown_errors(page)["hearing_date"] == ("“开庭日期”不是有效日期。请按 年-月-日 填写（如 2026-09-16），"
                                                  "并确认该日存在。")
    assert "无效日期" not in page.locator("form[data-calculator]").inner_text()


def test_today_is_a_button_never_a_default(clerk, site_server):
    page = clerk
    open_calculator(page, site_server, "deadlines")
    clear_form(page)
    dates = page.locator('form[data-calculator] input[type="date"]')
    assert dates.count() >= 5 and all(d.input_value() == "" for d in dates.all())
    assert page.locator("[data-today-for]").count() == dates.count()   # one beside each date
    page.click('[data-today-for="complaint_served"]')
    page.wait_for_function(SETTLED)
    today = page.evaluate("Yingsu.todayISO()")
    assert page.input_value("#f-complaint_served") == today
    assert page.locator(".calc-headline").first.inner_text().startswith("答辩期限：")


def test_one_calculator_completed_with_the_keyboard_alone(clerk, site_server):
    """Tab to the field, type the date, Enter: the answer; focus stays visible on the way."""
    page = clerk
    open_calculator(page, site_server, "deadlines")
    clear_form(page)
    page.locator("#f-case_number").focus()
    page.keyboard.insert_text("（2026）鲁1502行初88号")   # (as an input method enters it)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-complaint_served"
    page.keyboard.type("09162026")     # the date field's own order (month/day/year in this browser's language)
    assert page.input_value("#f-complaint_served") == "2026-09-16"
    outline = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                            " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
    assert outline[0] != "none" and outline[1] > 0, outline
    leave_field(page)                  # the 今天 button beside it is next
    assert page.evaluate("document.activeElement.dataset.todayFor") == "complaint_served"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")       # submits the form
    page.wait_for_function(SETTLED)
    assert page.locator(".calc-headline").first.inner_text() == "答辩期限：2026年10月8日（星期四）"
    assert shown_errors(page) == {}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(FILLED))
def test_results_fit_the_screen_without_narrow_cells(clerk, site_server, name, size):
    page = clerk
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    try:
        open_calculator(page, site_server, name)
        clear_form(page)
        fill(page, FILLED[name])
        assert page.get_attribute("[data-calc-result]", "data-state") == "done", shown_errors(page)
        layout = page.evaluate(LAYOUT_JS)
        assert layout == {"narrow": [], "overflow": 0}, layout
        page.locator("[data-calc-result]").screenshot(path=str(ARTIFACTS / f"{name}-result-{size}.png"))
    finally:
        page.set_viewport_size({"width": 1366, "height": 768})


def test_deadline_cards_on_a_phone_carry_their_own_warnings(clerk, site_server):
    page = clerk
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        open_calculator(page, site_server, "deadlines")
        clear_form(page)
        # a county government's case served 2026-09-16: the annual report falls due on 2027-01-10,
        # a Sunday of a year whose holiday arrangement the fixture does not know
        fill(page, {"complaint_served": "2026-09-16", "defendant": "county_gov"})
        card = page.locator('tr[data-deadline="annual_report"]')
        assert card.evaluate("e => getComputedStyle(e).display") == "block"        # a card, not a table row
        warnings = card.locator("[data-row-warning]").all_inner_texts()
        assert any("2027年的节假日安排" in w for w in warnings), warnings
        # the answer (2026-10-08) is not put in doubt: no warning under it, none on its card
        assert page.locator(".calc-warnings").count() == 0
        assert page.locator('tr[data-deadline="answer"] [data-row-warning]').count() == 0
        assert "calc-tone-ok" in page.get_attribute(".calc-answer", "class")
        page.screenshot(path=str(ARTIFACTS / "deadlines-cards-phone.png"))
        # a department's case: no annual report row (measures/43/2 is the governments'), the periodic duty instead
        fill(page, {"defendant": "department"})
        assert page.locator('tr[data-deadline="annual_report"]').count() == 0
        assert page.locator('tr[data-deadline="periodic_report"]').count() == 1
    finally:
        page.set_viewport_size({"width": 1366, "height": 768})


def test_print_view_carries_case_number_inputs_and_date_on_a4(clerk, site_server):
    page = clerk
    open_calculator(page, site_server, "deadlines")
    clear_form(page)
    fill(page, FILLED["deadlines"])
    page.pdf(path=str(ARTIFACTS / "deadlines-print.pdf"), format="A4")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 680, "height": 960})   # A4 portrait less 15 mm margins, at 96 dpi
    try:
        head = page.locator("[data-print-head]")
        assert head.is_visible()
        text = head.inner_text()
        assert "案号：（2026）鲁1502行初88号" in text
        today = dt.date.fromisoformat(page.evaluate("Yingsu.todayISO()"))
        assert f"打印日期：{today.year}年{today.month}月{today.day}日" in text
        rows = [r.split("\t") for r in head.locator("table.calc-inputs tr").all_inner_texts()]
        assert ["起诉状副本送达日期", "2026年9月16日"] in rows and ["裁判文书种类", "判决"] in rows
        assert ["被告（应诉机关）", "县（市、区）人民政府"] in rows
        assert not page.locator("form[data-calculator]").is_visible()       # the form is not printed
        assert not page.locator("h2#rules").is_visible()                    # nor the rule tables under an answer
        assert page.evaluate(LAYOUT_JS) == {"narrow": [], "overflow": 0}
        page.screenshot(path=str(ARTIFACTS / "deadlines-print.png"), full_page=True)
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 1366, "height": 768})


def test_calendar_file_names_the_case(clerk, site_server):
    page = clerk
    open_calculator(page, site_server, "deadlines")
    clear_form(page)
    fill(page, {"case_number": "（2026）鲁1502行初88号", "complaint_served": "2026-09-16"})
    with page.expect_download() as info:
        page.click('[data-action="ics"]')
    assert info.value.suggested_filename == "（2026）鲁1502行初88号-行政应诉期限.ics"
    text = open(info.value.path(), encoding="utf-8", newline="").read().replace("\r\n ", "")
    assert text.count("SUMMARY:【（2026）鲁1502行初88号】") == text.count("BEGIN:VEVENT") == 4
    assert "DESCRIPTION:案号：（2026）鲁1502行初88号\\n" in text


OBSERVE_STATUS = """() => {
  window.__status = [];
  const watch = () => {
    const status = document.querySelector('[data-calc-status]');
    if (!status) return requestAnimationFrame(watch);
    const note = () => { const t = status.textContent; if (window.__status[window.__status.length - 1] !== t) window.__status.push(t); };
    note();
    new MutationObserver(note).observe(status, {childList: true, subtree: true, characterData: true});
  };
  watch();
}"""


def test_on_a_slow_link_the_status_counts_the_download_and_names_each_step(browser, site_server):
    """Chromium's network emulation at 20 Mbit/s (it covers the worker's requests): a first visit
    shows the size to expect and the megabytes arriving, then the start and the preparation, and
    the status changes at least five times before the first answer. The rule tables are there
    meanwhile."""
    context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1366, "height": 768}, service_workers="block")
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 20,
                                                      "downloadThroughput": 20e6 / 8, "uploadThroughput": 20e6 / 8})
        page.add_init_script(f"document.addEventListener('DOMContentLoaded', {OBSERVE_STATUS})")
        page.goto(site_server + "calculators/deadlines/")
        page.wait_for_function("/正在下载计算程序 [0-9.]+\\/[0-9.]+ MB/.test(document.querySelector('[data-calc-status]').textContent)")
        assert page.locator("h2#rules").locator("xpath=following::table[1]").is_visible()   # readable meanwhile
        page.fill("#f-complaint_served", "2026-09-16")   # typed while the calculator loads
        page.wait_for_selector('[data-calc-result][data-state="done"]', timeout=BOOT_MS)
        seen = page.evaluate("window.__status")
        before = seen[:next(i for i, t in enumerate(seen) if t.startswith("计算器已就绪"))]
        assert len(before) >= 5, before
        counts = [tuple(map(float, m.groups())) for t in before
                  if (m := re.search(r"正在下载计算程序 ([0-9.]+)/([0-9.]+) MB", t))]
        total = counts[-1][1]
        assert len(counts) >= 2 and [c[0] for c in counts] == sorted(c[0] for c in counts), counts
        assert 15 < total < 25 and {c[1] for c in counts} == {total}
        assert any(f"首次使用需下载约 {total:.1f} MB" in t for t in before), before
        steps = [t for t in before if t.startswith(("正在启动计算程序", "正在准备计算器"))]
        assert steps and steps[-1].startswith("正在准备计算器"), before
        assert page.locator(".calc-headline").first.inner_text() == "答辩期限：2026年10月8日（星期四）"
        (ARTIFACTS / "slow-link-status.json").write_text(json.dumps(seen, ensure_ascii=False, indent=1), encoding="utf-8")
    finally:
        context.close()

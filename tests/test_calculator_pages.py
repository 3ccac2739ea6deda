"""The calculator pages in headless Chromium, used as a clerk would: fill the form, read the
answer, make a mistake, reload, download the calendar — served under /yingsu/, all requests
local. Expected values are the hand-worked cases of the Python tests (tests/test_present.py).

One browser context serves the whole module: Pyodide starts once and the pages are reached
by the theme's instant navigation, which is also what is checked for "starts once per visit".
"""
import gzip
import re
from urllib.parse import urlsplit

import pytest

from keyboard import leave_field
from smoke_browser import RUNTIME_MARKERS

BOOT_MS = 180_000   # cold start of Pyodide on a loaded 2-core CI machine
ANSWER_MS = 30_000


@pytest.fixture(scope="module")
def clerk(browser, site_server):
    context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.requests = []
    # requests of the page and its workers; not the offline cache's own downloads (sw.js)
    context.on("request", lambda r: r.service_worker or page.requests.append(r.url))
    page.set_default_timeout(ANSWER_MS)
    page.goto(site_server + "calculators/deadlines/")
    page.wait_for_function("window.YingsuCalc && YingsuCalc.status.state === 'ready'", timeout=BOOT_MS)
    yield page
    context.close()


def open_calculator(page, site_server, slug):
    """Go to a calculator page by clicking its link in the navigation (instant navigation)."""
    page.evaluate("window.__stay = 1")
    page.click(f'nav.md-nav a[href$="calculators/{slug}/"]')
    page.wait_for_url(f"**/calculators/{slug}/")
    page.wait_for_selector("[data-calc-result][data-state]")
    assert page.evaluate("window.__stay") == 1, "the page was fully reloaded instead of instant navigation"


def headline(page):
    return page.locator(".calc-headline").all_inner_texts()


def settle(page):
    """Wait until the answer to the latest input is shown: the form marks itself data-pending
    from the input event until then (set synchronously while Playwright types)."""
    page.wait_for_function("!document.querySelector('form[data-calculator]').dataset.pending"
                           " && document.querySelector('[data-calc-result]').dataset.state")


def test_deadlines_answer_and_holiday_adjustment(clerk, site_server):
    page = clerk
    page.fill("#f-complaint_served", "2026-09-16")
    settle(page)
    # 2026-09-16 + 15 days = 10-01 (National Day) -> first working day 10-08, a Thursday
    assert headline(page)[0] == "答辩期限：2026年10月8日（星期四）"
    answer = page.locator('tr[data-deadline="answer"]')
    assert "法定期限" in answer.inner_text()
    assert "原届满日2026年10月1日（星期四）为休息日，依法顺延至2026年10月8日（星期四）。" in answer.inner_text()
    link = answer.locator("a", has_text="第六十七条第一款").first
    assert urlsplit(link.get_attribute("href")).path.endswith("law/alp/") and link.get_attribute("href").endswith("#art-67-1")
    register = page.locator('tr[data-deadline="register"]')
    assert "2026年9月19日（星期六）" in register.inner_text() and "内部期限" in register.inner_text()


def test_deadlines_appeal_of_an_order(clerk, site_server):
    page = clerk
    page.fill("#f-complaint_served", "2026-01-05")
    page.fill("#f-ruling_served", "2026-02-06")
    page.select_option("#f-ruling_kind", "order")
    settle(page)
    # order served 02-06: +10 = 02-16 (Spring Festival) -> 02-24 (Tuesday)
    assert headline(page)[1] == "上诉期限：2026年2月24日（星期二）"


def test_bad_input_shows_the_calculators_chinese_message_next_to_the_field(clerk):
    page = clerk
    page.fill("#f-complaint_served", "2026-09-16")
    page.select_option("#f-ruling_kind", "judgment")
    page.fill("#f-ruling_served", "2026-09-01")
    settle(page)
    error = page.locator('.calc-error[data-error-for="ruling_served"]')
    assert not error.is_visible()   # not while the reader is still in the field
    assert page.get_attribute("[data-calc-result]", "data-state") == "waiting" and not headline(page)
    leave_field(page)
    error.wait_for(state="visible")
    assert error.inner_text() == "“裁判文书送达日期”不能早于“起诉状副本送达日期”。"
    assert page.locator("[data-calc-summary] li").all_inner_texts() == [error.inner_text()]   # and at the top
    assert page.get_attribute("[data-calc-result]", "data-state") == "invalid" and not headline(page)
    page.fill("#f-ruling_served", "")
    settle(page)
    assert not error.is_visible() and not page.locator("[data-calc-summary]").is_visible()
    page.select_option("#f-ruling_kind", "")


def test_inputs_survive_reload_and_can_be_cleared(clerk, site_server):
    page = clerk
    page.fill("#f-complaint_served", "2025-09-16")
    settle(page)
    page.reload()
    page.wait_for_function("window.YingsuCalc && YingsuCalc.status.state === 'ready'", timeout=BOOT_MS)
    assert page.input_value("#f-complaint_served") == "2025-09-16"
    page.wait_for_selector(".calc-headline")
    # 2025-09-16 + 15 = 10-01; the 2025 holiday runs to 10-08 -> 10-09 (Thursday)
    assert headline(page)[0] == "答辩期限：2025年10月9日（星期四）"
    stored = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('yingsu:'))")
    assert stored == ["yingsu:calc:deadlines"]
    page.click('[data-action="clear"]')   # asks once, listing what it deletes (tests/test_data_safety.py)
    page.click("[data-clear-confirm]")
    page.locator("[data-clear-done]").wait_for()
    settle(page)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('yingsu:calc'))") == []
    assert page.input_value("#f-complaint_served") == ""   # a date of the case is never filled in for the reader


def test_calendar_download(clerk):
    page = clerk
    page.fill("#f-complaint_served", "2026-09-16")
    settle(page)
    with page.expect_download() as info:
        page.click('[data-action="ics"]')
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    raw = open(download.path(), encoding="utf-8", newline="").read()
    assert "\r\n" in raw  # RFC 5545 line ends
    text = raw.replace("\r\n ", "")
    assert text.startswith("BEGIN:VCALENDAR")
    assert "DTSTART;VALUE=DATE:20261008" in text
    assert "提交答辩状、证据和所依据的规范性文件（法定期限）" in text
    assert "依据：《中华人民共和国行政诉讼法》第六十七条第一款" in text


def test_undertaker_page(clerk, site_server):
    page = clerk
    open_calculator(page, site_server, "undertaker")
    assert page.evaluate("YingsuCalc.status.state") == "ready"  # not started again
    page.select_option("#f-defendant", "city_gov")
    page.uncheck("#f-reconsidered")
    settle(page)
    assert not page.is_visible("#f-government_role")
    page.check("#f-reconsidered")
    page.select_option("#f-government_role", "sole")
    settle(page)
    assert headline(page) == ["应诉承办单位：同级司法行政机关（市司法局）"]
    assert page.locator("details.calc-basis a", has_text="第十条第一款第（二）项").count() >= 1


@pytest.mark.parametrize("plaintiffs,amount,expected", [
    ("11", "10000001", "行政机关主要负责人应当出庭应诉"),                    # 超过10人 且 超过1000万元
    ("10", "10000001", "主要负责人不是必须出庭，但行政机关负责人应当出庭应诉"),  # 10人 is not 超过10人
    ("11", "10000000", "主要负责人不是必须出庭，但行政机关负责人应当出庭应诉"),  # exactly 1000万元 is not 超过
])
def test_principal_page(clerk, site_server, plaintiffs, amount, expected):
    page = clerk
    if "calculators/principal/" not in page.url:
        open_calculator(page, site_server, "principal")
    page.fill("#f-plaintiff_count", plaintiffs)
    page.fill("#f-compensation_claimed", amount)
    settle(page)
    assert headline(page) == [expected]


def test_principal_negative_count_message(clerk, site_server):
    page = clerk
    if "calculators/principal/" not in page.url:
        open_calculator(page, site_server, "principal")
    page.fill("#f-suing_units", "-1")
    leave_field(page)
    settle(page)
    error = page.locator('.calc-error[data-error-for="suing_units"]')
    error.wait_for(state="visible")
    assert error.inner_text() == "“同时起诉的单位或企业数”不能小于 0。"
    page.fill("#f-suing_units", "0")


def test_quota_page(clerk, site_server):
    page = clerk
    open_calculator(page, site_server, "quota")
    page.select_option("#f-agency", "city_department")
    page.fill("#f-cases", "11")
    page.fill("#f-principal_appearances", "2")
    settle(page)
    # 11 cases: max(2, ceil(11 x 20%)) = 3; 2 appearances -> short by 1; rate 18.2%
    assert headline(page) == ["本年度主要负责人至少应出庭应诉 3 次", "尚未达标，还差 1 次", "主要负责人出庭应诉率：18.2%"]


def test_filing_period_page(clerk, site_server):
    page = clerk
    open_calculator(page, site_server, "filing-period")
    page.fill("#f-known_date", "2026-01-10")
    page.fill("#f-filed_date", "2026-08-01")
    leave_field(page)
    settle(page)
    # the untouched form does not choose whether the time limit was stated (alp-interp/64): it asks,
    # without an error before the reader has got there
    waiting = page.locator(".calc-waiting")
    assert waiting.locator("li").all_inner_texts() == ["行政机关是否告知起诉期限"] and not headline(page)
    assert not page.locator('.calc-error[data-error-for="informed_of_period"]').is_visible()
    page.select_option("#f-informed_of_period", "informed")
    settle(page)
    # 2026-01-10 + 6 months = 2026-07-10, a Friday; filed 08-01 -> late
    assert headline(page) == ["原告起诉已超过法定起诉期限", "起诉期限届满日：2026年7月10日（星期五）",
                              "起诉的情形：直接起诉行政行为（未经复议）"]
    # after a reconsideration decision: the route's own date field appears, the direct suit's hides;
    # a suit 10 days after a decision on an act five years old is in time (alp/45, not alp/46/2)
    page.select_option("#f-route", "after_decision")
    settle(page)   # the form shows a route's fields when it reads them for the next answer
    assert page.locator("#f-reconsideration_decision_served").is_visible()
    assert not page.locator("#f-act_date").is_visible()
    page.fill("#f-reconsideration_decision_served", "2026-01-20")
    page.fill("#f-filed_date", "2026-01-30")
    settle(page)
    assert headline(page)[:2] == ["原告在法定起诉期限内起诉", "起诉期限届满日：2026年2月4日（星期三）"]


def test_runtime_started_once_and_everything_local(clerk, site_server):
    page = clerk
    host = urlsplit(site_server).netloc
    assert all(urlsplit(u).netloc == host for u in page.requests if not u.startswith(("blob:", "data:"))), \
        [u for u in page.requests if urlsplit(u).netloc != host]
    wasm = [u for u in page.requests if u.endswith("pyodide.asm.wasm")]
    workers = [u for u in page.requests if u.endswith("calc-worker.js")]
    # one boot for the first visit and one after the explicit reload in the reload test; the
    # four instant navigations to other calculators started nothing, and each boot asked for
    # the .wasm once (no HEAD check of its own: see test_offline's compiled-code test)
    assert len(workers) == 2 and len(wasm) == len(workers), (workers, wasm)
    # each boot started from the build's snapshot of Python's memory (macros/snapshot.mjs)
    snapshots = [u for u in page.requests if "/assets/calculators-snapshot.bin?v=" in u]
    assert len(snapshots) == len(workers) and page.evaluate("YingsuCalc.timings.snapshot") is True, snapshots


def test_a_calculator_works_on_the_plain_http_intranet_address(page, intranet_url):
    """http://yingsu.test/ is not a secure context: browsers offer no WebCrypto there, and the
    worker checks the archive's SHA-256 with the bundled library instead."""
    page.goto(intranet_url + "calculators/deadlines/")
    assert page.evaluate("window.isSecureContext") is False
    assert page.evaluate("!!(window.crypto && window.crypto.subtle)") is False
    page.wait_for_function("window.YingsuCalc && YingsuCalc.status.state === 'ready'", timeout=BOOT_MS)
    page.fill("#f-complaint_served", "2026-09-16")
    # 2026-09-16 + 15 days = 10-01 (National Day) -> first working day 10-08, a Thursday
    page.locator(".calc-headline", has_text="答辩期限：2026年10月8日（星期四）").wait_for(timeout=ANSWER_MS)
    assert any(u.endswith("assets/javascripts/vendor/sha256.js") for u in page.requests)
    assert page.errors == []


def test_article_pages_load_no_pyodide_and_link_to_calculators(page, site_server):
    page.goto(site_server + "measures/chapter-3/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if any(m in u for m in RUNTIME_MARKERS)]
    related = page.locator("#art-22 ~ .article-body .related a", has_text="主要负责人是否出庭").first
    assert related.get_attribute("href").endswith("calculators/principal/")


def search_workers(page):
    return [u for u in page.requests if "/assets/javascripts/search-worker.js" in u]


def test_search_index_waits_for_the_calculator_unless_the_reader_searches(page, site_server):
    """On a calculator page the search worker, which indexes the site's documents (CPU taken
    from the calculator's start), starts after the calculator (search-loader.js); a reader who
    opens search meanwhile gets it at once, and results."""
    held = []
    page.route(re.compile(r".*/pyodide\.asm\.wasm$"), lambda route: held.append(route))   # the calculator cannot finish starting
    page.goto(site_server + "calculators/deadlines/")
    page.wait_for_timeout(3000)
    assert held and page.evaluate("YingsuCalc.status.state") == "loading"
    assert search_workers(page) == []
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    box.fill("答辩状")
    box.press("End")  # Material reads the query on keyup
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    assert len(search_workers(page)) == 1 and "答辩" in first.inner_text()
    for route in held:
        route.continue_()
    page.wait_for_function("YingsuCalc.status.state === 'ready'", timeout=BOOT_MS)
    assert page.errors == []


def test_search_index_is_built_once_the_calculator_is_ready(page, site_server):
    started = []   # by the page, not by the service worker's offline copy of the site
    page.context.on("request", lambda r: started.append(r.url) if r.service_worker is None and
                    "/assets/javascripts/search-worker.js" in r.url else None)
    page.goto(site_server + "calculators/principal/")
    page.wait_for_function("YingsuCalc.status.state === 'ready'", timeout=BOOT_MS)
    page.wait_for_timeout(3000)   # well before the 20 s after which it starts anyway
    assert len(started) == 1
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    box.fill("负责人出庭")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.errors == []


def other_rules_snapshot(built_site):
    """A real snapshot, made from another calculators.zip (one with a zip comment added), as a
    deployment that mixed two releases' files would serve."""
    from macros import vendor_hook

    archive = (built_site / "assets" / "calculators.zip").read_bytes()
    comment = "另一版本".encode()
    assert archive[-2:] == b"\0\0"   # the end record's comment length: none yet
    return vendor_hook.snapshot(archive[:-2] + len(comment).to_bytes(2, "little") + comment)


SNAPSHOTS_THAT_DO_NOT_FIT = {
    "missing": lambda site: {"status": 404, "body": "not found"},
    "not-gzip": lambda site: {"status": 200, "body": b"\x1f\x8b\x08\x00 not gzip"},
    "not-a-snapshot": lambda site: {"status": 200, "body": gzip.compress(b"not a snapshot" * 64)},
    "other-rules": lambda site: {"status": 200, "body": other_rules_snapshot(site)},
}


@pytest.mark.parametrize("case", SNAPSHOTS_THAT_DO_NOT_FIT)
def test_without_a_snapshot_that_fits_python_starts_itself(page, site_server, built_site, case):
    """A deployment without calculators-snapshot.bin, with a damaged one, or with another
    release's: the worker starts Python and imports the calculators itself; only slower."""
    served = SNAPSHOTS_THAT_DO_NOT_FIT[case](built_site)
    page.route(re.compile(r".*/assets/calculators-snapshot\.bin\?v=.*"),
               lambda route: route.fulfill(content_type="application/octet-stream", **served))
    page.goto(site_server + "calculators/deadlines/")
    page.wait_for_function("YingsuCalc.status.state !== 'loading'", timeout=BOOT_MS)
    assert page.evaluate("[YingsuCalc.status.state, YingsuCalc.timings.snapshot]") == ["ready", False]
    page.fill("#f-complaint_served", "2026-10-05")
    settle(page)
    # Monday 5 October 2026, inside the National Day holiday: 15 days end on Tuesday 20 October
    assert headline(page)[0] == "答辩期限：2026年10月20日（星期二）"
    assert page.errors == []


def test_wrong_wasm_type_is_reported_and_rules_stay_readable(page, site_server):
    def wrong_type(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-type": "application/octet-stream"})

    page.route(re.compile(r".*\.wasm$"), wrong_type)
    page.goto(site_server + "calculators/principal/")
    status = page.locator("[data-calc-status]")
    page.wait_for_function("document.querySelector('[data-calc-status]').dataset.state === 'failed'", timeout=BOOT_MS)
    assert "application/wasm" in status.inner_text()
    rules = page.locator("h2#rules").locator("xpath=following::table[1]")
    assert rules.is_visible()
    assert "超过10人的集团诉讼行政案件" in rules.inner_text()


@pytest.mark.parametrize("file, told", [
    ("pyodide.asm.wasm", "若该文件确已部署，可能是服务器未配置 .wasm 的 MIME 类型"),   # IIS answers 404 for unknown types
    ("python_stdlib.zip", "请管理员检查网站是否完整部署"),
    ("pyodide.asm.js", "请管理员检查网站是否完整部署"),
])
def test_missing_runtime_file_is_named_and_rules_stay_readable(page, site_server, file, told):
    """A deployment without one of Pyodide's core files: the page names the file and the HTTP
    status at once (Pyodide itself would wait forever for a missing .wasm)."""
    page.route(re.compile(r".*/assets/pyodide/[^/]+/" + re.escape(file) + "$"),
               lambda route: route.fulfill(status=404, body="not found", content_type="text/plain"))
    page.goto(site_server + "calculators/principal/")
    page.wait_for_function("document.querySelector('[data-calc-status]').dataset.state === 'failed'", timeout=BOOT_MS)
    text = page.locator("[data-calc-status]").inner_text()
    assert f"计算器运行环境文件缺失（{file}，HTTP 404）" in text and told in text, text
    assert "超过10人的集团诉讼行政案件" in page.locator("h2#rules").locator("xpath=following::table[1]").inner_text()


"""The 台账 pages in headless Chromium, as a legal office uses them, in one persistent browser
profile (a user data directory), step by step: add a case, reload, restart the browser with the
same profile and find it; share it with the deadlines calculator; import the office's Excel
ledger (made by openpyxl, Chinese headers) — first with a bad row (nothing imported), then
corrected; the deadlines across cases and their .ics; export .xlsx and read it with openpyxl;
the statistics with their charts and the report read back with python-docx; a full disk; a
password-protected backup restored on the plain-http intranet address (no WebCrypto there);
the justice bureau's area page; every request local. Screenshots at desktop and phone sizes go
to tests/artifacts/ for a person to look at.

The browser's clock is fixed at 2026-11-29 10:00 (Asia/Shanghai), the day the expected dates
below were worked out for (see tests/test_statistics.py for the counting).
"""
import datetime as dt
import re
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS
from smoke_browser import wait_until

# write-excel-file writes no default cell style; openpyxl says so and applies its own
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")

BOOT_MS = 180_000
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
NOW = "2026-11-29T10:00:00+08:00"
A = "（2026）鲁1502行初101号"
B = "（2026）鲁1502行初102号"
C = "（2026）鲁1502行初103号"
HEADERS = ["序号", "案号", "原告", "收案日期", "审理法院", "行为类别", "登记日期", "答辩日期", "开庭时间", "出庭负责人",
           "主要负责人出庭", "负责人未出庭", "结案方式", "是否涉企"]
ROW_B = [2, B, "李某", dt.date(2026, 9, 16), "东昌府区人民法院", "行政处罚", "2026年9月17日", dt.date(2026, 10, 8),
         dt.date(2026, 10, 20), "王某", "是", "否", "判决撤销", "否"]
ROW_C = [3, C, "某公司", "2026/6/16", "茌平区人民法院", "政府信息公开", "2026.6.20", None, "2026-07-20", None,
         "否", "是", "撤诉", "是"]
BAD = [4, "（2026）鲁1502行初104号", "赵某", "2026-02-30", "", "罚款", "", "", "", "", "", "", "", ""]


# The strict policy the intranet pages are served with here (the site's own policy is another
# change's; this one is what the ledger needs at most): no eval, no inline or blob: scripts.
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; "
       "base-uri 'self'; frame-ancestors 'none'")
RECORD_CSP = """window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(
  {uri: e.blockedURI, directive: e.effectiveDirective, file: e.sourceFile, sample: e.sample}));"""


# A document fulfilled by the test's route (to add the policy) counts as coming from the public
# network, so Chromium's private-network checks would block its requests to this loopback server;
# a real intranet page and its files come from the same address, which these checks allow.
NO_PRIVATE_NETWORK_CHECKS = ("--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessForWorkers,"
                             "PrivateNetworkAccessForNavigations,LocalNetworkAccessChecks")


def csp_violations(page):
    """Every violation on the page (the site has no inline script left)."""
    return page.evaluate("window.__csp || []")


class Office:
    """One persistent profile; restart() closes the browser and opens it again on the same data."""

    def __init__(self, playwright, profile, site_http):
        self.playwright, self.profile, self.site = playwright, profile, site_http
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = None
        self.start()

    def start(self):
        self.context = self.playwright.chromium.launch_persistent_context(
            str(self.profile), executable_path=CHROMIUM, headless=True, locale="zh-CN", timezone_id="Asia/Shanghai",
            args=CHROMIUM_ARGS + [f"--host-resolver-rules={self.site.host_resolver_rule}", NO_PRIVATE_NETWORK_CHECKS],
            viewport={"width": 1366, "height": 768}, accept_downloads=True)
        self.context.clock.set_fixed_time(NOW)
        self.context.add_init_script(RECORD_CSP)
        self.context.route(self.site.intranet_url + "**", self._with_csp)
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.page = self.context.pages[0] if self.context.pages else self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.set_default_timeout(60_000)

    def _with_csp(self, route):
        """Intranet documents get the strict policy (fetched from the same server by its local name)."""
        if route.request.resource_type != "document":
            route.continue_()
            return
        response = route.fetch(url=route.request.url.replace(self.site.intranet_url, self.site.base_url))
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})

    def restart(self):
        self.context.close()
        self.start()

    def open(self, path, base=None):
        self.page.goto((base or self.site.base_url) + path)
        # a selector, not wait_for_function: Playwright evaluates that as a string, which the
        # site's strict policy forbids (waits on a predicate use smoke_browser.wait_until)
        self.page.wait_for_selector('[data-calc-status][data-state="ready"]', timeout=BOOT_MS)
        return self.page


@pytest.fixture(scope="module")
def office(playwright_instance, site_http, tmp_path_factory):
    o = Office(playwright_instance, tmp_path_factory.mktemp("profile"), site_http)
    yield o
    o.context.close()


def test_vendored_libraries_make_no_request_and_no_eval(built_site):
    """The bundles of macros/ledger_bundle.mjs: nothing that fetches, evaluates text or makes a
    Worker (the fflate async paths are replaced by synchronous ones), and their licences beside them."""
    vendor = built_site / "assets" / "javascripts" / "vendor"
    for name in ("xlsx", "charts", "crypto"):
        code = (vendor / f"{name}.js").read_text(encoding="utf-8")
        assert not re.search(r"\bfetch\(|XMLHttpRequest|importScripts|new Worker|\beval\(|new Function", code), name
        licence = (vendor / f"{name}.LICENSE.txt").read_text(encoding="utf-8")
        assert "MIT" in licence and "Permission is hereby granted" in licence


def listed(page):
    page.wait_for_selector('[data-case-list][data-state="done"]')
    return page.locator("[data-case-list] tbody tr").evaluate_all("rows => rows.map(r => r.cells[0].textContent)")


def refresh_list(page):
    page.evaluate("document.querySelector('[data-case-list]').removeAttribute('data-state')")


def shot(page, name, phone=False):
    ARTIFACTS.mkdir(exist_ok=True)
    if phone:
        page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / f"ledger-{name}{'-phone' if phone else ''}.png"), full_page=True)
    width = 390 if phone else 1366
    assert page.evaluate("document.documentElement.scrollWidth") <= width      # no sideways scrolling
    if phone:
        page.set_viewport_size({"width": 1366, "height": 768})


def download(page, click, tmp_path):
    with page.expect_download() as info:
        click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def test_a_case_survives_reload_and_a_browser_restart(office):
    page = office.open("ledger/")
    page.fill("#ledger-agency-name", "聊城市某局")
    page.select_option("#ledger-agency", "city_department")
    page.click('[data-action="new"]')
    page.fill("#f-case_number", A)
    page.fill("#f-plaintiffs", "聊城某某有限公司")
    page.fill("#f-court", "东昌府区人民法院")
    page.select_option("#f-act_type", "coercion")
    page.fill("#f-complaint_served", "2026-11-20")
    page.fill("#f-registered_date", "2026-11-19")            # before service: refused, said at the field
    page.check("#f-enterprise_party")
    page.check("#f-loss_risk")
    page.click("[data-ledger-form] button[type=submit]")
    error = page.locator('.calc-error[data-error-for="registered_date"]')
    error.wait_for(state="visible")
    assert "“登记日期”不能早于“起诉状副本送达日期”" in error.inner_text()
    page.fill("#f-registered_date", "")
    page.click("[data-ledger-form] button[type=submit]")
    assert listed(page) == [A]
    assert "待登记" in page.locator("[data-case-list] tbody tr").inner_text()
    page.reload()
    assert listed(page) == [A]
    office.restart()
    page = office.open("ledger/")
    assert listed(page) == [A]
    assert page.input_value("#ledger-agency-name") == "聊城市某局"
    assert page.locator("[data-backup-reminder]").is_visible()    # never exported


def test_the_deadlines_calculator_reads_and_writes_the_chosen_case(office):
    page = office.open("calculators/deadlines/")
    page.wait_for_selector("[data-case-select] option >> nth=1", state="attached")
    page.select_option("[data-case-select]", label=f"{A}　聊城某某有限公司")
    wait_until(page, "document.querySelector('#f-complaint_served').value === '2026-11-20'")
    page.wait_for_selector('[data-calc-result][data-state="done"]')
    assert "2026年12月7日" in page.locator("[data-calc-result]").inner_text()    # 5 Dec is a Saturday
    page.fill("#f-hearing_date", "2026-12-15")
    page.wait_for_selector("text=已保存到台账中的本案。")
    page = office.open("ledger/")
    listed(page)
    page.click(f'[data-case] >> text="编辑"')
    assert page.input_value("#f-hearing_date") == "2026-12-15"               # typed once, used everywhere
    page.click('[data-action="cancel"]')


def office_xlsx(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2026年行政案件登记"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    for cell in sheet["H"][1:] + sheet["D"][1:] + sheet["I"][1:]:
        cell.number_format = "yyyy-mm-dd"
    book.save(path)
    return path


def import_file(page, path, *, mode="add", ok=True):
    page.set_input_files("[data-import-file]", str(path))
    page.wait_for_selector('[data-import-panel] [data-action="import-commit"]')
    page.check(f'[name="ledger-import-mode"][value="{mode}"]')
    if ok:
        refresh_list(page)   # listed() then waits for the list shown after the import
    page.click('[data-action="import-commit"]')


def test_an_offices_excel_ledger_with_a_bad_row_imports_nothing_then_imports_corrected(office, tmp_path):
    page = office.open("ledger/")
    listed(page)
    import_file(page, office_xlsx(tmp_path / "台账.xlsx", [ROW_B, ROW_C, BAD]), ok=False)
    result = page.locator("[data-import-result]")
    result.locator(".ledger-import-errors").wait_for()
    text = result.inner_text()
    assert "本文件未导入任何案件" in text
    assert "第4行“收案日期”列：“起诉状副本送达日期”不是有效日期：2026-02-30" in text
    assert "第4行“行为类别”列" in text
    assert listed(page) == [A]
    page.click("[data-import-panel] >> text=取消")
    import_file(page, office_xlsx(tmp_path / "台账-改正.xlsx", [ROW_B, ROW_C]))
    page.wait_for_selector("text=已导入 2 件案件")
    assert sorted(listed(page)) == [A, B, C]
    shot(page, "cases")
    shot(page, "cases", phone=True)


def test_deadlines_across_cases_and_one_calendar(office, tmp_path):
    page = office.open("ledger/deadlines/")
    page.wait_for_selector('[data-due-list][data-state="done"]')
    def rows(bucket):
        return page.locator(f'[data-bucket="{bucket}"] tbody tr').evaluate_all(
            "rs => rs.map(r => r.cells[1].textContent + ' ' + r.dataset.deadline)")
    # B and C are concluded (an outcome, no ruling served): their past dates are not listed
    assert rows("overdue") == [f"{A} register"]         # served Fri 20 Nov + 3 days: Mon 23 Nov
    assert rows("today") == []
    assert rows("week") == [f"{A} risk_report"]         # Wed 2 Dec: 3rd working day before Mon 7 Dec
    assert rows("month") == [f"{A} answer"]             # 20 Nov + 15 days = Sat 5 Dec, so Mon 7 Dec
    basis = page.locator(f'[data-bucket="overdue"] tr[data-deadline="register"] a.calc-cite').first
    assert basis.inner_text() == "《办法》第三十八条第一款"
    assert basis.get_attribute("href").endswith("measures/chapter-5/#art-38-1")
    ics = download(page, lambda: page.click('[data-action="ics"]'), tmp_path).read_text(encoding="utf-8")
    assert ics.count("BEGIN:VEVENT") == 2              # A's risk report and answer; its registration is past
    assert f"SUMMARY:【{A}】提交答辩状" in ics.replace("\r\n ", "")
    page.locator(f'[data-bucket="overdue"] [data-done$=":register"]').first.click()
    wait_until(page, "!document.querySelector('[data-bucket=\"overdue\"] tr[data-deadline=\"register\"]')")
    page.emulate_media(media="print")
    page.evaluate("document.body.classList.add('ledger-print-week')")
    assert not page.locator('[data-bucket="month"]').is_visible()
    page.emulate_media(media="screen")
    page.evaluate("document.body.classList.remove('ledger-print-week')")
    shot(page, "deadlines")
    shot(page, "deadlines", phone=True)


def test_export_xlsx_reads_back_with_openpyxl(office, tmp_path):
    page = office.open("ledger/")
    listed(page)
    path = download(page, lambda: page.click('[data-action="export-xlsx"]'), tmp_path)
    assert path.name == "应诉案件台账-2026-11-29.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["台账", "说明", "完整记录"]
    sheet = book["台账"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["案号", "受理法院", "审级"]
    rows = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {A, B, C}
    assert rows[B]["起诉状副本送达日期"] == dt.datetime(2026, 9, 16)      # a date, not text
    assert rows[B]["审理结果"] == "判决撤销、确认违法或无效、责令履行、变更或者给付（败诉）"
    assert rows[A]["答辩举证期限"] == dt.datetime(2026, 12, 7)
    assert rows[C]["原告或第三人中有企业法人（涉企行政案件）"] == "是"
    assert {r[0].value: r[1].value for r in book["说明"].iter_rows(min_row=2)}["填报单位"] == "聊城市某局"
    wait_until(page, "document.querySelector('[data-backup-reminder]').hidden")


def test_statistics_charts_and_the_report(office, tmp_path):
    page = office.open("ledger/statistics/")
    page.wait_for_selector('[data-charts][data-state="drawn"]')
    figures = dict(page.locator("tr[data-figure]").evaluate_all(
        "rs => rs.map(r => [r.dataset.figure, r.cells[1].textContent + '|' + r.cells[3].textContent])"))
    assert figures["cases"] == "3件|—"
    assert figures["head_rate"] == "50%|未达到"            # B heard with a head, C without
    assert figures["principal_quota"] == "1次，应至少1次|达到"
    assert figures["loss_rate"] == "50%|—"                # B lost, C withdrawn
    assert figures["register_on_time"] == "50%|未达到"     # C registered a day late
    assert figures["enterprise"].startswith("2件|")         # A and C
    drawn = page.locator("[data-chart] canvas").evaluate_all(
        "cs => cs.map(c => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v !== 0))")
    assert drawn == [True, True, True, True]
    cite = page.locator('tr[data-figure="head_rate"] a.calc-cite').first
    assert cite.get_attribute("href").endswith("measures/chapter-3/#art-20-1")
    shot(page, "statistics")
    shot(page, "statistics", phone=True)
    path = download(page, lambda: page.click('[data-action="report-docx"]'), tmp_path)
    report = docx.Document(path)
    texts = [p.text for p in report.paragraphs]
    assert texts[0] == "聊城市某局2026年行政应诉工作统计分析报告"
    assert any("【结合上述数据" in t for t in texts)
    assert len(report.inline_shapes) == 4
    first_table = [[c.text for c in row.cells] for row in report.tables[0].rows]
    assert first_table[2][1] == "负责人出庭应诉率" and first_table[2][2].startswith("50%")
    stats_file = download(page, lambda: page.click('[data-action="stats-file"]'), tmp_path)
    values = {r[0]: r[1] for r in openpyxl.load_workbook(stats_file).active.iter_rows(min_row=2, values_only=True)}
    assert values["案件数"] == 3 and values["填报单位"] == "聊城市某局"
    office.stats_file = stats_file


def test_a_full_disk_is_said_and_loses_nothing(office):
    page = office.open("ledger/")
    before = listed(page)
    page.evaluate("""() => { IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }; }""")
    page.click('[data-action="new"]')
    page.fill("#f-case_number", "（2026）鲁1502行初105号")
    page.fill("#f-complaint_served", "2026-11-25")
    page.click("[data-ledger-form] button[type=submit]")
    page.wait_for_selector("text=本机浏览器的存储空间已满，本次修改未能保存")
    page.reload()
    assert listed(page) == before


def test_a_password_protected_backup_is_restored_on_the_intranet_address(office, tmp_path):
    page = office.open("ledger/")
    listed(page)
    page.click('[data-action="export-locked"]')
    page.fill("#ledger-password", "正确的密码2026")
    page.fill("#ledger-password2", "正确的密码2026")
    locked = download(page, lambda: page.click("[data-password-form] button[type=submit]"), tmp_path)
    assert locked.suffix == ".enc" and b"PK" not in locked.read_bytes()[:200]
    # the intranet address: plain http, no WebCrypto; its own (empty) ledger
    page = office.open("ledger/", base=office.site.intranet_url)
    assert page.evaluate("window.isSecureContext") is False
    assert listed(page) == []
    page.set_input_files("[data-import-file]", str(locked))
    page.fill("#ledger-password", "错误的密码")
    page.click("[data-password-form] button[type=submit]")
    page.wait_for_selector("text=密码不正确")
    page.fill("#ledger-password", "正确的密码2026")
    page.click("[data-password-form] button[type=submit]")
    page.wait_for_selector('[data-import-panel] [data-action="import-commit"]')
    page.check('[name="ledger-import-mode"][value="replace"]')
    refresh_list(page)
    page.click('[data-action="import-commit"]')
    page.wait_for_selector("text=已导入 3 件案件")
    assert sorted(listed(page)) == [A, B, C]
    assert csp_violations(page) == []
    office.locked = locked
    # the statistics and their charts under the same policy
    page = office.open("ledger/statistics/", base=office.site.intranet_url)
    page.wait_for_selector('[data-charts][data-state="drawn"]')
    assert page.locator("tr[data-figure=head_rate] td").nth(1).inner_text() == "50%"
    assert csp_violations(page) == []


def test_the_justice_bureau_sees_the_area_by_agency(office, tmp_path):
    page = office.open("ledger/area/", base=office.site.intranet_url)
    page.set_input_files("[data-area-file]", [str(office.locked), str(office.stats_file)])
    page.fill("#ledger-password", "正确的密码2026")
    page.click("[data-password-form] button[type=submit]")
    page.wait_for_selector('[data-area-result][data-state="done"]')
    rows = page.locator("tr[data-agency]").count()
    assert rows == 2
    misses = page.locator("[data-miss]").all_inner_texts()
    assert misses and all(m.startswith("聊城市某局：负责人出庭应诉率50%") for m in misses[:1])
    assert csp_violations(page) == []
    shot(page, "area")


def test_clear_data_says_what_it_deletes_and_every_request_was_local(office):
    page = office.open("ledger/")
    listed(page)
    described = page.evaluate("YingsuLedger.describe()")
    assert described["cases"] == 3 and described["database"] == "yingsu-ledger"
    page.click('[data-action="clear-all"]')
    assert "3 件案件" in page.locator(".ledger-clear").inner_text()
    refresh_list(page)
    page.click('[data-action="clear-confirm"]')
    page.wait_for_selector("text=已删除本机保存的台账（3 件案件）")
    assert page.evaluate("YingsuLedger.list().then(l => l.length)") == 0
    assert office.errors == []
    outside = [u for u in office.requests if not office.site.is_local(u)]
    assert outside == []

"""The 台账 pages (docs/ledger/): the containers the page scripts bring to life, rendered at
build time from calculators/ledger.py (the case form, the Excel columns) and
calculators/forms.py (the statistics form), so no label or option is written twice.

- ``ledger_app("cases")``       the case list, the case form, Excel in and out, backups;
- ``ledger_app("deadlines")``   what is due across cases, the calendar file, the weekly list;
- ``ledger_app("statistics")``  the figures of measures/43/1, charts and the written report;
- ``ledger_app("area")``        the justice bureau's figures by agency.

Each container carries data-calculator (the Python runtime starts as the page opens) but is
no <form data-calculator>, so the calculator pages' script leaves it alone; the scripts are
overrides/assets/javascripts/ledger.js (cases, deadlines), ledger-files.js (.xlsx, encryption)
and ledger-stats.js (statistics, area).
"""
import html
import json

from calculators import ledger, registry
from calculators.forms import form
from calculators.quota import AGENCIES

from . import calculator_pages, documents_form

PAGES = {"cases": "ledger/index.md", "deadlines": "ledger/deadlines.md", "statistics": "ledger/statistics.md",
         "area": "ledger/area.md"}


def _attr(value) -> str:
    return html.escape(json.dumps(value, ensure_ascii=False), quote=True)


def _urls(page: str) -> dict:
    """Links the scripts need, relative to `page` (the site may live under any sub-path)."""
    return {name: calculator_pages._url(page, target) for name, target in
            {**PAGES, "documents": registry.spec("documents").page_path,
             "deadlines_calc": registry.spec("deadlines").page_path}.items()}


def _case_form(page: str) -> str:
    groups = []
    for legend, ref, names in ledger.GROUPS:
        inner = "".join(documents_form._field(ledger.FIELDS[n], page) for n in names)
        groups.append(f'<fieldset class="doc-group"><legend>{html.escape(legend)}'
                      f'（{documents_form._link(page, ref)}）</legend>{inner}</fieldset>')
    return "\n".join([
        '<form class="doc-form ledger-form" data-ledger-form novalidate autocomplete="off" hidden>',
        '<h2 class="ledger-form-title" data-form-title>新增案件</h2>',
        *groups,
        '<p class="calc-error" data-error-for="" role="alert" hidden></p>',
        '<div class="calc-actions">'
        '<button type="submit" class="md-button md-button--primary">保存案件</button>'
        '<button type="button" class="md-button" data-action="cancel">取消</button>'
        '<button type="button" class="md-button ledger-danger" data-action="delete" hidden>删除本案</button>'
        '</div></form>',
    ])


def _settings() -> str:
    options = "".join(f'<option value="{k}">{html.escape(v)}</option>' for k, v in AGENCIES.items())
    return ('<fieldset class="doc-group ledger-settings" data-ledger-settings><legend>本机关</legend>'
            '<div class="calc-field"><label for="ledger-agency-name">单位名称</label>'
            '<input type="text" id="ledger-agency-name" name="agency_name" maxlength="100"></div>'
            '<div class="calc-field"><label for="ledger-agency">机关类别</label>'
            f'<select id="ledger-agency" name="agency"><option value="">（请选择）</option>{options}</select></div>'
            '<p class="calc-help">用于统计分析（年度出庭指标、案件研讨会）和导出文件。</p></fieldset>')


def _files() -> str:
    return ('<div class="calc-actions ledger-files" data-ledger-files>'
            '<button type="button" class="md-button" data-action="export-xlsx">导出 Excel 台账</button>'
            '<button type="button" class="md-button" data-action="export-locked">导出加密备份</button>'
            '<button type="button" class="md-button" data-action="import">导入 Excel 台账或备份</button>'
            '<input type="file" accept=".xlsx,.enc" data-import-file hidden>'
            '<button type="button" class="md-button ledger-danger" data-action="clear-all">清除本机数据</button>'
            '<span class="doc-tools-message" data-files-message role="status"></span></div>'
            '<div class="ledger-import" data-import-panel hidden></div>')


def _statistics_form(page: str, marker: str, names=None) -> str:
    fields = "".join(documents_form._field(f, page) for f in form("statistics").fields
                     if names is None or f.name in names)
    return (f'<form class="calc-form ledger-stats-form" {marker} novalidate autocomplete="off">{fields}'
            '<p class="calc-error" data-error-for="" role="alert" hidden></p></form>')


def ledger_app(kind: str, page: str) -> str:
    """The container of one ledger page."""
    if kind not in PAGES:
        raise KeyError(kind)
    spec = {"kind": kind, "urls": _urls(page), "agencies": AGENCIES, **ledger.form_spec(),
            "buckets": ledger.BUCKETS, "labels": ledger.labels()}
    refs = documents_form._refs(page)
    parts = [f'<div class="ledger-app" data-ledger-page="{kind}" data-calculator="statistics" '
             f'data-spec="{_attr(spec)}" data-refs="{_attr(refs)}">',
             '<div class="calc-status" data-calc-status role="status">台账保存在本机浏览器中，不会发送到任何地方。</div>',
             '<div class="admonition warning ledger-reminder" data-backup-reminder role="status" hidden></div>',
             '<p class="calc-error ledger-storage-error" data-storage-error role="alert" hidden></p>']
    if kind == "cases":
        parts += [_settings(),
                  '<div class="calc-actions"><button type="button" class="md-button md-button--primary" '
                  'data-action="new">新增案件</button>'
                  '<input type="search" class="ledger-filter" data-filter placeholder="按案号、原告、法院筛选" '
                  'aria-label="筛选案件"></div>',
                  _case_form(page), '<div class="ledger-list" data-case-list aria-live="polite"></div>', _files()]
    elif kind == "deadlines":
        parts += ['<div class="calc-actions ledger-due-actions">'
                  '<button type="button" class="md-button md-button--primary" data-action="ics" disabled>'
                  '下载全部待办期限的日历文件（.ics）</button>'
                  '<button type="button" class="md-button" data-action="print-week" disabled>打印本周期限清单</button>'
                  '<span class="doc-tools-message" data-due-message role="status"></span></div>',
                  '<div class="ledger-due" data-due-list aria-live="polite"></div>']
    elif kind == "statistics":
        parts += [_statistics_form(page, "data-stats-form"),
                  '<div class="calc-actions ledger-stats-actions">'
                  '<button type="button" class="md-button md-button--primary" data-action="report-docx" disabled>'
                  '下载统计分析报告（Word）</button>'
                  '<button type="button" class="md-button" data-action="report-print" disabled>打印统计分析报告</button>'
                  '<button type="button" class="md-button" data-action="stats-file" disabled>导出统计数据（报送司法局）</button>'
                  '<span class="doc-tools-message" data-stats-message role="status"></span></div>',
                  '<div class="ledger-stats" data-stats-result aria-live="polite"></div>']
    else:
        parts += [_statistics_form(page, "data-area-form", ("year", "quarter", "as_of")),
                  '<div class="calc-actions">'
                  '<button type="button" class="md-button md-button--primary" data-action="area-import">'
                  '导入各单位的台账或统计数据</button>'
                  '<input type="file" accept=".xlsx,.enc" multiple data-area-file hidden>'
                  '<button type="button" class="md-button" data-action="area-clear">清空已导入的单位</button>'
                  '<span class="doc-tools-message" data-area-message role="status"></span></div>',
                  '<div class="ledger-area-sources" data-area-sources></div>',
                  '<div class="ledger-stats" data-area-result aria-live="polite"></div>']
    parts.append("</div>")
    return "\n".join(parts) + "\n"

"""The form of the documents page (calculator “documents”): the flat fields of
calculators/forms.py in groups, plus the two lists (agents, evidence) whose columns come from
calculators/documents/rows.py. overrides/assets/javascripts/documents.js brings it to life.

The wrapper carries data-calculator (so the runtime starts early) but the <form> does not,
so the generic calc-form.js leaves it alone.
"""
import html
import json

from calculators import provisions
from calculators.documents import rows
from calculators.forms import form

from . import calculator_pages, site_map

# (legend, provision the group follows, field names, lists after the fields) — every flat field
# in exactly one group; the lists' rows are described in calculators/documents/rows.py
GROUPS = (
    ("案件和当事人", "measures/15/1",
     ("court", "case_number", "cause", "act", "plaintiffs", "third_parties", "co_defendants"), ()),
    ("答辩机关和应诉承办单位", "measures/10/1",
     ("agency_name", "agency_address", "agency_phone", "representative_name", "representative_title", "defendant",
      "undertaker_unit", "justice_bureau"), ("agents",)),
    ("行政复议", "measures/14/1",
     ("reconsidered", "reconsideration_role", "reconsideration_body", "reconsideration_decision",
      "reconsideration_date", "reconsideration_outcome"), ()),
    ("日期", "alp/67/1", ("complaint_served", "hearing_date", "answer_date"), ()),
    ("答辩内容", "measures/15/1",
     ("answer_form", "requests", "authority", "facts", "legal_basis", "views", "duty_claim"), ()),
    ("程序性答辩意见（勾选后生成相应段落）", "measures/15/2", tuple(f"objection_{n}" for n in range(1, 9)), ()),
    ("起诉期限核对（用于第（三）项）", "measures/15/2/3",
     ("fp_known_date", "fp_filed_date", "fp_reconsideration_decision_served", "fp_informed_of_period",
      "fp_act_date", "fp_real_estate"), ()),
    ("证据目录", "measures/16", ("evidence_layout",), ("evidence",)),
    ("出庭应诉负责人", "measures/19/4",
     ("head_name", "head_post", "plaintiff_count", "compensation_claimed", "suing_units", "enterprise_party",
      "enforcement_impact", "public_interest", "public_attention", "mass_incident_risk", "procuratorate",
      "justice_bureau_requires", "court_notice", "other"), ()),
    ("负责人不能出庭", "measures/20/1", ("head_absent", "head_absence_ground", "head_absence_reason", "hearing_postpone"), ()),
    ("败诉风险和延长举证期限", "measures/18/1", ("loss_risk", "extension", "extension_reason"), ()),
    ("质证", "measures/30", (), ("plaintiff_evidence",)),
    ("裁判后", "measures/33/1",
     ("ruling_kind", "ruling_date", "ruling_served", "ruling_result", "appeal", "appeal_court", "appeal_served",
      "ruling_effective", "performance"), ()),
    ("司法建议、检察建议", "measures/36",
     ("suggestion_kind", "suggestion_from", "suggestion_number", "suggestion_received"), ()),
)

# list field -> (legend, provision, add-button text, row title); its unit, columns and how many
# rows: calculators/documents/rows.py LISTS
LISTS = {
    "agents": ("诉讼代理人（1至2名，至少1名为本机关工作人员）", "measures/27/1", "添加代理人", "代理人"),
    "evidence": ("证据（按录入顺序编号）", "measures/16", "添加证据", "证据"),
    "plaintiff_evidence": ("原告证据（填写后生成质证意见）", "measures/30", "添加原告证据", "原告证据"),
}
# lists whose rows can be moved up and down (their order is the numbering)
ORDERED = ("evidence", "plaintiff_evidence")


def _link(page: str, ref: str) -> str:
    href = calculator_pages._url(page, site_map.target(ref))
    return f'<a href="{href}">{html.escape(provisions.label(ref, short=True))}</a>'


def _control(field) -> str:
    if field.kind == "text" and field.lines > 1:
        attrs = f'id="f-{field.name}" name="{field.name}" data-kind="text" rows="{field.lines + 1}"'
        required = "<span class=calc-required> *</span>" if field.required else ""
        return (f'<label for="f-{field.name}">{html.escape(field.label)}{required}</label>'
                f"<textarea {attrs}></textarea>")
    return calculator_pages._control(field)


def _field(field, page: str) -> str:
    cond = (f' data-show-if="{field.show_if[0]}" data-show-if-value="{html.escape(json.dumps(field.show_if[1]))}"'
            if field.show_if else "")
    wide = " doc-wide" if field.kind == "text" and field.lines > 1 else ""
    return (f'<div class="calc-field calc-{field.kind}{wide}" data-field="{field.name}"{cond}>{_control(field)}'
            f'{calculator_pages._help(field, page)}'
            f'<p class="calc-error" data-error-for="{field.name}" role="alert" hidden></p></div>')


def _list_spec() -> dict:
    """The lists' columns for documents.js (it builds the rows with createElement)."""
    return {name: {"unit": rows.LISTS[name].unit, "title": row_title, "min": rows.LISTS[name].minimum,
                   "max": rows.LISTS[name].maximum, "add": add, "ordered": name in ORDERED,
                   "columns": [{"name": c.name, "kind": c.kind, "label": c.label, "required": c.required,
                                "options": c.options or {}, "default": c.default, "lines": c.lines,
                                "max": c.max_length} for c in rows.LISTS[name].columns]}
            for name, (_, _, add, row_title) in LISTS.items()}


def _list(name: str, legend: str, ref: str, add: str, page: str) -> str:
    return (f'<fieldset class="doc-group doc-list" data-list="{name}"><legend>{html.escape(legend)}'
            f'（{_link(page, ref)}）</legend>'
            f'<div class="doc-rows" data-rows="{name}"></div>'
            f'<p class="calc-error" data-error-for="{name}" role="alert" hidden></p>'
            f'<button type="button" class="md-button" data-add="{name}">{html.escape(add)}</button></fieldset>')


def _refs(page: str) -> dict:
    return {"root": calculator_pages._url(page, "index.md") or "./"}


def form_html(page: str) -> str:
    fields = {f.name: f for f in form("documents").fields}
    grouped = [n for _, _, names, _ in GROUPS for n in names]
    assert sorted(grouped) == sorted(fields), "every field of the documents form in exactly one group"
    assert sorted(n for *_, lists in GROUPS for n in lists) == sorted(LISTS), "every list in exactly one group"
    parts = []
    for legend, ref, names, lists in GROUPS:
        if names:
            parts.append(f'<fieldset class="doc-group"><legend>{html.escape(legend)}（{_link(page, ref)}）</legend>'
                         + "".join(_field(fields[n], page) for n in names) + "</fieldset>")
        parts += [_list(name, LISTS[name][0], LISTS[name][1], LISTS[name][2], page) for name in lists]
    spec = html.escape(json.dumps(_list_spec(), ensure_ascii=False))
    refs = html.escape(json.dumps(_refs(page), ensure_ascii=False))
    return "\n".join([
        f'<div class="doc-app" data-calculator="documents" data-refs="{refs}" data-lists="{spec}"'
        f'{calculator_pages._case_fields("documents")}>',
        '<form class="doc-form" data-documents-form novalidate autocomplete="off">',
        '<div class="calc-status" data-calc-status role="status">计算器将在本机浏览器中启动，输入的内容只保存在本机，不会发送到任何地方。</div>',
        '<div class="calc-actions doc-draft">'
        '<button type="button" class="md-button" data-action="export">导出草稿（保存为文件）</button>'
        '<button type="button" class="md-button" data-action="import">导入草稿</button>'
        '<input type="file" accept=".json,application/json" data-import-file hidden>'
        '<button type="button" class="md-button" data-action="clear">清除草稿</button>'
        '<span class="doc-draft-state" data-draft-state role="status"></span></div>',
        # every error at once, each linked to its field (documents.js); focus goes to the first
        '<div class="calc-summary" data-calc-summary role="alert" hidden></div>',
        *parts,
        '<p class="calc-error" data-error-for="" role="alert" hidden></p>',
        '<div class="calc-actions"><button type="submit" class="md-button md-button--primary">生成文书</button>'
        '<span class="doc-submit-note" data-submit-note role="status"></span></div>',
        "</form>",
        '<div class="doc-result" data-doc-result aria-live="polite"></div>',
        "</div>",
    ]) + "\n"

"""Calculator pages: the form (from calculators.forms), the ref->URL map for the page script,
and links between calculators and the articles they encode."""
import html
import json
import posixpath

from calculators import provisions
from calculators.forms import FORMS

from . import site_map

PAGES = {
    "deadlines": "calculators/deadlines.md",
    "undertaker": "calculators/undertaker.md",
    "principal_appearance": "calculators/principal.md",
    "appearance_quota": "calculators/quota.md",
    "filing_period": "calculators/filing-period.md",
    "documents": "calculators/documents.md",
    "statistics": "ledger/statistics.md",
}

MODULES = {
    "deadlines": "deadlines",
    "undertaker": "undertaker",
    "principal_appearance": "principal",
    "appearance_quota": "quota",
    "filing_period": "filing_period",
    "statistics": "statistics",
}

INPUT_TYPES = {"date": "date", "int": "number", "amount": "number", "text": "text"}


def related_articles() -> dict[str, list[tuple[str, str]]]:
    """Article id -> [(calculator title, docs page)] for the articles each calculator encodes."""
    out: dict[str, list] = {}
    for name, form in FORMS.items():
        for ref in form.refs:
            article = "/".join(ref.split("/")[:2])
            entry = (form.title + "（计算器）", PAGES[name])
            if ref.startswith("measures/") and entry not in out.setdefault(article, []):
                out[article].append(entry)
    return out


def _help(field, page: str) -> str:
    cite = ""
    if field.ref:
        href = _url(page, site_map.target(field.ref))
        cite = f'（<a href="{href}">{html.escape(provisions.label(field.ref, short=True))}</a>）'
    return f'<p class="calc-help">{html.escape(field.help)}{cite}</p>' if field.help or cite else ""


def _url(page: str, target: str) -> str:
    """Built-site URL (directory URLs) of docs target path#anchor, relative to docs page `page`."""
    path, _, frag = target.partition("#")
    def built(p):  # measures/chapter-3.md -> measures/chapter-3/ ; x/index.md -> x/
        p = p[:-3]
        return (p[:-5] if p.endswith("index") else p + "/")
    here = built(page)
    rel = posixpath.relpath(built(path) or ".", here or ".")
    rel = "" if rel == "." else rel + "/"
    return rel + (f"#{frag}" if frag else "")


def _control(field) -> str:
    attrs = f'id="f-{field.name}" name="{field.name}" data-kind="{field.kind}"'
    if field.required:
        attrs += " required"
    if field.default is not None:
        default = "true" if field.default is True else "false" if field.default is False else field.default
        attrs += f' data-default="{html.escape(str(default))}"'
    if field.kind == "bool":
        return f'<label class="calc-check"><input type="checkbox" {attrs}> {html.escape(field.label)}</label>'
    label = (f'<label for="f-{field.name}">{html.escape(field.label)}'
             f'{"<span class=calc-required> *</span>" if field.required else ""}</label>')
    if field.kind == "choice":
        options = "" if field.required or field.default else '<option value="">（请选择）</option>'
        options += "".join(f'<option value="{k}">{html.escape(v)}</option>' for k, v in field.options.items())
        return f"{label}<select {attrs}>{options}</select>"
    extra = ""
    if field.kind in ("int", "amount"):
        extra = ' inputmode="decimal"' + (' step="1"' if field.kind == "int" else ' step="any"')
        if field.minimum is not None:
            extra += f' min="{field.minimum}"'
    return f'{label}<input type="{INPUT_TYPES[field.kind]}" {attrs}{extra}>'


def form_html(name: str, page: str) -> str:
    """The calculator's form, status line and result area (the page script brings it to life)."""
    if name == "documents":  # lists of rows: its own form and script (documents.js)
        from . import documents_form
        return documents_form.form_html(page)
    form = FORMS[name]
    rows = []
    for f in form.fields:
        cond = f' data-show-if="{f.show_if[0]}" data-show-if-value="{json.dumps(f.show_if[1])}"' if f.show_if else ""
        rows.append(f'<div class="calc-field calc-{f.kind}" data-field="{f.name}"{cond}>{_control(f)}'
                    f'{_help(f, page)}<p class="calc-error" data-error-for="{f.name}" role="alert" hidden></p></div>')
    refs = {"root": _url(page, "index.md") or "./",
            "chapters": {a["number"]: a["chapter"] for a in provisions.instrument("measures")["articles"]},
            "law": {k: v for k, v in site_map.LAW_PAGES.items()}}
    return "\n".join([
        # (data attribute, not a <script type="application/json">: instant navigation re-runs scripts)
        f'<form class="calc-form" data-calculator="{name}" data-refs="{html.escape(json.dumps(refs, ensure_ascii=False))}"'
        + _case_fields(name) + ' novalidate autocomplete="off">',
        '<div class="calc-status" data-calc-status role="status">计算器将在本机浏览器中启动，输入的内容不会发送到任何地方。</div>',
        *rows,
        '<p class="calc-error" data-error-for="" role="alert" hidden></p>',
        '<div class="calc-actions">'
        '<button type="button" class="md-button" data-action="clear">清除本机数据</button>'
        + ('<button type="button" class="md-button md-button--primary" data-action="ics" disabled>下载日历文件（.ics）</button>'
           if name == "deadlines" else "") + '</div>',
        "</form>",
        '<div class="calc-result" data-calc-result aria-live="polite"></div>',
    ]) + "\n"


def _case_fields(name: str) -> str:
    """data-case-fields on a form about one case: the ledger's case control (ledger-store.js)
    offers the ledger's cases there, with the page's field names that differ from the record's."""
    from calculators.ledger import case_fields
    aliases = case_fields(name)
    return "" if aliases is None else f' data-case-fields="{html.escape(json.dumps(aliases), quote=True)}"'


def encoded_articles(name: str, page: str) -> str:
    """Markdown list of the provisions a calculator encodes, linked."""
    return "\n".join(f"- [{provisions.label(ref, short=True)}]({site_map.relative(page, site_map.target(ref))})"
                     for ref in FORMS[name].refs) + "\n"

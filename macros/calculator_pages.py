"""Calculator pages, all from the calculators' specs (calculators/spec.py): the generated page of
each calculator, its form, the navigation entries, the index table, and the links between the
calculators and the articles they encode."""
import html
import json

from calculators import citations, inputs, provisions, registry, urls

from . import site_map

INPUT_TYPES = {"date": "date", "int": "number", "amount": "number", "text": "text"}

PAGE = """---
calculator: {name}
hide:
  - toc
title: {title}
---

# {title}

{{{{ calculator_form('{name}') }}}}

## 计算规则 {{ #rules }}

以下规则表在网站构建时由同一套计算程序生成，浏览器不能运行计算器时也可查阅。

{{{{ rule_table('{name}') }}}}

## 本计算器依据的条款 {{ #articles }}

{{{{ encoded_articles('{name}') }}}}
"""


def generated_pages() -> dict[str, str]:
    """docs path -> Markdown of every calculator page the build writes (not the hand-written ones)."""
    return {s.page_path: PAGE.format(name=s.name, title=s.title) for s in registry.specs() if s.page}


def nav() -> list:
    """The 计算器 section of the navigation: the index page, then each calculator in order."""
    return ["calculators/index.md", *({s.title: s.page_path} for s in registry.specs() if not s.path)]


def index_table(page: str) -> str:
    """The table of calculators on calculators/index.md: title (linked), purpose, what it encodes."""
    rows = ["| 计算器 | 用途 | 依据 |", "|---|---|---|"]
    for s in registry.specs():
        grouped: dict[str, list[str]] = {}
        for ref in s.refs:
            grouped.setdefault(provisions.split(ref)[0], []).append(ref)
        basis = "；".join(provisions.label(refs[0], short=True).split("》")[0] + "》"
                         + "、".join(provisions.position(r) for r in refs) for refs in grouped.values())
        rows.append(f"| [{s.title}]({site_map.relative(page, s.page_path)}) | {s.purpose} | {basis} |")
    return "\n".join(rows) + "\n"


def related_articles(edition: str = "measures") -> dict[str, list[tuple[str, str]]]:
    """Article id of the edition (qualified) -> [(calculator title, docs page)] for the articles
    each calculator encodes (written in the first edition's numbering: mapped to the edition's)."""
    out: dict[str, list] = {}
    for s in registry.specs():
        for ref in s.refs:
            if not ref.startswith("measures/"):
                continue
            mapped = provisions.in_edition("/".join(ref.split("/")[:2]), edition)
            if mapped is None:
                continue
            entry = (s.title + "（计算器）", s.page_path)
            if entry not in out.setdefault(mapped, []):
                out[mapped].append(entry)
    return out


def _help(field, page: str) -> str:
    cite = ""
    if field.ref:
        href = _url(page, site_map.target(field.ref))
        cite = f'（<a href="{href}">{html.escape(provisions.label(field.ref, short=True))}</a>）'
    words = citations.render(field.help)
    return f'<p class="calc-help">{html.escape(words)}{cite}</p>' if words or cite else ""


def _url(page: str, target: str) -> str:
    """Built-site URL (directory URLs) of docs target path#anchor, relative to docs page `page`."""
    from .linking import url

    return url(page, target)


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
        if field.maximum is not None:
            extra += f' max="{field.maximum}"'
    if field.kind == "date":   # the range the calculators accept (calculators/inputs.py)
        extra = f' min="{inputs.MIN_DATE.isoformat()}" max="{inputs.MAX_DATE.isoformat()}"'
    return f'{label}<input type="{INPUT_TYPES[field.kind]}" {attrs}{extra}>'


def form_html(name: str, page: str) -> str:
    """The calculator's form, status line and result area (the page script brings it to life)."""
    if name == "documents":  # lists of rows: its own form and script (documents.js)
        from . import documents_form
        return documents_form.form_html(page)
    spec = registry.spec(name)
    rows = []
    for f in spec.fields:
        cond = (f' data-show-if="{f.show_if[0]}" data-show-if-value="{html.escape(json.dumps(f.show_if[1]))}"'
                if f.show_if else "")   # escaped: a string value is quoted in JSON
        rows.append(f'<div class="calc-field calc-{f.kind}" data-field="{f.name}"{cond}>{_control(f)}'
                    f'{_help(f, page)}<p class="calc-error" data-error-for="{f.name}" role="alert" hidden></p></div>')
    refs = {"root": _url(page, "index.md") or "./"}
    return "\n".join([
        # (data attribute, not a <script type="application/json">: instant navigation re-runs scripts)
        f'<form class="calc-form" data-calculator="{name}" data-refs="{html.escape(json.dumps(refs, ensure_ascii=False))}"'
        + _case_fields(name) + ' novalidate autocomplete="off">',
        f'<p class="calc-intro">{html.escape(spec.intro)}</p>',
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
                     for ref in registry.spec(name).refs) + "\n"

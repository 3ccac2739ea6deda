"""mkdocs-macros module: pages call these to render the data at build time.

Pages are thin: e.g. docs/measures/chapter-3.md contains ``{{ chapter(3) }}``.
"""
import json

from calculators import provisions

from . import calculator_pages, glossary, render, site_map
from .vendor_hook import runtime_path


def define_env(env):
    measures = provisions.instrument("measures")   # the default (newest) edition
    env.variables["measures"] = {k: measures[k] for k in
                                 ("title", "issuer", "issued", "effective_from", "effective_until")}
    env.variables["pyodide_dir"] = runtime_path()   # assets/pyodide/<version>/ (deploy docs)

    def page() -> str:
        return env.page.file.src_uri

    @env.macro
    def chapter(number: int, edition: str = "measures") -> str:
        return render.chapter(number, page(), calculator_pages.related_articles(edition), edition)

    @env.macro
    def calculator_form(name: str) -> str:
        return calculator_pages.form_html(name, page())

    @env.macro
    def encoded_articles(name: str) -> str:
        return calculator_pages.encoded_articles(name, page())

    @env.macro
    def rule_table(name: str) -> str:
        """A calculator's rule table, rendered at build time so readers without WebAssembly see it."""
        from calculators import registry

        table = registry.spec(name).rule_table()
        rows = ["| " + " | ".join(table["columns"]) + " |", "|" + "---|" * len(table["columns"])]
        rows += ["| " + " | ".join(render.escape(str(c)).replace("\n", "<br>") for c in row) + " |"
                 for row in table["rows"]]
        return "\n".join(rows) + "\n"

    @env.macro
    def article_index(edition: str = "measures") -> str:
        return render.article_index(page(), edition)

    @env.macro
    def notice(edition: str = "measures") -> str:
        return render.notice(edition, page())

    @env.macro
    def measures_page(name: str = "index.md") -> str:
        """Link target of a page of the newest edition (full.md: the printable text), relative to
        this page: hand-written pages link the current text without naming its folder."""
        return site_map.relative(page(), f"{provisions.default_edition('measures').path}/{name}")

    @env.macro
    def calculator_index() -> str:
        return calculator_pages.index_table(page())

    @env.macro
    def law(key: str) -> str:
        return render.law_page(key, page())

    @env.macro
    def law_source(key: str) -> str:
        """The official publication of an upstream instrument and the origin of the site's text."""
        return render.law_source(key, page())

    @env.macro
    def law_sources_table() -> str:
        return render.law_sources_table()

    @env.macro
    def law_title(key: str) -> str:
        return provisions.instrument(key)["title"]

    @env.macro
    def law_meta(key: str) -> dict:
        return {k: v for k, v in provisions.instrument(key).items() if k != "articles"}

    @env.macro
    def link(ref: str) -> str:
        """Markdown link to a provision: {{ link('measures/22/1/1') }}."""
        return f"[{render.ref_title(ref)}]({site_map.relative(page(), site_map.target(ref))})"

    @env.macro
    def glossary_table() -> str:
        rows = ["| 术语 | 含义（原文） | 出处 |", "|---|---|---|"]
        for e in sorted(glossary.terms(), key=lambda e: e["ref"]):
            dest = site_map.relative(page(), site_map.target(e["ref"]))
            rows.append(f"| <dfn id=\"{glossary.anchor(e['term'])}\">{e['term']}</dfn> | {render.escape(e['definition'])} | [{e['label']}]({dest}) |")
        return "\n".join(rows) + "\n"

    @env.macro
    def status_data() -> str:
        """Attributes for the in-browser validity check (see overrides/assets/javascripts/site.js)."""
        return (f'data-effective-from="{measures["effective_from"]}" '
                f'data-effective-until="{measures["effective_until"]}"')

    @env.macro
    def to_json(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    @env.macro
    def ledger_app(kind: str) -> str:
        """A 台账 page's container (macros/ledger_pages.py)."""
        from . import ledger_pages
        return ledger_pages.ledger_app(kind, page())

    # Learning pages (issue 6): guide, flowcharts, topics, training, upstream links — macros/learning.py
    from . import learning
    learning.register(env)

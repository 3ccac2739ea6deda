"""MkDocs hooks: glossary tooltips on every page; the version badge on the measures' pages."""
import html as html_lib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import glossary  # noqa: E402


# Pages of a version of the measures: docs/measures/ -> calculators/data/measures.json (2021),
# docs/measures-<year>/ -> calculators/data/measures-<year>.json (a revised text beside it).
EDITION_DIR = re.compile(r"^measures(?:-(\d{4}))?/")


def edition(src_uri: str) -> dict | None:
    """The version of the measures the page `src_uri` belongs to, from the data, or None."""
    from calculators import provisions

    match = EDITION_DIR.match(src_uri)
    if not match:
        return None
    data = provisions.instrument("measures" if match.group(1) is None else f"measures-{match.group(1)}")
    return {k: data[k] for k in ("title", "version", "effective_from", "effective_until")}


def edition_badge(e: dict) -> str:
    """2021年版（2022-02-01至2027-01-31）, under the page title."""
    title = html_lib.escape(f"本页为《{e['title']}》{e['version']}年版，{e['effective_from']}起施行，"
                            f"有效期至{e['effective_until']}", quote=True)
    return (f'<p class="edition-badge" data-version="{e["version"]}" title="{title}">'
            f'{e["version"]}年版（{e["effective_from"]}至{e["effective_until"]}）</p>')


def on_page_content(html, page, config, files):
    """Tooltips for the measures' defined terms; not inside upstream law texts, whose
    terms carry those instruments' own meaning. Pages of the measures get their version."""
    if not (page.file.src_uri.startswith("law/") and page.file.src_uri != "law/index.md"):
        html = glossary.annotate(html)
    e = edition(page.file.src_uri)
    if e:
        html = re.sub(r"(</h1>)", lambda m: m.group(1) + edition_badge(e), html, count=1)
    return html


def on_config(config):
    """Expose the measures' validity dates (from the data) to the theme templates."""
    from calculators import provisions

    m = provisions.instrument("measures")
    config.extra["measures_validity"] = {k: m[k] for k in ("title", "effective_from", "effective_until")}
    return config

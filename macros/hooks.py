"""MkDocs hooks: glossary tooltips on every page."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import glossary  # noqa: E402


def on_page_content(html, page, config, files):
    """Tooltips for the measures' defined terms; not inside upstream law texts, whose
    terms carry those instruments' own meaning."""
    if page.file.src_uri.startswith("law/") and page.file.src_uri != "law/index.md":
        return html
    return glossary.annotate(html)


def on_config(config):
    """Expose the measures' validity dates (from the data) to the theme templates."""
    from calculators import provisions

    m = provisions.instrument("measures")
    config.extra["measures_validity"] = {k: m[k] for k in ("title", "effective_from", "effective_until")}
    return config

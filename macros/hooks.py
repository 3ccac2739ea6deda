"""MkDocs hooks: pages generated from the data (every edition of the measures, every calculator),
the navigation sections that list them, glossary tooltips on every page, and the edition badge
on the measures' pages. Each step is a plain function of macros/ (editions, calculator_pages,
glossary); these hooks are only the glue."""
import html as html_lib
import re

from mkdocs.structure.files import File

from macros import calculator_pages, editions, glossary   # the build runs from the repository root

# nav sections whose entries the data decides (mkdocs.yml names them with a placeholder list)
GENERATED_NAV = {"管理办法": editions.nav, "计算器": calculator_pages.nav}


def edition(src_uri: str) -> dict | None:
    """The edition of the measures the page `src_uri` belongs to, from the data, or None."""
    from calculators import provisions

    found = editions.of_page(src_uri)
    if found is None:
        return None
    data = provisions.instrument(found.id)
    return {k: data[k] for k in ("title", "version", "effective_from", "effective_until")}


def edition_badge(e: dict) -> str:
    """2021年版（2022-02-01至2027-01-31）, under the page title."""
    title = html_lib.escape(f"本页为《{e['title']}》{e['version']}年版，{e['effective_from']}起施行，"
                            f"有效期至{e['effective_until']}", quote=True)
    return (f'<p class="edition-badge" data-version="{e["version"]}" title="{title}">'
            f'{e["version"]}年版（{e["effective_from"]}至{e["effective_until"]}）</p>')


def generated_pages() -> dict[str, str]:
    """docs path -> Markdown of every page the build writes from the data."""
    return {**editions.pages(), **calculator_pages.generated_pages()}


def on_config(config):
    """The generated nav sections, and the default edition's validity for the theme templates."""
    from calculators import provisions

    for entry in config["nav"] or []:
        if isinstance(entry, dict):
            for title, make in GENERATED_NAV.items():
                if title in entry:
                    entry[title] = make()
    m = provisions.instrument("measures")
    config.extra["measures_validity"] = {k: m[k] for k in ("title", "effective_from", "effective_until")}
    # every edition's validity, oldest first: the page script finds the one in force on the reader's day
    config.extra["measures_editions"] = [
        {"version": e.edition, "from": str(e.effective_from), "until": str(e.effective_until)}
        for e in provisions.editions("measures")]
    return config


def on_files(files, config):
    """Add the generated pages; a page written by hand at the same path wins."""
    for path, content in generated_pages().items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html, page, config, files):
    """Tooltips for the measures' defined terms; not inside upstream law texts, whose
    terms carry those instruments' own meaning. Pages of the measures get their edition."""
    if not (page.file.src_uri.startswith("law/") and page.file.src_uri != "law/index.md"):
        html = glossary.annotate(html)
    e = edition(page.file.src_uri)
    if e:
        html = re.sub(r"(</h1>)", lambda m: m.group(1) + edition_badge(e), html, count=1)
    return html

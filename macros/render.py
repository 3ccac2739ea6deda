"""Markdown for the pages of the measures and the upstream law, generated from the data.

Every provision gets an anchor (art-22, art-22-1, art-22-1-1); every reference found in
the text (see references.py) becomes a link; every article lists who cites it.
"""
import re

from calculators import provisions
from calculators.numerals import to_chinese

from . import references, site_map

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")


def escape(text: str) -> str:
    """Text as literal Markdown (the measures contain no markup)."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def linked(pid: str, text: str, page: str) -> str:
    """Provision text with its references turned into Markdown links relative to `page`."""
    out, pos = [], 0
    for ref in references.find(pid, text):
        if not site_map.is_published(ref.target):
            continue
        out.append(escape(text[pos:ref.start]))
        dest = site_map.relative(page, site_map.target(ref.target))
        out.append(f'[{escape(text[ref.start:ref.end])}]({dest} "{ref_title(ref.target)}")')
        pos = ref.end
    out.append(escape(text[pos:]))
    return "".join(out)


def ref_title(ref: str) -> str:
    """Short human name of a reference target, for link titles and lists."""
    key, *parts = ref.split("/")
    if key in site_map.UNAVAILABLE:
        return site_map.UNAVAILABLE[key] + "（本站未收录全文）"
    if not parts:
        return provisions.instrument(key)["title"]
    return provisions.label(ref, short=key.split("@")[0] == "measures")


def paragraph(para: dict, page: str, multi: bool) -> str:
    """One 款 (with its 项) as HTML blocks whose inline text is Markdown."""
    number = para["id"].rsplit("/", 1)[1]
    marker = f'<span class="para-no" title="第{to_chinese(int(number))}款"></span>' if multi else ""
    lines = [f'<p class="para" id="{site_map.anchor(para["id"])}" markdown="span">'
             f'{marker}{linked(para["id"], para["text"], page)}</p>']
    if para.get("items"):
        # markdown="1": without it Python-Markdown leaves the items' own markdown="span" unread,
        # and a reference inside an item shows as [text](link) instead of a link
        lines.append('<ol class="items" markdown="1">')
        for item in para["items"]:
            lines.append(f'<li id="{site_map.anchor(item["id"])}" markdown="span">'
                         f'<span class="item-no">（{to_chinese(item["number"])}）</span>'
                         f'{linked(item["id"], item["text"], page)}</li>')
        lines.append("</ol>")
    return "\n".join(lines)


def _qualified(node: dict, edition: str) -> dict:
    """A provision node of an edition's data with its id (and its paragraphs' and items') qualified."""
    out = {**node, "id": provisions.within(edition, node["id"])}
    if "paragraphs" in node:
        out["paragraphs"] = [_qualified(p, edition) for p in node["paragraphs"]]
    if "items" in node:
        out["items"] = [_qualified(i, edition) for i in node["items"]]
    return out


def article(art: dict, page: str, cited_by: dict, related: dict) -> str:
    """An article (ids qualified): heading with anchor, its paragraphs, who cites it, related tools."""
    name = f"第{to_chinese(art['number'])}条"
    multi = len(art["paragraphs"]) > 1
    body = "\n".join(paragraph(p, page, multi) for p in art["paragraphs"])
    parts = [f'### {name} {{ #{site_map.anchor(art["id"])} data-ref="{art["id"]}" }}', "",
             f'<div class="article-body" data-ref="{art["id"]}" markdown="1">', body]
    citing = cited_by.get(art["id"], [])
    if citing:
        links = "、".join(f"[{provisions.position(p)}]({site_map.relative(page, site_map.target(p))})" for p in citing)
        parts.append(f'<p class="cited-by" markdown="span">被以下条款引用：{links}</p>')
    if related.get(art["id"]):
        links = "、".join(f"[{escape(title)}]({site_map.relative(page, dest)})" for title, dest in related[art["id"]])
        parts.append(f'<p class="related" markdown="span">相关工具与说明：{links}</p>')
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def chapter(number: int, page: str, related: dict | None = None, edition: str = "measures") -> str:
    """All articles of chapter `number` of an edition of the measures (default: the newest)."""
    edition = provisions.qualify(edition)
    measures = provisions.instrument(edition)
    cited = references.cited_by(edition)
    arts = {a["number"]: _qualified(a, edition) for a in measures["articles"]}
    chap = next(c for c in measures["chapters"] if c["number"] == number)
    return "\n".join(article(arts[n], page, cited, related or {}) for n in chap["articles"])


def article_index(page: str, edition: str = "measures") -> str:
    """Table of all articles of an edition: number, chapter and opening words, each linked."""
    edition = provisions.qualify(edition)
    measures = provisions.instrument(edition)
    chapters = {c["number"]: c for c in measures["chapters"]}
    rows = ["| 条 | 章 | 内容（开头） |", "|---|---|---|"]
    for art in measures["articles"]:
        chap = chapters[art["chapter"]]
        opening = art["paragraphs"][0]["text"]
        opening = opening[:40] + ("……" if len(opening) > 40 else "")
        link = site_map.relative(page, site_map.target(provisions.within(edition, art["id"])))
        rows.append(f"| [第{to_chinese(art['number'])}条]({link}) | 第{to_chinese(chap['number'])}章 {chap['title']} "
                    f"| {escape(opening)} |")
    return "\n".join(rows) + "\n"


NO_DOCUMENT_NUMBER = ("发文字号：本站所据的公开文本未载发文字号，本站不予补写；"
                      "需要在公文中引用文号的，请向{issuer}核实。")


def notice(edition: str = "measures", page: str | None = None) -> str:
    """The cover notice by which an edition of the measures was issued, then where the text
    comes from: its 发文字号 when the published text carries one (the 2021 text does not, and
    the page says so rather than inventing one)."""
    doc = provisions.instrument(edition)
    n = doc["notice"]
    number = (f"发文字号：{escape(doc['document_number'])}。" if doc.get("document_number")
              else NO_DOCUMENT_NUMBER.format(issuer=n["issuer"]))
    about = site_map.relative(page, "about.md#text") if page else None
    source = (f"来源：{n['issuer']}{n['date']}印发并公开发布的《{escape(n['title'])}》（文末注明“{n['publication'].strip('（）()')}”）。"
              "本站文本为该公开文本的逐字转录，仅统一了标点和数字格式"
              + (f"（[整理方法]({about})）" if about else "") + "；正式引用请以印发文件为准。")
    return "\n\n".join([
        f'<p class="notice-title">{n["title"]}</p>',
        escape(n["addressees"]),
        escape(n["body"]),
        f'<p class="notice-sign">{n["issuer"]}<br>{n["date"]}<br>{n["publication"]}</p>',
        f'<div class="measures-source" markdown="1">\n\n{number}\n\n{source}\n\n</div>',
    ]) + "\n"


def law_source(key: str, page: str) -> str:
    """Where an upstream instrument is officially published (issuing body, number, history,
    official text) and where the site's text comes from, for the top of its law page."""
    doc = provisions.instrument(key)
    pub = doc["publication"]
    sources = site_map.relative(page, "admin/sources.md")
    lines = [
        f"**制定机关**：{escape(pub['issuer'])}",
        f"**文号**：{escape(pub['number'])}",
        f"**制定和修改经过**：{escape('；'.join(doc['history']).rstrip('）'))}",
        f"**官方文本**：{escape(pub['official'])}",
        "**本站文本**：转录自公开的法律文本汇编（该汇编整理自国家法律法规数据库等官方发布的文本），"
        "文字未作任何改动，只按条、款、项分段；本站的自动检查逐字核对本站文本与所据文本一致，"
        f"但未与官方数据库逐条核对（所据文本的详细出处见[文本来源]({sources})）。正式引用请以官方公布的文本为准。",
    ]
    return ('<div class="admonition info law-source" markdown="1">\n<p class="admonition-title">官方文本与本站文本</p>\n\n'
            + "\n\n".join(lines) + "\n\n</div>\n")


def law_page(key: str, page: str) -> str:
    """An upstream instrument's published articles, each with an anchor and its citers."""
    doc = provisions.instrument(key)
    wanted = site_map.LAW_PAGES[key]
    citers = law_cited_by()
    out = []
    for art in doc["articles"]:
        if wanted is not None and art["number"] not in wanted:
            continue
        name = f"第{to_chinese(art['number'])}条"
        multi = len(art["paragraphs"]) > 1
        body = "\n".join(paragraph(p, page, multi) for p in art["paragraphs"])
        block = [f'### {name} {{ #{site_map.anchor(art["id"])} data-ref="{art["id"]}" }}', "",
                 f'<div class="article-body" data-ref="{art["id"]}" markdown="1">', body]
        if citers.get(art["id"]):
            links = "、".join(f"[{provisions.label(p, short=True)}]({site_map.relative(page, site_map.target(p))})"
                             for p in citers[art["id"]])
            block.append(f'<p class="cited-by" markdown="span">《办法》中引用本条的条款：{links}</p>')
        block.append("</div>")
        out.append("\n".join(block) + "\n")
    return "\n".join(out)


def law_cited_by() -> dict[str, list[str]]:
    """Upstream article id -> provisions of the measures (the newest edition) that name it."""
    out: dict[str, list[str]] = {}
    for pid, text in references.passages("measures"):
        for ref in references.find(pid, text):
            if not ref.target.startswith("measures") and "/" in ref.target:
                out.setdefault(ref.target, []).append(pid)
    return out


def law_sources_table() -> str:
    """For the administrators' page on sources: each upstream instrument's source file as the
    data records it (collection, path, revision), its own version line and completeness."""
    rows = ["| 文件 | 所据文本（文本集、路径与版本） | 所据文本的版本说明 | 完整性 |", "|---|---|---|---|"]
    for key in provisions.law_keys():
        doc = provisions.instrument(key)
        rows.append(f"| {escape(doc['title'])}（`{key}`） | {escape(doc['source'])} | {escape(doc['version'])} "
                    f"| {escape(doc['completeness'])} |")
    return "\n".join(rows) + "\n"

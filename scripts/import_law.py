"""Importer: upstream law texts (Markdown) -> calculators/data/law/<key>.json.

The source files in ../shared/sources/law/ are verbatim copies of the public
LawRefBook/Laws collection, each with a YAML-like header (instrument, version, source,
completeness, note). This script turns each into the same shape as
calculators/data/measures.json, so that ``provisions.cite("alp/67")`` works exactly like
``provisions.cite("measures/38/1")``.

Parsing rules (nothing is retyped; text is only cut at line breaks):
- the body is everything after ``<!-- INFO END -->``; lines holding only whitespace or
  zero-width spaces are blank;
- ``第N条`` at the start of a line opens article N; the rest of that line is its first
  paragraph; every further non-blank line is a new paragraph (款), except lines starting
  with ``（一）`` etc., which are items (项) of the paragraph before them;
- headings ``第N编`` / ``第N章`` / ``一、…`` / ``第N节`` give parts, chapters, sections;
- text before the first article (after the title block) is the preamble.
Only leading/trailing whitespace, zero-width spaces and Markdown heading marks are
stripped. tests/test_law_data.py checks the result against copies of the sources.

Run from the project root: .venv/bin/python scripts/import_law.py [SOURCE_DIR]
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from calculators.numerals import from_chinese, to_chinese  # noqa: E402

DEFAULT_SOURCES = Path(__file__).resolve().parent.parent.parent / "shared" / "sources" / "law"   # ../shared beside the repository
OUT = ROOT / "calculators" / "data" / "law"

# key -> (file prefix, official title, short title, document number or None)
INSTRUMENTS = {
    "alp": ("a_行政诉讼法_2017修正.md", "中华人民共和国行政诉讼法", "行政诉讼法", None),
    "alp-interp": ("b_行诉法解释_法释2018-1号.md",
                   "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释", "行诉法解释", "法释〔2018〕1号"),
    "head-rules": ("c_负责人出庭应诉规定_法释2020-3号.md",
                   "最高人民法院关于行政机关负责人出庭应诉若干问题的规定", "负责人出庭应诉规定",
                   "法释〔2020〕3号"),
    "cpl": ("d_民事诉讼法_2023修正.md", "中华人民共和国民事诉讼法", "民事诉讼法", None),
    "arl": ("f_行政复议法_2023修订.md", "中华人民共和国行政复议法", "行政复议法", None),
    "civil-code": ("x_民法典总则编.md", "中华人民共和国民法典", "民法典", None),
    "holiday-rules": ("x_全国年节及纪念日放假办法_2024修订.md", "全国年节及纪念日放假办法", "放假办法", None),
}

# The official publication of each instrument, in plain words for the law pages
# (macros/render.py law_source): who issued it, in what form, its number where the source
# files print one, and where the official text is published. Only what the source files in
# ../shared/sources/law/ (and their README) state: the 主席令 / 国务院令 numbers are not printed
# there, so none is written here and the page says so. The judicial interpretations' numbers
# (document_number above) come from the project's brief, not from the files: marked unverified.
NPC_DATABASE = "国家法律法规数据库（flk.npc.gov.cn）"
SPC_TEXT = "最高人民法院公布的文本（最高人民法院网站 www.court.gov.cn、《最高人民法院公报》）"
LAW_NUMBER = "以中华人民共和国主席令公布；主席令的号数未载于本站所据文本，本站不予补写，请在国家法律法规数据库中查阅"
PUBLICATIONS = {
    "alp": {"issuer": "全国人民代表大会（1989年通过）；全国人民代表大会常务委员会（2014年、2017年修正）",
            "label": "2017年6月27日第二次修正", "number": LAW_NUMBER, "official": NPC_DATABASE},
    "alp-interp": {"issuer": "最高人民法院", "label": "法释〔2018〕1号，2018年2月8日起施行",
                   "number": "法释〔2018〕1号（此文号未载于本站所据文本，系本站编写时依据的说明所载，引用前请与最高人民法院公布的文本核对）",
                   "official": SPC_TEXT},
    "head-rules": {"issuer": "最高人民法院", "label": "法释〔2020〕3号，2020年7月1日起施行",
                   "number": "法释〔2020〕3号（此文号未载于本站所据文本，系本站编写时依据的说明所载，引用前请与最高人民法院公布的文本核对）",
                   "official": SPC_TEXT},
    "cpl": {"issuer": "全国人民代表大会（1991年通过）；全国人民代表大会常务委员会（2007年至2023年五次修正）",
            "label": "2023年9月1日第五次修正", "number": LAW_NUMBER, "official": NPC_DATABASE},
    "arl": {"issuer": "全国人民代表大会常务委员会", "label": "2023年9月1日修订，2024年1月1日起施行",
            "number": LAW_NUMBER, "official": NPC_DATABASE},
    "civil-code": {"issuer": "全国人民代表大会", "label": "2020年5月28日通过，2021年1月1日起施行",
                   "number": LAW_NUMBER, "official": NPC_DATABASE},
    "holiday-rules": {"issuer": "国务院", "label": "2024年11月10日第四次修订",
                      "number": "以国务院令公布；国务院令的号数未载于本站所据文本，本站不予补写，请在国家法律法规数据库中查阅",
                      "official": NPC_DATABASE},
}

NUM = "零〇一二三四五六七八九十百"
ARTICLE = re.compile(rf"^第([{NUM}]+)条(?:[\s\u3000]+|$)")
ITEM = re.compile(rf"^（([{NUM}]+)）")
HEADING = re.compile(r"^(#+)\s*(.+?)\s*$")
ORDINAL = re.compile(rf"^第([{NUM}]+)(编|章|节)\s*(.*)$")
LIST_CHAPTER = re.compile(rf"^([{NUM}]+)、(.+)$")  # 一、受案范围 (judicial interpretations)
BLANK = re.compile(r"^[\s\u200b\ufeff]*$")


def strip(line: str) -> str:
    return line.strip().strip("\u200b\ufeff").strip()


def tidy_title(s: str) -> str:
    """Heading titles are spaced for layout (“总 则”); Chinese titles carry no spaces."""
    return re.sub(r"[\s\u2002\u3000\u200b]+", "", s)


def header(raw: str) -> dict:
    """The `key: "value"` lines between the first two `---` lines."""
    _, head, _ = raw.split("---\n", 2)
    out = {}
    for line in head.splitlines():
        if m := re.match(r'^(\w+):\s*"(.*)"\s*$', line):
            out[m[1]] = m[2]
    return out


def parse(key: str, raw: str, title: str, short_title: str, doc_number: str | None) -> dict:
    meta = header(raw)
    info, body = raw.split("<!-- INFO END -->", 1)
    title_block = info.split("---\n", 2)[2]
    history = [strip(l) for l in title_block.splitlines()
               if not BLANK.match(l) and not l.lstrip().startswith("#")]

    doc = {
        "id": key,
        "title": title,
        "short_title": short_title,
        "version": meta["version"],
        "source": f'{meta["source_repo"]} {meta["source_path"]}（commit {meta["source_commit"]}）',
        "source_note": meta["note"],
        "completeness": meta["completeness"],
        "history": history,
    }
    doc["publication"] = PUBLICATIONS[key]
    if doc_number:
        doc["document_number"] = doc_number
        doc["document_number_note"] = "文号据项目委托说明，源文件未载文号，引用前请与最高人民法院公布文本核对。"

    preamble: list[str] = []
    parts: list[dict] = []
    chapters: list[dict] = []
    articles: list[dict] = []
    section = None
    for line in body.splitlines():
        if BLANK.match(line):
            continue
        line = strip(line)
        if m := HEADING.match(line):
            text = m[2]
            if om := ORDINAL.match(tidy_title(text)):
                n, kind, name = from_chinese(om[1]), om[2], om[3]
                if kind == "编":
                    parts.append({"number": n, "title": name})
                elif kind == "章":
                    chapters.append(_chapter(key, n, name, parts))
                    section = None
                else:
                    section = {"number": n, "title": name, "articles": []}
                    chapters[-1].setdefault("sections", []).append(section)
            elif lm := LIST_CHAPTER.match(tidy_title(text)):
                chapters.append(_chapter(key, from_chinese(lm[1]), lm[2], parts))
                section = None
            # other headings (the title, a book name such as “总则”) carry no structure
            continue
        if m := ARTICLE.match(line):
            n = from_chinese(m[1])
            if n != len(articles) + 1:
                raise ValueError(f"{key}: article {n} follows {len(articles)}")
            art = {"id": f"{key}/{n}", "number": n, "paragraphs": []}
            if chapters:
                art["chapter"] = chapters[-1]["number"]
                chapters[-1]["articles"].append(n)
            if section is not None:
                section["articles"].append(n)
            articles.append(art)
            rest = line[m.end():]
            if not rest:
                raise ValueError(f"{key}/{n}: empty first paragraph")
            _paragraph(art, rest)
            continue
        if not articles:
            preamble.append(line)
            continue
        art = articles[-1]
        if m := ITEM.match(line):
            para = art["paragraphs"][-1]
            items = para.setdefault("items", [])
            number = from_chinese(m[1])
            if number != len(items) + 1:
                raise ValueError(f"{para['id']}: item {number} follows {len(items)}")
            items.append({"id": f"{para['id']}/{number}", "number": number, "text": line[m.end():].strip()})
        else:
            _paragraph(art, line)
    if preamble:
        doc["preamble"] = preamble
    if chapters:
        doc["chapters"] = chapters
    doc["articles"] = articles
    return doc


def _chapter(key: str, n: int, title: str, parts: list[dict]) -> dict:
    chapter = {"id": f"{key}/ch{n}", "number": n, "title": title, "articles": []}
    if parts:
        chapter["part"] = f"第{to_chinese(parts[-1]['number'])}编 {parts[-1]['title']}"
    return chapter


def _paragraph(art: dict, text: str) -> None:
    n = len(art["paragraphs"]) + 1
    art["paragraphs"].append({"id": f"{art['id']}/{n}", "text": text})


def expected_count(completeness: str) -> int:
    """The header states the article count: 'whole text; 103 articles 第1–103条, ...'."""
    return int(re.search(r"(\d+) articles", completeness)[1])


def main(source_dir: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for key, (filename, title, short_title, doc_number) in INSTRUMENTS.items():
        raw = (source_dir / filename).read_text(encoding="utf-8")
        doc = parse(key, raw, title, short_title, doc_number)
        want = expected_count(doc["completeness"])
        if len(doc["articles"]) != want:
            raise ValueError(f"{key}: {len(doc['articles'])} articles, header says {want}")
        path = OUT / f"{key}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(doc['articles'])} articles")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCES)

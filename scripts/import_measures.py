"""One-off importer: transcription of the measures -> calculators/data/measures.json.

The JSON it writes is the project's single source of truth for the text of the
measures; this script documents how it was derived from the published notice
(see tests/test_text_fidelity.py for the normalisation that proves no word was
lost, added or changed). Run: python scripts/import_measures.py SOURCE.txt
"""
import json
import re
import sys
from pathlib import Path

CN_DIGITS = "〇一二三四五六七八九"


def cn_number(s: str) -> int:
    """Parse 一..九十九 (enough for chapters, articles, items)."""
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)
    return CN_DIGITS.index(s)


def clean(text: str) -> str:
    """Official typography: 《》, full stops, full-width punctuation, half-width digits."""
    text = re.sub(r"\s+", "", text)
    text = text.replace("«", "《").replace("»", "》")
    text = text.replace(".", "。").replace("(", "（").replace(")", "）")
    text = text.replace(":", "：").replace(";", "；").replace("％", "%")
    text = text.translate({0xFF10 + i: ord("0") + i for i in range(10)})
    return text


def joined_lines(raw: str) -> list[str]:
    """Undo line breaks inside words: a line ending in a space after a non-punctuation
    character continues on the next line."""
    out: list[str] = []
    carry = ""
    for line in raw.splitlines():
        if carry:
            line = carry + line.lstrip()
            carry = ""
        if re.search(r"[^\s。.;；:：，,、)）室日]\s+$", line) and not CHAPTER.match(line):
            carry = line.rstrip()
            continue
        out.append(line)
    if carry:
        out.append(carry)
    return out


ITEM = re.compile(r"^\s*[（(]([一二三四五六七八九十]+)[)）]")
ARTICLE = re.compile(r"^\s*第([一二三四五六七八九十]+)条\s*")
CHAPTER = re.compile(r"^\s*第([一二三四五六七八九十]+)章\s*(.+?)\s*$")


def parse(raw: str) -> dict:
    lines = [l for l in joined_lines(raw) if l.strip()]
    first_chapter = next(i for i, l in enumerate(lines) if CHAPTER.match(l))
    head, body = lines[:first_chapter], lines[first_chapter:]
    # the notice: title (3 lines), addressees, text, issuer, date, publication note
    notice = {
        "title": clean("".join(head[0:3])),
        "addressees": clean(head[3]),
        "body": clean(head[4]),
        "issuer": clean(head[5]),
        "date": clean(head[6]),
        "publication": clean(head[7]),
    }
    chapters, articles = [], []
    for line in body:
        if m := CHAPTER.match(line):
            chapters.append({"id": f"measures/ch{cn_number(m[1])}", "number": cn_number(m[1]),
                             "title": clean(m[2]), "articles": []})
        elif m := ARTICLE.match(line):
            n = cn_number(m[1])
            articles.append({"id": f"measures/{n}", "number": n, "chapter": chapters[-1]["number"],
                             "paragraphs": []})
            chapters[-1]["articles"].append(n)
            articles[-1]["paragraphs"].append({"text": clean(line[m.end():])})
        elif m := ITEM.match(line):
            para = articles[-1]["paragraphs"][-1]
            para.setdefault("items", []).append(
                {"number": cn_number(m[1]), "text": clean(line[m.end():])})
        elif articles and not re.search(r"印发\s*$|^\s*聊城市人民政府办公室\s*$", line):
            articles[-1]["paragraphs"].append({"text": clean(line)})
    colophon = clean(" ".join(lines[-2:]))
    for art in articles:
        for p, para in enumerate(art["paragraphs"], 1):
            para["id"] = f"{art['id']}/{p}"
            for item in para.get("items", []):
                item["id"] = f"{para['id']}/{item['number']}"
    return {
        "id": "measures",
        "title": "聊城市行政应诉工作管理办法",
        "short_title": "办法",
        "issuer": "聊城市人民政府办公室",
        "issued": "2021-12-31",
        "effective_from": "2022-02-01",
        "effective_until": "2027-01-31",
        "version": "2021",
        "notice": notice,
        "colophon": colophon,
        "chapters": chapters,
        "articles": articles,
    }


def reorder(article: dict) -> dict:
    keys = ["id", "number", "chapter", "paragraphs"]
    art = {k: article[k] for k in keys}
    art["paragraphs"] = [{"id": p["id"], "text": p["text"], **({"items": [
        {"id": i["id"], "number": i["number"], "text": i["text"]} for i in p["items"]]} if "items" in p else {})}
        for p in article["paragraphs"]]
    return art


if __name__ == "__main__":
    data = parse(Path(sys.argv[1]).read_text(encoding="utf-8"))
    data["articles"] = [reorder(a) for a in data["articles"]]
    out = Path(__file__).resolve().parent.parent / "calculators" / "data" / "measures.json"
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['chapters'])} chapters, {len(data['articles'])} articles -> {out}")

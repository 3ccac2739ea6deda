"""The single source of truth for provision texts: the measures and the upstream law, by edition.

Provision ids: ``measures/ART[/PARA[/ITEM]]`` (``measures/22/1/1`` is 第二十二条第一款第（一）项),
the same shape for upstream law under the instrument's key (``alp/67``, ``alp-interp/48``).

Editions. An instrument may have several editions, each a data file with its own validity:
``data/measures.json`` is the 2021 text (2022-02-01 to 2027-01-31); a revised text is added
beside it as ``data/measures@<edition>.json`` (law: ``data/law/<key>@<edition>.json``), and
nothing else changes. An id may name its edition, ``measures@2021/22/1/1``: that provision of that
text, literally. A plain id ``measures/22/1/1`` names a provision as the first edition numbers
it — the calculators, the pages and the data files are written against that text — and means
the provision that says the same thing in

- the edition in force on a case's date, in a calculator (``resolve(ref, on=date)``);
- the newest edition, the site's default, everywhere else.

A revised edition that renumbers carries a ``correspondence`` table (新旧条文对照: first-edition
article, paragraph or item -> its own number, ``null`` where the provision was deleted); without
the table its numbering is taken as unchanged.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .numerals import to_chinese

DATA = Path(__file__).resolve().parent / "data"
REF = re.compile(r"^(?P<key>[a-z][a-z-]*)(?:@(?P<edition>[0-9a-z-]+))?(?P<parts>(?:/\d+)*)$")


class Edition(NamedTuple):
    """One edition of an instrument: its id (measures@2021), validity and site path."""
    key: str
    edition: str | None          # None: an instrument that names no editions (one text only)
    file: Path
    effective_from: dt.date | None
    effective_until: dt.date | None
    path: str                    # docs folder of its pages: measures, measures-2027, law

    @property
    def id(self) -> str:
        return f"{self.key}@{self.edition}" if self.edition else self.key

    def in_force(self, day: dt.date) -> bool:
        return (self.effective_from is None or self.effective_from <= day) and \
            (self.effective_until is None or day <= self.effective_until)


def _day(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _folder(key: str) -> Path:
    return DATA if key == "measures" else DATA / "law"


@lru_cache(maxsize=None)
def editions(key: str) -> tuple[Edition, ...]:
    """Every edition of instrument `key`, oldest first (KeyError if there is none)."""
    folder = _folder(key)
    files = [folder / f"{key}.json", *sorted(folder.glob(f"{key}@*.json"))]
    found = []
    for file in files:
        if not file.is_file():
            continue
        head = _load(file)
        edition = head.get("edition") or (head.get("version") if key == "measures" else None)
        if file.stem != key and file.stem != f"{key}@{edition}":
            raise ValueError(f"{file.name}：文件名应为 {key}@{edition}.json（与其中的 edition 一致）")
        path = "law" if key != "measures" else ("measures" if file.stem == key else f"measures-{edition}")
        found.append(Edition(key, edition, file, _day(head.get("effective_from")), _day(head.get("effective_until")),
                             path))
    if not found:
        raise KeyError(key)
    return tuple(sorted(found, key=lambda e: e.effective_from or dt.date.min))


@lru_cache(maxsize=None)
def _load(file: Path) -> dict:
    return json.loads(file.read_text(encoding="utf-8"))


def reset() -> None:
    """Forget what was read (after the data folder changed: tests that add an edition)."""
    for cached in (editions, _load, _index):
        cached.cache_clear()


def default_edition(key: str) -> Edition:
    """The newest edition: what a page shows and a plain id without a date means."""
    return editions(key)[-1]


def edition_of(key: str, edition: str | None) -> Edition:
    if edition is None:
        return default_edition(key)
    for e in editions(key):
        if e.edition == edition:
            return e
    raise KeyError(f"{key}@{edition}")


def applicable(key: str, on: dt.date) -> tuple[Edition, str]:
    """The edition that governs a case on `on`, and its status: "in_force"; "expired" (no
    edition in force: the latest one that had started, whose validity has ended); "not_yet"
    (before the first edition took effect: the first edition)."""
    eds = editions(key)
    for e in reversed(eds):
        if e.in_force(on):
            return e, "in_force"
    started = [e for e in eds if e.effective_from is None or e.effective_from <= on]
    return (started[-1], "expired") if started else (eds[0], "not_yet")


def law_keys() -> list[str]:
    """Keys of the upstream instruments whose text the project holds."""
    return sorted({p.stem.split("@")[0] for p in (DATA / "law").glob("*.json")})


def parse(ref: str) -> tuple[Edition, list[int]]:
    """'measures@2021/22/1/1' -> (that edition, [22, 1, 1]); a plain id -> (the default edition,
    the numbers of the corresponding provision there). KeyError if it was deleted."""
    m = REF.match(ref)
    if not m:
        raise KeyError(ref)
    if m["edition"]:
        return edition_of(m["key"], m["edition"]), [int(p) for p in m["parts"].split("/")[1:]]
    mapped = in_edition(ref, default_edition(m["key"]).id)
    if mapped is None:
        raise KeyError(f"{ref}（在现行版本中已删除）")
    return default_edition(m["key"]), [int(p) for p in mapped.split("/")[1:]]


def split(ref: str) -> tuple[str, list[int]]:
    """'measures/22/1/1' -> ('measures', [22, 1, 1]); the instrument key without its edition."""
    edition, parts = parse(ref)
    return edition.key, parts


def qualify(ref: str) -> str:
    """The id with its edition named (unchanged for an instrument without editions)."""
    edition, parts = parse(ref)
    return "/".join([edition.id, *map(str, parts)])


def plain(ref: str) -> str:
    """The plain id (first-edition numbering) of a provision: measures@2021/22/1 -> measures/22/1;
    a revised edition's provision through its correspondence table, read backwards (an id the
    first edition has no counterpart for stays qualified)."""
    edition, parts = parse(ref)
    table = _load(edition.file).get("correspondence") or {}
    here = "/".join(map(str, parts))
    for n in range(len(parts), 0, -1):
        head, tail = "/".join(map(str, parts[:n])), parts[n:]
        sources = [src for src, target in table.items() if target is not None and str(target) == head]
        if sources:
            return "/".join([edition.key, sources[0], *map(str, tail)])
    if table and any(here.startswith(f"{src}/") or here == str(src) for src in table):
        return qualify(ref)   # its number was given to another provision: no plain id names it
    return "/".join([edition.key, here]) if here else edition.key


def instrument(key: str) -> dict:
    """The structured text of an instrument's default edition, or of a named one (measures@2021)."""
    m = REF.match(key)
    if not m or m["parts"]:
        raise KeyError(key)
    return _load(edition_of(m["key"], m["edition"]).file)


@lru_cache(maxsize=None)
def _index(edition_id: str) -> dict:
    index = {}
    for art in instrument(edition_id)["articles"]:
        index[art["id"]] = art
        for para in art["paragraphs"]:
            index[para["id"]] = para
            for item in para.get("items", []):
                index[item["id"]] = item
    return index


def _node(ref: str) -> dict:
    edition, parts = parse(ref)
    node = _index(edition.id).get("/".join([edition.key, *map(str, parts)]))
    if node is None:
        raise KeyError(ref)
    return node


def resolve(ref: str, on: dt.date | None = None) -> str:
    """The qualified id of the provision that applies on `on` (None: the default edition): a
    plain id goes through that edition's correspondence table; an id that names its edition
    stays as it is. Raises KeyError when the provision was deleted."""
    m = REF.match(ref)
    if not m:
        raise KeyError(ref)
    if m["edition"] or on is None:
        return qualify(ref)
    edition, _ = applicable(m["key"], on)
    mapped = in_edition(ref, edition.id)
    if mapped is None:
        raise KeyError(f"{ref} 在{edition.id}中已删除")
    return mapped


def _correspond(table: dict, parts: str) -> str | None:
    """The longest prefix of `parts` the table maps (22/1/1, then 22/1, then 22) decides."""
    pieces = parts.split("/")
    for n in range(len(pieces), 0, -1):
        head = "/".join(pieces[:n])
        if head in table:
            target = table[head]
            return None if target is None else "/".join([str(target), *pieces[n:]])
    return parts


def in_edition(ref: str, edition_id: str) -> str | None:
    """A plain id (first-edition numbering) as the provision of edition `edition_id` that says the
    same (its correspondence table), qualified; None where it was deleted."""
    edition = edition_of(*edition_id.split("@")) if "@" in edition_id else default_edition(edition_id)
    m = REF.match(ref)
    if not m or m["edition"]:
        raise KeyError(ref)
    parts = m["parts"].lstrip("/")
    table = _load(edition.file).get("correspondence")
    if table and parts:
        parts = _correspond(table, parts)
        if parts is None:
            return None
    return "/".join(p for p in (edition.id, parts) if p)


def within(edition_id: str, plain_id: str) -> str:
    """An id as the edition's data file writes it (measures/13/1), qualified with the edition."""
    key, _, rest = plain_id.partition("/")
    return f"{edition_id}/{rest}" if rest else edition_id


def label(ref: str, *, short: bool = False) -> str:
    """Chinese citation: 《聊城市行政应诉工作管理办法》第二十二条第一款第（一）项; an edition that is
    not the only one is named: 《办法》（2021年版）第二十二条."""
    edition, _ = parse(ref)
    doc = instrument(edition.id)
    name = doc.get("short_title", doc["title"]) if short else doc["title"]
    # a title that itself quotes a law (《…》) nests as 〈…〉 inside the outer book marks
    name = name.replace("《", "〈").replace("》", "〉")
    return f"《{name}》{edition_note(ref)}{position(ref)}"


def edition_note(ref: str) -> str:
    """（2021年版） when the instrument has more than one edition, else nothing."""
    edition, _ = parse(ref)
    return f"（{edition.edition}年版）" if edition.edition and len(editions(edition.key)) > 1 else ""


def position(ref: str) -> str:
    """The citation without the instrument: measures/22/1/1 -> 第二十二条第一款第（一）项."""
    _, (art, *rest) = parse(ref)
    out = f"第{to_chinese(art)}条"
    if rest:
        out += f"第{to_chinese(rest[0])}款"
    if len(rest) > 1:
        out += f"第（{to_chinese(rest[1])}）项"
    return out


def last_position(ref: str) -> str:
    """The last level only: measures/22/1/1 -> 第（一）项, measures/22/1 -> 第一款, measures/22 -> 第二十二条."""
    _, parts = parse(ref)
    n = to_chinese(parts[-1])
    return [f"第{n}条", f"第{n}款", f"第（{n}）项"][len(parts) - 1]


def formal_position(ref: str) -> str:
    """As a court filing writes it: no 第一款 for an article of one paragraph only
    (alp/49/1/1 -> 第四十九条第（一）项; measures/22/1/1 -> 第二十二条第一款第（一）项)."""
    edition, (art, *rest) = parse(ref)
    out = f"第{to_chinese(art)}条"
    single = len(_node(f"{edition.id}/{art}")["paragraphs"]) == 1
    if rest and not (single and rest[0] == 1):
        out += f"第{to_chinese(rest[0])}款"
    if len(rest) > 1:
        out += f"第（{to_chinese(rest[1])}）项"
    return out


def formal_title(key: str) -> str:
    """《中华人民共和国行政诉讼法》; a title quoting a law nests its marks: 〈…〉."""
    name = instrument(key)["title"].replace("《", "〈").replace("》", "〉")
    return f"《{name}》"


def formal_label(ref: str) -> str:
    """《中华人民共和国行政诉讼法》第四十九条第（一）项 — the citation of a court filing."""
    edition, _ = parse(ref)
    return formal_title(edition.id) + edition_note(ref) + formal_position(ref)


def text(ref: str) -> str:
    """The provision's text; an article or paragraph includes its items."""
    node = _node(ref)
    if "paragraphs" in node:
        return "\n".join(_paragraph_text(p) for p in node["paragraphs"])
    if "items" in node:
        return _paragraph_text(node)
    if "number" in node and len(parse(ref)[1]) == 3:
        return f"（{to_chinese(node['number'])}）{node['text']}"
    return node["text"]


def _paragraph_text(para: dict) -> str:
    lines = [para["text"]] + [f"（{to_chinese(i['number'])}）{i['text']}" for i in para.get("items", [])]
    return "\n".join(lines)


def exists(ref: str) -> bool:
    try:
        _node(ref)
        return True
    except (KeyError, ValueError):
        return False


def cite(ref: str, on: dt.date | None = None) -> dict:
    """A basis entry — what every calculator result cites: {"ref" (qualified), "label", "text",
    "url" (root-relative), "edition"?}. With `on`, the provision that applies on that date."""
    from . import urls

    qualified = resolve(ref, on)
    edition, _ = parse(qualified)
    out = {"ref": qualified, "label": label(qualified), "text": text(qualified), "url": urls.provision_url(qualified)}
    if edition.edition:
        out["edition"] = edition.edition
    return out

"""Which upstream articles each provision of the measures rests on (data/upstream.yml), as
tables linked both ways: from the measures' provisions to the law and back."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from calculators import provisions

from . import linking, render

SOURCE = Path(__file__).resolve().parent.parent / "data" / "upstream.yml"


@lru_cache(maxsize=None)
def _load(mtime: float) -> tuple:
    rows = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    for i, row in enumerate(rows, 1):
        where = f"data/upstream.yml 第{i}项"
        linking.check_ref(row["measures"], where)
        if not row["measures"].startswith("measures/"):
            raise ValueError(f"{where}：measures 应为办法的条款")
        for ref in row["law"]:
            linking.check_ref(ref, where)
            if ref.startswith("measures/"):
                raise ValueError(f"{where}：law 应为上位法条款")
    return tuple(rows)


def rows() -> list[dict]:
    """[{"measures": ref, "law": [refs], "note": text}] in file order."""
    return list(_load(SOURCE.stat().st_mtime))


def _key(ref: str):
    key, parts = provisions.split(ref)
    return key, parts


def by_law() -> dict[str, list[tuple[str, str]]]:
    """Upstream ref -> [(measures ref, note)], upstream refs in instrument and article order."""
    out: dict[str, list] = {}
    for row in rows():
        for ref in row["law"]:
            out.setdefault(ref, []).append((row["measures"], row["note"]))
    return dict(sorted(out.items(), key=lambda kv: _key(kv[0])))


def table(page: str, key: str | None = None) -> str:
    """Without `key`: one row per provision of the measures. With `key` (alp, alp-interp,
    head-rules, cpl): one row per article of that instrument, naming the measures' provisions."""
    if key is None:
        out = ["| 办法条款 | 所依据或相衔接的上位法条款 | 内容 |", "|---|---|---|"]
        for row in sorted(rows(), key=lambda r: _key(r["measures"])):
            law = "<br>".join(linking.md_link(r, page, short=True) for r in row["law"])
            out.append(f"| {linking.md_link(row['measures'], page)} | {law} | {render.escape(row['note'])} |")
        return "\n".join(out) + "\n"
    out = ["| 上位法条款 | 办法条款 | 内容 |", "|---|---|---|"]
    for ref, entries in by_law().items():
        if not ref.startswith(key + "/"):
            continue
        measures = "<br>".join(linking.md_link(m, page) for m, _ in entries)
        notes = "；".join(dict.fromkeys(render.escape(n) for _, n in entries))
        out.append(f"| {linking.md_link(ref, page, provisions.position(ref))} | {measures} | {notes} |")
    if len(out) == 2:
        raise ValueError(f"data/upstream.yml 中没有 {key} 的条款")
    return "\n".join(out) + "\n"

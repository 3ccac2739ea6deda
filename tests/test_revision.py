"""A revised edition of the measures is a data change.

The fixture tests/fixtures/revision-2027.json describes a fictional revision, valid from
2027-02-01: a new article after article 1 (every later article moves up by one) and a
registration period of 5 days instead of 3 (old article 38, new article 39). An administrator
would add two things: the revised text, calculators/data/measures@2027.json (with its 新旧条文
对照 as "correspondence"), and one dated value in calculators/data/parameters.toml. This test does
exactly that and checks:

- cases before and after the switch date get the rules, values and citations of their edition
  (registration 3 days under the 2021 text, 5 days under the 2027 text; 第三十八条 vs 第三十九条);
- a question without a date follows the newest edition, through the correspondence table;
- the site builds with both editions' pages side by side, each with its badge, cross-links
  inside their edition, and the calculator pages citing the newest edition;
- the change touched only files under calculators/data/.
"""
from __future__ import annotations

import datetime as dt
import filecmp
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculators import citations, parameters, provisions, run

ROOT = Path(__file__).resolve().parent.parent
RECIPE = json.loads((ROOT / "tests" / "fixtures" / "revision-2027.json").read_text(encoding="utf-8"))
VALUE_LINE = 'values = [{ from = 2022-02-01, value = 3, ref = "measures@2021/38/1" }]'


def _renumber(n: int) -> int:
    return n + 1 if n > RECIPE["inserted_after"] else n


def _moved(node: dict, old: int, new: int) -> dict:
    """A provision node of article `old` with every id under article `new`."""
    out = {**node, "id": node["id"].replace(f"measures/{old}", f"measures/{new}", 1)}
    for key in ("paragraphs", "items"):
        if key in node:
            out[key] = [_moved(child, old, new) for child in node[key]]
    return out


def write_revision(data: Path) -> None:
    """What an administrator adds for the revision, into the data folder `data`."""
    base = json.loads((data / "measures.json").read_text(encoding="utf-8"))
    after, changed = RECIPE["inserted_after"], RECIPE["changed"]
    articles = []
    for art in base["articles"]:
        moved = _moved(art, art["number"], _renumber(art["number"]))
        moved["number"] = _renumber(art["number"])
        if art["number"] == changed["article"]:
            para = moved["paragraphs"][0]
            assert changed["from"] in para["text"]
            para["text"] = para["text"].replace(changed["from"], changed["to"])
        articles.append(moved)
        if art["number"] == after:
            new = after + 1
            articles.append({"id": f"measures/{new}", "number": new, "chapter": art["chapter"],
                             "paragraphs": [{"id": f"measures/{new}/1", "text": RECIPE["inserted_text"]}]})
    chapters = [{**c, "articles": sorted({_renumber(a) for a in c["articles"]}
                                         | ({after + 1} if after in c["articles"] else set()))}
                for c in base["chapters"]]
    edition = RECIPE["edition"]
    revised = {**base, "version": edition["version"], "issued": edition["issued"],
               "effective_from": edition["effective_from"], "effective_until": edition["effective_until"],
               "notice": {**base["notice"], "date": edition["notice_date"]},
               "chapters": chapters, "articles": articles,
               "correspondence": {str(a["number"]): _renumber(a["number"]) for a in base["articles"]
                                  if _renumber(a["number"]) != a["number"]}}
    (data / f"measures@{edition['version']}.json").write_text(
        json.dumps(revised, ensure_ascii=False, indent=1), encoding="utf-8")
    toml = (data / "parameters.toml").read_text(encoding="utf-8")
    assert VALUE_LINE in toml
    p = RECIPE["parameter"]
    toml = toml.replace(VALUE_LINE, VALUE_LINE[:-1] + f',\n  {{ from = {p["from"]}, value = {p["value"]}, ref = "{p["ref"]}" }},\n]')
    (data / "parameters.toml").write_text(toml, encoding="utf-8")


@pytest.fixture
def revised(tmp_path, monkeypatch):
    """The calculators reading a data folder with the revision added."""
    data = tmp_path / "data"
    shutil.copytree(provisions.DATA, data)
    write_revision(data)
    monkeypatch.setattr(provisions, "DATA", data)
    monkeypatch.setattr(parameters, "FILE", data / "parameters.toml")
    provisions.reset()
    parameters.table.cache_clear()
    yield data
    monkeypatch.undo()
    provisions.reset()
    parameters.table.cache_clear()


def deadline(result: dict, key: str) -> dict:
    return next(d for d in result["deadlines"] if d["id"] == key)


def test_a_case_before_the_switch_keeps_the_2021_rules(revised):
    # served Wed 2027-01-20, the 2021 text in force: 3 days -> Sat 01-23 (internal, not moved)
    r = run("deadlines", {"complaint_served": "2027-01-20"})
    register = deadline(r, "register")
    assert register["due"] == "2027-01-23"
    assert [b["ref"] for b in register["basis"]] == ["measures@2021/38/1"]
    assert register["basis"][0]["label"] == "《聊城市行政应诉工作管理办法》（2021年版）第三十八条第一款"
    assert "应当在3日内登记" in register["basis"][0]["text"]
    assert register["binding"] is True and "measures.expired" not in {w["code"] for w in r["warnings"]}
    assert "3日内" in register["note"] and "《办法》（2021年版）第三十八条第一款" in register["note"]


def test_a_case_after_the_switch_gets_the_2027_rules_and_numbers(revised):
    # served Mon 2027-03-01 under the 2027 text: 5 days -> Sat 03-06
    r = run("deadlines", {"complaint_served": "2027-03-01"})
    register = deadline(r, "register")
    assert register["due"] == "2027-03-06"
    assert [b["ref"] for b in register["basis"]] == ["measures@2027/39/1"]
    assert register["basis"][0]["label"] == "《聊城市行政应诉工作管理办法》（2027年版）第三十九条第一款"
    assert register["basis"][0]["url"] == "measures-2027/chapter-5/#art-39-1"
    assert "应当在5日内登记" in register["basis"][0]["text"]
    assert "5日内" in register["note"] and "《办法》（2027年版）第三十九条第一款" in register["note"]
    # the other duties of the measures are renumbered too, and binding: no expiry warning
    assert [b["ref"] for b in deadline(r, "risk_report")["basis"]] == ["measures@2027/19/1"]
    assert register["binding"] is True and "measures.expired" not in {w["code"] for w in r["warnings"]}
    # the statutory period is the law's, not the measures': 03-01 + 15 = 03-16
    assert deadline(r, "answer")["due"] == "2027-03-16"


def test_without_a_date_the_newest_edition_applies(revised):
    assert provisions.default_edition("measures").id == "measures@2027"
    r = run("principal_appearance", {"plaintiff_count": 11, "compensation_claimed": 10_000_001})
    assert [g["ref"] for g in r["grounds"]] == ["measures@2027/23/1/1"]
    assert citations.render("[[measures/38/1]]") == "《办法》（2027年版）第三十九条第一款"
    assert citations.render("[[measures/38/1]]", dt.date(2026, 6, 1)) == "《办法》（2021年版）第三十八条第一款"
    assert provisions.plain("measures@2027/39/1") == "measures/38/1"
    assert provisions.plain("measures@2027/2") == "measures@2027/2"   # the new article has no 2021 counterpart


def test_the_value_in_force_follows_the_date(revised):
    assert parameters.get("register_period", dt.date(2027, 1, 31)).value == 3
    assert parameters.get("register_period", dt.date(2027, 2, 1)).value == 5
    assert parameters.get("register_period", dt.date(2033, 1, 1)).status == "expired"


def _repository_copy(target: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    os.symlink(ROOT / "node_modules", target / "node_modules")


def _changed(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only, relative paths."""
    out = []
    cmp = filecmp.dircmp(a, b, ignore=["node_modules", ".git"])

    def walk(c, prefix):
        out.extend(prefix + n for n in c.left_only + c.right_only + c.diff_files)
        for name, sub in c.subdirs.items():
            walk(sub, prefix + name + "/")
    walk(cmp, "")
    return sorted(out)


@pytest.mark.site
def test_the_site_builds_both_editions_from_a_data_change_only(tmp_path):
    original, revised_repo = tmp_path / "original", tmp_path / "revised"
    _repository_copy(original)
    _repository_copy(revised_repo)
    write_revision(revised_repo / "calculators" / "data")
    assert _changed(original, revised_repo) == ["calculators/data/measures@2027.json",
                                                "calculators/data/parameters.toml"]

    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=revised_repo, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]

    old = (site / "measures" / "chapter-5" / "index.html").read_text(encoding="utf-8")
    new = (site / "measures-2027" / "chapter-5" / "index.html").read_text(encoding="utf-8")
    assert ">2021年版（2022-02-01至2027-01-31）</p>" in old and 'id="art-38-1"' in old and "应当在3日内登记" in old
    assert ">2027年版（2027-02-01至2032-01-31）</p>" in new and 'id="art-39-1"' in new and "应当在5日内登记" in new
    # cross-links in the text stay inside their edition: the 2027 text's links go to measures-2027/
    bodies = "".join(re.findall(r'<div class="article-body"[^>]*>(.*?)</div>', new, re.S))
    links = re.findall(r'href="([^"]+)"', bodies)
    assert links and not [h for h in links if "/measures/" in h], links
    # the deadlines page cites the newest edition's register article
    calc = (site / "calculators" / "deadlines" / "index.html").read_text(encoding="utf-8")
    assert "measures-2027/chapter-5/#art-39-1" in calc and "（2027年版）第三十九条第一款" in calc
    # both editions are in the navigation, the newest first
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.index("measures-2027/") < home.index("2021年版（2022-02-01至2027-01-31）")
    # the page script judges validity from every edition's dates (site.js editionOn)
    editions = json.loads(html.unescape(re.search(r'data-editions="([^"]*)"', home).group(1)))
    assert editions == [{"version": "2021", "from": "2022-02-01", "until": "2027-01-31"},
                        {"version": "2027", "from": "2027-02-01", "until": "2032-01-31"}]

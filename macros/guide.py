"""The getting-started guide: the path of a case (data/case_path.yml) as numbered steps, the
role pages' step lists, and a worked example whose dates the deadlines calculator computes
at build time (so the guide can never disagree with the calculator)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import yaml

from calculators import holidays, provisions, registry
from calculators.periods import fmt

from . import linking, render, site_map

ROOT = Path(__file__).resolve().parent.parent
CASE_PATH = ROOT / "data" / "case_path.yml"
GUIDE_PAGE = "guide/index.md"


@lru_cache(maxsize=None)
def _load(mtime: float) -> dict:
    data = yaml.safe_load(CASE_PATH.read_text(encoding="utf-8"))
    for n, step in enumerate(data["steps"], 1):
        where = f"data/case_path.yml 第{n}步（{step['id']}）"
        step["number"] = n
        for role in step["who"]:
            if role not in data["roles"]:
                raise ValueError(f"{where}：未知的角色 {role}")
        for tool in step.get("tools", []):
            if tool not in data["tools"]:
                raise ValueError(f"{where}：未知的计算器 {tool}")
        for ref in step["refs"]:
            linking.check_ref(ref, where)
        for text in [step["when"], *step["do"]]:
            for ref in linking.refs_in(text):
                linking.check_ref(ref, where)
    return data


def data() -> dict:
    """The case path, validated (re-read when the file changes, e.g. under `mkdocs serve`)."""
    return _load(CASE_PATH.stat().st_mtime)


def steps() -> list[dict]:
    return data()["steps"]


def step_anchor(step: dict) -> str:
    return f"step-{step['id']}"


def _role_links(roles: list[str], page: str) -> str:
    return "、".join(f"[{data()['roles'][r]['title']}]({site_map.relative(page, data()['roles'][r]['page'])})"
                    for r in roles)


def _tool_links(tools: list[str], page: str) -> str:
    return "、".join(f"[{data()['tools'][t]}]({site_map.relative(page, f'calculators/{t}.md')})" for t in tools)


def case_steps(page: str) -> str:
    """Markdown of every step: heading with anchor, who, when, what, documents, basis, tools."""
    out = []
    for s in steps():
        where = f"第{s['number']}步"
        lines = [f"## 第{s['number']}步　{s['title']} {{ #{step_anchor(s)} }}", "",
                 '<div class="guide-step" markdown="1">', "",
                 f"**谁来办**：{_role_links(s['who'], page)}", "",
                 f"**期限**：{linking.expand(s['when'], page, where)}", "",
                 "**要做的事**：", ""]
        lines += [f"- {linking.expand(d, page, where)}" for d in s["do"]]
        lines += ["", f"**涉及文书**：{'、'.join(render.escape(d) for d in s['documents'])}", "",
                  f"**依据**：{'、'.join(linking.md_link(r, page, short=True) for r in s['refs'])}", ""]
        if s.get("tools"):
            lines += [f"**可用的计算器**：{_tool_links(s['tools'], page)}", ""]
        lines += ["</div>", ""]
        out.append("\n".join(lines))
    return "\n".join(out)


def step_list(page: str) -> str:
    """Short numbered list of the steps, each linked to its section of the guide."""
    return "\n".join(f"{s['number']}. [{s['title']}]({site_map.relative(page, GUIDE_PAGE + '#' + step_anchor(s))})"
                     for s in steps()) + "\n"


def role_steps(role: str, page: str) -> str:
    """The steps in which `role` acts, as a table: step (linked), time limit, basis."""
    if role not in data()["roles"]:
        raise ValueError(f"未知的角色 {role}")
    rows = ["| 步骤 | 期限 | 依据 |", "|---|---|---|"]
    for s in steps():
        if role not in s["who"]:
            continue
        link = f"[第{s['number']}步 {s['title']}]({site_map.relative(page, GUIDE_PAGE + '#' + step_anchor(s))})"
        refs = "、".join(linking.md_link(r, page, short=True) for r in s["refs"])
        rows.append(f"| {link} | {linking.expand(s['when'], page).replace('|', '｜')} | {refs} |")
    return "\n".join(rows) + "\n"


# The worked example of the guide: dates of a case served on a Wednesday before the 2026
# Mid-Autumn and National Day holidays, so the extension past rest days shows.
EXAMPLE = {"complaint_served": "2026-09-16", "ruling_served": "2026-11-02", "ruling_kind": "judgment"}
EXAMPLE_ITEMS = ("register", "risk_report", "answer", "appeal_proposal", "appeal")


def _cn_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{fmt(day)}（{holidays.describe(day)}）"


def example(page: str) -> str:
    """Markdown table of the example case's deadlines, computed by the deadlines calculator."""
    result = registry.run("deadlines", dict(EXAMPLE))
    items = {d["id"]: d for d in result["deadlines"]}
    rows = [f"设某案 **{_cn_date(EXAMPLE['complaint_served'])}** 收到起诉状副本，"
            f"**{_cn_date(EXAMPLE['ruling_served'])}** 收到第一审判决书。"
            "下表由[期限计算](" + site_map.relative(page, "calculators/deadlines.md") + ")计算器在本站构建时算出：", "",
            "| 事项 | 最后期限 | 性质 | 依据 |", "|---|---|---|---|"]
    kinds = {"statutory": "法定期限（遇休息日顺延）", "internal": "内部期限（不顺延）"}
    for key in EXAMPLE_ITEMS:
        d = items[key]
        refs = "、".join(linking.md_link(b["ref"], page, short=True) for b in d["basis"]
                        if provisions.split(b["ref"])[0] in ("measures", "alp") and site_map.is_published(b["ref"]))
        rows.append(f"| {render.escape(d['title'])} | {_cn_date(d['due'])} | {kinds[d['kind']]} | {refs} |")
    rows.append("")
    for w in result["warnings"]:  # only those about the rows shown (not e.g. next year's report)
        if w.get("deadline") in EXAMPLE_ITEMS:
            rows.append(f"- {render.escape(w['text'])}")
    return "\n".join(rows) + "\n"


def example_result() -> dict:
    """The calculator's answer for the example (used by the tests)."""
    return registry.run("deadlines", dict(EXAMPLE))

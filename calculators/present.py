"""What a calculator's result says to a reader: a clear answer first, then why.

`view(name, result)` turns a result into a small presentation model that the page script
renders as it is (all text escaped there): {"headline": [str], "tone": "ok"|"warn"|"alert",
"timeline": [...]?, "sections": [{"title", "items": [{"text", "ref"?}]}], "warnings",
"basis"}. Kept in Python so the words are tested with the rules.
"""
import datetime as dt

from . import provisions

WEEKDAYS = "一二三四五六日"
KIND_NAMES = {"statutory": "法定期限", "internal": "内部期限"}


def cn_date(iso: str) -> str:
    """2026-10-08 -> 2026年10月8日（星期四）."""
    d = dt.date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日（星期{WEEKDAYS[d.weekday()]}）"


def _items(texts, ref=None) -> list[dict]:
    return [{"text": t, **({"ref": ref} if ref else {})} for t in texts]


def _deadlines(r: dict) -> dict:
    by_id = {d["id"]: d for d in r["deadlines"]}
    headline = [f"答辩期限：{cn_date(by_id['answer']['due'])}"] if "answer" in by_id else []
    if "appeal" in by_id:
        headline.append(f"上诉期限：{cn_date(by_id['appeal']['due'])}")
    timeline = []
    for d in r["deadlines"]:
        adjusted = (f"原届满日{cn_date(d['adjusted_from'])}为休息日，依法顺延至{cn_date(d['due'])}。"
                    if d.get("adjusted_from") else "")
        timeline.append({"id": d["id"], "date": cn_date(d["due"]), "due": d["due"], "title": d["title"],
                         "kind": d["kind"], "kind_name": KIND_NAMES[d["kind"]], "adjusted": adjusted,
                         "explanation": d.get("explanation", ""), "note": d.get("note", ""),
                         "basis": d["basis"]})
    return {"headline": headline, "tone": "warn" if r.get("warnings") else "ok", "timeline": timeline,
            "sections": [{"title": "期间如何计算", "items": _items([r["counting"]])}] if r.get("counting") else []}


def _undertaker(r: dict) -> dict:
    sections = []
    if r.get("supervision"):
        sections.append({"title": "指导监督", "items": _items([r["supervision"]])})
    sections.append({"title": "应诉承办单位应当办理的事项", "items": r["steps"]})
    if r.get("filing") and r["filing"].get("text"):
        sections.append({"title": "备案", "items": _items([r["filing"]["text"]])})
    if r.get("burden_of_proof"):
        sections.append({"title": "举证责任", "items": _items(r["burden_of_proof"], "measures/14/1")})
    if r.get("notes"):
        sections.append({"title": "说明", "items": _items(r["notes"])})
    return {"headline": [f"应诉承办单位：{r['undertaker']['name']}"], "tone": "ok", "sections": sections}


def _principal(r: dict) -> dict:
    if r["principal_must_appear"]:
        headline = ["行政机关主要负责人应当出庭应诉"]
    elif r["head_must_appear"]:
        headline = ["主要负责人不是必须出庭，但行政机关负责人应当出庭应诉"]
    else:
        headline = ["本机关可仅委托工作人员出庭应诉"]
    sections = []
    if r["grounds"]:
        sections.append({"title": "符合第二十二条第一款的情形", "items": r["grounds"]})
    sections.append({"title": "说明", "items": _items(r["notes"])})
    return {"headline": headline, "tone": "alert" if r["principal_must_appear"] else "ok", "sections": sections}


def _quota(r: dict) -> dict:
    headline = [f"本年度主要负责人至少应出庭应诉 {r['required']} 次"]
    headline.append("已达标" if r["compliant"] else f"尚未达标，还差 {r['shortfall']} 次")
    if r["rate"] is not None:
        headline.append(f"主要负责人出庭应诉率：{r['rate'] * 100:.1f}%")
    if r.get("seminar_required"):
        headline.append("应当召开案件研讨会（第二十三条）")
    return {"headline": headline, "tone": "ok" if r["compliant"] else "alert",
            "sections": [{"title": "说明", "items": _items(r["notes"])}]}


def _filing(r: dict) -> dict:
    verdict = "原告在法定起诉期限内起诉" if r["timely"] else "原告起诉已超过法定起诉期限"
    items = [{"text": f"{lim['title']}：{cn_date(lim['due'])}{'（适用）' if lim.get('binding') else ''}。"
                      f"{lim.get('explanation', '')}"} for lim in r.get("limits", [])]
    return {"headline": [verdict, f"起诉期限届满日：{cn_date(r['deadline'])}"],
            "tone": "ok" if r["timely"] else "alert",
            "sections": [{"title": "结论与理由", "items": _items([r["rule"]])},
                         *([{"title": "各项期限", "items": items}] if items else [])]}


def _statistics(r: dict) -> dict:
    if "agencies" in r:   # the justice bureau's area
        headline = [f"{f['title']}：{f['value']}" for f in r["figures"]]
        items = [{"text": f"{m['agency']}：{m['what']}"} for m in r["misses"]]
        return {"headline": headline, "tone": "alert" if r["misses"] else "ok",
                "sections": [{"title": "未达到要求的单位", "items": items}] if items else []}
    headline = [f"{r['period']['label']}：{f['title']}{f['value']}" if i == 0 else f"{f['title']}：{f['value']}"
                for i, f in enumerate(r["figures"][:3])]
    missed = [f for f in r["figures"] if f["met"] is False]
    items = [{"text": f"{f['title']}：{f['value']}。{f['note']}", "ref": f["refs"][0]["ref"]} for f in r["figures"]]
    return {"headline": headline, "tone": "alert" if missed else "ok",
            "sections": [{"title": "统计数据", "items": items}]}


PRESENTERS = {
    "deadlines": _deadlines,
    "undertaker": _undertaker,
    "principal_appearance": _principal,
    "appearance_quota": _quota,
    "filing_period": _filing,
    "statistics": _statistics,
}


def view(name: str, result: dict) -> dict:
    """The presentation model of `result` of calculator `name`."""
    model = PRESENTERS[name](result)
    model.setdefault("sections", [])
    for section in model["sections"]:
        section["items"] = [{**item, "label": provisions.label(item["ref"], short=True)} if item.get("ref") else item
                            for item in section["items"]]
    model["warnings"] = result.get("warnings", [])
    model["basis"] = result.get("basis", [])
    return model

"""Party lines as pasted from a complaint or a judgment, read into parties.

A complaint lists its parties one per line, often with the role in front (原告：张某，男，…;
原告一：…; 被答辩人（原告）：…), the legal representative or agent of a party on the next line
(法定代表人：王某，总经理), and names that contain brackets (鲁西某某（聊城）置业有限公司). The
papers need the name alone (case titles), the name with its particulars (an appeal's party
list), and whether the party is a natural person (titles such as 张某等十二人). Everything is
read here, once; the page shows the result for the user to confirm.
"""
import re
from typing import NamedTuple

from ..errors import InputError
from ..numerals import to_chinese

# the roles a pasted line may start with; a role word in brackets after another is the one that
# counts (被答辩人（原告）, 上诉人（原审原告）)
ROLES = {
    "原告": "plaintiff", "原审原告": "plaintiff", "起诉人": "plaintiff",
    "第三人": "third_party", "原审第三人": "third_party",
    "被告": "defendant", "原审被告": "defendant", "共同被告": "defendant",
}
APPEAL_ROLES = ("被答辩人", "答辩人", "上诉人", "被上诉人", "申请人", "被申请人", "再审申请人")
ROLE_WORDS = "|".join(sorted(ROLES, key=len, reverse=True))
_ORDINAL = r"(?:[一二三四五六七八九十\d]+|[（(][一二三四五六七八九十\d]+[)）])?"
ROLE_PREFIX = re.compile(
    rf"^(?:(?:{'|'.join(APPEAL_ROLES)})\s*[（(](?P<inner>{ROLE_WORDS}){_ORDINAL}[)）]|(?P<role>{ROLE_WORDS}))"
    rf"{_ORDINAL}(?:\s*[：:]|\s)\s*")
# a line that belongs to the party above it: its representative, agent, address, code
ATTACHED = re.compile(
    r"^(?:法定代表人|负责人|主要负责人|经营者|投资人|执行事务合伙人|诉讼代表人|委托诉讼代理人|委托代理人|诉讼代理人|"
    r"法定代理人|指定代理人|住所地|住所|住址|经常居住地|地址|统一社会信用代码|社会信用代码|身份证号码|公民身份号码|"
    r"联系电话|电话)\s*[：:]")
REPRESENTED = re.compile(r"^(?:法定代表人|负责人|主要负责人|经营者|投资人|执行事务合伙人)\s*[：:]")
LIST_MARK = re.compile(r"^(?:\d+[.．、]|[（(]\d+[)）]|[一二三四五六七八九十]+、)\s*")
# the end of a name: a comma, semicolon, full stop or space outside brackets
SEPARATORS = "，,；;。 \u3000\t"
OPEN, CLOSE = "（(", "）)"
# a bracket at the end of a name that is not part of it (曾用名, 以下简称 …)
ASIDE = re.compile(r"[（(](?:曾用名|又名|别名|化名|以下简称|下称|简称)[^（()）]*[)）]$")
ORGANISATION = re.compile(
    r"(?:公司|集团|厂|店|社|行|中心|所|院|局|委员会|委|会|部|站|处|校|学|馆|场|队|组|村|社区|办事处|政府|银行|合作社|"
    r"协会|商会|基金会|事务所|联合会|工作室|经营部|门市部|分公司|支行|办公室|管委会)$")
PERSON_MARK = re.compile(r"(?:^|[，,\s])(?:男|女)(?:[，,\s。]|$)|出生|身份证|公民身份号码")
MAX_NAME = 100

ROLE_LABEL = {"plaintiff": "原告", "third_party": "第三人", "defendant": "被告"}


class Party(NamedTuple):
    name: str                 # 鲁西某某（聊城）置业有限公司
    particulars: str          # the rest of its line: 住所地…, 男，1980年生…
    attached: tuple           # lines that belong to it: 法定代表人：…, 委托诉讼代理人：…
    person: bool              # a natural person (for 张某等N人)

    def full(self) -> str:
        """The name with its particulars, as a party list writes it."""
        return f"{self.name}，{self.particulars}" if self.particulars else self.name

    def as_dict(self, role: str) -> dict:
        return {"role": role, "role_label": ROLE_LABEL[role], "name": self.name, "particulars": self.particulars,
                "attached": list(self.attached), "kind": "自然人" if self.person else "单位"}


def split_name(text: str) -> tuple[str, str]:
    """('鲁西某某（聊城）置业有限公司', '住所地…') from '鲁西某某（聊城）置业有限公司，住所地…':
    the name ends at the first separator outside brackets."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in SEPARATORS:
            return text[:i].strip(), text[i + 1:].strip(" ，,；;\u3000\t")
    return text.strip(), ""


def _is_person(name: str, particulars: str, attached: list[str]) -> bool:
    if any(REPRESENTED.match(a) for a in attached):
        return False
    if PERSON_MARK.search(particulars):
        return True
    if ORGANISATION.search(name) or "有限" in name:
        return False
    return len(name) <= 4


def parse(text: str, field: str, label: str, role: str) -> list[Party]:
    """The parties of one field (`role`: plaintiff, third_party or defendant). A line naming
    another role is an error on the field, in the words of the form (`label`)."""
    raw: list[tuple[int, str, list[str]]] = []        # (line number, name line, attached lines)
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip().rstrip("。；;")
        if not line:
            continue
        line = LIST_MARK.sub("", line, count=1)
        m = ROLE_PREFIX.match(line)
        if m:
            found = ROLES[m["inner"] or m["role"]]
            if found != role:
                raise InputError(field, _wrong_role(label, number, found))
            line = line[m.end():].strip()
        if ATTACHED.match(line) and raw:
            raw[-1][2].append(line)
            continue
        if ATTACHED.match(line):
            raise InputError(field, f"“{label}”第{number}行“{line[:20]}”应写在当事人名称所在行的下一行，"
                                    "请先写当事人的姓名或者名称。")
        if not line:
            raise InputError(field, f"“{label}”第{number}行只有“{ROLE_LABEL[role]}”，没有姓名或者名称。")
        raw.append((number, line, []))
    parties = []
    for number, line, attached in raw:
        name, particulars = split_name(line)
        aside = ASIDE.search(name)
        if aside and aside.start() > 0:
            particulars = "，".join(p for p in (aside.group(0)[1:-1], particulars) if p)
            name = name[:aside.start()]
        if len(name) > MAX_NAME:
            raise InputError(field, f"“{label}”第{number}行的姓名或者名称超过{MAX_NAME}字：每行写一名当事人，"
                                    "姓名或者名称后用逗号隔开其他情况。")
        parties.append(Party(name, particulars, tuple(attached), _is_person(name, particulars, attached)))
    return parties


def _wrong_role(label: str, number: int, found: str) -> str:
    if found == "defendant":
        return (f"“{label}”第{number}行是被告：答辩机关在“答辩机关名称”中填写，其他被告在“共同被告”中填写，"
                "请删除该行。")
    return f"“{label}”第{number}行是{ROLE_LABEL[found]}，请移到“{ROLE_LABEL[found]}”一栏。"


# more plaintiffs than this, all natural persons: 张某等十二人, as courts title such cases
SHORT_TITLE_OVER = 3


def names(parties: list[Party]) -> str:
    """张某 / 张某、李某 / 张某等十二人 (more than three natural persons) / every name otherwise."""
    if len(parties) > SHORT_TITLE_OVER and all(p.person for p in parties):
        n = len(parties)
        return f"{parties[0].name}等{to_chinese(n) if n < 100 else n}人"
    return "、".join(p.name for p in parties)

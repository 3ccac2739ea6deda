"""Chinese numerals as used in legal citations (第一百零一条, 第（三）项)."""

DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """1 -> 一, 10 -> 十, 15 -> 十五, 101 -> 一百零一, 163 -> 一百六十三 (n < 1000)."""
    if not 0 < n < 1000:
        raise ValueError(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += DIGITS[hundreds] + "百"
        if rest and tens == 0:
            return out + "零" + DIGITS[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    if ones:
        out += DIGITS[ones]
    return out


def item_list(numbers) -> str:
    """Items of one paragraph: [1, 3] -> 第（一）项、第（三）项."""
    return "、".join(f"第（{to_chinese(n)}）项" for n in numbers)


def from_chinese(s: str) -> int:
    """Inverse of to_chinese: 一百零一 -> 101, 十五 -> 15."""
    total, current = 0, 0
    for ch in s:
        if ch in DIGITS:
            current = DIGITS.index(ch)
        elif ch == "百":
            total += current * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            raise ValueError(s)
    return total + current

"""Full calendar dates as offices write them: Arabic and Chinese numerals, ISO and dotted forms.

Kept apart from the dates extractor because structure needs it first: the 成文日期 is the
reference for every partial date in the document.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

CN_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "0": 0, "Ｏ": 0, "０": 0, "◯": 0, "Ο": 0, "О": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5,
    "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_CN = "〇○零Oo0Ｏ０◯ΟО一二三四五六七八九十廿卅"
CN_NUM = f"[{_CN}]"

# Put before a date pattern: every date starts with a numeral, and a search that tests this one
# character first skips the text between dates several times faster than the pattern's own
# alternatives and look-behinds do.
NUMERAL_CHARS = rf"[\d{_CN}元]"
NUMERAL_AHEAD = rf"(?={NUMERAL_CHARS})"

# 2020年10月9日 / 二〇二〇年十月九日 / 2020-10-09 / 2020.10.9 / 2020/10/9 / 22.04.2015
FULL_DATE = re.compile(
    NUMERAL_AHEAD
    + rf"(?:(?P<y>(?:19|20)\d{{2}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}元]{{1,3}})\s*月\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,4}})\s*[日号]"
    r"|(?P<y2>(?:19|20)\d{2})\s*(?P<sep>[-./])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<d2>\d{1,2})(?![\d.])"
    r"|(?<![\d.])(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>(?:19|20)\d{2})(?!\d))"
)

# What a FULL_DATE match (and lines._DATE_ONLY) can start with, besides a decimal digit (\d).
DATE_FIRST = frozenset(_CN) | frozenset("〇○零OoＯ0一二三四五六七八九十")


@functools.lru_cache(maxsize=256)  # (a document repeats its years, months and days)
def cn_number(s: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23, 廿三 → 23, 卅一 → 31, 元 → 1; digit strings pass through."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if s == "元":
        return 1
    s = s.replace("廿", "二十").replace("卅", "三十")
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = CN_DIGITS.get(head, None) if head else 1
        ones = CN_DIGITS.get(tail, None) if tail else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    value = 0
    for ch in s:
        if ch not in CN_DIGITS:
            return None
        value = value * 10 + CN_DIGITS[ch]
    return value


def make_date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    try:
        return dt.date(y, m, d) if y and m and d else None
    except ValueError:
        return None


def match_to_date(m: re.Match) -> dt.date | None:
    if m.group("y"):
        return make_date(cn_number(m.group("y")), cn_number(m.group("m")), cn_number(m.group("d")))
    if m.group("y2"):
        return make_date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
    if m.group("y3"):
        return make_date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
    return None


def find_full_dates(text: str):
    """Yield (start, end, date) for every full date in ``text``."""
    for m in FULL_DATE.finditer(text):
        d = match_to_date(m)
        if d:
            yield m.start(), m.end(), d


def parse_full_date(text: str) -> dt.date | None:
    for _, _, d in find_full_dates(text):
        return d
    return None


def is_chinese_numeral_date(text: str) -> bool:
    m = FULL_DATE.search(text)
    return bool(m and m.group("y") and not m.group("y").isdigit())


# ---------------------------------------------------------------- parts of a date
# Numerals as they appear in partial dates (月 and 日 without a year).
CN_MONTH = "(?:十[一二]?|[元一二三四五六七八九])"
CN_DAY = "(?:[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])"
CN_YEAR = f"[{_CN}一二三四五六七八九]{{4}}"
# 零七年, 24年: a year written with two digits (1970–2069).
CN_YEAR2 = "[〇○零O0一二三四五六七八九]{2}"

# Parts of the day an office names after a date; the evening ones move a clock time past noon.
PARTS = ("上午", "下午", "晚上", "早上", "中午", "凌晨", "傍晚", "夜间", "全天", "晚")
_AFTERNOON = {"下午", "晚上", "傍晚", "夜间", "晚"}
TIME = re.compile(
    r"(?P<h>\d{1,2})\s*[:：]\s*(?P<mi>\d{2})(?:\s*[:：]\s*\d{2})?(?:\s*[时点])?"
    r"|(?P<h2>\d{1,2}|[一二三四五六七八九十]{1,3}|零)\s*[时点](?:\s*(?P<mi2>\d{1,2}|半|整)\s*分?)?"
)


def clock(match: re.Match, part: str | None = None) -> str | None:
    """A TIME match as "HH:MM"; 下午3:00 → "15:00", 上午8:30 → "08:30"."""
    if match.group("h") is not None:
        h, mi = int(match.group("h")), int(match.group("mi"))
    else:
        h = cn_number(match.group("h2"))
        m2 = match.group("mi2")
        mi = 30 if m2 == "半" else 0 if m2 in (None, "整") else int(m2)
        if h is None:
            return None
    if part in _AFTERNOON and h < 12:
        h += 12
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return None
    return f"{h:02d}:{mi:02d}"


def date_option(value: str, *, option: str) -> dt.date:
    """A command-line date (--base-date 2024-05-30); a UsageError naming the option otherwise."""
    from .errors import UsageError

    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option} takes a date as YYYY-MM-DD, not {value!r}") from None


def month_end(y: int, m: int) -> int:
    if m == 12:
        return 31
    return (dt.date(y, m + 1, 1) - dt.timedelta(days=1)).day

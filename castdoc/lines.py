"""Lines of a normalised view, and the small line classifiers every later stage shares."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .datefmt import DATE_FIRST, FULL_DATE


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offsets into the view's text
    end: int
    text: str


@functools.lru_cache(maxsize=8)  # split and structure both ask for the lines of one text
def lines_of(text: str) -> tuple[Line, ...]:
    out = []
    pos = 0
    for part in text.split("\n"):
        if part.strip():
            lead = len(part) - len(part.lstrip())
            body = part.strip()
            out.append(Line(pos + lead, pos + lead + len(body), body))
        pos += len(part) + 1
    return tuple(out)


DOC_TYPES = (
    "通知书", "通知", "意见", "决定", "通报", "公告", "通告", "报告", "请示", "批复", "纪要",
    "决议", "公报", "命令", "议案", "公示", "简报", "函",
)
# Traditional forms seen on Hong Kong / Taiwan-style pages and converted sites.
DOC_TYPES_TRAD = {"通報": "通报", "決定": "决定", "決議": "决议", "報告": "报告", "請示": "请示", "批覆": "批复", "紀要": "纪要", "議案": "议案"}
_DOC_TYPE_RE = "|".join(sorted(list(DOC_TYPES) + list(DOC_TYPES_TRAD), key=len, reverse=True))
TITLE_END = re.compile(rf"(?:{_DOC_TYPE_RE})(?:[(（][^)）]{{1,12}}[)）])?$")
# Where a TITLE_END match can end: a kind's last character, a closing bracket, or the line
# break that ``$`` also matches before.
_TITLE_END_LAST = frozenset(w[-1] for w in (*DOC_TYPES, *DOC_TYPES_TRAD)) | {")", "）", "\n"}

DATELINE = re.compile(r"^(?:【[^】]{0,12}】\s*)?(?:本报讯|本報訊|本报\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*讯|本报\S{0,12}?讯|新华社\S{0,10}电|本网讯|本刊讯|讯\s)")
_DATELINE_FIRST = frozenset("【本新讯")  # what a DATELINE match starts with
# Web page furniture: navigation, counters, share buttons, footers.
BOILERPLATE = re.compile(
    r"^(?:[•·\-*]\s*)?(?:当前位置|您当前的位置|您的位置|您现在的位置|现在位置|所在位置|位置[:：]|网站首页|首页\s*[>›»]|设为首页|加入收藏|长辈版|无障碍|"
    r"阅读次数|浏览次数|点击数|点击次数|被阅读|访问量|\[?字体|【字体|字号[:：]|扫一扫|分享到|分享[:：]|打印本页|【打印|关闭窗口|【关闭|"
    r"上一篇|下一篇|<<<|>>>|上一條|下一條|返回顶部|返回列表|版权所有|Copyright|©|ICP备|[京沪粤浙苏鲁豫鄂湘川皖闽赣冀晋辽吉黑陕甘青琼贵云藏宁新桂蒙渝津]ICP|"
    r"网站地图|联系我们\s*[|｜]|主办单位[:：]|技术支持[:：]|原文链接|责任编辑|编辑[:：]|审核[:：]|摄影[:：]|"
    r"您好,欢迎|欢迎您来到|今天是|农历|【大中小】|\[大中小\]|发布时间[:：]|发布日期[:：]|来源[:：]|信息来源[:：]|作者[:：])",
    re.I,
)
IMAGE_FILE = re.compile(r"^\S+\.(?:jpe?g|png|gif|bmp|webp)$", re.I)
# 主题词, 抄送, 印发: the 版记, after the signature
COLOPHON = re.compile(r"^(?:主题词|主題詞|抄送|抄报|抄報|印发|印發|共印|[^\s:：]{2,30}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印[发發])")
LABEL = re.compile(r"^(?:附件|附表|附:|联系人|聯繫人|联系电话|联系方式|电话|電話|手机|传真|邮箱|电子邮箱|電子信箱|电子信箱|E-?mail|地址|邮编|网址|特此|主题词|抄送|抄报|印发|供稿)", re.I)
_DATE_ONLY = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?|[〇○零OoＯ0一二三四五六七八九十]{4}年[元一二三四五六七八九十]{1,3}月[〇○一二三四五六七八九十廿]{1,4}日?")


def is_date_line(text: str) -> bool:
    """A line that is nothing but a date (the 成文日期 under a signature)."""
    first = text[:1]
    if not (first in DATE_FIRST or first.isdecimal()):  # (most lines: no pattern can start there)
        return False
    m = FULL_DATE.match(text)  # (the match search would find first, if it starts at 0)
    if m and len(text) - m.end() <= 1:
        return True
    return bool(_DATE_ONLY.fullmatch(text))


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in "。！？!?;；…"


def is_dateline(text: str) -> bool:
    """``DATELINE.match(text)``, looking first at the first character."""
    return text[:1] in _DATELINE_FIRST and bool(DATELINE.match(text))


def is_colophon(text: str) -> bool:
    """``COLOPHON.match(text)``, looking first for what every match holds (主, 抄 or 印)."""
    return bool(("印" in text or text.startswith(("主", "抄"))) and COLOPHON.match(text))


def is_image_file(text: str) -> bool:
    """``IMAGE_FILE.match(text)``; every match holds a dot."""
    return "." in text and bool(IMAGE_FILE.match(text))


def has_title_end(text: str) -> bool:
    """``TITLE_END.search(text)``, looking first at the last character (the search tries
    every position of a long line)."""
    if text[-1:] not in _TITLE_END_LAST:
        return False
    return bool(TITLE_END.search(text))


def is_title_like(text: str) -> bool:
    """Short, no sentence-final punctuation, not a label, a date or page furniture."""
    return (
        2 <= len(text) <= 80
        and not ends_sentence(text)
        and not text.endswith((":", "："))
        and not is_date_line(text)
        and not LABEL.match(text)
        and not BOILERPLATE.match(text)
        and not is_colophon(text)
        and not is_image_file(text)
    )


def split_outside(text: str, a: int, b: int, seps: str, opens: str, closes: str,
                  marks: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Pieces of text[a:b] cut at ``seps`` standing outside the brackets ``opens``/``closes``.

    ``marks``, a pattern matching every separator and bracket, lets a caller on a hot path
    skip the characters in between.
    """
    out = []
    s = a
    depth = 0
    hits = (m.start() for m in marks.finditer(text, a, b)) if marks is not None else range(a, b)
    for i in hits:
        ch = text[i]
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            out.append((s, i))
            s = i + 1
    out.append((s, b))
    return out

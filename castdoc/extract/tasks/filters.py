"""What looks like a request and is not one for the recipients: a 请 that only points
somewhere, speech a notice reports, a quotation, the issuer's own undertaking, the
condition a request depends on, an aside in brackets."""
from __future__ import annotations

import re

from .cues import EXHORTATION
from .words import ISSUER_SELF

# a 请 that only points somewhere: not a task
TRIVIAL_QING = re.compile(r"[请請](?:下载|查阅|参阅|登录|关注|见|详见|浏览|访问|点击|参见|联系|咨询|拨打|致电|留意)|[请請](?:参照|按照|參照)[^,。]*(?:办理|辦理|执行|執行)$")
# reported speech inside a notice (强调科技创新必须坚持…) is not a request to the recipients
NOTICE_SPEECH = re.compile(r"强调|強調|指出|阐释|阐明|表示")
# 凡…, 如…, …后, …时: the condition a request depends on, not the request
CONDITION = re.compile(r"^(?:凡|如|若|如果|对于|對於)|(?:后|後|时|時)$")
_COMMITMENT = re.compile(ISSUER_SELF.pattern + r"|将|將")


def trivial_qing(text: str, pos: int, end: int) -> bool:
    """请下载…, 请参照…办理: the 请 at ``pos`` asks nothing."""
    return bool(TRIVIAL_QING.match(text, pos, end))


def reported_speech(text: str, a: int, pos: int) -> bool:
    """强调…必须…: a directive at ``pos`` quoting what someone said, in a notice."""
    return bool(NOTICE_SPEECH.search(text, a, pos))


def quoted(text: str, a: int, pos: int) -> bool:
    """“要广泛动员…”的要求: ``pos`` inside a quotation or a title opened after ``a``."""
    before = text[a:pos]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def commitment(text: str, a: int, b: int) -> bool:
    """我会…, …将…: the issuer's own undertaking, when no one else is named."""
    return bool(_COMMITMENT.search(text, a, b))


def aside(sentence: str) -> bool:
    """A sentence in parentheses, its brackets closed."""
    return sentence.startswith("(") and sentence.rstrip(")").count("(") <= sentence.count(")")


def exhortation(value: str) -> bool:
    """希望…珍惜荣誉、再接再厉; 要以…为榜样; 要…,争做…者: praise and exhortation, nothing
    a reader could check was done."""
    return bool(EXHORTATION.search(value))

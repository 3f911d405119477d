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
NOTICE_SPEECH_WORDS = ("强调", "強調", "指出", "阐释", "阐明", "表示")
NOTICE_SPEECH = re.compile("|".join(NOTICE_SPEECH_WORDS))
_SPEECH_LONGEST = max(map(len, NOTICE_SPEECH_WORDS))
# 凡…, 如…, …后, …时: the condition a request depends on, not the request
CONDITION = re.compile(r"^(?:凡|如|若|如果|对于|對於)|(?:后|後|时|時)$")
_COMMITMENT = re.compile(ISSUER_SELF.pattern + r"|将|將")


def trivial_qing(text: str, pos: int, end: int) -> bool:
    """请下载…, 请参照…办理: the 请 at ``pos`` asks nothing."""
    return bool(TRIVIAL_QING.match(text, pos, end))


class Before:
    """What stands between a sentence's start and a directive in it, read once.

    Each directive asks whether reported speech (强调…必须…) or an open quotation or title
    (“要广泛动员…”的要求) comes before it. Rescanning from the sentence's start for each one
    made a long run of 请… quadratic; here the text is read up to the furthest point asked
    and what it held is kept (directives are asked in order; one asked before that point
    is counted afresh)."""

    __slots__ = ("text", "start", "upto", "speech", "quotes", "titles")

    def __init__(self, text: str, start: int):
        self.text, self.start = text, start
        self._reset()

    def _reset(self) -> None:
        self.upto = self.start
        self.speech = False
        self.quotes = self.titles = 0  # opened less closed, before ``upto``

    def _read_to(self, pos: int) -> None:
        if pos < self.upto:
            self._reset()
        if pos == self.upto:
            return
        t, a = self.text, self.upto
        if not self.speech:  # a word that ends after ``a`` starts at most its length before it
            self.speech = bool(NOTICE_SPEECH.search(t, max(self.start, a - _SPEECH_LONGEST + 1), pos))
        self.quotes += t.count("“", a, pos) - t.count("”", a, pos)
        self.titles += t.count("《", a, pos) - t.count("》", a, pos)
        self.upto = pos

    def reported_speech(self, pos: int) -> bool:
        """强调…必须…: a directive at ``pos`` quoting what someone said, in a notice."""
        self._read_to(pos)
        return self.speech

    def quoted(self, pos: int) -> bool:
        """“要广泛动员…”的要求: ``pos`` inside a quotation or a title opened in the sentence."""
        self._read_to(pos)
        return self.quotes > 0 or self.titles > 0


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

"""A task as found, before its fields are filled, and how far its text reaches.

A task's text is the directive clause with the clauses that belong to it and no more than a
reader needs: it keeps taking clauses while shorter than TEXT_SOFT, and while the next one
keeps it within TEXT_CAP, until a clause turns to other business or asks something new.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .actor import Span, actor_at, by, np_prefix
from .cues import DIRECTIVE, NEW_PART
from .sentences import Sentence, text_len
from .words import ISSUER_FIRST, ISSUER_LIKE, OTHER_BUSINESS

TEXT_SOFT = 30  # a task keeps taking clauses while shorter than this …
TEXT_CAP = 60  # … and while the next clause keeps it within this
_AS_FOLLOWS = re.compile(r"如下\s*:?$")
_BY_START = re.compile(r"(?:并|並|同时|同時)?由")  # used with match(text, pos)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int  # view offsets of the task text
    end: int
    sentence: Sentence  # the sentence it sits in
    actor: Span | None  # view span of the subject
    actor_source: str | None  # explicit | inherited
    bare: bool  # a directive with no subject of its own (要…): may inherit the actor


def candidate(text: str, sent: Sentence, i: int, start: int, actor: Span | None = None, *,
              bare: bool = False) -> Candidate:
    """The task that starts at ``start`` in clause ``i``, its text as long as belongs;
    an ``actor`` given is the explicit one."""
    return Candidate(start, extend(text, sent, i, start), sent, actor, "explicit" if actor else None, bare)


def extend(text: str, sent: Sentence, i: int, start: int) -> int:
    """The end of a task that starts at ``start`` in clause ``i``: as many clauses as belong."""
    clauses = sent.clauses
    e = clauses[i].end
    cur = text_len(text[start:e])  # kept up to date as clauses join (text_len adds up over pieces)
    for k in range(i + 1, len(clauses)):
        a, b = clauses[k].start, clauses[k].end
        piece = text[a:b]
        # any one of these ends the task; the cheap ones are asked first
        if cur >= TEXT_SOFT and (cur + text_len(piece) > TEXT_CAP or NEW_PART.match(piece)):
            break
        if OTHER_BUSINESS.match(piece) or _AS_FOLLOWS.search(piece):
            break
        if _commitment_start(piece) or _starts_new_task(text, a, b):
            break
        cur += text_len(text[max(start, e):b])
        e = b
    return e


def _commitment_start(piece: str) -> bool:
    """省科协将…: the issuer taking something on itself."""
    if not piece.startswith(ISSUER_FIRST):
        return False  # no issuer named first: skip looking for a subject
    span = actor_at(piece, 0)
    return bool(span and piece[span[1]:span[1] + 1] in "将將" and ISSUER_LIKE.search(piece[:span[1]]))


def _starts_new_task(text: str, a: int, b: int) -> bool:
    """A clause with a subject and a directive of its own (每市务必…, 并由主提名人将…)."""
    m = DIRECTIVE.search(text, a, b)
    if m and np_prefix(text, a, m.start()):
        return True
    if _BY_START.match(text, a, b) and by(text, a, b):
        return True
    return False

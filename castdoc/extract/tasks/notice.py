"""The requests of a notice: directives (各单位要…, 请…, 须…), numbered items whose subject
is a recipient (一、各全省学会填写并报送…), duties handed over (由…负责…), lines of work
(一是…), and what follows 按时…, 并请… ."""
from __future__ import annotations

import re

from .actor import actor_at, by, clean_actor, modified_actor, np_prefix, np_start
from .candidate import Candidate, candidate
from .cues import DIRECTIVE, ITEM_LABEL, MODAL, NEW_PART
from .filters import CONDITION, Before, aside, commitment, trivial_qing
from .paragraphs import Paragraph
from .sentences import Sentence, sentences
from .words import ENUMERATED, ISSUER_LIKE

_IMPERATIVE_START = re.compile(r"(?:按时|按時|及时|及時|尽快|盡快)")


def notice_tasks(text: str, paras: list[Paragraph]) -> list[Candidate]:
    out: list[Candidate] = []
    for k, p in enumerate(paras):
        if p.heading or p.skip_rules:
            continue
        a = p.start + (len(p.marker) if p.marker and p.level < 5 else 0)
        if p.label:
            lab = ITEM_LABEL.match(text, a, p.end)  # 申报方式:请… — the task starts after the label
            a = lab.end() if lab else a
        item = bool(p.marker) and p.level < 5 and not p.label and not p.under_label
        sents = sentences(text, a, p.end, k)
        for n, sent in enumerate(sents):
            stxt = text[sent.start:sent.end]
            if n == 0 and p.marker and p.level < 5 and len(sents) > 1 and len(stxt) <= 15 and "," not in stxt:
                continue  # （二）确保质量。…: the item's own heading
            if aside(stxt):
                continue
            if p.level == 5 and n == 0 or ENUMERATED.match(stxt):
                # 一是…: an enumerated line of work is a task in itself
                out.append(_line_of_work(text, sent))
                continue
            out.extend(_sentence_tasks(text, sent, item=item))
    return out


_DE_END = re.compile(r"的\s*$")
_PURPOSE = re.compile(r"为了|為了|为便于|為便於|为(?![期止])|為(?![期止])")


def _subject_clause(text: str, c) -> tuple[int, int] | None:
    """The clause before a bare directive names who: 已命名到期的科普教育基地,须…; or opens
    with them in a condition ending in 的: 任何单位或个人对公示项目有异议的,应当…"""
    a, b = c.start, c.end
    if _DE_END.search(text, a, b):
        span = actor_at(text, a, b)
        if span and span[1] < b - 1 and text[span[1]] not in "的之、":
            return span
        return None
    span = np_prefix(text, a, b)
    return span if span and span[1] >= b - 1 else None


def _line_of_work(text: str, sent: Sentence) -> Candidate:
    ss, se = sent.start, sent.end
    span = np_start(text, ss + 2, se, anchored=True)
    actor = clean_actor(text, span) if span else None
    d = DIRECTIVE.match(text, ss + 2)
    return candidate(text, sent, 0, ss, actor, bare=actor is None and bool(d and d.lastgroup in MODAL))


def _sentence_tasks(text: str, sent: Sentence, *, item: bool) -> list[Candidate]:
    clauses = sent.clauses
    out: list[Candidate] = []
    i = 0
    free = 0  # clauses before this one are taken by an earlier task
    before = Before(text, sent.start)
    while i < len(clauses):
        ca, cb = clauses[i].start, clauses[i].end
        got = _directive_task(text, sent, i, free, before)
        if got is None and item and not out and not CONDITION.match(text[ca:cb]) and not text.startswith("拟", ca):
            # 一、各省级学会填写并报送…: an item whose subject is a recipient
            span = np_start(text, ca, cb, anchored=True)
            if span and not DIRECTIVE.search(text, ca, cb):
                actor = clean_actor(text, span)
                if actor:
                    got = candidate(text, sent, i, span[0], actor)
        if got is None:
            duty = by(text, ca, cb)
            if duty and clean_actor(text, duty):
                got = candidate(text, sent, i, ca, clean_actor(text, duty))
        if got is None and i == 0 and _IMPERATIVE_START.match(text, ca):
            got = candidate(text, sent, 0, ca)
        if got is None and out and NEW_PART.match(text, ca) and i > 0 and out[-1].end < ca:
            got = candidate(text, sent, i, ca)
        if got is None:
            i += 1
            continue
        out.append(got)
        last = max(sent.clause_at(got.end), sent.clause_at(got.start), i)
        i = max(last + 1, i + 1)
        free = i
    return out


def _directive_task(text: str, sent: Sentence, i: int, free: int, before: Before) -> Candidate | None:
    """The task a directive in clause ``i`` asks, its subject looked for before the directive,
    after 请/希望/要求, after 由, or at the head of the sentence (from clause ``free`` on)."""
    clauses = sent.clauses
    ss, se = sent.start, sent.end
    ca, cb = clauses[i].start, clauses[i].end
    for m in DIRECTIVE.finditer(text, ca, cb):
        kind = m.lastgroup
        dpos, dend = m.start(), m.end()
        if before.reported_speech(dpos):
            return None
        if kind == "qing" and trivial_qing(text, dpos, cb):
            continue
        actor = None
        start = ca
        bare = False
        if before.quoted(dpos):
            continue  # “要广泛动员…”的要求: a quotation, not this notice's request
        if kind in ("qing", "xiwang", "wang", "yaoqiu"):
            span = actor_at(text, dend, cb) or modified_actor(text, dend, cb)
            if span:
                actor = span
            elif kind == "yaoqiu":
                continue  # 按照…要求: a noun, not a request
        if actor is None:
            span = np_prefix(text, ca, dpos)
            if span:
                actor = span
                start = span[0]
            elif kind in ("ke", "fuze") and not by(text, ca, dpos):
                span = None
            elif text[ca:dpos].strip() == "" and kind in MODAL:
                bare = True
                if i > free:
                    prev = clauses[i - 1]
                    span = _subject_clause(text, prev)
                    if span:
                        actor, start, bare = span, prev.start, False
                    elif _DE_END.search(text, prev.start, prev.end):
                        # 以单位名义提出异议的,须…: the condition says who, no one before
                        start, bare = prev.start, False
        if kind == "quebao" and i > 0 and _PURPOSE.match(text, clauses[i - 1].start):
            continue  # 为便于核实,确保…: a purpose, not a request
        duty = by(text, ca, dpos) if actor is None else None
        if duty:
            actor = duty
        if actor is None and not bare:
            # the subject stated at the head of the sentence: 各单位…的情况,请…
            for c in clauses[free:i]:
                if CONDITION.search(text[c.start:c.end]):
                    continue
                span = np_start(text, c.start, c.end, anchored=True)
                duty = None if span else by(text, c.start, c.end)
                if span or duty:
                    actor = span or duty
                    start = span[0] if span else c.start
                    break
        if kind in ("ke", "fuze") and actor is None:
            continue
        if kind == "quebao" and text[ca:dpos].strip():
            continue
        if start == ca and i > free and CONDITION.search(text[clauses[i - 1].start:clauses[i - 1].end]):
            start = clauses[i - 1].start
        if actor is not None and clean_actor(text, actor) is None and ISSUER_LIKE.search(text[actor[0]:actor[1]]):
            return None  # 省科协要…, 我会将…: the issuer's own undertaking
        actor = clean_actor(text, actor) if actor else None
        if actor is None and commitment(text, ca, dpos):
            return None
        if actor is None and text.startswith(("如", "若"), ss, se):  # 如…, 若…, 如果…
            return None
        return candidate(text, sent, i, start, actor, bare=bare and actor is None)
    return None

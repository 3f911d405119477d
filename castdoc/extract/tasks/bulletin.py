"""What a bulletin reports a leader asked of whom: 冯日光要求省科协合作交流部…, 他强调,
科协组织要…, 希望广大科技工作者…, and the sentences that carry the speech on
(…。广大科技工作者要…; 会议要求,要…;要…;要…: each 要 a duty of its own)."""
from __future__ import annotations

import re

from .actor import actor_at, clean_actor, modified_actor, np_prefix
from .candidate import Candidate, candidate, extend
from .cues import DIRECTIVE, MODAL, SPEECH, STATEMENT
from .paragraphs import Paragraph
from .sentences import Sentence, sentences

_SPEECH_NOUN_BEFORE = ("的", "部署", "工作", "相关", "有关", "具体", "总体", "基本", "严格", "相關", "有關", "具體", "總體",
                       "落实", "落實", "按照", "根据", "根據", "贯彻", "貫徹", "符合", "达到", "達到", "满足", "滿足")
_WISH = {"希望", "号召", "號召", "勉励", "勉勵", "鼓励", "鼓勵", "寄语", "寄語"}
# a speech verb used as a noun at the end of its clause (落实…要求。): no speech begins there
_NOUN_AFTER = re.compile(r"[。;!?]|$")


def bulletin_tasks(text: str, paras: list[Paragraph]) -> list[Candidate]:
    out: list[Candidate] = []
    for k, p in enumerate(paras):
        speaking = False
        for sent in sentences(text, p.start, p.end, k):
            ss, se = sent.start, sent.end
            s = text[ss:se]
            if STATEMENT.search(s) and not SPEECH.search(s):
                speaking = False
                continue
            if speaking:
                # 他强调,…。广大科技工作者要…; 会议要求,要…;要…: the speech goes on
                got = _goes_on(text, sent)
                if got is not None:
                    out.append(got)
                    continue
            got = _speech_task(text, sent)
            if got is not None:
                out.append(got)
                speaking = True
                continue
            if _speech_verb(text, sent) is not None:
                speaking = not STATEMENT.search(s)
                continue
            speaking = False
    return out


def _goes_on(text: str, sent: Sentence) -> Candidate | None:
    """A sentence of the speech that asks on its own: a subject and 要…, or a bare 要…."""
    ss, se = sent.start, sent.end
    m = DIRECTIVE.search(text, ss, se)
    if not m or m.lastgroup not in MODAL:
        return None
    span = np_prefix(text, ss, m.start())
    if span:
        return _explicit(text, sent, span[0], extend(text, sent, 0, ss), span)
    if m.start() == ss:
        return candidate(text, sent, 0, ss, bare=True)
    return None


def _speech_verb(text: str, sent: Sentence) -> re.Match | None:
    """The first speech verb of the sentence that reports speech (not 落实…要求 as a noun)."""
    ss, se = sent.start, sent.end
    for m in SPEECH.finditer(text, ss, se):
        if m.start() == ss or text[max(ss, m.start() - 4):m.start()].endswith(_SPEECH_NOUN_BEFORE):
            continue
        if _NOUN_AFTER.match(text, m.end(), se) or m.end() >= se:
            continue
        return m
    return None


def _explicit(text: str, sent: Sentence, start: int, end: int, span: tuple[int, int]) -> Candidate:
    """A task whose subject the speaker named (it counts as stated even where the span
    cleans away to nothing)."""
    return Candidate(start, end, sent, clean_actor(text, span, speech=True), "explicit", False)


def _speech_task(text: str, sent: Sentence) -> Candidate | None:
    ss, se = sent.start, sent.end
    clauses = sent.clauses
    m = _speech_verb(text, sent)
    if m is None:
        return None
    v = m["v"]
    i = sent.clause_at(m.end())
    if STATEMENT.search(text, clauses[max(0, i - 1)].start, m.start()):
        return None  # 表示,…要…: what the speaker will do, not an assignment
    after = m.end()
    while after < se and text[after] in ",: ":
        after += 1
    if v in _WISH:
        span = actor_at(text, after, se) or modified_actor(text, after, se)
        actor = clean_actor(text, span, speech=True) if span else None
        if actor is None and not DIRECTIVE.search(text, after, se):
            return None  # 并希望悉心梳理…: a wish with no one named to carry it out
        return candidate(text, sent, sent.clause_at(after), after, actor)
    if v in ("要求",) and after == m.end():
        span = actor_at(text, after, se)
        if span and span[1] < se and text[span[1]] not in ",的":
            start = clauses[i].start
            return _explicit(text, sent, start, extend(text, sent, i, start), span)
    # 强调,…,海智基地要…: the first clause after the verb with a subject and a directive;
    # 指出,…,要充分发挥…: or a bare 要 that opens its clause
    for j in range(sent.clause_at(after), len(clauses)):
        a = max(clauses[j].start, after)
        d = DIRECTIVE.search(text, a, clauses[j].end)
        if d and d.lastgroup in MODAL:
            span = np_prefix(text, a, d.start())
            if span:
                return _explicit(text, sent, span[0], extend(text, sent, j, span[0]), span)
            if d.start() == a:
                return candidate(text, sent, j, a, bare=True)
    return None

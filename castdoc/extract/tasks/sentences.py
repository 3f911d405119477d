"""Sentences and their clauses, cut outside brackets and quotes, as offsets into the view.

A task is made of whole clauses of one sentence, so the rules ask for a sentence's clauses
and for the clause a position falls in, never for loose index pairs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lines import split_outside

FINAL = "。!?;…"  # what ends a sentence
_SENTENCE_MARKS = re.compile(f"[(《“)》”{re.escape(FINAL)}]")  # all sentences() looks at
_CLAUSE_MARKS = re.compile(r"[(《“\[)》”\],]")  # all a sentence's clauses are cut at
_NOT_COUNTED = re.compile(r"[\s“”\"'《》]")


@dataclass(frozen=True, slots=True)
class Clause:
    start: int  # view offsets
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # view offsets, leading white space left out
    end: int
    para: int  # the paragraph it stands in
    clauses: tuple[Clause, ...]  # cut at commas outside brackets; none empty

    def clause_at(self, pos: int) -> int:
        """The index of the clause ``pos`` falls in (an end counts), else of the last one."""
        for k, c in enumerate(self.clauses):
            if c.start <= pos <= c.end:
                return k
        return len(self.clauses) - 1


def sentences(text: str, a: int, b: int, para: int) -> list[Sentence]:
    """The sentences of ``text[a:b]``, blank pieces dropped."""
    out = []
    for s, e in _split(text, a, b, _SENTENCE_MARKS, FINAL):
        rest = text[s:e].lstrip()
        if rest:
            s = e - len(rest)
            clauses = tuple(Clause(x, y) for x, y in _split(text, s, e, _CLAUSE_MARKS, ",") if y > x)
            out.append(Sentence(s, e, para, clauses))
    return out


def _split(text: str, a: int, b: int, marks: re.Pattern, seps: str) -> list[tuple[int, int]]:
    """Pieces of text[a:b] cut at ``seps`` that stand outside brackets and quotes."""
    return split_outside(text, a, b, seps, "(《“[", ")》”]", marks)


def text_len(text: str) -> int:
    """How long a piece reads: white space, quotes and title marks not counted."""
    return len(_NOT_COUNTED.sub("", text))

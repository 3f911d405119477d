"""The patterns built from the lexicons: position words (副部长, 党组成员), titles after a
name (院士, 副主席), the characters a surname opens with. Built on first use and kept."""
from __future__ import annotations

import functools
import re

from ... import nlp
from .cues import FOLLOW_WORDS
from .words import NOT_TITLES, POSITION_PREFIXES, TITLE_EXTRA, TITLE_PREFIXES


def word_pattern(prefixes: tuple[str, ...], words, tail: str = "") -> re.Pattern:
    """``(?:prefix)?(?:word|…)tail``, longest words first, led by a look-ahead for the
    characters a match can start with, and with the words as a trie (one alternative per
    character): the same matches, found several times faster (re otherwise tries every
    alternative at every character)."""
    words = set(words)
    first = "".join(re.escape(c) for c in sorted({w[0] for w in (*prefixes, *words)}))
    pre = "|".join(re.escape(w) for w in prefixes)
    alt = "|".join(trie_branches(words))
    return re.compile(rf"(?=[{first}])(?:{pre})?(?:{alt}){tail}")


def trie_branches(words) -> list[str]:
    """``w1|w2|…`` (longer words tried first) as one alternative per first character.

    The words matching at one place are prefixes of one another; in the trie each greedy
    ``(?:…)?`` tries the longer continuation before stopping, so they are tried longest
    first, as in the sorted alternation (backtracking included)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branches(node: dict) -> list[str]:
        out = []
        for ch in sorted(k for k in node if k):
            child = node[ch]
            rest = branches(child)
            if not rest:
                out.append(re.escape(ch))
                continue
            body = rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"
            out.append(re.escape(ch) + (f"(?:{body})?" if "" in child else body))
        return out

    return branches(root)


@functools.cache
def positions() -> re.Pattern:
    return word_pattern(POSITION_PREFIXES, nlp.lexicon("positions.txt"), r"(?:\([^()\n]{1,6}\))?")


@functools.cache
def end_word_starts() -> frozenset[str]:
    """The characters a FOLLOW_WORDS word or a position (``positions``) can start with."""
    words = (*FOLLOW_WORDS, *POSITION_PREFIXES, *nlp.lexicon("positions.txt"))
    return frozenset(w[0] for w in words if w)


@functools.cache
def titles_after() -> re.Pattern:
    """Titles that may follow a bare name (张亿锋副主席, 邓子新院士, 王庆林同志)."""
    words = [w for w in nlp.lexicon("positions.txt") if w not in NOT_TITLES]
    words += TITLE_EXTRA
    return word_pattern(TITLE_PREFIXES, words)


@functools.cache
def surname_starts() -> re.Pattern:
    """The characters at which ``surname_len(i, strong=False)`` can be non-zero: the first
    character of a two-character surname, or a common one-character surname."""
    sur = nlp.surnames()
    chars = {w[0] for w in sur if len(w) == 2} | {w for w, cls in sur.items() if len(w) == 1 and cls == 1}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@functools.cache
def positions_at_end() -> re.Pattern:
    return re.compile(positions().pattern + "$")

"""How the vocabulary's word lists become patterns: one helper, so a list is written once as
words (a tuple anyone can read and extend) and every pattern made from it agrees."""
from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str]) -> str:
    """``(?:a|b|c)``: the words as literal alternatives, in the order given (a longer word
    that shares a shorter one's start goes first, as a pattern written out would put it)."""
    return "(?:" + "|".join(map(re.escape, words)) + ")"


def any_of(words: Iterable[str]) -> re.Pattern:
    """A pattern that finds any of ``words``."""
    return re.compile(alternation(words))

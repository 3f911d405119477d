"""Patterns led by a look-ahead for their first characters ((?=[请必须…])…), which lets re
skip the places no match can start: the look-ahead must admit every character the rest of
the pattern can start with, or words added to the pattern later would silently never match.

The first characters are worked out from the parsed pattern (re's own parser), so the test
holds for every such pattern in castdoc, hand-written or built from a lexicon.
"""
from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

try:
    from re import _parser as sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

import castdoc

C = sre_parse  # the opcode names live on the parser module's constants
ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}


def _class(items) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY:  # \d, \s …: kept as a name, which the other side must name too
            out.add(f"<{av}>")
        else:  # NEGATE: more than a list of characters
            return None
    return out


def _nullable(op, av) -> bool:
    if op in ZERO_WIDTH:
        return True
    if op is C.SUBPATTERN:
        return _seq_nullable(av[3])
    if op is C.BRANCH:
        return any(_seq_nullable(alt) for alt in av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return av[0] == 0 or _seq_nullable(av[2])
    return False


def _seq_nullable(seq) -> bool:
    return all(_nullable(op, av) for op, av in seq)


def _firsts(seq) -> set[str] | None:
    """The characters a match of ``seq`` can start with; None when any character may."""
    out: set[str] = set()
    for op, av in seq:
        if op in ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            got = {chr(av)}
        elif op is C.IN:
            got = _class(av)
        elif op is C.SUBPATTERN:
            got = _firsts(av[3])
        elif op is C.BRANCH:
            got = set()
            for alt in av[1]:
                f = _firsts(alt)
                if f is None:
                    return None
                got |= f
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            got = _firsts(av[2])
        else:  # ANY, NOT_LITERAL, back-references …
            return None
        if got is None:
            return None
        out |= got
        if not _nullable(op, av):
            return out
    return out


def _led_patterns():
    """(name, pattern) for every compiled pattern in castdoc that starts with (?=[…])."""
    found = []
    for info in pkgutil.walk_packages(castdoc.__path__, "castdoc."):
        if info.name.endswith("__main__"):
            continue  # (runs the command line)
        mod = importlib.import_module(info.name)
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and value.pattern.startswith("(?=["):
                found.append((f"{info.name}.{name}", value))
    from castdoc.extract.people import patterns

    found.append(("castdoc.extract.people.patterns.positions()", patterns.positions()))
    return found


LED = _led_patterns()


def test_there_are_such_patterns():
    names = {n for n, _ in LED}
    assert {"castdoc.extract.tasks.cues.DIRECTIVE", "castdoc.extract.tasks.actor._NOT_IN_ACTOR"} <= names


@pytest.mark.parametrize("name, pattern", LED, ids=[n for n, _ in LED])
def test_the_look_ahead_admits_every_first_character(name, pattern):
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    (op, av), *rest = list(parsed)
    assert op is C.ASSERT and av[0] == 1, "a look-ahead first"
    ahead = _firsts(av[1])
    body = _firsts(rest)
    assert ahead is not None and body is not None, "both are lists of characters"
    missing = {c for c in body if not _admits(ahead, c)}
    assert not missing, f"{name}: the look-ahead lacks {''.join(sorted(missing))}"


_CATEGORIES = {"DIGIT": str.isdecimal, "SPACE": str.isspace, "WORD": lambda c: c.isalnum() or c == "_"}


def _admits(ahead: set[str], c: str) -> bool:
    """Whether the look-ahead's characters and classes (\\d …) take ``c``."""
    if c in ahead:
        return True
    return len(c) == 1 and any(
        tok.startswith("<") and tok.rstrip(">").endswith(name) and test(c)
        for tok in ahead for name, test in _CATEGORIES.items()
        if not tok.rstrip(">").endswith("NOT_" + name)
    )


def test_the_check_itself_catches_a_missing_character():
    parsed = list(sre_parse.parse(r"(?=[请必])(?:请|必须|务必)"))
    ahead = _firsts(parsed[0][1][1])
    assert {c for c in _firsts(parsed[1:]) if not _admits(ahead, c)} == {"务"}
    digits = _firsts(list(sre_parse.parse(r"[\d十]")))
    assert _admits(digits, "1") and _admits(digits, "十") and not _admits(digits, "年")

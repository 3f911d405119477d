"""An office's own names (castdoc.toml ``[lexicon]``) as words of castdoc's word table.

Why apart from castdoc.nlp: the names join the table in memory after it loads, never the
cached table on disk, so a changed list can never meet a stale cache; what they replaced
is kept so that the next list takes them out again. Forked workers inherit them; spawned
ones (macOS, Windows) read them from the environment. ``nlp.register_words`` and
``nlp.user_words`` are the entry points; named.py and the people reader ask the latter.
"""
from __future__ import annotations

import json
import os

_USER: dict[str, tuple[str, ...]] = {"platform": (), "initiative": (), "person": ()}
_USER_TAGS = {"platform": "nplat", "initiative": "ninit", "person": "nr"}
_USER_FREQ = 5000  # as the package lexicons give their names
_saved_codes: dict[str, int | None] = {}  # codes the user words replaced, to restore on a new list
_ENV = "CASTDOC_LOCAL_NAMES"  # the list, for worker processes started by spawn (not fork)
_env_read: list[bool] = []


def register(*, platforms=(), initiatives=(), people=()) -> None:
    _USER.update(platform=tuple(platforms), initiative=tuple(initiatives), person=tuple(people))
    _env_read.append(True)
    if any(_USER.values()):
        os.environ[_ENV] = json.dumps(_USER, ensure_ascii=False)
    else:
        os.environ.pop(_ENV, None)


def names(kind: str) -> tuple[str, ...]:
    _from_env()
    return _USER[kind]


def _from_env() -> None:
    """A spawned worker's words: what the parent registered, passed down in the environment."""
    if _env_read:
        return
    _env_read.append(True)
    raw = os.environ.get(_ENV)
    if not raw:
        return
    try:
        got = json.loads(raw)
        _USER.update({k: tuple(str(w) for w in got.get(k, ())) for k in _USER})
    except (ValueError, AttributeError, TypeError):
        pass


def add_to(t) -> None:
    """Put the registered names into the loaded table ``t`` (a castdoc.wordtable.WordTable),
    taking the last list's out first."""
    _from_env()
    if not _saved_codes and not any(_USER.values()):
        return  # (asking for t.codes would load the whole lazily read table)
    codes = t.codes
    for word, code in _saved_codes.items():  # the previous list out first
        if code is None:
            codes.pop(word, None)
        else:
            codes[word] = code
    _saved_codes.clear()
    weight_mask = (1 << t.idf_bits) - 1
    for kind, words in _USER.items():
        tag = _USER_TAGS[kind]
        k = t.tags.index(tag) + 1 if tag in t.tags else 0
        for word in words:
            for i in range(1, len(word)):  # its prefixes lead the segmenter on to it
                if word[:i] not in codes:
                    _saved_codes.setdefault(word[:i], None)
                    codes[word[:i]] = 0
            old = codes.get(word)
            _saved_codes.setdefault(word, old)
            freq = max(_USER_FREQ, (old or 0) >> t.freq_shift)
            codes[word] = freq << t.freq_shift | k << t.idf_bits | ((old or 0) & weight_mask)

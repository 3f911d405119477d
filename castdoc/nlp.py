"""castdoc's own jieba: one tokenizer per process, loaded with the package lexicons.

jieba's module-level functions share one global tokenizer that any other library in the
process may change, and they log at DEBUG to stderr. castdoc therefore builds its own
``jieba.Tokenizer`` (and a ``POSTokenizer`` over it) on first use, quiets jieba's logger,
keeps jieba's dictionary cache in the user's cache folder, and adds its lexicons to that
tokenizer only. Nothing here runs at import time.
"""
from __future__ import annotations

import functools
import os
import sys
import tempfile
from importlib import resources
from pathlib import Path

# The jieba userdict files (``word freq tag``, ``#`` starts a comment), one concept a file.
USERDICTS = ("positions.txt", "orgs.txt", "platforms.txt", "initiatives.txt", "field.txt")


def lexicon_lines(name: str) -> list[str]:
    """The non-blank, non-comment lines of one package lexicon file."""
    text = resources.files("castdoc").joinpath("lexicon", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@functools.cache
def lexicon(name: str) -> dict[str, str]:
    """word -> tag of a userdict lexicon (tag '' where the line has none)."""
    out: dict[str, str] = {}
    for ln in lexicon_lines(name):
        parts = ln.split()
        word = parts[0]
        tag = parts[2] if len(parts) > 2 else (parts[1] if len(parts) > 1 and not parts[1].isdigit() else "")
        out[word] = tag
    return out


@functools.cache
def surnames() -> dict[str, int]:
    """surname -> class (1 common, 2 rare or also an everyday word)."""
    out: dict[str, int] = {}
    for ln in lexicon_lines("surnames.txt"):
        word, _, cls = ln.partition("\t")
        out[word.strip()] = int(cls or 1)
    return out


@functools.cache
def t2s() -> dict[int, str]:
    """Traditional -> simplified, one character for one (a ``str.translate`` table)."""
    table: dict[int, str] = {}
    for ln in lexicon_lines("t2s.tsv"):
        t, _, s = ln.partition("\t")
        if len(t) == 1 and len(s) == 1:
            table[ord(t)] = s
    return table


def _cache_dir() -> str:
    """Where jieba may keep its dictionary cache: the user's cache folder, else a temp dir."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "castdoc"
    try:
        path.mkdir(parents=True, exist_ok=True)
        if os.access(path, os.W_OK):
            return str(path)
    except OSError:
        pass
    return tempfile.gettempdir()


def _quiet_jieba() -> None:
    import logging

    logging.getLogger("jieba").setLevel(logging.WARNING)


@functools.cache
def tokenizer():
    """castdoc's jieba Tokenizer, initialised with the package lexicons (built once)."""
    import jieba

    _quiet_jieba()
    jieba.default_logger.setLevel("WARNING")
    tk = jieba.Tokenizer()
    tk.tmp_dir = _cache_dir()
    # The cache holds a marshal dump: its format follows the Python version, so name both.
    tk.cache_file = f"jieba-{jieba.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.cache"
    tk.initialize()
    for name in USERDICTS:
        for ln in lexicon_lines(name):
            parts = ln.split()
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
            tk.add_word(parts[0], freq, tag)
    return tk


def cached_table(key: str, source: str, build):
    """A dict built from ``source`` (a file), kept as a marshal dump in the cache folder.

    jieba's tag table and IDF are plain-text files of 270-350 thousand lines; parsing them
    costs most of a second on every start, loading the dump a tenth of that. The dump is
    rebuilt when the source is newer; any failure just means building it again."""
    import marshal

    path = os.path.join(_cache_dir(), f"{key}-py{sys.version_info[0]}{sys.version_info[1]}.marshal")
    try:
        if os.path.getmtime(path) >= os.path.getmtime(source):
            with open(path, "rb") as f:
                table = marshal.load(f)
            if isinstance(table, dict) and table:
                return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = build()
    try:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            marshal.dump(table, f)
        os.replace(tmp, path)
    except OSError:
        pass
    return table


@functools.cache
def pos_tokenizer():
    """A POSTokenizer over castdoc's tokenizer (jieba's tag table plus the lexicon tags)."""
    import jieba
    import jieba.posseg

    _quiet_jieba()
    tk = tokenizer()
    dict_file = jieba.posseg.__file__  # the tag table comes from jieba's dict.txt, beside it
    source = os.path.join(os.path.dirname(os.path.dirname(dict_file)), "dict.txt")

    def build() -> dict:
        pt = jieba.posseg.POSTokenizer(tk)
        return dict(pt.word_tag_tab)

    if not os.path.isfile(source):
        return jieba.posseg.POSTokenizer(tk)
    table = cached_table(f"jieba-{jieba.__version__}-tags", source, build)
    try:
        # The constructor only parses dict.txt into word_tag_tab: hand it the cached table.
        pt = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
        pt.tokenizer = tk
        pt.word_tag_tab = dict(table)
        return pt
    except (AttributeError, TypeError):  # a jieba whose POSTokenizer changed shape
        return jieba.posseg.POSTokenizer(tk)


@functools.lru_cache(maxsize=64)
def cut(text: str) -> tuple[tuple[str, int], ...]:
    """Words of ``text`` with their start offsets (plain cut with HMM: the fast one)."""
    out = []
    pos = 0
    for w in tokenizer().cut(text, HMM=True):
        out.append((w, pos))
        pos += len(w)
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def pos_cut(text: str) -> tuple[tuple[str, str, int], ...]:
    """Words with part-of-speech tags and offsets: several times slower than ``cut``, so
    callers give it short windows (a clause around a candidate), never a whole document."""
    out = []
    pos = 0
    for pair in pos_tokenizer().cut(text, HMM=True):
        out.append((pair.word, pair.flag, pos))
        pos += len(pair.word)
    return tuple(out)


def word_tag(word: str) -> str | None:
    """The dictionary tag of ``word`` (jieba's or a lexicon's); None if it is no word."""
    pt = pos_tokenizer()
    tk = tokenizer()
    if not tk.FREQ.get(word):
        return None
    pt.makesure_userdict_loaded()
    return pt.word_tag_tab.get(word, "x")


def is_word(word: str) -> bool:
    return bool(tokenizer().FREQ.get(word))


def warm() -> None:
    """Build the tokenizers now (e.g. before forking workers, so that they share them)."""
    pos_tokenizer()
    cut("科协")

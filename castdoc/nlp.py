"""castdoc's own jieba: one word table per process, loaded with the package lexicons.

jieba's module-level functions share one global tokenizer that any other library in the
process may change, and they log at DEBUG to stderr. castdoc therefore never uses them:
it builds its own word table (castdoc.wordtable: jieba's dictionary with castdoc's
lexicons added as ``jieba.Tokenizer.add_word`` adds them, the word tags and the IDF) on
first use, quiets jieba's logger, keeps the table as one cache in the user's cache folder,
and castdoc.segment cuts and tags over it as jieba would. Nothing here runs at import time.
"""
from __future__ import annotations

import functools
import os
import sys
from typing import Iterator
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
    return {word.strip(): int(cls or 1) for word, cls in _columns("surnames.txt")}


@functools.cache
def t2s() -> dict[int, str]:
    """Traditional -> simplified, one character for one (a ``str.translate`` table)."""
    return {ord(t): s for t, s in _columns("t2s.tsv") if len(t) == 1 and len(s) == 1}


def _columns(name: str) -> Iterator[tuple[str, str]]:
    """(first column, the rest) of each line of a tab-separated lexicon file."""
    for ln in lexicon_lines(name):
        first, _, rest = ln.partition("\t")
        yield first, rest


def _private_dir(path: Path) -> bool:
    """Whether ``path`` is a folder of this user's that only this user can enter: made so
    (mode 0700) when missing, tightened when it is ours and looser, refused when it is a
    link or someone else's. A table read from a folder others can write to could be theirs."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return False
    import stat

    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "getuid"):
        if st.st_uid != os.getuid():
            return False
        if st.st_mode & 0o077:
            try:
                os.chmod(path, 0o700)
            except OSError:
                return False
    return os.access(path, os.W_OK | os.X_OK)


def _cache_dir() -> str | None:
    """Where the word table is cached: ``CASTDOC_CACHE_DIR``, else ``castdoc`` in the user's
    cache folder (``XDG_CACHE_HOME`` or ~/.cache), a folder only this user can enter. None
    when there is no such folder: the table is then built in memory and not kept, never
    put under a shared temp folder, where anyone could plant a table by its name."""
    own = os.environ.get("CASTDOC_CACHE_DIR")
    if own:
        path = Path(own)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        path = Path(base) / "castdoc"
    return str(path) if _private_dir(path) else None


def _quiet_jieba() -> None:
    import logging

    logging.getLogger("jieba").setLevel(logging.WARNING)


def import_jieba():
    """``import jieba``, without the pkg_resources it would import only to find its own files.

    jieba 0.42 imports pkg_resources when it is installed (a tenth of a second of start-up)
    and otherwise opens its files by path, which is all castdoc needs. The import of
    pkg_resources is refused only while jieba itself is first imported here, and only if
    nothing has imported it yet; anything importing it afterwards gets it as usual."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import pkg_resources -> ImportError
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _read_cache(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def _write_cache(path: str, data: bytes) -> None:
    """Write the cache atomically (mode 0600, in the private folder); a cache that cannot be
    written is only rebuilt next time."""
    from .writeout import write_cache_file

    if write_cache_file(path, data, ".words-"):
        _prune(os.path.dirname(path), keep=path)


KEEP_TABLES = 6  # word tables kept in the cache folder (one per install; 12 MB each)


def _prune(folder: str, keep: str) -> None:
    """Old installs' tables out: the newest KEEP_TABLES stay (a venv and pipx, CI and a user
    each keep theirs), so the folder does not grow with every upgrade."""
    try:
        tables = [e for e in os.scandir(folder) if e.name.startswith("words-") and e.name.endswith(".cache")]
        tables.sort(key=lambda e: e.stat().st_mtime, reverse=True)
        for e in tables[KEEP_TABLES:]:
            if e.path != keep:
                os.unlink(e.path)
    except OSError:
        pass


def _dict_file(jieba) -> str:
    return os.path.join(os.path.dirname(jieba.__file__), "dict.txt")


def _idf_file(jieba) -> str:
    return os.path.join(os.path.dirname(jieba.__file__), "analyse", "idf.txt")


def _stamp(jieba) -> tuple:
    """What the cached table was built from: jieba's files, castdoc's lexicons and the
    table's own format."""
    import hashlib

    from .wordtable import FORMAT

    files = []
    for path in (_dict_file(jieba), _idf_file(jieba)):
        try:
            st = os.stat(path)
            files.append((st.st_size, st.st_mtime_ns))
        except OSError:
            files.append((0, 0))
    lexicons = hashlib.sha256()
    for name in (*USERDICTS, "idf.txt"):
        lexicons.update(resources.files("castdoc").joinpath("lexicon", name).read_bytes())
    py = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}"  # marshal's format
    return (FORMAT, py, jieba.__version__, os.path.realpath(_dict_file(jieba)), *files, lexicons.hexdigest())


def cache_name(stamp: tuple) -> str:
    """The cache file's name: the whole stamp, hashed, so that two installs on one machine
    (a venv and pipx, CI and a user) each keep their own table instead of replacing each
    other's on every start."""
    import hashlib

    return f"words-jieba-{stamp[2]}-{hashlib.sha256(repr(stamp).encode()).hexdigest()[:16]}.cache"


@functools.cache
def table():
    """castdoc's word table with the words registered by ``register_words`` added."""
    from . import localwords

    t = _cached_table()
    localwords.add_to(t)
    return t


def _cached_table():
    """castdoc's word table (see castdoc.wordtable), one per process.

    The first run builds it exactly as jieba would load its dictionary and castdoc's
    lexicons (``Tokenizer.gen_pfdict`` on dict.txt, ``add_word`` for each lexicon line, the
    tags as ``jieba.posseg`` reads them, the IDF as ``jieba.analyse`` does) and keeps it in
    the private cache folder, named and stamped for the files it came from, with a
    checksum: a new jieba, a changed lexicon or damaged bytes rebuild it. A table read from
    the cache loads its words as texts ask for them (``WordTable.ensure``)."""
    from .wordtable import CorruptTable, WordTable

    jieba = import_jieba()
    _quiet_jieba()
    stamp = _stamp(jieba)
    folder = _cache_dir()
    path = os.path.join(folder, cache_name(stamp)) if folder else None
    data = _read_cache(path) if path else None
    if data is not None:
        try:
            return WordTable.from_bytes(data, stamp)
        except CorruptTable:
            pass
    built = _build_table(jieba)
    if path:
        _write_cache(path, built.to_bytes(stamp))
    return built


def _build_table(jieba):
    from .segment import load_hmm
    from .wordtable import WordTable

    dict_file = _dict_file(jieba)
    with open(dict_file, "rb") as f:
        data = f.read()
    parts = _dict_rows(data)
    if parts is not None:
        freq, total, tags = parts
    else:  # a dict.txt of another shape: read it with jieba's own code
        with open(dict_file, "rb") as f:
            freq, total = jieba.Tokenizer.gen_pfdict(f)
        tags = {}
        for line in data.splitlines():  # as jieba.posseg.POSTokenizer.load_word_tag reads it
            line = line.strip().decode("utf-8")
            if line:
                word, _, tag = line.split(" ")
                tags[word] = tag
    for name in USERDICTS:  # as jieba.Tokenizer.add_word adds them (user_word_tag_tab into the tags)
        for ln in lexicon_lines(name):
            bits = ln.split()
            word = bits[0]
            freq_ = int(bits[1]) if len(bits) > 1 and bits[1].isdigit() else None
            tag = bits[-1] if len(bits) > 1 and not bits[-1].isdigit() else None
            if freq_ is None:
                freq_ = _suggest_freq(jieba, freq, total, word)
            if freq_ == 0:
                raise ValueError(f"lexicon {name}: {word} has frequency 0 (jieba would force-split it)")
            freq[word] = freq_
            total += freq_
            if tag:
                tags[word] = tag
            for k in range(1, len(word)):
                freq.setdefault(word[:k], 0)
    idf, unknown = _idf(jieba)
    return WordTable.encode(freq, total, tags, idf, unknown, load_hmm())


_ROW = None


def _dict_rows(data: bytes):
    """jieba's dict.txt as ``Tokenizer.gen_pfdict`` and ``POSTokenizer.load_word_tag`` read
    it (word -> frequency with every prefix at 0, the sum, word -> tag), in a few passes
    over the whole text rather than a Python step per line: the cold start's largest cost.
    None when a line is not ``word freq tag`` (jieba's own readers then take over)."""
    import re

    global _ROW
    if _ROW is None:
        _ROW = re.compile(r"^(\S+) ([0-9]+) (\S+)$", re.M)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    rows = _ROW.findall(text)
    if len(rows) != text.count("\n") + (not text.endswith("\n")):  # a line of another shape, or a blank one
        return None
    counts = [int(f) for _, f, _ in rows]
    freq = dict(zip((w for w, _, _ in rows), counts))
    tags = {w: t for w, _, t in rows}
    # every prefix of a word, at 0 where it is no word itself: the word less its last
    # character, then that one's, as long as they are new (a known word brings its own)
    new = {w[:-1] for w in freq if len(w) > 1}.difference(freq)
    while new:
        freq.update(dict.fromkeys(new, 0))
        new = {w[:-1] for w in new if len(w) > 1}.difference(freq)
    return freq, sum(counts), tags


def _suggest_freq(jieba, freq: dict, total: int, word: str) -> int:
    """``add_word`` without a frequency: jieba's suggest_freq over the table so far."""
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = freq, total, True
    return tk.suggest_freq(word, False)


def _idf(jieba) -> tuple[dict[str, float], float]:
    """jieba's IDF with castdoc's adjustments (castdoc/lexicon/idf.txt), and the weight of
    a word jieba's table does not know.

    Unknown words are mostly what jieba's HMM glued together (期为, 普字) or names; they get
    the lower fifth of jieba's table rather than its median, so that they rank only when
    frequent."""
    import re

    with open(_idf_file(jieba), encoding="utf-8") as f:  # as jieba.analyse reads it
        text = f.read()
    rows = re.findall(r"^(\S+) (\S+)$", text, re.M)
    if len(rows) == text.count("\n") + (not text.endswith("\n")):  # each line "word weight": in one pass
        idf = dict(zip([w for w, _ in rows], map(float, [x for _, x in rows])))
    else:
        idf = {}
        for line in text.splitlines():
            word, _, w = line.partition(" ")
            if w:
                idf[word] = float(w)
    unknown = sorted(idf.values())[len(idf) // 5]
    for line in lexicon_lines("idf.txt"):
        word, _, w = line.partition(" ")
        if w:
            idf[word] = float(w)
    return idf, unknown


class _Lazy:
    """The table as the segmenter sees it: ``codes`` is the table's own dict *as loaded so
    far*, not the property that loads it all. ``cut`` and ``pos_cut`` below load the words
    of each text before the segmenter looks them up."""

    def __init__(self, t):
        self._t = t
        self.codes = t.table
        self.freq_shift = t.freq_shift
        self.total = t.total
        self.freq = t.freq
        self.tag = t.tag

    @property
    def hmm(self):
        return self._t.hmm


@functools.cache
def _words():
    """castdoc's words, as the segmenter looks them up (see segment.Words)."""
    from .segment import Words

    return Words(_Lazy(table()))


@functools.cache
def pos_tokenizer():
    """The part-of-speech tagger over castdoc's words (jieba's tags plus the lexicon tags)."""
    from .segment import Tagger

    return Tagger(_words())


@functools.lru_cache(maxsize=64)
def cut(text: str) -> tuple[tuple[str, int], ...]:
    """Words of ``text`` with their start offsets (plain cut with HMM: the fast one)."""
    from itertools import accumulate

    from .segment import cut as segment

    table().ensure(text)
    words = list(segment(_words(), text))
    return tuple(zip(words, accumulate(map(len, words), initial=0)))


@functools.lru_cache(maxsize=4096)
def pos_cut(text: str) -> tuple[tuple[str, str, int], ...]:
    """Words with part-of-speech tags and offsets: several times slower than ``cut``, so
    callers give it short windows (a clause around a candidate), never a whole document."""
    table().ensure(text)
    out = []
    pos = 0
    for word, flag in pos_tokenizer().cut(text):
        out.append((word, flag, pos))
        pos += len(word)
    return tuple(out)


def word_tag(word: str) -> str | None:
    """The dictionary tag of ``word`` (jieba's or a lexicon's); None if it is no word."""
    t = table()
    if not t.freq(word):
        return None
    return t.tag(word) or "x"


def is_word(word: str) -> bool:
    return bool(table().freq(word))


# ---------------------------------------------------------------- an office's own words
def register_words(*, platforms=(), initiatives=(), people=()) -> None:
    """Make these names words of the table (one word each, tagged as the package lexicons
    tag theirs) and names the extractors find as such; replaces the last registered list
    (castdoc.localwords keeps them)."""
    from . import localwords

    localwords.register(platforms=platforms, initiatives=initiatives, people=people)
    if table.cache_info().currsize:
        localwords.add_to(table())
        if _words.cache_info().currsize:
            w = _words()
            w.memo, w.hmm, w.tags = {}, {}, {}
    cut.cache_clear()
    pos_cut.cache_clear()


def user_words(kind: str) -> tuple[str, ...]:
    """The registered names of one kind: platform, initiative or person."""
    from .localwords import names

    return names(kind)


def warm() -> None:
    """Load the whole table and build the tokenizers now (before forking workers, so that
    they share them rather than each loading its own words)."""
    table().complete()
    pos_tokenizer()
    cut("科协")

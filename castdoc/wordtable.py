"""Every word castdoc knows, in one dict: jieba's dictionary with castdoc's lexicons, each
word's part-of-speech tag and its IDF weight.

Why one dict: jieba's prefix table, its tag table and its IDF table are three tables of
three hundred thousand words and more, and loading them as three dicts (even from a
marshal dump) cost 0.3 s on every start, the one part of a batch that cannot run in
parallel (the workers share what the parent loaded before forking them). One dict of
word -> code, where the code packs the word's frequency, tag and weight as bit fields,
loads in half the time and holds each word once.

    code = freq << (TAG_BITS + IDF_BITS) | tag << IDF_BITS | weight

``tag`` and ``weight`` index ``tags`` and ``weights`` (0: none). A frequency of 0 marks a
prefix of longer words, as in jieba's table, or a word only the IDF table knows: both
send the segmenter on to the next character and are never taken as words themselves, so
the cut is jieba's (a fragment jieba would stop at is no prefix of any word, so nothing
longer is found past it either).

Why shards: half a million words cost 0.2 s to turn into a dict however they are stored
(the cost is making the strings and the dict, not reading the bytes), while one small
notice asks for the words of its own 300 characters, a fifth of the table. The cached
form (``to_bytes``) therefore keeps the words in one marshal shard per first character,
behind an index, and a table read back (``from_bytes``) fills its dict shard by shard as
texts ask (``ensure``): a look-up can only ever hit a word that starts with a character
of the text being cut. ``complete`` loads the rest, as a batch does before it forks its
workers so that they share one full table. The HMM tables (2.4 MB) load on first use.
"""
from __future__ import annotations

import hashlib
import marshal
import struct
from collections import defaultdict
from dataclasses import dataclass, field

FORMAT = 2  # of the cached table: a change to the fields, the bit layout or the file layout must raise it
MAGIC = b"CDWORDS2"  # 8 bytes, then the sha256 of everything after it, then the payload
_HEAD = struct.Struct("<I")  # the header's length, first in the payload


class CorruptTable(ValueError):
    """A cached table whose bytes are not what was written (checksum, magic or layout)."""


class _Shards:
    """The not yet loaded part of a table read back from its cached bytes."""

    __slots__ = ("data", "index", "loaded", "left", "hmm_span", "hmm")

    def __init__(self, data: memoryview, index: dict[str, tuple[int, int]], hmm_span: tuple[int, int]):
        self.data = data
        self.index = index
        self.loaded: set[str] = set()  # first characters asked for (with a shard or without)
        self.left = len(index)  # shards not loaded yet
        self.hmm_span = hmm_span
        self.hmm: tuple | None = None

    def fill(self, codes: dict[str, int], chars) -> None:
        index, loaded, data = self.index, self.loaded, self.data
        for ch in chars:
            if ch in loaded:
                continue
            loaded.add(ch)
            span = index.get(ch)
            if span is not None:
                codes.update(marshal.loads(data[span[0]:span[1]]))
                self.left -= 1

    def done(self) -> bool:
        return self.left == 0


@dataclass(frozen=True, eq=False)
class WordTable:
    table: dict[str, int]  # word -> code; filled as texts ask when read back lazily (see ``codes``)
    total: int  # the sum of the frequencies, as jieba keeps it
    tags: tuple[str, ...]  # tags[i - 1] is tag index i
    weights: tuple[float, ...]  # weights[i - 1] is weight index i
    unknown_weight: float  # the IDF weight of a word the IDF table does not know
    tag_bits: int
    idf_bits: int
    _hmm: tuple | None = None  # jieba.posseg's HMM tables (char states, start, transition, emission)
    _shards: _Shards | None = field(default=None, repr=False)

    @classmethod
    def encode(cls, freq: dict[str, int], total: int, tags: dict[str, str], idf: dict[str, float],
               unknown_weight: float, hmm: tuple = ({}, {}, {}, {})) -> "WordTable":
        """The table of jieba-shaped parts: a prefix table (word -> frequency, 0 for a mere
        prefix), a tag table and an IDF table."""
        tag_names = sorted(set(tags.values()))
        weight_values = sorted(set(idf.values()))
        tag_index = {t: k + 1 for k, t in enumerate(tag_names)}
        weight_index = {w: k + 1 for k, w in enumerate(weight_values)}
        tag_bits = max(1, len(tag_names).bit_length())
        idf_bits = max(1, len(weight_values).bit_length())
        shift = tag_bits + idf_bits
        codes = {w: f << shift for w, f in freq.items()}
        get = codes.get
        for w, t in tags.items():
            codes[w] = get(w, 0) | tag_index[t] << idf_bits
        for w, x in idf.items():
            codes[w] = get(w, 0) | weight_index[x]
        return cls(table=codes, total=total, tags=tuple(tag_names), weights=tuple(weight_values),
                   unknown_weight=unknown_weight, tag_bits=tag_bits, idf_bits=idf_bits, _hmm=tuple(hmm))

    # ------------------------------------------------------------ lazy parts
    def ensure(self, text: str) -> None:
        """Load the words that start with any character of ``text`` (nothing to do once
        the table is complete)."""
        s = self._shards
        if s is not None:
            s.fill(self.table, set(text).difference(s.loaded))

    def complete(self) -> "WordTable":
        """Every word loaded (before forking workers, or to walk the whole table)."""
        s = self._shards
        if s is not None and not s.done():
            s.fill(self.table, list(s.index))
        return self

    @property
    def codes(self) -> dict[str, int]:
        """The whole word -> code dict (loading what is not loaded yet)."""
        return self.complete().table

    @property
    def hmm(self) -> tuple:
        if self._hmm is not None:
            return self._hmm
        s = self._shards
        if s.hmm is None:
            a, b = s.hmm_span
            s.hmm = marshal.loads(s.data[a:b])
        return s.hmm

    def _code(self, word: str) -> int | None:
        code = self.table.get(word)
        if code is None and self._shards is not None and word and word[0] not in self._shards.loaded:
            self.ensure(word[0])
            code = self.table.get(word)
        return code

    # ------------------------------------------------------------ look-ups
    @property
    def freq_shift(self) -> int:
        return self.tag_bits + self.idf_bits

    def freq(self, word: str) -> int | None:
        """jieba's frequency: None for no word and no prefix, 0 for a mere prefix."""
        code = self._code(word)
        return None if code is None else code >> self.freq_shift

    def tag(self, word: str) -> str | None:
        """The dictionary's tag of ``word`` (jieba's, or a lexicon's), whatever its frequency."""
        code = self._code(word)
        if code is None:
            return None
        k = (code >> self.idf_bits) & ((1 << self.tag_bits) - 1)
        return self.tags[k - 1] if k else None

    def weight(self, word: str) -> float:
        """The IDF weight of ``word``; ``unknown_weight`` for a word the IDF table lacks."""
        code = self._code(word)
        k = code & ((1 << self.idf_bits) - 1) if code is not None else 0
        return self.weights[k - 1] if k else self.unknown_weight

    # ------------------------------------------------------------ the cached form
    def to_bytes(self, stamp: tuple) -> bytes:
        """MAGIC, the sha256 of the payload, the payload: a header (``stamp``, the scalars,
        the shard index) and the shards, one marshal dict per first character, then the HMM."""
        by_first: dict[str, dict[str, int]] = defaultdict(dict)
        for w, c in self.codes.items():
            if w:
                by_first[w[0]][w] = c
        body = bytearray()
        index: dict[str, tuple[int, int]] = {}
        for ch, words in by_first.items():
            blob = marshal.dumps(words)
            index[ch] = (len(body), len(body) + len(blob))
            body += blob
        hmm_blob = marshal.dumps(tuple(self.hmm))
        hmm_span = (len(body), len(body) + len(hmm_blob))
        body += hmm_blob
        header = marshal.dumps((FORMAT, stamp, self.total, self.tags, self.weights, self.unknown_weight,
                                self.tag_bits, self.idf_bits, hmm_span, index))
        payload = _HEAD.pack(len(header)) + header + bytes(body)
        return MAGIC + hashlib.sha256(payload).digest() + payload

    @classmethod
    def from_bytes(cls, data: bytes, stamp: tuple) -> "WordTable":
        """The table from ``to_bytes``'s bytes, its words left to load as texts ask.

        Raises CorruptTable unless the magic, the checksum and the stamp all match:
        marshal is not made to read damaged bytes, so none reach it unchecked."""
        if len(data) < 44 or data[:8] != MAGIC:
            raise CorruptTable("not a castdoc word table")
        view = memoryview(data)
        if hashlib.sha256(view[40:]).digest() != data[8:40]:
            raise CorruptTable("checksum mismatch")
        (n,) = _HEAD.unpack_from(data, 40)
        start = 44 + n
        try:
            fmt, got_stamp, total, tags, weights, unknown, tag_bits, idf_bits, hmm_span, index = marshal.loads(view[44:start])
        except (ValueError, EOFError, TypeError) as e:
            raise CorruptTable(f"unreadable header ({e})") from None
        if fmt != FORMAT or got_stamp != stamp:
            raise CorruptTable("built from other files")
        body = view[start:]
        return cls(table={}, total=total, tags=tuple(tags), weights=tuple(weights), unknown_weight=unknown,
                   tag_bits=tag_bits, idf_bits=idf_bits, _shards=_Shards(body, index, tuple(hmm_span)))

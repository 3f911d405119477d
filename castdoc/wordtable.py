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
"""
from __future__ import annotations

from dataclasses import dataclass

FORMAT = 1  # of the cached table: a change to the fields or the bit layout must raise it


@dataclass(frozen=True, eq=False)
class WordTable:
    codes: dict[str, int]
    total: int  # the sum of the frequencies, as jieba keeps it
    tags: tuple[str, ...]  # tags[i - 1] is tag index i
    weights: tuple[float, ...]  # weights[i - 1] is weight index i
    unknown_weight: float  # the IDF weight of a word the IDF table does not know
    hmm: tuple  # jieba.posseg's HMM tables (char states, start, transition, emission)
    tag_bits: int
    idf_bits: int

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
        return cls(codes=codes, total=total, tags=tuple(tag_names), weights=tuple(weight_values),
                   unknown_weight=unknown_weight, hmm=hmm, tag_bits=tag_bits, idf_bits=idf_bits)

    @property
    def freq_shift(self) -> int:
        return self.tag_bits + self.idf_bits

    def freq(self, word: str) -> int | None:
        """jieba's frequency: None for no word and no prefix, 0 for a mere prefix."""
        code = self.codes.get(word)
        return None if code is None else code >> self.freq_shift

    def tag(self, word: str) -> str | None:
        """The dictionary's tag of ``word`` (jieba's, or a lexicon's), whatever its frequency."""
        code = self.codes.get(word)
        if code is None:
            return None
        k = (code >> self.idf_bits) & ((1 << self.tag_bits) - 1)
        return self.tags[k - 1] if k else None

    def weight(self, word: str) -> float:
        """The IDF weight of ``word``; ``unknown_weight`` for a word the IDF table lacks."""
        code = self.codes.get(word)
        k = code & ((1 << self.idf_bits) - 1) if code is not None else 0
        return self.weights[k - 1] if k else self.unknown_weight

    def dump(self) -> tuple:
        return (self.codes, self.total, self.tags, self.weights, self.unknown_weight, self.hmm,
                self.tag_bits, self.idf_bits)

    @classmethod
    def load(cls, dumped: tuple) -> "WordTable":
        codes, total, tags, weights, unknown, hmm, tag_bits, idf_bits = dumped
        if not isinstance(codes, dict) or not isinstance(total, int):
            raise TypeError("not a word table")
        return cls(codes=codes, total=total, tags=tuple(tags), weights=tuple(weights), unknown_weight=unknown,
                   hmm=tuple(hmm), tag_bits=tag_bits, idf_bits=idf_bits)

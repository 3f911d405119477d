"""Word segmentation: jieba's two cuts, over castdoc's own tables, without jieba's globals.

castdoc segments with jieba 0.42's algorithms (MIT licence) and must give jieba's words,
tag for tag. It runs them here rather than through jieba's objects for two reasons:

- speed: ``Tokenizer.cut`` builds a dict of lists for every sentence (``get_DAG``) and then
  a generator of tuples per character (``calc``); ``route`` below finds the same best
  path in one pass, and the plain cut costs half as much;
- start-up: importing ``jieba.posseg`` builds jieba's global tagger at once, parsing all
  349,000 lines of dict.txt into its tag table, half a second on every start, for a table
  castdoc keeps (with its lexicon tags) in its own dictionary cache anyway.

``cut`` is ``jieba.Tokenizer.cut(text, HMM=True)`` and ``Tagger.cut`` is
``jieba.posseg.POSTokenizer.cut(text, HMM=True)``, quirks included; the HMM steps are
jieba's own (``jieba.finalseg.cut``; the tagger's tables read from jieba's package
files). tests/test_segment.py holds them to jieba's output.
"""
from __future__ import annotations

import re
from math import log
from typing import Iterator

# jieba's patterns, unchanged: Tokenizer.cut's blocks …
_HAN_DEFAULT = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
_SKIP_DEFAULT = re.compile(r"(\r\n|\s)")
# … and jieba.posseg's
_HAN_INTERNAL = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._]+)")
_SKIP_INTERNAL = re.compile(r"(\r\n|\s)")
_HAN_DETAIL = re.compile(r"([\u4E00-\u9FD5]+)")
_SKIP_DETAIL = re.compile(r"([\.0-9]+|[a-zA-Z0-9]+)")
_ENG = re.compile(r"[a-zA-Z0-9]+")
_NUM = re.compile(r"[\.0-9]+")

_MIN_FLOAT = -3.14e100
_MIN_INF = float("-inf")

# The HMM files beside jieba/posseg/__init__.py (jieba's own pickles of its tables).
HMM_FILES = ("char_state_tab.p", "prob_start.p", "prob_trans.p", "prob_emit.p")


def load_hmm() -> tuple[dict, dict, dict, dict]:
    """(char states, start, transition, emission) as jieba ships them, read without
    importing ``jieba.posseg``."""
    import pickle
    from importlib import resources

    out = []
    for name in HMM_FILES:
        with resources.files("jieba").joinpath("posseg", name).open("rb") as f:
            out.append(pickle.load(f))
    return tuple(out)  # type: ignore[return-value]


class Words:
    """The word table's frequencies behind a memo of recent look-ups.

    The table holds half a million words and prefixes spread over some 60 MB, so a look-up
    mostly waits on memory, and in a pipeline that does other work between cuts each one
    waits again. The few thousand fragments that notices keep asking for (their common
    characters and words) stay in the processor's cache as a small dict: two thirds of the
    look-ups over a set of different real notices are answered from it, more over similar
    ones. The memo holds each fragment's log probability, ``_PREFIX`` for a mere prefix and
    None for neither, so ``route`` needs no second test. A second memo keeps the HMM's cut
    of runs of characters that are no word (a name, a rare phrase), which recur within a
    document, a third the tagger's tags. Each is emptied when it grows past ``LIMIT``."""

    LIMIT = 100_000

    def __init__(self, table):
        self.table = table  # a castdoc.wordtable.WordTable
        self.codes: dict[str, int] = table.codes
        self.shift = table.freq_shift
        self.logtotal = log(table.total) if table.total > 0 else 0.0
        self.memo: dict[str, float | None] = {}  # fragment -> log(freq) - log(total), _PREFIX or None
        self.hmm: dict[str, tuple[str, ...]] = {}  # run of characters -> the HMM's words
        self.tags: dict[str, str] = {}  # word -> its tag, "x" where it has none

    def fresh(self) -> "Words":
        """Self, with memos that outgrew ``LIMIT`` emptied (call before each sentence)."""
        if len(self.memo) > self.LIMIT or len(self.hmm) > self.LIMIT or len(self.tags) > self.LIMIT:
            self.memo = {}
            self.hmm = {}
            self.tags = {}
        return self

    def freq(self, word: str) -> int:
        """jieba's frequency of ``word``; 0 for a mere prefix and for no word at all."""
        return self.table.freq(word) or 0

    def tag(self, word: str) -> str:
        """The word's tag as jieba's tagger gives it: "x" where it has none."""
        tag = self.tags.get(word)
        if tag is None:
            tag = self.tags[word] = self.table.tag(word) or "x"
        return tag


_UNSEEN = object()
# In the memo: a prefix of words, no word itself. NaN, so that ``p >= top`` is false for it
# whatever ``p`` is added to: a prefix never wins, with no test of its own in the loop.
_PREFIX = float("nan")


def route(sentence: str, words: Words) -> list[int]:
    """For each start, the end (inclusive) of the word that begins the most probable cut of
    the rest: ``Tokenizer.get_DAG`` and ``Tokenizer.calc`` in one pass, from the right.

    The sums are jieba's, in jieba's order ((log(freq) - log(total)) + best of the rest; the
    memo keeps the bracket), so the floats (and the ties, which go to the longer word as
    ``max`` of (probability, end) gives them) come out the same."""
    n = len(sentence)
    best = [0.0] * (n + 1)  # log probability of the best cut of sentence[k:]
    ends = list(range(n))
    memo = words.memo
    seen = memo.get
    get = words.codes.get
    shift = words.shift
    logtotal = words.logtotal
    for k in range(n - 1, -1, -1):
        top = _MIN_INF
        j = k + 1
        while j <= n:  # the words (and prefixes) starting at k: sentence[k:j]
            frag = sentence[k:j]
            w = seen(frag, _UNSEEN)
            if w is _UNSEEN:
                code = get(frag)  # (WordTable.freq, inlined: the one hot look-up)
                if code is None:
                    w = None
                else:
                    f = code >> shift
                    w = log(f) - logtotal if f else _PREFIX
                memo[frag] = w
            if w is None:
                break
            p = w + best[j]
            if p >= top:  # false for a prefix (NaN)
                top = p
                ends[k] = j - 1
            j += 1
        if top == _MIN_INF:  # no word starts here: the character alone
            top = log(words.freq(sentence[k]) or 1) - logtotal + best[k + 1]
        best[k] = top
    return ends


def cut(words: Words, sentence: str) -> list[str]:
    """The words of ``sentence`` as ``tokenizer.lcut(sentence, HMM=True)`` gives them.

    A list built in place, not a generator: the whole-document cut yields some five hundred
    words, and resuming a chain of generators for each costs more than the cut's look-ups."""
    words.fresh()
    freq = words.freq
    hmm = words.hmm
    out: list[str] = []
    add = out.append
    extend = out.extend
    # split() with a group alternates the text between blocks (even places) and the blocks
    # (odd places): the places say what jieba asks _HAN_DEFAULT.match again
    for i, blk in enumerate(_HAN_DEFAULT.split(sentence)):
        if not blk:
            continue
        if not i % 2:
            # jieba: white space (a \r\n pair, or one space) is a word, anything else goes
            # character by character; split() puts the white space at the odd places
            for k, x in enumerate(_SKIP_DEFAULT.split(blk)):
                if k % 2:
                    add(x)
                else:
                    extend(x)
            continue
        ends = route(blk, words)
        x = 0
        run = -1  # start of the current run of single characters
        n = len(blk)
        while x < n:
            y = ends[x] + 1
            if y - x == 1:
                if run < 0:
                    run = x
            else:
                if run >= 0:
                    _singles(blk[run:x], freq, hmm, add, extend)
                    run = -1
                add(blk[x:y])
            x = y
        if run >= 0:
            _singles(blk[run:], freq, hmm, add, extend)
    return out


def _singles(buf: str, freq, hmm: dict, add, extend) -> None:
    """A run of characters the best path takes one by one: the HMM's words where the run is
    no dictionary word, else each character alone."""
    if len(buf) == 1:
        add(buf)
    elif not freq(buf):
        got = hmm.get(buf)
        if got is None:
            got = hmm[buf] = tuple(finalseg_cut(buf))
        extend(got)
    else:
        extend(buf)


def finalseg_cut(sentence: str) -> Iterator[str]:
    """``jieba.finalseg.cut``, word for word, in time linear in the length of the run.

    jieba's viterbi copies the best path so far at every character (``path[state] + [y]``),
    which makes a long run of unknown characters quadratic: a 10 MB line took minutes. Here
    the same sums and the same ties (``max`` of (probability, state)) keep one back-pointer
    per character and state, and the path is read back once."""
    from jieba import finalseg

    for blk in finalseg.re_han.split(sentence):
        if finalseg.re_han.match(blk):
            for word in _hmm_words(blk, finalseg):
                if word not in finalseg.Force_Split_Words:
                    yield word
                else:
                    yield from word
        else:
            for x in finalseg.re_skip.split(blk):
                if x:
                    yield x


def _hmm_words(sentence: str, fs) -> Iterator[str]:
    start_p, trans_p, emit_p, prev_status = fs.start_P, fs.trans_P, fs.emit_P, fs.PrevStatus
    low = fs.MIN_FLOAT
    states = "BMES"
    v = {y: start_p[y] + emit_p[y].get(sentence[0], low) for y in states}
    back: list[dict[str, str]] = []
    for ch in sentence[1:]:
        nv = {}
        ptr = {}
        for y in states:
            em_p = emit_p[y].get(ch, low)
            prob, state = max([(v[y0] + trans_p[y0].get(y, low) + em_p, y0) for y0 in prev_status[y]])
            nv[y] = prob
            ptr[y] = state
        back.append(ptr)
        v = nv
    _, state = max((v[y], y) for y in "ES")
    pos_list = [state]
    for ptr in reversed(back):
        state = ptr[state]
        pos_list.append(state)
    pos_list.reverse()
    begin, nexti = 0, 0
    for i, char in enumerate(sentence):
        pos = pos_list[i]
        if pos == "B":
            begin = i
        elif pos == "E":
            yield sentence[begin:i + 1]
            nexti = i + 1
        elif pos == "S":
            yield char
            nexti = i + 1
    if nexti < len(sentence):
        yield sentence[nexti:]


def _other_tag(piece: str, probe: str) -> str:
    """The tag of a piece that is not Han: m (a number), eng (``probe`` is Latin) or x."""
    if _NUM.match(piece):
        return "m"
    return "eng" if _ENG.match(probe) else "x"


class Tagger:
    """``cut(text)`` yields (word, tag) pairs as jieba's POSTokenizer with HMM would."""

    def __init__(self, words: Words):
        self.words = words
        self.states, self.start_p, self.trans_p, self.emit_p = words.table.hmm

    def cut(self, sentence: str) -> Iterator[tuple[str, str]]:
        for blk in _HAN_INTERNAL.split(sentence):
            if _HAN_INTERNAL.match(blk):
                yield from self._cut_dag(blk)
            else:
                for x in _SKIP_INTERNAL.split(blk):
                    if _SKIP_INTERNAL.match(x):
                        yield x, "x"
                    else:  # each character, tagged (sic: jieba tests the whole piece for English)
                        yield from ((xx, _other_tag(xx, x)) for xx in x)

    def _cut_dag(self, sentence: str) -> Iterator[tuple[str, str]]:
        tag = self.words.tag
        ends = route(sentence, self.words.fresh())
        x = 0
        buf = ""
        n = len(sentence)
        while x < n:
            y = ends[x] + 1
            word = sentence[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    yield from self._flush(buf)
                    buf = ""
                yield word, tag(word)
            x = y
        if buf:
            yield from self._flush(buf)

    def _flush(self, buf: str) -> Iterator[tuple[str, str]]:
        """A run of single characters: one word, the HMM's words if unknown, else each alone."""
        tag = self.words.tag
        if len(buf) == 1:
            yield buf, tag(buf)
        elif not self.words.freq(buf):
            yield from self._cut_detail(buf)
        else:
            for ch in buf:
                yield ch, tag(ch)

    def _cut_detail(self, sentence: str) -> Iterator[tuple[str, str]]:
        for blk in _HAN_DETAIL.split(sentence):
            if _HAN_DETAIL.match(blk):
                yield from self._cut_hmm(blk)
            else:
                yield from ((x, _other_tag(x, x)) for x in _SKIP_DETAIL.split(blk) if x)

    def _cut_hmm(self, sentence: str) -> Iterator[tuple[str, str]]:
        pos_list = _viterbi(sentence, self.states, self.start_p, self.trans_p, self.emit_p)
        begin, nexti = 0, 0
        for i, char in enumerate(sentence):
            pos = pos_list[i][0]
            if pos == "B":
                begin = i
            elif pos == "E":
                yield sentence[begin:i + 1], pos_list[i][1]
                nexti = i + 1
            elif pos == "S":
                yield char, pos_list[i][1]
                nexti = i + 1
        if nexti < len(sentence):
            yield sentence[nexti:], pos_list[nexti][1]


def _viterbi(obs: str, states: dict, start_p: dict, trans_p: dict, emit_p: dict) -> list:
    """jieba.posseg.viterbi.viterbi: the best (BMES, tag) state for each character."""
    V: list[dict] = [{}]
    mem_path: list[dict] = [{}]
    all_states = trans_p.keys()
    for y in states.get(obs[0], all_states):
        V[0][y] = start_p[y] + emit_p[y].get(obs[0], _MIN_FLOAT)
        mem_path[0][y] = ""
    for t in range(1, len(obs)):
        V.append({})
        mem_path.append({})
        prev_states = [x for x in mem_path[t - 1].keys() if len(trans_p[x]) > 0]
        prev_states_expect_next = set(y for x in prev_states for y in trans_p[x].keys())
        obs_states = set(states.get(obs[t], all_states)) & prev_states_expect_next
        if not obs_states:
            obs_states = prev_states_expect_next if prev_states_expect_next else all_states
        for y in obs_states:
            prob, state = max(
                (V[t - 1][y0] + trans_p[y0].get(y, _MIN_INF) + emit_p[y].get(obs[t], _MIN_FLOAT), y0)
                for y0 in prev_states
            )
            V[t][y] = prob
            mem_path[t][y] = state
    last = [(V[-1][y], y) for y in mem_path[-1].keys()]
    _, state = max(last)
    path = [None] * len(obs)
    i = len(obs) - 1
    while i >= 0:
        path[i] = state
        state = mem_path[i][state]
        i -= 1
    return path

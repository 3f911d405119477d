"""Where a name stands: a surname from the lexicon plus one or two characters, fit for a
given name, not an everyday word, and ended by what follows it (punctuation, white space
in the raw text, 等/一行/出席 …, a token boundary), so that 周楠及 gives 周楠 and
王庆林率领 gives 王庆林. Offsets are into the clean text (``_tokens.Clean``)."""
from __future__ import annotations

from ... import nlp
from .._tokens import Clean
from .cues import FOLLOW_CHARS, FOLLOW_WORDS, NOT_NAME, PUNCT
from .patterns import end_word_starts, positions
from .words import ADDRESS, PLACEHOLDER

_GIVEN_OK: dict[str, bool] = {}  # lazily built: Names.given_ok by given name
_NAME_WORD: dict[str, bool] = {}  # lazily built: Names.name_word by surname + given name


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


class Names:
    """The name checks on one document's clean text."""

    def __init__(self, clean: Clean):
        self.c = clean
        self.t = clean.text
        self.sur = nlp.surnames()
        self.gaps = clean.gaps
        self.end_starts = end_word_starts()

    def surname_len(self, i: int, strong: bool) -> int:
        t = self.t
        two = t[i:i + 2]
        if len(two) == 2 and self.sur.get(two):
            return 2
        cls = self.sur.get(t[i:i + 1])
        if cls and (strong or cls == 1):
            return 1
        return 0

    def end_strength(self, e: int) -> int:
        t = self.t
        if e >= len(t):
            return 3
        if e in self.gaps:
            return 4
        ch = t[e]
        if ch in PUNCT or (ch.isascii() and ch.isalnum()):
            return 3
        if ch in FOLLOW_CHARS:
            return 2
        if ch in self.end_starts and (t.startswith(FOLLOW_WORDS, e) or positions().match(t, e)):
            return 2
        if e in self.c.bounds:
            return 1
        return 0

    def given_ok(self, given: str) -> bool:
        ok = _GIVEN_OK.get(given)
        if ok is None:  # (one or two characters: a few thousand distinct ones, asked again and again)
            ok = all(_is_cjk(ch) and ch not in NOT_NAME for ch in given) and given not in ADDRESS
            ok = ok and given != PLACEHOLDER  # 王某某: a placeholder, not a person
            if len(_GIVEN_OK) > 100_000:
                _GIVEN_OK.clear()
            _GIVEN_OK[given] = ok
        return ok

    def name_word(self, word: str, s: int) -> bool:
        """Whether ``word``, a surname of ``s`` characters and a given name, can be a name
        wherever it stands: the given name is fit for one, and jieba does not know the whole
        as an everyday word (文化, 高度, 信箱; a name may be a place, ns, to jieba).

        Remembered by the word alone: ``s`` follows from it (2 where its first two
        characters are a surname), and such words recur across a document's candidates."""
        ok = _NAME_WORD.get(word)
        if ok is None:
            ok = self.given_ok(word[s:])
            if ok:
                tag = nlp.word_tag(word)
                ok = tag is None or tag.startswith(("nr", "ns", "nz"))
            if len(_NAME_WORD) > 100_000:
                _NAME_WORD.clear()
            _NAME_WORD[word] = ok
        return ok

    def name_at(self, i: int, strong: bool, min_strength: int = 1) -> tuple[int, int] | None:
        """(end, strength) of the best name starting at i, or None."""
        s = self.surname_len(i, strong)
        if not s:
            return None
        return self.name_after(i, s, strong, min_strength)

    def name_after(self, i: int, s: int, strong: bool, min_strength: int) -> tuple[int, int] | None:
        """``name_at`` once the surname at i is known to be ``s`` characters long."""
        t = self.t
        gaps = self.gaps
        best = None
        for g in (2, 1):
            e = i + s + g
            if e > len(t):
                continue
            word = t[i:e]
            ok = _NAME_WORD.get(word)
            if not (ok or ok is None and self.name_word(word, s)):
                continue
            if g == 2 and word[-1] in self.end_starts and t.startswith(FOLLOW_WORDS, e - 1) and self.end_strength(e - 1) >= 2:
                continue  # 熊林陪同: the name ends where 陪同 starts
            if g == 2 and word[-1] in FOLLOW_CHARS:
                # 周忠和作报告 is one name, 王伟和李明 two
                if not (word[-1] == "和" and self.end_strength(e) >= 2 and not self.surname_len(e, strong=False)
                        and not positions().match(t, e)):  # 袁超和副所长胡健: two people
                    continue
            if gaps:
                inner = [k for k in range(i + 1, e) if k in gaps]
                if inner and not (strong and g == 1 and inner == [i + s] and self.end_strength(e) >= 3):
                    continue  # white space inside: two words, not one name (but 林 涛, padded to three)
            st = self.end_strength(e)
            if st >= min_strength and (best is None or st > best[1]):
                best = (e, st)
        return best

    def pos_supports(self, i: int, e: int) -> bool:
        """jieba's tagger agrees that t[i:e] is (or opens with) a name."""
        a, b = self.clause(i)
        toks = nlp.pos_cut(self.t[a:b])
        for k, (w, tag, off) in enumerate(toks):
            s = a + off
            if s == i:
                if tag.startswith("nr") and (s + len(w) == e or (e in self.c.bounds and s + len(w) < e)):
                    return True
                # 何/r 志远/nrfg: the surname alone is read as another word, the given name as a name
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                return (
                    len(w) == self.surname_len(i, strong=True)
                    and nxt is not None
                    and nxt[1].startswith("nr")
                    and a + nxt[2] + len(nxt[0]) == e
                )
            if s > i:
                return False
        return False

    def clause(self, i: int) -> tuple[int, int]:
        t = self.t
        a = i
        while a > 0 and i - a < 60 and t[a - 1] not in "。;!?\n":
            a -= 1
        b = i
        while b < len(t) and b - i < 60 and t[b] not in "。;!?\n":
            b += 1
        return a, b

    def starts_clause(self, i: int) -> bool:
        return i == 0 or self.t[i - 1] in PUNCT or i in self.c.gaps

    def plausible(self, i: int, e: int) -> bool:
        """A weak-context candidate: common surname, not an everyday word, tagger agrees."""
        name = self.t[i:e]
        if not (self.sur.get(name[:2]) or self.sur.get(name[0]) == 1):
            return False
        if not (self.starts_clause(i) or i in self.c.bounds):
            return False
        return self.pos_supports(i, e)

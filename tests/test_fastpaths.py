"""The fast paths give what the plain definitions give: normalise's character pass, raw
mentions, white-space gaps of the clean text, and the look-ahead-led word patterns."""
from __future__ import annotations

import random
import re
import unicodedata

import pytest

from castdoc import normalise as nz
from castdoc.extract import _tokens
from castdoc.extract.people import patterns as people_patterns

PIECES = list("科协通知举办。，、：:（）() 　\t\n\r\xa0\u2028\x85\x00\u200bＡ１ａ！Python3-—/页第陳公司王明") + [
    "(gong)", "舉(ju)行", "\r\n", "  ", "\ufeff", "\ud800",
]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 50))) for _ in range(n)]


def test_every_character_normalise_changes_is_special():
    """Step 1 copies runs between _SPECIAL matches unchanged: no other character may be
    dropped or folded by the per-character rules."""
    for o in range(0x30000):
        ch = chr(o)
        if nz._SPECIAL.match(ch):
            continue
        cat = unicodedata.category(ch)
        assert ch not in nz._DROP, hex(o)
        assert ch == "\n" or cat not in ("Cc", "Cs"), hex(o)
        assert nz.fold(ch) == ch, hex(o)


@pytest.mark.parametrize("text", _texts(200, 11))
def test_mention_values_are_the_raw_characters(text):
    view = nz.normalise(text)
    n = len(view.text)
    assert all(a < b for a, b in zip(view.origin, view.origin[1:]))  # what the slice fast path relies on
    for a in range(0, n + 1, 3):
        for b in (a, min(n, a + 1), min(n, a + 7), n):
            expected = "".join(view.raw[view.origin[i]] for i in range(a, b)).strip()
            assert view.mention(a, b).value == expected


@pytest.mark.parametrize("text", _texts(200, 12))
def test_clean_gaps_are_where_raw_white_space_was_dropped(text):
    view = nz.normalise(text)
    _tokens._CACHE.clear()
    clean = _tokens.clean_of(view)
    expected = set()
    for ci, vi in enumerate(clean.to_view):
        if vi:
            between = view.raw[view.origin[vi - 1] + 1:view.origin[vi]]
            if any(ch in _tokens._WS for ch in between):
                expected.add(ci)
    assert clean.gaps == expected


def test_word_patterns_match_as_the_plain_alternation():
    words = ["主席", "副主席", "秘书长", "院士", "部长"]
    plain = re.compile(r"(?:常务|副)?(?:秘书长|副主席|主席|院士|部长)")
    fast = people_patterns.word_pattern(("常务", "副"), words)
    text = "省科协常务副主席、秘书长王明和院士李华出席,部长主持;副院士,常务秘书长。"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert all((fast.match(text, i) and fast.match(text, i).span()) == (plain.match(text, i) and plain.match(text, i).span())
               for i in range(len(text)))


def test_the_positions_trie_matches_as_the_sorted_alternation_over_the_whole_lexicon():
    """The positions pattern is a trie of the whole lexicon: at every place of text made of
    its words, it must match as the longest-first alternation it replaced."""
    import random

    from castdoc import nlp

    words = list(nlp.lexicon("positions.txt"))
    prefixes = ("常务", "专职", "兼职", "驻会", "执行", "名誉", "第一", "副")
    tail = r"(?:\([^()\n]{1,6}\))?"
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    plain = re.compile(rf"(?:{'|'.join(prefixes)})?(?:{alt}){tail}")
    fast = people_patterns.positions()
    rng = random.Random(5)
    pieces = words + list(prefixes) + ["、", "王明", "(兼)", "省科协", "同志"] + [w[:-1] for w in words if len(w) > 2]
    text = "".join(rng.choice(pieces) for _ in range(3000))
    for i in range(len(text)):
        a, b = fast.match(text, i), plain.match(text, i)
        assert (a and a.span()) == (b and b.span()), text[i:i + 12]
    assert all(fast.fullmatch(w) for w in words)


def test_line_predicates_answer_as_their_patterns():
    """is_colophon, is_image_file, is_dateline and has_title_end look at a character or two
    before their pattern: on lines of every kind they must answer as the pattern alone."""
    import random
    from pathlib import Path

    from castdoc import lines as L

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in [*root.glob("samples/*.txt"), *root.glob("samples/archive/*.txt"),
                                                       *root.glob("tests/cases/*.txt")]
             if p.name != "notice-gb18030.txt"]
    pool = [ln.strip() for t in texts for ln in t.splitlines() if ln.strip()]
    pieces = ["主送:", "抄送:", "印发", "某省科协办公室", "2024年3月1日", "印发)", "图片.jpg", "photo.PNG", "本报讯",
              "【本报讯】", "新华社北京电", "讯 ", "关于举办大赛的通知", "(征求意见稿)", "通報", "的通知(第二号)", "x", " "]
    rng = random.Random(3)
    pool += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 5))) for _ in range(3000)]
    for ln in pool:
        assert L.is_colophon(ln) == bool(L.COLOPHON.match(ln)), ln
        assert L.is_image_file(ln) == bool(L.IMAGE_FILE.match(ln)), ln
        assert L.is_dateline(ln) == bool(L.DATELINE.match(ln)), ln
        assert L.has_title_end(ln) == bool(L.TITLE_END.search(ln)), ln
    assert sum(map(L.is_colophon, pool)) and sum(map(L.is_dateline, pool)) and sum(map(L.has_title_end, pool))

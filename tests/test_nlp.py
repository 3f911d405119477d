"""castdoc's own jieba: its lexicons, its cache, its silence, and jieba's global left alone."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from castdoc import nlp
from castdoc.normalise import normalise


def test_cut_gives_words_with_offsets_that_rebuild_the_text():
    text = "省科协党组成员、专职副主席出席“科创中国”活动。"
    toks = nlp.cut(text)
    assert "".join(w for w, _ in toks) == text
    assert all(text[s:s + len(w)] == w for w, s in toks)


def test_lexicon_words_stay_whole_and_carry_their_tags():
    tags = {w: t for w, t, _ in nlp.pos_cut("省科协专职副主席调研院士专家工作站和海智计划")}
    assert tags["专职副主席"] == "npos"
    assert tags["省科协"] == "nt"
    assert tags["院士专家工作站"] == "nplat"
    assert tags["海智计划"] == "ninit"


def test_offsets_of_pos_cut():
    text = "中国科协国际联络部副部长率团出访"
    assert all(text[s:s + len(w)] == w for w, _, s in nlp.pos_cut(text))


def test_jieba_global_tokenizer_is_not_touched():
    import jieba

    assert nlp.table().freq("专职副主席")
    assert [w for w, _ in nlp.cut("专职副主席")] == ["专职副主席"]
    assert not jieba.dt.FREQ.get("专职副主席")
    assert not jieba.dt.FREQ.get("海智计划")


@pytest.mark.parametrize("name", nlp.USERDICTS)
def test_userdict_lines_are_word_freq_tag(name):
    for line in nlp.lexicon_lines(name):
        assert re.fullmatch(r"\S+ [1-9]\d* [a-z]+", line), (name, line)  # (jieba force-splits a word of frequency 0)


def test_surnames_and_traditional_folding():
    sur = nlp.surnames()
    assert sur["王"] == 1 and sur["欧阳"] == 1 and "陳" in sur
    assert "黨組書記".translate(nlp.t2s()) == "党组书记"
    assert "陳志遠".translate(nlp.t2s()) == "陈志远"
    # one character for one: offsets survive folding
    assert all(len(v) == 1 for v in nlp.t2s().values())


def test_clean_text_drops_glosses_and_folds_but_keeps_the_raw_spans():
    from castdoc.extract._tokens import clean_of

    raw = "公(gong)司舉(ju)行了揭牌儀式"
    c = clean_of(normalise(raw))
    assert c.text == "公司举行了揭牌仪式"
    i = c.text.index("举行")
    assert c.value(i, i + 2) == "舉(ju)行"
    assert c.plain(i, i + 2) == "舉行"
    assert raw[c.raw_start(i):].startswith("舉")


def test_quiet_and_cached_in_a_fresh_process(tmp_path):
    """No jieba chatter on stderr; the dictionary cache lands in XDG_CACHE_HOME and is reused."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    code = "from castdoc import nlp; print(len(nlp.cut('科协召开会议')))"
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert out.stderr == ""
    cache = tmp_path / "castdoc"
    assert any(p.name.startswith("words-jieba-") and p.suffix == ".cache" for p in cache.iterdir())


def test_no_private_cache_folder_means_no_cache_never_a_shared_temp_dir(tmp_path, monkeypatch):
    """Where the user's cache folder cannot be made, the table is not kept at all: a shared
    temp folder would let anyone plant a table under the name castdoc looks for."""
    import tempfile

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.delenv("CASTDOC_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert nlp._cache_dir() is None
    assert nlp._cache_dir() != tempfile.gettempdir()

"""castdoc's segmentation gives jieba's words and tags, word for word, and starts without jieba's globals."""
from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from castdoc import nlp, segment

SENTENCES = [
    "省科协党组成员、专职副主席出席“科创中国”试点城市建设推进会并讲话。",
    "请各市科协于2024年5月20日前将报名表(电子版)报送至省科协科普部,联系人:王晓明。",
    "院士专家工作站和海智计划工作站要加强交流,韩立新、欧阳春梅等10名专家参加调研。",
    "会议由市科协副主席林 涛主持,Python 3培训、AI+科普、5G应用和e-mail报名同步开展。",
    "陳志遠院士在学术年会上作报告\r\n第二天上午9:30,代表们参观了科技馆。",
    "二〇二四年三月,某县科协组织开展“全国科技工作者日”系列活动,共举办讲座12场、展览3场。",
    "",
    " \t\u3000",
    "ABC123abc_.%-#&+",
    "的的的的的了了了是是",
    "某某某某某某某某某某某某某某某",
]


def _random_texts(n: int, seed: int) -> list[str]:
    """Mixtures of the genre's characters, ASCII runs, digits and white space."""
    rng = random.Random(seed)
    pieces = list("科协通知举办组织开展院士专家工作站海智计划的了是在和与及王李张欧阳春梅韩立新") + [
        "。", ",", "、", ":", "(", ")", " ", "\n", "\r\n", "\t", "2024年", "5月", "v1.2", "e-mail", "AI+", "_x", "%", "#",
    ]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(n)]


@pytest.fixture(scope="module")
def jieba_way(tmp_path_factory):
    """castdoc's words loaded the way jieba itself would: its own initialise, then add_word."""
    import jieba
    import jieba.posseg

    tk = jieba.Tokenizer()
    tk.tmp_dir = str(tmp_path_factory.mktemp("jieba"))  # jieba's own cache, kept out of the user's
    tk.initialize()
    for name in nlp.USERDICTS:
        for line in nlp.lexicon_lines(name):
            parts = line.split()
            tk.add_word(parts[0], int(parts[1]), parts[2])
    return tk, jieba.posseg.POSTokenizer(tk)


def test_the_dictionary_is_jiebas(jieba_way):
    """Every word and prefix with jieba's frequency and tag; the IDF-only words as prefixes."""
    tk, pt = jieba_way
    pt.makesure_userdict_loaded()
    table = nlp.table()
    assert table.total == tk.total
    assert all(table.freq(w) == f for w, f in tk.FREQ.items())
    assert all(table.freq(w) == 0 for w in table.codes if w not in tk.FREQ)
    assert all(table.tag(w) == t for w, t in pt.word_tag_tab.items())
    assert sum(1 for w in table.codes if table.tag(w) is not None) == len(pt.word_tag_tab)


def test_the_idf_is_jiebas_with_castdocs_adjustments(jieba_way):
    import jieba.analyse

    table = nlp.table()
    ours = {ln.split()[0]: float(ln.split()[1]) for ln in nlp.lexicon_lines("idf.txt")}
    idf = jieba.analyse.TFIDF().idf_freq
    assert all(table.weight(w) == ours.get(w, x) for w, x in idf.items())
    assert all(table.weight(w) == x for w, x in ours.items())
    assert table.weight("不是一个词的一串字") == table.unknown_weight == sorted(idf.values())[len(idf) // 5]


@pytest.mark.parametrize("text", SENTENCES + _random_texts(300, 7))
def test_cut_is_jiebas(jieba_way, text):
    tk, _ = jieba_way
    assert [w for w, _ in nlp.cut(text)] == tk.lcut(text)


@pytest.mark.parametrize("text", SENTENCES + _random_texts(300, 8))
def test_pos_cut_is_jiebas(jieba_way, text):
    _, pt = jieba_way
    assert [(w, t) for w, t, _ in nlp.pos_cut(text)] == [(p.word, p.flag) for p in pt.cut(text)]


def test_word_tags_are_jiebas(jieba_way):
    _, pt = jieba_way
    pt.makesure_userdict_loaded()
    for word in ("科协", "院士专家工作站", "专职副主席", "海智计划", "讲话", "郭", "港澳"):
        assert nlp.word_tag(word) == pt.word_tag_tab.get(word, "x")
    assert nlp.word_tag("立新院") is None


def test_a_small_table_cuts_as_jieba_with_the_same_words():
    """The table's bit fields give the segmenter jieba's frequencies, whatever the tags and
    weights beside them; a word only the IDF knows (议会) is never taken as a word."""
    import jieba

    from castdoc.wordtable import WordTable

    freq = {"科": 50, "协": 40, "会": 60, "议": 30, "会议": 80, "科协": 100, "协会": 5, "科协会": 0}
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = dict(freq), sum(freq.values()), True
    table = WordTable.encode(freq, tk.total, {"会议": "n", "科协": "nt"}, {"会议": 3.5, "议会": 9.25, "科协": 1.0}, 7.0)
    words = segment.Words(table)
    for text in ("科协会议", "科协会", "议会科协", "会议会议议会", "科科协协会议"):
        assert list(segment.cut(words, text)) == tk.lcut(text)
    assert [table.freq(w) for w in ("会议", "科协会", "议会", "无")] == [80, 0, 0, None]
    assert [table.tag(w) for w in ("会议", "科协", "议会", "科")] == ["n", "nt", None, None]
    assert [table.weight(w) for w in ("会议", "议会", "科")] == [3.5, 9.25, 7.0]


def test_a_fresh_start_reads_no_posseg_and_no_pkg_resources(tmp_path):
    """jieba.posseg would parse all of dict.txt at import; pkg_resources costs a tenth of a
    second. Neither is loaded by castdoc, and pkg_resources stays importable afterwards."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    code = (
        "import sys\n"
        "from castdoc import nlp\n"
        "print(nlp.cut('科协召开会议')[-1], nlp.pos_cut('院士专家工作站')[0][1])\n"
        "t = nlp.table()\n"
        "print(len(t.codes) > 500000, round(t.unknown_weight, 6), round(t.weight('科协'), 6), t.freq('科协'))\n"
        "print('jieba.posseg' in sys.modules, 'pkg_resources' in sys.modules)\n"
        "import importlib.util\n"
        "print(sys.modules.get('pkg_resources', 0) is not None)\n"
    )
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=180)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0] == "('会议', 4) nplat"
    assert lines[1].startswith("True ")
    assert lines[2] == "False False"
    assert lines[3] == "True"
    # a damaged cache is rebuilt, with the same words
    damaged = list((tmp_path / "castdoc").glob("words-*.cache"))
    assert len(damaged) == 1  # one table: words, tags, weights
    for p in damaged:
        p.write_bytes(b"not a marshal dump")
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=180)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout

"""The word table's cache: a private folder, one file per stamp, a checksum, lazy shards."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from castdoc import nlp
from castdoc.wordtable import CorruptTable, WordTable


def _small() -> WordTable:
    freq = {"科": 50, "协": 40, "会": 60, "议": 30, "会议": 80, "科协": 100, "协会": 5, "科协会": 0}
    return WordTable.encode(freq, sum(freq.values()), {"会议": "n", "科协": "nt"}, {"会议": 3.5, "议会": 9.25}, 7.0,
                            ({"科": ("B",)}, {"B": -1.0}, {"B": {}}, {"B": {"科": -2.0}}))


def test_the_cache_folder_is_made_private(tmp_path, monkeypatch):
    monkeypatch.delenv("CASTDOC_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    got = nlp._cache_dir()
    assert got == str(tmp_path / "castdoc")
    assert stat.S_IMODE(os.stat(got).st_mode) == 0o700


def test_a_loose_folder_of_ours_is_tightened_and_a_link_refused(tmp_path, monkeypatch):
    loose = tmp_path / "loose"
    loose.mkdir()
    os.chmod(loose, 0o777)
    monkeypatch.setenv("CASTDOC_CACHE_DIR", str(loose))
    assert nlp._cache_dir() == str(loose)
    assert stat.S_IMODE(os.stat(loose).st_mode) == 0o700
    link = tmp_path / "link"
    link.symlink_to(loose)
    monkeypatch.setenv("CASTDOC_CACHE_DIR", str(link))
    assert nlp._cache_dir() is None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to hand a folder to another user")
def test_someone_elses_folder_is_refused(tmp_path, monkeypatch):
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o777)
    os.chown(theirs, 65534, 65534)
    monkeypatch.setenv("CASTDOC_CACHE_DIR", str(theirs))
    assert nlp._cache_dir() is None


def test_the_name_is_the_whole_stamp():
    """Two installs (another dict.txt path or time) keep two files instead of fighting over one."""
    jieba = nlp.import_jieba()
    stamp = nlp._stamp(jieba)
    other = stamp[:3] + ("/elsewhere/jieba/dict.txt",) + stamp[4:]
    later = stamp[:4] + ((stamp[4][0], stamp[4][1] + 1),) + stamp[5:]
    names = {nlp.cache_name(s) for s in (stamp, other, later)}
    assert len(names) == 3
    assert all(n.startswith(f"words-jieba-{jieba.__version__}-") and n.endswith(".cache") for n in names)


def test_round_trip_is_lazy_and_gives_the_same_answers():
    t = _small()
    back = WordTable.from_bytes(t.to_bytes(("s", 1)), ("s", 1))
    assert back.table == {}  # nothing loaded yet
    back.ensure("会")
    assert set(back.table) == {"会", "会议"}
    assert back.freq("科协") == 100 and back.tag("科协") == "nt"  # a look-up loads its own shard
    assert back.weight("议会") == 9.25 and back.weight("无") == 7.0
    assert back.codes == t.codes  # the whole table on demand
    assert back.hmm == t.hmm


@pytest.mark.parametrize("where", ["magic", "checksum", "header", "body", "short"])
def test_damaged_bytes_or_another_stamp_are_refused(where):
    data = bytearray(_small().to_bytes(("s", 1)))
    if where == "short":
        data = data[:30]
    else:
        at = {"magic": 0, "checksum": 10, "header": 50, "body": len(data) - 3}[where]
        data[at] ^= 0xFF
    with pytest.raises(CorruptTable):
        WordTable.from_bytes(bytes(data), ("s", 1))
    with pytest.raises(CorruptTable):
        WordTable.from_bytes(_small().to_bytes(("s", 1)), ("s", 2))


def test_a_damaged_cache_file_is_rebuilt_with_the_same_words(tmp_path):
    env = dict(os.environ, CASTDOC_CACHE_DIR=str(tmp_path / "c"))
    code = "from castdoc import nlp; print([w for w, _ in nlp.cut('省科协专职副主席调研院士专家工作站')])"
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=180)
    assert first.returncode == 0, first.stderr
    (cache,) = (tmp_path / "c").glob("words-*.cache")
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    data = bytearray(cache.read_bytes())
    data[len(data) // 2] ^= 0x55  # one flipped byte in the middle of the shards
    cache.write_bytes(bytes(data))
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=180)
    assert again.returncode == 0 and again.stderr == ""
    assert again.stdout == first.stdout
    assert cache.read_bytes() != bytes(data)  # written anew
    WordTable.from_bytes(cache.read_bytes(), nlp._stamp(nlp.import_jieba()))  # and whole


def test_warm_loads_every_word_before_workers_fork():
    nlp.warm()
    t = nlp.table()
    assert t._shards is None or t._shards.done()
    assert len(t.table) > 500_000


def test_old_word_tables_are_pruned(tmp_path):
    import os
    import time

    from castdoc import nlp

    for k in range(10):
        f = tmp_path / f"words-jieba-x-{k:02d}.cache"
        f.write_bytes(b"x")
        os.utime(f, (time.time() - 1000 + k, time.time() - 1000 + k))
    (tmp_path / "other.cache").write_bytes(b"y")
    keep = tmp_path / "words-jieba-x-00.cache"
    nlp._prune(str(tmp_path), keep=str(keep))
    left = sorted(p.name for p in tmp_path.glob("words-*.cache"))
    assert len(left) == nlp.KEEP_TABLES + 1 and keep.name in left  # the one just written stays
    assert (tmp_path / "other.cache").exists()

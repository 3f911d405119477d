"""The benchmark runs end to end (a few documents, one round) and reports every row."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"


@pytest.mark.skipif(not BENCH.exists(), reason="bench/ not in this checkout")
def test_bench_runs_and_reports_every_target(tmp_path):
    corpus = tmp_path / "corpus"
    r = subprocess.run([sys.executable, str(BENCH), "--docs", "12", "--repeat", "1", "--no-write", "--skip-pdf",
                        "--corpus", str(corpus)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    for row in ("castdoc parse -j 1", "castdoc parse -j 2", "speed-up -j 2 / -j 1", "castdoc -j 1 / floor",
                "castdoc --help", "parse one small notice, warm", "peak RSS, -j 1"):
        assert row in r.stdout, row
    assert len(list(corpus.glob("d*.txt"))) == 12
    assert "exit status" not in r.stdout, "every generated document was read"


def test_bench_never_empties_a_folder_it_did_not_fill(tmp_path):
    (tmp_path / "mine.txt").write_text("keep", encoding="utf-8")
    r = subprocess.run([sys.executable, str(BENCH), "--docs", "3", "--repeat", "1", "--no-write", "--skip-pdf",
                        "--corpus", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "did not write" in r.stderr
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep"

"""Fuzzing the record loader and what reads records (``castdoc tasks``, ``check``'s schema
rules, the --cache DIR entries): mutated and generated records either load or fail with a
CastdocError, and every task-list format renders what loads. The readers have their own
fuzzing in test_fuzz.py.

In the suite it is a short hypothesis run; by hand, for minutes:

    python tests/test_hostile_fuzz.py --minutes 3
"""
from __future__ import annotations

import datetime as dt
import json
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from castdoc.errors import CastdocError

SEED_RECORD = """schema_version: '1.0'
castdoc_version: 0.1.0
source: {path: n.txt, format: txt, sha256: 'ab', article: 0, articles: 1}
kind: notice
doc_type: 通知
title: 关于开展科普周活动的通知
issued: '2024-05-01'
recipients: [各区科协]
people: [{name: 王明, roles: [联系人], mentions: 1, first: 3}]
dates: [{text: 2024年6月1日, start: '2024-06-01', end: '2024-06-01', role: deadline, offset: 40}]
tasks:
- id: 0a1b2c3d4e5f
  text: 请各区科协于2024年6月1日前报送活动方案
  actor: 各区科协
  deadline: '2024-06-01'
  deadline_time: '17:00'
  section: [一、工作安排]
contacts: [{name: 王明, phone: 010-68571234}]
"""
SEEDS = [SEED_RECORD, SEED_RECORD.replace("'2024-06-01'", "2024-06-01"), "---\n" + SEED_RECORD + "---\n" + SEED_RECORD,
         "a: &x [1, 2]\nb: *x\nkind: notice\ntasks: []\n"]
SUFFIXES = (".yaml", ".json", ".jsonl")
FORMATS = ("csv", "json", "markdown", "ics", "table")
PER_CASE_S = 20
NOW = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


class _Hung(BaseException):
    pass


def _hung(signum, frame):
    raise _Hung()


def check_record_text(text: str | bytes, suffix: str, folder: Path) -> str:
    """Load ``text`` as a record file every way castdoc does; "ok" or the error code; raise on a bug."""
    from castdoc.check.records import load_record
    from castdoc.check.schema_rules import check_schema
    from castdoc.recordfile import read_record_file
    from castdoc.tasklist import read_records, render, rows_of_record

    f = folder / f"r{suffix}"
    f.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    old = signal.signal(signal.SIGALRM, _hung)
    signal.setitimer(signal.ITIMER_REAL, PER_CASE_S)
    code = "ok"
    try:
        for step in range(3):
            try:
                if step == 0:
                    read_record_file(f)
                elif step == 1:
                    rows = [row for rec in read_records(str(f)) for row in rows_of_record(rec, str(f))]
                    for fmt in FORMATS:
                        render(rows, fmt, now=NOW)
                else:
                    check_schema(load_record(f), file=str(f), document=None)
            except CastdocError as e:
                assert e.message and "internal error" not in e.message, e.message
                code = e.code
        return code
    except _Hung:
        raise AssertionError(f"no answer after {PER_CASE_S} s ({len(text)} characters)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# values a hand-edited or hostile record may hold where castdoc expects strings and dates
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=True), st.text(max_size=20),
              st.sampled_from(["2024-13-45", "9999-12-31", "24:00", "99:99", "0000-00-00", "\x1b[2J", "\u202e"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
FIELDS = ("source", "kind", "title", "tasks", "issued", "people", "dates", "recipients")
TASK_FIELDS = ("text", "actor", "deadline", "deadline_time", "section", "id", "detail", "contact")


def _generated(draw_task: dict, draw_top: dict, base: dict) -> dict:
    rec = json.loads(json.dumps(base))
    rec.update(draw_top)
    if isinstance(rec.get("tasks"), list) and rec["tasks"] and isinstance(rec["tasks"][0], dict):
        rec["tasks"][0].update(draw_task)
    return rec


def _base() -> dict:
    import yaml

    return yaml.safe_load(SEED_RECORD)


GENERATED = st.builds(_generated, st.dictionaries(st.sampled_from(TASK_FIELDS), VALUES, max_size=3),
                      st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=2), st.just(_base()))


def _mutate(text: str, rng: random.Random) -> str:
    s = list(text)
    for _ in range(rng.randint(1, 6)):
        if not s:
            break
        i = rng.randrange(len(s))
        op = rng.randrange(5)
        if op == 0:
            s[i] = rng.choice("[]{}:-*&!'\"\n #|>%@`\\\x00\x1b")
        elif op == 1:
            del s[i]
        elif op == 2:
            s[i:i] = s[i:i + rng.randrange(1, 40)]
        elif op == 3:
            s[i:i] = list(rng.choice(["&a ", "*a", "!!python/object:os.system ", "!!binary ", "? ", "<<: *a", "[" * 50]))
        else:
            del s[i:]
    return "".join(s)


def _dump(rec, suffix: str) -> str:
    import yaml

    if suffix == ".json":
        return json.dumps(rec, ensure_ascii=False, default=str)
    if suffix == ".jsonl":
        return json.dumps(rec, ensure_ascii=False, default=str) + "\n"
    return yaml.safe_dump(rec, allow_unicode=True)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(GENERATED, st.sampled_from(SUFFIXES))
def test_generated_records_load_or_fail_cleanly(folder, rec, suffix):
    check_record_text(_dump(rec, suffix), suffix, folder)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(SEEDS), st.integers(0, 2**32), st.sampled_from(SUFFIXES))
def test_mutated_records_load_or_fail_cleanly(folder, seed, n, suffix):
    text = seed if suffix == ".yaml" else _dump(__import__("yaml").safe_load_all(seed).__next__(), suffix)
    check_record_text(_mutate(text, random.Random(n)), suffix, folder)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=2048), st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_as_records(folder, data, suffix):
    check_record_text(data, suffix, folder)


def test_cache_entries_from_mutated_records_never_fail_a_run(tmp_path):
    from castdoc.cache import RecordCache

    cache = RecordCache(tmp_path)
    entry = cache._entry("ab" * 32)
    entry.parent.mkdir(parents=True)
    rng = random.Random(1)
    base = json.dumps({"castdoc_version": cache.version, "schema_version": "1.0", "sha256": "ab" * 32,
                       "records": [_base()]}, ensure_ascii=False)
    for _ in range(200):
        entry.write_text(_mutate(base, rng), encoding="utf-8")
        cache.get("ab" * 32, path="n.txt")  # a record or None, never an exception


# --- the long run, by hand --------------------------------------------------------------------


def _long(minutes: float) -> int:
    import traceback

    rng = random.Random(20241204)
    end = time.monotonic() + minutes * 60
    total, codes, crashes = 0, {}, {}
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        while time.monotonic() < end:
            suffix = rng.choice(SUFFIXES)
            r = rng.random()
            if r < 0.5:
                seed = rng.choice(SEEDS)
                text = seed if suffix == ".yaml" else _dump(__import__("yaml").safe_load(seed.split("---\n")[-1]), suffix)
                case = _mutate(text, rng)
            elif r < 0.9:
                rec = json.loads(json.dumps(_base()))
                for _ in range(rng.randint(1, 3)):
                    v = rng.choice([None, True, 2**80, -1, 1.5, "2024-13-45", "24:00",
                                                                     [], {}, [[]], {"a": None}, "\x1b]52;c;eA==\x07",
                                                                     "9999-12-31", "x" * 1000, ["9999-12-31"]])
                    task = rec["tasks"][0] if isinstance(rec.get("tasks"), list) and rec["tasks"] else None
                    if isinstance(task, dict) and rng.random() < 0.5:
                        task[rng.choice(TASK_FIELDS)] = v
                    else:
                        rec[rng.choice(FIELDS)] = v
                case = _dump(rec, suffix)
            else:
                case = rng.randbytes(rng.randrange(2048))
            total += 1
            try:
                code = check_record_text(case, suffix, folder)
            except Exception as e:  # noqa: BLE001 - collecting crashes is the point
                code = "CRASH"
                tb = traceback.extract_tb(e.__traceback__)
                site = next((f for f in reversed(tb) if "/castdoc/" in f.filename), tb[-1] if tb else None)
                key = f"{type(e).__name__} at {site.filename}:{site.lineno}" if site else type(e).__name__
                if key not in crashes:
                    crashes[key] = (suffix, case)
                    print(f"new crash: {key}: {e}", file=sys.stderr)
            codes[code] = codes.get(code, 0) + 1
    print(f"done: {total} record files in {minutes:g} min; outcomes {codes}; {len(crashes)} distinct crash sites")
    for key, (suffix, case) in crashes.items():
        print(f"--- {key} ({suffix}): {case[:300]!r}")
    return 1 if crashes else 0


if __name__ == "__main__":
    import argparse

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=3)
    sys.exit(_long(ap.parse_args().minutes))

"""Fuzzing the readers: arbitrary and mutated bytes under every suffix either read or fail
with a CastdocError, never another exception, and never hang.

In the test suite it is a short, bounded run (hypothesis, a few hundred examples). For a
long run by hand, with coverage guidance when atheris is installed:

    python tests/test_fuzz.py --minutes 10            # random mutations, crashes collected
    python tests/test_fuzz.py --minutes 10 --atheris  # atheris (pip install atheris)

Each crash it finds is fixed and kept below in REGRESSIONS.
"""
from __future__ import annotations

import signal
import tempfile
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_badinput import GOOD, make_docx, make_pdf  # noqa: E402

from castdoc.errors import CastdocError  # noqa: E402
from castdoc.parse import READERS, Limits  # noqa: E402
from castdoc.pipeline import parse_bytes  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SUFFIXES = sorted(set(READERS) | {".doc", ".xyz", ""})
LIMITS = Limits(max_bytes=4 * 1024 * 1024, max_unzipped=8 * 1024 * 1024, max_pages=50)
PER_INPUT_S = 20


def _seeds() -> list[tuple[str, bytes]]:
    out = [
        (".pdf", make_pdf()),
        (".pdf", make_pdf(image=True)),
        (".pdf", make_pdf(encrypt=True)),
        (".docx", make_docx()),
        (".docx", make_docx("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>联系人：王明</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")),
        (".txt", GOOD.encode("utf-8")),
        (".txt", GOOD.encode("gb18030")),
        (".txt", GOOD.encode("utf-16")),
        (".html", ("<html><body><div class='nav'>首页 > 通知</div><h1>关于开展科普活动的通知</h1><p>"
                   + GOOD.replace("\n", "</p><p>") + "</p></body></html>").encode("utf-8")),
    ]
    from docbuild import make_doc, make_ofd

    out += [  # the compound file and the OFD package the reader tests build
        (".doc", make_doc([("某市科协关于举办科普讲解大赛的通知\r", False), ("联系人\x07电话\x07\x1d", False),
                           ("正文\x13 HYPERLINK x \x14链接\x15\r", False)], header="页眉\r", hidden=("正文",))),
        (".ofd", make_ofd([[(25.0, 40.0, "某市科协关于举办科普讲解大赛的通知", 5.6), (25.0, 50.0, "各区科协：", 5.6)]])),
    ]
    for p in sorted(SAMPLES.glob("*")):  # the committed samples, when small enough to mutate fast
        if p.suffix in READERS and p.stat().st_size < 64 * 1024:
            out.append((p.suffix, p.read_bytes()))
    return out


SEEDS = _seeds()

# Inputs that once crashed a reader; each must now read or fail cleanly.
REGRESSIONS: list[tuple[str, bytes]] = [
    (".pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj trailer<</Root 1 0 R>>"),
    (".docx", b"PK\x03\x04" + b"\x00" * 26),
    (".txt", b"\xff\xfe\x00\xd8"),  # UTF-16 BOM then a lone high surrogate
    (".txt", b"\xfe\xff\xd8"),  # UTF-16-BE BOM, odd length
    (".html", b"<html><body>" + b"<b>" * 5000 + "通知".encode("utf-8")),
]


# ... and the files the fuzzers found, kept as they were found (named for the crash they caused).
REGRESSION_DIR = Path(__file__).resolve().parent / "fuzz_regressions"
REGRESSIONS += [(p.suffix, p.read_bytes()) for p in sorted(REGRESSION_DIR.glob("*")) if p.is_file()]


class _Hung(BaseException):
    pass


def _raise_hung(signum, frame):
    raise _Hung()


def check_input(data: bytes, suffix: str) -> str:
    """Parse ``data`` as a file with ``suffix``; return "ok" or the error code, raise on a bug."""
    old = signal.signal(signal.SIGALRM, _raise_hung)
    signal.setitimer(signal.ITIMER_REAL, PER_INPUT_S)
    try:
        parse_bytes(data, name=f"fuzz{suffix}", suffix=suffix or None, limits=LIMITS)
        return "ok"
    except CastdocError as e:
        assert e.message and "internal error" not in e.message, e.message
        return e.code
    except ModuleNotFoundError as e:
        if not (e.name or "").startswith("castdoc.parse."):
            raise
        return "no-reader"  # that format's reader has not landed yet
    except _Hung:
        raise AssertionError(f"{suffix}: no answer after {PER_INPUT_S} s ({len(data)} bytes)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def mutate(seed: bytes, ops: list[tuple[int, int, int, bytes]]) -> bytes:
    """Flip, overwrite, insert, delete, duplicate or cut, at positions spread over the file."""
    b = bytearray(seed)
    for kind, pos, n, blob in ops:
        if not b:
            b = bytearray(blob)
            continue
        i = pos % len(b)
        if kind == 0:
            b[i] ^= 1 << (n % 8)
        elif kind == 1:
            b[i:i + len(blob)] = blob
        elif kind == 2:
            b[i:i] = blob
        elif kind == 3:
            del b[i:i + 1 + n % 64]
        elif kind == 4:
            b[i:i] = b[i:i + 1 + n % 256]
        else:
            del b[i:]
    return bytes(b)


OPS = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 2**31), st.integers(0, 2**16), st.binary(max_size=16)),
               min_size=1, max_size=6)
MUTATED = st.tuples(st.sampled_from(range(len(SEEDS))), OPS).map(lambda t: (SEEDS[t[0]][0], mutate(SEEDS[t[0]][1], t[1])))
ARBITRARY = st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=2048))
# magic numbers in front of noise: gets past the sniffing into each reader
MAGIC = st.tuples(st.sampled_from([(".pdf", b"%PDF-1.7\n"), (".docx", b"PK\x03\x04"), (".html", b"<html><body>"),
                                   (".txt", b"\xef\xbb\xbf"), (".txt", b"\xff\xfe")]), st.binary(max_size=1024)).map(
    lambda t: (t[0][0], t[0][1] + t[1]))
INPUTS = st.one_of(MUTATED, ARBITRARY, MAGIC)


@pytest.mark.parametrize("suffix, data", REGRESSIONS, ids=[f"reg{i}{s}" for i, (s, _) in enumerate(REGRESSIONS)])
def test_regressions(suffix, data):
    check_input(data, suffix)


@pytest.mark.parametrize("suffix, data", SEEDS, ids=[f"seed{i}{s}" for i, (s, _) in enumerate(SEEDS)])
def test_seeds_read_or_fail_cleanly(suffix, data):
    check_input(data, suffix)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(INPUTS)
def test_fuzz_readers(case):
    suffix, data = case
    check_input(data, suffix)


# --- the long run, by hand -------------------------------------------------------------------


def _random_case(rng) -> tuple[str, bytes]:
    """The same kinds of input as INPUTS, drawn from a plain RNG (a long run must not stop)."""
    r = rng.random()
    if r < 0.7:
        suffix, base = rng.choice(SEEDS)
        ops = [(rng.randrange(6), rng.randrange(2**31), rng.randrange(2**16), rng.randbytes(rng.randrange(17)))
               for _ in range(rng.randint(1, 6))]
        return suffix, mutate(base, ops)
    if r < 0.85:
        return rng.choice(SUFFIXES), rng.randbytes(rng.randrange(2049))
    magic = rng.choice([(".pdf", b"%PDF-1.7\n"), (".docx", b"PK\x03\x04"), (".html", b"<html><body>"),
                        (".txt", b"\xef\xbb\xbf"), (".txt", b"\xff\xfe")])
    return magic[0], magic[1] + rng.randbytes(rng.randrange(1025))


def _note_crash(e: BaseException, suffix: str, data: bytes, crashes: dict, out_dir: Path) -> None:
    """Keep the first input that crashes at each place (exception type and innermost castdoc line)."""
    import traceback

    tb = traceback.extract_tb(e.__traceback__)
    site = next((f for f in reversed(tb) if "/castdoc/" in f.filename), tb[-1] if tb else None)
    key = f"{type(e).__name__} at {site.filename}:{site.lineno}" if site else type(e).__name__
    if key not in crashes:
        crashes[key] = (suffix, data, "".join(traceback.format_exception(e)))
        (out_dir / f"crash{len(crashes):02d}{suffix or '.bin'}").write_bytes(data)
        print(f"new crash: {key}: {e}", file=sys.stderr)


def _long_random(minutes: float, out_dir: Path) -> int:
    """Mutate and check until time is up; keep one reproducer per distinct crash site."""
    import random

    rng = random.Random(20240601)
    end = time.monotonic() + minutes * 60
    total, codes, crashes = 0, {}, {}
    out_dir.mkdir(parents=True, exist_ok=True)
    last = time.monotonic()
    while time.monotonic() < end:
        suffix, data = _random_case(rng)
        total += 1
        try:
            code = check_input(data, suffix)
        except Exception as e:  # noqa: BLE001 - collecting crashes is the point
            code = "CRASH"
            _note_crash(e, suffix, data, crashes, out_dir)
        codes[code] = codes.get(code, 0) + 1
        if time.monotonic() - last > 30:
            last = time.monotonic()
            print(f"{total} inputs, {len(crashes)} crash sites, {codes}", file=sys.stderr)
    print(f"done: {total} inputs in {minutes:g} min; outcomes {codes}; {len(crashes)} distinct crash sites")
    for i, (key, (suffix, data, tb)) in enumerate(crashes.items(), 1):
        print(f"--- crash{i:02d}{suffix}: {key} ({len(data)} bytes)\n{tb.splitlines()[-1]}")
    return 1 if crashes else 0


def _long_atheris(minutes: float, out_dir: Path) -> int:
    import atheris

    import importlib

    for mod in set(READERS.values()):  # load every reader (and its library) before instrumenting
        try:
            importlib.import_module(f"castdoc.parse.{mod}")
        except ImportError:
            pass
    for seed_suffix, seed_data in SEEDS:  # and whatever they import lazily on first use
        try:
            check_input(seed_data, seed_suffix)
        except AssertionError:
            pass
    atheris.instrument_all()

    suffixes = [s for s in (".pdf", ".docx", ".html", ".txt")]
    seeds = SEEDS

    def one(data: bytes) -> None:
        if len(data) < 2:
            return
        fdp = atheris.FuzzedDataProvider(data)
        pick = fdp.ConsumeIntInRange(0, len(seeds) + len(suffixes) - 1)
        if pick < len(seeds):
            suffix, base = seeds[pick]
            ops = []
            for _ in range(fdp.ConsumeIntInRange(1, 6)):
                ops.append((fdp.ConsumeIntInRange(0, 5), fdp.ConsumeInt(4), fdp.ConsumeInt(2), fdp.ConsumeBytes(8)))
            blob = mutate(base, ops)
        else:
            suffix = suffixes[pick - len(seeds)]
            blob = fdp.ConsumeBytes(fdp.remaining_bytes())
        try:
            check_input(blob, suffix)
        except Exception as e:  # noqa: BLE001 - record each crash site once and keep fuzzing
            _note_crash(e, suffix, blob, crashes, out_dir)

    crashes: dict = {}
    out_dir.mkdir(parents=True, exist_ok=True)
    atheris.Setup([sys.argv[0], f"-max_total_time={int(minutes * 60)}", "-rss_limit_mb=4096", "-timeout=30"], one)
    try:
        atheris.Fuzz()
    finally:
        print(f"atheris: {len(crashes)} distinct crash sites", file=sys.stderr)
        for key, (suffix, data, tb) in crashes.items():
            print(f"--- {key} ({suffix}, {len(data)} bytes)\n{tb.splitlines()[-1]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--atheris", action="store_true")
    ap.add_argument("--crashes", type=Path, default=Path(tempfile.gettempdir()) / "castdoc-fuzz-crashes", help="where reproducers are written")
    a = ap.parse_args()
    sys.exit(_long_atheris(a.minutes, a.crashes) if a.atheris else _long_random(a.minutes, a.crashes))

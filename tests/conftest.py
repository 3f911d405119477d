"""Shared test helpers: the repo's paths and the optional ../shared material."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared():
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def pytest_addoption(parser):
    parser.addoption("--regen", action="store_true", help="rewrite tests/cases/*.yaml from castdoc's current output (review the diff!)")


def doc_of(text: str):
    """The first article of ``text`` as the extractors receive it."""
    from castdoc.pipeline import documents_from_raw
    from castdoc.types import RawText

    return documents_from_raw(RawText(text=text, format="txt"), path="t.txt", sha256="0")[0]

"""What one file gave back: its records, or another per-file function's payload, or its error.

Typed, so what crosses the pipe from a worker is the pipeline's own Records (or check's
Findings), never loose dicts."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from ..errors import CastdocError
from ..types import Record

P = TypeVar("P")


@dataclass(frozen=True, kw_only=True)
class Outcome(Generic[P]):
    path: str
    records: tuple[Record, ...] = ()  # parse's: one per article
    payload: P | None = None  # what another per-file function gives back (check's findings)
    error: CastdocError | None = None
    trace: str | None = None  # the traceback of an internal error, shown with --debug
    text: str | None = None  # the records rendered (YAML, JSON Lines) where the caller asked for it
    cached: bool = False
    seconds: float = 0.0
    rss_kb: int = 0  # peak resident memory of the process that parsed it

"""A record cache for ``castdoc parse --cache DIR``: unchanged documents are not parsed again.

An entry is keyed by the document's sha256 *and* castdoc's version, so a new release
reparses everything while re-running the same release over an archive of thousands of
notices only reads and hashes them. Entries hold the records as JSON (never pickle: a
cache folder may be shared, and loading it must not run code). A broken or unreadable
entry is a miss, and a cache that cannot be written is skipped: the cache only ever
saves time, it never changes a result or fails a run.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from . import SCHEMA_VERSION, __version__
from .errors import RecordError
from .types import Record


def file_sha256(path: str | Path) -> str:
    """The sha256 of a regular file; OSError for anything else (a device never ends, a FIFO
    blocks: the reader then says what it is)."""
    import os
    import stat

    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(f"{path}: not a regular file")
    h = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class RecordCache:
    """Records by (sha256, castdoc version) under one folder; safe to share between processes."""

    def __init__(self, root: str | Path, *, version: str = __version__):
        self.root = Path(root)
        self.version = version

    def _entry(self, sha256: str) -> Path:
        return self.root / f"v{self.version}" / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str, *, path: str) -> tuple[Record, ...] | None:
        """The cached records with ``source.path`` set to where the document is now.

        An entry is trusted only as far as it can be checked: it must follow the record
        schema and every record must name this document's sha256, its article number and
        the article count; anything else (a forged or truncated entry, a nested one, one
        from another document) is a miss, and the document is parsed again."""
        try:
            return self._get(sha256, path=path)
        except Exception:  # noqa: BLE001 - RecursionError, MemoryError-free oddities: the cache never fails a run
            return None

    def _get(self, sha256: str, *, path: str) -> tuple[Record, ...] | None:
        from .parse import NotRegular, Oversize, read_regular
        from .recordfile import MAX_RECORD_BYTES

        try:
            data = json.loads(read_regular(self._entry(sha256), MAX_RECORD_BYTES).decode("utf-8"))
        except (OSError, ValueError, NotRegular, Oversize, RecursionError):
            return None
        if (
            not isinstance(data, dict)
            or data.get("sha256") != sha256
            or data.get("castdoc_version") != self.version
            or data.get("schema_version") != SCHEMA_VERSION
            or not isinstance(data.get("records"), list)
            or not data["records"]
            or not all(isinstance(r, dict) and isinstance(r.get("source"), dict) for r in data["records"])
        ):
            return None
        n = len(data["records"])
        for i, d in enumerate(data["records"]):
            src = d["source"]
            if src.get("sha256") != sha256 or src.get("article") != i or src.get("articles") != n:
                return None
        from .schema import _validator

        v = _validator()
        if not all(v.is_valid(d) for d in data["records"]):
            return None
        try:
            records = [Record.from_dict(d) for d in data["records"]]
        except RecordError:
            return None
        return tuple(replace(r, source=replace(r.source, path=path)) for r in records)

    def put(self, sha256: str, records: tuple[Record, ...] | list[Record]) -> bool:
        """Store records; False (and nothing raised) when the folder cannot be written."""
        from .writeout import write_atomic

        payload = {
            "castdoc_version": self.version,
            "schema_version": SCHEMA_VERSION,
            "sha256": sha256,
            "records": [r.to_dict() for r in records],
        }
        try:
            write_atomic(self._entry(sha256), json.dumps(payload, ensure_ascii=False))
        except (OSError, ValueError):
            return False
        return True


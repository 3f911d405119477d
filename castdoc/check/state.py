"""Incremental check: what each document and its record gave last time, kept beside the archive.

Checking an archive of five hundred documents means parsing five hundred documents, and
on most days none of them changed. ``.castdoc-check.json`` (in the folder of the
archive's castdoc.toml, else the first folder checked) keeps, per document, the sha256
of the document and of its record and the findings they gave *before* configuration was
applied. A document whose two hashes match its entry, checked by the same castdoc build
(its version and every file of the package, so a development tree counts too), the same
jieba dictionary and the same era and limits, is not read again: its findings are taken
from the entry, and the configuration of this run is applied to them as to fresh ones
(so switching a rule off or accepting an exception needs no new parse). ``--full``
ignores the file; a file that cannot be read, or was written by another build, is as if
absent, and one that cannot be written only costs the next run its head start.

JSON, not pickle: the file lives in an archive others may write to, and reading it must
not run code. Its findings are checked field by field on the way in.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from pathlib import Path

from .findings import Finding

STATE_NAME = ".castdoc-check.json"
VERSION = 1
_FIELDS = {f.name: f for f in dataclasses.fields(Finding)}
_STR = {"rule", "name", "severity", "file", "message"}


@functools.cache
def build_id() -> str:
    """castdoc's version and the size and time of every file of the package, the jieba
    dictionary it reads with, and the Python running it: what a finding depends on."""
    import sys
    from importlib.util import find_spec

    from .. import __version__

    h = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    pkg = Path(__file__).resolve().parent.parent
    for top, dirs, files in os.walk(pkg):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            p = os.path.join(top, name)
            try:
                st = os.stat(p)
            except OSError:
                continue
            h.update(f"{os.path.relpath(p, pkg)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    spec = find_spec("jieba")
    if spec is not None and spec.origin:
        for rel in ("dict.txt", os.path.join("analyse", "idf.txt")):
            try:
                st = os.stat(os.path.join(os.path.dirname(spec.origin), rel))
                h.update(f"jieba/{rel}|{st.st_size}|{st.st_mtime_ns}\n".encode())
            except OSError:
                pass
    return h.hexdigest()


def run_key(*, era: str, records: Path | None, limits, names: str = "") -> str:
    """What besides the two files decides a pair's raw findings (``names``: the stamp of
    castdoc.toml's local names, which change a fresh reading)."""
    bounds = sorted(vars(limits).items()) if hasattr(limits, "__dict__") else repr(limits)
    return hashlib.sha256(repr((build_id(), era, str(records) if records else None, bounds, names)).encode()).hexdigest()


def sha256_of(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def finding_to_json(f: Finding) -> dict:
    return dataclasses.asdict(f)


def finding_from_json(d) -> Finding:
    """A Finding from its JSON, or ValueError for anything not shaped like one."""
    if not isinstance(d, dict) or not set(d) <= set(_FIELDS) or not _STR <= set(d):
        raise ValueError("not a finding")
    for k, v in d.items():
        if k in _STR or k in ("record_path", "hint", "excerpt", "detail", "document"):
            ok = isinstance(v, str) or (v is None and k not in _STR)
        elif k in ("line", "column"):
            ok = v is None or (isinstance(v, int) and not isinstance(v, bool))
        else:
            ok = isinstance(v, bool)
        if not ok:
            raise ValueError(f"bad {k}")
    return Finding(**d)


class CheckState:
    """The entries of one state file, keyed by the document's path relative to its folder."""

    def __init__(self, path: Path, key: str, entries: dict[str, dict] | None = None):
        self.path = path
        self.key = key
        self.entries: dict[str, dict] = entries or {}
        self.dirty = False
        self.hits = 0

    @classmethod
    def load(cls, path: Path, key: str) -> "CheckState":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            return cls(path, key)
        if not isinstance(data, dict) or data.get("version") != VERSION or data.get("key") != key \
                or not isinstance(data.get("documents"), dict):
            return cls(path, key)
        return cls(path, key, data["documents"])

    def _name(self, doc: Path) -> str:
        base = getattr(self, "_base", None)
        if base is None:
            base = self._base = os.path.abspath(self.path.parent)
        p = os.path.abspath(doc)
        rel = p[len(base) + 1:] if p.startswith(base + os.sep) else os.path.relpath(p, base)
        return rel.replace(os.sep, "/")

    def get(self, doc: Path, *, shown: tuple[str, str, bool], hashes: tuple[str | None, ...]) -> list[Finding] | None:
        """The raw findings of last time, if the document, its record and how they are
        shown are all as they were."""
        e = self.entries.get(self._name(doc))
        if not isinstance(e, dict) or e.get("shown") != list(shown) or e.get("hashes") != list(hashes):
            return None
        try:
            found = [finding_from_json(d) for d in e.get("findings", ())]
        except (ValueError, TypeError):
            return None
        self.hits += 1
        return found

    def put(self, doc: Path, *, shown: tuple[str, str, bool], hashes: tuple[str | None, ...], raw: list[Finding]) -> None:
        self.entries[self._name(doc)] = {"shown": list(shown), "hashes": list(hashes),
                                         "findings": [finding_to_json(f) for f in raw]}
        self.dirty = True

    def save(self) -> bool:
        """Write the file (atomically) when anything changed, without the entries of
        documents that are gone; False when it cannot be written."""
        if not self.dirty:
            return True
        from ..writeout import write_atomic

        base = self.path.parent
        docs = {k: v for k, v in self.entries.items() if (base / k).exists()}
        text = json.dumps({"version": VERSION, "key": self.key, "documents": docs}, ensure_ascii=False,
                          separators=(",", ":"))
        try:
            write_atomic(self.path, text + "\n")
        except (OSError, ValueError):
            return False
        return True


def state_folder(targets: list[str], config_file: Path | None) -> Path:
    """The archive's castdoc.toml folder, else the first folder checked, else the first file's."""
    if config_file is not None:
        return config_file.parent
    for t in targets:
        if Path(t).is_dir():
            return Path(t)
    return Path(targets[0]).parent if targets else Path.cwd()

"""Drift: a stored record against a fresh reading of its document.

The comparison ignores what may differ between equal readings (``castdoc_version``,
``source.path``); everything else is compared field by field. A changed ``sha256``
means the document itself changed since the record was made, which is reported apart
from a record that went stale because castdoc reads the same document differently now.
"""
from __future__ import annotations

import difflib

from . import RULES
from .findings import Finding
from .records import LoadedRecord, comparable, round_trip

MAX_PATHS_SHOWN = 6


def flatten(value, prefix: str = "") -> dict[str, object]:
    """{'people[0].roles[1]': '主任', …}: leaves by field path, empty containers kept."""
    out: dict[str, object] = {}
    if isinstance(value, dict) and value:
        for k, v in value.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else str(k)))
    elif isinstance(value, list) and value:
        for i, v in enumerate(value):
            out.update(flatten(v, f"{prefix}[{i}]"))
    else:
        out[prefix or "(record)"] = value
    return out


def changed_paths(stored: dict, fresh: dict) -> list[str]:
    a, b = flatten(stored), flatten(fresh)
    seen: dict[str, None] = {}
    for k in list(b) + [k for k in a if k not in b]:
        if a.get(k, _MISSING) != b.get(k, _MISSING):
            seen[k] = None
    # an emptied list shows as 'people' beside 'people[0].name': keep the precise paths
    return [k for k in seen if not any(o != k and (o.startswith(k + ".") or o.startswith(k + "[")) for o in seen)]


_MISSING = object()


def _dump(key: str, value) -> list[str]:
    import yaml

    if value is _MISSING:
        return []
    return yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=100).splitlines()


def field_diff(stored: list[dict], fresh: list[dict]) -> str:
    """A unified diff per changed top-level field (``record:`` stored, ``source:`` fresh)."""
    chunks: list[str] = []
    many = max(len(stored), len(fresh)) > 1
    for n in range(max(len(stored), len(fresh))):
        a = comparable(stored[n]) if n < len(stored) else {}
        b = comparable(fresh[n]) if n < len(fresh) else {}
        prefix = f"[{n}]." if many else ""
        for key in list(b) + [k for k in a if k not in b]:
            va, vb = a.get(key, _MISSING), b.get(key, _MISSING)
            if va == vb:
                continue
            lines = difflib.unified_diff(_dump(key, va), _dump(key, vb), fromfile=f"record  {prefix}{key}",
                                         tofile=f"source  {prefix}{key}", lineterm="", n=2)
            chunks.append("\n".join(lines))
    return "\n".join(chunks)


def check_drift(loaded: LoadedRecord, fresh: list[dict], *, file: str, document: str) -> list[Finding]:
    from .. import __version__

    stored = loaded.records
    fresh = round_trip(fresh)
    if len(stored) == len(fresh) and all(comparable(a) == comparable(b) for a, b in zip(stored, fresh)):
        return []
    paths: list[str] = []
    first_line = None
    for n in range(max(len(stored), len(fresh))):
        a = comparable(stored[n]) if n < len(stored) else {}
        b = comparable(fresh[n]) if n < len(fresh) else {}
        ps = changed_paths(a, b)
        if ps and first_line is None and n < len(stored):
            first_line = loaded.line_of(n, ps[0])
        paths.extend((f"[{n}]." if len(fresh) > 1 or len(stored) > 1 else "") + p for p in ps)
    shown = ", ".join(paths[:MAX_PATHS_SHOWN]) + (f" and {len(paths) - MAX_PATHS_SHOWN} more" if len(paths) > MAX_PATHS_SHOWN else "")
    old_sha = _sha(stored[0]) if stored else None
    new_sha = _sha(fresh[0]) if fresh else None
    notes = []
    if len(stored) != len(fresh):
        notes.append(f"the record holds {len(stored)} article(s), the document {len(fresh)}")
    if old_sha != new_sha:
        rule = RULES["CD021"]
        message = (f"{document} changed since its record was written "
                   f"(sha256 {str(old_sha)[:12]}… → {str(new_sha)[:12]}…); fields that differ: {shown}")
    else:
        rule = RULES["CD020"]
        written_by = stored[0].get("castdoc_version") if stored else None
        message = f"record differs from a fresh reading of {document}: {shown}"
        if written_by and written_by != __version__:
            notes.append(f"written by castdoc {written_by}, this is {__version__}")
    if notes:
        message += " (" + "; ".join(notes) + ")"
    excerpt = None
    if first_line:
        lines = loaded.text.splitlines()
        excerpt = lines[first_line - 1] if first_line <= len(lines) else None
    return [Finding(
        rule=rule.id, name=rule.name, severity=rule.severity, file=file, line=first_line, record_path=paths[0] if paths else None,
        message=message, hint=f"review the diff, then castdoc check --fix (or castdoc parse --update {document})",
        excerpt=excerpt, detail=field_diff(stored, fresh), document=document, fixable=True,
    )]


def _sha(rec: dict):
    src = rec.get("source")
    return src.get("sha256") if isinstance(src, dict) else None

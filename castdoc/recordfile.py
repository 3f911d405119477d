"""Reading a record file back: the one safe loader for YAML, JSON and JSON Lines.

``castdoc tasks`` (over record files) and ``castdoc check`` (over an archive) both read
records through here. YAML is loaded with the safe loader only (libyaml's where PyYAML
has it): a record file is data from elsewhere, and a tag such as
``!!python/object/apply`` is refused, never run. Every failure is one RecordError whose
``reason`` says what went wrong, worded for the stderr line; ``check`` words its
findings from the same error.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import RecordError

RECORD_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")


@dataclass(frozen=True, kw_only=True)
class RecordFile:
    """A record file as read: its text, and its documents as plain data (nulls dropped)."""

    path: Path
    text: str
    documents: tuple


def read_record_file(path: str | Path, *, max_bytes: int | None = None, aliases: bool = True) -> RecordFile:
    """The documents of one record file; JSON by suffix (``.json``, ``.jsonl``), YAML otherwise.

    ``max_bytes`` refuses larger files before reading them; ``aliases=False`` refuses
    YAML aliases (``*name``), which castdoc never writes: a reader that walks every field
    of a record (``check``'s schema and drift rules) would walk a shared node once per
    reference, and nine nested references are an alias bomb."""
    p = Path(path)
    try:
        if max_bytes is not None and (size := p.stat().st_size) > max_bytes:
            raise RecordError(f"record file is {size // (1024 * 1024)} MB; castdoc records are far smaller",
                              path=str(path), reason=RecordError.TOO_LARGE)
        data = p.read_bytes()
    except FileNotFoundError as e:
        raise RecordError("no such file", path=str(path), reason=RecordError.MISSING, problem=e.strerror) from None
    except OSError as e:
        raise RecordError(f"cannot read the record file ({e.__class__.__name__})", path=str(path),
                          reason=RecordError.UNREADABLE, problem=e.strerror) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RecordError("cannot read the record file (UnicodeDecodeError)", path=str(path),
                          reason=RecordError.NOT_UTF8) from None
    suffix = p.suffix.lower()
    try:
        if suffix == ".jsonl":
            docs = [json.loads(line) for line in text.splitlines() if line.strip()]
        elif suffix == ".json":
            docs = json.loads(text)
            docs = docs if isinstance(docs, list) else [docs]
        else:
            docs = _yaml_documents(text, aliases=aliases)
    except json.JSONDecodeError as e:
        raise RecordError(f"not valid JSON (line {e.lineno}: {e.msg})", path=str(path), reason=RecordError.SYNTAX,
                          lineno=e.lineno, problem=e.msg) from None
    except RecordError as e:
        e.path = str(path)
        raise
    return RecordFile(path=p, text=text, documents=tuple(d for d in docs if d is not None))


def _yaml_documents(text: str, *, aliases: bool) -> list:
    import yaml

    from .record import safe_loader

    loader = safe_loader()
    try:
        if not aliases:
            for ev in yaml.parse(text, Loader=loader):
                if isinstance(ev, yaml.AliasEvent):
                    raise RecordError("uses YAML aliases (*name); castdoc never writes them",
                                      reason=RecordError.ALIAS, lineno=ev.start_mark.line + 1)
        return list(yaml.load_all(text, Loader=loader))
    except yaml.constructor.ConstructorError as e:
        tag = getattr(e, "problem", "") or "an unknown tag"
        mark = e.problem_mark or e.context_mark
        raise RecordError(f"refused: the YAML holds a tag castdoc does not load ({tag.strip()})",
                          hint="records are plain data; a Python tag is never executed", reason=RecordError.TAG,
                          lineno=mark.line + 1 if mark else None, problem=e.problem) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise RecordError(f"not valid YAML{where}", reason=RecordError.SYNTAX,
                          lineno=mark.line + 1 if mark else None, problem=problem) from None

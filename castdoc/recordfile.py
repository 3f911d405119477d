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
MAX_RECORD_BYTES = 16 * 1024 * 1024  # a record of a long notice is some 100 kB
# YAML aliases are allowed (hand-written records may use them) but what they expand to is
# counted: nine nested references of nine make an alias bomb of 387 million nodes.
MAX_NODES = 1_000_000
MAX_DEPTH = 200


@dataclass(frozen=True, kw_only=True)
class RecordFile:
    """A record file as read: its text, and its documents as plain data (nulls dropped)."""

    path: Path
    text: str
    documents: tuple


def read_record_file(path: str | Path, *, max_bytes: int | None = MAX_RECORD_BYTES, aliases: bool = True) -> RecordFile:
    """The documents of one record file; JSON by suffix (``.json``, ``.jsonl``), YAML otherwise.

    Only a regular file is read, and at most ``max_bytes`` (counted while reading, so a
    device or /proc file cannot feed it for ever); ``aliases=False`` refuses YAML aliases
    (``*name``), which castdoc never writes: a reader that walks every field of a record
    (``check``'s schema and drift rules) would walk a shared node once per reference.
    With aliases allowed, what they expand to is bounded (``MAX_NODES``), and nesting is
    bounded for YAML and JSON alike (``MAX_DEPTH``): every failure a RecordError."""
    from .parse import NotRegular, Oversize, read_regular

    p = Path(path)
    try:
        data = read_regular(p, max_bytes if max_bytes is not None else 1 << 62)
    except Oversize as e:
        limit = f"{max_bytes // (1024 * 1024)} MB" if (max_bytes or 0) >= 1 << 20 else f"{max_bytes} bytes"
        raise RecordError(f"record file is larger than {limit}; castdoc records are far smaller",
                          path=str(path), reason=RecordError.TOO_LARGE) from None
    except NotRegular as e:
        raise RecordError(f"not a regular file: {e.kind}", path=str(path), reason=RecordError.UNREADABLE,
                          problem=f"not a regular file: {e.kind}") from None
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
        if suffix in (".json", ".jsonl"):
            _json_depth(text)
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
    except RecursionError:
        raise RecordError(f"nested more than {MAX_DEPTH} levels deep; castdoc records are flat", path=str(path),
                          reason=RecordError.SHAPE) from None
    return RecordFile(path=p, text=text, documents=tuple(d for d in docs if d is not None))


def _yaml_documents(text: str, *, aliases: bool) -> list:
    import yaml

    from .record import safe_loader

    loader = safe_loader()
    try:
        if "*" in text:  # no alias without one: the common case costs nothing
            _alias_bound(yaml.parse(text, Loader=loader), aliases=aliases)
        return list(yaml.load_all(text, Loader=loader))
    except (ValueError, OverflowError) as e:  # a timestamp that is no date (2024-13-45), out of range
        raise RecordError(f"not valid YAML: a value that cannot be read ({e})", reason=RecordError.SYNTAX,
                          problem=str(e)) from None
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


def _json_depth(text: str) -> None:
    """Refuse JSON nested past MAX_DEPTH before ``json.loads`` recurses into it (200,000
    ``[`` would exhaust its stack)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = top = 0
    in_str = esc = False
    for ch in text:
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise RecordError(f"nested more than {MAX_DEPTH} levels deep; castdoc records are flat",
                                  reason=RecordError.SHAPE)
        elif ch in "]}":
            depth -= 1


def _alias_bound(events, *, aliases: bool) -> None:
    """Walk the parser's events counting the nodes aliases expand to (an anchor's subtree
    once per reference); refuse any alias when ``aliases`` is False."""
    import yaml

    sizes: dict[str, int] = {}
    stack: list[list] = [[0, None]]
    total = 0
    for ev in events:
        if isinstance(ev, yaml.AliasEvent):
            if not aliases:
                raise RecordError("uses YAML aliases (*name); castdoc never writes them",
                                  reason=RecordError.ALIAS, lineno=ev.start_mark.line + 1)
            n = sizes.get(ev.anchor, 1)
        elif isinstance(ev, yaml.ScalarEvent):
            n = 1
            if ev.anchor:
                sizes[ev.anchor] = 1
        elif isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack.append([1, ev.anchor])
            total += 1
            if len(stack) > MAX_DEPTH:
                raise RecordError(f"nested more than {MAX_DEPTH} levels deep; castdoc records are flat",
                                  reason=RecordError.SHAPE, lineno=ev.start_mark.line + 1)
            continue
        elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            n, anchor = stack.pop()
            if anchor:
                sizes[anchor] = n
            stack[-1][0] += n  # counted in total as its parts came
            continue
        else:
            continue
        stack[-1][0] += n
        total += n
        if total > MAX_NODES:
            raise RecordError(f"its YAML aliases expand past {MAX_NODES:,} values (an alias bomb)",
                              hint="castdoc never writes aliases; write the values out", reason=RecordError.ALIAS,
                              lineno=ev.start_mark.line + 1)

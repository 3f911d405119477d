"""Compiled regular expressions kept between runs of the command line.

Why: castdoc's modules compile some 300 patterns when they are imported (the genre
vocabulary as alternations of hundreds of words), and Python's regex parser and compiler
are pure Python: 0.2-0.3 s of every ``castdoc parse``, half the time of reading one small
notice. What the compiler makes (the code list that sre's C engine runs, the group
numbers and names) depends only on the pattern, its flags and the Python build, so the
command line keeps it in castdoc's private cache folder and hands it to ``_sre.compile``
on the next start, skipping the parser and the compiler.

Safe by construction: an entry is looked up by the exact pattern and flags; the file is
stamped with the Python build and sre's version and checksummed, and any mismatch or damage
means it is ignored (and rewritten); ``_sre.compile`` validates the code it is given. Only
the command line installs it (``install``), for the length of one command: importing
castdoc as a library leaves ``re`` alone.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys

try:  # the internals used: present from 3.11 on; without them nothing is installed
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _sre = _compiler = _parser = None

MAGIC = b"CDREGEX1"
NAME = "regex-{tag}.cache"
MAX_ENTRIES = 4096  # patterns kept, in memory and in the file; castdoc's own are some 300
MAX_PATTERN = 200_000  # characters: longer patterns are compiled every time

_known: dict[tuple, tuple] = {}  # (pattern, flags) -> the rest of _sre.compile's arguments
_new: dict[tuple, tuple] = {}
_original = None  # re's own compiler while the cache is installed
_plain = None  # re's own compiler, once seen
_path: str | None = None


def _stamp() -> bytes:
    """What a cached entry depends on: the interpreter build and sre's code format."""
    return repr((sys.implementation.cache_tag, sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT)).encode()


def _compile(p, flags=0):
    """``re._compiler.compile`` with the cache in front of it (the same arguments)."""
    kind = type(p)
    _fallback = _original or _plain  # _plain: for a thread still in here after uninstall
    if (kind is not str and kind is not bytes) or flags & re.DEBUG or len(p) > MAX_PATTERN:
        return _fallback(p, flags)
    key = (p, int(flags))
    args = _known.get(key)
    if args is not None:
        try:
            return _sre.compile(p, *args)
        except Exception:  # noqa: BLE001 - an entry sre refuses: compile it afresh below
            _known.pop(key, None)
    parsed = _parser.parse(p, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    args = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    try:
        compiled = _sre.compile(p, *args)
    except Exception:  # noqa: BLE001 - an sre of another shape: re's own compiler, uncached
        return _fallback(p, flags)
    if len(_known) < MAX_ENTRIES:  # patterns made from the documents themselves must not grow it without end
        _new[key] = _known[key] = args
    return compiled


def _load(path: str) -> dict:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return {}
    head = len(MAGIC) + 32
    if data[:len(MAGIC)] != MAGIC or hashlib.sha256(data[head:]).digest() != data[len(MAGIC):head]:
        return {}
    try:
        stamp, entries = marshal.loads(data[head:])
    except (ValueError, EOFError, TypeError):
        return {}
    return entries if stamp == _stamp() and isinstance(entries, dict) else {}


def install(folder: str | None) -> None:
    """Put the cache in front of ``re``'s compiler, reading what earlier runs kept in
    ``folder`` (None: a cache for this process only)."""
    global _original, _path, _plain
    if _compiler is None or _original is not None or not hasattr(_compiler, "_code"):
        return
    _path = os.path.join(folder, NAME.format(tag=sys.implementation.cache_tag)) if folder else None
    _known.clear()
    _new.clear()
    if _path:
        _known.update(_load(_path))
    _original = _compiler.compile
    _plain = _original
    _compiler.compile = _compile


def uninstall() -> None:
    """Give ``re`` its own compiler back, and keep what this run compiled anew."""
    global _original
    if _original is None:
        return
    _compiler.compile = _original
    _original = None
    if _path and _new:
        _save(_path, dict(_known))
    _new.clear()


def _save(path: str, entries: dict) -> None:
    """Write the file atomically; one that cannot be written is only rebuilt next time."""
    # the compiler's opcodes are int subclasses (named constants), which marshal cannot write
    plain = {key: (int(f), [int(c) for c in code], int(g), {str(k): int(v) for k, v in gi.items()}, ig)
             for key, (f, code, g, gi, ig) in entries.items()}
    try:
        payload = marshal.dumps((_stamp(), plain))
    except ValueError:  # pragma: no cover - every part is a plain str, int, list, dict or tuple
        return
    from ..writeout import write_cache_file

    write_cache_file(path, MAGIC + hashlib.sha256(payload).digest() + payload, ".regex-")

"""Many inputs: walk folders, parse each file, keep going when one fails.

Results come back in input order whatever happens to one file, so output is
deterministic and a bad file never loses the others.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import CastdocError, ReadError
from .parse import CONVERT_HINTS, READERS, Limits, DEFAULT_LIMITS

DOC_SUFFIXES = tuple(sorted(set(READERS) | set(CONVERT_HINTS)))


@dataclass(frozen=True, kw_only=True)
class Outcome:
    path: str
    records: tuple[dict, ...] = ()
    error: CastdocError | None = None


def expand(paths: Iterable[str], *, glob: str | None = None) -> list[str]:
    """Files as given, folders walked (sorted) for documents castdoc knows, '-' kept."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            pattern = glob or "*"
            found = sorted(
                f for f in path.rglob(pattern)
                if f.is_file() and f.suffix.lower() in READERS and not any(part.startswith(".") for part in f.relative_to(path).parts)
                and not f.name.endswith((".gold.yaml",))
            )
            out.extend(str(f) for f in found)
        else:
            out.append(p)
    return out


def parse_one(path: str, limits: Limits = DEFAULT_LIMITS, debug: bool = False) -> Outcome:
    from .pipeline import parse_path
    from .record import to_dict

    try:
        recs = parse_path(path, limits=limits)
        return Outcome(path=path, records=tuple(to_dict(r) for r in recs))
    except CastdocError as e:
        if e.path is None:
            e.path = path
        return Outcome(path=path, error=e)
    except MemoryError:
        return Outcome(path=path, error=ReadError("out of memory while reading", path=path, hint="lower --max-size or split the file"))
    except Exception as e:  # noqa: BLE001 - one broken file must not stop a batch
        if debug:
            raise
        return Outcome(path=path, error=ReadError(f"internal error ({type(e).__name__}: {e})", path=path,
                                                  hint="run with --debug for a traceback and report it"))


def parse_many(paths: list[str], *, limits: Limits = DEFAULT_LIMITS, debug: bool = False) -> Iterator[Outcome]:
    for p in paths:
        yield parse_one(p, limits, debug)

"""Records in an archive: where each one lives, reading it back safely, writing it in place.

A document's record is ``<stem>.yaml`` beside it, or the same relative path under a
records folder. One record file holds one YAML document per article, in article order.
``source.path`` in a record written here is the document's path relative to the record's
folder, so an archive reads the same wherever it is cloned.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import RecordError
from ..parse import READERS
from ..record import dump_yaml, safe_loader
from ..recordfile import MAX_RECORD_BYTES, read_record_file

RECORD_SUFFIX = ".yaml"
IGNORED_IN_DRIFT = (("castdoc_version",), ("source", "path"), ("source", "encoding"))


def record_path(doc: Path, *, records: Path | None = None, root: Path | None = None) -> Path:
    """Where ``doc``'s record lives: beside it, or mirrored under ``records`` from ``root``."""
    if records is None:
        return doc.with_suffix(RECORD_SUFFIX)
    base = (root or Path.cwd()).absolute()
    try:
        rel = doc.absolute().relative_to(base)
    except ValueError:
        rel = Path(doc.name)
    return records / rel.with_suffix(RECORD_SUFFIX)


def document_candidates(record: Path, *, records: Path | None = None, root: Path | None = None) -> list[Path]:
    """Existing documents a record file may belong to (same stem, any readable suffix)."""
    if records is None:
        folder, stem = record.parent, record.stem
    else:
        try:
            rel = record.absolute().relative_to(records.absolute())
        except ValueError:
            return []
        folder, stem = (root or Path.cwd()) / rel.parent, rel.stem
    out = []
    if folder.is_dir():
        for p in sorted(folder.iterdir()):
            if p.stem == stem and p.suffix.lower() in READERS and p.is_file() and p.suffix.lower() != RECORD_SUFFIX:
                out.append(p)
    return out


@dataclass(frozen=True, kw_only=True)
class LoadedRecord:
    path: Path
    text: str
    records: list[dict]

    @functools.cached_property  # (a frozen dataclass may cache: it goes to the instance's __dict__)
    def lines(self) -> list[dict[str, int]]:
        """Per article: field path -> line. Composed again only when a finding needs a line:
        most records have none, and walking the YAML a second time costs as much as loading it."""
        import yaml

        try:
            return _line_maps(self.text)
        except (yaml.YAMLError, RecursionError, ValueError):  # JSON that YAML will not compose (a raw DEL): no lines
            return []

    def line_of(self, article: int, path: str) -> int | None:
        """The line of a field, or of its nearest enclosing field that exists."""
        if article >= len(self.lines):
            return None
        m = self.lines[article]
        p = path
        while p:
            if p in m:
                return m[p]
            cut = max(p.rfind("."), p.rfind("["))
            p = p[:cut] if cut > 0 else ""
        return m.get("(record)")


def plain(value):
    """YAML's dates back to the ISO strings the schema expects; other values as they are."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def load_record(path: Path) -> LoadedRecord:
    """Read a record file through the one safe loader (no aliases, at most 16 MB); anything
    else is a RecordError worded for check's findings (``cannot read the record: …``)."""
    try:
        f = read_record_file(path, max_bytes=MAX_RECORD_BYTES, aliases=False)
    except RecordError as e:
        raise RecordError(_finding_words(e), reason=e.reason, lineno=e.lineno, problem=e.problem) from None
    if not f.documents:
        raise RecordError("empty record file")
    for n, d in enumerate(f.documents):
        if not isinstance(d, dict):
            raise RecordError(f"article {n} is a {type(d).__name__}, not a mapping of fields")
    return LoadedRecord(path=path, text=f.text, records=[plain(d) for d in f.documents])


def _finding_words(e: RecordError) -> str:
    """What check's finding says about a record the loader refused."""
    if e.reason in (RecordError.MISSING, RecordError.UNREADABLE):
        return f"cannot read: {e.problem}"
    if e.reason == RecordError.NOT_UTF8:
        return "not UTF-8 text"
    if e.reason == RecordError.TAG:
        return (f"not plain YAML data ({(e.problem or 'unknown tag').strip()}); "
                "castdoc reads records with the safe loader and runs nothing")
    if e.reason == RecordError.SYNTAX:
        return f"not valid YAML: {e.problem}"
    return e.message


def _line_maps(text: str) -> list[dict[str, int]]:
    import yaml

    from ..schema import field_path

    out: list[dict[str, int]] = []

    def walk(node, parts: list, m: dict[str, int], line: int) -> None:
        m.setdefault(field_path(parts), line)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, parts + [str(k.value)], m, k.start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, parts + [i], m, item.start_mark.line + 1)

    for node in yaml.compose_all(text, Loader=safe_loader()):
        if node is None:
            continue
        m: dict[str, int] = {}
        walk(node, [], m, node.start_mark.line + 1)
        out.append(m)
    return out


def looks_like_record(obj) -> bool:
    return isinstance(obj, dict) and ("schema_version" in obj or ("source" in obj and "kind" in obj))


def is_record_file(path: Path) -> bool:
    """A .yaml that castdoc wrote (or that claims to be a record): worth checking as an orphan."""
    try:
        return any(looks_like_record(r) for r in load_record(path).records)
    except RecordError:
        return False


def portable(dicts: list[dict], doc: Path, record: Path) -> list[dict]:
    """The same records with ``source.path`` relative to the record's folder."""
    rel = Path(os.path.relpath(doc.absolute(), record.absolute().parent)).as_posix()
    out = []
    for d in dicts:
        d = dict(d)
        src = dict(d.get("source") or {})
        src["path"] = rel
        d["source"] = src
        out.append(d)
    return out


def comparable(d: dict) -> dict:
    """A record without the fields that may differ between equal readings."""
    import copy

    d = copy.deepcopy(d)
    for path in IGNORED_IN_DRIFT:
        cur = d
        for key in path[:-1]:
            cur = cur.get(key) if isinstance(cur, dict) else None
        if isinstance(cur, dict):
            cur.pop(path[-1], None)
    return d


def round_trip(dicts: list[dict]) -> list[dict]:
    """Fresh records as they will read back from YAML, so comparisons see like with like."""
    import yaml

    return [plain(d) for d in yaml.load_all(dump_yaml(dicts), Loader=safe_loader()) if d is not None]


def same_records(stored: list[dict], fresh: list[dict]) -> bool:
    return len(stored) == len(fresh) and all(comparable(a) == comparable(b) for a, b in zip(stored, fresh))


OVERRIDES_SUFFIX = ".overrides.yaml"
_NOT_OVERRIDDEN = ("schema_version", "castdoc_version", "source", "reviewed")


def overrides_path(record: Path) -> Path:
    """Where a person keeps corrections to a record: ``notice.yaml`` -> ``notice.overrides.yaml``."""
    return record.with_name(record.stem + OVERRIDES_SUFFIX)


def read_overrides(record: Path) -> list[dict]:
    """The corrections beside a record, one mapping per article (none when there is no file).
    A file that cannot be read as mappings is a RecordError naming it."""
    path = overrides_path(record)
    if not path.is_file():
        return []
    f = read_record_file(path, max_bytes=MAX_RECORD_BYTES, aliases=False)
    out = []
    for d in f.documents:
        if not isinstance(d, dict):
            raise RecordError("an overrides file holds mappings of record fields (one per article)", path=str(path))
        out.append(plain(d))
    return out


def keep_reviewed(stored: list[dict], fresh: list[dict], overrides: list[dict] = ()) -> list[dict]:
    """Fresh records with a person's corrections kept, so that they survive ``--fix`` and
    ``parse --update`` and their drift is not reported: the fields listed under
    ``reviewed:`` in the stored record (top-level names: ``title``, ``tasks``) as stored,
    then the fields of ``overrides`` (the record's ``.overrides.yaml``) as given there."""
    out = []
    for n, f in enumerate(fresh):
        old = stored[n] if n < len(stored) and isinstance(stored[n], dict) else {}
        fields = old.get("reviewed")
        if not isinstance(fields, list) or not fields:
            out.append(f)
            continue
        f = dict(f)
        for name in fields:
            if not isinstance(name, str) or name in ("schema_version", "castdoc_version", "source", "reviewed"):
                continue
            if name in old:
                f[name] = old[name]
            else:
                f.pop(name, None)
        f["reviewed"] = list(dict.fromkeys(x for x in fields if isinstance(x, str)))
        out.append(f)
    if overrides:
        out = [_overridden(f, overrides[n] if n < len(overrides) else {}) for n, f in enumerate(out)]
    return out


def corrected(stored: list[dict], fresh: list[dict], record: Path) -> tuple[list[dict], RecordError | None]:
    """``keep_reviewed`` with the record's overrides file; its error, when it cannot be read."""
    try:
        return keep_reviewed(stored, fresh, read_overrides(record)), None
    except RecordError as e:
        return keep_reviewed(stored, fresh), e


def _overridden(f: dict, over: dict) -> dict:
    if not over:
        return f
    f = dict(f)
    fields = [k for k in over if k not in _NOT_OVERRIDDEN]
    for k in fields:
        f[k] = over[k]
    f["reviewed"] = list(dict.fromkeys([*(f.get("reviewed") or []), *fields]))
    return f


def write_records(target: Path, dicts: list[dict], *, documents=None) -> bool:
    """Write ``dicts`` to ``target`` atomically; False when it already holds them.

    Refuses (ValueError) to write over a document or over a YAML file that is not a
    castdoc record: a record name is derived from a document name, and a wrong guess
    must never cost a user their file.
    """
    from ..outputs import Inputs
    from ..writeout import write_atomic

    if target.suffix.lower() != RECORD_SUFFIX:
        raise ValueError(f"{target} is not a .yaml record name")
    if isinstance(documents, Inputs):  # the batch's inputs, identified once (outputs.Inputs)
        if documents.covers(target):
            raise ValueError(f"{target} is a source document; not overwritten")
    elif documents and target.absolute() in {d.absolute() for d in documents}:
        raise ValueError(f"{target} is a source document; not overwritten")
    try:
        overrides = read_overrides(target)
    except RecordError as e:
        raise ValueError(f"{e.path}: {e.message}") from None
    dicts = keep_reviewed([], dicts, overrides)
    if target.exists():
        try:
            old = load_record(target)
        except RecordError:
            old = None
        if old is not None:
            if not any(looks_like_record(r) for r in old.records):
                raise ValueError(f"{target} exists and is not a castdoc record; not overwritten")
            dicts = keep_reviewed(old.records, dicts, overrides)  # the overrides file has the last word
            if same_records(old.records, round_trip(dicts)):
                return False
    write_atomic(target, dump_yaml(dicts))
    return True

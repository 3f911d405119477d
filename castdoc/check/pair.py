"""One document and its record checked: read once, every rule run, configuration applied,
--fix done. The unit both the serial run and the worker pool call (castdoc.check.runner)."""
from __future__ import annotations

from pathlib import Path

from ..errors import CastdocError, RecordError
from ..parse import DEFAULT_LIMITS, Limits
from . import RULES
from .config import CheckConfig
from .findings import Finding
from .records import corrected, load_record, portable, write_records
from .targets import _display


def apply_config(findings: list[Finding], cfg: CheckConfig) -> list[Finding]:
    out = []
    for f in findings:
        if cfg.level(f.rule) == "off":
            continue
        if cfg.accepted(f.file, f.rule) or (f.document and cfg.accepted(f.document, f.rule)):
            continue
        level = cfg.severity.get(f.rule)
        out.append(f.with_(severity=level) if level else f)
    return out


def _finding(rule_id: str, *, file: str, message: str, **kw) -> Finding:
    r = RULES[rule_id]
    return Finding(rule=r.id, name=r.name, severity=r.severity, file=file, message=message, **kw)


def _read(doc: Path, limits: Limits):
    """(documents, fresh record dicts) of one file, or raise CastdocError."""
    from ..parse import read_path
    from ..pipeline import build_record, documents_from_raw
    raw = read_path(doc, limits=limits)
    docs = documents_from_raw(raw, path=str(doc), sha256=raw.sha256 or "")
    return docs, [build_record(d).to_dict() for d in docs]


def check_pair(doc: Path, rec: Path, cfg: CheckConfig, *, fix: bool = False, limits: Limits = DEFAULT_LIMITS,
               debug: bool = False, all_documents=None, check_record: bool = True,
               raw_out: list[Finding] | None = None) -> list[Finding]:
    """Every finding for one document and its record, configuration applied, --fix done;
    the findings before configuration are added to ``raw_out`` where it is given."""
    raw, fresh = raw_findings(doc, rec, cfg, limits=limits, debug=debug, check_record=check_record)
    if raw_out is not None:
        raw_out.extend(raw)
    return settle(raw, fresh, rec, cfg, fix=fix, all_documents=all_documents)


def raw_findings(doc: Path, rec: Path, cfg: CheckConfig, *, limits: Limits = DEFAULT_LIMITS, debug: bool = False,
                 check_record: bool = True) -> tuple[list[Finding], list[dict] | None]:
    """The findings of one pair before configuration (what check's state keeps), and the
    fresh records (None when the document could not be read)."""
    from .drift import check_drift
    from .format_rules import check_document
    from .schema_rules import check_schema

    dname, rname = _display(doc), _display(rec)
    found: list[Finding] = []
    fresh: list[dict] | None = None
    try:
        docs, dicts = _read(doc, limits)
        fresh = portable(dicts, doc, rec)
        try:
            for d in docs:
                found.extend(check_document(d, path=dname, era=cfg.era))
        except Exception as e:  # noqa: BLE001 - a rule's bug must not hide the other findings
            if debug:
                raise
            found.append(_finding("CD001", file=dname, message=f"internal error in the format rules ({type(e).__name__}: {e})",
                                  hint="this is a castdoc bug: run with --debug for a traceback and report it"))
    except CastdocError as e:
        found.append(_finding("CD001", file=dname, message=f"cannot read the document: {e.message}", hint=e.hint,
                              unreadable=True))
    except Exception as e:  # noqa: BLE001 - one broken file must not stop the run
        if debug:
            raise
        found.append(_finding("CD001", file=dname, message=f"internal error reading it ({type(e).__name__}: {e})",
                              hint="run with --debug for a traceback and report it", unreadable=True))
    if check_record:
        if not rec.exists():
            found.append(_finding("CD003", file=dname, message=f"no record {rname} for this document",
                                  hint=f"castdoc parse --update {dname} (or castdoc check --fix)",
                                  document=dname, fixable=fresh is not None))
        else:
            try:
                loaded = load_record(rec)
            except RecordError as e:
                found.append(_finding("CD002", file=rname, line=e.lineno, message=f"cannot read the record: {e.message}",
                                      hint=f"castdoc check --fix rewrites it from {dname}", document=dname,
                                      unreadable=True, fixable=fresh is not None))
            else:
                found.extend(check_schema(loaded, file=rname, document=dname))
                if fresh is not None:
                    fresh, bad = corrected(loaded.records, fresh, rec)  # reviewed: and .overrides.yaml: no drift
                    if bad is not None:
                        found.append(_finding("CD002", file=bad.path or rname, document=dname, unreadable=True,
                                              message=f"cannot read the overrides: {bad.message}"))
                    found.extend(check_drift(loaded, fresh, file=rname, document=dname))
    return found, fresh


def settle(raw: list[Finding], fresh: list[dict] | None, rec: Path, cfg: CheckConfig, *, fix: bool = False,
           all_documents=None) -> list[Finding]:
    """Configuration applied to a pair's raw findings, and --fix done where it can be."""
    found = apply_config(raw, cfg)
    if fix and fresh is not None and any(f.fixable for f in found):
        try:
            write_records(rec, fresh, documents=all_documents)
        except (ValueError, OSError) as e:
            found = [f.with_(hint=f"not fixed: {e}") if f.fixable else f for f in found]
        else:
            found = [f.with_(fixed=True) if f.fixable else f for f in found]
    return found


def check_orphan(rec: Path, cfg: CheckConfig) -> list[Finding]:
    from .schema_rules import check_schema

    rname = _display(rec)
    found: list[Finding] = [_finding("CD004", file=rname, message="record without its document",
                                     hint="restore the document beside it, or delete the record")]
    try:
        loaded = load_record(rec)
    except RecordError as e:
        found.append(_finding("CD002", file=rname, line=e.lineno, message=f"cannot read the record: {e.message}",
                              unreadable=True))
    else:
        found.extend(check_schema(loaded, file=rname, document=None))
    return apply_config(found, cfg)

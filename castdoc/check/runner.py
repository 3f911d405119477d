"""One check run over an archive: find documents and records, pair them, run every rule.

Each document is read once; its articles feed the format rules and the fresh records
that drift compares with. Configuration (rules off, severities, accepted exceptions) is
applied per document before ``--fix`` acts, so ``--fix`` repairs only what is reported.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CastdocError, RecordError, UsageError
from ..parse import CONVERT_HINTS, DEFAULT_LIMITS, READERS, Limits
from ..report import Report
from . import RULES
from .config import CheckConfig
from .findings import CheckResult, Finding
from .state import CheckState
from .records import (
    RECORD_SUFFIX,
    document_candidates,
    is_record_file,
    corrected,
    load_record,
    overrides_path,
    portable,
    record_path,
    write_records,
)


@dataclass(kw_only=True)
class _Targets:
    documents: list[Path] = field(default_factory=list)
    records: list[Path] = field(default_factory=list)  # given or found; paired later
    roots: list[Path] = field(default_factory=list)  # folders walked
    explicit: set[Path] = field(default_factory=set)  # record files named on the command line


def _hidden(p: Path, base: Path) -> bool:
    try:
        parts = p.relative_to(base).parts
    except ValueError:
        parts = p.parts
    return any(part.startswith(".") for part in parts)


def collect(paths: list[str], cfg: CheckConfig) -> _Targets:
    from ..batch import expand

    t = _Targets()
    for arg in paths:
        p = Path(arg)
        if not p.exists():
            raise UsageError("no such file or folder", path=arg, hint="check the path")
        if p.is_dir():
            t.roots.append(p)
            t.documents.extend(Path(d) for d in expand([arg]))
            t.records.extend(sorted(y for y in p.rglob("*" + RECORD_SUFFIX) if y.is_file() and not _hidden(y, p)
                                    and not y.name.endswith((".gold.yaml", ".overrides.yaml"))))
        elif p.suffix.lower() == RECORD_SUFFIX:
            t.records.append(p)
            t.explicit.add(p.absolute())
        elif p.suffix.lower() in READERS or p.suffix.lower() in CONVERT_HINTS:
            t.documents.append(p)
        else:
            raise UsageError("not a document or a .yaml record", path=arg,
                             hint=f"castdoc check reads {', '.join(sorted(READERS))} documents and their .yaml records")
    if cfg.records is not None and t.roots and cfg.records.is_dir():
        t.records.extend(sorted(y for y in cfg.records.rglob("*" + RECORD_SUFFIX) if y.is_file()
                                and not _hidden(y, cfg.records)))
    t.documents = [d for d in _unique(t.documents) if not cfg.excluded(d)]
    t.records = [r for r in _unique(t.records) if not cfg.excluded(r)]
    return t


def _unique(paths: list[Path]) -> list[Path]:
    seen: dict[Path, Path] = {}
    for p in paths:
        seen.setdefault(p.absolute(), p)
    return list(seen.values())


def _loads(path: Path) -> bool:
    try:
        load_record(path)
        return True
    except RecordError:
        return False


# ------------------------------------------------------------------ git
def changed_files(ref: str, start: Path) -> set[Path]:
    """Files git reports changed since ``ref`` (plus untracked ones), as absolute paths."""
    git = shutil.which("git")
    if git is None:
        raise UsageError("--changed-since needs git, which is not installed")
    if ref.startswith("-"):
        raise UsageError(f"--changed-since: {ref!r} is not a git revision")
    where = start if start.is_dir() else start.parent

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([git, *args], cwd=where, capture_output=True, text=True, encoding="utf-8", errors="replace")

    top = run("rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise UsageError("--changed-since: not inside a git repository", path=str(where),
                         hint="run castdoc check inside the archive's clone, or drop --changed-since")
    root = Path(top.stdout.strip())
    diff = subprocess.run([git, "diff", "--name-only", "-z", ref, "--"], cwd=root, capture_output=True, text=True,
                          encoding="utf-8", errors="replace")
    if diff.returncode != 0:
        msg = (diff.stderr.strip().splitlines() or ["git diff failed"])[0]
        raise UsageError(f"--changed-since {ref}: {msg}",
                         hint="is the revision fetched? in GitHub Actions use actions/checkout with fetch-depth: 0")
    new = subprocess.run([git, "ls-files", "--others", "--exclude-standard", "-z"], cwd=root, capture_output=True,
                         text=True, encoding="utf-8", errors="replace")
    names = [n for n in diff.stdout.split("\0") if n] + [n for n in new.stdout.split("\0") if n]
    return {(root / n).resolve() for n in names}


# ------------------------------------------------------------------ the run
def _display(p: Path) -> str:
    return str(p)


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


class _PairCheck:
    """The n-th (document, record) pair checked, shaped as the per-file function batch's
    worker pool runs (called with the pair's index as its "path"), so an archive is checked
    on every core, in the same order, with one bad document costing only itself. Its
    payload is (raw findings, findings as reported): the parent keeps the raw ones in
    check's state."""

    runs_the_pipeline = True  # the pool loads castdoc's tables once, before forking workers

    def __init__(self, jobs: list[tuple[Path, Path, bool]], cfg: CheckConfig, *, fix: bool, all_documents: set[Path]):
        self.jobs = jobs
        self.cfg = cfg
        self.fix = fix
        self.all_documents = all_documents

    def findings(self, i: int, *, limits: Limits, debug: bool = False) -> tuple[list[Finding], list[Finding]]:
        doc, rec, first = self.jobs[i]
        raw: list[Finding] = []
        final = check_pair(doc, rec, self.cfg, fix=self.fix, limits=limits, debug=debug,
                           all_documents=self.all_documents, check_record=first, raw_out=raw)
        return raw, final

    def __call__(self, key: str, limits: Limits = DEFAULT_LIMITS, cache=None):
        import time

        from ..batch import Outcome

        t0 = time.perf_counter()
        doc = str(self.jobs[int(key)][0])
        return Outcome(path=doc, payload=self.findings(int(key), limits=limits), seconds=time.perf_counter() - t0)

    def failed(self, i: int, err: CastdocError) -> list[Finding]:
        """A worker that died on, or was stopped in, the pair's document."""
        dname = _display(self.jobs[i][0])
        return apply_config([_finding("CD001", file=dname, message=f"cannot read the document: {err.message}",
                                      hint=err.hint, unreadable=True)], self.cfg)


def _warm_rules() -> None:
    """The rules' modules and the schema validator made here, before the workers fork, so
    that each worker does not import and compile them again (the pool loads the parser's)."""
    from . import drift, format_rules, schema_rules  # noqa: F401
    from ..schema import validate

    try:
        validate({})
    except Exception:  # noqa: BLE001 - only a head start
        pass


def _checked(run: _PairCheck, todo: list[int], *, limits: Limits, debug: bool, jobs: int):
    """(index, raw findings or None, findings) of each pair in ``todo``, in order: in this
    process, or on ``jobs`` workers."""
    if jobs <= 1 or len(todo) < 2 or debug:  # --debug: in this process, where a traceback can show
        for i in todo:
            raw, final = run.findings(i, limits=limits, debug=debug)
            yield i, raw, final
        return
    from ..batch import DEFAULT_TIMEOUT, parse_many

    _warm_rules()
    keys = [str(i) for i in todo]
    for i, out in zip(todo, parse_many(keys, limits=limits, jobs=jobs, timeout=DEFAULT_TIMEOUT, parse=run)):
        if out.error is None:
            yield i, out.payload[0], out.payload[1]
        else:
            yield i, None, run.failed(i, out.error)


def check_paths(paths: list[str], cfg: CheckConfig, *, fix: bool = False, changed_since: str | None = None,
                limits: Limits = DEFAULT_LIMITS, debug: bool = False, jobs: int = 1,
                state: CheckState | None = None) -> CheckResult:
    """Check the pairs and orphans under ``paths``. With ``state``, a pair whose document
    and record are unchanged since its entry is not read again (see castdoc.check.state);
    the state is updated, not saved."""
    targets = collect(paths, cfg)
    changed: set[Path] | None = None
    if changed_since is not None:
        start = Path(paths[0]) if paths else Path.cwd()
        changed = changed_files(changed_since, start.absolute())

    def rec_of(d: Path) -> Path:
        return record_path(d, records=cfg.records, root=cfg.root)

    all_docs = {d.absolute() for d in targets.documents}
    pairs: list[tuple[Path, Path]] = []
    findings: list[Finding] = []
    by_record: dict[Path, Path] = {}
    for d in targets.documents:
        r = rec_of(d)
        key = r.absolute()
        if key in by_record:
            other = by_record[key]
            findings.extend(apply_config([_finding(
                "CD005", file=_display(d), message=f"{_display(other)} and this document share one record name {_display(r)}",
                hint="rename one of them: a record is named after its document's stem")], cfg))
            pairs.append((d, r))  # still format-checked, without a record
            continue
        by_record[key] = d
        pairs.append((d, r))
    claimed = set(by_record)
    orphans: list[Path] = []
    for r in targets.records:
        if r.absolute() in claimed:
            continue
        cands = [c for c in document_candidates(r, records=cfg.records, root=cfg.root)
                 if rec_of(c).absolute() == r.absolute()]
        if cands:
            if cfg.excluded(cands[0]) or cands[0].absolute() in all_docs:
                continue
            pairs.append((cands[0], r))
            by_record[r.absolute()] = cands[0]
            all_docs.add(cands[0].absolute())
        elif is_record_file(r) or (r.absolute() in targets.explicit and not _loads(r)):
            orphans.append(r)  # a YAML file that is not a record (a CI config) is none of check's business
    if changed is not None:
        pairs = [(d, r) for d, r in pairs if d.resolve() in changed or r.resolve() in changed]
        orphans = [r for r in orphans if r.resolve() in changed
                   or any(c.parent == r.parent.resolve() and c.stem == r.stem for c in changed)]
    seen_records: set[Path] = set()
    files: list[str] = []
    jobs_: list[tuple[Path, Path, bool]] = []
    for d, r in pairs:
        first = r.absolute() not in seen_records
        seen_records.add(r.absolute())
        jobs_.append((d, r, first))
        files.append(_display(d))
        if first:
            files.append(_display(r))
    from ..outputs import Inputs

    run = _PairCheck(jobs_, cfg, fix=fix, all_documents=Inputs(all_docs) if fix else all_docs)
    done: dict[int, list[Finding]] = {}
    todo: list[int] = []
    keys: dict[int, tuple] = {}
    for i, (d, r, first) in enumerate(jobs_):
        if state is not None:
            from .state import sha256_of

            shown = (_display(d), _display(r), first)
            hashes = (sha256_of(d), sha256_of(r) if first else None,  # and the record's corrections
                      sha256_of(overrides_path(r)) if first else None)
            if hashes[0] is not None:
                keys[i] = (shown, hashes)
                raw = state.get(d, shown=shown, hashes=hashes)
                if raw is not None:
                    final = settle(raw, None, r, cfg)
                    if not (fix and any(f.fixable for f in final)):  # --fix needs the fresh records
                        done[i] = final
                        continue
        todo.append(i)
    for i, raw, final in _checked(run, todo, limits=limits, debug=debug, jobs=jobs):
        done[i] = final
        if state is not None and raw is not None and i in keys and not any(f.fixed for f in final):
            shown, hashes = keys[i]
            state.put(jobs_[i][0], shown=shown, hashes=hashes, raw=raw)
    for i in range(len(jobs_)):
        findings.extend(done[i])
    for r in orphans:
        findings.extend(check_orphan(r, cfg))
        files.append(_display(r))
    findings.sort(key=lambda f: f.sort_key())
    return CheckResult(findings=tuple(findings), documents=len(pairs), records=len(seen_records) + len(orphans),
                       files=tuple(files))


def run_check(paths: list[str] | None, *, fmt: str = "human", config: Path | None = None,
              select: list[str] | None = None, ignore: list[str] | None = None, records: Path | None = None,
              fix: bool = False, changed_since: str | None = None, limits: Limits = DEFAULT_LIMITS,
              debug: bool = False, jobs: int | None = None, out=None, full: bool = False,
              keep_state: bool = True, profile: str | None = None, stdin: bytes | None = None,
              quiet: bool = False, verbose: bool = False) -> Report:
    """``castdoc check`` as a library call: configuration found, the archive checked, the
    report written to ``out`` (stdout); the Report gives the exit code.

    Unchanged documents are not read again (see castdoc.check.state) unless ``full``;
    ``keep_state=False`` neither reads nor writes the state file."""
    import sys

    from .. import config as settings
    from ..batch import default_jobs
    from .config import load_config, with_cli
    from .output import render

    targets = paths or ["."]
    if "-" in targets and targets != ["-"]:
        raise UsageError("'-' reads one record from standard input: give it alone")
    start = Path.cwd() if targets == ["-"] else Path(targets[0])
    cfg = load_config(config, start=start)
    cfg = with_cli(cfg, select=select, ignore=ignore, records=records, profile=profile)
    names = settings.use(config, start=start if config is None else None).lexicon  # fresh readings as parse reads
    if targets == ["-"]:
        if fix:
            raise UsageError("--fix rewrites record files; a record on standard input has none")
        from .stdin import check_stdin

        result = check_stdin(cfg, sys.stdin.buffer.read() if stdin is None else stdin)
    else:
        state = None
        if keep_state:
            from .state import STATE_NAME, CheckState, run_key, state_folder

            where = state_folder(targets, cfg.file) / STATE_NAME
            key = run_key(era=cfg.era, records=cfg.records, limits=limits, names=names.stamp() if names else "")
            state = CheckState(where, key) if full else CheckState.load(where, key)
        result = check_paths(targets, cfg, fix=fix, changed_since=changed_since, limits=limits, debug=debug,
                             jobs=jobs or default_jobs(), state=state)
        if state is not None:
            state.save()
    if verbose or quiet:
        from .output import for_people

        result = for_people(result, cfg, quiet=quiet, verbose=verbose)
    render(result, fmt, out or sys.stdout)
    return Report.of_check(unreadable=result.unreadable, errors=result.count("error"))

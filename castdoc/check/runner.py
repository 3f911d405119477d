"""One check run over an archive: find documents and records, pair them, run every rule.

Each document is read once; its articles feed the format rules and the fresh records
that drift compares with. Configuration (rules off, severities, accepted exceptions) is
applied per document before ``--fix`` acts, so ``--fix`` repairs only what is reported.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import CastdocError
from ..parse import DEFAULT_LIMITS, Limits
from .config import CheckConfig
from .findings import CheckResult, Finding
from .pair import _finding, apply_config, check_orphan, check_pair, settle
from .records import document_candidates, is_record_file, overrides_path, record_path
from .state import CheckState
from .targets import _display, _loads, changed_files, collect


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

"""What one check run looks at: the documents and records named or found under the paths
given, and (with --changed-since) the files git says changed. Kept apart from the run so
that finding the files reads no document."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RecordError, UsageError
from ..parse import CONVERT_HINTS, READERS
from .config import CheckConfig
from .records import RECORD_SUFFIX, load_record


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



def _display(p: Path) -> str:
    return str(p)

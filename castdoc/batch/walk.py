"""Which files a batch reads (folders walked in pathlib's order, castdoc's own outputs and a
project's README/CHANGELOG/LICENSE left out) and what their outputs are named (one rule)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..parse import CONVERT_HINTS, READERS

# Suffixes a folder walk picks up: what castdoc reads, and document formats it can name a
# conversion for (so a .doc in an archive is reported, not silently skipped).
WALK_SUFFIXES = frozenset(READERS) | (frozenset(CONVERT_HINTS) - {".xls", ".xlsx"})
DOC_SUFFIXES = tuple(sorted(set(READERS) | set(CONVERT_HINTS)))


def expand(paths: Iterable[str], *, glob: str | None = None, on_error=None) -> list[str]:
    """Files as given, folders walked (sorted) for documents, '-' kept.

    ``on_error(folder, OSError)`` hears of each folder that could not be listed (no
    permission): its documents are not in the list, and the user must be told.

    Hidden folders, gold files, project files (README, CHANGELOG, LICENSE …) and castdoc's
    own outputs (the file standard output is writing, a task list or report it wrote) are
    skipped. With ``glob`` the walk keeps the files matching it, whatever their suffix, so
    ``--glob '*.doc'`` reports each .doc and ``--glob 'README*'`` reads a README.
    """
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if not path.is_dir():
            out.append(p)
        elif glob is None:
            writing = being_written()
            out.extend(f for f in _walk(str(path), on_error) if not is_project_file(os.path.basename(f))
                       and not is_own_output(f, writing=writing))
        else:
            found = sorted(
                f for f in path.rglob(glob)
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
                and not f.name.endswith(".gold.yaml")
            )
            out.extend(str(f) for f in found)
    return out


def _walk(top: str, on_error=None) -> list[str]:
    """The documents under ``top`` (a path as pathlib writes it), in the order ``sorted(Path.rglob(...))`` gives (part by
    part), hidden folders and files left out: os.scandir, which a folder of thousands of
    notices answers several times faster than pathlib."""
    found: list[tuple[tuple[str, ...], str]] = []
    head = () if top == "." else (top,)  # as pathlib writes them: README.md, not ./README.md
    stack: list[tuple[str, tuple[str, ...]]] = [(top, ())]
    while stack:
        folder, parts = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as e:
            if on_error is not None:
                on_error(folder, e)
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir(follow_symlinks=False):  # as rglob: linked folders are not walked (no loops)
                    stack.append((e.path, (*parts, e.name)))
                elif (e.is_file() and os.path.splitext(e.name)[1].lower() in WALK_SUFFIXES
                      and not e.name.endswith(".gold.yaml")):
                    found.append(((*parts, e.name), os.path.join(*head, *parts, e.name)))
            except OSError:
                continue
    found.sort()
    return [path for _, path in found]


def output_names(paths: list[str], suffix: str, *, given: Iterable[str] = ()) -> list[str]:
    """One output name per input, by one rule: the input's path below the folder it was
    found in (or as given, when named and relative), with ``suffix`` after its whole name,
    so ``-o DIR`` mirrors the input tree: ``sub/notice.pdf`` -> ``sub/notice.pdf.yaml``;
    standard input is ``stdin`` + suffix. Two inputs that come to one name are the
    sink's to refuse (the rule never bends to a clash)."""
    folders = [Path(g) for g in given if g != "-" and Path(g).is_dir()]
    names = []
    for p in paths:
        if p == "-":
            names.append("stdin" + suffix)
            continue
        path = Path(p)
        rel = None
        for d in folders:
            try:
                rel = path.relative_to(d)
                break
            except ValueError:
                continue
        if rel is None:
            rel = path if not path.is_absolute() and ".." not in path.parts else Path(path.name)
        names.append(rel.as_posix() + suffix)
    return names


# ---------------------------------------------------------------- what a walk leaves out
# A folder's project files are no documents (README.md is read as a bulletin otherwise);
# named on the command line or matched by --glob they are read.
PROJECT_FILES = ("README", "CHANGELOG", "CHANGES", "LICENSE", "LICENCE", "CONTRIBUTING", "AUTHORS")  # not NOTICE: a notice is a document here
# How castdoc's own outputs begin (a task list as Markdown or a table, the HTML report).
_OWN_MARKS = {
    ".md": (b"| deadline | actor | task |",),
    ".txt": ("┏━".encode(), "┌─".encode()),
    ".html": (b'<meta name="generator" content="castdoc',),
    ".htm": (b'<meta name="generator" content="castdoc',),
}


def is_project_file(name: str) -> bool:
    stem = name.split(".", 1)[0].upper()
    return stem in PROJECT_FILES


def being_written() -> set[tuple[int, int]]:
    """(device, inode) of the regular files standard output and error go to: the file a
    ``castdoc tasks . > t.md`` is writing must not be read as an input."""
    out = set()
    for fd in (1, 2):
        try:
            st = os.fstat(fd)
        except OSError:
            continue
        import stat

        if stat.S_ISREG(st.st_mode):
            out.add((st.st_dev, st.st_ino))
    return out


def is_own_output(path: str, *, writing: set[tuple[int, int]] | None = None) -> bool:
    """True for a file castdoc is writing now or wrote as an output (a task list, a report)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    if (st.st_dev, st.st_ino) in (being_written() if writing is None else writing):
        return True
    marks = _OWN_MARKS.get(os.path.splitext(path)[1].lower())
    if not marks:
        return False
    if st.st_size == 0:
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(600).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return False
    return any(m in head for m in marks)


def overwrites_source(target: Path, inputs: Iterable[str]) -> bool:
    """True when writing ``target`` would replace a document castdoc reads or an input."""
    if target.suffix.lower() in READERS or target.suffix.lower() in CONVERT_HINTS:
        return True
    try:
        t = target.resolve()
        return any(p != "-" and Path(p).resolve() == t for p in inputs)
    except OSError:
        return False


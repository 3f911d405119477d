"""Which files a batch reads (folders walked in pathlib's order) and what their outputs are named."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..parse import CONVERT_HINTS, READERS

# Suffixes a folder walk picks up: what castdoc reads, and document formats it can name a
# conversion for (so a .doc in an archive is reported, not silently skipped).
WALK_SUFFIXES = frozenset(READERS) | (frozenset(CONVERT_HINTS) - {".xls", ".xlsx"})
DOC_SUFFIXES = tuple(sorted(set(READERS) | set(CONVERT_HINTS)))


def expand(paths: Iterable[str], *, glob: str | None = None) -> list[str]:
    """Files as given, folders walked (sorted) for documents, '-' kept.

    Hidden folders and gold files are skipped. With ``glob`` the walk keeps the files
    matching it, whatever their suffix, so ``--glob '*.doc'`` reports each .doc.
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
            out.extend(_walk(str(path)))
        else:
            found = sorted(
                f for f in path.rglob(glob)
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
                and not f.name.endswith(".gold.yaml")
            )
            out.extend(str(f) for f in found)
    return out


def _walk(top: str) -> list[str]:
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
        except OSError:
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


def output_names(paths: list[str], suffix: str) -> list[str]:
    """One output file name per input: ``stem + suffix``, unique within the batch.

    ``a.txt`` and ``a.pdf`` would both become ``a.yaml``; when stems clash the whole
    name is kept (``a.txt.yaml``), and a clash left after that gets ``-2``, ``-3`` in
    input order, so no record file overwrites another.
    """
    stems = [("stdin" if p == "-" else Path(p).stem) for p in paths]
    counts: dict[str, int] = {}
    for s in stems:
        counts[s] = counts.get(s, 0) + 1
    names = []
    taken: set[str] = set()
    for p, s in zip(paths, stems):
        base = s if counts[s] == 1 else ("stdin" if p == "-" else Path(p).name)
        name = base + suffix
        k = 2
        while name.lower() in taken:
            name = f"{base}-{k}{suffix}"
            k += 1
        taken.add(name.lower())
        names.append(name)
    return names


def overwrites_source(target: Path, inputs: Iterable[str]) -> bool:
    """True when writing ``target`` would replace a document castdoc reads or an input."""
    if target.suffix.lower() in READERS or target.suffix.lower() in CONVERT_HINTS:
        return True
    try:
        t = target.resolve()
        return any(p != "-" and Path(p).resolve() == t for p in inputs)
    except OSError:
        return False


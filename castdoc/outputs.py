"""The one output guard: every command that writes (``parse -o``/``--update``, ``tasks -o``,
``check --fix``, reports) goes through here, so none writes onto one of its inputs and a
write that fails is one line, never a traceback.

An input is known by its file identity (device and inode, so a symlink or a hard link to
it counts), taken once per command for all inputs together (``Inputs``): asking per
output file about every input made a 10,000-file batch quadratic.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Iterable

from .errors import CastdocError, UsageError


class WriteError(CastdocError, code="write", exit_code=3):
    """An output could not be written (a read-only folder, a full disk, a folder in the way)."""


class Inputs:
    """The identities of a command's inputs, taken once."""

    def __init__(self, paths: Iterable[str | Path]):
        self.ids: set[tuple[int, int]] = set()
        for p in paths:
            if str(p) == "-":
                continue
            try:
                st = os.stat(p)
            except (OSError, ValueError):
                continue
            self.ids.add((st.st_dev, st.st_ino))

    def covers(self, target: str | Path) -> bool:
        """True when ``target`` is (a link to) one of the inputs: one stat, whatever their number."""
        try:
            st = os.stat(target)
        except (OSError, ValueError):
            return False
        return (st.st_dev, st.st_ino) in self.ids


def guard(target: str | Path, inputs: Inputs, *, option: str = "-o") -> None:
    """Raise a UsageError when ``target`` is an input or a folder."""
    if inputs.covers(target):
        raise UsageError(f"is one of the inputs; {option} would overwrite it",
                         path=str(target), hint="write to another file")
    if os.path.isdir(target):
        raise UsageError(f"is a folder; {option} takes a file name", path=str(target), hint="e.g. tasks.csv")


def write_error(e: OSError, target: str | Path, *, hint: str | None = None) -> WriteError:
    """The one line a failed write becomes."""
    why = {
        errno.ENOSPC: ("no space left on the disk", "free some space or write elsewhere"),
        errno.EDQUOT: ("over the disk quota", "free some space or write elsewhere"),
        errno.EACCES: ("permission denied", "choose a folder you can write to"),
        errno.EPERM: ("permission denied", "choose a folder you can write to"),
        errno.EROFS: ("the file system is read-only", "choose a folder you can write to"),
        errno.EISDIR: ("a folder is in the way", "give a file name"),
        errno.EEXIST: ("a part of the path is a file, not a folder", "check the path"),
        errno.ENOTDIR: ("a part of the path is a file, not a folder", "check the path"),
        errno.ENAMETOOLONG: ("the name is too long", "choose a shorter name"),
    }.get(e.errno, (e.strerror or type(e).__name__, None))
    return WriteError(f"cannot write: {why[0]}", path=str(target), hint=hint or why[1])


def write_output(target: str | Path, text: str | bytes, *, inputs: Inputs | None = None, option: str = "-o") -> None:
    """Write ``text`` (or bytes: a spreadsheet) to ``target`` atomically, guarded; every failure a CastdocError."""
    from .writeout import write_atomic_bytes

    if inputs is not None:
        guard(target, inputs, option=option)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if _special(target):
            # -o /dev/stdout, a FIFO, /dev/null: written into, never renamed over (an
            # atomic replace would put a plain file where the device or pipe was)
            with open(target, "wb") as f:
                f.write(data)
        else:
            write_atomic_bytes(target, data)
    except OSError as e:
        raise write_error(e, target) from None


def _special(target: str | Path) -> bool:
    """An existing target that is not a regular file or a folder: a device, a FIFO, a socket."""
    import stat

    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)

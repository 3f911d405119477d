"""Atomic writes: a reader of the target sees the old file or the new one, never half.

The new text is written into an anonymous file (Linux ``O_TMPFILE``) that has no name
until it is complete, so a process killed while writing (``kill -9``, the OOM killer)
leaves nothing behind; it is then linked under a hidden temporary name and renamed over
the target in one step. Where ``O_TMPFILE`` is missing a named temporary file is used and
removed on every exit Python sees. Either way the file gets the mode a plain ``open``
would give it (0666 less the umask), not ``mkstemp``'s 0600.
"""
from __future__ import annotations

import errno
import os
import secrets
import tempfile
from pathlib import Path


def _umask() -> int:
    old = os.umask(0o022)
    os.umask(old)
    return old


def write_atomic(target: Path | str, text: str) -> None:
    """``text`` as UTF-8 into ``target``, atomically."""
    write_atomic_bytes(target, text.encode("utf-8"))


def write_atomic_bytes(target: Path | str, data: bytes) -> None:
    """``data`` into ``target``, atomically (a record, a spreadsheet)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if _write_anonymous(target, data):
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _write_anonymous(target: Path, data: bytes) -> bool:
    """Write through ``O_TMPFILE``; False (nothing done) where the system cannot."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(target.parent, flag | os.O_WRONLY, 0o666)
    except OSError as e:
        if e.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return False  # a file system without it (or an old kernel): the named way
        raise
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            os.link(f"/proc/self/fd/{fd}", tmp)
        except OSError as e:
            if e.errno in (errno.EPERM, errno.EXDEV, errno.ENOENT, errno.EOPNOTSUPP):
                return False
            raise
        try:
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return True
    finally:
        os.close(fd)

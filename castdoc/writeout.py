"""Atomic writes: a reader of the target sees the old file or the new one, never half.

The new text is written into an anonymous file (Linux ``O_TMPFILE``) that has no name
until it is complete, so a process killed while writing (``kill -9``, the OOM killer)
leaves nothing behind; it is then linked under a hidden temporary name and renamed over
the target in one step. Where ``O_TMPFILE`` is missing a named temporary file is used and
removed on every exit Python sees; its name holds the writer's process id, and one
left by a writer that was killed is removed by the next write into that folder. Either
way the file gets the mode a plain ``open`` would give it (0666 less the umask), not
``mkstemp``'s 0600.
"""
from __future__ import annotations

import errno
import os
import re
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
    _sweep(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        _discard(tmp)
        raise
    _rename_over(tmp, target)


def _rename_over(tmp: Path | str, target: Path) -> None:
    """The finished temporary file renamed over ``target``; removed if that fails, so no
    half-made name is left behind (both ways of writing end here)."""
    try:
        os.replace(tmp, target)
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: Path | str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


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
        tmp = target.parent / f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
        if not _link_fd(fd, tmp):
            return False
        _rename_over(tmp, target)
        return True
    finally:
        os.close(fd)


_LINKAT = None


def _link_fd(fd: int, name: Path) -> bool:
    """Give the anonymous file ``fd`` a name: linkat(AT_EMPTY_PATH) where allowed, else
    through /proc/self/fd; False where neither works (some sandboxes)."""
    global _LINKAT
    if _LINKAT is None:
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            _LINKAT = libc.linkat
        except (OSError, AttributeError):
            _LINKAT = False
    if _LINKAT:
        if _LINKAT(fd, b"", -100, os.fsencode(name), 0x1000) == 0:  # AT_FDCWD, AT_EMPTY_PATH
            return True
    try:
        os.link(f"/proc/self/fd/{fd}", name)
        return True
    except OSError as e:
        if e.errno in (errno.EPERM, errno.EXDEV, errno.ENOENT, errno.EOPNOTSUPP, errno.EACCES):
            return False
        raise


_SWEPT: set[str] = set()
_STALE = re.compile(r"^\..+\.(\d+)-[A-Za-z0-9_]+\.tmp$")


def _sweep(folder: Path) -> None:
    """Remove temporary files that writers killed mid-write (``kill -9``) left in
    ``folder``: named ``.<target>.<pid>-<random>.tmp`` for a process that is gone."""
    key = str(folder)
    if key in _SWEPT:
        return
    _SWEPT.add(key)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for e in entries:
        m = _STALE.match(e.name)
        if not m or int(m.group(1)) == os.getpid():
            continue
        try:
            os.kill(int(m.group(1)), 0)
            continue  # its writer is alive
        except ProcessLookupError:
            pass
        except (PermissionError, OverflowError, OSError):
            continue
        try:
            os.unlink(e.path)
        except OSError:
            pass


def write_cache_file(path: str, data: bytes, prefix: str) -> bool:
    """A cache file written atomically in castdoc's private cache folder (mode 0600 from
    mkstemp); False where it could not be, and the cache is only rebuilt next time."""
    try:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=prefix, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return False
    return True

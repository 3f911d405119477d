"""LibreOffice as the fallback for office files the native readers cannot read.

Word 6/95 files, WPS files older than WPS 2005, .rtf and damaged .doc files are read by
converting them to .docx with ``soffice --headless`` when LibreOffice is installed, then
reading the .docx. soffice runs with a time limit and its own profile folder (a user's
running LibreOffice, or two castdoc workers, would otherwise share one profile and block
each other), in a temporary folder removed afterwards. Without LibreOffice the error says
what the native reader found and what to install.
"""
from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ReadError, TimeLimit, UnsupportedFormat
from ..types import RawText

TIME_LIMIT_S = 120
FORMATS = {".doc": "doc", ".wps": "wps", ".rtf": "doc", ".et": "doc", ".dps": "doc"}


def find() -> str | None:
    """The soffice executable, or None (``CASTDOC_SOFFICE`` names one explicitly)."""
    explicit = os.environ.get("CASTDOC_SOFFICE")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def fallback(data: bytes, *, name: str, limits=None, why: str, suffix: str) -> RawText:
    """Convert with soffice and read the result, or raise one line naming what is missing."""
    exe = find()
    if exe is None:
        raise UnsupportedFormat(
            f"cannot read this {suffix} file ({why}), and LibreOffice is not installed to convert it",
            path=name,
            hint="install LibreOffice (soffice on PATH), or save the file as .docx and parse that",
        )
    with tempfile.TemporaryDirectory(prefix="castdoc-soffice-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        out = Path(tmp) / "out"
        profile = Path(tmp) / "profile"
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "docx", "--outdir", str(out), str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIME_LIMIT_S, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise TimeLimit(f"LibreOffice took over {TIME_LIMIT_S} s to convert the file", path=name,
                            hint="open it in an office program and save it as .docx") from None
        except OSError as e:
            raise ReadError(f"cannot run LibreOffice ({e.strerror})", path=name,
                            hint="check the soffice installation, or save the file as .docx") from None
        made = out / "input.docx"
        if not made.is_file():
            raise ReadError(f"LibreOffice could not convert this {suffix} file ({why})", path=name,
                            hint="the file may be damaged; open it in an office program and save it as .docx")
        converted = made.read_bytes()
    from . import docx

    raw = docx.read(converted, name=name, limits=limits)
    return dataclasses.replace(raw, format=FORMATS.get(suffix, "doc"))

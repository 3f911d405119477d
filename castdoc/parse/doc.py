"""Word 97-2003 .doc and WPS .wps: the text read natively from the compound file.

Government inboxes still hold many .doc files, and WPS Office saves .wps in the same
binary format (a compound file with a ``WordDocument`` stream). The text is not stored in
order: the FIB (file information block at the start of ``WordDocument``) points at the
piece table (``Clx``) in the table stream (``0Table`` or ``1Table``, as the FIB says), and
each piece maps a run of character positions to bytes of ``WordDocument``, either 8-bit
("compressed": cp1252, or the ANSI code page of the FIB's language, cp936 for Chinese) or
UTF-16. This module follows the pieces in order and then

- drops field instructions (``0x13`` … ``0x14``) and keeps the field's result (… ``0x15``);
- drops text formatted hidden (``sprmCFVanish`` in the character runs of the FKPs);
- turns paragraph marks (``\\r``), cell marks (``\\x07``), line and page breaks into line
  breaks, and drops the anchors of pictures, footnote marks and drawn objects;
- keeps the header/footer story apart (``RawText.headers``).

What it cannot read (Word 6/95 and older WPS files, encrypted files, a damaged piece
table) is passed to LibreOffice when ``soffice`` is installed (``castdoc.parse.soffice``);
otherwise the error names both ways out.
"""
from __future__ import annotations

import bisect
import io
import struct

from ..errors import MissingDependency, ReadError
from ..types import Block, RawText

# language id → the code page 8-bit pieces are in (Word writes cp1252 for Latin text)
CODEPAGES = {0x0804: "cp936", 0x1004: "cp936", 0x0404: "cp950", 0x0C04: "cp950", 0x1404: "cp950",
             0x0411: "cp932", 0x0412: "cp949"}
MAX_PIECES = 200_000
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"
# anchors and marks without text of their own: pictures, footnote/annotation marks, drawn objects
_DROP = dict.fromkeys(map(ord, "\x00\x01\x02\x03\x04\x05\x06\x08\x1f"), None)
_BREAKS = {"\r": "\n", "\x07": "\n", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\x1e": "-", "\xa0": "\xa0"}


class DocFormatError(Exception):
    """The compound file is not a .doc the native reader understands (why, in words)."""


def read(data: bytes, *, name: str, limits=None) -> RawText:
    try:
        return read_native(data, name=name)
    except DocFormatError as e:
        from . import soffice

        return soffice.fallback(data, name=name, limits=limits, why=str(e), suffix=_suffix(name))


def _suffix(name: str) -> str:
    low = name.lower()
    return ".wps" if low.endswith(".wps") else ".doc"


def read_native(data: bytes, *, name: str) -> RawText:
    """The text of a Word 97-2003 binary document; ``DocFormatError`` when it is another kind."""
    try:
        import olefile
    except ImportError:  # pragma: no cover - a base dependency, missing only in broken installs
        raise MissingDependency("reading .doc needs olefile", path=name, hint="pip install 'olefile>=0.46'") from None
    if not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ReadError(
            "not a Word 97-2003 document (not a compound file)",
            path=name,
            hint="the file is damaged, or another format renamed; open it in Word or WPS and save it as .docx",
        )
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - olefile raises many kinds on damaged files
        raise DocFormatError(f"damaged compound file ({type(e).__name__})") from None
    try:
        streams = {"/".join(s) for s in ole.listdir()}
        if "EncryptedPackage" in streams:
            raise ReadError(
                "the document is password-protected",
                path=name,
                hint="open it with the password and save an unprotected copy",
            )
        if "WordDocument" not in streams:
            raise DocFormatError(_what_ole(streams))
        word = ole.openstream("WordDocument").read()
        fib = _Fib(word)
        table_name = "1Table" if fib.which_table else "0Table"
        if table_name not in streams:
            raise DocFormatError(f"the {table_name} stream is missing")
        table = ole.openstream(table_name).read()
    finally:
        ole.close()
    if fib.encrypted:
        raise ReadError("the document is password-protected", path=name,
                        hint="open it with the password and save an unprotected copy")
    codepage = CODEPAGES.get(fib.lid, "cp1252")
    pieces = _pieces(table, fib)
    hidden = _hidden_runs(word, table, fib)
    body = _text(word, pieces, codepage, hidden, 0, fib.ccp_text)
    head_start = fib.ccp_text + fib.ccp_ftn
    headers = _header_lines(_text(word, pieces, codepage, hidden, head_start, head_start + fib.ccp_hdd))
    return _raw(body, headers, fmt=_suffix(name)[1:])


class _Fib:
    """What the reader needs from the File Information Block (MS-DOC 2.5.1)."""

    def __init__(self, word: bytes) -> None:
        if len(word) < 0x1AA:
            raise DocFormatError("the WordDocument stream is too short for a FIB")
        self._word = word
        ident, self.nfib = struct.unpack_from("<HH", word, 0)
        if ident != 0xA5EC:
            raise DocFormatError("no Word FIB (not a Word 97-2003 document)")
        if self.nfib < 101:  # Word 6/95 keeps its text another way
            raise DocFormatError(f"a Word 6/95 or older file (nFib {self.nfib})")
        self.lid = struct.unpack_from("<H", word, 6)[0]
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        self.encrypted = bool(flags & 0x0100)
        self.which_table = bool(flags & 0x0200)
        pos = 32
        csw = struct.unpack_from("<H", word, pos)[0]
        pos += 2 + 2 * csw
        cslw = struct.unpack_from("<H", word, pos)[0]
        lw = pos + 2
        if cslw < 11 or lw + 4 * cslw + 2 > len(word):
            raise DocFormatError("the FIB is truncated")
        (self.ccp_text, self.ccp_ftn, self.ccp_hdd) = struct.unpack_from("<3i", word, lw + 12)
        pos = lw + 4 * cslw
        cb = struct.unpack_from("<H", word, pos)[0]
        self._fclcb = pos + 2
        if cb < 34 or self._fclcb + 8 * 34 > len(word):
            raise DocFormatError("the FIB is truncated")
        if min(self.ccp_text, self.ccp_ftn, self.ccp_hdd) < 0:
            raise DocFormatError("the FIB's character counts are damaged")
        self.fc_clx, self.lcb_clx = self.pair(33)
        self.fc_bte_chpx, self.lcb_bte_chpx = self.pair(12)

    def pair(self, index: int) -> tuple[int, int]:
        return struct.unpack_from("<II", self._word, self._fclcb + 8 * index)


def _pieces(table: bytes, fib: _Fib) -> list[tuple[int, int, int, bool]]:
    """(cp start, cp end, byte offset, compressed) of each piece, from the Clx."""
    pos, end = fib.fc_clx, fib.fc_clx + fib.lcb_clx
    if fib.lcb_clx == 0 or end > len(table):
        raise DocFormatError("no piece table (Clx) in the table stream")
    while pos < end and table[pos] == 0x01:  # Prc: property modifiers, skipped
        pos += 3 + struct.unpack_from("<H", table, pos + 1)[0]
    if pos >= end or table[pos] != 0x02:
        raise DocFormatError("the piece table (Pcdt) is damaged")
    lcb = struct.unpack_from("<I", table, pos + 1)[0]
    pos += 5
    n = (lcb - 4) // 12
    if n <= 0 or n > MAX_PIECES or pos + lcb > len(table):
        raise DocFormatError("the piece table (PlcPcd) is damaged")
    cps = struct.unpack_from(f"<{n + 1}I", table, pos)
    out = []
    for k in range(n):
        fc = struct.unpack_from("<I", table, pos + 4 * (n + 1) + 8 * k + 2)[0]
        compressed = bool(fc & 0x40000000)
        fc &= 0x3FFFFFFF
        out.append((cps[k], cps[k + 1], fc // 2 if compressed else fc, compressed))
    return out


def _hidden_runs(word: bytes, table: bytes, fib: _Fib) -> list[tuple[int, int]]:
    """Byte ranges of ``WordDocument`` whose character runs are formatted hidden."""
    fc, lcb = fib.fc_bte_chpx, fib.lcb_bte_chpx
    if lcb < 8 or fc + lcb > len(table):
        return []
    n = (lcb - 4) // 8
    pns = struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1))
    runs: list[tuple[int, int]] = []
    for pn in pns[:10000]:
        page = (pn & 0x3FFFFF) * 512
        if page + 512 > len(word):
            continue
        crun = word[page + 511]
        if crun == 0 or 4 * (crun + 1) + crun > 511:
            continue
        fcs = struct.unpack_from(f"<{crun + 1}I", word, page)
        for r in range(crun):
            off = word[page + 4 * (crun + 1) + r] * 2
            if off == 0:
                continue
            cb = word[page + off]
            if _vanish(word[page + off + 1: page + off + 1 + cb]):
                runs.append((fcs[r], fcs[r + 1]))
    runs.sort()
    return runs


def _vanish(grpprl: bytes) -> bool:
    """Does a character property list switch hidden text on (sprmCFVanish 0x083C)?"""
    pos, hidden = 0, False
    while pos + 2 <= len(grpprl):
        sprm = grpprl[pos] | grpprl[pos + 1] << 8
        pos += 2
        spra = sprm >> 13
        size = (1, 1, 2, 4, 2, 2, -1, 3)[spra]
        if size == -1:
            if pos >= len(grpprl):
                break
            size = grpprl[pos] + 1
        if sprm == 0x083C and pos < len(grpprl):
            hidden = grpprl[pos] in (1, 0x81)
        pos += size
    return hidden


def _text(word: bytes, pieces, codepage: str, hidden: list[tuple[int, int]], cp_from: int, cp_to: int) -> str:
    """The characters between two positions, hidden runs left out (as NUL, dropped later)."""
    parts: list[str] = []
    starts = [h[0] for h in hidden]
    for cp0, cp1, off, compressed in pieces:
        lo, hi = max(cp0, cp_from), min(cp1, cp_to)
        if lo >= hi:
            continue
        width = 1 if compressed else 2
        b0 = off + (lo - cp0) * width
        b1 = b0 + (hi - lo) * width
        raw = word[b0:b1]
        if len(raw) < b1 - b0:
            raise DocFormatError("a piece points past the end of the WordDocument stream")
        text = raw.decode(codepage if compressed else "utf-16-le", errors="replace")
        if hidden and len(text) == hi - lo:
            text = _blank_hidden(text, b0, width, hidden, starts)
        parts.append(text)
    return "".join(parts)


def _blank_hidden(text: str, b0: int, width: int, hidden, starts) -> str:
    """Hidden characters become NUL (dropped with the other marks): positions stay put."""
    b1 = b0 + len(text) * width
    k = max(0, bisect.bisect_right(starts, b0) - 1)
    chars = None
    while k < len(hidden) and hidden[k][0] < b1:
        h0, h1 = hidden[k]
        if h1 > b0:
            i0 = max(0, (h0 - b0) // width)
            i1 = min(len(text), -(-(h1 - b0) // width))
            if chars is None:
                chars = list(text)
            for i in range(i0, i1):
                if chars[i] not in "\r\x07":  # a hidden paragraph mark still ends its paragraph
                    chars[i] = "\x00"
        k += 1
    return "".join(chars) if chars is not None else text


def clean(chars: str) -> str:
    """Field instructions out, results kept; marks to line breaks; anchors dropped."""
    out: list[str] = []
    stack: list[bool] = []  # per open field: still inside its instruction?
    for ch in chars:
        if ch == _FIELD_BEGIN:
            stack.append(True)
            continue
        if ch == _FIELD_SEP:
            if stack:
                stack[-1] = False
            continue
        if ch == _FIELD_END:
            if stack:
                stack.pop()
            continue
        if stack and any(stack):
            continue
        out.append(_BREAKS.get(ch, ch))
    return "".join(out).translate(_DROP)


def _header_lines(chars: str) -> list[str]:
    seen: list[str] = []
    for line in clean(chars).split("\n"):
        line = line.strip()
        if line and line not in seen:
            seen.append(line)
    return seen


def _raw(body: str, headers: list[str], *, fmt: str) -> RawText:
    lines = [ln.rstrip() for ln in clean(body).split("\n")]
    kept: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for ln in lines:
        if not ln.strip():
            continue
        kept.append(ln)
        blocks.append(Block(kind="paragraph", start=pos, end=pos + len(ln)))
        pos += len(ln) + 1
    return RawText(text="\n".join(kept), format=fmt, blocks=tuple(blocks), headers=tuple(headers))


def _what_ole(streams: set[str]) -> str:
    if "Workbook" in streams or "Book" in streams:
        return "an Excel spreadsheet, not a Word document"
    if "PowerPoint Document" in streams:
        return "a PowerPoint presentation, not a Word document"
    if any(s.lower().startswith("wksdocument") or s == "WpsContent" for s in streams):
        return "an older WPS file"
    return "a compound file without a WordDocument stream"

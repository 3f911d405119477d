"""Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK and Big5, detected.

Older office files are GB18030 more often than not, and users never know which encoding
they have, so castdoc decides: a BOM wins; then strict UTF-8; Japanese (Shift-JIS, EUC-JP)
and Korean (EUC-KR) are recognised and refused with their names; then GB18030, accepted
only when the result reads as Chinese prose rather than mojibake (``charset``); then Big5.
"""
from __future__ import annotations

from ..errors import ReadError
from ..types import RawText


def decode(data: bytes, *, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    if b"\x00" in data[:4096]:
        raise ReadError("binary data, not text", path=name, hint="is this really a .txt file? check its real format")
    from .charset import foreign_encoding, reads_as_chinese

    foreign = foreign_encoding(data)
    if foreign is not None:
        raise ReadError(f"{foreign[0]} text ({foreign[1]}), not Chinese; castdoc reads Chinese notices", path=name,
                        hint="if it is Chinese after all, save it as UTF-8 (记事本: 另存为 > 编码 UTF-8)")
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_chinese(text) and reads_as_chinese(text):
            return text, enc
    # Mostly UTF-8 with a few bad bytes (a truncated download): keep what can be read.
    bad = utf8_error.end - utf8_error.start
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(3, len(text) // 200) and bad:
        return text, "utf-8 (with errors)"
    raise ReadError(
        "unknown text encoding (not UTF-8, UTF-16, GB18030 or Big5)",
        path=name,
        hint="save the file as UTF-8 (记事本: 另存为 > 编码 UTF-8)",
    )


def _looks_chinese(text: str) -> bool:
    """Real Chinese text is mostly common CJK, punctuation and ASCII; mojibake is not."""
    if not text:
        return False
    sample = text[:20000]
    good = 0
    for ch in sample:
        o = ord(ch)
        if 0x4E00 <= o <= 0x9FFF or o < 0x80 or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’…—·":
            good += 1
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f")
    return good / len(sample) > 0.9 and controls < 5


def read(data: bytes, *, name: str, limits=None) -> RawText:
    text, enc = decode(data, name=name)
    return RawText(text=text, format="txt", encoding=enc)

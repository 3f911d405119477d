"""What reaches a terminal: control and bidirectional-override characters made harmless.

A document, a record or a file name may hold ESC sequences (clear the screen, OSC 8 links,
OSC 52 writes to the clipboard), a carriage return that overwrites a line, or U+202E that
shows text backwards. Whatever castdoc prints for people, or prints as data onto a
terminal, goes through here; what it writes to files and pipes stays exact.

- ``for_terminal``: one character for one (offsets into the text still hold, so styled
  spans stay put): C0 controls as their control pictures (ESC as ␛), C1 controls and
  bidi controls as U+FFFD, a carriage return as a space; newlines and tabs kept;
- ``one_line``: for a message line, every such character (newline included) spelt as
  an escape (``\\n``, ``\\x1b``, ``\\u202e``), so a line stays one line.
"""
from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + "\u2028\u2029]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f" + _BIDI + "\u2028\u2029]")


def _picture(m: re.Match) -> str:
    c = ord(m.group())
    if c == 0x0D:
        return " "
    if c < 0x20:
        return chr(0x2400 + c)
    if c == 0x7F:
        return "\u2421"
    return "\ufffd"


def for_terminal(text: str) -> str:
    """``text`` with each unsafe character replaced by one safe one (same length)."""
    return _UNSAFE.sub(_picture, text) if _UNSAFE.search(text) else text


def _escape(m: re.Match) -> str:
    c = m.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def one_line(text: str) -> str:
    """``text`` with every control, bidi and line-breaking character written as an escape."""
    return _UNSAFE_LINE.sub(_escape, text) if _UNSAFE_LINE.search(text) else text


def is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False

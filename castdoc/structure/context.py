"""The article's lines, and the turning of pieces of them into Mentions of the raw text."""
from __future__ import annotations

from dataclasses import dataclass

from ..lines import Line, is_furniture, lines_of, split_outside
from ..normalise import View
from ..types import Mention


@dataclass(frozen=True, slots=True)
class Placed:
    """A value found on a line: the line's index among ``Context.lines`` places the zones
    that follow it."""

    mention: Mention
    line: int


class Context:
    """The article's view and lines; ``content`` indexes the lines that are not page furniture."""

    def __init__(self, view: View):
        self.view = view
        self.lines = lines_of(view.text)
        self.content = [i for i, ln in enumerate(self.lines) if not is_furniture(ln.text)]

    def mention(self, line: Line, a: int = 0, b: int | None = None) -> Mention:
        a, b = trim(line.text, a, b)
        return self.view.mention(line.start + a, line.start + b)

    def value(self, line: Line, a: int = 0, b: int | None = None) -> str:
        """``self.mention(line, a, b).value``, without building the Mention."""
        a, b = trim(line.text, a, b)
        return self.view.value(line.start + a, line.start + b)

    def before(self, i: int) -> int | None:
        """The content line before content line ``i``, or None at the first."""
        k = self.content.index(i)
        return self.content[k - 1] if k > 0 else None


def trim(text: str, a: int, b: int | None) -> tuple[int, int]:
    """text[a:b] without the white space at its edges."""
    b = len(text) if b is None else b
    while a < b and text[a] in " \t":
        a += 1
    while b > a and text[b - 1] in " \t":
        b -= 1
    return a, b


def split_groups(s: str, seps: str = ",，;；") -> list[tuple[int, int]]:
    """Split at separators that are not inside brackets; return [start, end) pieces."""
    out = split_outside(s, 0, len(s), seps, "([（【〔《", ")]）】〕》")
    return [(a, b) for a, b in out if s[a:b].strip(" 。.、")]

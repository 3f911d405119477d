"""A normalised view of the text that remembers where each character came from.

Rules are written once, against the view: full-width ASCII folded to half-width (so
``：`` and ``:`` match the same pattern), no spaces inside Chinese runs, paragraphs that a
page end or a line end broke in two joined again, one paragraph per line. Every
character of the view keeps the offset of its source character, so anything found in the
view turns back into an exact slice of the text as read.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from .lines import BOILERPLATE, LABEL
from .types import Mention
from .vocab import PAGE_NUMBER, PAGE_NUMBER_FIRST, PARAGRAPH_START, TITLE_TAIL

# Characters dropped outright: zero-width marks, BOM, soft hyphen.
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\r"}
_SPACES = {"\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\t", "\x0b", "\x0c"}
# What step 1 of normalise may drop or change: _DROP, control characters (Cc), lone
# surrogates (Cs), full-width ASCII, _SPACES and the Unicode line breaks. Keep in step with fold().
_SPECIAL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\xa0\xad\u2002\u2003\u2009\u200b-\u200d\u2028\u2029\u2060"
    "\u3000\ufeff\uff01-\uff5e\ud800-\udfff]"
)
# Sentence-final punctuation (after folding): a line that ends with one is a real paragraph end.
_FINAL = set("。！？!?;；:：…”\"’』」)）]】》") | {"。"}
JOIN_MIN = 40  # a line at least this long that stops mid-sentence was broken by layout


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FFFF
        or ch in "〇○、。，“”‘’《》〈〉「」『』【】〔〕·"
    )


def fold(ch: str) -> str:
    """Full-width ASCII and ideographic space to their half-width forms."""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if ch in _SPACES:
        return " "
    if ch in "\u2028\u2029\x85":
        return "\n"
    return ch


def _step1(ch: str) -> str | None:
    """What step 1 of normalise makes of a character _SPECIAL finds: its folded form, or None
    where it drops the character."""
    if ch in _DROP:
        return None
    cat = unicodedata.category(ch)
    if cat == "Cc" and ch not in "\n\t\x0b\x0c":
        return None
    if cat == "Cs":  # lone surrogate from a lenient decode
        return None
    return fold(ch)


# The characters of _SPECIAL that step 1 folds one for one, offsets kept: full-width ASCII
# and spaces (the usual ones), line separators.
_FOLDS = {ch: _step1(ch) for ch in [chr(o) for o in range(0xFF01, 0xFF5F)] + sorted(_SPACES) + ["\u2028", "\u2029"]}


@dataclass(frozen=True, slots=True)
class View:
    """``text`` is the normalised text; ``origin[i]`` is where ``text[i]`` sits in ``raw``.

    ``origin`` has one more entry than ``text``: the end of the view in ``raw``.
    """

    raw: str
    text: str
    origin: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            p = self.origin[min(start, len(self.text))]
            return p, p
        return self.origin[start], self.origin[end - 1] + 1

    def mention(self, start: int, end: int) -> Mention:
        """The exact raw slice behind view[start:end], and its readable value."""
        if 0 <= start < end <= len(self.text):
            rs = self.origin[start]
            re_ = self.origin[end - 1] + 1
            text = self.raw[rs:re_]
            # origins rise one by one: a plain slice
            value = text if re_ - rs == end - start else self._raw_chars(start, end)
            return Mention(start=rs, end=re_, text=text, value=value.strip())
        rs, re_ = self.raw_span(start, end)
        value = "".join(map(self.raw.__getitem__, self.origin[start:end]))
        # A view char that came from a run (e.g. a joined line) keeps the raw char at its origin.
        return Mention(start=rs, end=re_, text=self.raw[rs:re_], value=value.strip())

    def value(self, start: int, end: int) -> str:
        """``self.mention(start, end).value``, without building the Mention."""
        if 0 <= start < end <= len(self.text):
            rs = self.origin[start]
            re_ = self.origin[end - 1] + 1
            if re_ - rs == end - start:
                return self.raw[rs:re_].strip()
            return self._raw_chars(start, end).strip()
        return self.mention(start, end).value

    def _raw_chars(self, start: int, end: int) -> str:
        """The raw characters at ``origin[start:end]`` (0 <= start < end <= len(text)).

        Origins always rise, so they rise one by one except where normalise dropped
        something (blank lines, spaces, a joined line break): copy whole slices of ``raw``
        between those breaks, looking for them line by line.
        """
        raw, origin = self.raw, self.origin
        if end - start <= 16:
            return "".join(map(raw.__getitem__, origin[start:end]))
        text = self.text
        pieces = []
        a = start
        while a < end:
            nl = text.find("\n", a, end)
            b = end if nl < 0 else nl + 1
            while a < b:
                c = b
                if origin[c - 1] - origin[a] != c - 1 - a:  # a break: find where this run ends
                    c = a + bisect.bisect_right(range(a, b), origin[a] - a, key=lambda i: origin[i] - i)
                pieces.append(raw[origin[a]:origin[c - 1] + 1])
                a = c
        return "".join(pieces)

    def index_of(self, raw_offset: int) -> int:
        """The view offset of the first character at or after ``raw_offset`` in the raw text
        (origins rise strictly: the inverse of ``origin``)."""
        return bisect.bisect_left(self.origin, raw_offset)

    def slice(self, start: int, end: int) -> "View":
        """A sub-view whose offsets still point into the whole raw text."""
        return View(self.raw, self.text[start:end], self.origin[start:end] + (self.origin[end],))


def normalise(raw: str) -> View:
    """Build the view of ``raw``; see the module docstring for the rules."""
    # 1. per-character folding; remember origins. Only the characters _SPECIAL finds are
    # dropped or changed: the runs between them are copied as they are.
    folded, origin = _fold_text(raw)

    # 2. split into lines, strip them, drop blank and page-number lines
    lines: list[tuple[int, int]] = []  # [start, end) into folded
    texts: list[str] = []  # the same lines' text
    pos = 0
    for part in folded.split("\n"):
        body = part.strip(" ")
        first = body[:1]
        if body and not ((first in PAGE_NUMBER_FIRST or first.isdecimal() or first.isspace())  # (\d, \s)
                         and PAGE_NUMBER.match(body)):
            s = pos + len(part) - len(part.lstrip(" "))
            lines.append((s, s + len(body)))
            texts.append(body)
        pos += len(part) + 1

    # 3. join lines broken by layout, drop spaces inside Chinese runs. The view is a
    # subsequence of ``folded``: collect it as [start, end) runs of folded offsets, the
    # last one (ra, rb) still open.
    runs: list[tuple[int, int]] = []
    ra = rb = 0
    prev_text = ""
    prev_end = 0
    width = wrap_width(texts)
    for k, (s, e) in enumerate(lines):
        text = texts[k]
        if k and not _joins(prev_text, text, width):
            nl = folded.find("\n", prev_end, s)
            p = nl if nl >= 0 else s
            if p != rb:
                runs.append((ra, rb))
                ra = p
            rb = p + 1
        if " " not in text:
            if s != rb:
                runs.append((ra, rb))
                ra = s
            rb = e
        else:
            spaced = False  # the last piece is a kept space: keep one space per gap
            p = s
            while p < e:
                q = folded.find(" ", p, e)
                if q < 0:
                    q = e
                if q > p:  # a run without spaces: kept whole
                    if p != rb:
                        runs.append((ra, rb))
                        ra = p
                    rb = q
                    spaced = False
                if q < e and not spaced and _keeps_space_at(folded, q, s, e):
                    if q != rb:
                        runs.append((ra, rb))
                        ra = q
                    rb = q + 1
                    spaced = True
                p = q + 1
        prev_text = text
        prev_end = e
    runs.append((ra, rb))
    out_origin: list[int] = []
    for a, b in runs:
        out_origin.extend(origin[a:b])
    out_origin.append(len(raw) if not out_origin else out_origin[-1] + 1)
    if len(runs) == 1:
        return View(raw, folded[ra:rb], tuple(out_origin))
    return View(raw, "".join([folded[a:b] for a, b in runs]), tuple(out_origin))


def _fold_text(raw: str) -> tuple[str, range | list[int]]:
    """Step 1 of normalise: the folded text and the raw offset of each of its characters.

    Most texts only fold (full-width punctuation), which keeps every offset: a few
    ``str.replace`` calls do it and the origins are the identity. Texts with characters
    to drop go character by character through those.
    """
    found = set(_SPECIAL.findall(raw))
    if not found:
        return raw, range(len(raw))
    if found.issubset(_FOLDS):
        folded = raw
        for ch in found:
            folded = folded.replace(ch, _FOLDS[ch])
        return folded, range(len(raw))
    pieces: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(raw):
        i = m.start()
        if i > pos:
            pieces.append(raw[pos:i])
            origin.extend(range(pos, i))
        pos = i + 1
        ch = _step1(raw[i])
        if ch is None:
            continue
        pieces.append(ch)
        origin.append(i)
    if pos < len(raw):
        pieces.append(raw[pos:])
        origin.extend(range(pos, len(raw)))
    return "".join(pieces), origin


def _keeps_space_at(text: str, p: int, s: int, e: int) -> bool:
    """Whether the space at text[p] (inside the line text[s:e]) stays: not between Chinese
    characters, unless it separates Latin words or digits from them (``Python 3``)."""
    left = text[p - 1] if p > s else ""
    q = p
    while q < e and text[q] == " ":
        q += 1
    right = text[q] if q < e else ""
    if (left and is_cjk(left)) or (right and is_cjk(right)):
        if left and right and not (is_cjk(left) and is_cjk(right)) and _keep_space(left, right):
            return True
        if left and right:
            return False
    return True


def _keep_space(left: str, right: str) -> bool:
    """Keep a space between Latin words or digits next to Chinese (``Python 3`` stays)."""
    return left.isascii() and left.isalnum() and right.isascii() and right.isalnum()


def wrap_width(lines: list[str]) -> int | None:
    """The width of hard-wrapped text (a PDF copied line by line: 28 characters a line in
    GB/T 9704 documents), or None when lines are paragraphs.

    Wrapped lines share one length and stop mid-sentence; count only those.
    """
    cut = [len(t) for t in lines if len(t) >= 20 and t[-1] not in _FINAL]
    if len(cut) < 4:
        return None
    counts: dict[int, int] = {}
    for n in cut:
        counts[n] = counts.get(n, 0) + 1
    best = max(counts, key=lambda n: (counts.get(n - 1, 0) + counts[n] + counts.get(n + 1, 0), n))
    near = counts.get(best - 1, 0) + counts[best] + counts.get(best + 1, 0)
    sized = [len(t) for t in lines if len(t) >= 10]
    share = sum(1 for n in sized if best - 1 <= n <= best + 1) / max(1, len(sized))
    if near >= 4 and near >= 0.5 * len(cut) and share >= 0.4 and best < JOIN_MIN + 20:
        return best + 1 if counts.get(best + 1) else best


def _joins(prev: str, line: str, width: int | None = None) -> bool:
    """A long line that stops mid-sentence continues on the next (page, column or wrap end)."""
    wrapped = width is not None and len(prev) >= width - 2
    if not prev or (len(prev) < JOIN_MIN and not wrapped):
        return False
    if prev[-1] in _FINAL or not (is_cjk(prev[-1]) or prev[-1].isalnum() or prev[-1] in ",、"):
        return False
    if PARAGRAPH_START.match(line) or (len(prev) < 60 and PARAGRAPH_START.match(prev) and not wrapped):
        return False
    # Prose that a page end cut has commas or full stops; titles and page furniture do not.
    if not wrapped and not any(c in prev for c in ",。;"):
        return False
    if TITLE_TAIL.search(prev) or (line.endswith(":") and len(line) < 100 and not wrapped):
        return False
    if BOILERPLATE.match(prev) or BOILERPLATE.match(line) or LABEL.match(line):
        return False
    first = line[0]
    return is_cjk(first) or first.isalnum() or first in "“\"(,、，"

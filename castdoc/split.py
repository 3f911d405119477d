"""One file, several articles: a newspaper page holds a notice and a bulletin, a bulletin page
holds several 本报讯 items. Each becomes its own Document.

An article starts at a dateline (本报讯 …) together with the short title lines right above
it, or at a title that follows a signed and dated article (a standalone 成文日期 line).
"""
from __future__ import annotations

import bisect

from .lines import Line, has_title_end, is_date_line, is_dateline, is_furniture, is_title_like, lines_of
from .normalise import View

MIN_ARTICLE_CHARS = 40


def split_points(lines: tuple[Line, ...]) -> list[int]:
    """Indexes of the lines where a new article begins (always 0 first)."""
    starts = [0]
    for i in range(1, len(lines)):
        text = lines[i].text
        if is_dateline(text):
            t = i
            while t - 1 > starts[-1] and i - (t - 1) <= 2 and is_title_like(lines[t - 1].text) and not is_date_line(lines[t - 1].text):
                t -= 1
            if t > starts[-1] and _content(lines[starts[-1]:t]) >= MIN_ARTICLE_CHARS:
                starts.append(t)
        elif (
            is_date_line(lines[i - 1].text)
            and is_title_like(text)
            and (has_title_end(text) or _next_is_body(lines, i + 1))
            and i + 1 < len(lines)
            and _content(lines[starts[-1]:i]) >= MIN_ARTICLE_CHARS
            and _content(lines[i:]) >= MIN_ARTICLE_CHARS  # not a page's footer after a signed article
        ):
            starts.append(i)
    return starts


def _next_is_body(lines: tuple[Line, ...], j: int) -> bool:
    """After a candidate title: a dateline, a recipients line, or a long paragraph."""
    for k in range(j, min(j + 2, len(lines))):
        t = lines[k].text
        if is_dateline(t) or len(t) >= 60:
            return True
        if t.endswith((":", "：")) and len(t) < 200:
            return True
    return False


def _content(lines) -> int:
    """The article text in ``lines``: page furniture (a web page's navigation, a newspaper's
    版面导航) does not make an article of its own."""
    return sum(len(x.text) for x in lines if not is_furniture(x.text))


def split_articles(view: View, hints: tuple[int, ...] = ()) -> list[View]:
    """The articles of ``view``; ``hints`` are raw offsets where the reader saw an article
    begin (a headline on a newspaper page set in columns)."""
    lines = lines_of(view.text)
    if not lines:
        return [view]
    starts = split_points(lines)
    if hints:
        starts = _with_hints(starts, lines, view, hints)
    out = []
    for k, i in enumerate(starts):
        s = 0 if k == 0 else lines[i].start
        e = lines[starts[k + 1]].start if k + 1 < len(starts) else len(view.text)
        out.append(view.slice(s, e))
    return out


def _with_hints(starts: list[int], lines: tuple[Line, ...], view: View, hints: tuple[int, ...]) -> list[int]:
    """Article starts from the text, and from the reader's headlines: a headline starts an
    article when enough text lies before it; a start from the text just below a headline
    (its dateline) gives way to the headline."""
    line_starts = [ln.start for ln in lines]
    marked: set[int] = set()
    for h in hints:
        at = bisect.bisect_left(view.origin, h)
        if at < len(view.text):
            marked.add(max(0, bisect.bisect_right(line_starts, at) - 1))
    out = sorted(set(starts))
    for h in sorted(marked):
        if h in out or h == 0:
            continue
        prev = max(s for s in out if s < h)
        nxt = [s for s in out if s > h]
        if _content(lines[prev:h]) < MIN_ARTICLE_CHARS:
            continue
        if nxt and _content(lines[h:nxt[0]]) < MIN_ARTICLE_CHARS:
            out.remove(nxt[0])  # the dateline below this headline: the article starts here
        out.append(h)
        out.sort()
    return out

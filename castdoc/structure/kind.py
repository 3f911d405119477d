"""Notice or bulletin, and which kind (文种) of notice."""
from __future__ import annotations

import re

from ..lines import has_title_end
from ..webpage import is_meta_line
from ..types import Section
from ..vocab import (
    CLOSING_KIND,
    CLOSING_KIND_ALIAS,
    DOC_TYPE_NAMES,
    DOC_TYPES_TRAD,
    NOTICE_PHRASES,
    NOTICE_TEXT,
    PUBLICITY_PHRASES,
)
from .context import Context, Placed
from .head import Recipients
from .signature import Signature

_NEWS_START = re.compile(r"^\S{0,30}?(?:\d{1,2}月\d{1,2}日|近日|日前)")
_TITLE_NOISE = re.compile(r"\s|[(（][^)）]{1,12}[)）]$")  # spaces, and a note after the kind: 通知(第二号)


def is_notice(ctx: Context, *, number: Placed | None, to: Recipients | None, title: Placed | None,
              sig: Signature | None, dateline: int | None, sections: list[Section]) -> bool:
    """A 公文 shows itself by its head (字号, 主送), a typed title, a signature, its set
    phrases, or numbered sections without a news opening; a dateline makes it news unless
    the head says otherwise."""
    if dateline is not None and not number and not to:
        return False
    return bool(
        number
        or to
        or (title and has_title_end(title.mention.value.replace(" ", "")))
        or (sig and sig.issuer is not None and not _presented_as_news(ctx, title))
        or NOTICE_PHRASES.search(ctx.view.text)
        or (dateline is None and any(s.level == 1 for s in sections) and not _looks_like_news(ctx))
    )


def _presented_as_news(ctx: Context, title: Placed | None) -> bool:
    """A web page's metadata line (发布时间, 来源) right under an untyped title: a news item,
    though its writer signed it at the end."""
    if title is None:
        return False
    lines = ctx.lines
    for k in range(title.line + 1, min(title.line + 3, len(lines))):
        if is_meta_line(lines[k].text):
            return True
    return False


def _looks_like_news(ctx: Context) -> bool:
    head = "".join(ctx.lines[i].text for i in ctx.content[:4])
    return bool(_NEWS_START.match(head))


def doc_type(title: str, text: str) -> str | None:
    """The kind a title ends with; else the one the text's closing formula names."""
    t = _TITLE_NOISE.sub("", title)
    for name in DOC_TYPE_NAMES:
        if t.endswith(name):
            name = DOC_TYPES_TRAD.get(name, name)
            return "通知" if name == "通知书" else name
    m = CLOSING_KIND.search(text)
    if m:
        return CLOSING_KIND_ALIAS.get(m[1], m[1])
    if PUBLICITY_PHRASES.search(text):
        return "公示"
    if NOTICE_TEXT.search(text):
        return "通知"
    return None

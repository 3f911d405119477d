"""Zones of one article: 版头, 主体, 版记 for notices (GB/T 9704-2012); title, dateline,
byline and source line for bulletins.

Works line by line on the normalised view. Each finder is small and independent; the
order in ``structure()`` is the order a reader's eye takes: the head (发文字号, 标题, 主送),
the tail (署名, 成文日期, 版记), then what lies between (sections, attachments). Every
offset it hands on (Mentions, sections, the body span) is an offset into the raw text.
"""
from __future__ import annotations

from ..lines import is_dateline
from ..normalise import View
from ..types import Span, Structure
from .annex import attachments, cc
from .bulletin import bulletin_source
from .context import Context
from .dates import bulletin_date
from .head import doc_number, issuer_from_title, recipients, title
from .issuer import from_colophon, from_doc_number, from_masthead
from .kind import doc_type, is_notice
from .sections import sections
from .signature import signature

__all__ = ["structure"]


def structure(view: View) -> Structure:
    ctx = Context(view)
    lines = ctx.lines
    dateline = next((i for i in ctx.content if is_dateline(lines[i].text)), None)
    number = doc_number(ctx)
    to = recipients(ctx, number.line if number else None)
    sig = signature(ctx)
    heading = title(ctx, number, to, dateline)
    secs = sections(ctx)
    notice = is_notice(ctx, number=number, to=to, title=heading, sig=sig, dateline=dateline, sections=secs)

    issuer = issued = issued_mention = None
    byline = ()
    if notice:
        if sig:
            issuer, issued, issued_mention = sig.issuer, sig.date, sig.date_mention
        if issuer is None:
            issuer = issuer_from_title(ctx, heading)
        if issuer is None:
            first = min((p.line for p in (number, heading) if p is not None), default=None)
            issuer = (from_masthead(ctx, first) or from_colophon(ctx)
                      or from_doc_number(ctx, number.mention if number else None))
    else:
        source = bulletin_source(ctx)
        issuer, byline = source.issuer, source.byline
        if sig and sig.issuer is not None:
            issuer = sig.issuer  # a signed news item: its writer, not the site that relays it
        dated = bulletin_date(ctx, heading.line if heading else None)
        if dated:
            issued, issued_mention = dated.date, dated.mention
        elif sig:
            issued, issued_mention = sig.date, sig.date_mention

    body_line = max(p.line for p in (number, to, heading) if p is not None) + 1 if (number or to or heading) else 0
    body_start = lines[body_line].start if body_line < len(lines) else len(view.text)
    start, end = view.raw_span(body_start, len(view.text))
    return Structure(
        kind="notice" if notice else "bulletin",
        doc_type=doc_type(heading.mention.value if heading else "", view.text) if notice else None,
        title=heading.mention if heading else None,
        doc_number=number.mention if number else None,
        issuer=issuer,
        issued=issued,
        issued_mention=issued_mention,
        recipients=to.mentions if to else (),
        sections=tuple(secs),
        attachments=tuple(attachments(ctx)),
        cc=tuple(cc(ctx)),
        byline=byline,
        body=Span(start=start, end=end),
        head_lines=body_line,
    )

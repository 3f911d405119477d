"""The report page: a deadline timeline, the task table and one card per document.

Every value from a document is escaped; nothing from a document becomes a link or an
attribute that loads anything (a 网址 in a notice stays text), so the page can never
reach the network. Links are fragments within the page (#doc-3).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from .. import __version__
from ..types import Record
from .assets import SCRIPT, STYLE
from .highlight import KINDS, LABELS, marked

SOON_DAYS = 14  # "upcoming" in the timeline: due within two weeks
OVERDUE_SHOWN_DAYS = 60  # older overdue tasks are counted in the timeline, listed in the table


@dataclass(frozen=True, kw_only=True)
class Item:
    """One document in the report: its record, its text when it could be read, its card id."""

    record: Record
    text: str | None
    anchor: str


def status(due: dt.date | None, today: dt.date) -> str:
    if due is None:
        return "undated"
    if due < today:
        return "overdue"
    return "soon" if (due - today).days <= SOON_DAYS else "later"


def _left(due: dt.date, today: dt.date) -> str:
    n = (due - today).days
    if n < 0:
        return f"逾期 {-n} 天"
    return "今天截止" if n == 0 else f"还有 {n} 天"


def page(items: list[Item], rows: list, *, today: dt.date, title: str = "castdoc report") -> str:
    anchors = {(it.record.source.path, it.record.title or ""): it.anchor for it in items}
    by_path = {it.record.source.path: it.anchor for it in items}

    def anchor_of(row) -> str | None:
        return anchors.get((row.source, row.title or "")) or by_path.get(row.source)

    counts = {s: sum(1 for r in rows if status(r.task.deadline, today) == s) for s in ("overdue", "soon", "later",
                                                                                         "undated")}
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta name="generator" content="castdoc {escape(__version__)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{len(items)} 份文件 · {len(rows)} 项任务 · 截至 {today.isoformat()}</p>',
        '<p class="counts">'
        f'<span class="status-overdue">已逾期 {counts["overdue"]}</span>'
        f'<span class="status-soon">{SOON_DAYS} 天内到期 {counts["soon"]}</span>'
        f'<span>之后到期 {counts["later"]}</span><span>未注明期限 {counts["undated"]}</span></p>',
    ]
    out += _timeline(rows, today, anchor_of)
    out += _table(rows, today, anchor_of)
    out += _cards(items)
    out += [f"<script>{SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(out)


def _timeline(rows, today, anchor_of) -> list[str]:
    dated = sorted((r for r in rows if r.task.deadline is not None), key=lambda r: (r.task.deadline, r.source))
    out = ['<section id="timeline">', "<h2>截止日期</h2>"]
    if not dated:
        return out + ["<p>没有注明期限的任务。</p>", "</section>"]
    old = [r for r in dated if (today - r.task.deadline).days > OVERDUE_SHOWN_DAYS]
    dated = dated[len(old):]
    if old:
        out.append(f'<p class="status-overdue">另有 {len(old)} 项任务逾期 {OVERDUE_SHOWN_DAYS} 天以上，见下方任务表。</p>')
    out.append('<ol class="timeline">')
    marked_today = False
    for r in dated:
        due = r.task.deadline
        if not marked_today and due >= today:
            out.append(f'<li class="today">今天 {today.isoformat()}</li>')
            marked_today = True
        st = status(due, today)
        a = anchor_of(r)
        doc = f'<a href="#{a}">{escape(r.documents())}</a>' if a else escape(r.documents())
        actor = f"{escape(r.task.actor)}：" if r.task.actor else ""
        out.append(
            f'<li class="{st}"><span class="when">{due.isoformat()}{" " + escape(r.task.deadline_time) if r.task.deadline_time else ""}</span>'
            f'<span class="left">{_left(due, today)}</span><br>{actor}{escape(_short(r.task.text))}'
            f"<br><small>{doc}</small></li>"
        )
    if not marked_today:
        out.append(f'<li class="today">今天 {today.isoformat()}</li>')
    return out + ["</ol>", "</section>"]


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _table(rows, today, anchor_of) -> list[str]:
    out = [
        '<section id="task-list">',
        "<h2>任务</h2>",
        '<div class="filters">',
        '<label><input type="radio" name="show" id="show-all" checked> 全部</label>',
        '<label><input type="radio" name="show" id="show-overdue"> 已逾期</label>',
        '<label><input type="radio" name="show" id="show-upcoming"> 未到期</label>',
        '<label><input type="radio" name="show" id="show-undated"> 未注明期限</label>',
        '<input type="search" id="filter" placeholder="筛选：单位、任务、文件…" hidden>',
        "</div>",
        '<table id="tasks">',
        "<thead><tr><th>截止</th><th>状态</th><th>责任单位</th><th>任务</th><th>文件</th><th>联系人</th></tr></thead>",
        "<tbody>",
    ]
    words = {"overdue": "已逾期", "soon": "即将到期", "later": "未到期", "undated": "—"}
    for r in rows:
        t = r.task
        st = status(t.deadline, today)
        key = t.deadline.isoformat() if t.deadline else "9999"
        a = anchor_of(r)
        doc = f'<a href="#{a}">{escape(r.documents())}</a>' if a else escape(r.documents())
        out.append(
            f'<tr class="{st}"><td class="due" data-key="{key}">{escape(r.due())}</td>'
            f'<td class="status-{st}" data-key="{["overdue", "soon", "later", "undated"].index(st)}">{words[st]}</td>'
            f"<td>{escape(t.actor or '')}</td><td>{escape(t.text)}</td><td>{doc}</td>"
            f"<td>{escape(t.contact or '')}</td></tr>"
        )
    return out + ["</tbody>", "</table>", "</section>"]


def _cards(items: list[Item]) -> list[str]:
    out = ['<section id="documents">', "<h2>文件</h2>",
           '<p class="legend">' + "".join(f'<mark class="{k}">{LABELS[k]}</mark>' for k in KINDS) + "</p>",
           '<div class="cards">']
    by_path = {it.record.source.path: it.anchor for it in items}
    for it in items:
        r = it.record
        rows = [
            ("发文机关", r.issuer), ("发文字号", r.doc_number), ("日期", r.issued.isoformat() if r.issued else None),
            ("主送", "、".join(r.recipients) or None),
            ("联系人", "；".join(" ".join(x for x in (c.name, c.phone, c.email, c.address) if x) for c in r.contacts) or None),
            ("附件", "；".join(r.attachments) or None),
            ("平台", "、".join(n.name for n in r.platforms) or None),
            ("计划/行动", "、".join(n.name for n in r.initiatives) or None),
            ("来源", r.source.path),
        ]
        dl = "".join(f"<dt>{k}</dt><dd>{escape(v)}</dd>" for k, v in rows if v)
        if r.forwards is not None:
            f = r.forwards
            what = escape(" ".join(x for x in (f.issuer, f"《{f.title}》" if f.title else None, f.doc_number) if x))
            target = by_path.get(f.path) if f.path else None
            link = f'<a href="#{target}">{what}</a>' if target else what
            dl += f"<dt>转发</dt><dd>{link}</dd>"
        text = (f'<details><summary>全文</summary><div class="text">{marked(it.text, r)}</div></details>'
                if it.text else "")
        out.append(f'<article class="doc" id="{it.anchor}"><h3>{escape(r.title or r.source.path)}</h3>'
                   f"<dl>{dl}</dl>{text}</article>")
    return out + ["</div>", "</section>"]

"""`castdoc show`: a document in the terminal, what castdoc found in it highlighted.

Reading a record next to its document is how a reader checks castdoc; here the two are one
view. The article's text is printed as read, with the spans the record points at (people,
dates, platforms, initiatives: offsets into the raw text) styled in place, then a summary
panel. Document text goes through ``rich.text.Text``, never through markup, so brackets
in a notice cannot turn into styles.
"""
from __future__ import annotations

from pathlib import Path

from .errors import UsageError

STYLES = {
    "person": "bold magenta",
    "date": "bold cyan",
    "date-open": "cyan underline",  # a date found but not dated: no year known
    "platform": "bold green",
    "initiative": "bold yellow",
}
LEGEND = (("person", "人名 people"), ("date", "日期 dates"), ("date-open", "无年份 no year"),
          ("platform", "平台 platforms"), ("initiative", "计划 initiatives"))


def show(path: str | Path, *, article: int | None = None, console=None, summary_panel: bool = True,
         base_date=None) -> int:
    """Print every article of ``path`` (or only ``article``, counted from 0); returns how many."""
    from rich.console import Console

    from .parse import read_path
    from .pipeline import build_record, documents_from_raw

    raw = read_path(path)
    docs = documents_from_raw(raw, path=str(path), sha256="", base_date=base_date)
    if article is not None:
        if not 0 <= article < len(docs):
            raise UsageError(
                f"no article {article}", path=str(path),
                hint=f"this file holds {len(docs)} article{'s' if len(docs) != 1 else ''}, numbered from 0",
            )
        docs = [docs[article]]
    from .terminal import one_line

    console = console or Console(highlight=False)
    for doc in docs:
        rec = build_record(doc)
        console.rule(f"{one_line(Path(str(path)).name)} · article {doc.source.article} of {doc.source.articles}", style="dim")
        console.print(highlighted(doc, rec))
        if summary_panel:
            console.print(summary(rec))
    return len(docs)


def spans_of(doc, rec) -> list[tuple[int, int, str]]:
    """(start, end, kind) in the raw text for every mention the record points at."""
    raw = doc.view.raw
    lo, hi = doc.view.origin[0], doc.view.origin[-1]
    out: list[tuple[int, int, str]] = []

    def every(name: str, first: int, kind: str) -> None:
        if not name:
            return
        i = raw.find(name, lo)
        found = False
        while 0 <= i < hi:
            out.append((i, i + len(name), kind))
            found = found or i == first
            i = raw.find(name, i + len(name))
        if not found and lo <= first < hi and raw.startswith(name, first):
            out.append((first, first + len(name), kind))

    for p in rec.people:
        every(p.name, p.first, "person")
    for d in rec.dates:  # every date found, dated or not
        out.append((d.mention.start, d.mention.end, "date" if d.start is not None else "date-open"))
    for n in rec.platforms:
        every(n.name, n.first, "platform")
    for n in rec.initiatives:
        every(n.name, n.first, "initiative")
    return [(max(a, lo), min(b, hi), k) for a, b, k in out if b > lo and a < hi]


def highlighted(doc, rec):
    """The article's raw text as a rich Text, the record's spans styled."""
    from rich.text import Text

    from .terminal import for_terminal

    lo, hi = doc.view.origin[0], doc.view.origin[-1]
    # escaped one character for one, so the record's offsets still fall on their spans
    text = Text(for_terminal(doc.view.raw[lo:hi].strip("\n")))
    shift = lo + (len(doc.view.raw[lo:hi]) - len(doc.view.raw[lo:hi].lstrip("\n")))
    # longer spans first, so a date inside a platform name still shows as a date on top
    for a, b, kind in sorted(spans_of(doc, rec), key=lambda s: s[0] - s[1]):
        text.stylize(STYLES[kind], a - shift, b - shift)
    return text


def date_counts(dates) -> str | None:
    """12 dated (3 counted from the document's date), 2 without a year, 1 weekday mismatch."""
    if not dates:
        return None
    dated = [d for d in dates if d.start is not None]
    parts = [f"{len(dated)} dated"]
    rel = sum(1 for d in dated if d.relative)
    if rel:
        parts[0] += f" ({rel} counted from the document's date)"
    supplied = sum(1 for d in dated if d.year_supplied)
    if supplied:
        parts.append(f"{supplied} with the year from --base-date")
    if len(dates) > len(dated):
        parts.append(f"{len(dates) - len(dated)} without a year")
    warned = sum(1 for d in dates if d.warning)
    if warned:
        parts.append(f"{warned} weekday mismatch{'es' if warned > 1 else ''}")
    return ", ".join(parts)


def summary(rec):
    """A panel: what kind of document, from whom, when, and what was found."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()

    from .terminal import for_terminal

    def row(label: str, value) -> None:
        if value not in (None, "", (), []):
            grid.add_row(for_terminal(label), Text(for_terminal(str(value)), overflow="fold"))

    row("kind", f"{rec.kind}" + (f" · {rec.doc_type}" if rec.doc_type else ""))
    row("title", rec.title)
    row("number", rec.doc_number)
    row("issuer", rec.issuer)
    row("issued", rec.issued.isoformat() if rec.issued else None)
    row("to", "; ".join(rec.recipients))
    counts = [
        (len(rec.people), "people"), (len(rec.dates), "dates"), (len(rec.tasks), "tasks"),
        (len(rec.platforms), "platforms"), (len(rec.initiatives), "initiatives"), (len(rec.contacts), "contacts"),
        (len(rec.attachments), "attachments"),
    ]
    row("found", ", ".join(f"{n} {label}" for n, label in counts))
    row("dates", date_counts(rec.dates))
    row("people", "、".join(p.name + (f"({'、'.join(p.roles)})" if p.roles else "") for p in rec.people))
    row("platforms", "、".join(n.name for n in rec.platforms))
    row("initiatives", "、".join(n.name for n in rec.initiatives))
    row("keywords", " ".join(k.term for k in rec.keywords))
    dated = [t for t in rec.tasks if t.deadline]
    for t in dated[:10]:
        text = t.text if len(t.text) <= 60 else t.text[:59] + "…"
        row("due " + t.deadline.isoformat(), (f"{t.actor}: " if t.actor else "") + text)
    if len(dated) > 10:
        row("", f"… and {len(dated) - 10} more dated tasks")
    legend = Text("  ").join(Text(label, style=STYLES[kind]) for kind, label in LEGEND)
    grid.add_row("", legend)
    return Panel(grid, title="summary", title_align="left", expand=False)

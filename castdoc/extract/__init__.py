"""Extractors: one module per field, run in the order of ``EXTRACTORS``.

Each extractor is a pure function ``extract(doc, found) -> tuple`` of the document and the
fields found before it (``found``: a frozen ``Found``, e.g. tasks read its dates and
contacts). No I/O, no printing, no module state beyond the shared, lazily built NLP
resources.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Callable

from . import dates, keywords, named, people, periods, tables


@dataclass(frozen=True, slots=True, kw_only=True)
class Found:
    """What the extractors found, field by field; a field not (yet) run is empty."""

    dates: tuple = ()
    people: tuple = ()
    named: tuple = ()  # (platforms, initiatives)
    keywords: tuple = ()
    periods: tuple = ()  # plan periods and bare years, which are not dates
    contacts: tuple = ()
    tasks: tuple = ()

    def items(self) -> list[tuple[str, tuple]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self)]


# field -> extractor; the order matters (dates and contacts before tasks).
EXTRACTORS: dict[str, Callable[..., tuple]] = {
    "dates": dates.extract,
    "people": people.extract,
    "named": named.extract,
    "keywords": keywords.extract,
    "periods": periods.extract,
    "contacts": tables.contacts_with_tables,  # contacts.extract, and contact tables
    "tasks": tables.tasks_with_tables,  # tasks.extract, and tables of duties
}


def run_all(doc, *, only: tuple[str, ...] | None = None) -> Found:
    found = Found()
    for name, extract in EXTRACTORS.items():
        if only is None or name in only:
            found = replace(found, **{name: extract(doc, found)})
    return found

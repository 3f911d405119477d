"""Extractors: one module per field, run in this order.

Each extractor is a pure function ``extract(doc, found) -> tuple`` of the document and the
fields found before it (``found``: read-only mapping, e.g. tasks use dates). No I/O, no
printing, no module state beyond the shared, lazily built NLP resources.
"""
from __future__ import annotations

import importlib
from types import MappingProxyType

# field -> module under castdoc.extract; the order matters (dates before tasks).
EXTRACTORS: dict[str, str] = {
    "dates": "dates",
    "people": "people",
    "named": "named",  # platforms and initiatives
    "keywords": "keywords",
    "periods": "periods",  # plan periods and bare years, which are not dates
    "tasks": "tasks",
}


def run_all(doc, *, only: tuple[str, ...] | None = None) -> MappingProxyType:
    found: dict[str, object] = {}
    for name, module in EXTRACTORS.items():
        if only is not None and name not in only:
            found[name] = ()
            continue
        mod = importlib.import_module(f"{__name__}.{module}")
        found[name] = mod.extract(doc, MappingProxyType(found))
    return MappingProxyType(found)

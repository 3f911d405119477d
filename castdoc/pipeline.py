"""read → normalise → split → structure → extract → record, for one input.

The one place that strings the stages together; the CLI, ``tasks`` and ``check`` call it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from .document import Document
from .extract import run_all
from .normalise import normalise
from .parse import DEFAULT_LIMITS, Limits, read_bytes, read_path
from .split import split_articles
from .structure import structure
from .structure.forward import read_forward
from .types import RawText, Record, Source


def parse_path(path: str | Path, *, limits: Limits = DEFAULT_LIMITS, base_date: dt.date | None = None) -> list[Record]:
    """All records (one per article) of one file; raises CastdocError on bad input.
    ``base_date``: what an article with no dated anchor of its own is read against."""
    raw = read_path(path, limits=limits)
    return records_from_raw(raw, path=str(path), sha256=_sha256_of(path, raw), base_date=base_date)


def parse_bytes(data: bytes, *, name: str = "<bytes>", suffix: str | None = None, limits: Limits = DEFAULT_LIMITS,
                base_date: dt.date | None = None) -> list[Record]:
    raw = read_bytes(data, name=name, suffix=suffix, limits=limits)
    return records_from_raw(raw, path=name, sha256=raw.sha256, base_date=base_date)


def parse_text(text: str, *, name: str = "<text>", base_date: dt.date | None = None) -> list[Record]:
    raw = RawText(text=text, format="txt", encoding="utf-8")
    return records_from_raw(raw, path=name, sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                            base_date=base_date)


def _sha256_of(path, raw: RawText) -> str:
    """The file's hash, as read (what archives and caches key on); the text's for standard input."""
    if str(path) != "-" and raw.sha256:
        return raw.sha256
    return hashlib.sha256(raw.text.encode("utf-8", "surrogatepass")).hexdigest()


def _named_encoding(enc: str | None) -> str | None:
    """The encoding a record names: only where it is not plain UTF-8 (the default, which
    every other record would repeat), so a reader of the record knows the text was decoded."""
    if not enc or enc.lower() in ("utf-8", "utf8", "utf-8-sig", "ascii"):
        return None
    return enc


def documents_from_raw(raw: RawText, *, path: str, sha256: str, base_date: dt.date | None = None) -> list[Document]:
    view = normalise(raw.text)
    articles = split_articles(view, tuple(b.start for b in raw.blocks if b.kind == "article"))
    docs = []
    for n, art in enumerate(articles):
        st = structure(art)
        source = Source(path=path, format=raw.format, sha256=sha256, article=n, articles=len(articles),
                        encoding=_named_encoding(raw.encoding),
                        ocr_pages=raw.ocr_pages, ocr_confidence=raw.ocr_confidence)
        docs.append(Document(source=source, view=art, structure=st, reference=st.issued, headers=raw.headers,
                             base_date=base_date))
    return docs


def records_from_raw(raw: RawText, *, path: str, sha256: str, base_date: dt.date | None = None) -> list[Record]:
    return [build_record(doc) for doc in documents_from_raw(raw, path=path, sha256=sha256, base_date=base_date)]


def build_record(doc: Document) -> Record:
    st = doc.structure
    found = run_all(doc)
    platforms, initiatives = found.named or ((), ())
    return Record(
        source=doc.source,
        kind=st.kind,
        doc_type=st.doc_type,
        title=st.title.value if st.title else None,
        doc_number=st.doc_number.value if st.doc_number else None,
        # joint signers stand apart on one line ("某省科协  某省教育厅"): keep them apart
        issuer=" ".join(st.issuer.text.split()) if st.issuer else None,
        issued=st.issued,
        recipients=tuple(m.value for m in st.recipients),
        people=found.people,
        dates=found.dates,
        tasks=found.tasks,
        platforms=tuple(platforms),
        initiatives=tuple(initiatives),
        contacts=found.contacts,
        attachments=_unique(m.value for m in st.attachments),
        cc=_unique(m.value for m in st.cc),
        byline=_unique(" ".join(m.text.split()) for m in st.byline),
        sections=st.sections,
        keywords=found.keywords,
        periods=found.periods,
        forwards=read_forward(st.title.value if st.title else None, doc.text,
                              own_number=st.doc_number.value if st.doc_number else None),
    )


def _unique(values) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return tuple(seen)

"""The values that travel between stages.

Every stage hands the next frozen dataclasses, never dicts, so a stage cannot quietly
change what an earlier one produced. Offsets always point into the text *as read*
(``RawText.text``): a quoted value in a record can be traced back to the exact place it
came from, whatever normalisation did in between.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True, slots=True)
class Span:
    """Where a stretch of the text runs, ``[start, end)``, without its characters: what a
    stage needs to find a zone again (Structure.body) without copying it."""

    start: int
    end: int


@dataclass(frozen=True, kw_only=True, slots=True)
class Mention:
    """A piece of the text as read: ``text == raw[start:end]`` always holds.

    ``value`` is the same characters with the white space that normalisation removed
    (line breaks at page ends, spaces inside Chinese runs) taken out; records show
    ``value`` so that a title broken over two lines still reads as one title.
    """

    start: int
    end: int
    text: str
    value: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Block:
    """A layout hint from a reader: where a paragraph, heading, row or page break sits."""

    kind: str  # paragraph | heading | table_row | page_break | header | footer | textbox | rule (red, under a 版头) | article (a headline opens one)
    start: int
    end: int
    page: int | None = None
    style: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class RawText:
    """What a reader returns: the text exactly as obtained, plus layout hints."""

    text: str
    format: str  # txt | docx | pdf | html
    blocks: tuple[Block, ...] = ()
    encoding: str | None = None
    pages: int | None = None
    headers: tuple[str, ...] = ()  # docx headers/footers, PDF running heads: kept apart
    sha256: str | None = None  # of the bytes read (set by castdoc.parse.read_bytes): hashed once, as read
    ocr_pages: tuple[int, ...] = ()  # pages (from 1) read by OCR: scans
    ocr_confidence: float | None = None  # the OCR's mean confidence over those pages


@dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    path: str
    format: str
    sha256: str
    article: int = 0
    articles: int = 1
    encoding: str | None = None  # of a text or HTML file, where it was not UTF-8 (GB18030, Big5, UTF-16)
    ocr_pages: tuple[int, ...] = ()  # pages of the file read by OCR (from 1)
    ocr_confidence: float | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class DateValue:
    """A calendar date or range found in the text, normalised to ISO.

    ``start``/``end`` are None when the text gives no year and the document no dated anchor
    (a bulletin's 5月28日 with no year anywhere): the date is kept with what it does say
    (``month``, ``day``), never dated with a guessed year. ``year_supplied``: the year (or
    the day, for 明天) came from the user's ``--base-date``, not the document.
    """

    mention: Mention
    start: dt.date | None
    end: dt.date | None
    role: str = "other"  # issued | deadline | event | other
    part: str | None = None  # 上午, 下午, 晚上 …
    time: str | None = None  # 15:00
    month: int | None = None  # as written, when start is None
    day: int | None = None
    relative: bool = False  # 明天, 下周五, 本月底: counted from the document's date
    year_supplied: bool = False
    warning: str | None = None  # (星期二) written beside a date that falls on another day
    grain: str = "day"  # day | part (11月中旬: no one day) | end (月底: its last day) | month (a whole month)


@dataclass(frozen=True, kw_only=True, slots=True)
class RelativeDeadline:
    """10个工作日内 / 收到通知后5日内: a deadline counted from an event, kept as written and
    as a rule (``count`` ``unit`` after ``after``), never guessed into a calendar date."""

    text: str
    count: int
    unit: str  # day | workday | week | month
    after: str | None = None  # 收到通知: the event it counts from; None: from the document's date


@dataclass(frozen=True, kw_only=True, slots=True)
class Person:
    name: str
    roles: tuple[str, ...] = ()
    mentions: int = 1
    first: int = 0  # offset of the first mention in the text as read
    source: str = "text"  # text | byline | contact
    mention: Mention | None = None  # that first mention (``mention.start == first``)


@dataclass(frozen=True, kw_only=True, slots=True)
class Named:
    """A platform, brand or initiative a document names."""

    name: str
    category: str  # platform | initiative
    kind: str | None = None  # 平台, 基地, 计划 … (the suffix or the reason it was found)
    mentions: int = 1
    first: int = 0
    quoted: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class Contact:
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    role: str | None = None
    first: int = 0  # offset of the line that opened the contact's group, in the text as read
    mention: Mention | None = None  # the name as written (the first phone or address when nameless)


@dataclass(frozen=True, kw_only=True, slots=True)
class Section:
    """A heading of the body (一、 （一） 1. （1） 一是) and the text it governs."""

    level: int  # 1 一、 | 2 （一） | 3 1. | 4 （1） | 5 一是
    marker: str
    heading: str
    text: str
    start: int
    end: int
    path: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Task:
    id: str
    text: str
    actor: str | None = None
    actor_source: str | None = None  # explicit | inherited
    deadline: dt.date | None = None
    deadline_time: str | None = None
    deadline_relative: RelativeDeadline | None = None  # 10个工作日内: when no calendar date is stated
    detail: str | None = None
    deliverable: str | None = None
    contact: str | None = None
    section: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    mention: Mention | None = None  # ``text`` as read: its raw slice (within start…end)


@dataclass(frozen=True, kw_only=True, slots=True)
class Keyword:
    """A term that stands out in the document (castdoc.extract.keywords); ``weight`` is the
    score it was ranked by, kept so that a reader can cut the list where they like."""

    term: str
    weight: float


@dataclass(frozen=True, kw_only=True, slots=True)
class Forward:
    """The document a 转发 notice forwards, as its text names it (castdoc.structure.forward)."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    path: str | None = None  # the forwarded document's path, when a batch or archive holds it


@dataclass(frozen=True, kw_only=True)
class Structure:
    """The zones of one article after GB/T 9704-2012 (notices) or the news genre (bulletins)."""

    kind: str  # notice | bulletin
    doc_type: str | None = None
    title: Mention | None = None
    doc_number: Mention | None = None
    issuer: Mention | None = None
    issued: dt.date | None = None
    issued_mention: Mention | None = None
    recipients: tuple[Mention, ...] = ()
    sections: tuple[Section, ...] = ()
    attachments: tuple[Mention, ...] = ()
    cc: tuple[Mention, ...] = ()
    byline: tuple[Mention, ...] = ()
    body: Span | None = None  # where the 正文 lies (after the head), in the text as read
    signature: Span | None = None
    head_lines: int = 0  # index of the first body line


@dataclass(frozen=True, kw_only=True)
class Record:
    """One article's reading: the shape of the schema, in its order."""

    source: Source
    kind: str
    doc_type: str | None
    title: str | None
    doc_number: str | None
    issuer: str | None
    issued: dt.date | None
    recipients: tuple[str, ...]
    people: tuple[Person, ...] = ()
    dates: tuple[DateValue, ...] = ()
    tasks: tuple[Task, ...] = ()
    platforms: tuple[Named, ...] = ()
    initiatives: tuple[Named, ...] = ()
    contacts: tuple[Contact, ...] = ()
    attachments: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    keywords: tuple[Keyword, ...] = ()
    periods: tuple[str, ...] = ()
    forwards: Forward | None = None
    reviewed: tuple[str, ...] = ()  # fields a person corrected: kept by --fix and --update
    extra: tuple[tuple[str, object], ...] = field(default=())

    def to_dict(self) -> dict:
        """Plain data in schema order, dates as ISO strings (``castdoc.record``)."""
        from .record import to_dict

        return to_dict(self)

    @classmethod
    def from_dict(cls, d: dict, *, fields=None) -> "Record":
        """The Record plain data holds, every field read checked for its type (RecordError
        otherwise); ``fields``: only those read."""
        from .record import from_dict

        return from_dict(d, fields=fields)

"""The one record model in and out: Record to plain data (schema order) and back, and
plain data out as YAML, JSON or JSON Lines.

``from_dict`` is what every stored record goes through on its way in (``tasks`` over
record files, the parse cache): it checks the type of every field it reads and says which
one is wrong in one RecordError, so a hand-edited record never reaches a later stage
half-typed. Fields a record leaves out take their empty value (a record written by hand
for ``castdoc tasks`` often holds only ``kind`` and ``tasks``); ``source`` may be a bare
path, as older hand-written records have it.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Collection

from . import SCHEMA_VERSION, __version__
from .errors import RecordError
from .types import Contact, DateValue, Forward, Keyword, Mention, Named, Person, Record, RelativeDeadline, Section, Source, Task


def _iso(d):
    return d.isoformat() if isinstance(d, (dt.date, dt.datetime)) else d


def to_dict(rec: Record, *, dates_as: str = "iso") -> dict:
    """The record as the schema shapes it, keys in schema order, dates as ISO strings."""
    d = {
        "schema_version": SCHEMA_VERSION,
        "castdoc_version": __version__,
        "source": {
            "path": rec.source.path,
            "format": rec.source.format,
            "sha256": rec.source.sha256,
            "article": rec.source.article,
            "articles": rec.source.articles,
            **({"encoding": rec.source.encoding} if rec.source.encoding else {}),
            **_ocr(rec.source),
        },
        "kind": rec.kind,
        "doc_type": rec.doc_type,
        "title": rec.title,
        "doc_number": rec.doc_number,
        "issuer": rec.issuer,
        "issued": _iso(rec.issued),
        "recipients": list(rec.recipients),
        "people": [
            {"name": p.name, "roles": list(p.roles), "mentions": p.mentions, "first": p.first, "source": p.source}
            for p in rec.people
        ],
        "dates": [
            {
                "text": x.mention.value or x.mention.text,  # a date broken over two lines reads as one
                "start": _iso(x.start),  # null: no year known (month and day say what is)
                "end": _iso(x.end),
            } | _drop_none({
                "role": x.role,
                "part": x.part,
                "time": x.time,
                "month": x.month,
                "day": x.day,
                "relative": x.relative or None,
                "year_supplied": x.year_supplied or None,
                "warning": x.warning,
                "grain": x.grain if x.grain != "day" else None,
                "offset": x.mention.start,
            })
            for x in rec.dates
        ],
        "tasks": [
            {
                "id": t.id,
                "text": t.text,
                "actor": t.actor,
                "actor_source": t.actor_source,
                "deadline": _iso(t.deadline),
                "deadline_time": t.deadline_time,
                **({"deadline_relative": _relative(t.deadline_relative)} if t.deadline_relative else {}),
                "detail": t.detail,
                "deliverable": t.deliverable,
                "contact": t.contact,
                "section": list(t.section),
                "offset": t.start,
            }
            for t in rec.tasks
        ],
        "platforms": [_named(n) for n in rec.platforms],
        "initiatives": [_named(n) for n in rec.initiatives],
        "contacts": [
            {"name": c.name, "phone": c.phone, "email": c.email, "address": c.address}
            for c in rec.contacts
        ],
        "attachments": list(rec.attachments),
        "cc": list(rec.cc),
        "byline": list(rec.byline),
        "sections": [
            {"level": s.level, "marker": s.marker, "heading": s.heading, "path": list(s.path), "text": s.text,
             "start": s.start, "end": s.end}
            for s in rec.sections
        ],
        "keywords": [{"term": k.term, "weight": round(k.weight, 4)} for k in rec.keywords],
        "periods": list(rec.periods),
    }
    if rec.forwards is not None:  # only a 转发 notice has them: other records keep their shape
        d["forwards"] = _drop_none({"title": rec.forwards.title, "doc_number": rec.forwards.doc_number,
                                    "issuer": rec.forwards.issuer, "path": rec.forwards.path})
    if rec.reviewed:
        d["reviewed"] = list(rec.reviewed)
    return d


def from_dict(d: dict, *, fields: Collection[str] | None = None) -> Record:
    """The Record a plain record (as ``to_dict`` writes it, or YAML reads it) holds.

    Raises RecordError naming the first field of the wrong type (``tasks[2].deadline``).
    With ``fields``, only those are read and the others left empty: ``tasks`` reads what
    it shows, and a fault elsewhere in an archive's record is ``check``'s to report."""
    if fields is not None and isinstance(d, dict):
        d = {k: v for k, v in d.items() if k in fields}
    r = _Reader(d, "")
    src = d.get("source")
    if isinstance(src, str):
        source = Source(path=src, format="", sha256="")
    else:
        s = r.sub("source")
        o = s.sub("ocr")
        pages = o.d.get("pages") or ()
        if not isinstance(pages, (list, tuple)) or not all(isinstance(x, int) and not isinstance(x, bool) for x in pages):
            raise _wrong("source.ocr.pages", pages, "a list of page numbers")
        source = Source(path=s.text("path"), format=s.text("format"), sha256=s.text("sha256"),
                        article=s.int("article"), articles=s.int("articles", 1), encoding=s.opt("encoding"),
                        ocr_pages=tuple(pages),
                        ocr_confidence=o.float("confidence") if o.d.get("confidence") is not None else None)
    return Record(
        source=source,
        kind=r.text("kind"),
        doc_type=r.opt("doc_type"),
        title=r.opt("title"),
        doc_number=r.opt("doc_number"),
        issuer=r.opt("issuer"),
        issued=r.date("issued"),
        recipients=r.texts("recipients"),
        people=tuple(Person(name=p.text("name"), roles=p.texts("roles"), mentions=p.int("mentions", 1),
                            first=p.int("first"), source=p.text("source", "text")) for p in r.items("people")),
        dates=tuple(_date_value(x) for x in r.items("dates")),
        tasks=tuple(_task(t) for t in r.items("tasks")),
        platforms=tuple(_named_of(n, "platform") for n in r.items("platforms")),
        initiatives=tuple(_named_of(n, "initiative") for n in r.items("initiatives")),
        contacts=tuple(Contact(name=c.opt("name"), phone=c.opt("phone"), email=c.opt("email"),
                               address=c.opt("address")) for c in r.items("contacts")),
        attachments=r.texts("attachments"),
        cc=r.texts("cc"),
        byline=r.texts("byline"),
        sections=tuple(Section(level=s.int("level"), marker=s.text("marker"), heading=s.text("heading"),
                               path=s.texts("path"), text=s.text("text"), start=s.int("start"), end=s.int("end"))
                       for s in r.items("sections")),
        keywords=tuple(Keyword(term=k.text("term"), weight=k.float("weight")) for k in r.items("keywords")),
        periods=r.texts("periods"),
        forwards=_forward(r),
        reviewed=r.texts("reviewed"),
    )


def _relative(r: RelativeDeadline) -> dict:
    return {"text": r.text, "count": r.count, "unit": r.unit, "after": r.after}


def _forward(r: "_Reader") -> Forward | None:
    if r.d.get("forwards") is None:
        return None
    f = r.sub("forwards")
    return Forward(title=f.opt("title"), doc_number=f.opt("doc_number"), issuer=f.opt("issuer"), path=f.opt("path"))


def _date_value(x: "_Reader") -> DateValue:
    text, offset = x.text("text"), x.int("offset")
    start = x.date("start")
    return DateValue(mention=Mention(start=offset, end=offset + len(text), text=text, value=text),
                     start=start, end=x.date("end") or start, role=x.text("role", "other"),
                     part=x.opt("part"), time=x.opt("time"), month=x.opt_int("month"), day=x.opt_int("day"),
                     relative=x.bool("relative"), year_supplied=x.bool("year_supplied"), warning=x.opt("warning"), grain=x.text("grain", "day"))


def _task(t: "_Reader") -> Task:
    return Task(id=t.text("id"), text=t.text("text"), actor=t.opt("actor"), actor_source=t.opt("actor_source"),
                deadline=t.date("deadline"), deadline_time=t.opt("deadline_time"), detail=t.opt("detail"),
                deliverable=t.opt("deliverable"), contact=t.opt("contact"), section=t.texts("section"),
                start=t.int("offset"), deadline_relative=_relative_of(t))


def _relative_of(t: "_Reader") -> RelativeDeadline | None:
    if t.d.get("deadline_relative") is None:
        return None
    r = t.sub("deadline_relative")
    return RelativeDeadline(text=r.text("text"), count=r.int("count"), unit=r.text("unit", "day"), after=r.opt("after"))


def _named_of(n: "_Reader", category: str) -> Named:
    return Named(name=n.text("name"), category=n.text("category", category), kind=n.opt("kind"),
                 mentions=n.int("mentions", 1), first=n.int("first"), quoted=n.bool("quoted"))


class _Reader:
    """Typed reads of one mapping of a record; a value of the wrong type is a RecordError
    naming its field. A missing or null value reads as the default."""

    __slots__ = ("d", "at")

    def __init__(self, d, at: str):
        if not isinstance(d, dict):
            raise _wrong(at or "(record)", d, "a mapping")
        self.d = d
        self.at = at

    def _field(self, key: str) -> str:
        return f"{self.at}.{key}" if self.at else key

    def _get(self, key: str, types: type | tuple[type, ...], what: str):
        v = self.d.get(key)
        if v is not None and (not isinstance(v, types) or isinstance(v, bool) and bool not in _tuple(types)):
            raise _wrong(self._field(key), v, what)
        return v

    def text(self, key: str, default: str = "") -> str:
        v = self._get(key, str, "text")
        return default if v is None else v

    def opt(self, key: str) -> str | None:
        return self._get(key, str, "text or null")

    def int(self, key: str, default: int = 0) -> int:
        v = self._get(key, int, "a whole number")
        return default if v is None else v

    def float(self, key: str) -> float:
        v = self._get(key, (int, float), "a number")
        return 0.0 if v is None else float(v)

    def opt_int(self, key: str) -> int | None:
        return self._get(key, int, "a whole number or null")

    def bool(self, key: str) -> bool:
        return bool(self._get(key, bool, "true or false"))

    def date(self, key: str) -> dt.date | None:
        v = self._get(key, (str, dt.date), "a date (YYYY-MM-DD)")
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, str):
            try:
                return dt.date.fromisoformat(v.strip()[:10])
            except ValueError:
                raise _wrong(self._field(key), v, "a date (YYYY-MM-DD)") from None
        return v

    def texts(self, key: str) -> tuple[str, ...]:
        v = self._get(key, (list, tuple), "a list")
        for i, x in enumerate(v or ()):
            if not isinstance(x, str):
                raise _wrong(f"{self._field(key)}[{i}]", x, "text")
        return tuple(v or ())

    def sub(self, key: str) -> "_Reader":
        return _Reader(self._get(key, dict, "a mapping") or {}, self._field(key))

    def items(self, key: str) -> list["_Reader"]:
        v = self._get(key, (list, tuple), "a list") or ()
        return [_Reader(x, f"{self._field(key)}[{i}]") for i, x in enumerate(v)]


def _tuple(types) -> tuple:
    return types if isinstance(types, tuple) else (types,)


def _wrong(field: str, value, what: str) -> RecordError:
    return RecordError(f"not a castdoc record: {field} is {type(value).__name__}, not {what}",
                       hint="records are what 'castdoc parse' writes; 'castdoc schema' describes them")


def _ocr(source: Source) -> dict:
    """``ocr: {pages, confidence}`` for a scan read by OCR; nothing otherwise."""
    if not source.ocr_pages:
        return {}
    return {"ocr": {"pages": list(source.ocr_pages), "confidence": source.ocr_confidence}}


def _named(n) -> dict:
    return {"name": n.name, "category": n.category, "kind": n.kind, "mentions": n.mentions, "first": n.first,
            "quoted": n.quoted}


def _drop_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


_BREAKS = frozenset("\x85\u2028\u2029")  # Unicode line breaks other than \n and \r


class _Dumper:
    """YAML dumpers that write Chinese as is and never emit Python tags.

    libyaml's emitter (``yaml.CSafeDumper``, in PyYAML's wheels) writes a record four times
    as fast as the pure-Python one, and the same text for what castdoc writes; PyYAML
    built without libyaml has only the pure-Python one. libyaml refuses what UTF-8 cannot
    encode (a file name with undecodable bytes reaches Python as lone surrogates): such a
    record is written by the pure-Python emitter, which escapes them."""

    _classes: dict[str, type] = {}

    @classmethod
    def get(cls, fast: bool = True):
        import yaml

        base = getattr(yaml, "CSafeDumper", None) if fast else None
        base = base or yaml.SafeDumper
        key = base.__name__
        if key not in cls._classes:

            class D(base):  # type: ignore[valid-type, misc]
                pass

            def str_repr(dumper, data):
                if _BREAKS.intersection(data):
                    style = '"'  # PyYAML's own emitter writes these raw in '…', where they read back as line breaks
                else:
                    style = "|" if "\n" in data and len(data) > 60 else None
                return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

            D.add_representer(str, str_repr)
            cls._classes[key] = D
        return cls._classes[key]


def dump_yaml(records: list[dict]) -> str:
    import yaml

    options = dict(allow_unicode=True, sort_keys=False, width=100, explicit_start=True)
    try:
        return yaml.dump_all(records, Dumper=_Dumper.get(), **options)
    except UnicodeEncodeError:
        return yaml.dump_all(records, Dumper=_Dumper.get(fast=False), **options)


def safe_loader():
    """The YAML loader for records: libyaml's safe loader where PyYAML has it (its wheels
    do), several times as fast as PyYAML's own and reading the same data; either way only
    plain data is built, never a Python object."""
    import yaml

    return getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def dump_json(records: list[dict]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def dump_jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


DUMPERS = {"yaml": dump_yaml, "json": dump_json, "jsonl": dump_jsonl}

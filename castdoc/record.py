"""Records to plain data (schema order) and back out as YAML, JSON or JSON Lines."""
from __future__ import annotations

import datetime as dt
import json

from . import SCHEMA_VERSION, __version__
from .types import Record


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
            _drop_none({
                "text": x.mention.value or x.mention.text,  # a date broken over two lines reads as one
                "start": _iso(x.start),
                "end": _iso(x.end),
                "role": x.role,
                "part": x.part,
                "time": x.time,
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
    return d


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

"""Schema rules: every record in a record file follows the shipped JSON Schema.

Messages point at the field (``people[2].roles``) and the line of the YAML file, never
at JSON Schema internals, because the person reading them edits YAML, not schemas.
"""
from __future__ import annotations

from .. import SCHEMA_VERSION
from . import RULES
from .findings import Finding
from .records import LoadedRecord

FIX_HINT = "castdoc check --fix (or castdoc parse --update {doc}) rewrites it from its document"


def _line_text(text: str, line: int | None) -> str | None:
    if not line:
        return None
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else None


def check_schema(loaded: LoadedRecord, *, file: str, document: str | None) -> list[Finding]:
    from ..schema import validate

    out: list[Finding] = []
    many = len(loaded.records) > 1
    hint = FIX_HINT.format(doc=document or "DOCUMENT")
    for n, rec in enumerate(loaded.records):
        where = f" (article {n})" if many else ""
        for path, message in validate(rec):
            line = loaded.line_of(n, path)
            r = RULES["CD010"]
            out.append(Finding(
                rule=r.id, name=r.name, severity=r.severity, file=file, line=line, record_path=path,
                message=f"{path}: {message}{where}", hint=hint, excerpt=_line_text(loaded.text, line),
                document=document, fixable=document is not None,
            ))
        version = rec.get("schema_version")
        if isinstance(version, str) and version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            line = loaded.line_of(n, "schema_version")
            r = RULES["CD011"]
            out.append(Finding(
                rule=r.id, name=r.name, severity=r.severity, file=file, line=line, record_path="schema_version",
                message=f"record follows schema {version}; this castdoc writes {SCHEMA_VERSION}{where}", hint=hint,
                excerpt=_line_text(loaded.text, line), document=document, fixable=document is not None,
            ))
    return out

"""What a check reports: one frozen Finding per problem, and the run's outcome.

A finding names the file a person must open and the line to look at; record findings
also name the field (``people[2].roles``) because a YAML line alone does not say which
record of a stream it belongs to.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

SEVERITIES = ("error", "warning", "info")  # plus "off" in configuration: the rule does not run
RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, kw_only=True)
class Finding:
    rule: str  # CD101
    name: str  # doc-number-brackets
    severity: str  # error | warning | info
    file: str  # the file to open: the document for format findings, the record for schema/drift
    message: str
    line: int | None = None  # 1-based, in the file as read
    column: int | None = None  # 1-based
    record_path: str | None = None  # field path inside the record: people[2].roles
    hint: str | None = None
    excerpt: str | None = None  # the offending line as it stands in the file
    detail: str | None = None  # a unified diff for drift
    document: str | None = None  # the document a record finding is about
    fixable: bool = False  # --fix can repair it (it rewrites the record)
    fixed: bool = False
    unreadable: bool = False  # counts toward exit code 3, not 1

    def with_(self, **changes) -> "Finding":
        return replace(self, **changes)

    def sort_key(self):
        return (self.file, self.line or 0, self.column or 0, self.rule)

    def to_dict(self) -> dict:
        d = {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "record_path": self.record_path,
            "message": self.message,
            "hint": self.hint,
            "excerpt": self.excerpt,
            "detail": self.detail,
            "document": self.document,
            "fixable": self.fixable,
            "fixed": self.fixed,
        }
        return d


@dataclass(frozen=True, kw_only=True)
class CheckResult:
    findings: tuple[Finding, ...]
    documents: int = 0  # documents looked at
    records: int = 0  # record files looked at
    files: tuple[str, ...] = field(default=())  # every file looked at, for junit's passing cases

    @property
    def active(self) -> tuple[Finding, ...]:
        """Findings still standing (not repaired by --fix)."""
        return tuple(f for f in self.findings if not f.fixed)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.active if f.severity == severity)

    @property
    def unreadable(self) -> int:
        return sum(1 for f in self.active if f.unreadable)

    @property
    def fixed(self) -> int:
        return sum(1 for f in self.findings if f.fixed)

    def exit_code(self) -> int:
        from ..report import Report

        return Report.of_check(unreadable=self.unreadable, errors=self.count("error")).exit_code

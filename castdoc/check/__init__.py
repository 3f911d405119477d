"""``castdoc check``: CI over an archive of documents and the records beside them.

Three kinds of checks, each finding with a rule id, a severity, the file and line, the
record field for record findings, a message and a fix hint:

- **archive** (CD00x): documents that cannot be read, records missing, broken or orphaned;
- **schema** (CD01x): every record validates against the shipped JSON Schema, reported
  at the field (``people[2].roles``);
- **drift** (CD02x): the source is read again and compared with its stored record;
  ``--fix`` rewrites stale records;
- **format** (CD1xx): GB/T 9704 rules that can be read from the text. Documents dated
  before 2012-07-01 follow GB/T 9704-1999, where a 成文日期 in Chinese numerals is right.

``RULES`` is the registry (``castdoc check --list-rules`` prints it):

=====  ==========================  ========  =====================================================
id     name                        severity  what it checks
=====  ==========================  ========  =====================================================
CD001  unreadable-document         error     the document can be read at all
CD002  unreadable-record           error     the record is safe YAML holding mappings
CD003  missing-record              error     every document has a record
CD004  orphan-record               warning   every record has its document
CD005  record-name-clash           error     two documents do not share one record name
CD010  schema-violation            error     the record follows the JSON Schema
CD011  schema-version              warning   the record was written for this schema version
CD020  stale-record                error     the record equals a fresh reading of its source
CD021  source-changed              error     the source is the file the record was made from
CD101  doc-number-brackets         error     发文字号 year in 六角括号 〔〕
CD102  doc-number-year             error     发文字号 year in four digits
CD103  doc-number-leading-zero     error     发文字号 number without leading zeros
CD104  doc-number-di               error     发文字号 number without 第
CD110  issued-date-numerals        error     成文日期 in Arabic numerals (Chinese before 2012-07-01)
CD111  date-zero-padding           error     成文日期/印发日期 month and day not zero-padded
CD112  print-date-numerals         error     印发日期 in Arabic numerals
CD120  title-no-kind               warning   the title names one of the 15 document kinds
CD121  title-non-kind              warning   no 方案/办法/规定/总结 … used as a kind
CD122  title-stacked-kinds         error     no stacked kinds (请示报告)
CD130  recipients-colon            error     主送机关 line ends with a full-width ：
CD131  cc-period                   error     抄送 line ends with 。
CD140  heading-order               error     heading levels go 一、 → （一） → 1. → （1）
CD141  heading-skipped-level       warning   no level skipped (一、 then 1.)
CD142  heading-numbering           warning   headings of one level count 一, 二, 三 …
CD143  heading-marker              error     一、 takes a 顿号, 1. a half-width full stop
CD144  heading-bracket-punct       error     nothing after （一） or （1）
CD150  attachment-numbering        error     several attachments numbered 1. 2. …
CD151  attachment-punctuation      error     no punctuation after an attachment name
CD152  attachment-colon            error     附件 followed by a full-width ：
CD153  attachment-mismatch         warning   附件说明 matches the attachments' own titles
=====  ==========================  ========  =====================================================
"""
from __future__ import annotations

from dataclasses import dataclass

ERA_2012 = "2012"
ERA_1999 = "1999"


@dataclass(frozen=True, kw_only=True)
class Rule:
    id: str
    name: str
    group: str  # archive | schema | drift | format
    severity: str  # default: error | warning | info
    summary: str
    fixable: bool = False  # --fix repairs it by rewriting the record


def _r(id: str, name: str, group: str, severity: str, summary: str, fixable: bool = False) -> Rule:
    return Rule(id=id, name=name, group=group, severity=severity, summary=summary, fixable=fixable)


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        _r("CD001", "unreadable-document", "archive", "error", "the document can be read at all"),
        _r("CD002", "unreadable-record", "archive", "error", "the record is safe YAML holding mappings", True),
        _r("CD003", "missing-record", "archive", "error", "every document has a record", True),
        _r("CD004", "orphan-record", "archive", "warning", "every record has its document"),
        _r("CD005", "record-name-clash", "archive", "error", "two documents do not share one record name"),
        _r("CD010", "schema-violation", "schema", "error", "the record follows the JSON Schema", True),
        _r("CD011", "schema-version", "schema", "warning", "the record was written for this schema version", True),
        _r("CD020", "stale-record", "drift", "error", "the record equals a fresh reading of its source", True),
        _r("CD021", "source-changed", "drift", "error", "the source is the file the record was made from", True),
        _r("CD101", "doc-number-brackets", "format", "error", "发文字号 year in 六角括号 〔〕"),
        _r("CD102", "doc-number-year", "format", "error", "发文字号 year in four digits"),
        _r("CD103", "doc-number-leading-zero", "format", "error", "发文字号 number without leading zeros"),
        _r("CD104", "doc-number-di", "format", "error", "发文字号 number without 第"),
        _r("CD110", "issued-date-numerals", "format", "error",
           "成文日期 in Arabic numerals (Chinese numerals before 2012-07-01)"),
        _r("CD111", "date-zero-padding", "format", "error", "成文日期/印发日期 month and day not zero-padded"),
        _r("CD112", "print-date-numerals", "format", "error", "印发日期 in Arabic numerals"),
        _r("CD120", "title-no-kind", "format", "warning", "the title names one of the 15 document kinds"),
        _r("CD121", "title-non-kind", "format", "warning", "no 方案/办法/规定/总结 … used as a kind"),
        _r("CD122", "title-stacked-kinds", "format", "error", "no stacked kinds (请示报告)"),
        _r("CD130", "recipients-colon", "format", "error", "主送机关 line ends with a full-width ："),
        _r("CD131", "cc-period", "format", "error", "抄送 line ends with 。"),
        _r("CD140", "heading-order", "format", "error", "heading levels go 一、 → （一） → 1. → （1）"),
        _r("CD141", "heading-skipped-level", "format", "warning", "no level skipped (一、 then 1.)"),
        _r("CD142", "heading-numbering", "format", "warning", "headings of one level count 一, 二, 三 …"),
        _r("CD143", "heading-marker", "format", "error", "一、 takes a 顿号, 1. a half-width full stop"),
        _r("CD144", "heading-bracket-punct", "format", "error", "nothing after （一） or （1）"),
        _r("CD150", "attachment-numbering", "format", "error", "several attachments numbered 1. 2. …"),
        _r("CD151", "attachment-punctuation", "format", "error", "no punctuation after an attachment name"),
        _r("CD152", "attachment-colon", "format", "error", "附件 followed by a full-width ："),
        _r("CD153", "attachment-mismatch", "format", "warning", "附件说明 matches the attachments' own titles"),
    )
}
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES.values()}
GROUPS = ("archive", "schema", "drift", "format")


def resolve(selector: str) -> set[str]:
    """Rule ids a selector means: an id (CD101), a name, an id prefix (CD1), a group, or ALL.

    Raises KeyError for a selector that names nothing, so a typo in CI configuration
    fails loudly instead of silently switching nothing off.
    """
    s = selector.strip()
    if s.upper() == "ALL":
        return set(RULES)
    if s.upper() in RULES:
        return {s.upper()}
    if s in BY_NAME:
        return {BY_NAME[s].id}
    if s in GROUPS:
        return {r.id for r in RULES.values() if r.group == s}
    if s.upper().startswith("CD") and s[2:].isdigit():
        hit = {i for i in RULES if i.startswith(s.upper())}
        if hit:
            return hit
    raise KeyError(s)


def rule(rule_id: str) -> Rule:
    return RULES[rule_id]


__all__ = ["RULES", "Rule", "resolve", "rule", "ERA_2012", "ERA_1999"]

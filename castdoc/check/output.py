"""Check reports: human (rich, grouped by file), json, github workflow commands, junit XML.

Reports go to stdout (they are the command's output: CI captures them, people redirect
them); usage errors go to stderr through ``report``. Text from documents is never read
as rich markup: the human report is built from ``Text`` pieces, not markup strings.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import TextIO

from .. import __version__
from .findings import RANK, CheckResult, Finding

FORMATS = ("human", "json", "github", "junit")
_RICH_CHANGES = re.compile("[\t\x07\x08\x0b\x0c\r]")  # what rich expands or strips when it prints
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def summary(result: CheckResult) -> dict:
    return {
        "documents": result.documents,
        "records": result.records,
        "errors": result.count("error"),
        "warnings": result.count("warning"),
        "info": result.count("info"),
        "fixed": result.fixed,
        "unreadable": result.unreadable,
        "exit_code": result.exit_code(),
    }


def summary_line(result: CheckResult) -> str:
    s = summary(result)
    files = len({f.file for f in result.active})
    parts = []
    for key, word in (("errors", "error"), ("warnings", "warning"), ("info", "note")):
        if s[key]:
            parts.append(f"{s[key]} {word}{'s' if s[key] != 1 and key != 'info' else ''}")
    scope = f"{s['documents']} document{'s' if s['documents'] != 1 else ''}, {s['records']} record{'s' if s['records'] != 1 else ''}"
    fixed = f"; {s['fixed']} fixed" if s["fixed"] else ""
    if not parts:
        return f"clean: {scope} checked{fixed}"
    unread = f"; {s['unreadable']} could not be read" if s["unreadable"] else ""
    return f"{', '.join(parts)} in {files} file{'s' if files != 1 else ''} ({scope} checked{fixed}{unread})"


# ------------------------------------------------------------------ human
def render_human(result: CheckResult, out: TextIO, *, color: bool | None = None, show_fixed: bool = True) -> None:
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True, force_terminal=color, no_color=color is False,
                      emoji=False)
    style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    lines: list[Text] = []
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        if f.fixed and not show_fixed:
            continue
        groups[f.file].append(f)
    from ..terminal import for_terminal, one_line  # file names, messages and excerpts come from the archive

    for file in sorted(groups):
        lines.append(Text(one_line(file), style="bold underline"))
        for f in sorted(groups[file], key=lambda f: (f.line or 0, f.column or 0, RANK.get(f.severity, 3), f.rule)):
            where = f"{f.line}:{f.column}" if f.line and f.column else (str(f.line) if f.line else "-")
            t = Text("  ")
            t.append(f"{where:>7} ", style="dim")
            if f.fixed:
                t.append(f"{'fixed':<8}", style="green")
            else:
                t.append(f"{f.severity:<8}", style=style.get(f.severity, ""))
            t.append(f"{f.rule} ", style="bold")
            t.append(f"{f.name}  ", style="dim")
            t.append(one_line(f.message))
            lines.append(t)
            pad = " " * 12
            if f.excerpt is not None:
                line = for_terminal(f.excerpt.replace("\t", " "))
                lines.append(Text(pad + "│ ", style="dim") + Text(line))
                if f.column and f.column - 1 <= len(line):
                    lines.append(Text(pad + "│ " + " " * cell_len(line[: f.column - 1]) + "^", style="dim red"))
            if f.detail and not f.fixed:
                for dl in f.detail.splitlines():
                    st = "green" if dl.startswith("+") and not dl.startswith("+++") else (
                        "red" if dl.startswith("-") and not dl.startswith("---") else "dim")
                    lines.append(Text(pad + "│ ", style="dim") + Text(for_terminal(dl), style=st))
            if f.hint and not f.fixed:
                lines.append(Text(pad + "╰ fix: ", style="dim") + Text(one_line(f.hint), style="italic"))
        lines.append(Text(""))
    lines.append(Text(summary_line(result), style="bold red" if result.exit_code() else "bold green"))
    if console.is_terminal:
        for t in lines:
            console.print(t)
        return
    # Not a terminal (CI, a file, a pipe): rich would write each line's plain text, at a
    # cost per line that makes a report of thousands of findings take seconds; written
    # here directly, except the lines rich changes (tabs, control characters).
    for t in lines:
        text = t.plain
        if _RICH_CHANGES.search(text):
            console.print(t)
        else:
            out.write(text + "\n")


# ------------------------------------------------------------------ json
def render_json(result: CheckResult) -> str:
    data = {
        "castdoc_version": __version__,
        "summary": summary(result),
        "findings": [f.to_dict() for f in result.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ------------------------------------------------------------------ github
def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(result: CheckResult) -> str:
    """Workflow commands: each finding becomes an annotation on its file and line."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for f in result.active:
        props = [f"file={_gh_prop(f.file)}"]
        if f.line:
            props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
        props.append(f"title={_gh_prop(f'{f.rule} {f.name}')}")
        msg = f.message
        if f.record_path and f.record_path not in msg:
            msg = f"{f.record_path}: {msg}"
        if f.hint:
            msg += f"\nfix: {f.hint}"
        if f.detail:
            lines = f.detail.splitlines()
            msg += "\n" + "\n".join(lines[:60]) + ("\n…" if len(lines) > 60 else "")
        out.append(f"::{level.get(f.severity, 'notice')} {','.join(props)}::{_gh_data(msg)}")
    out.append(summary_line(result))
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ junit
def _x(s: str | None) -> str:
    return _XML_BAD.sub("\ufffd", s or "")


def render_junit(result: CheckResult) -> str:
    """One test case per finding (errors fail it), one passing case per clean file."""
    import xml.etree.ElementTree as ET

    active = result.active
    failures = sum(1 for f in active if f.severity == "error")
    clean = [p for p in dict.fromkeys(result.files) if not any(f.file == p for f in active)]
    tests = len(active) + len(clean)
    root = ET.Element("testsuites", name="castdoc check", tests=str(tests), failures=str(failures), errors="0")
    suite = ET.SubElement(root, "testsuite", name="castdoc check", tests=str(tests), failures=str(failures),
                          errors="0", skipped="0")
    for f in active:
        where = f" line {f.line}" if f.line else ""
        case = ET.SubElement(suite, "testcase", classname=_x(f.file), name=_x(f"{f.rule} {f.name}{where}"),
                             file=_x(f.file))
        if f.line:
            case.set("line", str(f.line))
        body = "\n".join(x for x in (f.message, f.excerpt and f"  | {f.excerpt}", f.hint and f"fix: {f.hint}",
                                     f.detail) if x)
        if f.severity == "error":
            fail = ET.SubElement(case, "failure", type=f.rule, message=_x(f.message))
            fail.text = _x(body)
        else:
            out = ET.SubElement(case, "system-out")
            out.text = _x(f"{f.severity}: {body}")
    for p in clean:
        ET.SubElement(suite, "testcase", classname=_x(p), name="castdoc check", file=_x(p))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render(result: CheckResult, fmt: str, out: TextIO, *, color: bool | None = None) -> None:
    if fmt == "human":
        render_human(result, out, color=color)
    elif fmt == "json":
        out.write(render_json(result))
    elif fmt == "github":
        out.write(render_github(result))
    elif fmt == "junit":
        out.write(render_junit(result))
    else:  # pragma: no cover - the CLI restricts the choice
        raise ValueError(fmt)
    out.flush()


def rules_table(out: TextIO) -> None:
    """``castdoc check --list-rules``: id, name, default severity, group, what it checks."""
    from . import RULES

    width = max(len(r.name) for r in RULES.values())
    for r in RULES.values():
        fix = " (fixable)" if r.fixable else ""
        out.write(f"{r.id}  {r.name:<{width}}  {r.severity:<7}  {r.group:<7}  {r.summary}{fix}\n")


def for_people(result: CheckResult, cfg, *, quiet: bool, verbose: bool) -> CheckResult:
    """``-v``: the configuration, profile and each file checked, on stderr; ``-q``: the
    result with errors only (warnings and notes never fail a run)."""
    if verbose:
        from ..report import info

        info(f"configuration: {cfg.file or '(none found)'}; profile: {cfg.profile or 'issued (all rules)'}; "
             f"{len(cfg.enabled)} rules on")
        for f in result.files:
            info(f"checked {f}")
    if quiet:
        from dataclasses import replace

        result = replace(result, findings=tuple(f for f in result.findings if f.severity == "error"))
    return result

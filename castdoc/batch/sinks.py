"""Where ``castdoc parse`` puts each file's records: standard output (one stream, or one JSON
array), a folder (one file per input), or beside each document (``--update``).

A sink takes the outcomes in input order, each with its input's index. It says what the workers should render
(``render``: the text is made there, in parallel, where YAML dumping costs about as much
as parsing a notice), and it reports an output that cannot be written as that input's
failure, so the batch goes on.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import CastdocError, UsageError
from ..record import DUMPERS
from ..report import Report
from ..types import Record
from .outcome import Outcome
from ..parse import CONVERT_HINTS, READERS
from ..terminal import for_terminal, is_terminal
from .walk import output_names

SUFFIXES = {"yaml": ".yaml", "json": ".json", "jsonl": ".jsonl"}


class Render:
    """Records to the text of one output format (picklable, for spawned workers)."""

    def __init__(self, fmt: str):
        self.fmt = fmt

    def __call__(self, records: list[Record]) -> str:
        if self.fmt == "json-items":
            return json_items([r.to_dict() for r in records])
        return DUMPERS[self.fmt]([r.to_dict() for r in records])


def json_items(records: list[dict]) -> str:
    """One file's records as items of the JSON array ``dump_json`` writes of all of them:
    each indented as inside that array, joined by its separator, without the brackets."""
    import json

    return ",\n".join("  " + json.dumps(r, ensure_ascii=False, indent=2).replace("\n", "\n  ") for r in records)


class Stream:
    """YAML (one --- document per article) or JSON Lines on stdout, file by file."""

    def __init__(self, fmt: str):
        self.render = Render(fmt)
        self.tty = is_terminal(sys.stdout)  # data onto a terminal: no escape sequence from a document runs there

    def take(self, i: int, out: Outcome, report: Report) -> None:
        text = out.text if out.text is not None else self.render(list(out.records))
        sys.stdout.write(for_terminal(text) if self.tty else text)
        sys.stdout.flush()

    def close(self, report: Report) -> None:
        pass


class JsonArray:
    """One JSON array of every article of every file, written as the files come in: the
    workers render each file's items, this process only writes them between the
    brackets, so its memory does not grow with the number of documents. The text is
    byte for byte what ``dump_json`` gives for all the records at once."""

    def __init__(self):
        self.render = Render("json-items")
        self.items = 0
        self.tty = is_terminal(sys.stdout)

    def take(self, i: int, out: Outcome, report: Report) -> None:
        text = out.text if out.text is not None else self.render(list(out.records))
        if not text:
            return
        if self.tty:
            text = for_terminal(text)
        sys.stdout.write(("[\n" if not self.items else ",\n") + text)
        sys.stdout.flush()
        self.items += 1

    def close(self, report: Report) -> None:
        sys.stdout.write("\n]\n" if self.items else "[]\n")
        sys.stdout.flush()


class Folder:
    """One record file per input in ``folder``, mirroring the input tree (``sub/a.pdf`` ->
    ``sub/a.pdf.yaml``); never over a source document or an input."""

    def __init__(self, folder: Path, paths: list[str], fmt: str, given: list[str] = ()):
        from ..outputs import Inputs

        if folder.exists() and not folder.is_dir():
            raise UsageError(f"--output-dir {folder} is a file, not a folder", hint="give a folder (it is made if missing)")
        self.folder = folder
        self.paths = paths
        self.inputs = Inputs(paths)  # once per batch: asking per output about every input was quadratic
        self.names = output_names(paths, SUFFIXES[fmt], given=given)
        self.render = Render(fmt)
        self.first: dict[str, int] = {}  # output name -> the input that has it

    def take(self, i: int, out: Outcome, report: Report) -> None:
        from ..outputs import write_error
        from ..writeout import write_atomic

        target = self.folder / self.names[i]
        first = self.first.setdefault(self.names[i].lower(), i)
        if first != i:
            report.failure(CastdocError(f"not written, {self.paths[first]} has the same output name", path=str(target),
                                        hint="give the inputs from one folder, or parse them with separate -o folders"), written=False)
            return
        if target.suffix.lower() in READERS or target.suffix.lower() in CONVERT_HINTS or self.inputs.covers(target):
            report.failure(CastdocError("not written, it would replace a source document", path=str(target),
                                        hint="choose another --output-dir"), written=False)
            return
        try:
            write_atomic(target, out.text if out.text is not None else self.render(list(out.records)))
        except OSError as e:
            report.failure(write_error(e, target, hint="check that --output-dir is writable"), written=False)

    def close(self, report: Report) -> None:
        pass


class Update:
    """``--update``: each document's record ``<stem>.yaml`` beside it, rewritten only when changed."""

    render = None

    def __init__(self, paths: list[str]):
        from ..outputs import Inputs

        self.documents = Inputs(p for p in paths if p != "-")  # once per batch, not per record
        self.counts = {"written": 0, "unchanged": 0}

    def take(self, i: int, out: Outcome, report: Report) -> None:
        from ..check.update import update_record

        try:
            status, target = update_record(out.path, [r.to_dict() for r in out.records], documents=self.documents)
        except CastdocError as e:  # this document's record only: the batch goes on
            report.failure(e, written=False)
            return
        self.counts[status] += 1
        if status == "written":
            report.note(f"wrote {target}")

    def close(self, report: Report) -> None:
        report.note(f"records: {self.counts['written']} written, {self.counts['unchanged']} unchanged")


def sink_for(paths: list[str], *, fmt: str, out_dir: Path | None, update: bool, given: list[str] = ()):
    if update:
        if out_dir is not None or "-" in paths:
            raise UsageError("--update writes records beside the documents: give files or folders, "
                             "without --output-dir or '-'")
        return Update(paths)
    if out_dir is not None:
        return Folder(out_dir, paths, fmt, given)
    return JsonArray() if fmt == "json" else Stream(fmt)

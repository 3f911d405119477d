"""``castdoc check -``: one record read from standard input, checked against the schema.

Why: a record made in a pipeline (``castdoc parse notice.txt | castdoc check -``) or
pasted by hand can be checked before it is filed; there is no document beside it to read
again, so the schema rules are what runs.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..errors import RecordError
from .config import CheckConfig
from .findings import CheckResult
from .records import load_record
from .pair import _finding, apply_config

NAME = "<stdin>"


def check_stdin(cfg: CheckConfig, data: bytes) -> CheckResult:
    from .schema_rules import check_schema

    with tempfile.TemporaryDirectory(prefix="castdoc-check-") as d:
        tmp = Path(d) / "stdin.yaml"  # the one loader reads files: the same limits and refusals
        tmp.write_bytes(data)
        try:
            loaded = load_record(tmp)
        except RecordError as e:
            found = [_finding("CD002", file=NAME, line=e.lineno, message=f"cannot read the record: {e.message}",
                              unreadable=True)]
        else:
            found = check_schema(loaded, file=NAME, document=None)
    found = apply_config(found, cfg)
    return CheckResult(findings=tuple(sorted(found, key=lambda f: f.sort_key())), documents=0, records=1,
                       files=(NAME,))

"""Many inputs: walk folders, parse each file in worker processes, keep going when one fails.

Results come back in input order whatever ``jobs`` is and whatever happens to one file,
so output is deterministic and a bad file never loses the others.

- ``walk``: which files a batch reads, and what their outputs are named;
- ``one``: one file in this process, every failure its Outcome's error;
- ``pool``: the worker processes, replaced when one dies or runs past its time;
- ``many``: ``parse_many``, outcomes in input order;
- ``sinks`` and ``run``: where ``castdoc parse`` writes each file's records.
"""
from __future__ import annotations

from .many import default_jobs, parse_many
from .one import DEFAULT_TIMEOUT, parse_in_process, parse_one
from .outcome import Outcome
from .progress import ProgressBar
from .walk import DOC_SUFFIXES, WALK_SUFFIXES, expand, output_names, overwrites_source

__all__ = [
    "DEFAULT_TIMEOUT", "DOC_SUFFIXES", "WALK_SUFFIXES", "Outcome", "ProgressBar", "default_jobs", "expand",
    "output_names", "overwrites_source", "parse_in_process", "parse_many", "parse_one",
]

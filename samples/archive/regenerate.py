"""Rebuild this sample archive's records, then plant its two deliberate record faults.

    python samples/archive/regenerate.py        # after castdoc's readings change

Records are written by ``castdoc parse --update`` like any archive's; then one record is
edited by hand (stale: its title no longer matches the document) and one breaks the
schema (``people[0].roles`` is a string, not a list). Tests build the same archive in a
temporary folder with ``build()``, so they never depend on today's extractor output.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STALE = "2008-科协发-30.yaml"
STALE_TITLE = "关于表彰2007年度优秀学会工作者的决定（征求意见稿）"
INVALID = "2023-组织部-公示.yaml"
INVALID_PERSON = {"name": "陈立", "roles": "组织人事部部长"}


def _edit(path: Path, change) -> None:
    import yaml

    from castdoc.record import dump_yaml
    from castdoc.writeout import write_atomic

    docs = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d is not None]
    change(docs[0])
    write_atomic(path, dump_yaml(docs))


def plant_faults(folder: Path) -> None:
    _edit(folder / STALE, lambda d: d.__setitem__("title", STALE_TITLE))
    _edit(folder / INVALID, lambda d: d.__setitem__("people", [dict(INVALID_PERSON)] + list(d.get("people") or [])[1:]))


def build(folder: Path = HERE, update=None) -> None:
    """Write every record with ``castdoc parse --update``, then plant the faults.

    ``update(args)`` runs castdoc with those arguments; by default a subprocess.
    """
    args = ["parse", "--update", "--quiet", str(folder)]
    if update is None:
        subprocess.run([sys.executable, "-m", "castdoc", *args], check=True)
    else:
        update(args)
    plant_faults(folder)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)

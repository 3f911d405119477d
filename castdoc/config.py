"""An office's own settings: ``castdoc.toml`` (or ``[tool.castdoc]`` in ``pyproject.toml``).

Why here and not in ``castdoc.check.config``: the local names of ``[lexicon]`` change
what every command reads (parse, tasks, report, show and check's drift rule must agree,
or a record made by ``parse`` would read as stale to ``check``), while ``[check]`` is
the checker's alone. Example::

    [lexicon]
    platforms = ["星城科普云", "湘江科创汇"]     # found as platforms in every document
    initiatives = ["科普进万家行动"]
    people = ["欧阳明远"]                      # found as people, wherever they are named
    files = ["names.txt"]                      # one name a line, relative to this file;
                                               # "名称 initiative" / "名称 person" sets the kind

    [check]
    profile = "received"                       # see castdoc.check.config

The file is found from the input's folder upward (stopping at a repository's root), or
given with ``--config FILE``. Names are registered with ``castdoc.nlp.register_words``
after the word table loads, so the cached table on disk never holds them and a changed
list never meets a stale cache.
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import UsageError

LEXICON_KEYS = {"platforms", "initiatives", "people", "files"}
KINDS = {"platform": "platforms", "initiative": "initiatives", "person": "people"}


@dataclass(frozen=True, kw_only=True, slots=True)
class Lexicon:
    """Local names by kind, in the order given, each once."""

    platforms: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.platforms or self.initiatives or self.people)

    def stamp(self) -> str:
        """A short hash of the names: what a record cache keys on besides castdoc's version."""
        h = hashlib.sha256()
        for kind in ("platforms", "initiatives", "people"):
            h.update(kind.encode() + b"\0" + "\n".join(getattr(self, kind)).encode("utf-8") + b"\0")
        return h.hexdigest()[:12]


@dataclass(frozen=True, kw_only=True, slots=True)
class Config:
    file: Path | None = None
    lexicon: Lexicon = Lexicon()


def find_config(start: Path) -> Path | None:
    """The nearest castdoc.toml, or pyproject.toml with [tool.castdoc], at or above ``start``;
    the search stops at a repository's root (a folder holding .git)."""
    d = start.absolute()
    if d.is_file() or not d.exists():
        d = d.parent
    for folder in (d, *d.parents):
        c = folder / "castdoc.toml"
        if c.is_file():
            return c
        p = folder / "pyproject.toml"
        if p.is_file():
            try:
                data = tomllib.loads(p.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                data = {}
            if "castdoc" in data.get("tool", {}):
                return p
        if (folder / ".git").exists():
            break
    return None


def castdoc_table(file: Path) -> dict:
    """The castdoc table of a file: the whole castdoc.toml, or pyproject's [tool.castdoc].
    Read here for both [lexicon] and [check], so a missing or broken file reads the same
    one line in every command."""
    if not file.is_file():
        raise UsageError("no such configuration file", path=str(file), hint="check the path given to --config")
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"cannot read configuration: {e}", path=str(file)) from None
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"not valid TOML: {e}", path=str(file)) from None
    if file.name == "pyproject.toml":
        data = data.get("tool", {}).get("castdoc", {})
    return data if isinstance(data, dict) else {}


def load(file: Path | str | None = None, *, start: Path | str | None = None) -> Config:
    """The configuration in ``file``, or in the one found from ``start``; empty when none."""
    if file is None and start is not None:
        found = find_config(Path(start))
        file = found
    if file is None:
        return Config()
    file = Path(file)
    table = castdoc_table(file)
    lex = table.get("lexicon", {})
    return Config(file=file, lexicon=lexicon_from_table(lex, root=file.parent, file=file, where=section(file, "lexicon")))


def section(file: Path, name: str) -> str:
    """How a table is named in messages: [tool.castdoc.NAME] in pyproject.toml, else [NAME]."""
    return f"[tool.castdoc.{name}]" if file.name == "pyproject.toml" else f"[{name}]"


def checked_table(table, keys: set[str], *, where: str, file: Path | None) -> Callable[..., UsageError]:
    """Raise unless ``table`` is a table of known ``keys`` (a typo in CI configuration must
    fail, not quietly do nothing); returns the function that words the table's other errors."""
    def bad(msg: str, hint: str | None = None) -> UsageError:
        return UsageError(f"{where}: {msg}", path=str(file) if file else None, hint=hint)

    if not isinstance(table, dict):
        raise bad("must be a table")
    unknown = set(table) - keys
    if unknown:
        raise bad(f"unknown key(s) {', '.join(sorted(unknown))}", f"known keys: {', '.join(sorted(keys))}")
    return bad


def lexicon_from_table(table, *, root: Path, file: Path | None = None, where: str = "[lexicon]") -> Lexicon:
    bad = checked_table(table, LEXICON_KEYS, where=where, file=file)
    names: dict[str, dict[str, None]] = {k: {} for k in KINDS.values()}
    for key in ("platforms", "initiatives", "people"):
        values = table.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise bad(f"{key} must be a list of names")
        for v in values:
            if v.strip():
                names[key][v.strip()] = None
    files = table.get("files", [])
    if isinstance(files, str):
        files = [files]
    if not isinstance(files, list) or not all(isinstance(v, str) for v in files):
        raise bad("files must be a list of file paths")
    for f in files:
        for kind, name in _names_file(root / f, bad):
            names[kind][name] = None
    for kind, got in names.items():
        for name in got:
            if len(name) < 2 or any(c.isspace() for c in name):
                raise bad(f"{kind}: {name!r} is not a name (two characters or more, no spaces)")
    return Lexicon(**{k: tuple(v) for k, v in names.items()})


def _names_file(path: Path, bad) -> list[tuple[str, str]]:
    """(kind, name) of each line of a names file: ``名称`` or ``名称 initiative``; # comments."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise bad(f"cannot read the names file {path}: {e.strerror or e}", "files are relative to castdoc.toml") from None
    except UnicodeDecodeError:
        raise bad(f"the names file {path} is not UTF-8", "save it as UTF-8") from None
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        kind = parts[1] if len(parts) > 1 else "platform"
        if kind not in KINDS or len(parts) > 2:
            raise bad(f"{path.name} line {n}: write a name, or a name and one of {', '.join(KINDS)}")
        out.append((KINDS[kind], parts[0]))
    return out


_applied: list[str] = []  # the stamp of the lexicon registered in this process


def apply(cfg: Config) -> None:
    """Register ``cfg``'s local names for every document read in this process (and in
    workers forked after it)."""
    from . import nlp

    stamp = cfg.lexicon.stamp() if cfg.lexicon else ""
    if _applied and _applied[-1] == stamp:
        return
    nlp.register_words(platforms=cfg.lexicon.platforms, initiatives=cfg.lexicon.initiatives,
                       people=cfg.lexicon.people)
    _applied.append(stamp)


def use(file: Path | str | None = None, *, start: Path | str | None = None) -> Config:
    """Load the configuration (``--config``, or the one found from ``start``) and apply it."""
    cfg = load(file, start=start)
    apply(cfg)
    return cfg


def first_folder(paths) -> Path:
    """Where to look for castdoc.toml: the first input that is not standard input."""
    for p in paths or ():
        if str(p) != "-":
            return Path(p)
    return Path.cwd()

"""Check configuration: ``castdoc.toml`` (``[check]``) or ``pyproject.toml`` (``[tool.castdoc.check]``).

Example::

    [check]
    select = ["ALL"]                 # rule ids, names, prefixes (CD1) or groups (format)
    ignore = ["title-non-kind"]
    exclude = ["drafts/*", "*.tmp.txt"]   # globs, relative to this file
    records = "records"              # records kept in a folder mirroring the archive
    era = "auto"                     # auto (by 成文日期) | 2012 | 1999
    profile = "received"             # received: schema, drift, readability (other bodies'
                                     # documents); issued: GB/T 9704 as well (own drafts)

    [check.severity]                 # error | warning | info | off
    CD141 = "error"

    [check.accept]                   # accepted exceptions, per file glob
    "2019/科协-3.txt" = ["CD120"]

README*, CHANGELOG*, LICENSE* and CONTRIBUTING* files are never taken for documents.
An unknown key, rule or severity is a usage error: a typo in CI configuration must fail,
not quietly switch a rule off.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable

from ..config import castdoc_table, checked_table, find_config, section
from ..errors import UsageError
from . import RULES, resolve

KEYS = {"select", "ignore", "exclude", "records", "era", "severity", "accept", "profile"}
# Which rules a kind of archive needs. received: documents from other bodies, whose
# GB/T 9704 form the office cannot change (schema, drift, readability); issued: the
# office's own drafts, held to GB/T 9704 as well.
PROFILES = {"received": ("archive", "schema", "drift"), "issued": ("ALL",)}
LEVELS = ("error", "warning", "info", "off")
ERAS = ("auto", "2012", "1999")
# A repository's own prose is not an archived document, whatever its suffix.
DEFAULT_EXCLUDE = ("README*", "CHANGELOG*", "CHANGES*", "LICENSE*", "CONTRIBUTING*", "*.gold.yaml")


@dataclass(frozen=True, kw_only=True)
class CheckConfig:
    root: Path  # globs and the records folder are relative to this
    file: Path | None = None
    enabled: frozenset[str] = frozenset(RULES)
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> level, only overrides
    exclude: tuple[str, ...] = ()
    accept: tuple[tuple[str, frozenset[str]], ...] = ()
    records: Path | None = None
    era: str = "auto"
    profile: str | None = None
    file_select: frozenset[str] | None = None  # the file's own select and ignore, which a
    file_ignore: frozenset[str] = frozenset()  # --profile on the command line sits under

    def level(self, rule_id: str) -> str:
        """The severity a rule's findings carry, or 'off'."""
        if rule_id not in self.enabled:
            return "off"
        return self.severity.get(rule_id, RULES[rule_id].severity)

    def rel(self, path: Path | str) -> str:
        """``path`` relative to the root, posix style, for globs ('' parts kept if outside)."""
        p = Path(path).absolute()
        try:
            return p.relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return p.as_posix()

    def excluded(self, path: Path | str) -> bool:
        return _matches(self.rel(path), self.exclude + DEFAULT_EXCLUDE)

    def accepted(self, path: Path | str, rule_id: str) -> bool:
        rel = self.rel(path)
        return any(rule_id in ids and _matches(rel, (g,)) for g, ids in self.accept)


def _matches(rel: str, globs: Iterable[str]) -> bool:
    name = PurePosixPath(rel).name
    for g in globs:
        g = g.strip().removeprefix("./")
        if fnmatch.fnmatchcase(rel, g) or fnmatch.fnmatchcase(name, g):
            return True
        if g.endswith("/") and (rel + "/").startswith(g):
            return True
        if fnmatch.fnmatchcase(rel, g.rstrip("/") + "/*"):
            return True
    return False


def load_config(file: Path | None, *, start: Path | None = None) -> CheckConfig:
    """Read ``file`` (or the one found from ``start``); defaults when there is none."""
    if file is None and start is not None:
        file = find_config(start)
    if file is None:
        return CheckConfig(root=Path.cwd())
    table = castdoc_table(file).get("check", {})
    return config_from_table(table, root=file.parent, file=file, where=section(file, "check"))


def config_from_table(table: dict, *, root: Path, file: Path | None = None, where: str = "[check]") -> CheckConfig:
    bad = checked_table(table, KEYS, where=where, file=file)

    def ids(values, key: str) -> set[str]:
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise bad(f"{key} must be a list of rule ids or names")
        out: set[str] = set()
        for v in values:
            try:
                out |= resolve(v)
            except KeyError:
                raise bad(f"{key}: unknown rule {v!r}", "castdoc check --list-rules shows them") from None
        return out

    profile = table.get("profile")
    if profile is not None and profile not in PROFILES:
        raise bad(f"profile must be one of {', '.join(PROFILES)}, not {profile!r}")
    file_select = frozenset(ids(table["select"], "select")) if "select" in table else None
    file_ignore = set(ids(table.get("ignore", []), "ignore"))
    enabled = set(file_select if file_select is not None else profile_rules(profile)) - file_ignore
    severity: dict[str, str] = {}
    sev = table.get("severity", {})
    if not isinstance(sev, dict):
        raise bad("severity must be a table of rule = level")
    for key, level in sev.items():
        if level not in LEVELS:
            raise bad(f"severity.{key}: {level!r} is not one of {', '.join(LEVELS)}")
        for rid in ids([key], "severity"):
            severity[rid] = level
    for rid, level in list(severity.items()):
        if level == "off":
            enabled.discard(rid)
            file_ignore.add(rid)
            del severity[rid]
    exclude = table.get("exclude", [])
    if isinstance(exclude, str):
        exclude = [exclude]
    if not isinstance(exclude, list) or not all(isinstance(v, str) for v in exclude):
        raise bad("exclude must be a list of globs")
    accept_t = table.get("accept", {})
    if not isinstance(accept_t, dict):
        raise bad("accept must be a table of \"glob\" = [rules]")
    accept = tuple((g, frozenset(ids(v, f"accept.{g}"))) for g, v in accept_t.items())
    records = table.get("records")
    if records is not None and not isinstance(records, str):
        raise bad("records must be a folder path")
    era = str(table.get("era", "auto"))
    if era not in ERAS:
        raise bad(f"era must be one of {', '.join(ERAS)}")
    return CheckConfig(
        root=root,
        file=file,
        enabled=frozenset(enabled),
        severity=severity,
        exclude=tuple(exclude),
        accept=accept,
        records=(root / records) if records else None,
        era=era,
        profile=profile,
        file_select=file_select,
        file_ignore=frozenset(file_ignore),
    )


def profile_rules(profile: str | None) -> set[str]:
    """The rules a profile runs (every rule without one)."""
    out: set[str] = set()
    for group in PROFILES.get(profile or "issued", ("ALL",)):
        out |= resolve(group)
    return out


def with_cli(cfg: CheckConfig, *, select: list[str] | None, ignore: list[str] | None,
             records: Path | None, era: str | None = None, profile: str | None = None) -> CheckConfig:
    """Command-line options over the file: --profile replaces the file's profile (its
    select and ignore still apply), --select replaces, --ignore adds."""
    from dataclasses import replace

    def ids(values: list[str], opt: str) -> set[str]:
        out: set[str] = set()
        for v in values:
            for part in v.split(","):
                if not part.strip():
                    continue
                try:
                    out |= resolve(part)
                except KeyError:
                    raise UsageError(f"{opt}: unknown rule {part!r}", hint="castdoc check --list-rules shows them") from None
        return out

    enabled = set(cfg.enabled)
    if profile is not None:
        if profile not in PROFILES:
            raise UsageError(f"--profile must be one of {', '.join(PROFILES)}, not {profile!r}")
        base = cfg.file_select if cfg.file_select is not None else profile_rules(profile)
        enabled = set(base) - cfg.file_ignore
        enabled -= {r for r in enabled if r not in profile_rules(profile)}
    if select:
        enabled = ids(select, "--select")
    if ignore:
        enabled -= ids(ignore, "--ignore")
    changes: dict = {"enabled": frozenset(enabled)}
    if profile is not None:
        changes["profile"] = profile
    if records is not None:
        changes["records"] = records
    if era is not None:
        changes["era"] = era
    return replace(cfg, **changes)

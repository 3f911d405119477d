"""Option values converted without pydantic, for the plain types castdoc's commands use.

typer (0.2x) converts every option value through a pydantic TypeAdapter, and building
the first one imports pydantic: some 50-150 ms of every ``castdoc parse``, longer than
parsing the notice it was asked for. castdoc's options are all str, int, float, Path or
an Enum of choices (optional, or a list of them), which need no validation library: for
those, ``install()`` gives typer a converter of castdoc's own; any other annotation, or
an option with path checks (``exists=`` …), still goes to typer's own. typer offers no
public hook for this, so ``install`` only acts where typer has the one it replaces
(``typer.core.build_runtime_param``) and otherwise leaves typer as it is.
"""
from __future__ import annotations

import enum
import types
import typing
from pathlib import Path

_SCALARS = (str, bool, int, float, Path)
_PATH_CHECKS = ("exists", "writable", "resolve_path", "allow_dash", "path_type", "clamp")
_TRUE, _FALSE = {"1", "true", "t", "yes", "y", "on"}, {"0", "false", "f", "no", "n", "off"}


def _plain(annotation):
    """(base type, is a list) for the annotations handled here, else None."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            return None
        annotation, origin = args[0], typing.get_origin(args[0])
    many = False
    if origin in (list, typing.List):
        args = typing.get_args(annotation)
        if len(args) != 1:
            return None
        annotation, many = args[0], True
    if annotation in _SCALARS or (isinstance(annotation, type) and issubclass(annotation, enum.Enum)):
        return annotation, many
    return None


class PlainParam:
    """typer's RuntimeParam contract (``coerce(value, param, ctx)``) for one plain type."""

    def __init__(self, base: type, many: bool, info):
        self.base = base
        self.many = many
        self.min = getattr(info, "min", None)
        self.max = getattr(info, "max", None)
        self.case_sensitive = getattr(info, "case_sensitive", True)

    def coerce(self, value, param, ctx):
        from typer._click.exceptions import BadParameter

        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None
        try:
            if multi or self.many:
                if isinstance(value, str):
                    raise ValueError("Value must be an iterable.")
                got = [self.one(v) for v in value]
                return got if self.many else tuple(got)
            return self.one(value)
        except ValueError as e:
            raise BadParameter(str(e), ctx=ctx, param=param) from None

    def one(self, value):
        base = self.base
        if isinstance(value, base) and not (base is int and isinstance(value, bool)):
            v = value
        elif issubclass(base, enum.Enum):
            v = self._choice(value)
        elif base is bool:
            word = str(value).strip().lower()
            if word not in _TRUE | _FALSE:
                raise ValueError(f"{value!r} is not a valid boolean.")
            v = word in _TRUE
        elif base is int:
            try:
                v = int(str(value).strip())
            except ValueError:
                raise ValueError(f"{value!r} is not a valid integer.") from None
        elif base is float:
            try:
                v = float(str(value).strip())
            except ValueError:
                raise ValueError(f"{value!r} is not a valid number.") from None
        else:
            v = base(value)
        if base in (int, float):
            if self.min is not None and v < self.min:
                raise ValueError(f"{value} is smaller than the minimum {self.min}.")
            if self.max is not None and v > self.max:
                raise ValueError(f"{value} is larger than the maximum {self.max}.")
        return v

    def _choice(self, value):
        text = value.value if isinstance(value, enum.Enum) else str(value)
        for member in self.base:
            if member.value == text or (not self.case_sensitive and str(member.value).casefold() == text.casefold()):
                return member
        choices = ", ".join(repr(m.value) for m in self.base)
        raise ValueError(f"{value!r} is not one of {choices}.")


def install() -> bool:
    """Give typer castdoc's converter for the plain types; False where typer has no such hook."""
    try:
        from typer import core
    except ImportError:  # pragma: no cover - typer is a dependency
        return False
    original = getattr(core, "build_runtime_param", None)
    if original is None or getattr(original, "castdoc_plain", False):
        return original is not None

    def build_runtime_param(descriptor):
        info = getattr(descriptor, "parameter_info", None)
        plain = _plain(getattr(descriptor, "annotation", None))
        if (plain is None or getattr(descriptor, "file_annotation", None) is not None
                or any(getattr(info, k, None) not in (None, False) for k in _PATH_CHECKS)
                or getattr(info, "file_okay", True) is not True or getattr(info, "dir_okay", True) is not True
                or getattr(info, "parser", None) is not None):
            return original(descriptor)
        return PlainParam(plain[0], plain[1], info)

    build_runtime_param.castdoc_plain = True  # type: ignore[attr-defined]
    core.build_runtime_param = build_runtime_param
    return True

"""The record schema, shipped in the wheel, and validation with messages at field paths."""
from __future__ import annotations

import functools
import json
from importlib import resources

SCHEMA_FILE = "castdoc-record.schema.json"


def schema_text() -> str:
    return resources.files("castdoc").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(schema_text())


@functools.lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def field_path(parts) -> str:
    """['people', 2, 'roles'] -> 'people[2].roles'."""
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(record)"


def validate(record: dict) -> list[tuple[str, str]]:
    """[(field path, message)] for every way ``record`` breaks the schema; [] when valid."""
    errors = []
    for err in sorted(_validator().iter_errors(record), key=lambda e: list(map(str, e.absolute_path))):
        path = field_path(err.absolute_path)
        if err.validator == "required":
            msg = err.message.replace("is a required property", "is missing")
        elif err.validator == "additionalProperties":
            msg = "unknown field(s): " + err.message.split("(")[-1].rstrip(")").replace(" were unexpected", "").replace(" was unexpected", "")
        elif err.validator in ("type", "enum", "pattern", "format", "minLength", "minimum"):
            msg = f"{err.instance!r} is not valid here ({err.validator}: {err.validator_value!r})"
        else:
            msg = err.message
        errors.append((path, msg))
    return errors

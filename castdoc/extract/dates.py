"""Placeholder: filled in by the extractor issues."""
from __future__ import annotations


def extract(doc, found) -> tuple:
    return ()

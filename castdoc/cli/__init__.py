"""The command line: one module per command, each a thin call into the library.

Heavy modules (jieba, pdfplumber, python-docx) are imported inside the library calls
that need them, never at the top, so ``castdoc --help`` starts fast.
"""
from __future__ import annotations

from . import parse, check, tasks, htmlpage, show, schema, watch  # noqa: F401, I001 - registers the commands, in --help's order
from .app import app, main

__all__ = ["app", "main"]

"""castdoc: read Chinese official notices and news bulletins into structured records.

The library is the API (``castdoc.pipeline.parse_path``); the CLI is a thin layer over it.
Nothing heavy is imported here, so ``castdoc --help`` stays fast.
"""
__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"

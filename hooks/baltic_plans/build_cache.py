"""The build's cache on disk, outside site/: typeset PDFs and compiled Jinja templates, shared by every checkout
and test build of this machine. Each entry is keyed by its input, so a stale entry is never used."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def cache_root() -> Path:
    """BALTIC_PLANS_CACHE, else the user's cache folder."""
    configured = os.environ.get("BALTIC_PLANS_CACHE")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "baltic-plans"


@cache
def compiled_templates() -> FileSystemBytecodeCache:
    """Jinja's own bytecode cache: a template is parsed and compiled once per change of its source, not once per
    build and language (Material's templates alone took a quarter of a build). Jinja checks each entry
    against the template's source and the Python version."""
    folder = cache_root() / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))

"""Digests of files, for the caches of ``briefing check`` and ``briefing build``: what they
record was made by this code from these files, and is not trusted once either changed."""

from __future__ import annotations

import hashlib
import os
import sys
import sysconfig
from collections.abc import Iterable
from functools import cache
from pathlib import Path

CACHE_DIR = Path(".briefing-cache")
"""Where the caches are kept in a project by default (ignored by git; safe to delete)."""
TOOL_DIR = Path(__file__).resolve().parent.parent
"""The tool's own code (``build_tools/``): its templates of messages, its rules."""


def files_digest(paths: Iterable[Path]) -> str:
    """A digest of the files at ``paths`` and under the folders among them: their names
    (from the folder they are in, so that a copy of the project has the same) and bytes."""
    digest = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(file.relative_to(path.parent).as_posix().encode() + b"\0")
            digest.update(file.read_bytes() if file.exists() else b"missing")
            digest.update(b"\0")
    return digest.hexdigest()


@cache
def tool_digest() -> str:
    """What the tool's results are made by: its own code, the Python that runs it, and
    the packages installed beside it (a new PyYAML, jsonschema or Markdown may find other
    problems in the same files)."""
    parts = [files_digest([TOOL_DIR]), sys.version, *installed_packages()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def installed_packages() -> list[str]:
    """The packages where pip installs them for this Python, each with its version, as the
    names of their ``*.dist-info`` folders (``PyYAML-6.0.2.dist-info``): listed, not read,
    so that a ``check`` with nothing to do stays quick (reading every package's metadata
    takes a fifth of a second)."""
    paths = sysconfig.get_paths()
    found = []
    for folder in sorted({paths["purelib"], paths["platlib"]}):
        try:
            with os.scandir(folder) as entries:
                found += [entry.name for entry in entries if entry.name.endswith(".dist-info")]
        except OSError:  # no such folder: nothing installed there
            continue
    return sorted(found)

"""What every subcommand needs: the project folder, and its content loaded and checked."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TypeAlias

from ..pipeline.digests import CACHE_DIR
from ..pipeline.settings import CONFIG_DIR

EXIT_OK, EXIT_CONTENT_ERRORS, EXIT_USAGE = 0, 1, 2
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``add_subparsers()`` returns, which each subcommand adds its parser to."""


class UsageError(Exception):
    """The command was given something it cannot work on: exit code 2."""


def add_root(command: argparse.ArgumentParser) -> None:
    command.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: .)")


def project(path: Path) -> Path:
    root = path.resolve()
    if not (root / CONFIG_DIR).is_dir():
        raise UsageError(f"{path} has no {CONFIG_DIR}/ folder: --root must be the project folder")
    return root


def add_cache(command: argparse.ArgumentParser) -> None:
    command.add_argument("--cache", type=Path, metavar="DIR",
                         help="where to keep what this run found and made, so that the next one skips what has "
                              f"not changed (default: ROOT/{CACHE_DIR})")
    command.add_argument("--no-cache", action="store_true",
                         help="neither use nor keep that record: check every folder, render every page (what "
                              f"was read from photos stays in ROOT/{CACHE_DIR}/media)")


def cache_folder(args: argparse.Namespace, root: Path) -> Path | None:
    """The cache folder ``--cache`` and ``--no-cache`` ask for: None for none."""
    return None if args.no_cache else (args.cache or root / CACHE_DIR).resolve()


def warn(text: str | None) -> None:
    """A warning about the command itself (its cache), not about the content: on standard error."""
    if text:
        print(f"briefing: warning: {text}", file=sys.stderr)


def add_quiet(command: argparse.ArgumentParser) -> None:
    command.add_argument("--quiet", action="store_true",
                         help="print only the problems: no progress, no summary (for scripts)")

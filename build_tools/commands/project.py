"""What every subcommand needs: the project folder, and its content loaded and checked."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeAlias

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


def add_quiet(command: argparse.ArgumentParser) -> None:
    command.add_argument("--quiet", action="store_true",
                         help="print only the problems: no progress, no summary (for scripts)")

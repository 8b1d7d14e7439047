"""The ``briefing`` command."""

from __future__ import annotations

import argparse
import sys

from .commands import build, check, export, new, strip, suggest, translations
from .commands.project import EXIT_USAGE, UsageError

SUBCOMMANDS = (check, build, export, suggest, new, strip, translations)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for command in SUBCOMMANDS:
        command.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except UsageError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return code


if __name__ == "__main__":
    sys.exit(main())

"""briefing: check, build and keep a bilingual Arabic/English briefing (content/ and
site_config/ of the project folder, the current one unless --root says otherwise)."""

from __future__ import annotations

import argparse
import sys

from .commands import build, check, export, new, strip, suggest, translations, upkeep
from .commands.project import EXIT_USAGE, UsageError

EXAMPLES = """\
examples:
  briefing check                       what is wrong, file:line, before you commit
  briefing build                       the whole site into site/, replaced only when complete
  briefing new article --date 2017-09-05 --slug siege-broken
  briefing suggest content/articles/2017/2017-09-05-siege-broken
  briefing translations                which translations are stale or pending
  briefing where actor sdf             every file that lists, links to or names it
  briefing rename actor sdf syrian-democratic-forces --dry-run

'briefing COMMAND --help' says more about each command.
"""
SUBCOMMANDS = (check, build, export, suggest, new, strip, translations, upkeep)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__, epilog=EXAMPLES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
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

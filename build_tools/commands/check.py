"""``briefing check``: validate content/ and site_config/, changing no file."""

from __future__ import annotations

import argparse
import sys

from .project import EXIT_CONTENT_ERRORS, EXIT_OK, Subcommands, add_root, load, project


def register(commands: Subcommands) -> None:
    check = commands.add_parser("check", help="validate content/ and site_config/; changes no file")
    add_root(check)
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="github: workflow commands that annotate the pull request's lines")
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _, report = load(project(args.root), articles=False)
    formats = {"text": report.as_text, "json": report.as_json, "github": report.as_github}
    sys.stdout.write(formats[args.format]())
    failed = report.errors or (args.strict and report.warnings)
    return EXIT_CONTENT_ERRORS if failed else EXIT_OK

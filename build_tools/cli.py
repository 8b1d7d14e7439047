"""The ``briefing`` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .config import CONFIG_DIR, ConfigError
from .diagnostics import Position, Report
from .pipeline import load_briefing

EXIT_OK, EXIT_CONTENT_ERRORS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate content/ and site_config/; changes no file")
    check.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: .)")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="check, then build the bilingual site with MkDocs")
    build.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: .)")
    build.add_argument("--site-dir", type=Path, help="where to write the site (default: ROOT/site)")
    build.add_argument("--drafts", action="store_true", help="include drafts, with a banner")
    build.set_defaults(run=_build, strict=False, format="text")
    return parser


def _check(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    if not (root / CONFIG_DIR).is_dir():
        print(f"briefing: error: {args.root} has no {CONFIG_DIR}/ folder: "
              "--root must be the project folder", file=sys.stderr)
        return EXIT_USAGE
    report = Report()
    try:
        load_briefing(root, report)
    except ConfigError as exc:
        report.error(Position(CONFIG_DIR, 0, 0), str(exc))
    sys.stdout.write(report.as_json() if args.format == "json" else report.as_text())
    failed = report.errors or (args.strict and report.warnings)
    return EXIT_CONTENT_ERRORS if failed else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    checked = _check(args)
    if checked != EXIT_OK:
        return checked
    root = args.root.resolve()
    site_dir = (args.site_dir or root / "site").resolve()
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
        config.plugins["briefing"].config.drafts = args.drafts
        build(config)
    except (MkDocsException, OSError) as exc:
        print(f"briefing: error: the site was not built: {exc}", file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    print(f"Site built in {site_dir}: open {site_dir / 'index.html'} or serve the folder.")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())

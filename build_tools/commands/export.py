"""``briefing export``: the open data files, written without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model.published import Published
from ..pipeline.load import load_checked
from ..site.opendata import FORMATS, export_files
from .project import EXIT_CONTENT_ERRORS, EXIT_OK, Subcommands, add_root, project


def register(commands: Subcommands) -> None:
    export = commands.add_parser("export", help="write the open data files without building the site")
    add_root(export)
    export.add_argument("--format", choices=FORMATS, action="append", required=True,
                        help="json, csv or geojson; repeat for several")
    export.add_argument("--out", type=Path, required=True, help="the folder to write into")
    export.add_argument("--drafts", action="store_true", help="include draft articles")
    export.set_defaults(run=run, strict=False)


def run(args: argparse.Namespace) -> int:
    loaded, report = load_checked(project(args.root))
    if loaded is None or report.errors:
        sys.stdout.write(report.as_text())
        return EXIT_CONTENT_ERRORS
    files = export_files(Published(loaded.briefing, args.drafts), loaded.config.base_url,
                         loaded.config.vocabularies, args.format)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        partial = args.out / f".{name}.partial"
        partial.write_text(content, encoding="utf-8")
        partial.replace(args.out / name)  # a reader never sees a half-written file
        print(f"wrote {args.out / name}")
    return EXIT_OK

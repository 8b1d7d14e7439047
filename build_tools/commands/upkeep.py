"""``briefing list``, ``where`` and ``rename``: finding one's way in a growing archive and
changing an id everywhere at once."""

from __future__ import annotations

import argparse
import json
import sys

from ..diagnostics import Report, did_you_mean
from ..model.kinds import REGISTRIES
from ..pipeline.settings import ConfigError
from ..upkeep.listing import ARTICLE_LISTS, as_line, listed
from ..upkeep.rename import RenameError, plan_rename, write_rename
from ..upkeep.uses import Content, find_uses, read_content
from .project import EXIT_CONTENT_ERRORS, EXIT_OK, Subcommands, add_root, project

KIND_NAMES = tuple(kind.name for kind in REGISTRIES)


def register(commands: Subcommands) -> None:
    listing = commands.add_parser("list", help="the articles, drafts, scheduled articles or registry entries, "
                                  "one a line", epilog="example: briefing list scheduled --format json")
    listing.add_argument("what", nargs="?", default="articles",
                         choices=(*ARTICLE_LISTS, *(kind.plural for kind in REGISTRIES)))
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(run=run_list)
    where = commands.add_parser("where", help="every file that lists, links to or names an entry, with its line",
                                epilog="example: briefing where actor sdf")
    where.add_argument("kind", choices=KIND_NAMES)
    where.add_argument("id")
    where.add_argument("--format", choices=("text", "json"), default="text")
    where.set_defaults(run=run_where)
    rename = commands.add_parser("rename", help="change an entry's id: its file and every reference to it",
                                 epilog="example: briefing rename actor sdf syrian-democratic-forces --dry-run")
    rename.add_argument("kind", choices=KIND_NAMES)
    rename.add_argument("old")
    rename.add_argument("new")
    rename.add_argument("--dry-run", action="store_true", help="show the changes as a diff, write nothing")
    rename.set_defaults(run=run_rename)
    for command in (listing, where, rename):
        add_root(command)


def _content(args: argparse.Namespace) -> tuple[Content | None, Report]:
    report = Report()
    try:
        return read_content(project(args.root), report), report
    except ConfigError:
        sys.stderr.write(report.as_text())
        return None, report


def run_list(args: argparse.Namespace) -> int:
    content, _ = _content(args)
    if content is None:
        return EXIT_CONTENT_ERRORS
    records = listed(content, args.what)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        print("\n".join(as_line(record) for record in records) if records else f"no {args.what}")
    return EXIT_OK


def run_where(args: argparse.Namespace) -> int:
    content, _ = _content(args)
    if content is None:
        return EXIT_CONTENT_ERRORS
    uses = find_uses(content, args.kind, args.id)
    known = content.files.ids[args.kind]
    if args.format == "json":
        print(json.dumps([use.as_data() for use in uses], ensure_ascii=False, indent=2))
    for use in uses if args.format == "text" else ():
        p = use.position
        verb = {"refers": "refers to", "links": "links to"}.get(use.how, use.how)
        print(f"{p.file}:{p.line}:{p.column}: {verb} {args.kind} '{args.id}' ({use.detail})")
    if args.id not in known:
        print(f"briefing: there is no {args.kind} '{args.id}'{did_you_mean(args.id, known)}", file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    if args.format == "text":
        print(f"{len(uses)} use{'s' * (len(uses) != 1)} of {args.kind} '{args.id}'")
    return EXIT_OK


def run_rename(args: argparse.Namespace) -> int:
    content, report = _content(args)
    if content is None:
        return EXIT_CONTENT_ERRORS
    if report.errors:
        sys.stderr.write(report.as_text())
        print("briefing: error: content/ has files that cannot be read: fix them first, nothing was renamed",
              file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    try:
        edits = plan_rename(content, args.kind, args.old, args.new)
    except RenameError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    if args.dry_run:
        sys.stdout.write("".join(edit.diff(content.files.root) for edit in edits))
        return EXIT_OK
    write_rename(edits)
    print(f"renamed {args.kind} '{args.old}' to '{args.new}' in {len(edits)} files; run 'briefing check'")
    return EXIT_OK

"""``briefing list``, ``where``, ``rename`` and ``merge``: finding one's way in a growing
archive, changing an id everywhere at once, making two entries one."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from ..content.sourcefiles import relative
from ..diagnostics import Report, did_you_mean
from ..model.kinds import ARTICLE, REGISTRIES
from ..pipeline.settings import ConfigError
from ..upkeep.listing import ARTICLE_LISTS, as_line, listed
from ..upkeep.merge import plan_merge
from ..upkeep.rename import Changes, plan_rename
from ..upkeep.rename_article import plan_article_rename
from ..upkeep.uses import Content, find_uses, read_content
from ..upkeep.yamledit import EditError
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
    rename = commands.add_parser("rename", help="change an entry's or an article's id: its file or folder and "
                                 "every reference to it; its old address keeps working (redirect_from)",
                                 epilog="examples: briefing rename actor sdf syrian-democratic-forces --dry-run; "
                                 "briefing rename article 2017-08-07-rift 2017-08-09-rift")
    rename.add_argument("kind", choices=(*KIND_NAMES, ARTICLE.name))
    rename.add_argument("old")
    rename.add_argument("new")
    rename.set_defaults(run=run_rename)
    merge = commands.add_parser("merge", help="make two entries one: GONE's references become KEEP's, its names "
                                "KEEP's aliases, its address KEEP's; its file is removed",
                                epilog="example: briefing merge actor sdf qsd --dry-run")
    merge.add_argument("kind", choices=KIND_NAMES)
    merge.add_argument("keep")
    merge.add_argument("gone")
    merge.set_defaults(run=run_merge)
    for command in (listing, where, rename, merge):
        add_root(command)
    for command in (rename, merge):
        command.add_argument("--dry-run", action="store_true", help="show the changes as a diff, write nothing")


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
    def plan(content: Content) -> Changes:
        if args.kind == ARTICLE.name:
            return plan_article_rename(content, args.old, args.new)
        return plan_rename(content, args.kind, args.old, args.new)

    return _change(args, plan, f"renamed {args.kind} '{args.old}' to '{args.new}'")


def run_merge(args: argparse.Namespace) -> int:
    left: list[str] = []

    def plan(content: Content) -> Changes:
        changes, fields = plan_merge(content, args.kind, args.keep, args.gone)
        left.extend(fields)
        return changes

    code = _change(args, plan, f"merged {args.kind} '{args.gone}' into '{args.keep}'")
    if code == EXIT_OK and left:
        print(f"{args.keep}.yml keeps its own {', '.join(left)}; {args.gone}.yml says otherwise: settle it by hand")
    return code


def _change(args: argparse.Namespace, plan: Callable[[Content], Changes], done: str) -> int:
    """Plans the changes on content/ read whole, then shows them (``--dry-run``) or writes them."""
    content, report = _content(args)
    if content is None:
        return EXIT_CONTENT_ERRORS
    if report.errors:
        sys.stderr.write(report.as_text())
        print("briefing: error: content/ has files that cannot be read: fix them first, nothing was changed",
              file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    try:
        changes = plan(content)
    except EditError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    if args.dry_run:
        sys.stdout.write(changes.diff(content.files.root))
        return EXIT_OK
    changes.write()
    root, count = content.files.root, changes.files
    if changes.folder is not None:
        done += f": {relative(changes.folder[0], root)}/ is now {relative(changes.folder[1], root)}/"
    print(f"{done}, {count} file{'s' * (count != 1)} changed; run 'briefing check'")
    return EXIT_OK

"""``briefing new``: start an article or a registry file, with every field to fill."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.scaffold import REGISTRY_TEMPLATES, ScaffoldError, append_event, new_article, new_entity, write
from ..model.kinds import BY_NAME
from .project import EXIT_CONTENT_ERRORS, EXIT_OK, Subcommands, add_root, project


def register(commands: Subcommands) -> None:
    new = commands.add_parser(
        "new", help="start an article, actor, location, source or tag, or add an event").add_subparsers(
        dest="kind", required=True)
    article = new.add_parser("article", help="content/articles/YYYY/DATE-SLUG/")
    article.add_argument("--date", required=True, help="YYYY-MM-DD, YYYY-MM or YYYY")
    article.add_argument("--slug", required=True, help="short id in lowercase ASCII, e.g. coalition-sdf-rift")
    article.add_argument("--lang", choices=("ar", "en", "both"), default="both")
    event = new.add_parser("event", help="add an event to ARTICLE_DIR/meta.yml, every field to fill")
    event.add_argument("article_dir", type=Path, help="the article's folder, content/articles/YYYY/SLUG")
    for kind in REGISTRY_TEMPLATES:
        entity = new.add_parser(kind, help=f"content/{BY_NAME[kind].plural}/ID.yml")
        entity.add_argument("id", help="lowercase ASCII letters, digits and hyphens")
    for command in new.choices.values():
        add_root(command)
        command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = project(args.root)
    try:
        if args.kind == "event":
            meta = append_event(args.article_dir)
            print(f"added an event to {meta}; fill in its empty fields: 'briefing check' names each one")
            return EXIT_OK
        if args.kind == "article":
            languages = ("ar", "en") if args.lang == "both" else (args.lang,)
            files = new_article(root, args.date, args.slug, languages)
        else:
            files = new_entity(root, args.kind, args.id)
        write(files)
    except (ScaffoldError, OSError) as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    for file in files:
        print(f"created {file.path.relative_to(root).as_posix()}")
    print("fill in the empty fields; 'briefing check' names each one")
    return EXIT_OK

"""``briefing suggest``: the actors and locations an article names, against its meta.yml."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..checks.mentions import Suggestions, suggest
from ..model.kinds import NAMED_IN_TEXT
from ..pipeline.load import load_checked
from ..pipeline.settings import CONFIG_DIR
from .project import EXIT_CONTENT_ERRORS, EXIT_OK, Subcommands, UsageError


def register(commands: Subcommands) -> None:
    command = commands.add_parser("suggest", help="actors and locations an article names, against its meta.yml")
    command.add_argument("path", type=Path, help="the article folder, content/articles/YYYY/SLUG")
    command.add_argument("--format", choices=("text", "json"), default="text")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = args.path.resolve()
    root = next((p for p in folder.parents if (p / CONFIG_DIR).is_dir()), None)
    if not folder.is_dir() or root is None:
        raise UsageError(f"{args.path} is not an article folder of a project")
    loaded, report = load_checked(root)
    article = loaded.briefing.articles.get(folder.name) if loaded else None
    if loaded is None or article is None:
        sys.stdout.write("".join(f"{d}\n" for d in report.errors))
        print(f"briefing: error: {args.path} could not be read as an article", file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    result = suggest(article, loaded.briefing, loaded.matcher)
    if args.format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(_as_text(result))
    return EXIT_OK


def _as_text(result: Suggestions) -> str:
    lines = []
    for kind in NAMED_IN_TEXT:
        name, plural = kind.name, kind.plural
        lines.append(f"{plural} named in the text:")
        for id_, count in sorted(result.counts[name].items(), key=lambda item: (-item[1], item[0])):
            flag = "   not in meta.yml" if id_ in result.missing[name] else ""
            lines.append(f"  {id_:<32} {count:>3}{flag}")
        if result.missing[name]:
            lines.append(f"  add to meta.yml {plural}: {', '.join(result.missing[name])}")
        if result.unmentioned[name]:
            lines.append(f"  listed but not named: {', '.join(result.unmentioned[name])}")
    return "\n".join(lines) + "\n"

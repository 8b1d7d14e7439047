"""``briefing translations``: which text of each article translates which, what changed
since, and the handoff to translators."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from ..content.loader import CONTENT_DIR
from ..diagnostics import Report
from ..languages import LANGUAGES
from ..model.kinds import ARTICLE
from ..model.translations import Status
from ..pipeline.settings import ConfigError
from ..pipeline.survey import Survey, article_texts, survey
from ..translating.diff import translation_diff
from ..translating.handoff import export_files, write_export
from ..translating.importing import plan_import
from ..translating.record import TranslatingError, mark_done
from .project import EXIT_CONTENT_ERRORS, EXIT_OK, Subcommands, UsageError, add_root, project

EXAMPLES = """\
examples:
  briefing translations                      every article's languages and their status
  briefing translations --format json
  briefing translations --diff content/articles/2017/SLUG
  briefing translations --done content/articles/2017/SLUG en
  briefing translations --export en --out to-translators/
  briefing translations --import from-translators/
"""


def register(commands: Subcommands) -> None:
    command = commands.add_parser(
        "translations", help="which texts are original, current, stale or pending; hand them to translators",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_root(command)
    command.add_argument("--format", choices=("text", "json"), default="text")
    action = command.add_mutually_exclusive_group()
    action.add_argument("--diff", type=Path, metavar="ARTICLE_DIR",
                        help="the original's paragraphs changed since each translation, old and new")
    action.add_argument("--done", nargs=2, metavar=("ARTICLE_DIR", "LANG"),
                        help="record that the LANG text now translates the original as it is")
    action.add_argument("--export", choices=LANGUAGES, metavar="LANG",
                        help="write the stale and pending texts in LANG as PO files into --out")
    action.add_argument("--import", dest="import_dir", type=Path, metavar="DIR",
                        help="write the translations of the PO files in DIR into content/")
    command.add_argument("--out", type=Path, help="the folder --export writes into")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = project(args.root)
    if args.export and args.out is None:
        raise UsageError("--export needs --out DIR")
    report = Report()
    try:
        if args.done or args.diff:
            return _one_article(root, args, report)
        return _whole_project(root, args, report)
    except ConfigError:
        return _failed(report)
    except TranslatingError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_CONTENT_ERRORS


def _failed(report: Report) -> int:
    sys.stderr.write(report.as_text())
    return EXIT_CONTENT_ERRORS


def _one_article(root: Path, args: argparse.Namespace, report: Report) -> int:
    given = Path(args.done[0]) if args.done else args.diff
    folder = (given if given.exists() else root / given).resolve()
    if folder.parent.parent != (root / CONTENT_DIR / ARTICLE.plural).resolve() or not folder.is_dir():
        raise UsageError(f"{folder} is not an article's folder, content/articles/YYYY/SLUG")
    article = article_texts(root, folder, report)
    if article is None or report.errors:
        return _failed(report)
    if args.diff:
        for lang in LANGUAGES:
            if lang != article.original:
                print("\n".join(translation_diff(root, article, lang)))
        return EXIT_OK
    lang = args.done[1]
    if lang not in LANGUAGES:
        raise UsageError(f"{lang} is not a language of the site: {', '.join(LANGUAGES)}")
    record = mark_done(article, lang, folder)
    print(f"recorded {article.folder}/{lang}.md as the translation of {article.original}.md as it is now "
          f"({len(record.paragraphs)} paragraphs)")
    return EXIT_OK


def _whole_project(root: Path, args: argparse.Namespace, report: Report) -> int:
    found = survey(root, report, texts=bool(args.export or args.import_dir))
    if report.errors:
        return _failed(report)
    if args.export:
        written = write_export(export_files(found, args.export), args.out)
        for path in written:
            print(f"wrote {path}")
        if not written:
            print(f"nothing to translate into {args.export}: no text is stale or pending, no registry entry lacks it")
        return EXIT_OK
    if args.import_dir:
        plan = plan_import(args.import_dir, found, report)
        if report.errors:
            sys.stderr.write(report.as_text())
            print("nothing was written", file=sys.stderr)
            return EXIT_CONTENT_ERRORS
        written = plan.write()
        for path in written:
            print(f"wrote {path.relative_to(root).as_posix()}")
        print(f"{len(written)} file{'s' * (len(written) != 1)} written" if written else
              "nothing written: the files came back untouched, or say what content/ already does")
        return EXIT_OK
    sys.stdout.write(as_json(found) if args.format == "json" else as_text(found))
    return EXIT_OK


def as_data(found: Survey) -> dict[str, object]:
    articles = {article.id: {lang: state.as_data() for lang, state in article.states.items()}
                for article in sorted(found.articles, key=lambda article: article.id)}
    entities: dict[str, dict[str, dict[str, object]]] = {}
    for gap in found.entities:
        entities.setdefault(gap.kind, {}).setdefault(gap.id, {})[gap.lang] = {
            "status": Status.PENDING.value, "missing": list(gap.fields)}
    return {"articles": articles, "entities": entities}


def as_json(found: Survey) -> str:
    return json.dumps(as_data(found), ensure_ascii=False, indent=2) + "\n"


def as_text(found: Survey) -> str:
    lines, counts = [], Counter[Status]()
    for article in sorted(found.articles, key=lambda article: article.folder):
        described = []
        for lang, state in article.states.items():
            counts[state.status] += state.status is not Status.ORIGINAL
            changes = f" ({state.changes()})" if state.status is Status.STALE else ""
            described.append(f"{lang} {state.status.value}{changes}")
        lines.append(f"{article.folder}: {', '.join(described)}")
    for gap in found.entities:
        lines.append(f"{gap.entity.origin.file}: {gap.lang} lacks the {' and the '.join(gap.fields)}")
    tally = ", ".join(f"{counts[status]} {status.value}" for status in Status if status is not Status.ORIGINAL)
    count = len(found.articles)
    lines.append(f"{count} article{'s' * (count != 1)}, translations: {tally}; "
                 f"registry entries lacking a language: {len({(gap.kind, gap.id) for gap in found.entities})}")
    return "\n".join(lines) + "\n"

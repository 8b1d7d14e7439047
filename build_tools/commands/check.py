"""``briefing check``: validate content/ and site_config/, changing none of their files."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..diagnostics import WARNINGS, Report
from ..languages import LANGUAGES
from ..messages import editor_language, msg
from ..pipeline.cache import ArticleCache
from ..pipeline.checkcache import CheckCache
from ..pipeline.digests import tool_digest
from ..pipeline.load import Loaded, checked_config
from ..progress import Stages, shown_on
from ..publish.output import describe_os_error
from .project import (
    EXIT_CONTENT_ERRORS,
    EXIT_OK,
    Subcommands,
    UsageError,
    add_cache,
    add_quiet,
    add_root,
    cache_folder,
    project,
    warn,
)


def register(commands: Subcommands) -> None:
    check = commands.add_parser("check", help="validate content/ and site_config/; changes none of their files")
    add_root(check)
    check.add_argument("--strict", action="store_true",
                       help="fail on warnings too, except those strict_tolerates in site_config/site.yml names")
    check.add_argument("--ignore", action="append", default=[], metavar="CODE",
                       help="leave out the warnings of this code (repeat for several)")
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="github: workflow commands that annotate the pull request's lines")
    add_cache(check)
    add_lang(check)
    add_quiet(check)
    check.set_defaults(run=run)


def add_lang(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", choices=LANGUAGES,
                         help="the language of the messages (default: LANGUAGE, LC_ALL, LC_MESSAGES or LANG if "
                              "they name ar or en, else editor_language in site_config/site.yml, else en); "
                              "codes and JSON keys stay the same")


def checked(args: argparse.Namespace, root: Path,
            load: Callable[[ArticleCache | None], tuple[Loaded | None, Report]]) -> tuple[Loaded | None, Report]:
    """The project checked by ``load`` (``load_checked``, ``checked_config``) with the check's
    cache, each article folder that did not change since the last check or build not checked
    again (unless ``--no-cache``)."""
    folder = cache_folder(args, root)
    store = CheckCache(folder, tool_digest()) if folder else None
    cache = _cached(store, root)
    loaded, report = load(cache)
    if store and cache and cache.changed:
        _keep(store, cache, root)
    return loaded, report


def _cached(store: CheckCache | None, root: Path) -> ArticleCache | None:
    """What the last run found, if there is a cache."""
    if store is None:
        return None
    cache, warning = store.load(root)
    warn(warning)
    return cache


def _keep(store: CheckCache, cache: ArticleCache, root: Path) -> None:
    try:
        store.save(cache, root)
    except OSError as exc:
        warn(f"the check cache was not written ({describe_os_error(exc)})")


def run(args: argparse.Namespace) -> int:
    unknown = [code for code in args.ignore if code not in WARNINGS]
    if unknown:
        raise UsageError(f"--ignore {unknown[0]}: not a warning's code (codes: {', '.join(sorted(WARNINGS))})")
    root = project(args.root)
    with Stages(shown_on(sys.stderr, args.quiet), editor_language(args.lang, None)) as stages:
        config, full = checked(args, root, lambda cache: checked_config(root, cache=cache, stages=stages))
    report = Report([d for d in full.diagnostics if d.code not in args.ignore])
    lang = editor_language(args.lang, config.editor_language if config else None)
    formats: dict[str, Callable[[str], str]] = {
        "text": partial(report.as_text, summary=not args.quiet), "json": report.as_json, "github": report.as_github}
    sys.stdout.write(formats[args.format](lang))
    tolerated = set(config.strict_tolerates) if config else set()
    failing = Counter(d.code for d in report.warnings if d.code not in tolerated) if args.strict else Counter()
    if failing and not report.errors and args.format != "json":
        listed = ", ".join(f"{code} ({count})" for code, count in sorted(failing.items()))
        print(msg("--strict fails on these warnings: {codes}; site_config/site.yml's strict_tolerates lists "
                  "those it lets through", codes=listed).said_in(lang))
    return EXIT_CONTENT_ERRORS if report.errors or failing else EXIT_OK

"""The one way content becomes a model: load → validate → resolve → check.

The registries (actors, locations, sources, tags) are read and resolved first; every
article is then read, resolved and checked against them on its own, in parallel
processes on large archives (``parallel``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .checks import check_entities, check_mentions
from .config import CONFIG_DIR, SiteConfig, load_site_config
from .diagnostics import Diagnostic, Report
from .loader import REGISTRIES, ContentFiles, load_bundle, load_content
from .mentions import Matcher
from .model import Article, Briefing
from .parallel import map_in_processes
from .resolve import resolve_article, resolve_entities
from .sourcefiles import signature

ARTICLES_PER_PROCESS = 250
"""Fewer articles per core than this are checked in one process."""


@dataclass
class LoadedBriefing:
    config: SiteConfig
    briefing: Briefing
    report: Report
    matcher: Matcher
    """The names of every actor and location, built once for the checks and the pages."""


class ArticleCache:
    """What checking each article folder gave, kept from one load to the next (the
    rebuilds of ``mkdocs serve``): a folder is read again only when one of its files
    changed, and every folder when the site's configuration or a registry file did."""

    def __init__(self) -> None:
        self.context: tuple = ()
        self.results: dict[Path, tuple[tuple, tuple[Article | None, list[Diagnostic]]]] = {}

    def check(self, folders: list[Path], context: tuple,
              check: Callable[[Path], tuple[Article | None, list[Diagnostic]]]) -> list:
        if context != self.context:
            self.context, self.results = context, {}
        signatures = {folder: signature(folder) for folder in folders}
        changed = [folder for folder in folders
                   if folder not in self.results or self.results[folder][0] != signatures[folder]]
        for folder, result in zip(changed, map_in_processes(check, changed, ARTICLES_PER_PROCESS)):
            self.results[folder] = (signatures[folder], result)
        self.results = {folder: self.results[folder] for folder in folders}
        return [result for _, result in self.results.values()]


def load_briefing(root: Path, report: Report, *, articles: bool = True,
                  cache: ArticleCache | None = None) -> LoadedBriefing:
    """Read and check the project at ``root``, problems into ``report``.

    With ``articles=False`` (``briefing check``) the articles are checked but left out of
    the model, which spares sending them back from the processes that check them. With
    a ``cache``, only the article folders changed since its last load are read.
    Raises ``ConfigError`` (its problems already in ``report``) when site_config is unusable.
    """
    config = load_site_config(root, report)
    files = load_content(root, report)
    briefing = resolve_entities(files, config.schemas, report)
    check_entities(briefing, report)
    matcher = Matcher(briefing)
    check = partial(_article, files=files, config=config, briefing=briefing, matcher=matcher,
                    keep=articles)
    if cache is None:
        results = map_in_processes(check, files.article_folders, ARTICLES_PER_PROCESS)
    else:
        context = tuple(signature(folder) for folder in (root / CONFIG_DIR, *(
            files.content_dir / name for name in REGISTRIES.values())))
        results = cache.check(files.article_folders, context, check)
    for article, diagnostics in results:
        report.extend(diagnostics)
        if article is not None:
            briefing.articles[article.id] = article
    return LoadedBriefing(config, briefing, report, matcher)


def _article(folder: Path, files: ContentFiles, config: SiteConfig, briefing: Briefing,
             matcher: Matcher, keep: bool) -> tuple[Article | None, list[Diagnostic]]:
    """One article folder read, resolved and checked: the article if valid and kept, and its problems."""
    report = Report()
    bundle = load_bundle(folder, files, report)
    article = resolve_article(bundle, config.schemas, files.ids, config.raw_html, report)
    if article is not None:
        check_mentions(article, briefing, matcher, report)
    return article if keep else None, report.diagnostics

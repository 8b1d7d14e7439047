"""Loading the project: every stage from files to the checked model, in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from ..checks.articles import check_authors, check_body
from ..checks.bounds import check_bundle_bounds
from ..checks.entities import check_entities
from ..checks.events import check_events
from ..checks.markdown import check_bundle_markdown
from ..checks.media import Facts, check_placements, inspect_media
from ..checks.mentions import check_mentions
from ..checks.redirects import check_article_redirects, check_entity_redirects
from ..checks.references import check_article_references, check_registry_references
from ..checks.schemas import SchemaSet
from ..checks.translations import check_translations
from ..content.loader import CONTENT_DIR, ArticleBundle, ContentFiles, list_articles, load_bundle, read_registries
from ..content.sourcefiles import Signature, signature
from ..diagnostics import DRAFT_GAPS, Diagnostic, Position, Report
from ..media.reading import CACHE_DIR, Reader
from ..messages import msg
from ..model.articles import Article
from ..model.briefing import Briefing
from ..model.kinds import REGISTRIES
from ..model.settings import SiteConfig
from ..progress import SILENT, Stages
from ..resolve.articles import resolve_article
from ..resolve.entities import resolve_entities
from ..text.matcher import Matcher
from .cache import ArticleCache, ArticleResult, KeptCheck
from .parallel import map_in_processes
from .settings import CONFIG_DIR, ConfigError, load_site_config

Loaded = TypeVar("Loaded")
ARTICLES_PER_PROCESS = 250
"""Fewer articles per core than this are checked in one process."""


@dataclass
class LoadedBriefing:
    config: SiteConfig
    briefing: Briefing
    report: Report
    matcher: Matcher
    """The names of every actor and location, built once for the checks and the pages."""


@dataclass(frozen=True)
class _Registries:
    """What every article is checked against, shared by the processes that check them."""

    files: ContentFiles
    config: SiteConfig
    schemas: SchemaSet
    briefing: Briefing
    matcher: Matcher
    problems: list[Diagnostic]
    """What reading and checking the registries found."""


def load_briefing(root: Path, report: Report, *, cache: ArticleCache | None = None,
                  stages: Stages = SILENT) -> LoadedBriefing:
    """Read and check the project at ``root``, problems into ``report``.

    With a ``cache``, only the article folders changed since its last load are read.
    Raises ``ConfigError`` (its problems already in ``report``) when site_config is unusable.
    """
    with stages.stage(msg("Reading site_config and the registries")):
        context = _context(root) if cache else ()
        registries = _load_registries(*_settings_and_folders(root, report), report)
    _check_articles(registries, context, report, cache, stages, keep=True)
    return LoadedBriefing(registries.config, registries.briefing, report, registries.matcher)


def check_project(root: Path, report: Report, *, cache: ArticleCache | None = None,
                  stages: Stages = SILENT) -> SiteConfig:
    """What ``briefing check`` does: ``load_briefing`` without keeping its model (which
    spares sending the articles back from the processes that check them). When the
    ``cache`` shows that nothing changed since it was filled (site_config, a registry, an
    article folder), the problems are the kept ones and not even the registries are read.
    Raises ``ConfigError`` like ``load_briefing``."""
    with stages.stage(msg("Reading site_config and the registries")):
        context = _context(root) if cache else ()
        config, schemas, files = _settings_and_folders(root, report)
        kept = cache.unchanged(files.article_folders, context) if cache else None
        if kept is not None:
            report.extend(kept)
            return config
        registries = _load_registries(config, schemas, files, report)
    _check_articles(registries, context, report, cache, stages, keep=False)
    return config


def load_checked(root: Path, *, cache: ArticleCache | None = None,
                 stages: Stages = SILENT) -> tuple[LoadedBriefing | None, Report]:
    """The checked project, or None when site_config is unusable; every problem in the report."""
    return _reported(lambda report: load_briefing(root, report, cache=cache, stages=stages))


def checked_config(root: Path, *, cache: ArticleCache | None = None,
                   stages: Stages = SILENT) -> tuple[SiteConfig | None, Report]:
    """The project checked (``check_project``): its settings, or None when site_config is
    unusable; every problem in the report."""
    return _reported(lambda report: check_project(root, report, cache=cache, stages=stages))


def _reported(load: Callable[[Report], Loaded]) -> tuple[Loaded | None, Report]:
    report = Report()
    try:
        return load(report), report
    except ConfigError as exc:
        report.error(Position(CONFIG_DIR, 0, 0), exc.message, "site-config")
        return None, report


def _settings_and_folders(root: Path, report: Report) -> tuple[SiteConfig, SchemaSet, ContentFiles]:
    """site_config read and checked, and the article folders listed, with their earlier
    ids checked (which depend on every folder, so are never kept from a previous check)."""
    config, schemas = load_site_config(root, report)
    files = ContentFiles(root, (root / CONTENT_DIR).resolve())
    list_articles(files, report)
    check_article_redirects(files, report)
    return config, schemas, files


def _context(root: Path) -> tuple[Signature, ...]:
    """What every article is checked against: site_config and each registry's folder,
    stamped before they are read (as each article folder is), so that a file saved while
    they are read makes the next check read it again."""
    return tuple(signature(folder) for folder in (root / CONFIG_DIR, *(
        root / CONTENT_DIR / kind.plural for kind in REGISTRIES)))


def _load_registries(config: SiteConfig, schemas: SchemaSet, files: ContentFiles, report: Report) -> _Registries:
    """Every registry read and checked: what each article is checked against."""
    found = Report()
    read_registries(files, found)
    briefing = resolve_entities(files, schemas, found)
    check_registry_references(files, found)
    check_entities(briefing, found)
    check_entity_redirects(files, found)
    report.extend(found.diagnostics)
    return _Registries(files, config, schemas, briefing, Matcher(briefing.name_forms()), found.diagnostics)


def _check_articles(registries: _Registries, context: tuple[Signature, ...], report: Report,
                    cache: ArticleCache | None, stages: Stages, keep: bool) -> None:
    """Every article folder checked (those the cache shows unchanged in ``context``, only
    revived when kept), into ``report``; with ``keep``, their articles into the briefing."""
    folders = registries.files.article_folders
    check = partial(_article, registries=registries, keep=keep)
    with stages.stage(msg("Checking the articles"), len(folders)) as stage:
        if cache is None:
            results = map_in_processes(check, folders, ARTICLES_PER_PROCESS, stage.advance)
        else:
            revive = partial(_revived, registries=registries) if keep else None
            results = cache.check(folders, context, check, ARTICLES_PER_PROCESS, stage.advance, revive)
            cache.keep_registry_problems(registries.problems)
    for article, diagnostics in results:
        report.extend(diagnostics)
        if article is not None:
            registries.briefing.articles[article.id] = article


def _article(folder: Path, registries: _Registries, keep: bool) -> ArticleResult:
    """One article folder read, validated, resolved and checked."""
    report = Report()
    bundle = load_bundle(folder, registries.files, report)
    for text in bundle.texts.values():
        check_body(text, report)  # before the bounds check, which leaves out a body it refuses
    bundle = check_bundle_bounds(bundle, report)
    facts, article = _resolved(bundle, registries, report)
    check_article_references(bundle, registries.files.ids, report)
    check_placements(bundle, facts, report)
    check_bundle_markdown(bundle, registries.config.raw_html, report)
    if article is not None:
        check_mentions(article, registries.briefing, registries.matcher, report)
        check_authors(article, registries.config.authors, report)
        check_events(article, registries.config.vocabularies["event_sub_types"], registries.briefing, report)
        check_translations(article, bundle.languages, report)
        _note_gaps(article, report.diagnostics)
    return article if keep else None, report.diagnostics


def _revived(kept: KeptCheck, registries: _Registries) -> ArticleResult:
    """The article of a folder whose check was kept on disk (``checkcache``), read and
    resolved again, not checked: its problems are the kept ones, which include whatever
    reading and resolving it reports. Should they report anything else, its files
    changed without their sizes and times (a file's time set back): it is checked."""
    folder, diagnostics = kept
    told_again = Report()
    bundle = load_bundle(folder, registries.files, told_again)
    _, article = _resolved(bundle, registries, told_again)
    if any(problem not in diagnostics for problem in told_again.diagnostics):
        return _article(folder, registries, keep=True)
    if article is not None:
        _note_gaps(article, diagnostics)
    return article, diagnostics


def _resolved(bundle: ArticleBundle, registries: _Registries, report: Report) -> tuple[Facts, Article | None]:
    """What the article's photos and documents are, and the article itself."""
    config = registries.config
    reader = Reader(config.max_media_bytes, config.max_media_pixels, registries.files.root / CACHE_DIR)
    facts = inspect_media(bundle, reader, report)
    return facts, resolve_article(bundle, registries.schemas, report, facts, registries.briefing.locations,
                                  config.default_language)


def _note_gaps(article: Article, diagnostics: list[Diagnostic]) -> None:
    """A draft keeps its errors of what is left to fill in, for the preview's banner."""
    if article.is_draft:
        article.gaps = tuple(sorted(d for d in diagnostics if d.code in DRAFT_GAPS))

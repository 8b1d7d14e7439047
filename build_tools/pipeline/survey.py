"""What is translated and what is not, read without checking the whole project: only the
articles' texts (and which is the original) and the registries' names and descriptions.

``briefing translations`` runs on every commit of a desk's translators, so it reads no
photo, matches no name and resolves no reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..checks.schemas import SchemaSet
from ..content.loader import CONTENT_DIR, ContentFiles, load_content, load_texts
from ..diagnostics import Diagnostic, Report
from ..languages import LANGUAGES
from ..model.articles import Translation, translation_state
from ..model.entities import Entity
from ..model.kinds import REGISTRIES
from ..model.translations import TranslationState
from ..resolve.articles import original_language, resolve_translations
from ..resolve.entities import resolve_entities
from .load import ARTICLES_PER_PROCESS
from .parallel import map_in_processes
from .settings import load_site_config


@dataclass
class ArticleTexts:
    """One article's texts as far as translating goes."""

    id: str
    folder: str
    """Relative to the project, ``content/articles/YYYY/SLUG``."""
    original: str
    states: dict[str, TranslationState]
    """Every language's, the original's included."""
    translations: dict[str, Translation] = field(default_factory=dict)
    """The texts themselves, when they were asked for."""


@dataclass(frozen=True)
class EntityGap:
    """A registry entry whose name or description is missing in ``lang``."""

    kind: str
    id: str
    lang: str
    fields: tuple[str, ...]
    entity: Entity


@dataclass
class Survey:
    root: Path
    articles: list[ArticleTexts]
    entities: list[EntityGap]


def survey(root: Path, report: Report, *, texts: bool = False) -> Survey:
    """Every article's translation states and every registry gap; ``texts``: keep the
    articles' texts too. Raises ``ConfigError`` when site_config is unusable."""
    config, schemas = load_site_config(root, report)
    files = load_content(root, report)
    entities = resolve_entities(files, schemas, report).entities
    read = partial(_article_texts, files=files, schemas=schemas, default=config.default_language, texts=texts)
    articles = []
    for found, diagnostics in map_in_processes(read, files.article_folders, ARTICLES_PER_PROCESS):
        report.extend(diagnostics)
        if found is not None:
            articles.append(found)
    gaps = [gap for kind in REGISTRIES for entity in entities[kind.name].values() for gap in _gaps(kind.name, entity)]
    return Survey(root, articles, gaps)


def article_texts(root: Path, folder: Path, report: Report) -> ArticleTexts | None:
    """The texts of the one article in ``folder``. Raises ``ConfigError`` when site_config
    is unusable."""
    config, schemas = load_site_config(root, report)
    files = ContentFiles(root, (root / CONTENT_DIR).resolve())
    found, diagnostics = _article_texts(folder, files, schemas, config.default_language, texts=True)
    report.extend(diagnostics)
    return found


def _article_texts(folder: Path, files: ContentFiles, schemas: SchemaSet, default: str,
                   texts: bool) -> tuple[ArticleTexts | None, list[Diagnostic]]:
    report = Report()
    bundle = load_texts(folder, files, report)
    meta = bundle.meta.data if bundle.meta is not None else {}
    original = original_language(bundle, meta if isinstance(meta, dict) else {}, default)
    translations = resolve_translations(bundle, schemas, report)
    states = {lang: translation_state(translations, original, lang) for lang in LANGUAGES}
    found = ArticleTexts(bundle.id, bundle.folder, original, states, translations if texts else {})
    return found, report.diagnostics


def _gaps(kind: str, entity: Entity) -> list[EntityGap]:
    """For each language, the fields that have a text in the other language only."""
    gaps = []
    for lang in LANGUAGES:
        missing = tuple(name for name, value in (("name", entity.names.name), ("description", entity.description))
                        if value.get(lang) is None and any(value.get(other) for other in LANGUAGES))
        if missing:
            gaps.append(EntityGap(kind, entity.id, lang, missing, entity))
    return gaps

"""An article folder (``meta.yml`` and a text per language) as the model's ``Article``."""

from __future__ import annotations

from typing import Any

from ..checks.addresses import check_address
from ..checks.articles import check_correction_date, check_dates, check_languages, check_script, read_publish_at
from ..checks.media import Facts
from ..checks.schemas import SchemaSet
from ..content.loader import ArticleBundle, TextFile
from ..diagnostics import DRAFT_GAPS, Origin, Report
from ..languages import LANGUAGES
from ..model.articles import Article, Citation, Correction, Translation
from ..model.dates import PartialDate
from ..model.entities import Localized, Location, earlier_ids
from ..model.kinds import KINDS
from ..model.translations import TranslationRecord
from .dates import read_date
from .events import resolve_events
from .media import resolve_documents, resolve_photos


def resolve_article(bundle: ArticleBundle, schemas: SchemaSet, report: Report, facts: Facts | None = None,
                    locations: dict[str, Location] | None = None, default_language: str = "ar") -> Article | None:
    """The article of ``bundle`` if its meta.yml is valid; its dates are read and checked either way.
    ``facts``: what was read from its photos and documents (``checks.media.inspect_media``);
    ``locations``: the briefing's, which place its events; ``default_language``: the site's,
    the original when ``meta.yml`` names none and that text exists."""
    translations = resolve_translations(bundle, schemas, report)
    for translation in translations.values():
        check_script(translation, report)
    if bundle.meta is None:
        return None
    valid = schemas.is_valid("article-meta", bundle.meta, report)
    data, origin = bundle.meta.data, bundle.meta.origin
    date = read_date(data, "date", origin, report)
    updated = read_date(data, "updated", origin, report)
    check_dates(date, updated, origin, report)
    if date is not None:
        check_address(date, bundle.year, bundle.id, origin, report)
    corrections = _corrections(data, date, origin, report)
    publish_at = read_publish_at(data, origin, report)
    if not valid or date is None:
        return None
    if corrections and (updated is None or updated.latest < corrections[0].date.latest):
        updated = corrections[0].date
    check_languages(bundle.languages, origin, report)
    citations = [Citation(s["source"], s.get("url"), s.get("via"), Localized.from_data(s.get("note")))
                 for s in data.get("sources", [])]
    return Article(
        id=bundle.id, date=date, status=data["status"], updated=updated,
        authors=list(data.get("authors", [])),
        listed={kind.name: list(data.get(kind.plural, [])) for kind in KINDS if kind.listed_by_articles},
        sources=citations, editor_note=Localized.from_data(data.get("editor_note")),
        corrections=corrections,
        translations=translations,
        original=original_language(bundle, data, default_language),
        photos=resolve_photos(data, facts or {}, bundle.folder),
        documents=resolve_documents(data, facts or {}, bundle.folder),
        events=resolve_events(data, bundle.id, locations or {}, origin, report),
        publish_at=publish_at, redirect_from=earlier_ids(data), origin=origin,
    )


def _corrections(data: Any, date: PartialDate | None, origin: Origin, report: Report) -> list[Correction]:
    """Dated corrections, newest first; none may predate the article."""
    found = []
    entries = data.get("corrections") if isinstance(data, dict) else None
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        when = read_date(entry, "date", origin, report, ("corrections", index))
        if when is None or not isinstance(entry.get("text"), dict):
            continue
        check_correction_date(when, date, origin, index, report)
        found.append(Correction(when, Localized.from_data(entry["text"])))
    return sorted(found, key=lambda c: c.date.latest, reverse=True)


def original_language(bundle: ArticleBundle, meta: dict[str, Any], default_language: str) -> str:
    """``original`` in meta.yml, else the default language if it has a text (or when no
    text exists, which is reported), else the text there is."""
    if meta.get("original") in LANGUAGES:
        return str(meta["original"])
    if default_language in bundle.languages or not bundle.languages:
        return default_language
    return min(bundle.languages)


def resolve_translations(bundle: ArticleBundle, schemas: SchemaSet, report: Report) -> dict[str, Translation]:
    """The bundle's texts whose front matter is valid, by language."""
    translations = {}
    for lang, text in bundle.texts.items():
        translation = _translation(text, schemas, report)
        if translation is not None:
            translations[lang] = translation
    return translations


def _translation(text: TextFile, schemas: SchemaSet, report: Report) -> Translation | None:
    """The text, if its front matter is valid or has only fields left empty (a draft's gaps)."""
    document = text.front_matter
    problems = schemas.validate("article-text", document)
    report.extend(problems)
    data = document.data
    if not isinstance(data, dict) or any(problem.code not in DRAFT_GAPS for problem in problems):
        return None
    record = TranslationRecord.from_data(data["translated_from"]) if data.get("translated_from") else None
    return Translation(text.lang, data.get("title") or "", data.get("summary") or None, text.body, text.body_line,
                       record, document.origin)

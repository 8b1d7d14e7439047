"""Reading back the PO files of a handoff (``handoff``) and writing the translations into
the articles and registries. Every file is read and checked before anything is written:
one that no longer matches the original, an untranslated entry or a dropped placeholder
stops the whole import with nothing written. A file sent back untouched changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import polib

from ..diagnostics import Position, Report
from ..languages import LANGUAGES
from ..messages import Message, msg
from ..model.translations import TranslationRecord
from ..pipeline.survey import ArticleTexts, Survey
from .handoff import HEADER_ARTICLE, HEADER_SOURCE, entity_context, entity_source
from .placeholders import PlaceholderError, unmask
from .record import write_entity_fields, write_translation
from .segments import Segment, article_segments


@dataclass(frozen=True)
class ArticleWrite:
    path: Path
    record: TranslationRecord
    fields: dict[str, str]
    """The title, and the summary when the original has one."""
    body: str


@dataclass
class ImportPlan:
    articles: list[ArticleWrite]
    entities: dict[Path, dict[tuple[str, str], str]]
    """Registry file → (field, language) → text."""

    def write(self) -> list[Path]:
        """The files written; those that already said the same are left alone."""
        written = [article.path for article in self.articles
                   if write_translation(article.path, article.record, article.fields, article.body)]
        return written + [path for path, values in self.entities.items() if write_entity_fields(path, values)]


def plan_import(folder: Path, survey: Survey, report: Report) -> ImportPlan:
    """What the PO files under ``folder`` would write; their problems into ``report``."""
    plan = ImportPlan([], defaultdict(dict))
    articles = {article.id: article for article in survey.articles}
    for path in sorted(folder.rglob("*.po")):
        try:
            po = polib.pofile(str(path))
        except (OSError, ValueError) as exc:
            report.error(Position(str(path), 0, 0), msg("cannot be read as a PO file: {reason}", reason=exc),
                         "translation-file")
            continue
        if HEADER_ARTICLE in po.metadata:
            written = _article(po, path, articles, survey.root, report)
            plan.articles += [written] if written else []
        else:
            _entities(po, path, survey, plan.entities, report)
    return plan


def _header_problem(po: polib.POFile, article: ArticleTexts | None) -> Message | None:
    if article is None:
        return msg("names no article of content/ ({header}: {value})", header=HEADER_ARTICLE,
                   value=po.metadata[HEADER_ARTICLE])
    lang = po.metadata.get("Language")
    if lang not in LANGUAGES or lang == article.original or po.metadata.get(HEADER_SOURCE) != article.original:
        return msg("translates {source} into {lang}, but the original of {id} is now {original}.md: export it "
                   "again", source=po.metadata.get(HEADER_SOURCE), lang=lang, id=article.id,
                   original=article.original)
    if article.original not in article.translations:
        return msg("the original {folder}/{original}.md cannot be read: run 'briefing check'",
                   folder=article.folder, original=article.original)
    return None


def _article(po: polib.POFile, path: Path, articles: dict[str, ArticleTexts], root: Path,
             report: Report) -> ArticleWrite | None:
    article = articles.get(po.metadata[HEADER_ARTICLE])
    if problem := _header_problem(po, article):
        report.error(Position(str(path), 1, 1), problem, "translation-file")
        return None
    assert article is not None
    lang = po.metadata["Language"]
    segments = {segment.context: segment for segment in article_segments(article, lang)}
    entries = {entry.msgctxt: entry for entry in po if not entry.obsolete}
    if not _same_source(segments, entries, path, report):
        return None
    if all(entries[context].msgstr == segment.translated for context, segment in segments.items()):
        return None  # sent back untouched
    texts = _translated(segments, entries, path, report)
    if texts is None:
        return None
    body = "\n\n".join(text for context, text in texts.items() if context.startswith("paragraph "))
    fields: dict[str, str] = {name: texts[name] for name in ("title", "summary") if name in texts}
    original = article.translations[article.original]
    return ArticleWrite(root / article.folder / f"{lang}.md", original.as_record(), fields, body)


def _same_source(segments: dict[str, Segment], entries: dict[str, polib.POEntry], path: Path,
                 report: Report) -> bool:
    """Whether the file's entries are the original's segments as they are now."""
    for context, entry in entries.items():
        segment = segments.get(context or "")
        if segment is None or segment.source.text != entry.msgid:
            report.error(Position(str(path), entry.linenum or 0, 1),
                         msg("{segment}: the original is no longer this text: it changed since the file was "
                             "exported; export it again", segment=context), "translation-file")
            return False
    missing = [context for context in segments if context not in entries]
    if missing:
        report.error(Position(str(path), 1, 1), msg("{segments}: in the original but not in this file, which was "
                                                    "exported before the original changed: export it again",
                                                    segments=", ".join(missing)), "translation-file")
        return False
    return True


def _translated(segments: dict[str, Segment], entries: dict[str, polib.POEntry], path: Path,
                report: Report) -> dict[str, str] | None:
    """Each segment's translation with its Markdown restored, in order; None on a problem."""
    texts = {}
    for context, segment in segments.items():
        entry = entries[context]
        where = Position(str(path), entry.linenum or 0, 1)
        if not entry.msgstr.strip() or "fuzzy" in entry.flags:
            fuzzy = msg(" (marked fuzzy)") if entry.msgstr else ""
            report.error(where, msg("{segment} is not translated{fuzzy}: translate every entry, or leave the whole "
                                    "file untouched", segment=context, fuzzy=fuzzy), "translation-file")
            continue
        try:
            texts[context] = unmask(entry.msgstr.strip(), segment.source.pieces)
        except PlaceholderError as exc:
            report.error(where, msg("{segment}: {problem}", segment=context, problem=exc), "translation-file")
    return texts if len(texts) == len(segments) else None


def _entities(po: polib.POFile, path: Path, survey: Survey, writes: dict[Path, dict[tuple[str, str], str]],
              report: Report) -> None:
    lang = po.metadata.get("Language", "")
    gaps = {entity_context(gap.kind, gap.id, name): (gap, name)
            for gap in survey.entities if gap.lang == lang for name in gap.fields}
    for entry in po:
        if entry.obsolete or not entry.msgstr.strip():
            continue  # left untranslated: the entry keeps its gap
        found = gaps.get(entry.msgctxt or "")
        if found is None or entity_source(found[0].entity, found[1], lang) != entry.msgid:
            report.error(Position(str(path), entry.linenum or 0, 1),
                         msg("{entry}: the registry no longer lacks this text in this language, or its source "
                             "changed: export again", entry=entry.msgctxt), "translation-file")
            continue
        gap, name = found
        writes[survey.root / gap.entity.origin.file][(name, lang)] = entry.msgstr.strip()

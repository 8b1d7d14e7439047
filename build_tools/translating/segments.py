"""What a translator is given of one text: its title, summary and each paragraph of the
original (segments), with the translation of those unchanged since it was made."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.articles import Translation
from ..model.translations import Status, matching_paragraphs
from ..pipeline.survey import ArticleTexts
from ..text.paragraphs import paragraphs
from .placeholders import Masked, mask


@dataclass(frozen=True)
class Segment:
    context: str
    """``title``, ``summary`` or ``paragraph N``: unique in its text, counted as a reader counts."""
    source: Masked
    translated: str
    """The translation kept from before (masked), or empty: to translate."""


def article_segments(article: ArticleTexts, lang: str) -> list[Segment]:
    """The segments of the article's original, for its translation into ``lang``."""
    original = article.translations[article.original]
    old = _stale_translation(article, lang)
    changed = article.states[lang].changed_fields
    fields = [("title", original.title, old.title if old else None)]
    if original.summary:
        fields.append(("summary", original.summary, old.summary if old else None))
    segments = [_segment(name, text, None if name in changed else before) for name, text, before in fields]
    old_paragraphs = paragraphs(old.body) if old else []
    kept = _kept_paragraphs(old, original, len(old_paragraphs))
    for number, paragraph in enumerate(paragraphs(original.body), start=1):
        before = kept.get(number - 1)
        segments.append(_segment(f"paragraph {number}", paragraph,
                                 old_paragraphs[before] if before is not None else None))
    return segments


def _stale_translation(article: ArticleTexts, lang: str) -> Translation | None:
    """The translation in ``lang`` when it recorded an older original, else None."""
    if article.states[lang].status is not Status.STALE:
        return None
    return article.translations.get(lang)


def _kept_paragraphs(old: Translation | None, original: Translation, count: int) -> dict[int, int]:
    """Unchanged paragraph of the original → the old translation's paragraph, both from 0,
    when that translation has one paragraph (of ``count``) for each it recorded."""
    if old is None or old.record is None or count != len(old.record.paragraphs):
        return {}
    return matching_paragraphs(old.record.paragraphs, original.as_record().paragraphs)


def _segment(context: str, text: str, old: str | None) -> Segment:
    """The old translation is kept, masked, if it has the original's protected pieces in order."""
    source = mask(text)
    kept = mask(old) if old else None
    return Segment(context, source, kept.text if kept and kept.pieces == source.pieces else "")

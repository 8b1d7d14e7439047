"""Checks of which text translates which: the original exists, and no translation
silently drifts from it."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..diagnostics import Report
from ..messages import msg
from ..model.articles import Article
from ..model.translations import Status


def check_translations(article: Article, languages: set[str], report: Report) -> None:
    """``languages``: those with a text file, whether or not it could be read. A folder
    without any text is reported once, by the loader."""
    folder = PurePosixPath(article.origin.file).parent
    if not languages:
        return
    if article.original not in languages:
        report.error(article.origin.at("original"), msg("original: {lang}, but there is no {lang}.md: the "
                                                        "original is the text the others translate",
                                                        lang=article.original), "missing-original")
        return
    for lang, text in article.translations.items():
        state = article.translation_state(lang)
        if state.status is Status.STALE:
            report.warning(text.origin.at("translated_from"),
                           msg("stale translation: {original}.md, the original, changed since this text was "
                               "translated ({changes}); update it, then run 'briefing translations --done {folder} "
                               "{lang}'", original=article.original, changes=state.changes(), folder=folder,
                               lang=lang), "translation-stale")
        elif text.record is not None and text.record.lang != article.original:
            report.warning(text.origin.at("translated_from"),
                           msg("records a translation of {recorded}.md, but the original is {original}.md: set "
                               "'original' in meta.yml, or run 'briefing translations --done {folder} {lang}'",
                               recorded=text.record.lang, original=article.original, folder=folder, lang=lang),
                           "translation-of-another-original")

"""Checks of which text translates which: the original exists, and no translation
silently drifts from it."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..diagnostics import Report
from ..model.articles import Article
from ..model.translations import Status


def check_translations(article: Article, languages: set[str], report: Report) -> None:
    """``languages``: those with a text file, whether or not it could be read. A folder
    without any text is reported once, by the loader."""
    folder = PurePosixPath(article.origin.file).parent
    if not languages:
        return
    if article.original not in languages:
        report.error(article.origin.at("original"), f"original: {article.original}, but there is no "
                     f"{article.original}.md: the original is the text the others translate")
        return
    for lang, text in article.translations.items():
        state = article.translation_state(lang)
        if state.status is Status.STALE:
            report.warning(text.origin.at("translated_from"), f"stale translation: {article.original}.md, "
                           f"the original, changed since this text was translated ({state.changes()}); "
                           f"update it, then run 'briefing translations --done {folder} {lang}'", "translation-stale")
        elif text.record is not None and text.record.lang != article.original:
            report.warning(text.origin.at("translated_from"), f"records a translation of "
                           f"{text.record.lang}.md, but the original is {article.original}.md: "
                           f"set 'original' in meta.yml, or run 'briefing translations --done {folder} {lang}'",
                           "translation-of-another-original")

"""Checks of one article's values once they are read: its dates, its folder, its languages."""

from __future__ import annotations

from ..diagnostics import Origin, Report
from ..languages import LANGUAGES
from ..model.articles import Translation
from ..model.dates import PartialDate
from ..text.arabic import arabic_share
from ..text.markup import mask_markup

MIN_LETTERS_FOR_SCRIPT_CHECK = 20


def check_dates(date: PartialDate | None, updated: PartialDate | None, year_folder: str, origin: Origin,
                report: Report) -> None:
    """The folder's year is the date's; ``updated`` is not before the date."""
    if date is not None and str(date.year) != year_folder:
        report.error(origin.at("date"), f"date {date} is in {date.year} but the article is filed "
                     f"under {year_folder}/: move the folder to content/articles/{date.year}/")
    if date is not None and updated is not None and updated.latest < date.earliest:
        report.error(origin.at("updated"), f"updated {updated} is before the article's date {date}")


def check_correction_date(when: PartialDate, date: PartialDate | None, origin: Origin, index: int,
                          report: Report) -> None:
    if date is not None and when.latest < date.earliest:
        report.error(origin.at("corrections", index, "date"),
                     f"correction dated {when} is before the article's date {date}")


def check_languages(languages: set[str], origin: Origin, report: Report) -> None:
    """A language without its text is pending, not wrong."""
    for lang in LANGUAGES:
        if lang not in languages:
            report.warning(origin.at(), f"translation pending: no {lang}.md yet")


def check_script(text: Translation, report: Report) -> None:
    """Catches ar.md and en.md swapped, or a text pasted into the wrong file."""
    prose = mask_markup(" ".join([text.title, text.summary or "", text.body]))
    share, letters = arabic_share(prose)
    if letters < MIN_LETTERS_FOR_SCRIPT_CHECK:
        return
    if text.lang == "ar" and share < 0.5:
        report.error(text.origin.at("title"), f"ar.md is mostly not in Arabic script "
                     f"({share:.0%} Arabic letters): are ar.md and en.md swapped?")
    elif text.lang == "en" and share > 0.5:
        report.error(text.origin.at("title"), f"en.md is mostly in Arabic script "
                     f"({share:.0%} Arabic letters): are ar.md and en.md swapped?")

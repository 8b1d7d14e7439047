"""Checks of one article's values once they are read: its dates, its folder, its languages."""

from __future__ import annotations

import datetime as dt
import re

from ..content.loader import ID_PATTERN, TextFile
from ..diagnostics import DocumentPath, Origin, Position, Report, did_you_mean, field_name
from ..languages import LANGUAGES
from ..messages import msg
from ..model.articles import Article, Translation
from ..model.dates import DateError, PartialDate
from ..model.entities import Localized
from ..model.schedule import parse_instant
from ..text.arabic import arabic_share
from ..text.markup import mask_markup
from ..text.paragraphs import code_fenced

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")

MIN_LETTERS_FOR_SCRIPT_CHECK = 20
FAR_AHEAD = dt.timedelta(days=366)
"""How far after today an article's date, update or correction may be: a year (a leap one)."""


def check_dates(date: PartialDate | None, updated: PartialDate | None, origin: Origin,
                report: Report, today: dt.date | None = None) -> None:
    """``updated`` is not before the date; neither is more than a year after ``today`` (by
    default the real one). Whether the date agrees with the folder is ``addresses``'s to say."""
    if date is not None and updated is not None and updated.latest < date.earliest:
        report.error(origin.at("updated"), msg("updated {updated} is before the article's date {date}",
                                               updated=updated, date=date), "date-order")
    for key, value in (("date", date), ("updated", updated)):
        if value is not None:
            check_not_far_ahead(value, origin, (key,), report, today)


def check_not_far_ahead(date: PartialDate, origin: Origin, path: DocumentPath, report: Report,
                        today: dt.date | None = None) -> None:
    """A date more than a year after ``today`` is a typo (2107 for 2017), and would stamp
    the site's files with a time their formats cannot hold."""
    limit = (today or dt.date.today()) + FAR_AHEAD
    if date.earliest > limit:
        report.error(origin.at(*path), msg("{field} {date} is more than a year from now (after {limit}): is the "
                                           "year mistyped?", field=field_name(path), date=date,
                                           limit=limit.isoformat()), "invalid-date")


def read_publish_at(data: object, origin: Origin, report: Report) -> dt.datetime | None:
    """``publish_at``, the instant a scheduled article goes out, when it is a date and time
    with its zone; else reported at its line (a wrong type is the schema's to report)."""
    written = data.get("publish_at") if isinstance(data, dict) else None
    if not isinstance(written, str):
        return None
    try:
        instant = parse_instant(written)
    except DateError as exc:
        report.error(origin.at("publish_at"), msg("publish_at {problem}", problem=exc.message), "invalid-date")
        return None
    check_not_far_ahead(PartialDate(instant.year, instant.month, instant.day), origin, ("publish_at",), report)
    return instant


def check_authors(article: Article, bylines: dict[str, Localized], report: Report) -> None:
    """Once the desk keeps its bylines (``site_config/authors.yml``), an author written as
    an id must be one of them: a mistyped id would be published as the byline."""
    if not bylines:
        return
    for index, author in enumerate(article.authors):
        if author not in bylines and ID_PATTERN.fullmatch(author):
            report.error(article.origin.at("authors", index),
                         msg("unknown author '{author}': add it to site_config/authors.yml, or write the name as "
                             "readers should see it{hint}", author=author, hint=did_you_mean(author, bylines)),
                         "unknown-reference")


def check_correction_date(when: PartialDate, date: PartialDate | None, origin: Origin, index: int,
                          report: Report) -> None:
    check_not_far_ahead(when, origin, ("corrections", index, "date"), report)
    if date is not None and when.latest < date.earliest:
        report.error(origin.at("corrections", index, "date"),
                     msg("correction dated {when} is before the article's date {date}", when=when, date=date),
                     "date-order")


def check_languages(languages: set[str], origin: Origin, report: Report) -> None:
    """A language without its text is pending, not wrong; a folder without any text is
    reported once, by the loader."""
    if not languages:
        return
    for lang in LANGUAGES:
        if lang not in languages:
            report.warning(origin.at(), msg("translation pending: no {lang}.md yet", lang=lang),
                           "translation-pending")


def check_body(text: TextFile, report: Report) -> None:
    """A text has a body, and its headings start under the title and go down a level at a time."""
    file = text.front_matter.origin.file
    if not text.body.strip():
        report.error(Position(file, text.body_line, 1), msg("{lang}.md has no text below its front matter: write "
                                                            "the article, or delete {lang}.md (its translation "
                                                            "is then pending)", lang=text.lang), "empty-text")
    previous = 1
    for line, level in _headings(text.body, text.body_line):
        if level == 1:
            report.warning(Position(file, line, 1), msg("a level-1 heading (#): the title is the page's "
                                                        "heading; start the text's headings at ##"),
                           "heading-level-1")
        elif level > previous + 1:
            report.warning(Position(file, line, 1), msg("a level-{level} heading after level {previous}: "
                                                        "headings go down one level at a time (use {marks})",
                                                        level=level, previous=previous, marks="#" * (previous + 1)),
                           "heading-skipped")
        previous = level


def _headings(body: str, first_line: int) -> list[tuple[int, int]]:
    """(line, level) of each ATX heading (``## Title``) outside fenced code."""
    found = []
    for number, (line, in_code) in enumerate(code_fenced(body.splitlines()), start=first_line):
        if not in_code and (heading := ATX_HEADING.match(line)):
            found.append((number, len(heading.group(1))))
    return found


def check_script(text: Translation, report: Report) -> None:
    """Catches ar.md and en.md swapped, or a text pasted into the wrong file."""
    prose = mask_markup(" ".join([text.title, text.summary or "", text.body]))
    share, letters = arabic_share(prose)
    if letters < MIN_LETTERS_FOR_SCRIPT_CHECK:
        return
    if text.lang == "ar" and share < 0.5:
        report.error(text.origin.at("title"), msg("ar.md is mostly not in Arabic script ({share:.0%} Arabic "
                                                  "letters): are ar.md and en.md swapped?", share=share),
                     "wrong-script")
    elif text.lang == "en" and share > 0.5:
        report.error(text.origin.at("title"), msg("en.md is mostly in Arabic script ({share:.0%} Arabic "
                                                  "letters): are ar.md and en.md swapped?", share=share),
                     "wrong-script")

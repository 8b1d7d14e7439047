"""An article's date and its place: the year folder it is filed in must be its date's
year (an error), and a date its id starts with (``2017-08-07-rift``) should be its date
(a warning: the id is its address, which readers may have kept). Both name the command
that moves it, ``briefing rename article``, which keeps the old address working."""

from __future__ import annotations

import re

from ..diagnostics import Origin, Report
from ..messages import msg
from ..model.dates import PartialDate

_SLUG_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?(?=-|$)")
"""The date an id may start with: a year and a month, then perhaps a day. A year alone
is not taken for one: ``1948-nakba-anniversary`` names a year, not the article's date."""


def slug_date(slug: str) -> tuple[int, ...]:
    """(year, month, day) as far as ``slug`` starts with them; () if it starts with no
    year and month."""
    match = _SLUG_DATE.match(slug)
    if match is None:
        return ()
    return tuple(int(part) for part in match.group("year", "month", "day") if part is not None)


def dated_slug(slug: str, date: PartialDate) -> str:
    """``slug`` starting with ``date`` instead of the date it starts with, written as
    precisely as it was (and as the date is known)."""
    written = slug_date(slug)
    if not written:
        return slug
    match = _SLUG_DATE.match(slug)
    assert match is not None
    known = date.isoformat().split("-")[:len(written)]
    return "-".join(known) + slug[match.end():]


def _disagrees(written: tuple[int, ...], date: PartialDate) -> bool:
    """Whether a part the id gives differs from the date's (a part the date lacks cannot)."""
    given = (date.year, date.month, date.day)
    return any(part != known for part, known in zip(written, given, strict=False) if known is not None)


def check_address(date: PartialDate, year_folder: str, slug: str, origin: Origin, report: Report) -> None:
    suggested = dated_slug(slug, date) if _disagrees(slug_date(slug), date) else slug
    command = f"briefing rename article {slug} {suggested}"
    if f"{date.year:04d}" != year_folder:
        report.error(origin.at("date"), msg("date {date} is in {year} but the article is filed under {folder}/: "
                                            "move it with '{command}', which keeps its address working",
                                            date=date, year=f"{date.year:04d}", folder=year_folder,
                                            command=command), "date-order")
    elif suggested != slug:
        report.warning(origin.at("date"), msg("date {date} is not the date the article's id {id} starts with: "
                                              "its address can follow with '{command}', which keeps the old "
                                              "one working", date=date, id=slug, command=command), "slug-date")

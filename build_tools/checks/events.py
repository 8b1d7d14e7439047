"""What the schema cannot say about an article's events: a sub-type under its type, sides
apart, a date the article can report, fatalities in order, sources the article cites."""

from __future__ import annotations

from collections.abc import Container

from ..diagnostics import Origin, Report, did_you_mean, field_name
from ..model.articles import Article
from ..model.briefing import Briefing
from ..model.events import SIDE_OF, SIDES, Event
from ..model.kinds import SOURCE
from ..model.settings import Term


def _name(index: int) -> str:
    return field_name(("events", index))


def check_events(article: Article, sub_types: dict[str, Term], briefing: Briefing, report: Report) -> None:
    """``briefing``: its registries, to leave unknown ids to the reference checks."""
    locations, sources = briefing.locations, briefing.sources
    for index, event in enumerate(article.events):
        _check_sub_type(event, index, sub_types, article.origin, report)
        _check_sides(event, index, article.origin, report)
        _check_date(event, index, article, report)
        _check_fatalities(event, index, article.origin, report)
        _check_sources(event, index, article, sources, report)
        if event.placement is None and event.location in locations:
            report.warning(article.origin.at("events", index, "location"),
                           f"{_name(index)}: location '{event.location}' and the places it is in have "
                           "no coordinates: the event is published but left off maps", "event-unmapped")


def _check_sub_type(event: Event, index: int, sub_types: dict[str, Term], origin: Origin, report: Report) -> None:
    term = sub_types.get(event.sub_type)
    if term is None or term.type == event.type:
        return
    under = [name for name, other in sub_types.items() if other.type == event.type]
    hint = did_you_mean(event.sub_type, under) or f" (under {event.type}: {', '.join(under)})"
    report.error(origin.at("events", index, "sub_type"),
                 f"{_name(index)}.sub_type '{event.sub_type}' is under type '{term.type}', not '{event.type}'{hint}")


def _check_sides(event: Event, index: int, origin: Origin, report: Report) -> None:
    """An actor is on one side only, and named once."""
    seen: dict[str, str] = {}
    for side in SIDES:
        for actor in event.side(side):
            if actor in seen and SIDE_OF[seen[actor]] != SIDE_OF[side]:
                report.error(origin.at("events", index, "actors", side),
                             f"{_name(index)}: actor '{actor}' is on both sides ({seen[actor]} and {side})")
            elif actor in seen:
                report.error(origin.at("events", index, "actors", side),
                             f"{_name(index)}: actor '{actor}' is listed twice on its side ({seen[actor]} and {side})")
            seen.setdefault(actor, side)


def _check_date(event: Event, index: int, article: Article, report: Report) -> None:
    if event.date.earliest > article.date.latest:
        report.error(article.origin.at("events", index, "date"),
                     f"{_name(index)}.date {event.date} is after the article's date {article.date}: "
                     "an article reports what happened before it")


def _check_fatalities(event: Event, index: int, origin: Origin, report: Report) -> None:
    """The best estimate lies within the reported range."""
    counts = event.fatalities
    if counts is None:
        return
    if counts.low is not None and counts.low > counts.best:
        report.error(origin.at("events", index, "fatalities", "low"),
                     f"{_name(index)}.fatalities: low {counts.low} is above best {counts.best}")
    if counts.high is not None and counts.high < counts.best:
        report.error(origin.at("events", index, "fatalities", "high"),
                     f"{_name(index)}.fatalities: high {counts.high} is below best {counts.best}")


def _check_sources(event: Event, index: int, article: Article, known: Container[str], report: Report) -> None:
    """Unknown sources are reported as such (``checks.references``)."""
    cited = article.ids(SOURCE.name)
    for position, source in enumerate(event.sources):
        if source in known and source not in cited:
            report.error(article.origin.at("events", index, "sources", position),
                         f"{_name(index)} cites source '{source}', which the article's sources do not list"
                         f"{did_you_mean(source, cited)}")

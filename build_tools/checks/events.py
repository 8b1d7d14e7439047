"""What the schema cannot say about an article's events: a sub-type under its type, sides
apart, a date the article can report, fatalities in order, sources the article cites."""

from __future__ import annotations

from collections.abc import Container

from ..diagnostics import Origin, Report, did_you_mean, field_name
from ..messages import msg
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
                           msg("{event}: location '{location}' and the places it is in have no coordinates: "
                               "the event is published but left off maps", event=_name(index),
                               location=event.location), "event-unmapped")


def _check_sub_type(event: Event, index: int, sub_types: dict[str, Term], origin: Origin, report: Report) -> None:
    term = sub_types.get(event.sub_type)
    if term is None or term.type == event.type:
        return
    under = [name for name, other in sub_types.items() if other.type == event.type]
    hint = did_you_mean(event.sub_type, under) or msg(" (under {type}: {sub_types})", type=event.type,
                                                      sub_types=", ".join(under))
    report.error(origin.at("events", index, "sub_type"),
                 msg("{event}.sub_type '{sub_type}' is under type '{its_type}', not '{type}'{hint}",
                     event=_name(index), sub_type=event.sub_type, its_type=term.type, type=event.type, hint=hint),
                 "event-sub-type")


def _check_sides(event: Event, index: int, origin: Origin, report: Report) -> None:
    """An actor is on one side only, and named once."""
    seen: dict[str, str] = {}
    for side in SIDES:
        for actor in event.side(side):
            if actor in seen and SIDE_OF[seen[actor]] != SIDE_OF[side]:
                report.error(origin.at("events", index, "actors", side),
                             msg("{event}: actor '{actor}' is on both sides ({first} and {side})",
                                 event=_name(index), actor=actor, first=seen[actor], side=side), "event-sides")
            elif actor in seen:
                report.error(origin.at("events", index, "actors", side),
                             msg("{event}: actor '{actor}' is listed twice on its side ({first} and {side})",
                                 event=_name(index), actor=actor, first=seen[actor], side=side), "event-sides")
            seen.setdefault(actor, side)


def _check_date(event: Event, index: int, article: Article, report: Report) -> None:
    if event.date.earliest > article.date.latest:
        report.error(article.origin.at("events", index, "date"),
                     msg("{event}.date {date} is after the article's date {article_date}: an article reports "
                         "what happened before it", event=_name(index), date=event.date, article_date=article.date),
                     "date-order")


def _check_fatalities(event: Event, index: int, origin: Origin, report: Report) -> None:
    """The best estimate lies within the reported range."""
    counts = event.fatalities
    if counts is None:
        return
    if counts.low is not None and counts.low > counts.best:
        report.error(origin.at("events", index, "fatalities", "low"),
                     msg("{event}.fatalities: low {low} is above best {best}", event=_name(index), low=counts.low,
                         best=counts.best), "fatalities-range")
    if counts.high is not None and counts.high < counts.best:
        report.error(origin.at("events", index, "fatalities", "high"),
                     msg("{event}.fatalities: high {high} is below best {best}", event=_name(index),
                         high=counts.high, best=counts.best), "fatalities-range")


def _check_sources(event: Event, index: int, article: Article, known: Container[str], report: Report) -> None:
    """Unknown sources are reported as such (``checks.references``)."""
    cited = article.ids(SOURCE.name)
    for position, source in enumerate(event.sources):
        if source in known and source not in cited:
            report.error(article.origin.at("events", index, "sources", position),
                         msg("{event} cites source '{source}', which the article's sources do not list{hint}",
                             event=_name(index), source=source, hint=did_you_mean(source, cited)), "uncited-source")

"""Events as pages show them: in an article's list, on the page of an actor or a place
(with their counts by type), and on the events page of each language.

The events page is made to stay small however many events the archive holds: it lists
and maps the newest ones first (about ``FIRST_LOAD_EVENTS``, whole periods), and each
period's events are also a JSON file of their own that the page's script fetches when a
reader picks a wider period or other types; so filtering needs no server.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ...model.events import Event, Fatalities
from .. import urls
from ..timeline import Slot, stacked_timeline_svg
from .context import LanguagePages
from .entity import period_scale
from .model import EventPeriod, EventsSection, EventsView, EventView, Link, PageModel, Timeline, TypeCount

FIRST_LOAD_EVENTS = 200
"""The events page first shows the newest periods holding up to this many events (and
always the newest period, however many it holds)."""
LISTED_ON_ENTITY = 20
"""The newest events an actor's or a place's page lists; the rest are counted."""
SCRIPT_STRINGS = ("side_a", "side_b", "fatalities", "reported_in", "events_showing", "events_unmapped",
                  "list_separator")
"""The interface strings the events page's script writes with."""


def event_view(pages: LanguagePages, event: Event, with_article: bool = True) -> EventView:
    """``with_article``: with a link to the article that reports it (not on that article).
    Made once: one event is listed on the pages of each of its actors and places."""
    key = (event.id, with_article)
    if key not in pages.event_views:
        pages.event_views[key] = _event_view(pages, event, with_article)
    return pages.event_views[key]


def _event_view(pages: LanguagePages, event: Event, with_article: bool) -> EventView:
    locale, links = pages.locale, pages.links
    note, note_lang = locale.text(event.note)
    article = links.card(pages.briefing.articles[event.article]).link if with_article else None
    return EventView(
        date=locale.date(event.date), date_iso=event.date.isoformat(), type_id=event.type,
        type=locale.label("event_types", event.type), sub_type=locale.label("event_sub_types", event.sub_type),
        place=links.entity_link("location", event.location),
        side_a=[links.entity_link("actor", id_) for id_ in event.side("side_a") + event.side("associated_a")],
        side_b=[links.entity_link("actor", id_) for id_ in event.side("side_b") + event.side("associated_b")],
        fatalities=fatalities_text(pages, event.fatalities), note=note, note_lang=note_lang, article=article)


def fatalities_text(pages: LanguagePages, counts: Fatalities | None) -> str | None:
    """"12 (10–30)", "12 (10–)", "12": a range only as far as it was reported."""
    if counts is None:
        return None
    number = pages.locale.number
    if counts.low is None and counts.high is None:
        return number(counts.best)
    low = number(counts.low) if counts.low is not None else ""
    high = number(counts.high) if counts.high is not None else ""
    return f"{number(counts.best)} ({low}–{high})"


def type_counts(pages: LanguagePages, events: list[Event]) -> list[TypeCount]:
    """How many of ``events`` are of each type, in the vocabulary's order, leaving out none-found."""
    counts = Counter(event.type for event in events)
    return [TypeCount(id_, pages.locale.label("event_types", id_), pages.locale.number(counts[id_]))
            for id_ in pages.config.vocabularies["event_types"] if counts[id_]]


def events_section(pages: LanguagePages, events: list[Event]) -> EventsSection | None:
    """The events of an actor's or a place's page (``events``: newest first)."""
    if not events:
        return None
    listed = [event_view(pages, event) for event in events[:LISTED_ON_ENTITY]]
    more = len(events) - len(listed)
    return EventsSection(
        total=pages.locale.t("event_count", count=pages.locale.number(len(events))),
        types=type_counts(pages, events), events=listed,
        more=pages.locale.t("more_events", count=pages.locale.number(more)) if more else None,
        events_page=urls.section(pages.lang, "events"))


def events_pages(pages: LanguagePages) -> list[PageModel]:
    """The events page of the language, when its articles report any."""
    events = pages.events
    if not events:
        return []
    by_period: dict[Slot, list[Event]] = {}
    for event in events:
        by_period.setdefault((event.date.year, event.date.month), []).append(event)
    chronological = sorted(by_period, key=_period_order)
    first = _first_load(chronological, by_period)
    periods = [_period(pages, slot, by_period[slot]) for slot in chronological]
    listed = [event_view(pages, event) for slot in reversed(first) for event in by_period[slot]]
    url = urls.section(pages.lang, "events")
    types = type_counts(pages, events)
    view = EventsView(
        total=pages.locale.t("event_count", count=pages.locale.number(len(events))),
        types=types, periods=periods,
        first_from=_key(first[0]), first_to=_key(first[-1]),
        showing=_showing(pages, [event for slot in first for event in by_period[slot]], first), listed=listed,
        timeline=_timeline(pages, events, {count.id: count.label for count in types}),
        strings=_script_strings(pages))
    return [pages.page(url, "events", pages.locale.t("events"), view)]


def _period_order(slot: Slot) -> tuple[int, int]:
    """Time order, the events of a year whose month is unknown after that year's months."""
    year, month = slot
    return year, month or 13


def _key(slot: Slot) -> str:
    """``2017-09``; ``2017`` for events whose month is unknown. Also the name of the data file."""
    year, month = slot
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def _first_load(chronological: list[Slot], by_period: dict[Slot, list[Event]]) -> list[Slot]:
    """The newest periods whose events add up to at most ``FIRST_LOAD_EVENTS`` (at least
    one period), oldest first."""
    newest: list[Slot] = []
    count = 0
    for slot in reversed(chronological):
        count += len(by_period[slot])
        if newest and count > FIRST_LOAD_EVENTS:
            break
        newest.append(slot)
    return newest[::-1]


def _period(pages: LanguagePages, slot: Slot, events: list[Event]) -> EventPeriod:
    records = [_record(event_view(pages, event), event) for event in events]
    return EventPeriod(key=_key(slot), label=pages.locale.period_label(*slot),
                       count=pages.locale.number(len(events)),
                       data=urls.event_data(pages.lang, _key(slot)), records=records)


def _record(view: EventView, event: Event) -> dict[str, Any]:
    """An event as the events page's script reads it: what the list shows, and where to map it."""
    placement = event.placement
    return {
        "date": view.date, "iso": view.date_iso, "type": view.type_id, "sub_type": view.sub_type,
        "place": _link(view.place),
        "lat": placement.coordinates.lat if placement else None,
        "lon": placement.coordinates.lon if placement else None,
        "side_a": [_link(link) for link in view.side_a], "side_b": [_link(link) for link in view.side_b],
        "fatalities": view.fatalities, "article": _link(view.article) if view.article else None,
    }


def _link(link: Link) -> list[str]:
    return [link.text, link.url, link.lang]


def _showing(pages: LanguagePages, shown: list[Event], first: list[Slot]) -> str:
    """What the page shows first, as its script says it for what a reader chooses."""
    locale = pages.locale
    text = locale.t("events_showing", count=locale.number(len(shown)), start=locale.period_label(*first[0]),
                    end=locale.period_label(*first[-1]))
    unmapped = sum(1 for event in shown if event.placement is None)
    if unmapped:
        text += " " + locale.t("events_unmapped", count=locale.number(unmapped))
    return text


def _script_strings(pages: LanguagePages) -> dict[str, str]:
    """The interface strings the page's script writes with, and the digits it counts in."""
    strings = {key: pages.locale.t(key) for key in SCRIPT_STRINGS}
    strings["numbering"] = pages.locale.numbering
    return strings


def _timeline(pages: LanguagePages, events: list[Event], types: dict[str, str]) -> Timeline | None:
    """Events per month by type (``types``: id → label, in the order they stack), or per year."""
    locale = pages.locale
    by_year, label = period_scale(pages, [event.date.year for event in events])
    title = locale.t("events_by_year" if by_year else "events_by_month")
    svg = stacked_timeline_svg(((event.date, event.type) for event in events), types, title, label,
                               locale.number, locale.t("list_separator"), by_year)
    return Timeline(svg, title) if svg else None

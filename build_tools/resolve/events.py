"""The ``events`` of a valid ``meta.yml`` as the model's ``Event`` list, placed on the map."""

from __future__ import annotations

from typing import Any

from ..diagnostics import Origin, Report, field_name
from ..model.dates import DateError, parse_partial_date
from ..model.entities import Localized, Location
from ..model.events import ADMIN_KINDS, SIDES, Event, Fatalities, ancestors, place


def resolve_events(data: dict[str, Any], article_id: str, locations: dict[str, Location], origin: Origin,
                   report: Report) -> list[Event]:
    """``data``: the article's meta.yml, valid against its schema; an event whose date is
    not a real one is reported and left out."""
    events = []
    for index, entry in enumerate(data.get("events", [])):
        try:
            date = parse_partial_date(entry["date"])
        except DateError as exc:
            report.error(origin.at("events", index, "date"), f"{field_name(('events', index, 'date'))} {exc}")
            continue
        fatalities = entry.get("fatalities")
        events.append(Event(
            id=f"{article_id}-{index + 1}", article=article_id, date=date,
            type=entry["type"], sub_type=entry["sub_type"], location=entry["location"],
            actors={side: list(entry["actors"].get(side, [])) for side in SIDES},
            sources=list(entry["sources"]), placement=place(entry["location"], locations),
            civilian_targeting=entry.get("civilian_targeting"),
            fatalities=Fatalities(fatalities["best"], fatalities.get("low"), fatalities.get("high"))
            if fatalities else None,
            note=Localized.from_data(entry.get("note")), admin=_admin(entry["location"], locations)))
    return events


def _admin(location_id: str, locations: dict[str, Location]) -> dict[str, str]:
    """The innermost location of each administrative kind the place is in (or is)."""
    admin: dict[str, str] = {}
    for location in ancestors(location_id, locations):
        if location.kind in ADMIN_KINDS:
            admin.setdefault(location.kind, location.id)
    return admin

"""The ``events`` of a valid ``meta.yml`` as the model's ``Event`` list, placed on the map."""

from __future__ import annotations

from typing import Any

from ..diagnostics import Origin, Report
from ..model.entities import Localized, Location
from ..model.events import ADMIN_KINDS, SIDES, Event, Fatalities, ancestors, place
from .dates import read_date


def resolve_events(data: dict[str, Any], article_id: str, locations: dict[str, Location], origin: Origin,
                   report: Report) -> list[Event]:
    """``data``: the article's meta.yml, valid against its schema; an event whose date is
    not a real one is reported and left out."""
    events = []
    for index, entry in enumerate(data.get("events", [])):
        date = read_date(entry, "date", origin, report, ("events", index))
        if date is None:
            continue
        chain = ancestors(entry["location"], locations)
        fatalities = entry.get("fatalities")
        events.append(Event(
            id=f"{article_id}-{index + 1}", article=article_id, date=date,
            type=entry["type"], sub_type=entry["sub_type"], location=entry["location"],
            actors={side: list(entry["actors"].get(side, [])) for side in SIDES},
            sources=list(entry["sources"]), placement=place(entry["location"], chain),
            civilian_targeting=entry.get("civilian_targeting"),
            fatalities=Fatalities(fatalities["best"], fatalities.get("low"), fatalities.get("high"))
            if fatalities else None,
            note=Localized.from_data(entry.get("note")), admin=_admin(chain)))
    return events


def _admin(chain: list[Location]) -> dict[str, str]:
    """The innermost location of each administrative kind the place is in (or is)."""
    admin: dict[str, str] = {}
    for location in chain:
        if location.kind in ADMIN_KINDS:
            admin.setdefault(location.kind, location.id)
    return admin

"""An event: one incident an article reports, coded as ACLED codes events.

An event is located by one of the briefing's locations. Where that place has no
coordinates, its nearest ancestor with coordinates stands in for it and the event's
precision says so, in ACLED's ``geo_precision`` and UCDP GED's ``where_prec`` terms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import PartialDate
from .entities import Coordinates, Localized, Location

SIDES = ("side_a", "side_b", "associated_a", "associated_b")
"""``side_a`` and ``associated_a`` are ACLED's ``actor1`` and ``assoc_actor_1``; b, ``actor2``…"""
ADMIN_KINDS = ("country", "governorate", "district", "subdistrict")
"""The kinds of location that are ACLED's country, admin1, admin2 and admin3."""
SIDE_OF = {"side_a": "a", "associated_a": "a", "side_b": "b", "associated_b": "b"}


@dataclass(frozen=True)
class Fatalities:
    """Reported deaths: the best estimate and, when reported, a range (UCDP's best, low, high)."""

    best: int
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class Placement:
    """Where an event is put on a map, and how precisely."""

    coordinates: Coordinates
    located_by: str
    """The id of the location whose coordinates are used: the event's own, or an ancestor's."""
    geo_precision: int
    """ACLED: 1 the place itself, 2 a place near or around it, 3 a larger region."""
    where_prec: int
    """UCDP GED: 1 exact, 2 within about 25 km, 3 second-order division, 4 governorate, 6 country."""


_PRECISION_BY_ANCESTOR_KIND = {"subdistrict": (2, 3), "district": (2, 3), "governorate": (3, 4),
                               "region": (3, 4), "country": (3, 6)}
"""(geo_precision, where_prec) when an ancestor of this kind gives the coordinates; a town
or any other place: (2, 2)."""


def ancestors(location_id: str, locations: dict[str, Location]) -> list[Location]:
    """The location and the ones it is in, innermost first."""
    found: dict[str, Location] = {}
    location = locations.get(location_id)
    while location is not None and location.id not in found:
        found[location.id] = location
        location = locations.get(location.parent) if location.parent else None
    return list(found.values())


def place(location_id: str, chain: list[Location]) -> Placement | None:
    """The event's place on a map: its location's coordinates, else its nearest ancestor's
    (``chain``: what ``ancestors`` gives); None when none of them has coordinates."""
    for location in chain:
        if location.coordinates is None:
            continue
        if location.id == location_id:
            return Placement(location.coordinates, location.id, 1, 1)
        geo, where = _PRECISION_BY_ANCESTOR_KIND.get(location.kind, (2, 2))
        return Placement(location.coordinates, location.id, geo, where)
    return None


@dataclass
class Event:
    id: str
    """``ARTICLE-N``: the article's id and the event's place in its list, from 1."""
    article: str
    date: PartialDate
    type: str
    sub_type: str
    location: str
    actors: dict[str, list[str]]
    """Side (one of ``SIDES``) → actor ids."""
    sources: list[str]
    placement: Placement | None = None
    civilian_targeting: bool | None = None
    fatalities: Fatalities | None = None
    note: Localized = Localized()
    admin: dict[str, str] = field(default_factory=dict)
    """``governorate``, ``district``, ``subdistrict``, ``country`` → the id of the location of
    that kind the event's place is in (ACLED's admin1–admin3 and country)."""

    def side(self, name: str) -> list[str]:
        return self.actors.get(name, [])

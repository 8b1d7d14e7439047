"""The locations: a hierarchy with its map, and a page for each place, whose articles
include those about the places inside it."""

from __future__ import annotations

from collections import defaultdict

from ...model.articles import Article
from ...model.entities import Location
from ...model.events import Event
from .. import urls
from .context import LanguagePages
from .entity import entity_page, name_fields, related, timeline, wikidata_field
from .events import events_section
from .indexes import tree_pages
from .model import Field, Link, LocationView, MapPoint, PageModel, TreeNode

Children = dict[str | None, list[str]]
"""Location id (None: the top) → the ids of the places directly inside it."""


def location_pages(pages: LanguagePages) -> list[PageModel]:
    locations = pages.briefing.locations
    children: Children = defaultdict(list)
    for location in locations.values():
        children[location.parent].append(location.id)
    inside = {id_: _descendants(id_, children) for id_ in locations}
    about = _articles_about_places(pages, inside)
    events = _events_at_places(pages, inside)
    counts = {id_: len(articles) for id_, articles in about.items()}
    points = [MapPoint(loc.names.name.get(pages.lang) or loc.id, loc.coordinates.lat, loc.coordinates.lon,
                       urls.entity(pages.lang, "location", loc.id), pages.locale.number(counts[loc.id]))
              for loc in locations.values() if loc.coordinates]
    index = tree_pages(pages, urls.section(pages.lang, "locations"), "locations", pages.locale.t("locations"),
                       _tree(pages, children, counts, None), points)
    return [*index, *(location_page(pages, location, children, about[location.id], events[location.id])
                     for location in locations.values())]


def _articles_about_places(pages: LanguagePages, inside: dict[str, set[str]]) -> dict[str, list[Article]]:
    """Location id → the articles about it or a place inside it, newest first."""
    newest_first = {article.id: index for index, article in enumerate(pages.articles)}
    about = {}
    for id_, places in inside.items():
        found = {a.id: a for place in places for a in pages.articles_about("location", place)}
        about[id_] = sorted(found.values(), key=lambda a: newest_first[a.id])
    return about


def _events_at_places(pages: LanguagePages, inside: dict[str, set[str]]) -> dict[str, list[Event]]:
    """Location id → the events at it or at a place inside it, newest first."""
    newest_first = {event.id: index for index, event in enumerate(pages.events)}
    at = {}
    for id_, places in inside.items():
        found = [event for place in places for event in pages.events_by_entity[("location", place)]]
        at[id_] = sorted(found, key=lambda event: newest_first[event.id])
    return at


def _tree(pages: LanguagePages, children: Children, counts: dict[str, int], parent: str | None) -> list[TreeNode]:
    nodes = [TreeNode(pages.links.entity_link("location", id_, counts[id_]), _tree(pages, children, counts, id_))
             for id_ in children[parent]]
    return sorted(nodes, key=lambda node: pages.locale.sort_key(node.link.text, node.link.lang))


def _descendants(id_: str, children: Children) -> set[str]:
    found, stack = {id_}, [id_]
    while stack:
        for child in children[stack.pop()]:
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _breadcrumb(pages: LanguagePages, location: Location) -> list[Link]:
    """The places ``location`` is in, outermost first."""
    breadcrumb: list[Link] = []
    parent = location.parent
    while parent and parent not in {link.url for link in breadcrumb}:
        breadcrumb.insert(0, pages.links.entity_link("location", parent))
        parent = pages.briefing.locations[parent].parent
    return breadcrumb


def location_page(pages: LanguagePages, location: Location, children: Children,
                  articles: list[Article], events: list[Event]) -> PageModel:
    """``articles`` and ``events``: those about or at the place or a place inside it."""
    locale, links = pages.locale, pages.links
    point = location.coordinates
    description, description_lang = locale.text(location.description)
    name = location.names.name.get(pages.lang) or location.id
    url = urls.entity(pages.lang, "location", location.id)
    return entity_page(pages, "location", location, description, LocationView(
        fields=[*name_fields(pages, location.names),
                Field(locale.t("kind"), locale.label("location_kinds", location.kind), pages.lang),
                *wikidata_field(pages, location.wikidata)],
        breadcrumb=_breadcrumb(pages, location),
        coordinates=(locale.number(point.lat), locale.number(point.lon)) if point else None,
        osm_url=(f"https://www.openstreetmap.org/?mlat={point.lat}&mlon={point.lon}"
                 f"#map=10/{point.lat}/{point.lon}") if point else None,
        places_inside=links.sorted_links(links.entity_link("location", id_) for id_ in children[location.id]),
        description=description, description_lang=description_lang,
        articles=links.cards(articles),
        actors=related(pages, articles, "actor"),
        timeline=timeline(pages, articles),
        map_point=MapPoint(name, point.lat, point.lon, url) if point else None,
        events=events_section(pages, events)))

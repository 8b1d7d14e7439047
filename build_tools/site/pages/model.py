"""Page models: everything a page shows, already in its language, computed from the model.

This is the last step before rendering and knows nothing of MkDocs: each ``PageModel``
carries its address, its counterpart in the other language, the template that shows
it, a kind-specific ``view`` and, for articles, the Markdown body. Every model is made
complete by the builder of its page kind and never changed after.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..html import Html
from ..urls import source_path
from .citing import CitationView


@dataclass(frozen=True)
class Link:
    """A link whose text may be in another language than the page (``lang``), with a count."""

    text: str
    url: str
    lang: str
    count: str | None = None


@dataclass(frozen=True)
class Name:
    """A name written in ``lang``, which may not be the page's."""

    text: str
    lang: str


@dataclass(frozen=True)
class NotFoundSection:
    """The "page not found" message in one language: the 404 page shows one per language,
    each in its own direction, since it is served at any address, in either language."""

    lang: str
    direction: str
    title: str
    text: str
    links: list[Link]


@dataclass(frozen=True)
class NavItem:
    text: str
    url: str
    active: bool


@dataclass(frozen=True)
class Group:
    label: str
    links: list[Link]


@dataclass(frozen=True)
class Field:
    """A labelled value of an entity's fact sheet; ``lang`` is the language of ``value``."""

    label: str
    value: str
    lang: str
    url: str | None = None


@dataclass(frozen=True)
class Picture:
    """A photo as a page shows it: its renditions, the text that stands for it, and
    whose it is, in the page's language (``*_lang`` when from the other one)."""

    src: str
    """The JPEG or PNG rendition (site path): for browsers that read no ``srcset``."""
    srcset: list[tuple[str, int]]
    """(site path, width) of each WebP rendition."""
    width: int
    height: int
    alt: str
    caption: str | None = None
    caption_lang: str = "ar"
    credit: str | None = None
    credit_lang: str = "ar"
    credit_label: str = ""
    """"Photo:", in the page's language."""


@dataclass(frozen=True)
class EventView:
    """One event as pages list it: when, what, where, who, and the reported deaths."""

    date: str
    date_iso: str
    type_id: str
    type: str
    sub_type: str
    place: Link
    side_a: list[Link]
    """Side A and those associated with it."""
    side_b: list[Link]
    fatalities: str | None
    """"12 (10–30)": the best estimate, and the range when one was reported."""
    note: str | None
    note_lang: str
    article: Link | None = None
    """The article that reports it, where the page is not that article."""


@dataclass(frozen=True)
class TypeCount:
    id: str
    label: str
    count: str


@dataclass(frozen=True)
class EventsSection:
    """The events of an actor or a place: how many of each type, and the newest."""

    total: str
    types: list[TypeCount]
    events: list[EventView]
    more: str | None
    """How many older ones are not listed, when some are not."""
    events_page: str


@dataclass(frozen=True)
class DocumentLink:
    title: str
    title_lang: str
    url: str
    """Site path of the published copy."""
    size: str
    """"1.2 MB", in the page's language and digits."""
    source: Link | None = None


@dataclass(frozen=True)
class DatedText:
    """A text with its date (a correction), the date written and machine-readable."""

    date: str
    date_iso: str
    text: str
    lang: str


@dataclass(frozen=True)
class ArticleCard:
    link: Link
    date: str
    date_iso: str
    """The date as ``<time datetime>`` reads it: ``2017-08-07``, ``2017-08`` or ``2017``."""
    summary: str | None
    actors: list[Link]
    locations: list[Link]
    draft: bool
    pending: bool
    thumbnail: Picture | None = None
    """The lead photo, without caption or credit."""


@dataclass(frozen=True)
class CitedSource:
    """A source as an article's panel shows it: with its grade and who relayed it."""

    source: Link
    reliability: str
    via: Link | None
    note: str | None
    url: str | None


@dataclass(frozen=True)
class Pagination:
    newer: str | None
    older: str | None
    label: str
    """"Page 2 of 5", or the dates of the articles a page lists, in the page's language and digits."""


@dataclass(frozen=True)
class TreeNode:
    link: Link
    children: list[TreeNode]


@dataclass(frozen=True)
class HomeView:
    heading: str
    articles: list[ArticleCard]
    pagination: Pagination


@dataclass(frozen=True)
class SearchBundle:
    """One Pagefind bundle of a language: a part of a group of results, indexed on its own."""

    group: str
    name: str
    """Its folder under ``pagefind/LANG/``: the group's name for its first part, ``articles-2``… after."""
    pages: tuple[str, ...]
    """The site paths of its pages."""


@dataclass(frozen=True)
class SearchView:
    strings: dict[str, str]
    """The interface strings the page's script needs (the result counts in each plural
    form of the language), and the digits it counts in (``numbering``)."""
    groups: tuple[str, ...]
    """The groups of results (``urls.SEARCH_GROUPS``) that have pages."""
    bundles: tuple[SearchBundle, ...] = ()
    """The bundles of each group, loaded as one by the page's script (``pages.search``)."""


@dataclass(frozen=True)
class ArticleView:
    card: ArticleCard
    pending: bool
    reading_time: str | None
    """"4 min read", said in the plural form of its number; none when the text is pending."""
    authors: list[Name | str]
    """The byline's names, each in its language, and the words that join them ("و", "and")."""
    updated: str | None
    updated_iso: str | None
    actors: list[Link]
    locations: list[Link]
    sources: list[CitedSource]
    tags: list[Link]
    editor_note: str | None
    editor_note_lang: str
    corrections: list[DatedText]
    """Newest first."""
    mention_targets: dict[tuple[str, str], str]
    """The page of each actor and location the article lists, for names found in its text."""
    figures: dict[str, Picture] = field(default_factory=dict)
    """Each photo the text places, by the site path the Markdown points its image at
    (``Picture.src``); shown as a figure there."""
    stale_original: Link | None = None
    """The original, when this page's text is a translation made before its last change."""
    lead_figure: Picture | None = None
    """The lead photo when the text does not place it: shown above the text."""
    documents: list[DocumentLink] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)
    related: list[ArticleCard] = field(default_factory=list)
    """The articles sharing the most actors and places with this one (``model.related``)."""
    citation: CitationView | None = None


@dataclass(frozen=True)
class GroupsView:
    """An index page: labelled groups of links (actors by type, archive by year...)."""

    groups: list[Group]
    pagination: Pagination | None = None


@dataclass(frozen=True)
class Timeline:
    svg: Html
    title: str


@dataclass(frozen=True)
class MapPoint:
    name: str
    lat: float
    lon: float
    url: str
    count: str | None = None


@dataclass(frozen=True)
class TreeView:
    tree: list[TreeNode]
    points: list[MapPoint] = field(default_factory=list)
    pagination: Pagination | None = None


@dataclass(frozen=True)
class ArticlesView:
    """A page about one thing (source, tag, month) and the articles that concern it."""

    articles: list[ArticleCard]
    fields: list[Field] = field(default_factory=list)
    description: str | None = None
    description_lang: str = "ar"


@dataclass(frozen=True)
class ActorView(ArticlesView):
    relations: list[tuple[str, Link]] = field(default_factory=list)
    co_actors: list[Link] = field(default_factory=list)
    co_locations: list[Link] = field(default_factory=list)
    timeline: Timeline | None = None
    events: EventsSection | None = None


@dataclass(frozen=True)
class LocationView(ArticlesView):
    breadcrumb: list[Link] = field(default_factory=list)
    coordinates: tuple[str, str] | None = None
    osm_url: str | None = None
    places_inside: list[Link] = field(default_factory=list)
    actors: list[Link] = field(default_factory=list)
    timeline: Timeline | None = None
    map_point: MapPoint | None = None
    events: EventsSection | None = None
    """Those at the place or a place inside it."""


@dataclass(frozen=True)
class EventPeriod:
    """A month (or a year whose months are unknown) of the events page, and its data file."""

    key: str
    """``2017-09``, or ``2017``."""
    label: str
    count: str
    data: str
    """Site path of the JSON file of its events, newest first."""
    records: list[dict[str, Any]]
    """What that file holds."""


@dataclass(frozen=True)
class EventsView:
    total: str
    types: list[TypeCount]
    periods: list[EventPeriod]
    """Every period that has events, oldest first."""
    first_from: str
    first_to: str
    """The periods shown first (keys): the newest ones, up to a bounded number of events."""
    showing: str
    """What is shown first: "Showing 212 events, from March 2017 to September 2017"."""
    listed: list[EventView]
    """The events of the periods shown first, newest first."""
    timeline: Timeline | None
    strings: dict[str, str]
    """The interface strings the page's script needs."""


View = HomeView | SearchView | ArticleView | GroupsView | TreeView | ArticlesView | EventsView | None


@dataclass(frozen=True)
class Gap:
    """What a draft leaves to fill in: where (``ar.md:2``), and what, in the page's language."""

    where: str
    what: str


@dataclass(frozen=True)
class PageModel:
    lang: str
    url: str
    """The site path of the page, ``ar/actors/sdf/``."""
    kind: str
    """What the page shows: ``home``, ``article``, ``actors``, ``actor``…"""
    template: str
    """The template that renders it, under ``overrides/``: ``briefing/groups.html``."""
    title: str
    title_lang: str
    title_dir: str
    alternate: str
    """The same page in the other language."""
    default_url: str
    """The page in the site's default language (``x-default``)."""
    nav: list[NavItem]
    view: View = None
    markdown: str = ""
    draft: bool = False
    scheduled: str | None = None
    """A scheduled article's banner in the preview: when it goes out, in the page's language."""
    to_fill: tuple[Gap, ...] = ()
    """A draft's gaps (see ``Article.gaps``)."""
    search_terms: str = ""
    """The search forms of its Arabic words and names, indexed after its text, never shown
    (see ``text.arabic.search_terms``)."""
    own_names: tuple[str, ...] = ()
    """An entity page's names in every language and its aliases: indexed with a title's
    weight, never shown; the search page lists first the entity a query names exactly."""
    description: str | None = None
    image: Picture | None = None
    """The picture of link previews (``og:image``)."""
    json_ld: dict[str, Any] | None = None
    feed: str | None = None
    """The Atom feed that follows this page, if any (site path)."""

    @property
    def src_uri(self) -> str:
        return source_path(self.url)

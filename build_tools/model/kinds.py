"""The kinds of content, in one table: everything that differs from kind to kind is read here.

A kind's ``name`` is the scheme of links to its pages (``[قسد](actor:sdf)``); its
``plural`` is its folder under ``content/`` (``content/actors/ID.yml``), its URL section
(``ar/actors/sdf/``) and the field of ``meta.yml`` that lists its ids (``actors:``).
Loading, references, links, the name matcher, feeds, pages and open data all iterate
this table rather than naming kinds, so a new kind is one row here plus what is
particular to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..messages import Message, msg
from .entities import Actor, Entity, Location, Source, Tag
from .events import SIDES


class _Every:
    """Stands for every item of a list in a reference's path (``EVERY``)."""

    def __repr__(self) -> str:
        return "EVERY"


EVERY = _Every()
FieldPath = tuple[object, ...]
"""Where in a file an id is: field names, list indexes or ``EVERY`` item of a list."""


@dataclass(frozen=True)
class Kind:
    name: str
    plural: str
    word: Message
    """Its name in messages, which the editor's language may say differently."""
    entity: type[Entity] | None = None
    """The model class of one file of ``content/PLURAL/``; None: not a registry (articles)."""
    schema: str | None = None
    """Its files' JSON Schema, ``site_config/schemas/SCHEMA.schema.json``; None: no file of its own."""
    references: tuple[tuple[str, FieldPath], ...] = ()
    """The ids its files name: (the kind of the id, where in the file), checked to exist,
    rewritten by ``briefing rename`` and found by ``briefing where``."""
    navigation: int | None = None
    """Its index page's place in each language's navigation (the events page only when
    there are events); None: not in the navigation."""
    linked: bool = False
    """Articles may link to its pages: ``[text](NAME:ID)``."""
    named_in_text: bool = False
    """Its names are looked for in articles: mention checks, ``briefing suggest``, automatic links."""
    listed_by_articles: bool = False
    """``meta.yml`` lists the ids of those an article is about, under ``PLURAL``."""
    followed: bool = False
    """Each one's page has an Atom feed of its articles."""
    in_article_folder: bool = False
    """A file of an article's folder, declared in its ``meta.yml`` under ``PLURAL``."""


ACTOR = Kind("actor", "actors", msg("actor"), Actor, "actor", (("actor", ("affiliations", EVERY, "actor")),),
             navigation=1, linked=True, named_in_text=True, listed_by_articles=True, followed=True)
LOCATION = Kind("location", "locations", msg("location"), Location, "location", (("location", ("parent",)),),
                navigation=2, linked=True, named_in_text=True, listed_by_articles=True, followed=True)
SOURCE = Kind("source", "sources", msg("source"), Source, "source", navigation=4, linked=True)
"""Articles cite sources (``sources: [{source: ID, via: ID}]``) rather than list them."""
TAG = Kind("tag", "tags", msg("tag"), Tag, "tag", navigation=5, linked=True, listed_by_articles=True)
ARTICLE = Kind("article", "articles", msg("article"), schema="article-meta", references=(
    ("actor", ("actors", EVERY)), ("location", ("locations", EVERY)), ("tag", ("tags", EVERY)),
    ("source", ("sources", EVERY, "source")), ("source", ("sources", EVERY, "via")),
    ("source", ("documents", EVERY, "source")), ("location", ("events", EVERY, "location")),
    *(("actor", ("events", EVERY, "actors", side, EVERY)) for side in SIDES),
    ("source", ("events", EVERY, "sources", EVERY))))
"""A folder ``content/articles/YYYY/ID/``, not a registry file; its ``meta.yml`` names the
ids of every kind, its events' included."""

PHOTO = Kind("photo", "media", msg("photo"), in_article_folder=True)
"""A JPEG, PNG or WebP file, placed in the text as ``![](file)``, published as renditions."""
DOCUMENT = Kind("document", "documents", msg("document"), in_article_folder=True)
"""A PDF file, listed with the article, published without its metadata."""

EVENT = Kind("event", "events", msg("event"), navigation=3)
"""An incident an article reports, listed in its ``meta.yml`` under ``events``; exported
as ``events.csv``, ``.json`` and ``.geojson`` and mapped on the events page."""

KINDS = (ACTOR, LOCATION, SOURCE, TAG, ARTICLE, PHOTO, DOCUMENT, EVENT)
BY_NAME = {kind.name: kind for kind in KINDS}
REGISTRIES = tuple(kind for kind in KINDS if kind.entity is not None)
"""The kinds with one YAML file per entity, in the order they are read."""
NAMED_IN_TEXT = tuple(kind for kind in KINDS if kind.named_in_text)
ARTICLE_FILES = tuple(kind for kind in KINDS if kind.in_article_folder)
IN_NAVIGATION = tuple(sorted((kind for kind in KINDS if kind.navigation is not None),
                             key=lambda kind: kind.navigation or 0))
"""The kinds whose index pages the navigation lists, in its order."""


def word(kind: str) -> Message:
    """The name of ``kind`` (``actor``) in messages: a message, said in the editor's language."""
    return BY_NAME[kind].word


LINK_SCHEMES = frozenset(kind.name for kind in KINDS if kind.linked)

ENTITY_LINK = re.compile(rf"\]\(({'|'.join(kind.name for kind in KINDS if kind.linked)}):([^)\s]*)\)")
"""``](actor:sdf)``: a Markdown link to an entity's page, resolved when the site is built."""


def explicit_links(markdown: str) -> Iterator[tuple[str, str, int]]:
    """(kind, id, offset of the id) of every ``](kind:id)`` link."""
    for match in ENTITY_LINK.finditer(markdown):
        yield match.group(1), match.group(2), match.start(2)

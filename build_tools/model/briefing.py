"""The whole briefing: every entity, by kind, and every article."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import cast

from ..languages import LANGUAGES
from ..text.matcher import NameForm
from .articles import Article
from .entities import Actor, Entity, Location, Source, Tag
from .events import Event
from .kinds import NAMED_IN_TEXT, REGISTRIES
from .schedule import build_instant


def _empty_registries() -> dict[str, dict[str, Entity]]:
    return {kind.name: {} for kind in REGISTRIES}


@dataclass
class Briefing:
    entities: dict[str, dict[str, Entity]] = field(default_factory=_empty_registries)
    """Kind name → id → entity, for every registry kind, in the order the files were read."""
    articles: dict[str, Article] = field(default_factory=dict)
    now: datetime.datetime = field(default_factory=build_instant, compare=False)
    """The instant this build publishes at, read once: every page, feed and file of one
    build agrees on which scheduled articles are out."""

    @property
    def actors(self) -> dict[str, Actor]:
        return cast(dict[str, Actor], self.entities["actor"])

    @property
    def locations(self) -> dict[str, Location]:
        return cast(dict[str, Location], self.entities["location"])

    @property
    def sources(self) -> dict[str, Source]:
        return cast(dict[str, Source], self.entities["source"])

    @property
    def tags(self) -> dict[str, Tag]:
        return cast(dict[str, Tag], self.entities["tag"])

    def last_changed(self) -> datetime.date | None:
        """The newest date an article gives (published, updated or corrected)."""
        return max(((a.updated or a.date).earliest for a in self.articles.values()), default=None)

    def name_forms(self) -> Iterator[NameForm]:
        """Every name of every entity whose names are looked for in the text, per language."""
        for kind in NAMED_IN_TEXT:
            for entity in self.entities[kind.name].values():
                for lang in LANGUAGES:
                    for form in dict.fromkeys(entity.names.all_in(lang)):
                        yield NameForm(kind.name, entity.id, lang, form)


def articles_by_entity(articles: Iterable[Article]) -> dict[tuple[str, str], list[Article]]:
    """(kind, id) → the ``articles`` that concern it, in their order: one pass over the
    articles, rather than one per actor, location, source or tag."""
    listing: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in articles:
        for kind in REGISTRIES:
            for id_ in article.ids(kind.name):
                listing[(kind.name, id_)].append(article)
    return listing


def events_in_time_order(articles: Iterable[Article]) -> list[Event]:
    """The events the ``articles`` report, oldest first; on one day, in the order of the
    articles and of their lists (a stable sort on the date alone)."""
    found = [event for article in articles for event in article.events]
    found.sort(key=lambda event: event.date.earliest)
    return found

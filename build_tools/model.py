"""The briefing as one typed in-memory model: what page generation reads, never the files.

Every entity keeps its ``origin`` (file and positions of its values) so that checks
run on the model can still name the file and line of a problem.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .dates import PartialDate
from .yamlfile import Origin

LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class Localized:
    """A human-readable text in Arabic and English; either may be missing."""

    ar: str | None = None
    en: str | None = None

    def get(self, lang: str) -> str | None:
        return getattr(self, lang)


@dataclass(frozen=True)
class Names:
    """Every way an entity is written in one language: its name, short name and aliases."""

    name: Localized
    short_name: Localized = Localized()
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def all_in(self, lang: str) -> list[str]:
        forms = [self.name.get(lang), self.short_name.get(lang)]
        forms += [*self.aliases.get(lang, ()), *self.ambiguous_aliases.get(lang, ())]
        return [form for form in forms if form]


@dataclass(frozen=True)
class Affiliation:
    actor: str
    relation: str


@dataclass
class Actor:
    id: str
    names: Names
    type: str
    affiliations: list[Affiliation] = field(default_factory=list)
    wikidata: str | None = None
    description: Localized = Localized()
    origin: Origin = field(default_factory=lambda: Origin(""), compare=False, repr=False)


@dataclass(frozen=True)
class Coordinates:
    lat: float
    lon: float


@dataclass
class Location:
    id: str
    names: Names
    kind: str
    parent: str | None = None
    coordinates: Coordinates | None = None
    wikidata: str | None = None
    description: Localized = Localized()
    origin: Origin = field(default_factory=lambda: Origin(""), compare=False, repr=False)


@dataclass
class Source:
    id: str
    name: Localized
    kind: str
    url: str | None = None
    languages: list[str] = field(default_factory=list)
    reliability: str | None = None
    description: Localized = Localized()
    origin: Origin = field(default_factory=lambda: Origin(""), compare=False, repr=False)


@dataclass
class Tag:
    id: str
    name: Localized
    description: Localized = Localized()
    origin: Origin = field(default_factory=lambda: Origin(""), compare=False, repr=False)


@dataclass(frozen=True)
class Citation:
    """A source an article relies on, possibly as relayed by another (``via``)."""

    source: str
    url: str | None = None
    via: str | None = None
    note: Localized = Localized()


@dataclass(frozen=True)
class Correction:
    date: PartialDate
    text: Localized


@dataclass
class Translation:
    lang: str
    title: str
    summary: str | None
    body: str
    body_line: int
    origin: Origin = field(default_factory=lambda: Origin(""), compare=False, repr=False)


@dataclass
class Article:
    id: str
    date: PartialDate
    status: str
    updated: PartialDate | None = None
    authors: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    sources: list[Citation] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    editor_note: Localized = Localized()
    corrections: list[Correction] = field(default_factory=list)
    """Newest first; the article's ``updated`` is never before the latest one."""
    translations: dict[str, Translation] = field(default_factory=dict)
    origin: Origin = field(default_factory=lambda: Origin(""), compare=False, repr=False)

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def text_in(self, lang: str) -> Translation:
        """The translation in ``lang``, else the one that exists (pending translations)."""
        return self.translations.get(lang) or next(iter(self.translations.values()))


@dataclass
class Briefing:
    actors: dict[str, Actor] = field(default_factory=dict)
    locations: dict[str, Location] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)

    def last_changed(self) -> datetime.date | None:
        """The newest date an article gives (published, updated or corrected)."""
        return max(((a.updated or a.date).earliest for a in self.articles.values()), default=None)


def articles_by_entity(articles: Iterable[Article]) -> dict[tuple[str, str], list[Article]]:
    """(kind, id) → the ``articles`` that list it, in their order: one pass over the
    articles, rather than one per actor, location, source or tag."""
    listing: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in articles:
        cited = {id_ for citation in article.sources for id_ in (citation.source, citation.via) if id_}
        for kind, ids in (("actor", article.actors), ("location", article.locations),
                          ("tag", article.tags), ("source", cited)):
            for id_ in ids:
                listing[(kind, id_)].append(article)
    return listing

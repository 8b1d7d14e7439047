"""The things articles are about, one YAML file each: actors, locations, sources, tags.

Each is made from its file's data once the data has passed its JSON Schema
(``from_data``), so fields the schema requires are there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Origin
from ..languages import LANGUAGES


@dataclass(frozen=True)
class Localized:
    """A human-readable text in Arabic and English; either may be missing."""

    ar: str | None = None
    en: str | None = None

    def get(self, lang: str) -> str | None:
        return getattr(self, lang)  # type: ignore[no-any-return]

    @classmethod
    def from_data(cls, value: Any) -> Localized:
        """Tolerates other keys and types: corrections are read even from files with schema errors."""
        value = value if isinstance(value, dict) else {}
        return cls(**{lang: text for lang, text in value.items() if lang in LANGUAGES and isinstance(text, str)})


@dataclass(frozen=True)
class Names:
    """Every way an entity is written in each language: its name, short name and aliases."""

    name: Localized
    short_name: Localized = Localized()
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Names shared with another entity on purpose, declared in both files."""

    def all_in(self, lang: str) -> list[str]:
        forms = [self.name.get(lang), self.short_name.get(lang)]
        forms += [*self.aliases.get(lang, ()), *self.ambiguous_aliases.get(lang, ())]
        return [form for form in forms if form]

    def every(self) -> list[str]:
        """Every form in every language."""
        return [form for lang in LANGUAGES for form in self.all_in(lang)]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Names:
        def lists(value: dict[str, list[str]] | None) -> dict[str, tuple[str, ...]]:
            return {lang: tuple(items) for lang, items in (value or {}).items()}

        return cls(Localized.from_data(data["name"]), Localized.from_data(data.get("short_name")),
                   lists(data.get("aliases")), lists(data.get("ambiguous_aliases")))


def _no_origin() -> Origin:
    return Origin("")


def earlier_ids(data: dict[str, Any]) -> tuple[str, ...]:
    """``redirect_from``: the ids a page had before (an entity's or an article's)."""
    return tuple(data.get("redirect_from", ()))


@dataclass(frozen=True)
class Affiliation:
    """This actor *relation* that actor: ``part-of``, ``backed-by``…"""

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
    redirect_from: tuple[str, ...] = ()
    """Its earlier ids: each earlier address keeps a page that sends readers to its page."""
    origin: Origin = field(default_factory=_no_origin, compare=False, repr=False)

    @classmethod
    def from_data(cls, id_: str, data: dict[str, Any], origin: Origin) -> Actor:
        affiliations = [Affiliation(a["actor"], a["relation"]) for a in data.get("affiliations", [])]
        return cls(id_, Names.from_data(data), data["type"], affiliations, data.get("wikidata"),
                   Localized.from_data(data.get("description")), earlier_ids(data), origin)


@dataclass(frozen=True)
class Coordinates:
    """WGS84 decimal degrees."""

    lat: float
    lon: float


@dataclass
class Location:
    id: str
    names: Names
    kind: str
    parent: str | None = None
    """The location this one is in (city → governorate → country)."""
    coordinates: Coordinates | None = None
    wikidata: str | None = None
    description: Localized = Localized()
    redirect_from: tuple[str, ...] = ()
    """Its earlier ids: each earlier address keeps a page that sends readers to its page."""
    origin: Origin = field(default_factory=_no_origin, compare=False, repr=False)

    @classmethod
    def from_data(cls, id_: str, data: dict[str, Any], origin: Origin) -> Location:
        point = data.get("coordinates")
        return cls(id_, Names.from_data(data), data["kind"], data.get("parent"),
                   Coordinates(float(point["lat"]), float(point["lon"])) if point else None,
                   data.get("wikidata"), Localized.from_data(data.get("description")), earlier_ids(data), origin)


@dataclass
class Source:
    id: str
    names: Names
    kind: str
    url: str | None = None
    languages: list[str] = field(default_factory=list)
    reliability: str | None = None
    """Admiralty grade, ``A`` (completely reliable) to ``F`` (cannot be judged)."""
    description: Localized = Localized()
    redirect_from: tuple[str, ...] = ()
    """Its earlier ids: each earlier address keeps a page that sends readers to its page."""
    origin: Origin = field(default_factory=_no_origin, compare=False, repr=False)

    @classmethod
    def from_data(cls, id_: str, data: dict[str, Any], origin: Origin) -> Source:
        return cls(id_, Names(Localized.from_data(data["name"])), data["kind"], data.get("url"),
                   list(data.get("languages", [])), data.get("reliability"),
                   Localized.from_data(data.get("description")), earlier_ids(data), origin)


@dataclass
class Tag:
    id: str
    names: Names
    description: Localized = Localized()
    redirect_from: tuple[str, ...] = ()
    """Its earlier ids: each earlier address keeps a page that sends readers to its page."""
    origin: Origin = field(default_factory=_no_origin, compare=False, repr=False)

    @classmethod
    def from_data(cls, id_: str, data: dict[str, Any], origin: Origin) -> Tag:
        return cls(id_, Names(Localized.from_data(data["name"])), Localized.from_data(data.get("description")),
                   earlier_ids(data), origin)


Entity = Actor | Location | Source | Tag

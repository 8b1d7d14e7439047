"""Open data: the briefing's actors, locations and articles as JSON, GeoJSON and CSV.

The same files are in the built site under ``data/`` and written by ``briefing export``.
Each exported kind has a ``Dataset``: its JSON record and its CSV row; the files are
named after the kind's plural (``actors.json``). Their fields are documented in
docs/pages/reference/open-data.md; keep the two in step.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..languages import LANGUAGES
from ..model.articles import Article
from ..model.briefing import Briefing, events_in_time_order
from ..model.dates import Precision
from ..model.entities import Actor, Entity, Localized, Location, Source, Tag
from ..model.events import ADMIN_KINDS, SIDES, Event
from ..model.kinds import ACTOR, ARTICLE, BY_NAME, EVENT, LOCATION, REGISTRIES, SOURCE, TAG
from ..model.media import Document, Photo
from ..model.published import Published
from ..model.settings import Term
from . import urls

FORMATS = ("json", "csv", "geojson")
Record = dict[str, Any]
Vocabularies = dict[str, dict[str, Term]]


def _both(value: Localized) -> dict[str, str | None]:
    return {"ar": value.ar, "en": value.en}


def _actor(a: Actor) -> Record:
    return {"id": a.id, "name": _both(a.names.name), "short_name": _both(a.names.short_name),
            "aliases": {lang: list(a.names.aliases.get(lang, ())) for lang in ("ar", "en")},
            "type": a.type, "wikidata": a.wikidata,
            "affiliations": [{"actor": f.actor, "relation": f.relation} for f in a.affiliations],
            "description": _both(a.description)}


def _actor_row(a: Record) -> Record:
    return {"id": a["id"], "name_ar": a["name"]["ar"], "name_en": a["name"]["en"], "type": a["type"],
            "wikidata": a["wikidata"] or ""}


def _location(loc: Location) -> Record:
    return {"id": loc.id, "name": _both(loc.names.name), "kind": loc.kind, "parent": loc.parent,
            "lat": loc.coordinates.lat if loc.coordinates else None,
            "lon": loc.coordinates.lon if loc.coordinates else None, "wikidata": loc.wikidata}


def _location_row(loc: Record) -> Record:
    return {"id": loc["id"], "name_ar": loc["name"]["ar"], "name_en": loc["name"]["en"], "kind": loc["kind"],
            "parent": loc["parent"] or "", "lat": loc["lat"] if loc["lat"] is not None else "",
            "lon": loc["lon"] if loc["lon"] is not None else "", "wikidata": loc["wikidata"] or ""}


def _source(source: Source) -> Record:
    return {"id": source.id, "name": _both(source.names.name), "kind": source.kind, "url": source.url,
            "languages": source.languages, "reliability": source.reliability,
            "description": _both(source.description)}


def _source_row(source: Record) -> Record:
    return {"id": source["id"], "name_ar": source["name"]["ar"], "name_en": source["name"]["en"],
            "kind": source["kind"], "url": source["url"] or "", "reliability": source["reliability"] or ""}


def _tag(tag: Tag) -> Record:
    return {"id": tag.id, "name": _both(tag.names.name), "description": _both(tag.description)}


def _tag_row(tag: Record) -> Record:
    return {"id": tag["id"], "name_ar": tag["name"]["ar"], "name_en": tag["name"]["en"]}


@dataclass(frozen=True)
class Dataset:
    """How one kind is exported: a JSON record per entity, and the CSV row made from it."""

    record: Callable[[Any], Record]
    row: Callable[[Record], Record]


DATASETS = {ACTOR.name: Dataset(_actor, _actor_row), LOCATION.name: Dataset(_location, _location_row),
            SOURCE.name: Dataset(_source, _source_row), TAG.name: Dataset(_tag, _tag_row)}
"""How each registry kind is exported (every one is: tests/checks/test_kinds.py holds the table to it)."""


def locations_geojson(briefing: Briefing) -> Record:
    """A FeatureCollection of the located places (WGS84, [lon, lat] as GeoJSON orders them)."""
    features = [
        {"type": "Feature", "id": loc.id,
         "geometry": {"type": "Point", "coordinates": [loc.coordinates.lon, loc.coordinates.lat]},
         "properties": {"id": loc.id, "name_ar": loc.names.name.ar, "name_en": loc.names.name.en,
                        "kind": loc.kind, "parent": loc.parent, "wikidata": loc.wikidata}}
        for loc in sorted(briefing.locations.values(), key=lambda loc: loc.id) if loc.coordinates]
    return {"type": "FeatureCollection", "features": features}


def articles(items: Iterable[Article], base_url: str) -> list[Record]:
    return [{"id": a.id, "date": a.date.isoformat(), "date_precision": a.date.precision.value,
             "updated": a.updated.isoformat() if a.updated else None, "status": a.status,
             "title": {lang: t.title for lang, t in sorted(a.translations.items())},
             "summary": {lang: t.summary for lang, t in sorted(a.translations.items())},
             "url": {lang: base_url + urls.entity(lang, "article", a.id) for lang in sorted(a.translations)},
             "original": a.original,
             "translations": {lang: a.translation_state(lang).as_data() for lang in LANGUAGES},
             "authors": a.authors, "actors": a.actors, "locations": a.locations, "tags": a.tags,
             "sources": [{"source": c.source, "via": c.via, "url": c.url} for c in a.sources],
             "media": [_photo(photo, base_url) for photo in a.photos],
             "documents": [_document(document, base_url) for document in a.documents]}
            for a in sorted(items, key=lambda a: (a.date.earliest, a.id), reverse=True)]


def _photo(photo: Photo, base_url: str) -> Record:
    shown = photo.fallback()
    return {"file": photo.file, "url": base_url + shown.path, "width": shown.width, "height": shown.height,
            "alt": _both(photo.alt), "caption": _both(photo.caption), "credit": _both(photo.credit),
            "lead": photo.lead}


def _document(document: Document, base_url: str) -> Record:
    return {"file": document.file, "url": base_url + document.path, "title": _both(document.title),
            "source": document.source, "bytes": document.size}


def events(briefing: Briefing, items: Iterable[Article], vocabularies: Vocabularies) -> list[Record]:
    """One record per event of ``items``, oldest first: ACLED's and UCDP GED's fields,
    names in English (Arabic where there is no English name), and our ids beside them."""
    return [_event(event, briefing, vocabularies) for event in events_in_time_order(items)]


def _english(entity: Entity | None) -> str:
    if entity is None:
        return ""
    return entity.names.name.en or entity.names.name.ar or entity.id


def _event(event: Event, briefing: Briefing, vocabularies: Vocabularies) -> Record:
    actors = {side: [_english(briefing.actors.get(id_)) for id_ in event.side(side)] for side in SIDES}
    placed = event.placement
    counts = event.fatalities
    admin = {kind: _english(briefing.locations.get(event.admin[kind])) if kind in event.admin else ""
             for kind in ADMIN_KINDS}
    return {
        "event_id_cnty": event.id, "event_date": event.date.isoformat(),
        "time_precision": _ACLED_TIME_PRECISION[event.date.precision],
        "date_prec": _UCDP_DATE_PRECISION[event.date.precision],
        "event_type": vocabularies["event_types"][event.type].label.en,
        "sub_event_type": vocabularies["event_sub_types"][event.sub_type].label.en,
        "actor1": _joined(actors["side_a"]), "assoc_actor_1": _joined(actors["associated_a"]),
        "actor2": _joined(actors["side_b"]), "assoc_actor_2": _joined(actors["associated_b"]),
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "country": admin["country"], "admin1": admin["governorate"], "admin2": admin["district"],
        "admin3": admin["subdistrict"], "location": _english(briefing.locations.get(event.location)),
        "latitude": placed.coordinates.lat if placed else None,
        "longitude": placed.coordinates.lon if placed else None,
        "geo_precision": placed.geo_precision if placed else None,
        "where_prec": placed.where_prec if placed else None,
        "source": _joined([_english(briefing.sources.get(id_)) for id_ in event.sources]),
        "notes": event.note.en or event.note.ar or "", "notes_ar": event.note.ar or "",
        "fatalities": counts.best if counts else None, "best": counts.best if counts else None,
        "low": counts.low if counts else None, "high": counts.high if counts else None,
        "article_id": event.article, "event_type_id": event.type, "sub_event_type_id": event.sub_type,
        "location_id": event.location, "located_by": placed.located_by if placed else None,
        **{f"{side}_ids": " ".join(event.side(side)) for side in SIDES},
        "source_ids": " ".join(event.sources),
    }


_ACLED_TIME_PRECISION = {Precision.DAY: 1, Precision.MONTH: 3, Precision.YEAR: 3}
"""ACLED: 1 the day, 2 the week, 3 the month (or less precise)."""
_UCDP_DATE_PRECISION = {Precision.DAY: 1, Precision.MONTH: 3, Precision.YEAR: 4}
"""UCDP GED: 1 the day, 3 the month, 4 the year."""


def _joined(names: list[str]) -> str:
    """Several actors or sources in one ACLED cell, as ACLED separates them."""
    return "; ".join(name for name in names if name)


def events_geojson(records: list[Record]) -> Record:
    """A Point per event that can be placed (WGS84, [lon, lat])."""
    features = [{"type": "Feature", "id": r["event_id_cnty"],
                 "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                 "properties": r} for r in records if r["latitude"] is not None]
    return {"type": "FeatureCollection", "features": features}


EVENT_COLUMNS = [
    "event_id_cnty", "event_date", "time_precision", "date_prec", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "assoc_actor_2", "civilian_targeting", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "where_prec", "source", "notes", "notes_ar",
    "fatalities", "best", "low", "high", "article_id", "event_type_id", "sub_event_type_id", "location_id",
    "located_by", *(f"{side}_ids" for side in SIDES), "source_ids"]
"""The columns of events.csv, in order (documented in docs/pages/reference/open-data.md)."""


def _article_row(a: Record) -> Record:
    return {"id": a["id"], "date": a["date"], "date_precision": a["date_precision"],
            "title_ar": a["title"].get("ar", ""), "title_en": a["title"].get("en", ""),
            "actors": " ".join(a["actors"]), "locations": " ".join(a["locations"]),
            "tags": " ".join(a["tags"]), "sources": " ".join(s["source"] for s in a["sources"]),
            "media": " ".join(m["url"] for m in a["media"]),
            "media_credits": " | ".join(m["credit"]["en"] or m["credit"]["ar"] or "" for m in a["media"]),
            "documents": " ".join(d["url"] for d in a["documents"])}


FORMULA_TRIGGERS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
"""What makes a spreadsheet read a cell as a formula when the cell begins with it (OWASP's
CSV injection list: ``= + - @``, tab, carriage return, and their full-width forms)."""


def spreadsheet_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows and never runs.

    Text beginning with a formula trigger, or with white space and then one, gets a leading
    ``'``, which spreadsheets take as "this is text" (and do not show). A number of the
    model (an int or a finite float: a coordinate, a count) stays a number, negative ones included:
    a spreadsheet reads ``-0.5`` as the number it is. Text that only looks like a number
    is text, since whether a column holds numbers is the model's to say, not the content's.
    ``None`` is an empty cell. The JSON files keep the exact text."""
    if value is None:
        return ""
    if _number(value):
        return value
    text = str(value)
    return "'" + text if _read_as_formula(text) else text


def _read_as_formula(text: str) -> bool:
    """Whether the first character after any leading white space (which a spreadsheet may
    trim) is a formula trigger, tab and carriage return being triggers themselves."""
    for character in text:
        if character in FORMULA_TRIGGERS:
            return True
        if not character.isspace():
            return False
    return False


def _number(value: object) -> bool:
    """A number as the model holds it, which a spreadsheet reads as that number (not ``inf``)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def _csv(rows: list[Record]) -> str:
    return _csv_with_header(rows, list(rows[0]) if rows else [])


def _csv_with_header(rows: list[Record], columns: list[str]) -> str:
    """Empty cells for None; the header even when there are no rows. Every cell goes
    through ``spreadsheet_cell``: this is the one place CSV cells are written."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: spreadsheet_cell(value) for column, value in row.items()} for row in rows)
    return buffer.getvalue()


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_files(view: Published, base_url: str, vocabularies: Vocabularies,
                 formats: Iterable[str] = FORMATS) -> dict[str, str]:
    """File name → content for each requested format."""
    briefing, published = view.briefing, view.articles
    event_records = events(briefing, published, vocabularies)
    records = {}
    for kind in REGISTRIES:
        entities = sorted(briefing.entities[kind.name].items())
        records[kind.name] = [DATASETS[kind.name].record(entity) for _, entity in entities]
    records[ARTICLE.name] = articles(published, base_url)
    rows = {**{kind.name: DATASETS[kind.name].row for kind in REGISTRIES}, ARTICLE.name: _article_row}
    files: dict[str, str] = {}
    if "json" in formats:
        files |= {f"{BY_NAME[kind].plural}.json": _json(items) for kind, items in records.items()}
        files[f"{EVENT.plural}.json"] = _json(event_records)
    if "geojson" in formats:
        files[f"{LOCATION.plural}.geojson"] = _json(locations_geojson(briefing))
        files[f"{EVENT.plural}.geojson"] = _json(events_geojson(event_records))
    if "csv" in formats:
        files |= {f"{BY_NAME[kind].plural}.csv": _csv([rows[kind](record) for record in items])
                  for kind, items in records.items()}
        files[f"{EVENT.plural}.csv"] = _csv_with_header(event_records, EVENT_COLUMNS)
    return files

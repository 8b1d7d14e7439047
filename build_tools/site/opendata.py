"""Open data: the briefing's actors, locations and articles as JSON, GeoJSON and CSV.

The same files are in the built site under ``data/`` and written by ``briefing export``.
Each exported kind has a ``Dataset``: its JSON record and its CSV row; the files are
named after the kind's plural (``actors.json``). Their fields are documented in the
README; keep the two in step.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..model.articles import Article
from ..model.briefing import Briefing
from ..model.entities import Actor, Localized, Location
from ..model.kinds import ACTOR, ARTICLE, BY_NAME, LOCATION
from ..model.media import Document, Photo
from . import urls

FORMATS = ("json", "csv", "geojson")
Record = dict[str, Any]


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


@dataclass(frozen=True)
class Dataset:
    """How one kind is exported: a JSON record per entity, and the CSV row made from it."""

    record: Callable[[Any], Record]
    row: Callable[[Record], Record]


DATASETS = {ACTOR.name: Dataset(_actor, _actor_row), LOCATION.name: Dataset(_location, _location_row)}
"""The registry kinds that are exported, in file order."""


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


def _article_row(a: Record) -> Record:
    return {"id": a["id"], "date": a["date"], "date_precision": a["date_precision"],
            "title_ar": a["title"].get("ar", ""), "title_en": a["title"].get("en", ""),
            "actors": " ".join(a["actors"]), "locations": " ".join(a["locations"]),
            "tags": " ".join(a["tags"]), "sources": " ".join(s["source"] for s in a["sources"]),
            "media": " ".join(m["url"] for m in a["media"]),
            "media_credits": " | ".join(m["credit"]["en"] or m["credit"]["ar"] or "" for m in a["media"]),
            "documents": " ".join(d["url"] for d in a["documents"])}


def _csv(rows: list[Record]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_files(briefing: Briefing, base_url: str, formats: Iterable[str] = FORMATS,
                 include_drafts: bool = False) -> dict[str, str]:
    """File name → content for each requested format."""
    published = briefing.published(include_drafts)
    records = {kind: [dataset.record(entity) for _, entity in sorted(briefing.entities[kind].items())]
               for kind, dataset in DATASETS.items()}
    records[ARTICLE.name] = articles(published, base_url)
    rows = {**{kind: dataset.row for kind, dataset in DATASETS.items()}, ARTICLE.name: _article_row}
    files: dict[str, str] = {}
    if "json" in formats:
        files |= {f"{BY_NAME[kind].plural}.json": _json(items) for kind, items in records.items()}
    if "geojson" in formats:
        files[f"{LOCATION.plural}.geojson"] = _json(locations_geojson(briefing))
    if "csv" in formats:
        files |= {f"{BY_NAME[kind].plural}.csv": _csv([rows[kind](record) for record in items])
                  for kind, items in records.items()}
    return files

"""Open data: the briefing's actors, locations and articles as JSON, GeoJSON and CSV.

The same files are in the built site under ``data/`` and written by ``briefing export``.
Their fields are documented in the README; keep the two in step.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from . import urls
from .model import Article, Briefing

FORMATS = ("json", "csv", "geojson")


def _both(value) -> dict[str, str | None]:
    return {"ar": value.ar, "en": value.en}


def actors(briefing: Briefing) -> list[dict]:
    return [{"id": a.id, "name": _both(a.names.name), "short_name": _both(a.names.short_name),
             "aliases": {lang: list(a.names.aliases.get(lang, ())) for lang in ("ar", "en")},
             "type": a.type, "wikidata": a.wikidata,
             "affiliations": [{"actor": f.actor, "relation": f.relation} for f in a.affiliations],
             "description": _both(a.description)}
            for a in sorted(briefing.actors.values(), key=lambda a: a.id)]


def locations_geojson(briefing: Briefing) -> dict:
    """A FeatureCollection of the located places (WGS84, [lon, lat] as GeoJSON orders them)."""
    features = [
        {"type": "Feature", "id": loc.id,
         "geometry": {"type": "Point", "coordinates": [loc.coordinates.lon, loc.coordinates.lat]},
         "properties": {"id": loc.id, "name_ar": loc.names.name.ar, "name_en": loc.names.name.en,
                        "kind": loc.kind, "parent": loc.parent, "wikidata": loc.wikidata}}
        for loc in sorted(briefing.locations.values(), key=lambda loc: loc.id) if loc.coordinates]
    return {"type": "FeatureCollection", "features": features}


def locations(briefing: Briefing) -> list[dict]:
    return [{"id": loc.id, "name": _both(loc.names.name), "kind": loc.kind, "parent": loc.parent,
             "lat": loc.coordinates.lat if loc.coordinates else None,
             "lon": loc.coordinates.lon if loc.coordinates else None, "wikidata": loc.wikidata}
            for loc in sorted(briefing.locations.values(), key=lambda loc: loc.id)]


def articles(items: Iterable[Article], base_url: str) -> list[dict]:
    return [{"id": a.id, "date": a.date.isoformat(), "date_precision": a.date.precision.value,
             "updated": a.updated.isoformat() if a.updated else None, "status": a.status,
             "title": {lang: t.title for lang, t in sorted(a.translations.items())},
             "summary": {lang: t.summary for lang, t in sorted(a.translations.items())},
             "url": {lang: base_url + urls.entity(lang, "article", a.id) for lang in sorted(a.translations)},
             "authors": a.authors, "actors": a.actors, "locations": a.locations, "tags": a.tags,
             "sources": [{"source": c.source, "via": c.via, "url": c.url} for c in a.sources]}
            for a in sorted(items, key=lambda a: (a.date.earliest, a.id), reverse=True)]


def _csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_files(briefing: Briefing, base_url: str, formats: Iterable[str] = FORMATS,
                 include_drafts: bool = False) -> dict[str, str]:
    """File name → content for each requested format."""
    published = [a for a in briefing.articles.values() if include_drafts or not a.is_draft]
    files: dict[str, str] = {}
    if "json" in formats:
        files["actors.json"] = _json(actors(briefing))
        files["locations.json"] = _json(locations(briefing))
        files["articles.json"] = _json(articles(published, base_url))
    if "geojson" in formats:
        files["locations.geojson"] = _json(locations_geojson(briefing))
    if "csv" in formats:
        files["actors.csv"] = _csv([
            {"id": a["id"], "name_ar": a["name"]["ar"], "name_en": a["name"]["en"], "type": a["type"],
             "wikidata": a["wikidata"] or ""} for a in actors(briefing)])
        files["locations.csv"] = _csv([
            {"id": loc["id"], "name_ar": loc["name"]["ar"], "name_en": loc["name"]["en"], "kind": loc["kind"],
             "parent": loc["parent"] or "", "lat": loc["lat"] if loc["lat"] is not None else "",
             "lon": loc["lon"] if loc["lon"] is not None else "", "wikidata": loc["wikidata"] or ""}
            for loc in locations(briefing)])
        files["articles.csv"] = _csv([
            {"id": a["id"], "date": a["date"], "date_precision": a["date_precision"],
             "title_ar": a["title"].get("ar", ""), "title_en": a["title"].get("en", ""),
             "actors": " ".join(a["actors"]), "locations": " ".join(a["locations"]),
             "tags": " ".join(a["tags"]), "sources": " ".join(s["source"] for s in a["sources"])}
            for a in articles(published, base_url)])
    return files

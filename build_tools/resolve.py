"""From parsed files to the typed model: schema validation, value parsing and references.

A document with schema errors is left out of the model; its id stays known (see
``ContentFiles.ids``) so references to it are not reported a second time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .arabic import arabic_share
from .dates import DateError, PartialDate, parse_partial_date
from .diagnostics import Report, did_you_mean, offset_position
from .links import explicit_links
from .loader import ArticleBundle, ContentFiles, TextFile
from .mentions import mask_markup
from .model import (
    LANGUAGES,
    Actor,
    Affiliation,
    Article,
    Briefing,
    Citation,
    Coordinates,
    Correction,
    Localized,
    Location,
    Names,
    Source,
    Tag,
    Translation,
)
from .safehtml import check_markdown
from .schemas import SchemaSet, field_name
from .yamlfile import Origin, YamlDocument

MIN_LETTERS_FOR_SCRIPT_CHECK = 20


def resolve_entities(files: ContentFiles, schemas: SchemaSet, report: Report) -> Briefing:
    """The model of every valid registry file (actors, locations, sources, tags), no articles yet."""
    briefing = Briefing()
    registries = {"actor": (briefing.actors, _actor), "location": (briefing.locations, _location),
                  "source": (briefing.sources, _source), "tag": (briefing.tags, _tag)}
    for kind, (table, build) in registries.items():
        for entity in files.entities[kind]:
            if _schema_valid(schemas, kind, entity.document, report):
                table[entity.id] = build(entity.id, entity.document.data, entity.document.origin)
    for location in briefing.locations.values():
        _check_coordinates(location, report)
    for kind, entities in files.entities.items():
        for entity in entities:
            _check_references(kind, entity.id, entity.document, files.ids, report)
    return briefing


def resolve_article(bundle: ArticleBundle, schemas: SchemaSet, ids: dict[str, set[str]], raw_html: str,
                    report: Report) -> Article | None:
    """The article of ``bundle`` if valid; its references checked against ``ids`` either way,
    its HTML against the ``raw_html`` policy."""
    article = _article(bundle, schemas, report)
    if bundle.meta:
        _check_references("article", bundle.id, bundle.meta, ids, report)
    for text in bundle.texts.values():
        _check_explicit_links(text, ids, report)
        check_markdown(text.front_matter.origin.file, text.body_line, text.body, raw_html, report)
    return article


def _schema_valid(schemas: SchemaSet, kind: str, document: YamlDocument, report: Report) -> bool:
    problems = schemas.validate(kind, document)
    report.extend(problems)
    return not problems


def _localized(value: dict[str, str] | None) -> Localized:
    """Tolerates other keys and types: corrections are read even from files with schema errors."""
    value = value if isinstance(value, dict) else {}
    return Localized(**{lang: text for lang, text in value.items() if lang in LANGUAGES and isinstance(text, str)})


def _names(data: dict[str, Any]) -> Names:
    def lists(value: dict[str, list[str]] | None) -> dict[str, tuple[str, ...]]:
        return {lang: tuple(items) for lang, items in (value or {}).items()}

    return Names(_localized(data["name"]), _localized(data.get("short_name")),
                 lists(data.get("aliases")), lists(data.get("ambiguous_aliases")))


def _actor(id_: str, data: dict[str, Any], origin: Origin) -> Actor:
    affiliations = [Affiliation(a["actor"], a["relation"]) for a in data.get("affiliations", [])]
    return Actor(id_, _names(data), data["type"], affiliations, data.get("wikidata"),
                 _localized(data.get("description")), origin)


def _location(id_: str, data: dict[str, Any], origin: Origin) -> Location:
    point = data.get("coordinates")
    return Location(id_, _names(data), data["kind"], data.get("parent"),
                    Coordinates(float(point["lat"]), float(point["lon"])) if point else None,
                    data.get("wikidata"), _localized(data.get("description")), origin)


def _source(id_: str, data: dict[str, Any], origin: Origin) -> Source:
    return Source(id_, _localized(data["name"]), data["kind"], data.get("url"),
                  list(data.get("languages", [])), data.get("reliability"),
                  _localized(data.get("description")), origin)


def _tag(id_: str, data: dict[str, Any], origin: Origin) -> Tag:
    return Tag(id_, _localized(data["name"]), _localized(data.get("description")), origin)


def _check_coordinates(location: Location, report: Report) -> None:
    point = location.coordinates
    if point is None or (-90 <= point.lat <= 90 and -180 <= point.lon <= 180):
        return
    swapped = -90 <= point.lon <= 90 and -180 <= point.lat <= 180
    hint = f"; lat and lon look swapped (lat: {point.lon}, lon: {point.lat}?)" if swapped else ""
    report.error(location.origin.at("coordinates"),
                 f"coordinates out of range (lat must be within ±90, lon within ±180){hint}")


def _article(bundle: ArticleBundle, schemas: SchemaSet, report: Report) -> Article | None:
    translations = {lang: _translation(text, schemas, report) for lang, text in bundle.texts.items()}
    if bundle.meta is None:
        return None
    valid = _schema_valid(schemas, "article-meta", bundle.meta, report)
    data, origin = bundle.meta.data, bundle.meta.origin
    date = _date(data, "date", origin, report)
    updated = _date(data, "updated", origin, report)
    if date is not None and str(date.year) != bundle.year:
        report.error(origin.at("date"), f"date {date} is in {date.year} but the article is filed "
                     f"under {bundle.year}/: move the folder to content/articles/{date.year}/")
    if date is not None and updated is not None and updated.latest < date.earliest:
        report.error(origin.at("updated"), f"updated {updated} is before the article's date {date}")
    corrections = _corrections(data, date, origin, report)
    if not valid or date is None:
        return None
    if corrections and (updated is None or updated.latest < corrections[0].date.latest):
        updated = corrections[0].date
    for lang in LANGUAGES:
        if lang not in bundle.languages:
            report.warning(origin.at(), f"translation pending: no {lang}.md yet")
    citations = [Citation(s["source"], s.get("url"), s.get("via"), _localized(s.get("note")))
                 for s in data.get("sources", [])]
    return Article(
        id=bundle.id, date=date, status=data["status"], updated=updated,
        authors=list(data.get("authors", [])), actors=list(data.get("actors", [])),
        locations=list(data.get("locations", [])), sources=citations,
        tags=list(data.get("tags", [])), editor_note=_localized(data.get("editor_note")),
        corrections=corrections,
        translations={lang: t for lang, t in translations.items() if t is not None},
        origin=origin,
    )


def _corrections(data: Any, date: PartialDate | None, origin: Origin, report: Report) -> list[Correction]:
    """Dated corrections, newest first; none may predate the article."""
    found = []
    entries = data.get("corrections") if isinstance(data, dict) else None
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        when = _date(entry, "date", origin, report, ("corrections", index))
        if when is None or not isinstance(entry.get("text"), dict):
            continue
        if date is not None and when.latest < date.earliest:
            report.error(origin.at("corrections", index, "date"),
                         f"correction dated {when} is before the article's date {date}")
        found.append(Correction(when, _localized(entry["text"])))
    return sorted(found, key=lambda c: c.date.latest, reverse=True)


def _date(data: Any, key: str, origin: Origin, report: Report, parent: tuple = ()) -> PartialDate | None:
    """The date at ``key`` when it is there and of the right type (the schema reports the rest)."""
    if not isinstance(data, dict) or not isinstance(data.get(key), (str, int)):
        return None
    try:
        return parse_partial_date(data[key])
    except DateError as exc:
        report.error(origin.at(*parent, key), f"{field_name((*parent, key))} {exc}")
        return None


def _translation(text: TextFile, schemas: SchemaSet, report: Report) -> Translation | None:
    document = text.front_matter
    if not _schema_valid(schemas, "article-text", document, report):
        return None
    data = document.data
    translation = Translation(text.lang, data["title"], data.get("summary"), text.body,
                              text.body_line, document.origin)
    _check_script(translation, report)
    return translation


def _check_script(text: Translation, report: Report) -> None:
    """Catches ar.md and en.md swapped, or a text pasted into the wrong file."""
    prose = mask_markup(" ".join([text.title, text.summary or "", text.body]))
    share, letters = arabic_share(prose)
    if letters < MIN_LETTERS_FOR_SCRIPT_CHECK:
        return
    if text.lang == "ar" and share < 0.5:
        report.error(text.origin.at("title"), f"ar.md is mostly not in Arabic script "
                     f"({share:.0%} Arabic letters): are ar.md and en.md swapped?")
    elif text.lang == "en" and share > 0.5:
        report.error(text.origin.at("title"), f"en.md is mostly in Arabic script "
                     f"({share:.0%} Arabic letters): are ar.md and en.md swapped?")


ANY = object()
"""Stands for every index of a list in a reference path."""

REFERENCES: dict[str, list[tuple[str, tuple]]] = {
    "actor": [("actor", ("affiliations", ANY, "actor"))],
    "location": [("location", ("parent",))],
    "article": [("actor", ("actors", ANY)), ("location", ("locations", ANY)), ("tag", ("tags", ANY)),
                ("source", ("sources", ANY, "source")), ("source", ("sources", ANY, "via"))],
}


def _values_at(data: Any, pattern: tuple, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every value found along ``pattern`` in data of any shape (ids may be in invalid files)."""
    if not pattern:
        yield path, data
    elif pattern[0] is ANY and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _values_at(item, pattern[1:], (*path, index))
    elif isinstance(data, dict) and pattern[0] in data:
        yield from _values_at(data[pattern[0]], pattern[1:], (*path, pattern[0]))


def _check_explicit_links(text: TextFile, ids: dict[str, set[str]], report: Report) -> None:
    for kind, id_, offset in explicit_links(text.body):
        if id_ not in ids[kind]:
            position = offset_position(text.front_matter.origin.file, text.body_line, text.body, offset)
            report.error(position, f"link to unknown {kind} '{id_}'{did_you_mean(id_, ids[kind])}")


def _check_references(kind: str, own_id: str, document: YamlDocument, ids: dict[str, set[str]],
                      report: Report) -> None:
    """Every id a file names must have a file of its own: checked on every parsed file."""
    for target_kind, pattern in REFERENCES.get(kind, []):
        for path, value in _values_at(document.data, pattern):
            if not isinstance(value, str):
                continue
            known = ids[target_kind]
            if kind == target_kind == "actor" and value == own_id:
                report.error(document.origin.at(*path), f"actor '{own_id}' cannot be affiliated with itself")
            elif value not in known:
                report.error(document.origin.at(*path), f"unknown {target_kind} '{value}' in "
                             f"{field_name(path)}{did_you_mean(value, known)}")

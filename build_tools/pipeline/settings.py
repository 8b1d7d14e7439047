"""Reading ``site_config/``: the JSON Schemas, then the settings, interface strings and
vocabularies, each checked, into the typed ``SiteConfig``.

Nothing in content can be checked without them, so any problem here stops the run
(``ConfigError``) after every problem of site_config/ has been reported.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from PIL import Image

from ..checks.schemas import SchemaSet
from ..content.sourcefiles import link_problem, read_yaml, relative
from ..content.yamlfile import YamlDocument
from ..diagnostics import Position, Report
from ..i18n.placeholders import placeholder_fault, placeholders
from ..i18n.required import INTERFACE_STRINGS
from ..languages import LANGUAGES
from ..messages import Message, msg
from ..model.entities import Localized
from ..model.settings import ShareImage, SiteConfig, Term

CONFIG_DIR = "site_config"

# Which vocabulary lists the values allowed by which schema field.
COLOURED = "event_types"
"""The vocabulary whose terms each have a colour."""
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")

VOCABULARY_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "actor_types": ("actor", ("properties", "type")),
    "location_kinds": ("location", ("properties", "kind")),
    "source_kinds": ("source", ("properties", "kind")),
    "relations": ("actor", ("properties", "affiliations", "items", "properties", "relation")),
    "reliability": ("source", ("properties", "reliability")),
    "statuses": ("article-meta", ("properties", "status")),
    "event_types": ("article-meta", ("properties", "events", "items", "properties", "type")),
    "event_sub_types": ("article-meta", ("properties", "events", "items", "properties", "sub_type")),
}


class ConfigError(Exception):
    """site_config is unusable: nothing can be checked against it."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def load_site_config(root: Path, report: Report) -> tuple[SiteConfig, SchemaSet]:
    """The settings, and the schemas content is checked against."""
    directory = root / CONFIG_DIR
    schemas = _schemas(root, report)
    errors_before = len(report.errors)
    site = _load_mapping(directory / "site.yml", root, report)
    share_image = None
    if site is not None:
        problems = schemas.validate("site", site)
        report.extend(problems)
        _check_locales(site, report)
        share_image = None if problems else _share_image(site, directory, report)
    strings = {lang: _load_strings(directory / "i18n" / f"{lang}.yml", root, report) for lang in LANGUAGES}
    if all(strings.values()):
        _check_same_keys(strings, directory, root, report)
    vocab_doc = _load_mapping(directory / "vocabularies.yml", root, report)
    vocabularies = _vocabularies(vocab_doc, schemas, report) if vocab_doc else {}
    authors = _authors(directory / "authors.yml", root, schemas, report)
    if len(report.errors) > errors_before or site is None:
        raise ConfigError(msg("content not checked: fix site_config first"))
    data: dict[str, Any] = site.data
    config = SiteConfig(
        name=Localized(**data["name"]),
        description=Localized(**data["description"]),
        default_language=data["default_language"],
        languages=data["languages"],
        base_url=data["base_url"],
        arabic_digits=data.get("arabic_digits", "latn"),
        date_locales={lang: _listed(name) for lang, name in data.get("date_locales", {"ar": "ar", "en": "en"}).items()},
        articles_per_page=data.get("articles_per_page", 20),
        link_mentions=data.get("link_mentions", "first"),
        raw_html=data.get("raw_html", "reject"),
        strict_tolerates=list(data.get("strict_tolerates", [])),
        editor_language=data.get("editor_language"),
        map_tiles=data.get("map_tiles", {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                                         "attribution": "&copy; OpenStreetMap contributors"}),
        max_media_bytes=int(data.get("media", {}).get("max_file_mb", 20) * 1_000_000),
        max_media_pixels=int(data.get("media", {}).get("max_megapixels", 50) * 1_000_000),
        strings=strings,
        vocabularies=vocabularies,
        share_image=share_image,
        authors=authors,
    )
    return config, schemas


def _schemas(root: Path, report: Report) -> SchemaSet:
    """The JSON Schemas of site_config/schemas/, each file of which must be in site_config/."""
    folder = root / CONFIG_DIR / "schemas"
    refused = [path for path in sorted(folder.glob("*.schema.json")) if not _within(path, root, report)]
    if refused:  # every one reported first
        raise ConfigError(msg("content not checked: fix site_config first"))
    try:
        return SchemaSet(folder)
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(msg("cannot load the JSON Schemas in {folder}/schemas/: {reason}", folder=CONFIG_DIR,
                              reason=exc)) from None


def _share_image(site: YamlDocument, directory: Path, report: Report) -> ShareImage | None:
    """``share_image`` read whole and encoded again: what the site publishes carries none of
    the file's metadata (where, when, with what it was made)."""
    entry = site.data.get("share_image")
    if entry is None:
        return None
    jpeg = not entry["file"].endswith(".png")
    if not _within(directory / entry["file"], directory.parent, report):
        return None
    try:
        with Image.open(directory / entry["file"]) as image:
            image.load()
            encoded = io.BytesIO()
            image.convert("RGB").save(encoded, "JPEG" if jpeg else "PNG", quality=88, optimize=True)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        report.error(site.origin.at("share_image", "file"),
                     msg("share_image.file: {file} cannot be read as an image: {reason}", file=entry["file"],
                         reason=exc), "site-config")
        return None
    return ShareImage(encoded.getvalue(), ".jpg" if jpeg else ".png", *image.size, Localized(**entry["alt"]))


def _authors(path: Path, root: Path, schemas: SchemaSet, report: Report) -> dict[str, Localized]:
    """The bylines of ``authors.yml``, which a desk may leave out: then every author is
    shown as ``meta.yml`` writes it."""
    if not path.is_file() and not path.is_symlink():
        return {}
    document = read_yaml(path, relative(path, root), report) if _within(path, root, report) else None
    if document is None or document.data is None or not schemas.is_valid("authors", document, report):
        return {}
    return {str(id_): Localized(**names) for id_, names in document.data.items()}


def _listed(names: str | list[str]) -> tuple[str, ...]:
    """A language's date locales: one name, or a list of them."""
    return (names,) if isinstance(names, str) else tuple(names)


def _check_locales(site: YamlDocument, report: Report) -> None:
    locales = site.data.get("date_locales")
    for lang, names in (locales.items() if isinstance(locales, dict) else []):
        for name in _listed(names):
            try:
                Locale.parse(name)
            except (ValueError, UnknownLocaleError):
                report.error(site.origin.at("date_locales", lang), msg("unknown locale '{name}' for dates", name=name),
                             "site-config")


def _within(path: Path, root: Path, report: Report) -> bool:
    """Whether the file at ``path`` may be read: a symbolic link that loops or leads out
    of site_config/ is refused, as content/ refuses one that leads out of content/."""
    problem = link_problem(path, (root / CONFIG_DIR).resolve(), _outside_config)
    if problem is not None:
        report.error(Position(relative(path, root), 0, 0), problem, "site-config")
    return problem is None


def _outside_config(target: Path) -> Message:
    return msg("symbolic link to {target}, outside site_config/: refused, copy the file into site_config/ instead",
               target=target)


def _load_mapping(path: Path, root: Path, report: Report) -> YamlDocument | None:
    if not _within(path, root, report):
        return None
    if not path.is_file():
        report.error(Position(relative(path, root), 0, 0), msg("file not found"), "site-config")
        return None
    document = read_yaml(path, relative(path, root), report)
    if document is not None and not isinstance(document.data, dict):
        report.error(document.origin.at(), msg("must be a mapping of keys to values"), "site-config")
        return None
    return document


def _load_strings(path: Path, root: Path, report: Report) -> dict[str, str]:
    document = _load_mapping(path, root, report)
    if document is None:
        return {}
    for key, value in document.data.items():
        if not isinstance(value, str) or not value:
            report.error(document.origin.at(key), msg("interface string '{key}' must be a text", key=key),
                         "site-config")
        elif fault := placeholder_fault(value):
            report.error(document.origin.at(key), msg("interface string '{key}': {fault}", key=key, fault=fault),
                         "site-config")
    return {key: str(value) for key, value in document.data.items()}


def _check_same_keys(strings: dict[str, dict[str, str]], directory: Path, root: Path,
                     report: Report) -> None:
    """No interface label may exist in one language only, nor one the pages need be missing."""
    every_key = set().union(*strings.values(), INTERFACE_STRINGS)
    for lang, table in strings.items():
        file = relative(directory / "i18n" / f"{lang}.yml", root)
        for key in sorted(every_key - set(table)):
            report.error(Position(file, 0, 0), msg("interface string '{key}' is missing in this language", key=key),
                         "site-config")
    _check_same_placeholders(strings, directory, root, report)


def _check_same_placeholders(strings: dict[str, dict[str, str]], directory: Path, root: Path,
                             report: Report) -> None:
    """Each language's string of a key fills the placeholders of the other, or some of them
    (Arabic's dual may say its number in the word): the page passes the same values."""
    first, *others = LANGUAGES
    for lang in others:
        file = relative(directory / "i18n" / f"{lang}.yml", root)
        for key in sorted(set(strings[first]) & set(strings[lang])):
            if placeholder_fault(strings[first][key]) or placeholder_fault(strings[lang][key]):
                continue  # said at its line
            wanted, written = placeholders(strings[first][key]), placeholders(strings[lang][key])
            if not (wanted <= written or written <= wanted):
                report.error(Position(file, 0, 0), msg(
                    "interface string '{key}' fills {written} here but {wanted} in {other}.yml: the pages give "
                    "both languages the same values", key=key, written=_braced(written), wanted=_braced(wanted),
                    other=first), "site-config")


def _braced(names: frozenset[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "nothing"


def _vocabularies(document: YamlDocument, schemas: SchemaSet,
                  report: Report) -> dict[str, dict[str, Term]]:
    result: dict[str, dict[str, Term]] = {}
    for name, (kind, pointer) in VOCABULARY_FIELDS.items():
        entries = document.data.get(name)
        if not isinstance(entries, dict):
            report.error(document.origin.at(name), msg("vocabulary '{name}' is missing", name=name), "site-config")
            continue
        result[name] = {}
        for term, labels in entries.items():
            if not isinstance(labels, dict) or not all(labels.get(lang) for lang in LANGUAGES):
                report.error(document.origin.at(name, term), msg("'{term}' needs labels in ar and en", term=term),
                             "site-config")
                continue
            result[name][str(term)] = Term(
                Localized(labels["ar"], labels["en"]), _localized(labels.get("inverse")),
                str(labels["type"]) if "type" in labels else None, _localized(labels.get("plural")),
                _colour(document, name, str(term), labels.get("colour"), report),
            )
        allowed = schemas.enum_at(kind, *pointer)
        if sorted(result[name]) != sorted(allowed):
            report.error(document.origin.at(name, key=True),
                         msg("vocabulary '{name}' lists {listed} but schemas/{kind}.schema.json allows {allowed}: "
                             "keep them the same", name=name, listed=sorted(result[name]), kind=kind,
                             allowed=sorted(allowed)), "site-config")
    _check_sub_types(document, result, report)
    return result


def _colour(document: YamlDocument, vocabulary: str, term: str, written: object, report: Report) -> str | None:
    """An event type's colour, ``#RRGGBB``: written into the site's stylesheet, so nothing
    else (``red; } body {…``) is let through."""
    if vocabulary != COLOURED:
        return None
    if isinstance(written, str) and COLOUR.fullmatch(written):
        return written.lower()
    report.error(document.origin.at(vocabulary, term, "colour"),
                 msg("event type '{term}' needs a colour written #RRGGBB (colour: \"#d55e00\"), for its bars and "
                     "swatches", term=term), "site-config")
    return None


def _localized(labels: object) -> Localized | None:
    """An optional pair of labels of a term (``inverse``, ``plural``)."""
    return Localized(labels.get("ar"), labels.get("en")) if isinstance(labels, dict) else None


def _check_sub_types(document: YamlDocument, vocabularies: dict[str, dict[str, Term]], report: Report) -> None:
    """Every event sub-type names the event type it is under."""
    types = vocabularies.get("event_types", {})
    for sub_type, term in vocabularies.get("event_sub_types", {}).items():
        if term.type not in types:
            report.error(document.origin.at("event_sub_types", sub_type),
                         msg("event sub-type '{sub_type}' needs its event type (type: one of {types})",
                             sub_type=sub_type, types=", ".join(types)), "site-config")

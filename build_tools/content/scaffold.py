"""``briefing new``: files that pass ``briefing check`` except for what the editor must fill.

The fields to fill are left empty, so that ``check`` names each one ("name.ar is empty:
fill it in"); nothing existing is ever overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model.dates import DateError, parse_partial_date
from ..model.kinds import ARTICLE, BY_NAME
from .loader import CONTENT_DIR, id_problem


class ScaffoldError(Exception):
    pass


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str


NAMES = """name:
  ar: ""
  en: ""
"""
REGISTRY_TEMPLATES = {
    "actor": NAMES + """type:  # one of site_config/vocabularies.yml: actor_types
# short_name: {ar: قسد, en: SDF}
aliases: {ar: [], en: []}
affiliations: []  # e.g. - {actor: sdf, relation: part-of}
# wikidata: Q...
# description: {ar: ..., en: ...}
""",
    "location": NAMES + """kind:  # one of site_config/vocabularies.yml: location_kinds
aliases: {ar: [], en: []}
# parent: syria  # the location it is in
# coordinates: {lat: 35.33, lon: 40.14}  # WGS84 decimal degrees, only when certain
# wikidata: Q...
""",
    "source": NAMES + """kind:  # one of site_config/vocabularies.yml: source_kinds
# url: https://...
# languages: [ar]
# reliability: C  # Admiralty scale, A (completely reliable) to F (cannot be judged)
""",
}
ARTICLE_META = """date: {date}
status: draft
authors: []
actors: []
locations: []
sources: []  # e.g. - {{source: basnews, via: rasd}}
tags: []
# Photos of this folder, placed in the text as ![](photo.jpg); run briefing strip-metadata on them first:
# media:
#   - {{file: photo.jpg, alt: {{ar: "", en: ""}}, credit: {{ar: "", en: ""}}, caption: {{ar: "", en: ""}}, lead: true}}
# documents:
#   - {{file: report.pdf, title: {{ar: "", en: ""}}, source: ID}}
"""
ARTICLE_TEXT = """---
title: ""
summary: ""
---

"""


def new_entity(root: Path, kind: str, id_: str) -> list[NewFile]:
    _check_id(id_)
    path = root / CONTENT_DIR / BY_NAME[kind].plural / f"{id_}.yml"
    return _refuse_existing([NewFile(path, REGISTRY_TEMPLATES[kind])])


def new_article(root: Path, date: str, slug: str, languages: tuple[str, ...]) -> list[NewFile]:
    """``content/articles/YYYY/DATE-SLUG/`` with meta.yml and a text per language."""
    try:
        parsed = parse_partial_date(date)
    except DateError as exc:
        raise ScaffoldError(f"--date {exc}") from None
    name = slug if slug.startswith(parsed.isoformat()) else f"{parsed.isoformat()}-{slug}"
    _check_id(name)
    articles = root / CONTENT_DIR / ARTICLE.plural
    folder = articles / str(parsed.year) / name
    files = [NewFile(folder / "meta.yml", ARTICLE_META.format(date=parsed.isoformat()))]
    files += [NewFile(folder / f"{lang}.md", ARTICLE_TEXT) for lang in languages]
    existing = [f for f in articles.glob(f"*/{name}") if f != folder]
    if existing:
        raise ScaffoldError(f"article id '{name}' is already used by {existing[0]}")
    return _refuse_existing(files)


def write(files: list[NewFile]) -> None:
    """Creates every file, failing (and writing nothing more) if one appeared meanwhile."""
    for file in files:
        file.path.parent.mkdir(parents=True, exist_ok=True)
        with file.path.open("x", encoding="utf-8") as handle:
            handle.write(file.text)


def _check_id(id_: str) -> None:
    if problem := id_problem(id_):
        raise ScaffoldError(problem)


def _refuse_existing(files: list[NewFile]) -> list[NewFile]:
    for file in files:
        if file.path.exists():
            raise ScaffoldError(f"{file.path} already exists: nothing was written")
    return files

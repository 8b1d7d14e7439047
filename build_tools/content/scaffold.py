"""``briefing new``: files that pass ``briefing check`` except for what the editor must fill.

The fields to fill are left empty, so that ``check`` names each one ("name.ar is empty:
fill it in"); nothing existing is ever overwritten.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..model.dates import DateError, parse_partial_date
from ..model.kinds import ARTICLE, BY_NAME
from ..writing import write_whole
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
    "tag": NAMES + """# description: {ar: ..., en: ...}
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
# summary: one or two sentences for cards, feeds and link previews (optional)
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


EVENT_SKELETON = """\
- date: {date}
  type: ""
  sub_type: ""
  location: ""
  actors: {{side_a: [], side_b: []}}
  sources: []
  note: {{ar: "", en: ""}}
"""
"""Every field to fill; ``civilian_targeting`` and ``fatalities`` are left out, to be given
only when reported."""

_TOP_LEVEL_KEY = re.compile(r"^[^\s#-][^:]*:")


def append_event(folder: Path) -> Path:
    """Adds an event skeleton, dated as the article, at the end of ``events`` in the folder's
    ``meta.yml``; every other line of the file, comments included, is kept as it was."""
    meta = folder / "meta.yml"
    try:
        text = meta.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except FileNotFoundError:
        raise ScaffoldError(f"{meta} does not exist: give an article's folder") from None
    except yaml.YAMLError as exc:
        raise ScaffoldError(f"{meta} cannot be read as YAML; fix it first ('briefing check' says where): "
                            f"{str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict) or not isinstance(data.get("events", []), list):
        raise ScaffoldError(f"{meta}: not an article's fields with a list of events: nothing was written")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    skeleton = EVENT_SKELETON.format(date=data.get("date", ""))
    new = _with_event(lines, skeleton)
    expected = dict(data)
    expected["events"] = [*data.get("events", []), *yaml.safe_load(skeleton)]
    if new is None or yaml.safe_load(new) != expected:
        raise ScaffoldError(f"{meta}: its events are not written one below the other ('- date: …'); "
                            "nothing was written: add the event by hand")
    write_whole(meta, new.encode("utf-8"))
    return meta


def _with_event(lines: list[str], skeleton: str) -> str | None:
    """The lines with the skeleton after the last line of the block ``events:`` opens, at
    the indentation of its items; a new ``events:`` at the end when there is none; None
    when ``events`` is written otherwise (``events: [...]``)."""
    start = next((i for i, line in enumerate(lines) if re.match(r"^events:\s*(#.*)?$", line)), None)
    if start is None:
        if any(line.startswith("events:") for line in lines):
            return None
        return "".join(lines) + "events:\n" + textwrap.indent(skeleton, "  ")
    end = next((i for i in range(start + 1, len(lines)) if _TOP_LEVEL_KEY.match(lines[i])), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    items = [re.match(r"^(\s*)- ", line) for line in lines[start + 1:end]]
    indent = next((found.group(1) for found in items if found), "  ")
    return "".join(lines[:end]) + textwrap.indent(skeleton, indent) + "".join(lines[end:])


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

"""The handoff to translators: the stale and pending texts of one language written as
gettext PO files (read by OmegaT, Poedit, Weblate, Trados and memoQ), and the files they
send back written into the articles and registries.

``OUT/ID.LANG.po`` holds one article: its title, summary and paragraphs, each
an entry whose ``msgctxt`` says which, the original as ``msgid`` with Markdown that must
not change as placeholders (``placeholders``). ``OUT/_registries.LANG.po`` (no id starts
with ``_``) holds the names
and descriptions the registries lack in LANG, ``msgctxt`` ``KIND/ID/FIELD``.
"""

from __future__ import annotations

from pathlib import Path

import polib

from ..languages import other_language
from ..model.entities import Entity
from ..model.translations import Status
from ..pipeline.survey import Survey
from .segments import article_segments

HEADER_ARTICLE = "X-Briefing-Article"
REGISTRIES_FILE = "_registries"
"""The name of the registries' PO file: an article id never starts with ``_``."""
HEADER_SOURCE = "X-Source-Language"
TO_TRANSLATE = (Status.STALE, Status.PENDING)


def _po_file(lang: str, source: str, **headers: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Project-Id-Version": "briefing", "Language": lang, HEADER_SOURCE: source,
                   "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit", **headers}
    return po


def export_files(survey: Survey, lang: str) -> dict[str, polib.POFile]:
    """Relative path → PO file, for every stale or pending text in ``lang`` (the survey
    made with the texts) and the registries' gaps in ``lang``."""
    files = {}
    for article in survey.articles:
        if article.states[lang].status not in TO_TRANSLATE or article.original not in article.translations:
            continue
        po = _po_file(lang, article.original, **{HEADER_ARTICLE: article.id})
        original_file = f"{article.folder}/{article.original}.md"
        for segment in article_segments(article, lang):
            po.append(polib.POEntry(msgctxt=segment.context, msgid=segment.source.text, msgstr=segment.translated,
                                    occurrences=[(original_file, "")],
                                    flags=["python-brace-format"] if segment.source.pieces else []))
        files[f"{article.id}.{lang}.po"] = po
    entities = _po_file(lang, other_language(lang))
    for gap in survey.entities:
        for name in gap.fields if gap.lang == lang else ():
            entities.append(polib.POEntry(msgctxt=entity_context(gap.kind, gap.id, name),
                                          msgid=entity_source(gap.entity, name, lang), msgstr="",
                                          occurrences=[(gap.entity.origin.file, "")]))
    if len(entities):
        files[f"{REGISTRIES_FILE}.{lang}.po"] = entities
    return files


def entity_context(kind: str, id_: str, name: str) -> str:
    return f"{kind}/{id_}/{name}"


def entity_source(entity: Entity, name: str, lang: str) -> str:
    """The text of an entity's ``name`` or ``description`` in the language ``lang`` lacks."""
    value = entity.names.name if name == "name" else entity.description
    return value.get(other_language(lang)) or ""


def write_export(files: dict[str, polib.POFile], out: Path) -> list[Path]:
    written = []
    for relative, po in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.partial")
        po.save(str(partial))
        partial.replace(path)
        written.append(path)
    return written

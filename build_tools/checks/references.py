"""Every id a file names must have a file of its own: checked on every parsed file, valid
or not, so that one unknown id is reported even in a file with other problems."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..content.loader import ArticleBundle, ContentFiles, TextFile
from ..content.yamlfile import YamlDocument
from ..diagnostics import DocumentPath, Report, did_you_mean, field_name, offset_position
from ..messages import msg
from ..model.kinds import ARTICLE, EVERY, KINDS, FieldPath, explicit_links, word

REFERENCES = {kind.name: kind.references for kind in KINDS if kind.references}
"""Kind of file → (kind of the id, where in the file the id is), from the kinds table."""

RECORDS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "actor": [("affiliations", ("actor", "relation"))],
    "article": [("sources", ("source", "via"))],
}
"""Kind of file → (a list of records, the fields that tell its records apart): the same
affiliation twice, or one source cited twice by the same way, is a record repeated (as
merging two entries can leave them)."""


def check_registry_references(files: ContentFiles, report: Report) -> None:
    for kind, entities in files.entities.items():
        for entity in entities:
            check_references(kind, entity.id, entity.document, files.ids, report)
            check_records(kind, entity.document, report)


def check_article_references(bundle: ArticleBundle, ids: dict[str, set[str]], report: Report) -> None:
    """The ids ``meta.yml`` lists and those its texts link to (``](actor:sdf)``)."""
    if bundle.meta:
        check_references(ARTICLE.name, bundle.id, bundle.meta, ids, report)
        check_records(ARTICLE.name, bundle.meta, report)
    for text in bundle.texts.values():
        _check_explicit_links(text, ids, report)


def _values_at(data: Any, pattern: FieldPath, path: DocumentPath = ()) -> Iterator[tuple[DocumentPath, Any]]:
    """Every value found along ``pattern`` in data of any shape (ids may be in invalid files)."""
    if not pattern:
        yield path, data
    elif pattern[0] is EVERY and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _values_at(item, pattern[1:], (*path, index))
    elif isinstance(data, dict) and pattern[0] in data:
        key = pattern[0]
        assert isinstance(key, str)
        yield from _values_at(data[key], pattern[1:], (*path, key))


def _check_explicit_links(text: TextFile, ids: dict[str, set[str]], report: Report) -> None:
    for kind, id_, offset in explicit_links(text.body):
        if id_ not in ids[kind]:
            position = offset_position(text.front_matter.origin.file, text.body_line, text.body, offset)
            report.error(position, msg("link to unknown {kind} '{id}'{hint}", kind=word(kind), id=id_,
                                       hint=did_you_mean(id_, ids[kind])), "unknown-link")


def references(kind: str, document: YamlDocument) -> Iterator[tuple[str, DocumentPath, str]]:
    """(kind of the id, where, the id) of every id a file of ``kind`` names; empty values and
    values that are not text are left to the schema check."""
    for target_kind, pattern in REFERENCES.get(kind, []):
        for path, value in _values_at(document.data, pattern):
            if isinstance(value, str) and value:
                yield target_kind, path, value


def check_records(kind: str, document: YamlDocument, report: Report) -> None:
    """No record listed twice (``RECORDS``), no source cited via itself."""
    data = document.data if isinstance(document.data, dict) else {}
    for field, keys in RECORDS.get(kind, []):
        seen: set[tuple[object, ...]] = set()
        records = data.get(field)
        for index, record in enumerate(records if isinstance(records, list) else []):
            if not isinstance(record, dict):
                continue
            identity = tuple(str(record.get(key)) for key in keys)
            if identity in seen:
                report.error(document.origin.at(field, index), msg("{field}[{index}] repeats an earlier one: "
                                                                   "delete it", field=field, index=index),
                             "listed-twice")
            seen.add(identity)
            if field == "sources" and record.get("via") is not None and record.get("via") == record.get("source"):
                report.error(document.origin.at(field, index, "via"), msg("a source cannot be relayed by itself: "
                                                                          "delete via"), "self-relay")


def check_references(kind: str, own_id: str, document: YamlDocument, ids: dict[str, set[str]],
                     report: Report) -> None:
    for target_kind, path, value in references(kind, document):
        known = ids[target_kind]
        if kind == target_kind == "actor" and value == own_id:
            report.error(document.origin.at(*path), msg("actor '{id}' cannot be affiliated with itself", id=own_id),
                         "self-affiliation")
        elif value not in known:
            report.error(document.origin.at(*path), msg("unknown {kind} '{id}' in {field}{hint}",
                                                        kind=word(target_kind), id=value, field=field_name(path),
                                                        hint=did_you_mean(value, known)), "unknown-reference")

"""Earlier ids (``redirect_from``): the site writes a page at each earlier address that
sends readers on, so an earlier id must not be some other page's address, nor claimed
by two entries of a kind, or two pages would be written at one address.

The addresses of a kind are ``LANG/PLURAL/ID/`` (``site.urls``): ids of different kinds
never meet. An entry's earlier ids are checked with the registries (their problems are
kept with theirs); an article's, on every check, across every article folder, for they
depend on the other folders (a new article may take an address another one left): only
the ``meta.yml`` files that may name ``redirect_from`` are parsed, those holding the word
or a backslash (with which a quoted key can spell it: ``"redirect\\x5ffrom"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..content.loader import ID_PATTERN, ContentFiles, id_problem
from ..content.sourcefiles import relative
from ..content.yamlfile import YamlDocument, YamlSyntaxError, parse_yaml
from ..diagnostics import Report
from ..messages import msg
from ..model.kinds import ARTICLE, REGISTRIES, word

FIELD = "redirect_from"


def check_entity_redirects(files: ContentFiles, report: Report) -> None:
    for kind in REGISTRIES:
        entries = ((entity.id, entity.document) for entity in files.entities[kind.name])
        _check_kind(kind.name, files.ids[kind.name], entries, report)


def check_article_redirects(files: ContentFiles, report: Report) -> None:
    ids = {folder.name for folder in files.article_folders}
    entries = []
    for folder in files.article_folders:
        document = _meta_naming_redirects(folder / "meta.yml", files.root)
        if document is not None:
            entries.append((folder.name, document))
    _check_kind(ARTICLE.name, ids, entries, report)


def _meta_naming_redirects(path: Path, root: Path) -> YamlDocument | None:
    """The parsed ``meta.yml`` if it names earlier ids; what else is wrong with it, the
    article's own check reports."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if FIELD.encode() not in raw and b"\\" not in raw:
        return None
    try:
        return parse_yaml(raw.decode("utf-8"), relative(path, root))
    except (UnicodeDecodeError, YamlSyntaxError):
        return None


def _check_kind(kind: str, ids: set[str], entries: Iterable[tuple[str, YamlDocument]], report: Report) -> None:
    claimed: dict[str, str] = {}
    for own_id, document in entries:
        earlier = document.data.get(FIELD) if isinstance(document.data, dict) else None
        for index, old in enumerate(earlier if isinstance(earlier, list) else []):
            if not isinstance(old, str) or not ID_PATTERN.fullmatch(old):
                continue  # the schema says so
            where = document.origin.at(FIELD, index)
            if problem := id_problem(old):  # a name Windows reserves: the schema lets it by
                report.error(where, problem, "invalid-id")
            elif old == own_id:
                report.error(where, msg("{field} lists this {kind}'s own id '{id}': remove it", field=FIELD,
                                        kind=word(kind), id=old), "redirect-conflict")
            elif old in ids:
                report.error(where, msg("'{id}' is the address of another {kind}, which keeps it: an earlier id "
                                        "must be an address no page has", id=old, kind=word(kind)),
                             "redirect-conflict")
            elif old in claimed:
                report.error(where, msg("'{id}' is already an earlier id of {kind} '{other}': one address can "
                                        "send readers to one page only", id=old, kind=word(kind),
                                        other=claimed[old]), "redirect-conflict")
            else:
                claimed[old] = own_id

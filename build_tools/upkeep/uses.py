"""Where an entry of a registry is used: every file that lists it (``meta.yml``'s lists,
events, sources, documents), refers to it (affiliations, parents), links to it
(``](actor:sdf)``) or names it in a text, with its position."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..checks.references import references
from ..checks.schemas import SchemaSet
from ..content.loader import ArticleBundle, ContentFiles, TextFile, load_bundle, load_content
from ..content.yamlfile import YamlDocument
from ..diagnostics import Diagnostic, Position, Report, field_name, offset_position
from ..model.kinds import ARTICLE, NAMED_IN_TEXT, explicit_links
from ..pipeline.load import ARTICLES_PER_PROCESS
from ..pipeline.parallel import map_in_processes
from ..pipeline.settings import load_site_config
from ..resolve.entities import resolve_entities
from ..text.markup import mask_markup
from ..text.matcher import Matcher


@dataclass(frozen=True, order=True)
class Use:
    position: Position
    how: str
    """``lists`` (an article's meta.yml), ``refers`` (a registry file), ``links`` or ``names`` (a text)."""
    detail: str
    """The field (``actors[0]``) or the text as written."""

    def as_data(self) -> dict[str, object]:
        return {"file": self.position.file, "line": self.position.line, "column": self.position.column,
                "how": self.how, "detail": self.detail}


@dataclass
class Content:
    """Every file of content/, parsed and not checked."""

    files: ContentFiles
    schemas: SchemaSet
    bundles: list[ArticleBundle] = field(default_factory=list)


def read_content(root: Path, report: Report) -> Content:
    """Raises ``ConfigError`` when site_config is unusable."""
    _, schemas = load_site_config(root, report)
    files = load_content(root, report)
    read = partial(_bundle, files=files)
    content = Content(files, schemas)
    for bundle, diagnostics in map_in_processes(read, files.article_folders, ARTICLES_PER_PROCESS):
        report.extend(diagnostics)
        content.bundles.append(bundle)
    return content


def _bundle(folder: Path, files: ContentFiles) -> tuple[ArticleBundle, list[Diagnostic]]:
    report = Report()
    return load_bundle(folder, files, report), report.diagnostics


def find_uses(content: Content, kind: str, id_: str) -> list[Use]:
    """Every use of the entry ``kind``/``id_``, in the order of files and lines."""
    found = []
    for entity_kind, entities in content.files.entities.items():
        for entity in entities:
            found += _listed(entity_kind, entity.document, kind, id_, "refers")
    matcher = _matcher(content, kind, id_)
    for bundle in content.bundles:
        if bundle.meta is not None:
            found += _listed(ARTICLE.name, bundle.meta, kind, id_, "lists")
        for text in bundle.texts.values():
            file = text.front_matter.origin.file
            for link_kind, linked, offset in explicit_links(text.body):
                if (link_kind, linked) == (kind, id_):
                    found.append(Use(offset_position(file, text.body_line, text.body, offset), "links",
                                     f"{kind}:{id_}"))
            if matcher is not None:
                found += _named(text, matcher, kind, id_)
    return sorted(set(found))


def _listed(file_kind: str, document: YamlDocument, kind: str, id_: str, how: str) -> list[Use]:
    return [Use(document.origin.at(*path), how, field_name(path))
            for target_kind, path, value in references(file_kind, document) if (target_kind, value) == (kind, id_)]


def _matcher(content: Content, kind: str, id_: str) -> Matcher | None:
    """Every entity's names, as the mention check matches them (a longer name of another
    entity wins), when the entry's kind is named in texts and the entry exists."""
    if kind not in {named.name for named in NAMED_IN_TEXT}:
        return None
    briefing = resolve_entities(content.files, content.schemas, Report())
    return Matcher(briefing.name_forms()) if id_ in briefing.entities[kind] else None


def _named(text: TextFile, matcher: Matcher, kind: str, id_: str) -> list[Use]:
    """The entry's names in the text's body, and in its title and summary (at their line)."""
    origin = text.front_matter.origin
    found = [Use(offset_position(origin.file, text.body_line, text.body, start), "names", text.body[start:end])
             for start, end in _mentions(matcher, mask_markup(text.body), text.lang, kind, id_)]
    data = text.front_matter.data if isinstance(text.front_matter.data, dict) else {}
    for part in ("title", "summary"):
        value = data.get(part)
        if isinstance(value, str):
            found += [Use(origin.at(part), "names", value[start:end])
                      for start, end in _mentions(matcher, value, text.lang, kind, id_)]
    return found


def _mentions(matcher: Matcher, text: str, lang: str, kind: str, id_: str) -> list[tuple[int, int]]:
    """Where the entry is named in ``text``: (start, end) of each of its mentions."""
    return [(m.start, m.end) for m in matcher.find(text, lang) if (m.kind, m.id) == (kind, id_)]

"""``briefing rename``: an entry's id changed everywhere it is written. The entry's file
is moved; each reference (meta.yml's lists, events, sources and documents, affiliations,
parents, ``via``) is rewritten where the YAML parser found it, and each ``](kind:ID)``
link in the texts; every other character of every file stays as it was. Each rewritten
file is read again and must hold the same data but for the id, or nothing is written."""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checks.references import references
from ..content.loader import id_problem
from ..content.sourcefiles import relative
from ..content.yamlfile import YamlDocument, YamlSyntaxError, parse_yaml
from ..diagnostics import DocumentPath, Position
from ..model.kinds import ARTICLE, BY_NAME
from ..writing import write_whole
from .uses import Content


class RenameError(Exception):
    """The rename cannot be made; nothing was written."""


@dataclass(frozen=True)
class FileEdit:
    path: Path
    before: str
    after: str
    moved_from: Path | None = None
    """For the entry's own file: where it was."""

    def diff(self, root: Path) -> str:
        """As ``git diff`` shows it, a move as ``rename from``/``rename to``."""
        source, target = relative(self.moved_from or self.path, root), relative(self.path, root)
        moved = f"rename from {source}\nrename to {target}\n" if self.moved_from else ""
        lines = difflib.unified_diff(self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
                                     f"a/{source}", f"b/{target}")
        return moved + "".join(lines)


def plan_rename(content: Content, kind: str, old: str, new: str) -> list[FileEdit]:
    files = content.files
    if old not in files.ids[kind]:
        raise RenameError(f"there is no {kind} '{old}' (content/{BY_NAME[kind].plural}/{old}.yml)")
    if problem := id_problem(new):
        raise RenameError(problem)
    if new in files.ids[kind]:
        raise RenameError(f"{kind} '{new}' exists already: choose another id, or merge the two by hand")
    edits = []
    for file_kind, entities in files.entities.items():
        for entity in entities:
            edit = _yaml_edit(files.root / entity.document.origin.file, file_kind, entity.document, kind, old, new)
            edits += [edit] if edit else []
    edits.append(_moved(files.content_dir / BY_NAME[kind].plural / f"{old}.yml", new, edits))
    for bundle in content.bundles:
        if bundle.meta is not None:
            edit = _yaml_edit(files.root / bundle.meta.origin.file, ARTICLE.name, bundle.meta, kind, old, new)
            edits += [edit] if edit else []
        for text in bundle.texts.values():
            if f"]({kind}:{old})" in text.body:  # links are in the body: the other files are not read again
                edits.append(_link_edit(files.root / text.front_matter.origin.file, kind, old, new))
    return edits


def _moved(own: Path, new: str, edits: list[FileEdit]) -> FileEdit:
    """The entry's own file under its new name, with its edits if it refers to itself."""
    edited = next((edit for edit in edits if edit.path == own), None)
    if edited is not None:
        edits.remove(edited)
    before = edited.before if edited else _read(own)
    return FileEdit(own.with_name(f"{new}.yml"), before, edited.after if edited else before, own)


def write_rename(edits: list[FileEdit]) -> None:
    """The entry's new file first and its old one last, so that an interruption loses nothing."""
    for edit in sorted(edits, key=lambda edit: edit.moved_from is None):
        write_whole(edit.path, edit.after.encode("utf-8"))
    for edit in edits:
        if edit.moved_from is not None:
            edit.moved_from.unlink()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _yaml_edit(path: Path, file_kind: str, document: YamlDocument, kind: str, old: str,
               new: str) -> FileEdit | None:
    paths = [where for target, where, value in references(file_kind, document) if (target, value) == (kind, old)]
    if not paths:
        return None
    before = _read(path)
    lines = before.splitlines(keepends=True)
    for where in sorted(paths, key=lambda p: document.origin.at(*p), reverse=True):
        position = document.origin.at(*where)
        lines[position.line - 1] = _replaced(lines[position.line - 1], position, old, new)
    after = "".join(lines)
    _check_same_data(path, document, after, paths, new)
    return FileEdit(path, before, after)


def _replaced(line: str, position: Position, old: str, new: str) -> str:
    """The line with the id at ``position`` (plain or quoted) replaced."""
    start = position.column - 1
    quote = line[start] if line[start] in "'\"" else ""
    written = f"{quote}{old}{quote}"
    end = start + len(written)
    if line[start:end] != written or re.match(r"[a-z0-9-]", line[end:end + 1]):
        raise RenameError(f"{position.file}:{position.line}: cannot find '{old}' where the YAML parser placed it: "
                          "rename it by hand")
    return line[:start] + f"{quote}{new}{quote}" + line[end:]


def _check_same_data(path: Path, document: YamlDocument, after: str, paths: list[DocumentPath], new: str) -> None:
    expected = copy.deepcopy(document.data)
    for where in paths:
        _set(expected, where, new)
    try:
        rewritten = parse_yaml(after, str(path)).data
    except YamlSyntaxError as exc:
        raise RenameError(f"{path}:{exc.line}: the rewritten file would not be YAML: rename by hand") from None
    if rewritten != expected:
        raise RenameError(f"{path}: the rewritten file would not hold the same data: rename by hand")


def _set(data: Any, where: DocumentPath, value: str) -> None:
    for part in where[:-1]:
        data = data[part]
    data[where[-1]] = value


def _link_edit(path: Path, kind: str, old: str, new: str) -> FileEdit:
    before = _read(path)
    return FileEdit(path, before, before.replace(f"]({kind}:{old})", f"]({kind}:{new})"))

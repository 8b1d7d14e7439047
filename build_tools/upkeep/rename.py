"""``briefing rename``: an entry's id changed everywhere it is written. The entry's file
is moved; each reference (meta.yml's lists, events, sources and documents, affiliations,
parents, ``via``) is rewritten where the YAML parser found it, and each ``](kind:ID)``
link in the texts; every other character of every file stays as it was. Each rewritten
file is read again and must hold the same data but for the id, or nothing is written.
The old id joins the entry's ``redirect_from``, so that its old address keeps working."""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks.redirects import FIELD as EARLIER_IDS
from ..checks.references import references
from ..content.loader import id_problem
from ..content.sourcefiles import relative
from ..content.yamlfile import YamlDocument, YamlSyntaxError, parse_yaml
from ..diagnostics import DocumentPath, Position
from ..model.kinds import ARTICLE, BY_NAME
from ..writing import write_whole
from .uses import Content
from .yamledit import EditError, field_value, with_field


class RenameError(EditError):
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


@dataclass
class Changes:
    """What a rename or a merge writes: file edits, an article's folder moved, files removed."""

    edits: list[FileEdit] = field(default_factory=list)
    folder: tuple[Path, Path] | None = None
    """An article's folder, from and to (its files' edits are written before it moves)."""
    removed: list[Path] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.edits) + len(self.removed)

    def diff(self, root: Path) -> str:
        moved = ""
        if self.folder is not None:
            moved = f"rename from {relative(self.folder[0], root)}/\nrename to {relative(self.folder[1], root)}/\n"
        gone = "".join(f"deleted file {relative(path, root)}\n" for path in self.removed)
        return moved + "".join(edit.diff(root) for edit in self.edits) + gone

    def write(self) -> None:
        """New files first, then the folder's move, then what goes: an interruption loses nothing."""
        for edit in sorted(self.edits, key=lambda edit: edit.moved_from is None):
            write_whole(edit.path, edit.after.encode("utf-8"))
        if self.folder is not None:
            source, target = self.folder
            target.parent.mkdir(parents=True, exist_ok=True)
            source.rename(target)
            if not any(source.parent.iterdir()):
                source.parent.rmdir()
        for edit in self.edits:
            if edit.moved_from is not None:
                edit.moved_from.unlink()
        for path in self.removed:
            path.unlink()


def plan_rename(content: Content, kind: str, old: str, new: str) -> Changes:
    files = content.files
    if old not in files.ids[kind]:
        raise RenameError(f"there is no {kind} '{old}' (content/{BY_NAME[kind].plural}/{old}.yml)")
    check_new_id(content, kind, old, new)
    if new in files.ids[kind]:
        raise RenameError(f"{kind} '{new}' exists already: choose another id, or merge the two: "
                          f"briefing merge {kind} {new} {old}")
    changes = Changes(reference_edits(content, kind, old, new))
    own = files.content_dir / BY_NAME[kind].plural / f"{old}.yml"
    moved = _moved(own, new, changes.edits)
    after = with_earlier_ids(moved.after, relative(own, files.root), [old], new)
    changes.edits.append(FileEdit(moved.path, moved.before, after, own))
    return changes


def check_new_id(content: Content, kind: str, old: str, new: str) -> None:
    """``new`` is an id, and not the earlier id of another page than ``old``'s (its address
    would be taken twice); renamed back to one of its own earlier ids, it drops it."""
    if problem := id_problem(new):
        raise RenameError(problem)
    for id_, earlier in earlier_ids(content, kind).items():
        if id_ != old and new in earlier:
            raise RenameError(f"'{new}' is an earlier id of {kind} '{id_}' (its redirect_from): choose another "
                              "id, or remove it from there first")


def earlier_ids(content: Content, kind: str) -> dict[str, list[str]]:
    """Each entry's (or article's) ``redirect_from``, as far as it is a list."""
    documents = ([(bundle.id, bundle.meta) for bundle in content.bundles] if kind == ARTICLE.name else
                 [(entity.id, entity.document) for entity in content.files.entities[kind]])
    found = {}
    for id_, document in documents:
        value = document.data.get(EARLIER_IDS) if document and isinstance(document.data, dict) else None
        found[id_] = [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
    return found


def with_earlier_ids(text: str, file: str, added: list[str], own: str) -> str:
    """The YAML ``text`` of an entry whose id is now ``own``, with ``added`` among its
    earlier ids, and ``own`` no longer (an entry renamed back to an earlier id)."""
    written = field_value(text, file, EARLIER_IDS)
    if written is not None and not (isinstance(written, list) and all(isinstance(id_, str) for id_ in written)):
        raise RenameError(f"{file}: {EARLIER_IDS} is not a list of ids ([old-id, ...]): fix it first")
    earlier = [id_ for id_ in dict.fromkeys([*(written or []), *added]) if id_ != own]
    return with_field(text, file, EARLIER_IDS, earlier or None)


def reference_edits(content: Content, kind: str, old: str, new: str, merging: bool = False) -> list[FileEdit]:
    """Every file's references to ``kind`` ``old`` made to ``new``; ``merging``: an item
    of a list that already lists ``new`` is removed instead."""
    files = content.files
    edits = []
    for file_kind, entities in files.entities.items():
        for entity in entities:
            edit = _yaml_edit(files.root / entity.document.origin.file, file_kind, entity.document, (kind, old, new),
                              merging)
            edits += [edit] if edit else []
    for bundle in content.bundles:
        if bundle.meta is not None:
            edit = _yaml_edit(files.root / bundle.meta.origin.file, ARTICLE.name, bundle.meta, (kind, old, new),
                              merging)
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
    before = edited.before if edited else read_source(own)
    return FileEdit(own.with_name(f"{new}.yml"), before, edited.after if edited else before, own)


def read_source(path: Path) -> str:
    """The file's text with its line endings as they are (``write_whole`` keeps them)."""
    return path.read_bytes().decode("utf-8")


def _yaml_edit(path: Path, file_kind: str, document: YamlDocument, change: tuple[str, str, str],
               merging: bool) -> FileEdit | None:
    kind, old, new = change
    paths = [where for target, where, value in references(file_kind, document) if (target, value) == (kind, old)]
    if not paths:
        return None
    before = read_source(path)
    lines = before.splitlines(keepends=True)
    expected = copy.deepcopy(document.data)
    for where in sorted(paths, key=lambda p: document.origin.at(*p), reverse=True):
        position = document.origin.at(*where)
        line = lines[position.line - 1]
        if merging and _lists_already(document.data, where, new):
            lines[position.line - 1] = _removed(line, position, old)
            del _parent(expected, where)[where[-1]]
        else:
            lines[position.line - 1] = _replaced(line, position, old, new)
            _parent(expected, where)[where[-1]] = new
    after = "".join(lines)
    _check_same_data(document.origin.file, expected, after)
    return FileEdit(path, before, after)


def _lists_already(data: Any, where: DocumentPath, new: str) -> bool:
    siblings = _parent(data, where)
    return isinstance(where[-1], int) and isinstance(siblings, list) and new in siblings


def _written(line: str, position: Position, old: str) -> tuple[int, int]:
    """Where the id at ``position`` (plain or quoted) starts and ends on ``line``."""
    start = position.column - 1
    quote = line[start] if line[start] in "'\"" else ""
    end = start + len(old) + 2 * len(quote)
    if line[start:end] != f"{quote}{old}{quote}" or re.match(r"[a-z0-9-]", line[end:end + 1]):
        raise RenameError(f"{position.file}:{position.line}: cannot find '{old}' where the YAML parser placed it: "
                          "edit it by hand")
    return start, end


def _replaced(line: str, position: Position, old: str, new: str) -> str:
    """The line with ``new`` in place of the id at ``position``, quoted as ``old`` was, or
    double-quoted where YAML would read it plain as something else (``true``, ``2017``)."""
    start, end = _written(line, position, old)
    quote = line[start] if line[start] in "'\"" else ""
    if not quote and field_value(f"id: {new}", "id", "id") != new:
        quote = '"'
    return line[:start] + f"{quote}{new}{quote}" + line[end:]


def _removed(line: str, position: Position, old: str) -> str:
    """The line without the list item at ``position``: the whole line for ``- ID``, the
    item and one comma for ``[a, ID, b]``."""
    start, end = _written(line, position, old)
    if re.fullmatch(r"\s*-\s*", line[:start]) and re.fullmatch(r"\s*(#.*)?\n?", line[end:]):
        return ""
    before, after = line[:start], line[end:]
    if (comma := re.search(r",\s*$", before)) is not None:
        return before[:comma.start()] + after
    return before + re.sub(r"^\s*,\s*", "", after)


def _check_same_data(file: str, expected: Any, after: str) -> None:
    try:
        rewritten = parse_yaml(after, file).data
    except YamlSyntaxError as exc:
        raise RenameError(f"{file}:{exc.line}: the rewritten file would not be YAML: edit it by hand") from None
    if rewritten != expected:
        raise RenameError(f"{file}: the rewritten file would not hold the same data: edit it by hand")


def _parent(data: Any, where: DocumentPath) -> Any:
    for part in where[:-1]:
        data = data[part]
    return data


def _link_edit(path: Path, kind: str, old: str, new: str) -> FileEdit:
    before = read_source(path)
    return FileEdit(path, before, before.replace(f"]({kind}:{old})", f"]({kind}:{new})"))

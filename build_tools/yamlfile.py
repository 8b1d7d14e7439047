"""YAML parsing that keeps where every value came from and refuses duplicate keys.

PyYAML silently keeps the last of two equal keys and turns ``2017-08-07`` into a
``datetime.date``; editors need both caught or kept as written, so documents are
composed into nodes and turned into plain data here, recording each node's line.

Content is plain data: aliases (the "billion laughs" bomb), nesting deeper than any
schema needs and tags other than YAML's core ones (``!!python/object``...) are
refused while composing, before anything is built. Nothing is ever constructed but
strings, numbers, booleans and nulls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Position

Path_ = tuple[str | int, ...]

_YAML_TAG = "tag:yaml.org,2002:"
_TIMESTAMP = _YAML_TAG + "timestamp"
_CORE_TAGS = frozenset(_YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map"))
MAX_DEPTH = 16
"""Deepest nesting of mappings and lists accepted; the schemas need five at most."""


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that content may not use."""


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as written and refuses aliases, deep nesting and tags."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(problem=f"alias '*{event.anchor}' refused: anchors and aliases are not "
                                   "allowed in content, write the value out", problem_mark=event.start_mark)
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and tag not in _CORE_TAGS:
            written = tag.replace(_YAML_TAG, "!!", 1)
            raise _Refused(problem=f"YAML tag '{written}' refused: content is plain text, numbers and "
                                   "lists; remove the tag", problem_mark=event.start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(problem=f"nested more than {MAX_DEPTH} levels deep: "
                                       "no content field needs this", problem_mark=event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlSyntaxError(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


@dataclass(frozen=True)
class Origin:
    """Where a document's values are: maps a path of keys and indexes to a position."""

    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def at(self, *path: str | int, key: bool = False) -> Position:
        """The position of the value at ``path`` (or of its key), else of its nearest parent."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            found = table.get(path[:end]) or self.values.get(path[:end])
            if found:
                return Position(self.file, *found)
        return Position(self.file)


@dataclass
class YamlDocument:
    data: Any
    origin: Origin
    duplicates: list[tuple[Position, str]] = field(default_factory=list)


def parse_yaml(text: str, file: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; ``first_line`` is the file line the text starts on."""
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        raise _unprintable(exc, text, first_line) from None
    try:
        node = loader.get_single_node()
    except _Refused as exc:
        mark = exc.problem_mark
        raise YamlSyntaxError(mark.line + first_line, mark.column + 1, str(exc.problem)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        column = (mark.column if mark else 0) + 1
        raise YamlSyntaxError(line, column, f"YAML syntax error: {_explain(exc)}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(first_line, 1, f"YAML syntax error: {exc}") from None
    finally:
        loader.dispose()
    builder = _Builder(loader, file, first_line)
    data = builder.build(node, ()) if node is not None else None
    return YamlDocument(data, Origin(file, builder.values, builder.keys), builder.duplicates)


def _unprintable(error: yaml.reader.ReaderError, text: str, first_line: int) -> YamlSyntaxError:
    before = text[:error.position]
    return YamlSyntaxError(before.count("\n") + first_line, error.position - before.rfind("\n"),
                           f"control character U+{error.character:04X} is not allowed in YAML: remove it")


def _explain(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or error.context or "invalid YAML"
    if "'\\t'" in problem:
        return "a tab character: YAML indents with spaces only, replace the tab with spaces"
    return problem


class _Builder:
    def __init__(self, loader: _Loader, file: str, first_line: int) -> None:
        self.loader, self.file, self.first_line = loader, file, first_line
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        self.duplicates: list[tuple[Position, str]] = []

    def where(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.values[path] = self.where(node)
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def build_mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if key in result:
                line, column = self.where(key_node)
                first_line = self.keys[(*path, key)][0]
                self.duplicates.append(
                    (Position(self.file, line, column),
                     f"duplicate key '{key}' (first given on line {first_line}); "
                     "YAML would silently keep only the last one")
                )
                continue
            self.keys[(*path, key)] = self.where(key_node)
            result[key] = self.build(value_node, (*path, key))
        return result

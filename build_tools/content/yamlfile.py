"""YAML parsing that keeps where every value came from and refuses duplicate keys.

PyYAML silently keeps the last of two equal keys and turns ``2017-08-07`` into a
``datetime.date``; editors need both caught or kept as written. So documents are read
as a stream of parser events (libyaml's C parser when PyYAML has it) and built into
plain data here, one event at a time with an explicit stack, recording each value's
line and column.

Content is plain data: aliases (the "billion laughs" bomb), nesting deeper than any
schema needs and tags other than YAML's core ones (``!!python/object``...) are refused
as their event arrives, before anything is built. Nothing is ever constructed but
strings, numbers, booleans and nulls; no recursion, so no input can exhaust the stack.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, NoReturn, cast

import yaml

from ..diagnostics import DocumentPath, Origin, Position
from ..messages import Message, msg

_YAML_TAG = "tag:yaml.org,2002:"
_TIMESTAMP = _YAML_TAG + "timestamp"
_CORE_TAGS = frozenset(_YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map"))
MAX_DEPTH = 16
"""Deepest nesting of mappings and lists accepted; the schemas need five at most."""
_EVENTS_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1's implicit types, but dates stay the strings the editor wrote."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_RESOLVER = _Resolver()


@functools.lru_cache(maxsize=4096)
def _implicit_tag(value: str, implicit: tuple[bool, bool]) -> str:
    """The type a scalar written without a tag has; cached, as ids and words recur."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, implicit)  # type: ignore[no-untyped-call]
    return tag


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS = {
    _YAML_TAG + "null": lambda node: None,
    _YAML_TAG + "bool": _CONSTRUCTOR.construct_yaml_bool,
    _YAML_TAG + "int": _CONSTRUCTOR.construct_yaml_int,
    _YAML_TAG + "float": _CONSTRUCTOR.construct_yaml_float,
}


class YamlSyntaxError(Exception):
    """YAML that cannot be parsed (``code`` yaml-syntax), or that content may not use (yaml-refused)."""

    def __init__(self, line: int, column: int, message: Message, code: str = "yaml-syntax") -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.code = line, column, message, code


@dataclass
class YamlDocument:
    data: Any
    origin: Origin
    duplicates: list[tuple[Position, Message]] = field(default_factory=list)


def parse_yaml(text: str, file: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; ``first_line`` is the file line the text starts on."""
    builder = _Builder(file, first_line)
    loader = None
    try:
        loader = _EVENTS_LOADER(text)
        while loader.check_event():
            builder.take(loader.get_event())
    except _Refused as exc:
        refused = exc.problem_mark
        assert refused is not None  # every refusal is made with the event's mark
        raise YamlSyntaxError(refused.line + first_line, refused.column + 1, cast(Message, exc.problem),
                              "yaml-refused") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line, mark.column) if mark else (0, 0)
        tab = mark is not None and mark.index < len(text) and text[mark.index] == "\t"
        problem = (msg("a tab character: YAML indents with spaces only, replace the tab with spaces") if tab
                   else exc.problem or exc.context or msg("invalid YAML"))
        message = msg("YAML syntax error: {problem}", problem=problem)
        raise YamlSyntaxError(line + first_line, column + 1, message) from None
    except yaml.reader.ReaderError:
        found = _NOT_PRINTABLE.search(text)
        index = found.start() if found else 0
        before = text[:index]
        what = msg("control character U+{code:04X}", code=ord(found.group(0))) if found else msg("a character")
        raise YamlSyntaxError(before.count("\n") + first_line, index - before.rfind("\n"),
                              msg("{what} is not allowed in YAML: remove it", what=what)) from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDocument(builder.data, Origin(file, builder.values, builder.keys), builder.duplicates)


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that content may not use."""


Container = dict[str, Any] | list[Any]


@dataclass
class _Frame:
    """A mapping or list being built, and for a mapping the key awaiting its value."""

    container: Container
    path: DocumentPath
    dropped: bool = False
    """Inside a duplicate key's value: read through, then left out."""
    key: str | None = None
    duplicate_key: bool = False


class _Builder:
    def __init__(self, file: str, first_line: int) -> None:
        self.file, self.first_line = file, first_line
        self.values: dict[DocumentPath, tuple[int, int]] = {}
        self.keys: dict[DocumentPath, tuple[int, int]] = {}
        self.duplicates: list[tuple[Position, Message]] = []
        self.stack: list[_Frame] = []
        self.data: Any = None
        self.documents = 0

    def where(self, event: yaml.Event) -> tuple[int, int]:
        mark = cast(yaml.Mark, event.start_mark)  # the parser marks every event
        return mark.line + self.first_line, mark.column + 1

    @staticmethod
    def refuse(event: yaml.Event, problem: Message) -> NoReturn:
        raise _Refused(problem=problem, problem_mark=cast(yaml.Mark, event.start_mark))

    def take(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.ScalarEvent):  # the most frequent, first
            self.check_tag(event)
            frame = self.stack[-1] if self.stack else None
            if frame is not None and isinstance(frame.container, dict) and frame.key is None:
                self.key(frame, event)
            else:
                self.place(event)
                self.attach(self.construct(event))
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.refuse(event, msg("a second document ('---') in one file: keep one"))
        elif isinstance(event, yaml.AliasEvent):
            self.refuse(event, msg("alias '*{anchor}' refused: anchors and aliases are not allowed "
                                   "in content, write the value out", anchor=event.anchor))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.check_tag(event)
            if len(self.stack) >= MAX_DEPTH:
                self.refuse(event, msg("nested more than {depth} levels deep: no content field needs this",
                                       depth=MAX_DEPTH))
            path, dropped = self.place(event)
            container: Container = {} if isinstance(event, yaml.MappingStartEvent) else []
            self.stack.append(_Frame(container, path, dropped))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.attach(self.stack.pop().container)

    def check_tag(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> None:
        tag = event.tag
        if tag and tag != "!" and tag not in _CORE_TAGS:
            written = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
            self.refuse(event, msg("YAML tag '{tag}' refused: content is plain text, numbers and lists; "
                                   "remove the tag", tag=written))

    def place(self, event: yaml.NodeEvent) -> tuple[DocumentPath, bool]:
        """The path of a value about to start, and whether it is dropped; records its position."""
        path: DocumentPath
        if not self.stack:
            path, dropped = (), False
        else:
            frame = self.stack[-1]
            if isinstance(frame.container, list):
                path, dropped = (*frame.path, len(frame.container)), frame.dropped
            elif frame.key is None:
                self.refuse(event, msg("a key must be plain text, not a list or a mapping"))
            else:
                path, dropped = (*frame.path, frame.key), frame.dropped or frame.duplicate_key
        if not dropped:
            self.values[path] = self.where(event)
        return path, dropped

    def attach(self, value: Any) -> None:
        if not self.stack:
            self.data = value
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
            return
        if not frame.duplicate_key and frame.key is not None:
            frame.container[frame.key] = value
        frame.key, frame.duplicate_key = None, False

    def key(self, frame: _Frame, event: yaml.ScalarEvent) -> None:
        frame.key = key = event.value
        path = (*frame.path, key)
        if frame.dropped:
            return
        if key in frame.container:
            line, column = self.where(event)
            self.duplicates.append((Position(self.file, line, column),
                                    msg("duplicate key '{key}' (first given on line {line}); YAML would "
                                        "silently keep only the last one", key=key, line=self.keys[path][0])))
            frame.duplicate_key = True
        else:
            self.keys[path] = self.where(event)

    def construct(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag or _implicit_tag(event.value, event.implicit)
        build = _SCALARS.get(tag)
        if build is None:
            return event.value  # str, '!' (text), and YAML 1.1 oddities such as '=' (tag:yaml.org,2002:value)
        try:
            return build(yaml.ScalarNode(tag, event.value))
        except ValueError:
            self.refuse(event, msg("'{value}' is not a valid {type}", value=event.value,
                                   type=tag.removeprefix(_YAML_TAG)))

"""Characters a reader cannot see: bidirectional controls, zero-width and control characters.

Text pasted from wires, social media and word processors carries them. In an id, a
name or an alias they make two equal-looking names differ, so matching, links and
search silently fail: an error. In prose they can reorder what a reader sees
(U+202E turns the rest of a line around) or split a word for search: a warning,
since a few (LRM, ZWNJ) are sometimes typed on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .diagnostics import Report, offset_position
from .schemas import field_name
from .yamlfile import YamlDocument

INVISIBLE = re.compile(
    "[\u202a-\u202e\u2066-\u2069"  # bidirectional embeddings, overrides and isolates
    "\u200e\u200f\u061c"  # left-to-right, right-to-left and Arabic letter marks
    "\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e"  # zero-width characters, soft hyphen
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"  # control characters other than tab and line breaks
)
TEXT_FIELDS = frozenset({"title", "summary", "description", "editor_note", "note", "text"})
"""Fields of prose, where an invisible character is a warning; elsewhere it is an error."""


def describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'CONTROL CHARACTER')}"


def shown(text: str, index: int, width: int = 15) -> str:
    """The text around ``index`` with every invisible character made visible, e.g. ⟨U+200B⟩."""
    start, end = max(0, index - width), min(len(text), index + width + 1)
    excerpt = INVISIBLE.sub(lambda m: f"⟨U+{ord(m.group(0)):04X}⟩", text[start:end])
    return f"{'…' if start else ''}{excerpt}{'…' if end < len(text) else ''}".replace("\n", " ")


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield path, str(key)
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def check_values(document: YamlDocument, report: Report) -> None:
    """Every string of a YAML document, keys included."""
    for path, value in _strings(document.data):
        found = INVISIBLE.search(value)
        if found is None:
            continue
        where = document.origin.at(*path)
        name = field_name(path) or "a key"
        what = f"{describe(found.group(0))} in {name}: \"{shown(value, found.start())}\""
        if TEXT_FIELDS.intersection(p for p in path if isinstance(p, str)):
            report.warning(where, f"invisible character {what}; it can reorder or hide text, "
                                  "delete it unless it was meant")
        else:
            report.error(where, f"invisible character {what}; ids, names and aliases must be "
                                "typed plainly, delete it")


def check_prose(file: str, first_line: int, text: str, report: Report) -> None:
    """A warning for each line of ``text`` (starting on ``first_line``) with invisible characters."""
    reported_lines: set[int] = set()
    for found in INVISIBLE.finditer(text):
        position = offset_position(file, first_line, text, found.start())
        if position.line in reported_lines:
            continue
        reported_lines.add(position.line)
        report.warning(position, f"invisible character {describe(found.group(0))}: "
                                 f"\"{shown(text, found.start())}\"; it can reorder or hide text, "
                                 "delete it unless it was meant")

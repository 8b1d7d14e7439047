"""Editing an editor's YAML file in place: one top-level field written anew, every other
line (comments, quoting, order) left as it was, and the result read again, which must
hold the same data but for that field, or nothing is written."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..content.yamlfile import YamlSyntaxError, parse_yaml


class EditError(Exception):
    """The edit cannot be made in place; nothing was written."""


def field_value(text: str, file: str, key: str) -> Any:
    """The value of the top-level ``key`` of the YAML ``text`` (None if absent)."""
    data = _parsed(text, file)
    return data.get(key) if isinstance(data, dict) else None


def with_field(text: str, file: str, key: str, value: Any) -> str:
    """``text`` with the top-level ``key`` set to ``value`` (added at the end if absent),
    or removed when ``value`` is None."""
    data = _parsed(text, file)
    if not isinstance(data, dict):
        raise EditError(f"{file}: not a mapping of fields: edit it by hand")
    lines = text.splitlines(keepends=True)
    ending = "\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n"
    written = [] if value is None else [_dumped(key, value).replace("\n", ending)]
    span = _field_lines(lines, key)
    if span is not None:
        lines[span[0]:span[1]] = written
    elif value is not None:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += ending
        lines += written
    after = "".join(lines)
    expected = {name: item for name, item in data.items() if name != key}
    if value is not None:
        expected[key] = value
    if _parsed(after, file) != expected:
        raise EditError(f"{file}: '{key}' could not be written in place: edit it by hand")
    return after


def _parsed(text: str, file: str) -> Any:
    try:
        return parse_yaml(text, file).data
    except YamlSyntaxError as exc:
        raise EditError(f"{file}:{exc.line}: not YAML: fix it first") from None


def _dumped(key: str, value: Any) -> str:
    """``key: value`` as YAML, lists of plain values on one line (``[a, b]``); a plain value
    so too, rather than as the one-entry mapping ``{key: value}``."""
    flow = None if isinstance(value, list | dict) else False
    return yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, default_flow_style=flow,
                          width=1_000_000)


def _field_lines(lines: list[str], key: str) -> tuple[int, int] | None:
    """The lines the top-level ``key`` and its value take: its own line, then the lines
    indented under it or listing its items at the margin (``- item``), not the blank
    lines and comments after them."""
    start = _key_line(lines, key)
    if start is None:
        return None
    end = start + 1
    last = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line[0].isspace() and not re.match(r"-\s", line):
            break
        end += 1
        if line.strip() and not line.lstrip().startswith("#"):
            last = end
    return start, last


def _key_line(lines: list[str], key: str) -> int | None:
    written = re.compile(rf"""(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*:""")
    for index, line in enumerate(lines):
        if written.match(line.removeprefix("\ufeff")):
            return index
    return None

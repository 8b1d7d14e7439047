"""Rewriting only the text of rendered HTML: never tags, attributes, character references
(``&nbsp;``, ``&#8617;``) or chosen elements."""

from __future__ import annotations

import re
from collections.abc import Callable

_TAG = re.compile(r"(<[^>]*>|&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)")
"""A tag or a character reference: what text rewriting leaves whole."""
_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


def map_text(html: str, skipped: frozenset[str], change: Callable[[str], str]) -> str:
    """Applies ``change`` to each run of text outside the ``skipped`` elements."""
    parts = _TAG.split(html)
    inside: list[str] = []
    for index, part in enumerate(parts):
        if index % 2:
            _track(part, skipped, inside)
        elif part and not inside:
            parts[index] = change(part)
    return "".join(parts)


def _track(tag: str, skipped: frozenset[str], inside: list[str]) -> None:
    name = _NAME.match(tag)
    if not name or name.group(1).lower() not in skipped or tag.endswith("/>"):
        return
    if tag.startswith("</"):
        if inside:
            inside.pop()
    else:
        inside.append(name.group(1).lower())

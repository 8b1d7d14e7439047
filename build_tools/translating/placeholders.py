"""Markdown a translator must not change, shown to them as numbered placeholders.

Link targets (``actor:sdf``, URLs), inline code, footnote references and raw HTML become
``{1}``, ``{2}``…, the brace placeholders of Python's format strings, so that CAT tools
and ``msgfmt --check`` flag a translation that drops or invents one (entries carry the
``python-brace-format`` flag). Literal braces are doubled, as in a format string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROTECTED = re.compile(
    r"(?<=\]\()[^()\s]+(?:\s+\"[^\"]*\")?(?=\))"  # a link's or image's target, and its title
    r"|(`+)[^`].*?\1"  # inline code
    r"|\[\^[^\]\s]+\]"  # a footnote reference
    r"|<[A-Za-z/!][^<>]*>"  # an HTML tag or an autolink
)
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(\d+)\}|[{}]")


class PlaceholderError(Exception):
    pass


@dataclass(frozen=True)
class Masked:
    text: str
    """The text with each protected piece as ``{N}``, counted from 1."""
    pieces: tuple[str, ...]


def _escaped(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def mask(text: str) -> Masked:
    parts: list[str] = []
    pieces: list[str] = []
    end = 0
    for found in PROTECTED.finditer(text):
        pieces.append(found.group(0))
        parts += [_escaped(text[end:found.start()]), f"{{{len(pieces)}}}"]
        end = found.end()
    parts.append(_escaped(text[end:]))
    return Masked("".join(parts), tuple(pieces))


def unmask(translated: str, pieces: tuple[str, ...]) -> str:
    """The translation with its placeholders made the pieces again; each placeholder of
    the original must be there once, and no other."""
    used: list[int] = []

    def restore(found: re.Match[str]) -> str:
        token = found.group(0)
        if token in ("{{", "}}"):
            return token[0]
        if found.group(1) is None:
            raise PlaceholderError(f"a single '{token}': write '{token * 2}' for a brace in the text")
        number = int(found.group(1))
        if not 1 <= number <= len(pieces):
            raise PlaceholderError(f"{token} is not a placeholder of the original")
        used.append(number)
        return pieces[number - 1]

    restored = PLACEHOLDER.sub(restore, translated)
    for number in range(1, len(pieces) + 1):
        if used.count(number) != 1:
            how = "missing" if number not in used else "given more than once"
            raise PlaceholderError(f"placeholder {{{number}}} ({pieces[number - 1]}) is {how}: "
                                   "keep each placeholder of the original once")
    return restored

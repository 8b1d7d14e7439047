"""An article's body as the paragraphs a reader counts, and a fingerprint of each text
that changes with its words, not with how the lines are wrapped."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator

CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
FINGERPRINT_LENGTH = 12
"""Hex digits kept of a SHA-256: enough that two versions of one paragraph never collide."""


def paragraphs(body: str) -> list[str]:
    """The body's blocks, as blank lines separate them, in order; a fenced code block is
    one block even with blank lines inside it."""
    blocks: list[str] = []
    current: list[str] = []
    for line, in_code in code_fenced(body.splitlines()):
        if not in_code and not line.strip():
            _close(blocks, current)
        else:
            current.append(line)
    _close(blocks, current)
    return blocks


def code_fenced(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line, and whether it belongs to a fenced code block (its fences included)."""
    fence: str | None = None
    for line in lines:
        marker = CODE_FENCE.match(line)
        if fence is None:
            fence = marker.group(1)[0] if marker else None
            yield line, marker is not None
        else:
            if marker and marker.group(1)[0] == fence:
                fence = None
            yield line, True


def _close(blocks: list[str], current: list[str]) -> None:
    if current:
        blocks.append("\n".join(current))
        current.clear()


def words(text: str) -> str:
    """The text with every run of white space, line breaks included, made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fingerprint(text: str) -> str:
    """Equal for two texts with the same words in the same order, however wrapped."""
    return hashlib.sha256(words(text).encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]

"""An article's body as the paragraphs a reader counts, and a fingerprint of each text
that changes with its words, not with how the lines are wrapped."""

from __future__ import annotations

import hashlib
import re
import unicodedata

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
FINGERPRINT_LENGTH = 12
"""Hex digits kept of a SHA-256: enough that two versions of one paragraph never collide."""


def paragraphs(body: str) -> list[str]:
    """The body's blocks, as blank lines separate them, in order; a fenced code block is
    one block even with blank lines inside it."""
    blocks: list[str] = []
    current: list[str] = []
    fence: str | None = None
    for line in body.splitlines():
        if fence is None and not line.strip():
            _close(blocks, current)
            continue
        current.append(line)
        marker = FENCE.match(line)
        if marker and fence is None:
            fence = marker.group(1)[0]
        elif marker and marker.group(1)[0] == fence:
            fence = None
    _close(blocks, current)
    return blocks


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

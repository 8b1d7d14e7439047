"""Characters a reader cannot see: bidirectional controls, zero-width and control characters.

Text pasted from wires, social media and word processors carries them. In an id, a
name or an alias they make two equal-looking names differ, so matching, links and
search silently fail. In prose they can reorder what a reader sees (U+202E turns the
rest of a line around) or split a word for search. ``content.sourcefiles`` reports them.
"""

from __future__ import annotations

import re
import unicodedata

from .charsets import BIDI_CONTROLS, CONTROL_CHARACTERS, ZERO_WIDTH

INVISIBLE = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}{CONTROL_CHARACTERS}]")


def describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'CONTROL CHARACTER')}"


def shown(text: str, index: int, width: int = 15) -> str:
    """The text around ``index`` with every invisible character made visible, e.g. ⟨U+200B⟩."""
    start, end = max(0, index - width), min(len(text), index + width + 1)
    excerpt = INVISIBLE.sub(lambda m: f"⟨U+{ord(m.group(0)):04X}⟩", text[start:end])
    return f"{'…' if start else ''}{excerpt}{'…' if end < len(text) else ''}".replace("\n", " ")

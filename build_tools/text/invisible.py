"""Characters a reader cannot see: bidirectional controls, zero-width and control characters;
and characters the site cannot publish at all.

Text pasted from wires, social media and word processors carries them. In an id, a
name or an alias they make two equal-looking names differ, so matching, links and
search silently fail. In prose they can reorder what a reader sees (U+202E turns the
rest of a line around) or split a word for search. ``content.sourcefiles`` reports them.

Some cannot be published whatever the field: control characters (C0 but tab and line
feed, DEL, C1), noncharacters (U+FDD0–U+FDEF and the last two code points of every
plane, U+FFFE, U+1FFFF…) and lone surrogates. XML 1.0 refuses most of them, so a feed
or a sitemap could not be written; the rest are reserved never to be interchanged.
YAML's escapes (``"\\x01"``, ``"\\uFFFE"``) write them without the bytes ever being in
the file, so they are looked for in the parsed values.
"""

from __future__ import annotations

import re
import unicodedata

from .charsets import BIDI_CONTROLS, CONTROL_CHARACTERS, ZERO_WIDTH

INVISIBLE = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}{CONTROL_CHARACTERS}]")

NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}"
                                          for plane in range(0, 0x110000, 0x10000))
"""The 66 code points Unicode reserves never to be interchanged."""
_UNPUBLISHABLE = f"\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{NONCHARACTERS}"
UNPUBLISHABLE_IN_PROSE = re.compile(f"[{_UNPUBLISHABLE}]")
"""What no text may hold: in prose, tab and line feed are text."""
UNPUBLISHABLE = re.compile(f"[\t\n{_UNPUBLISHABLE}]")
"""What no id, name or other single-line value may hold."""
_MADE_VISIBLE = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}\t{_UNPUBLISHABLE}]")


def describe(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return f"U+{code:04X} SURROGATE"
    if UNPUBLISHABLE_IN_PROSE.fullmatch(char) and unicodedata.category(char) == "Cn":
        return f"U+{code:04X} NONCHARACTER"
    return f"U+{code:04X} {unicodedata.name(char, 'CONTROL CHARACTER')}"


def shown(text: str, index: int, width: int = 15) -> str:
    """The text around ``index`` with every invisible character made visible, e.g. ⟨U+200B⟩."""
    start, end = max(0, index - width), min(len(text), index + width + 1)
    excerpt = _MADE_VISIBLE.sub(lambda m: f"⟨U+{ord(m.group(0)):04X}⟩", text[start:end])
    return f"{'…' if start else ''}{excerpt}{'…' if end < len(text) else ''}".replace("\n", " ")

"""Isolating runs of the other script in rendered text so mixed Arabic/English keeps its order.

Inside an Arabic paragraph a Latin name followed by digits or brackets ("SDF) 2017") can
be reordered by the Unicode bidi algorithm; wrapping each opposite-direction run in
``<bdi>`` makes it one unit. Only text between tags is touched, never tags, attributes,
code or existing ``<bdi>``.
"""

from __future__ import annotations

import re

from ..languages import LANGUAGES, direction, other_language
from .charsets import ARABIC_SCRIPT, LATIN_LETTERS
from .htmltext import map_text

_SKIPPED = frozenset({"code", "pre", "script", "style", "bdi", "kbd", "samp"})
_OTHER_SCRIPT_RUNS = {
    # On Arabic pages: Latin words, with the digits, spaces and marks inside the run;
    # on this bilingual site they are English (names, acronyms), so screen readers are told.
    "ar": re.compile(f"[{LATIN_LETTERS}](?:[{LATIN_LETTERS}0-9 .,'’&/-]*[{LATIN_LETTERS}0-9])?"),
    # On English pages: Arabic words, with the spaces between them.
    "en": re.compile(f"[{ARABIC_SCRIPT}]+(?:[ ]+[{ARABIC_SCRIPT}]+)*"),
}


def opening_bdi(lang: str) -> str:
    """The start tag isolating a text in ``lang`` and marking its language and direction."""
    return f'<bdi lang="{lang}" dir="{direction(lang)}">'


_OPENINGS = {lang: opening_bdi(lang) for lang in LANGUAGES}
_OTHER_OPENINGS = {lang: opening_bdi(other_language(lang)) for lang in LANGUAGES}


def isolate_other_script(html: str, lang: str) -> str:
    """``html`` of a page in ``lang`` with each run in the other script isolated."""
    pattern, opening = _OTHER_SCRIPT_RUNS[lang], _OTHER_OPENINGS[lang]
    if not pattern.search(html):
        return html  # most names and many pages: nothing to isolate, nothing to parse
    return map_text(html, _SKIPPED, lambda text: pattern.sub(lambda m: f"{opening}{m.group(0)}</bdi>", text))


def bdi(escaped: str, lang: str) -> str:
    """An (already escaped) text in ``lang``, isolated as a whole and marked with its language."""
    return f"{_OPENINGS[lang]}{isolate_other_script(escaped, lang)}</bdi>"

"""Isolating runs of the other script in rendered text so mixed Arabic/English keeps its order.

Inside an Arabic paragraph a Latin name followed by digits or brackets ("SDF) 2017") can
be reordered by the Unicode bidi algorithm; wrapping each opposite-direction run in
``<bdi>`` makes it one unit. Only text between tags is touched, never tags, attributes,
code or existing ``<bdi>``.
"""

from __future__ import annotations

import re

from .htmltext import map_text

_SKIPPED = frozenset({"code", "pre", "script", "style", "bdi", "kbd", "samp"})
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_RUNS = {
    # On Arabic pages: Latin words, with the digits, spaces and marks inside the run;
    # on this bilingual site they are English (names, acronyms), so screen readers are told.
    "ar": (re.compile(r"[A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f0-9 .,'’&/-]*[A-Za-z\u00c0-\u024f0-9])?"),
           '<bdi lang="en" dir="ltr">'),
    # On English pages: Arabic words, with the spaces between them.
    "en": (re.compile(f"[{_ARABIC}]+(?:[ ]+[{_ARABIC}]+)*"), '<bdi lang="ar" dir="rtl">'),
}


def isolate_other_script(html: str, lang: str) -> str:
    pattern, opening = _RUNS[lang]
    if not pattern.search(html):
        return html  # most names and many pages: nothing to isolate, nothing to parse
    return map_text(html, _SKIPPED, lambda text: pattern.sub(lambda m: f"{opening}{m.group(0)}</bdi>", text))


def bdi(escaped: str, lang: str) -> str:
    """An (already escaped) text in ``lang``, isolated as a whole and marked with its language."""
    direction = "rtl" if lang == "ar" else "ltr"
    return f'<bdi lang="{lang}" dir="{direction}">{isolate_other_script(escaped, lang)}</bdi>'

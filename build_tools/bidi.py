"""Isolating runs of the other script in rendered text so mixed Arabic/English keeps its order.

Inside an Arabic paragraph a Latin name followed by digits or brackets ("SDF) 2017") can
be reordered by the Unicode bidi algorithm; wrapping each opposite-direction run in
``<bdi>`` makes it one unit. Only text between tags is touched, never tags, attributes,
code or existing ``<bdi>``.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"(<[^>]*>)")
_SKIPPED = ("code", "pre", "script", "style", "bdi", "kbd", "samp")
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_RUNS = {
    # On Arabic pages: Latin words, with the digits, spaces and marks inside the run.
    "ar": (re.compile(r"[A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f0-9 .,'’&/-]*[A-Za-z\u00c0-\u024f0-9])?"),
           '<bdi dir="ltr">'),
    # On English pages: Arabic words, with the spaces between them.
    "en": (re.compile(f"[{_ARABIC}]+(?:[ ]+[{_ARABIC}]+)*"), '<bdi lang="ar" dir="rtl">'),
}


def isolate_other_script(html: str, lang: str) -> str:
    pattern, opening = _RUNS[lang]
    parts = _TAG.split(html)
    skipping: list[str] = []
    for index, part in enumerate(parts):
        if index % 2:
            _track(part, skipping)
        elif part and not skipping:
            parts[index] = pattern.sub(lambda m: f"{opening}{m.group(0)}</bdi>", part)
    return "".join(parts)


def _track(tag: str, skipping: list[str]) -> None:
    """Keeps the stack of open elements whose text is left alone."""
    name = re.match(r"</?\s*([a-zA-Z0-9]+)", tag)
    if not name or name.group(1).lower() not in _SKIPPED or tag.endswith("/>"):
        return
    if tag.startswith("</"):
        if skipping:
            skipping.pop()
    else:
        skipping.append(name.group(1).lower())

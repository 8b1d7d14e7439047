"""The stylesheet made from the vocabulary: each event type's colour on its timeline bars
and its swatches (``vocabularies.yml``), so a desk adds or recolours a type there, not
in the CSS. The classes are the type's id; ``check`` holds ids to a vocabulary the schema
lists and colours to ``#RRGGBB``, and both are held to that again here, where they enter CSS."""

from __future__ import annotations

import re

from ..model.settings import Term

STYLESHEET = "assets/event-types.css"
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_COLOUR = re.compile(r"#[0-9a-f]{6}")


def event_type_css(vocabularies: dict[str, dict[str, Term]]) -> str:
    rules = []
    for type_, term in vocabularies.get("event_types", {}).items():
        if term.colour is None or not (_ID.fullmatch(type_) and _COLOUR.fullmatch(term.colour)):
            raise ValueError(f"event type {type_!r} and its colour {term.colour!r} cannot be written into CSS")
        rules.append(f".briefing-timeline__bar--{type_} {{ fill: {term.colour}; }} "
                     f".briefing-swatch--{type_} {{ background: {term.colour}; }}\n")
    return "".join(rules)

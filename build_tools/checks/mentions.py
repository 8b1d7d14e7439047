"""What an article's texts name against what its ``meta.yml`` lists.

The names of every actor and location are found in the title, summary and body of
each language (``text.matcher``). Named but not listed, or listed but named in neither
text, is a warning of ``briefing check``; ``briefing suggest`` shows the same findings
with their counts. A name shared by two entities (``ambiguous_aliases``) counts as a
mention of each and is never reported missing; a listed location also counts as named
when a place inside it is named (an article naming Raqqa may list Syria).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Position, Report, offset_position
from ..messages import msg
from ..model.articles import Article
from ..model.briefing import Briefing
from ..model.kinds import LOCATION, NAMED_IN_TEXT, word
from ..text.markup import mask_markup
from ..text.matcher import Matcher, Mention


@dataclass(frozen=True)
class Found:
    """A mention located in an article: which file, which part, and the text it names."""

    lang: str
    part: str
    """``title``, ``summary`` or ``body``."""
    offset: int
    surface: str
    mention: Mention


def article_mentions(article: Article, matcher: Matcher) -> dict[tuple[str, str], list[Found]]:
    """Every mention in every language text of ``article`` (title, summary and body)."""
    found: dict[tuple[str, str], list[Found]] = defaultdict(list)
    for lang, text in sorted(article.translations.items()):
        for part, content in (("title", text.title), ("summary", text.summary or ""), ("body", text.body)):
            for mention in matcher.find(mask_markup(content), lang):
                found[(mention.kind, mention.id)].append(
                    Found(lang, part, mention.start, content[mention.start:mention.end], mention))
    return found


@dataclass(frozen=True)
class Suggestions:
    """What an article's texts name, against what its meta.yml lists (kind → ids)."""

    counts: dict[str, dict[str, int]]
    missing: dict[str, list[str]]
    unmentioned: dict[str, list[str]]
    found: dict[tuple[str, str], list[Found]]

    def as_dict(self) -> dict[str, Any]:
        plurals = {kind.name: kind.plural for kind in NAMED_IN_TEXT}
        return {**{plurals[kind]: counts for kind, counts in self.counts.items()},
                "missing": {plurals[kind]: ids for kind, ids in self.missing.items()},
                "unmentioned": {plurals[kind]: ids for kind, ids in self.unmentioned.items()}}


def suggest(article: Article, briefing: Briefing, matcher: Matcher) -> Suggestions:
    found = article_mentions(article, matcher)
    counts, missing, unmentioned = {}, {}, {}
    for kind in (k.name for k in NAMED_IN_TEXT):
        counts[kind] = {id_: len(found[(k, id_)]) for k, id_ in sorted(found) if k == kind}
        listed = article.ids(kind)
        missing[kind] = [id_ for id_ in counts[kind]
                         if id_ not in listed and not found[(kind, id_)][0].mention.ambiguous]
        covered = _covered(kind, counts[kind], briefing)
        unmentioned[kind] = [id_ for id_ in listed if id_ in briefing.entities[kind] and id_ not in covered]
    return Suggestions(counts, missing, unmentioned, found)


def _covered(kind: str, named: dict[str, int], briefing: Briefing) -> set[str]:
    """What naming ``named`` counts as naming: a place also names the places it is in."""
    if kind != LOCATION.name:
        return set(named)
    return {place for id_ in named for place in _and_parents(id_, briefing)}


def _and_parents(id_: str | None, briefing: Briefing) -> set[str]:
    places: set[str] = set()
    while id_ is not None and id_ in briefing.locations and id_ not in places:
        places.add(id_)
        id_ = briefing.locations[id_].parent
    return places


def check_mentions(article: Article, briefing: Briefing, matcher: Matcher, report: Report) -> None:
    """Entities ``article`` names but does not list, and lists but names in neither text."""
    result = suggest(article, briefing, matcher)
    for kind, ids in result.missing.items():
        for id_ in ids:
            first = result.found[(kind, id_)][0]
            report.warning(_found_position(article, first),
                           msg("mentions {kind} '{id}' (\"{name}\") but meta.yml does not list it under {field}:",
                               kind=word(kind), id=id_, name=first.surface, field=f"{kind}s"), f"unlisted-{kind}")
    for kind, ids in result.unmentioned.items():
        listed = article.ids(kind)
        inside = msg(" or a place inside it") if kind == LOCATION.name else ""
        for id_ in ids:
            report.warning(article.origin.at(f"{kind}s", listed.index(id_)),
                           msg("lists {kind} '{id}' but neither text names it{inside}", kind=word(kind), id=id_,
                               inside=inside), f"unmentioned-{kind}")


def _found_position(article: Article, found: Found) -> Position:
    text = article.translations[found.lang]
    if found.part != "body":
        start = text.origin.at(found.part)
        return Position(start.file, start.line, start.column + found.offset)
    return offset_position(text.origin.file, text.body_line, text.body, found.offset)

"""Checks of the resolved model: cycles and names shared between entities (as a whole),
and what each article names against what it lists (one article at a time)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from graphlib import CycleError, TopologicalSorter

from .diagnostics import Position, Report, offset_position
from .mentions import Found, Matcher, name_key, suggest
from .model import LANGUAGES, Actor, Article, Briefing, Location


def check_entities(briefing: Briefing, report: Report) -> None:
    locations, actors = briefing.locations, briefing.actors
    _check_cycles({id_: [loc.parent] if loc.parent in locations else []
                   for id_, loc in locations.items()},
                  lambda id_, _: locations[id_].origin.at("parent"), "parent", report)
    _check_cycles({id_: [a.actor for a in actor.affiliations
                         if a.relation == "part-of" and a.actor in actors]
                   for id_, actor in actors.items()},
                  lambda id_, target: _part_of_position(actors[id_], target), "part-of", report)
    _check_shared_aliases("actor", briefing.actors.values(), report)
    _check_shared_aliases("location", briefing.locations.values(), report)


def _check_cycles(edges: dict[str, list[str]], position: Callable[[str, str], Position],
                  relation: str, report: Report) -> None:
    """Reports every cycle once, starting from its smallest id, at that id's edge into it."""
    graph = {node: set(targets) for node, targets in edges.items()}
    while True:
        try:
            TopologicalSorter(graph).prepare()
            return
        except CycleError as exc:
            nodes = exc.args[1][:-1]
        first = nodes.index(min(nodes))
        nodes = nodes[first:] + nodes[:first]
        if len(nodes) > 1 and nodes[1] not in graph[nodes[0]]:
            nodes = [nodes[0], *reversed(nodes[1:])]
        following = nodes[1 % len(nodes)]
        report.error(position(nodes[0], following),
                     f"{relation} cycle: {' → '.join([*nodes, nodes[0]])}")
        graph[nodes[0]].discard(following)


def _part_of_position(actor: Actor, target: str) -> Position:
    index = next(i for i, a in enumerate(actor.affiliations)
                 if a.relation == "part-of" and a.actor == target)
    return actor.origin.at("affiliations", index, "actor")


def _check_shared_aliases(kind: str, entities: Iterable[Actor | Location], report: Report) -> None:
    """Two entities may share a name only if both declare it in ``ambiguous_aliases``.

    Names are compared as the mention matcher reads them, so a clash here is exactly a
    name the matcher could not attribute.
    """
    for lang in LANGUAGES:
        owners: dict[str, tuple[Actor | Location, bool]] = {}
        for entity in sorted(entities, key=lambda e: e.id):
            ambiguous = {name_key(a) for a in entity.names.ambiguous_aliases.get(lang, ())}
            for form in dict.fromkeys(entity.names.all_in(lang)):
                key = name_key(form)
                declared = key in ambiguous
                if key not in owners:
                    owners[key] = (entity, declared)
                    continue
                other, other_declared = owners[key]
                if other.id == entity.id or (declared and other_declared):
                    continue
                report.error(_name_position(entity, form, lang),
                             f"{lang} name '{form}' is also a name of {kind} '{other.id}' "
                             f"({other.origin.file}): if both are meant, list it under "
                             f"ambiguous_aliases.{lang} in both files")


def _name_position(entity: Actor | Location, form: str, lang: str):
    names = entity.names
    for field, table in (("aliases", names.aliases), ("ambiguous_aliases", names.ambiguous_aliases)):
        if form in table.get(lang, ()):
            return entity.origin.at(field, lang, table[lang].index(form))
    field = "name" if names.name.get(lang) == form else "short_name"
    return entity.origin.at(field, lang)


def check_mentions(article: Article, briefing: Briefing, matcher: Matcher, report: Report) -> None:
    """Entities ``article`` names but does not list, and lists but names in neither text."""
    result = suggest(article, briefing, matcher)
    for kind, ids in result.missing.items():
        for id_ in ids:
            first = result.found[(kind, id_)][0]
            report.warning(_found_position(article, first), f"mentions {kind} '{id_}' "
                           f"(\"{first.surface}\") but meta.yml does not list it in {kind}s")
    for kind, ids in result.unmentioned.items():
        listed = getattr(article, f"{kind}s")
        inside = " or a place inside it" if kind == "location" else ""
        for id_ in ids:
            report.warning(article.origin.at(f"{kind}s", listed.index(id_)),
                           f"lists {kind} '{id_}' but neither text names it{inside}")


def _found_position(article: Article, found: Found) -> Position:
    text = article.translations[found.lang]
    if found.part != "body":
        start = text.origin.at(found.part)
        return Position(start.file, start.line, start.column + found.offset)
    return offset_position(text.origin.file, text.body_line, text.body, found.offset)

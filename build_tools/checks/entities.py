"""Checks of the resolved registries as a whole: coordinates, cycles of places and of
groups, and names shared between entities."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from graphlib import CycleError, TopologicalSorter

from ..diagnostics import Position, Report
from ..languages import LANGUAGES
from ..messages import msg
from ..model.briefing import Briefing
from ..model.entities import Actor, Entity, Location
from ..model.kinds import NAMED_IN_TEXT, word
from ..text.folding import name_key


def check_entities(briefing: Briefing, report: Report) -> None:
    locations, actors = briefing.locations, briefing.actors
    for location in locations.values():
        _check_coordinates(location, report)
    _check_cycles({id_: [loc.parent] if loc.parent in locations else []
                   for id_, loc in locations.items()},
                  lambda id_, _: locations[id_].origin.at("parent"), "parent", report)
    _check_cycles({id_: [a.actor for a in actor.affiliations
                         if a.relation == "part-of" and a.actor in actors]
                   for id_, actor in actors.items()},
                  lambda id_, target: _part_of_position(actors[id_], target), "part-of", report)
    for kind in NAMED_IN_TEXT:
        _check_shared_aliases(kind.name, briefing.entities[kind.name].values(), report)


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
                     msg("{relation} cycle: {nodes}", relation=relation, nodes=" → ".join([*nodes, nodes[0]])), "cycle")
        graph[nodes[0]].discard(following)


def _part_of_position(actor: Actor, target: str) -> Position:
    index = next(i for i, a in enumerate(actor.affiliations)
                 if a.relation == "part-of" and a.actor == target)
    return actor.origin.at("affiliations", index, "actor")


def _check_coordinates(location: Location, report: Report) -> None:
    point = location.coordinates
    if point is None or (-90 <= point.lat <= 90 and -180 <= point.lon <= 180):
        return
    swapped = -90 <= point.lon <= 90 and -180 <= point.lat <= 180
    hint = (msg("; lat and lon look swapped (lat: {lat}, lon: {lon}?)", lat=point.lon, lon=point.lat) if swapped
            else "")
    report.error(location.origin.at("coordinates"),
                 msg("coordinates out of range (lat must be within ±90, lon within ±180){hint}", hint=hint),
                 "coordinates-out-of-range")


def _check_shared_aliases(kind: str, entities: Iterable[Entity], report: Report) -> None:
    """Two entities may share a name only if both declare it in ``ambiguous_aliases``.

    Names are compared as the mention matcher reads them, so a clash here is exactly a
    name the matcher could not attribute.
    """
    for lang in LANGUAGES:
        owners: dict[str, tuple[Entity, bool]] = {}
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
                             msg("{lang} name '{name}' is also a name of {kind} '{other}' ({file}): if both "
                                 "are meant, list it under ambiguous_aliases.{lang} in both files", lang=lang,
                                 name=form, kind=word(kind), other=other.id, file=other.origin.file), "shared-name")


def _name_position(entity: Entity, form: str, lang: str) -> Position:
    names = entity.names
    for field, table in (("aliases", names.aliases), ("ambiguous_aliases", names.ambiguous_aliases)):
        if form in table.get(lang, ()):
            return entity.origin.at(field, lang, table[lang].index(form))
    field = "name" if names.name.get(lang) == form else "short_name"
    return entity.origin.at(field, lang)

"""Checks of the resolved registries as a whole: coordinates, cycles of places and of
groups, names shared between entities, and names or ids that only look alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter

from ..diagnostics import Position, Report
from ..languages import LANGUAGES
from ..messages import Message, joined, msg
from ..model.briefing import Briefing
from ..model.entities import Actor, Entity, Location
from ..model.kinds import NAMED_IN_TEXT, REGISTRIES, word
from ..text.confusables import MixedWord, described, differences, mixed_words, skeletons
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
    for kind in REGISTRIES:
        _check_lookalikes(kind.name, briefing.entities[kind.name].values(), report)


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


@dataclass(frozen=True)
class _Label:
    """An entity's id, or one of its names in one language (``lang`` "id" for the id)."""

    entity: Entity
    lang: str
    text: str
    order: int
    mixed: tuple[MixedWord, ...]


def _labels(entities: Iterable[Entity]) -> Iterator[_Label]:
    order = 0
    for entity in sorted(entities, key=lambda e: e.id):
        forms = [("id", entity.id)] + [(lang, form) for lang in LANGUAGES
                                       for form in dict.fromkeys(entity.names.all_in(lang))]
        for lang, form in forms:
            yield _Label(entity, lang, form, order, tuple(mixed_words(form)) if lang != "id" else ())
            order += 1


def _check_lookalikes(kind: str, entities: Iterable[Entity], report: Report) -> None:
    """Warns of a name or id of one entity that looks like another's of the same kind
    (UTS #39 skeletons, compared within one language), and of a name with a word in two
    scripts: "Syrian Arab Аrmy" typed with a Cyrillic "А" beside the real one.

    Each skeleton is computed once and names are grouped by it; in a group, the one
    warned of is not its cleanest label (no mixed word, then first by id) but the others.
    Names the shared-name check already compares as the matcher reads them are left to it.
    """
    groups: dict[tuple[str, int, str], list[_Label]] = {}
    labels = list(_labels(entities))
    for label in labels:
        for rank, skeleton in enumerate(skeletons(label.text)):
            groups.setdefault((label.lang, rank, skeleton), []).append(label)
    warned: set[tuple[int, str]] = set()
    for group in groups.values():
        holder = min(group, key=lambda label: (bool(label.mixed), label.order))
        for label in group:
            if (label.order, holder.entity.id) in warned or not _looks_alike(kind, label, holder):
                continue
            warned.add((label.order, holder.entity.id))
            report.warning(_label_position(label), _lookalike_message(kind, label, holder), "lookalike-name")
    already = {order for order, _ in warned}
    for label in labels:
        if label.mixed and label.order not in already:
            report.warning(_label_position(label), _mixed_message(label), "lookalike-name")


def _looks_alike(kind: str, label: _Label, holder: _Label) -> bool:
    """Whether to warn: two entities, two spellings, and not one name to the matcher (a
    shared-name error, or declared ambiguous, for the kinds it reads)."""
    if label.entity.id == holder.entity.id or label.text == holder.text:
        return False
    read_by_matcher = label.lang != "id" and any(named.name == kind for named in NAMED_IN_TEXT)
    return not (read_by_matcher and name_key(label.text) == name_key(holder.text))


def _lookalike_message(kind: str, label: _Label, holder: _Label) -> Message:
    pieces = joined([msg("{text} for {other}", text=_spelled(text), other=_spelled(other))
                     for text, other in differences(label.text, holder.text)])
    other, file = holder.entity.id, holder.entity.origin.file
    if label.lang == "id":
        return msg("id '{id}' looks like the id of {kind} '{other}' ({file}), written with {pieces}: choose an id "
                   "that cannot be taken for it", id=label.text, kind=word(kind), other=other, file=file,
                   pieces=pieces)
    return msg("{lang} name '{name}' looks like '{other_name}', a name of {kind} '{other}' ({file}), but is "
               "written with {pieces}: if they are one, keep one entry; if not, tell the names apart",
               lang=label.lang, name=label.text, other_name=holder.text, kind=word(kind), other=other,
               file=file, pieces=pieces)


def _spelled(text: str) -> str:
    return " ".join(described(char) for char in text) if text else "''"


def _mixed_message(label: _Label) -> Message:
    words = joined([msg("'{word}' has {strays} among letters of another script", word=mixed.word,
                        strays=joined([described(char) for char in mixed.strays]))
                    for mixed in label.mixed])
    return msg("{lang} name '{name}' mixes scripts in one word ({words}): a letter typed on another keyboard "
               "looks the same but is another letter to search and to the name matcher; retype it in one script",
               lang=label.lang, name=label.text, words=words)


def _label_position(label: _Label) -> Position:
    if label.lang == "id":
        return Position(label.entity.origin.file, 0, 0)
    return _name_position(label.entity, label.text, label.lang)

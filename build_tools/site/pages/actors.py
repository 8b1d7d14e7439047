"""The actors: an index by type, and a page for each actor."""

from __future__ import annotations

from collections import defaultdict

from ...model.entities import Actor, Affiliation
from .. import urls
from .context import LanguagePages
from .entity import entity_page, name_fields, related, timeline, wikidata_field
from .events import events_section
from .indexes import group_pages
from .model import ActorView, Field, Group, Link, PageModel


def actor_pages(pages: LanguagePages) -> list[PageModel]:
    counts = pages.counts("actor")
    by_type: dict[str, list[Link]] = defaultdict(list)
    for actor in pages.briefing.actors.values():
        by_type[actor.type].append(pages.links.entity_link("actor", actor.id, counts[actor.id]))
    groups = [Group(pages.locale.label("actor_types", type_, plural=True),
                    pages.links.sorted_links(by_type[type_]))
              for type_ in pages.config.vocabularies["actor_types"] if by_type[type_]]
    index = group_pages(pages, urls.section(pages.lang, "actors"), "actors", pages.locale.t("actors"), groups)
    affiliated = _affiliated(pages)
    return [*index, *(actor_page(pages, actor, affiliated[actor.id]) for actor in pages.briefing.actors.values())]


def _affiliated(pages: LanguagePages) -> dict[str, list[tuple[Actor, Affiliation]]]:
    """Actor id → the actors affiliated with it, and how (read from their side)."""
    affiliated: dict[str, list[tuple[Actor, Affiliation]]] = defaultdict(list)
    for other in pages.briefing.actors.values():
        for affiliation in other.affiliations:
            affiliated[affiliation.actor].append((other, affiliation))
    return affiliated


def actor_page(pages: LanguagePages, actor: Actor, affiliated: list[tuple[Actor, Affiliation]]) -> PageModel:
    """``affiliated``: the actors that name this one in their affiliations."""
    locale, links = pages.locale, pages.links
    articles = pages.articles_about("actor", actor.id)
    relations = [(locale.label("relations", a.relation), links.entity_link("actor", a.actor))
                 for a in actor.affiliations]
    relations += [(locale.label("relations", a.relation, inverse=True), links.entity_link("actor", other.id))
                  for other, a in affiliated]
    description, description_lang = locale.text(actor.description)
    return entity_page(pages, "actor", actor, description, ActorView(
        fields=[*name_fields(pages, actor.names),
                Field(locale.t("type"), locale.label("actor_types", actor.type), pages.lang),
                *wikidata_field(pages, actor.wikidata)],
        relations=relations, description=description, description_lang=description_lang,
        articles=links.cards(articles),
        co_actors=related(pages, articles, "actor", exclude=actor.id),
        co_locations=related(pages, articles, "location"),
        timeline=timeline(pages, articles),
        events=events_section(pages, pages.events_by_entity[("actor", actor.id)])))

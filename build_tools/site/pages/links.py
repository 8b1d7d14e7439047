"""Links to entities and cards of articles, in one language, each made once.

An article's card is listed on the home page, the archive and the page of each of its
actors, places, sources and tags; an actor's link on every card and panel that names
it. Both are made the first time they are asked for and shared after.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...i18n.locale import Locale
from ...model.articles import Article
from ...model.briefing import Briefing
from .. import urls
from .figures import thumbnail
from .model import ArticleCard, Link, Picture

CARD_ENTITIES = 3
"""Actors and places named on a card, each: the first ones the article lists."""


class EntityLinks:
    def __init__(self, briefing: Briefing, locale: Locale) -> None:
        self.briefing, self.locale = briefing, locale
        self.links: dict[tuple[str, str, int | None], Link] = {}
        self.article_cards: dict[str, ArticleCard] = {}

    def entity_link(self, kind: str, id_: str, count: int | None = None) -> Link:
        """A link to an entity's page, named in the page's language, with ``count`` if given."""
        key = (kind, id_, count)
        if key not in self.links:
            lang = self.locale.lang
            name = self.briefing.entities[kind][id_].names.name.get(lang) or id_
            self.links[key] = Link(name, urls.entity(lang, kind, id_), lang,
                                   None if count is None else self.locale.number(count))
        return self.links[key]

    def sorted_links(self, links: Iterable[Link]) -> list[Link]:
        """By name, in the collation of each name's language."""
        return sorted(links, key=lambda link: self.locale.sort_key(link.text, link.lang))

    def card(self, article: Article) -> ArticleCard:
        if article.id not in self.article_cards:
            self.article_cards[article.id] = self._card(article)
        return self.article_cards[article.id]

    def cards(self, articles: Iterable[Article]) -> list[ArticleCard]:
        """Cards of articles, in the given order."""
        return [self.card(article) for article in articles]

    def _card(self, article: Article) -> ArticleCard:
        lang = self.locale.lang
        shown = article.text_in(lang)
        return ArticleCard(
            link=Link(shown.title or self.locale.t("untitled_draft"), urls.entity(lang, "article", article.id),
                      shown.lang),
            date=self.locale.date(article.date),
            date_iso=article.date.isoformat(),
            summary=shown.summary,
            actors=[self.entity_link("actor", id_) for id_ in article.actors[:CARD_ENTITIES]],
            locations=[self.entity_link("location", id_) for id_ in article.locations[:CARD_ENTITIES]],
            draft=article.is_draft,
            pending=shown.lang != lang,
            thumbnail=self._thumbnail(article),
        )

    def _thumbnail(self, article: Article) -> Picture | None:
        lead = article.lead_photo
        return thumbnail(lead) if lead else None

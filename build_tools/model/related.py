"""Related articles: for each article, the others that share the most actors and places
with it, which its page offers to read next."""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence

from .articles import Article
from .kinds import ACTOR, LOCATION

RELATED = 3
"""How many related articles a page offers."""
SHARED_KINDS = (ACTOR.name, LOCATION.name)
WINDOW = 100
"""The candidates of an article are the articles listed within WINDOW of it (before or
after) about one of its actors or places; each is weighed by all it shares. The work stays
bounded when an archive of thousands of articles names the same country in each, and of
articles sharing as much, the nearest in time are the ones kept anyway; with no more than
WINDOW articles about anything, the choice is exact."""

Listing = dict[tuple[str, str], list[Article]]
"""(kind, id) → the articles about it, in one order (``briefing.articles_by_entity``)."""


def related_articles(articles: Sequence[Article], listing: Listing) -> dict[str, tuple[Article, ...]]:
    """Article id → up to ``RELATED`` other ``articles`` sharing at least one actor or
    place with it: those sharing the most first, then the nearest in date, then by id."""
    by_id = {article.id: article for article in articles}
    about = {article.id: frozenset(_about(article)) for article in articles}
    day = {article.id: article.date.earliest.toordinal() for article in articles}
    positions = {key: {article.id: index for index, article in enumerate(listed)}
                 for key, listed in listing.items() if key[0] in SHARED_KINDS}
    found = {}
    for article in articles:
        mine, today = about[article.id], day[article.id]
        ranked = [(-len(mine & about[other]), abs(day[other] - today), other)
                  for other in _neighbours(article, listing, positions)]
        found[article.id] = tuple(by_id[other] for *_, other in heapq.nsmallest(RELATED, ranked))
    return found


def _about(article: Article) -> Iterator[tuple[str, str]]:
    for kind in SHARED_KINDS:
        for id_ in article.ids(kind):
            yield kind, id_


def _neighbours(article: Article, listing: Listing, positions: dict[tuple[str, str], dict[str, int]]) -> set[str]:
    """The other articles listed within WINDOW of this one about one of its actors or places."""
    near: set[str] = set()
    for key in _about(article):
        at = positions[key][article.id]
        near.update(other.id for other in listing[key][max(0, at - WINDOW):at + WINDOW + 1])
    near.discard(article.id)
    return near

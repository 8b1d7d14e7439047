"""The briefing as one build publishes it: what is out is decided here, once.

An article is out unless it is a draft or scheduled after the build's instant
(``Briefing.now``); a preview (``briefing build --drafts``, ``mkdocs serve``) shows those
too. Pages, feeds, open data, redirects and media all take this view, never the
briefing's whole list of articles, so no output can disagree with another about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .articles import Article
from .briefing import Briefing


@dataclass(frozen=True)
class Published:
    briefing: Briefing
    """Every entity is published; its articles only as far as ``articles`` lists them."""
    drafts: bool = False
    """Drafts and articles not yet out are shown too (a preview), each with its banner."""
    articles: tuple[Article, ...] = field(init=False)
    """The articles the site shows, in the briefing's order."""

    def __post_init__(self) -> None:
        now = self.briefing.now
        shown = tuple(article for article in self.briefing.articles.values() if self.drafts or article.is_out(now))
        object.__setattr__(self, "articles", shown)

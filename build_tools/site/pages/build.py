"""All page models of the site, language by language, page kind by page kind."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ...model.kinds import ACTOR, EVENT, IN_NAVIGATION, LOCATION, SOURCE, TAG
from ...model.published import Published
from ...model.settings import SiteConfig
from .actors import actor_pages
from .archive import archive_pages
from .article import ArticlePages, article_pages
from .context import LanguagePages
from .events import events_pages
from .home import home_pages
from .locations import location_pages
from .model import PageModel
from .search import search_page
from .sources import source_pages, tag_pages

KIND_PAGES: dict[str, Callable[[LanguagePages], list[PageModel]]] = {
    ACTOR.name: actor_pages, LOCATION.name: location_pages, EVENT.name: events_pages, SOURCE.name: source_pages,
    TAG.name: tag_pages}
"""The pages of each kind in the navigation: its index, and a page for each of its entries.
The articles' pages are made apart (a preview keeps them from one build to the next)."""


def build_pages(published: Published, config: SiteConfig, languages: Iterable[str] | None = None,
                made: ArticlePages | None = None) -> list[PageModel]:
    """The pages of ``languages`` (default: every language of the site).

    ``made`` carries article pages from one call to the next (the rebuilds of a preview):
    an article page depends only on its article, the articles it offers to read next, the
    registries and the site's configuration, and a preview reads every article again (a
    new object) whenever a registry or the configuration changes; so a page made from the
    very same article objects is reused as it is.
    """
    made = made if made is not None else {}
    result: list[PageModel] = []
    for lang in languages or config.languages:
        pages = LanguagePages(published, config, lang)
        others = [*home_pages(pages), *article_pages(pages, made)]
        for kind in IN_NAVIGATION:
            others += KIND_PAGES[kind.name](pages)
        others += archive_pages(pages)
        result += [*others, search_page(pages, others)]
    return result

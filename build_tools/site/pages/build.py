"""All page models of the site, language by language, page kind by page kind."""

from __future__ import annotations

from collections.abc import Iterable

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
        others = [*home_pages(pages), *article_pages(pages, made), *actor_pages(pages), *location_pages(pages),
                  *events_pages(pages), *source_pages(pages), *tag_pages(pages), *archive_pages(pages)]
        result += [*others, search_page(pages, others)]
    return result

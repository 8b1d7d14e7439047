"""A language's home page: the latest articles, and the older ones on pages of ``articles_per_page``."""

from __future__ import annotations

from ...model.articles import Article
from .. import urls
from .context import LanguagePages
from .model import HomeView, PageModel, Pagination


def home_chunks(articles: list[Article], size: int) -> list[list[Article]]:
    """The articles (newest first) of the home page, then of each older page, newest first.

    Older pages are filled from the oldest article, ``size`` each, and the home page
    holds the rest (``size`` to twice as many less one): a new article changes the home
    page only, and every ``size`` articles adds an older page, so a page's address keeps
    its articles and an incremental build renders one page, not all of them.
    """
    older = max(0, len(articles) // size - 1)
    shown = len(articles) - older * size
    return [articles[:shown], *(articles[start:start + size] for start in range(shown, len(articles), size))]


def home_pages(pages: LanguagePages) -> list[PageModel]:
    """The home page (``ar/``), then the older pages; ``page/2/`` holds the oldest articles."""
    chunks = home_chunks(pages.articles, pages.config.articles_per_page)
    addresses = [urls.home(pages.lang)] + [urls.home(pages.lang, len(chunks) + 1 - index)
                                           for index in range(1, len(chunks))]
    heading = pages.locale.t("latest_articles")
    result = []
    for index, chunk in enumerate(chunks):
        cards = pages.links.cards(chunk)
        label = _dates(pages, cards[0].date, cards[-1].date) if cards else heading
        pagination = Pagination(addresses[index - 1] if index else None,
                                addresses[index + 1] if index + 1 < len(chunks) else None, label)
        view = HomeView(heading=heading, articles=cards, pagination=pagination)
        result.append(pages.page(addresses[index], "home", pages.config.name.get(pages.lang) or "", view,
                                 feed=urls.feed(addresses[0])))
    return result


def _dates(pages: LanguagePages, newest: str, oldest: str) -> str:
    """"Briefings from 1 August 2017 to 20 August 2017": the dates of a page's articles."""
    if newest == oldest:
        return pages.locale.t("articles_of", date=newest)
    return pages.locale.t("articles_between", oldest=oldest, newest=newest)

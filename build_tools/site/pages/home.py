"""The two pages of a language about no content in particular: the home page (the
latest articles, ``articles_per_page`` a page) and the search page."""

from __future__ import annotations

import math

from .. import urls
from .context import LanguagePages
from .model import HomeView, PageModel


def home_pages(pages: LanguagePages) -> list[PageModel]:
    locale, size = pages.locale, pages.config.articles_per_page
    first = urls.home(pages.lang)
    total = max(1, math.ceil(len(pages.articles) / size))
    result = []
    for number in range(1, total + 1):
        view = HomeView(heading=locale.t("latest_articles"),
                        articles=pages.links.cards(pages.articles[(number - 1) * size:number * size]),
                        pagination=pages.pagination(first, number, total))
        result.append(pages.page(urls.home(pages.lang, number), "home", pages.config.name.get(pages.lang) or "",
                                 view, feed=urls.feed(first)))
    return result


def search_page(pages: LanguagePages) -> PageModel:
    return pages.page(urls.section(pages.lang, "search"), "search", pages.locale.t("search"), None)

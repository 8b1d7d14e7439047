"""The two pages of a language about no content in particular: the home page (the
latest articles, ``articles_per_page`` a page) and the search page."""

from __future__ import annotations

import math

from ...model.kinds import ARTICLE, REGISTRIES
from .. import urls
from .context import LanguagePages
from .model import HomeView, PageModel, SearchView


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


SEARCH_STRINGS = ("search_none", "search_count_one", "search_count_two", "search_count_few", "search_count_many",
                  "search_count_other", "search_failed")
"""The interface strings the search page's script writes with."""


def search_page(pages: LanguagePages) -> PageModel:
    strings = {key: pages.locale.t(key) for key in SEARCH_STRINGS}
    strings["numbering"] = "arab" if pages.lang == "ar" and pages.locale.arabic_digits == "arab" else "latn"
    shown = {ARTICLE.name: bool(pages.articles)} | {kind.name: bool(pages.briefing.entities[kind.name])
                                                    for kind in REGISTRIES}
    groups = tuple(group for group, kinds in urls.SEARCH_GROUPS.items() if any(shown[kind.name] for kind in kinds))
    return pages.page(urls.section(pages.lang, "search"), "search", pages.locale.t("search"),
                      SearchView(strings, groups))

"""The archive: an index by year of the months that have articles, and a page per month
(or per year, for articles dated only to the year)."""

from __future__ import annotations

from collections import defaultdict

from ...model.articles import Article
from .. import urls
from .context import LanguagePages
from .indexes import group_pages
from .model import ArticlesView, Group, Link, PageModel
from .sources import ARTICLES_TEMPLATE

Period = tuple[int, int | None]
"""A year and a month, or a year whose months are unknown (None)."""


def archive_pages(pages: LanguagePages) -> list[PageModel]:
    periods: dict[Period, list[Article]] = defaultdict(list)
    for article in pages.articles:
        periods[(article.date.year, article.date.month)].append(article)
    period_pages, by_year = [], defaultdict(list)
    for (year, month), articles in sorted(periods.items(), key=_period_order, reverse=True):
        label = pages.locale.period_label(year, month)
        url = urls.archive_period(pages.lang, year, month)
        by_year[year].append(Link(label, url, pages.lang, pages.locale.number(len(articles))))
        period_pages.append(pages.page(url, "archive-period", label, ArticlesView(pages.links.cards(articles)),
                                       template=ARTICLES_TEMPLATE))
    index = group_pages(pages, urls.section(pages.lang, "archive"), "archive", pages.locale.t("archive"),
                        [Group(pages.locale.number(year), links) for year, links in by_year.items()])
    return [*index, *period_pages]


def _period_order(period: tuple[Period, list[Article]]) -> tuple[int, int]:
    """Periods in time order, a year's unknown months before its first month."""
    (year, month), _ = period
    return year, month or 0

"""A language's search page, and the Pagefind bundles its script loads.

Each group of results (``urls.SEARCH_GROUPS``) is indexed in bundles of at most
``BUNDLE_PAGES`` pages, which the script merges into one search. The articles are shared
out from the oldest, so that publishing an article changes only the last bundle, and an
incremental build indexes that one again and reuses the others (``publish.search``).
"""

from __future__ import annotations

from ...model.kinds import ARTICLE, REGISTRIES
from .. import urls
from .context import LanguagePages
from .model import PageModel, SearchBundle, SearchView

BUNDLE_PAGES = 2000
"""Pages of one bundle: what publishing an article indexes again at most, against one
more bundle's entry, metadata and index chunk for a reader's first query."""
SEARCH_STRINGS = ("search_none", "search_count_one", "search_count_two", "search_count_few", "search_count_many",
                  "search_count_other", "search_failed")
"""The interface strings the search page's script writes with."""


def search_page(pages: LanguagePages, others: list[PageModel]) -> PageModel:
    """The search page of the language whose other pages are ``others``."""
    strings = {key: pages.locale.t(key) for key in SEARCH_STRINGS}
    strings["numbering"] = pages.locale.numbering
    shown = {ARTICLE.name: bool(pages.articles)} | {kind.name: bool(pages.briefing.entities[kind.name])
                                                    for kind in REGISTRIES}
    groups = tuple(group for group, kinds in urls.SEARCH_GROUPS.items() if any(shown[kind.name] for kind in kinds))
    bundles = tuple(bundle for group in groups for bundle in search_bundles(group, others))
    return pages.page(urls.section(pages.lang, "search"), "search", pages.locale.t("search"),
                      SearchView(strings, groups, bundles))


def search_bundles(group: str, others: list[PageModel]) -> list[SearchBundle]:
    """The bundles of ``group`` among a language's pages: those of its kinds (not their
    indexes), the articles from the oldest."""
    kinds = {kind.name for kind in urls.SEARCH_GROUPS[group]}
    found = [page.url for page in others if page.kind in kinds]
    if group == "articles":
        found.reverse()  # the pages come newest first
    parts = [tuple(found[start:start + BUNDLE_PAGES]) for start in range(0, len(found), BUNDLE_PAGES)]
    return [SearchBundle(group, group if number == 1 else f"{group}-{number}", part)
            for number, part in enumerate(parts, start=1)]

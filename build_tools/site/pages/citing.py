"""How to cite an article: the reference shown under it in the page's language, and the
``citation_*`` meta tags that reference managers (Zotero) and Google Scholar read.

The reference gives what a reader needs to find the text again, in the order both
languages cite a web page: title, desk, date of publication, permanent address; the date
the reader accessed it is theirs to add. The address is the page's under ``base_url``,
which its redirects keep working when an article is renamed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model.articles import Article
from .. import urls

if TYPE_CHECKING:  # the context's pages are built from models that hold this one
    from .context import LanguagePages


@dataclass(frozen=True)
class CitationView:
    title: str
    title_lang: str
    publisher: str
    """The desk: the site's name in the page's language."""
    date: str
    """The date of publication as the page writes it."""
    date_iso: str
    url: str
    """The permanent address, absolute."""
    meta: tuple[tuple[str, str], ...]
    """(name, content) of each ``citation_*`` meta tag, in the order written."""


def citation_view(pages: LanguagePages, article: Article) -> CitationView:
    shown = article.text_in(pages.lang)
    publisher = pages.config.name.get(pages.lang) or pages.config.name.get(pages.locale.other) or ""
    url = pages.config.base_url + urls.entity(pages.lang, "article", article.id)
    authors = []
    for author in article.authors:
        text, _ = pages.locale.text(pages.config.byline(author))
        authors.append(("citation_author", text or author))
    meta = (("citation_title", shown.title), *authors,
            ("citation_publication_date", article.date.isoformat().replace("-", "/")),
            ("citation_language", shown.lang), ("citation_publisher", publisher), ("citation_public_url", url))
    return CitationView(shown.title, shown.lang, publisher, pages.locale.date(article.date),
                        article.date.isoformat(), url, meta)

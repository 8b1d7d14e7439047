"""Article pages: the text in the page's language (or a notice that it is pending), the
facts panel, corrections and the editor's note."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_time, get_timezone_gmt

from ...diagnostics import Diagnostic
from ...i18n.formats import digits
from ...i18n.locale import Locale
from ...languages import language
from ...messages import said_in
from ...model.articles import Article, Citation, Correction
from ...model.dates import PartialDate
from ...model.kinds import NAMED_IN_TEXT
from ...model.translations import Status
from .. import urls
from ..structured import article_ld
from .citing import citation_view
from .context import LanguagePages
from .events import event_view
from .figures import picture, placed_photo_markdown
from .model import ArticleView, CitedSource, DatedText, DocumentLink, Gap, Link, Name, PageModel, Picture

ArticlePages = dict[tuple[str, str], tuple[tuple[Article, ...], PageModel]]
"""Article pages already made, by language and id, with what they were made from: the
article, then the articles they offer to read next."""


def article_pages(pages: LanguagePages, made: ArticlePages) -> list[PageModel]:
    """The page of every published article; one made from the very same ``Article``
    objects before (see ``build.build_pages``) is reused as it is."""
    result = []
    for article in pages.articles:
        made_from = (article, *pages.related[article.id])
        before, page = made.get((pages.lang, article.id), ((), None))
        if page is None or not _same_objects(before, made_from) or page.scheduled != scheduled_banner(pages, article):
            page = article_page(pages, article)
            made[(pages.lang, article.id)] = (made_from, page)
        result.append(page)
    return result


def _same_objects(before: tuple[Article, ...], now: tuple[Article, ...]) -> bool:
    """Whether the article objects are the very same ones (an article read again is a new one)."""
    return len(before) == len(now) and all(a is b for a, b in zip(before, now, strict=True))


def article_page(pages: LanguagePages, article: Article) -> PageModel:
    locale, links = pages.locale, pages.links
    card = links.card(article)
    translation = article.translations.get(pages.lang)
    note, note_lang = locale.text(article.editor_note)
    body = translation.body if translation else ""
    markdown, placed = placed_photo_markdown(body, article, card.link.url)
    lead = article.lead_photo
    view = ArticleView(
        card=card,
        pending=translation is None,
        reading_time=locale.counted("reading_time", reading_minutes(body, pages.lang)) if translation else None,
        authors=_byline(pages, article),
        updated=locale.date(article.updated) if article.updated else None,
        updated_iso=article.updated.isoformat() if article.updated else None,
        actors=[links.entity_link("actor", id_) for id_ in article.actors],
        locations=[links.entity_link("location", id_) for id_ in article.locations],
        sources=[_cited(pages, citation) for citation in article.sources],
        tags=[links.entity_link("tag", id_) for id_ in article.tags],
        editor_note=note, editor_note_lang=note_lang,
        corrections=[_correction(pages, correction) for correction in article.corrections],
        mention_targets={(kind.name, id_): urls.entity(pages.lang, kind.name, id_)
                         for kind in NAMED_IN_TEXT for id_ in article.ids(kind.name)},
        figures=_figures(article, placed, locale),
        lead_figure=picture(lead, locale) if lead and lead.file not in placed and translation else None,
        documents=_documents(article, pages),
        events=[event_view(pages, event, with_article=False) for event in article.events],
        stale_original=_stale_original(article, pages.lang),
        citation=citation_view(pages, article),
        related=links.cards(pages.related[article.id]))
    return pages.page(card.link.url, "article", card.link.text, view, title_lang=card.link.lang,
                      markdown=markdown, draft=article.is_draft, scheduled=scheduled_banner(pages, article),
                      description=card.summary,
                      to_fill=tuple(_gap(gap, pages.lang) for gap in article.gaps),
                      image=picture(lead, locale, captioned=False) if lead else None,
                      json_ld=article_ld(article, pages.lang, pages.briefing, pages.config),
                      searchable=(card.link.text, card.summary, body), names=_names(pages, article))


def _names(pages: LanguagePages, article: Article) -> list[str]:
    """The names of the actors and places the article concerns, in every language: search
    finds it by them, as written in either (an Arabic query on the English edition)."""
    names = []
    for kind in NAMED_IN_TEXT:
        registry = pages.briefing.entities[kind.name]
        for id_ in article.ids(kind.name):
            if id_ in registry:
                names += registry[id_].names.every()
    return names


def _byline(pages: LanguagePages, article: Article) -> list[Name | str]:
    """The authors' names in the page's language (else the other), listed as it lists."""
    names = []
    for author in article.authors:
        text, lang = pages.locale.text(pages.config.byline(author))
        names.append(Name(text or author, lang))
    return pages.locale.listed(names)


def reading_minutes(text: str, lang: str) -> int:
    """Minutes a reader takes over ``text``, at least one."""
    return max(1, round(len(text.split()) / language(lang).words_per_minute))


def scheduled_banner(pages: LanguagePages, article: Article) -> str | None:
    """When an article scheduled after the build's instant goes out, written in the page's
    language with its zone: the preview's banner (a draft has its own, and goes out never)."""
    if article.is_draft or article.publish_at is None or not article.waiting(pages.briefing.now):
        return None
    locale = pages.locale
    return locale.t("scheduled_banner", date=locale.date(_day(article.publish_at)),
                    time=digits(format_time(article.publish_at, "short", tzinfo=article.publish_at.tzinfo,
                                            locale=locale.date_locale), locale.lang, locale.arabic_digits),
                    zone=digits(get_timezone_gmt(article.publish_at, "long", locale=locale.date_locale),
                                locale.lang, locale.arabic_digits))


def _day(instant: dt.datetime) -> PartialDate:
    return PartialDate(instant.year, instant.month, instant.day)


def _gap(gap: Diagnostic, lang: str) -> Gap:
    """Where the gap is, from the article's folder (``ar.md:2``), and what to fill in."""
    file = gap.position.file.rsplit("/", 1)[-1]
    return Gap(f"{file}:{gap.position.line}" if gap.position.line else file, said_in(gap.message, lang))


def _stale_original(article: Article, lang: str) -> Link | None:
    if article.translation_state(lang).status is not Status.STALE:
        return None
    original = article.translations[article.original]
    return Link(original.title, urls.entity(original.lang, "article", article.id), original.lang)


def _figures(article: Article, placed: set[str], locale: Locale) -> dict[str, Picture]:
    figures = {}
    for photo in article.photos:
        if photo.file in placed:
            shown = picture(photo, locale)
            figures[shown.src] = shown
    return figures


def _correction(pages: LanguagePages, correction: Correction) -> DatedText:
    """Its text in the page's language, else in the other one."""
    text, lang = pages.locale.text(correction.text)
    return DatedText(pages.locale.date(correction.date), correction.date.isoformat(), text or "", lang)


def _cited(pages: LanguagePages, citation: Citation) -> CitedSource:
    links = pages.links
    source = pages.briefing.sources[citation.source]
    note, _ = pages.locale.text(citation.note)
    return CitedSource(links.entity_link("source", citation.source), pages.reliability(source.reliability),
                       links.entity_link("source", citation.via) if citation.via else None,
                       note, citation.url)


def _documents(article: Article, pages: LanguagePages) -> list[DocumentLink]:
    found = []
    for document in article.documents:
        title, title_lang = pages.locale.text(document.title)
        source = pages.links.entity_link("source", document.source) if document.source else None
        found.append(DocumentLink(title or document.file, title_lang, document.path,
                                  pages.locale.file_size(document.size), source))
    return found

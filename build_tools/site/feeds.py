"""Atom feeds per language: the latest articles, and those of each actor and location.

Atom needs a full timestamp; an article dated to the month or year is given the first
day of it (the feed's own date field, not shown as the article's date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from ..model.articles import Article
from ..model.briefing import articles_by_entity
from ..model.dates import PartialDate
from ..model.kinds import REGISTRIES
from ..model.media import Photo
from ..model.published import Published
from ..model.settings import SiteConfig
from . import urls

LATEST = 50


def _timestamp(date: PartialDate) -> dt.datetime:
    return dt.datetime.combine(date.earliest, dt.time(), tzinfo=dt.UTC)


MadeFeeds = dict[str, tuple[tuple[str, list[Article]], bytes]]
"""Feeds already made, by path, with the title and articles they were made from."""


def _latest(articles: Iterable[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date.earliest, a.id), reverse=True)[:LATEST]


def atom(title: str, page_url: str, lang: str, latest: list[Article], config: SiteConfig) -> bytes:
    """The feed of ``latest`` (newest first, see ``_latest``)."""
    base = config.base_url
    feed = FeedGenerator()
    feed.id(base + urls.feed(page_url))
    feed.title(title)
    feed.language(lang)
    feed.link(href=base + page_url, hreflang=lang)  # rel="alternate", feedgen's default
    feed.link(href=base + urls.feed(page_url), rel="self")
    feed.author({"name": config.name.get(lang)})
    feed.subtitle(config.description.get(lang))
    if any(article.lead_photo for article in latest):
        feed.load_extension("media")  # Media RSS, which feed readers show as the entry's picture
    newest = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    for article in reversed(latest):  # feedgen lists the last added entry first
        text = article.text_in(lang)
        url = base + urls.entity(lang, "article", article.id)
        entry = feed.add_entry()
        entry.id(url)
        entry.title(text.title or config.strings[lang]["untitled_draft"])  # a draft in the preview
        entry.link(href=url)  # feedgen 1.0.0 drops an entry link's hreflang (and rel, type)
        entry.published(_timestamp(article.date))
        entry.updated(_timestamp(article.updated or article.date))
        if text.summary:
            entry.summary(text.summary)
        for author in article.authors:
            entry.author({"name": config.author_name(author, lang)})
        if article.lead_photo:
            _with_photo(entry, article.lead_photo, base)
        newest = max(newest, _timestamp(article.updated or article.date))
    feed.updated(newest)
    document: bytes = feed.atom_str(pretty=True)
    return document


def _with_photo(entry: FeedEntry, photo: Photo, base: str) -> None:
    shown = photo.fallback()
    size = {"width": str(shown.width), "height": str(shown.height)}
    entry.media.content(url=base + shown.path, type=shown.mime_type, medium="image", **size)
    entry.media.thumbnail(url=base + shown.path, **size)


def _made_from(made: tuple[str, list[Article]], title: str, latest: list[Article]) -> bool:
    """Whether a feed was made from this title and from these very articles, in this order."""
    made_title, made_from = made
    return made_title == title and len(made_from) == len(latest) and all(
        old is new for old, new in zip(made_from, latest, strict=True))


def site_feeds(published: Published, config: SiteConfig, languages: Iterable[str],
               made: MadeFeeds | None = None) -> dict[str, bytes]:
    """Path → Atom document: per language, the site, every actor and every location.

    ``made`` carries feeds from one call to the next (a preview's rebuilds): a feed whose
    title and articles (the very same objects, see ``pages.build_pages``) are those it
    was made from is reused.
    """
    made = {} if made is None else made
    briefing, articles = published.briefing, published.articles
    listing = articles_by_entity(articles)
    feeds: dict[str, bytes] = {}

    def feed(title: str, page: str, lang: str, listed: Sequence[Article]) -> None:
        path, latest = urls.feed(page), _latest(listed)
        kept = made.get(path)
        if kept is None or not _made_from(kept[0], title, latest):
            kept = ((title, latest), atom(title, page, lang, latest, config))
            made[path] = kept
        feeds[path] = kept[1]

    for lang in languages:
        site_name = config.name.get(lang) or ""
        feed(site_name, urls.home(lang), lang, articles)
        for kind in (k for k in REGISTRIES if k.followed):
            for entity in briefing.entities[kind.name].values():
                feed(f"{entity.names.name.get(lang)} – {site_name}", urls.entity(lang, kind.name, entity.id), lang,
                     listing[(kind.name, entity.id)])
    return feeds

"""The whole site as data: every generated file, with what it was made from.

A generator adapter (``mkdocs.plugin``) only wraps these: the page models' Markdown
sources, to be rendered through templates; feeds, open data and the root page, as
they are; libraries copied from their packages. Under a preview the memo carries what
was made before, so that what is made from the same objects is reused (``Memo``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ..languages import direction
from ..model.published import Published
from ..model.settings import SiteConfig
from . import urls
from .edition import Edition
from .feeds import MadeFeeds, site_feeds
from .headers import with_policy_meta
from .opendata import export_files
from .pages.article import ArticlePages
from .pages.build import build_pages
from .pages.model import EventsView, PageModel
from .redirects import REDIRECTS_FILE, redirect_pages, redirects_file
from .styles import STYLESHEET, event_type_css
from .vendor import vendored_files

DATA_DIR = "data"
ROOT_PAGE = "index.html"


@dataclass(frozen=True)
class GeneratedFile:
    path: str
    """Where it goes in the site; for a page, its Markdown source (``ar/actors/sdf/index.md``)."""
    content: str | bytes
    made_from: object
    """What it is made from, compared with the previous build's to tell whether it changed."""


@dataclass
class Memo:
    """What a preview keeps from one build to the next (see ``build_pages``, ``site_feeds``)."""

    article_pages: ArticlePages = field(default_factory=dict)
    feeds: MadeFeeds = field(default_factory=dict)


@dataclass(frozen=True)
class SiteFiles:
    pages: list[PageModel]
    generated: list[GeneratedFile]
    copied: dict[str, Path]
    """Site path → an installed file copied as it is (front-end libraries)."""
    editions: dict[str, Edition]


def assemble_site(published: Published, config: SiteConfig, languages: Iterable[str], *, shared: bool,
                  site_url: str, memo: Memo | None = None) -> SiteFiles:
    """The files of ``languages``; with ``shared``, also those of no language (the root
    page, open data, libraries). ``site_url``: the address the site is published at."""
    languages = tuple(languages)
    memo = memo or Memo()
    pages = build_pages(published, config, languages, memo.article_pages)
    generated = [GeneratedFile(page.src_uri, page.markdown, page) for page in pages]
    generated += event_data_files(pages)
    moved = redirect_pages(published, config, languages)
    generated += [GeneratedFile(path, html, html) for path, html in moved.items()]
    feeds = site_feeds(published, config, languages, memo.feeds)
    generated += [GeneratedFile(path, feed, feed) for path, feed in feeds.items()]
    copied: dict[str, Path] = {}
    if shared:
        root = with_policy_meta(root_page(config, site_url), config.map_tiles["url"])
        generated.append(GeneratedFile(ROOT_PAGE, root, root))
        redirects = redirects_file(published, config)
        generated.append(GeneratedFile(REDIRECTS_FILE, redirects, redirects))
        styles = event_type_css(config.vocabularies)
        generated.append(GeneratedFile(STYLESHEET, styles, styles))
        data = export_files(published, config.base_url, config.vocabularies)
        generated += [GeneratedFile(f"{DATA_DIR}/{name}", content, content) for name, content in data.items()]
        if config.share_image:
            share = config.share_image
            generated.append(GeneratedFile(urls.share_image(share.suffix), share.content, share.content))
        copied = vendored_files()
    editions = {lang: Edition.of(config, lang) for lang in languages}
    return SiteFiles(pages, generated, copied, editions)


def event_data_files(pages: list[PageModel]) -> list[GeneratedFile]:
    """The events of each period of the events pages, one JSON file each, fetched by their script."""
    files = []
    for page in pages:
        if isinstance(page.view, EventsView):
            for period in page.view.periods:
                data = json.dumps(period.records, ensure_ascii=False, separators=(",", ":"))
                files.append(GeneratedFile(period.data, data, data))
    return files


def root_page(config: SiteConfig, site_url: str) -> str:
    """The site root sends readers to the default language and names both."""
    default = config.default_language
    links = "".join(
        f'<li><a href="{urls.home(lang)}" hreflang="{lang}" lang="{lang}">'
        f'{escape(config.strings[lang]["language_name"])}</a></li>' for lang in config.languages)
    alternates = "".join(
        f'<link rel="alternate" hreflang="{lang}" href="{escape(site_url + urls.home(lang))}">'
        for lang in config.languages)
    return (f'<!doctype html><html lang="{default}" dir="{direction(default)}">'
            f'<head><meta charset="utf-8"><title>{escape(config.name.get(default) or "")}</title>'
            f'<meta http-equiv="refresh" content="0; url={urls.home(default)}">{alternates}'
            f'<link rel="alternate" hreflang="x-default" href="{escape(site_url + urls.home(default))}">'
            f'</head><body><ul>{links}</ul></body></html>')

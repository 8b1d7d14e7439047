"""Earlier addresses kept: a small page at each earlier id of an entry or an article
(``redirect_from``), in every language, sending readers to its page, and the same moves
as ``_redirects`` lines for hosts that answer them with a 301 (Netlify, Cloudflare Pages).

The redirect page is plain HTML with the site's policy and no script: a canonical link
(search engines move the old address's standing to the new one), a ``refresh`` to the
new page, and a link for readers whose browser does not follow it. Pages of drafts and
of articles not yet out have no redirect either, as they have no page to go to.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from ..i18n.locale import Locale
from ..languages import direction
from ..model.kinds import ARTICLE, REGISTRIES
from ..model.published import Published
from ..model.settings import SiteConfig
from . import urls
from .headers import with_policy_meta
from .pages.links import EntityLinks
from .pages.model import Link

REDIRECTS_FILE = "_redirects"


@dataclass(frozen=True)
class Move:
    """A page of ``kind`` that was at ``old`` and is now at ``new`` (ids)."""

    kind: str
    old: str
    new: str


def moves(published: Published) -> list[Move]:
    """Every earlier id of a page the site has, entries first, each kind in its order."""
    found = []
    for kind in REGISTRIES:
        for entity in published.briefing.entities[kind.name].values():
            found += [Move(kind.name, old, entity.id) for old in entity.redirect_from]
    for article in published.articles:
        found += [Move(ARTICLE.name, old, article.id) for old in article.redirect_from]
    return found


def redirect_pages(published: Published, config: SiteConfig, languages: Iterable[str]) -> dict[str, str]:
    """Site path (``ar/actors/OLD/index.html``) → the page sending readers on."""
    briefing, found = published.briefing, moves(published)
    pages = {}
    for lang in languages:
        locale = Locale.of(config, lang)
        links = EntityLinks(briefing, locale)
        for move in found:
            target = (links.card(briefing.articles[move.new]).link if move.kind == ARTICLE.name
                      else links.entity_link(move.kind, move.new))
            old_url = urls.entity(lang, move.kind, move.old)
            pages[f"{old_url}index.html"] = with_policy_meta(
                redirect_page(old_url, target, locale, config.base_url), config.map_tiles["url"])
    return pages


def redirect_page(old_url: str, target: Link, locale: Locale, base_url: str) -> str:
    """The page at ``old_url`` that sends readers to ``target``."""
    relative = escape(posixpath.relpath(target.url, old_url) + "/")
    lang = locale.lang
    return (f'<!doctype html><html lang="{lang}" dir="{direction(lang)}"><head><meta charset="utf-8">'
            f'<title>{escape(locale.t("moved_title"))}</title><meta name="robots" content="noindex">'
            f'<link rel="canonical" href="{escape(base_url + target.url)}">'
            f'<meta http-equiv="refresh" content="0; url={relative}"></head>'
            f'<body><p>{escape(locale.t("moved_text"))} <a href="{relative}" lang="{target.lang}" '
            f'dir="{direction(target.lang)}">{escape(target.text)}</a></p></body></html>')


def redirects_file(published: Published, config: SiteConfig) -> str:
    """``/ar/actors/OLD/ /ar/actors/NEW/ 301``, a line for each move in each language; the
    paths start with ``base_url``'s, for a site published below a host's root."""
    prefix = urlsplit(config.base_url).path or "/"
    lines = []
    for move in moves(published):
        for lang in config.languages:
            old, new = urls.entity(lang, move.kind, move.old), urls.entity(lang, move.kind, move.new)
            lines.append(f"{prefix}{old} {prefix}{new} 301\n")
    return "".join(lines)

"""The site in one language, as its pages' templates see it: what is the same on every
page of that language (the "Arabic edition", the "English edition")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import nh3

from ..languages import language
from ..model.settings import SiteConfig
from . import urls

CREDIT_TAGS = {"a", "b", "i", "span"}
CREDIT_ATTRIBUTES = {"a": {"href", "hreflang", "lang"}, "span": {"lang", "dir"}}


def _tiles_in(tiles: dict[str, Any], lang: str) -> dict[str, str]:
    """The map tiles' settings, their credit in ``lang`` when site.yml says it in each language.

    The credit is HTML (a link to the tiles' licence), which the map's script puts in the
    page as HTML: it passes through nh3 with links and plain formatting alone, and links
    to ``http(s)`` only, as anything from site_config could be written by anyone."""
    credit = tiles["attribution"]
    html = credit[lang] if isinstance(credit, dict) else credit
    safe = nh3.clean(html, tags=CREDIT_TAGS, attributes=CREDIT_ATTRIBUTES, url_schemes={"http", "https"},
                     link_rel="noopener noreferrer")
    return {"url": tiles["url"], "attribution": safe}


@dataclass(frozen=True)
class Edition:
    lang: str
    dir: str
    other_lang: str
    name: str
    """The site's name in this language."""
    t: dict[str, str]
    """The interface strings, by key: ``edition.t.feed`` in a template."""
    home_url: str
    search_url: str
    feed_url: str
    og_locale: str
    og_locale_alternate: str
    map_tiles: dict[str, str]
    """``url`` (a tile URL template) and ``attribution`` (in this language), from site.yml."""

    @classmethod
    def of(cls, config: SiteConfig, lang: str) -> Edition:
        record = language(lang)
        return cls(lang, record.direction, record.other, config.name.get(lang) or "", config.strings[lang],
                   urls.home(lang), urls.section(lang, "search"), urls.feed(urls.home(lang)), record.og_locale,
                   language(record.other).og_locale, _tiles_in(config.map_tiles, lang))

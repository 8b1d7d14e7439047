"""The site's settings, interface strings and vocabularies (``site_config/``), typed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..languages import other_language
from ..text.arabic import arabic_share
from .entities import Localized


@dataclass(frozen=True)
class Term:
    """One entry of a controlled vocabulary, with its labels (and for a relation, the
    label read from the other side: "backed by" / "backs")."""

    label: Localized
    inverse: Localized | None = None
    type: str | None = None
    """For an event sub-type, the event type it belongs to."""
    plural: Localized | None = None
    """For an actor type, the heading of a group of them ("Armed groups")."""
    colour: str | None = None
    """For an event type, the colour of its bars and swatches, ``#RRGGBB``."""


@dataclass(frozen=True)
class ShareImage:
    """The picture of link previews of pages without a lead photo, read and re-encoded
    without metadata when site_config is loaded."""

    content: bytes
    suffix: str
    """``.png`` or ``.jpg``."""
    width: int
    height: int
    alt: Localized


@dataclass
class SiteConfig:
    name: Localized
    description: Localized
    default_language: str
    languages: list[str]
    base_url: str
    arabic_digits: str
    """``latn`` (0123) or ``arab`` (٠١٢٣) on Arabic pages."""
    date_locales: dict[str, tuple[str, ...]]
    """Language → the Babel locales dates are written in: the first writes them ("7 آب 2017"
    in ``ar_SY``), each names the month (``ar_SY`` and ``ar_EG``: "7 آب/أغسطس 2017")."""
    articles_per_page: int
    link_mentions: str
    """``off``, ``first`` or ``every``: which names of listed entities are linked in articles."""
    raw_html: str
    """``reject`` or ``strip``: what raw HTML outside the allowlist in an article is."""
    strict_tolerates: list[str]
    """Codes of the warnings ``check --strict`` lets through."""
    editor_language: str | None
    """The language of ``check``'s messages when neither ``--lang`` nor the locale says."""
    map_tiles: dict[str, Any]
    """``url``, a tile URL template, and ``attribution``, HTML or a mapping of it by language."""
    max_media_bytes: int
    """Largest photo or document file (``media: max_file_mb``)."""
    max_media_pixels: int
    """Largest photo, in pixels (``media: max_megapixels``): beyond, a possible decompression bomb."""
    strings: dict[str, dict[str, str]]
    """Language → interface string key → text."""
    vocabularies: dict[str, dict[str, Term]]
    share_image: ShareImage | None = None
    authors: dict[str, Localized] = field(default_factory=dict)
    """An author's id (``meta.yml``'s ``authors: [editor4]``) → the name readers see."""

    def byline(self, author: str) -> Localized:
        """The name of an author ``meta.yml`` lists: from ``authors.yml``, else as written,
        in the language of its script (a Latin name on an Arabic page is isolated as one)."""
        if author in self.authors:
            return self.authors[author]
        return Localized(ar=author) if arabic_share(author)[0] > 0.5 else Localized(en=author)

    def author_name(self, author: str, lang: str) -> str:
        """The byline of ``author`` in ``lang``, else in the other language (feeds, structured data)."""
        names = self.byline(author)
        return names.get(lang) or names.get(other_language(lang)) or author

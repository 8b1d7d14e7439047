"""The sitemap: every page with its counterpart in the other language and x-default.

Written by the build itself rather than by MkDocs's template, so that a site rendered
in several processes (one per language) still gets one sitemap of every page, and so
that its gzip header carries the content's date, not the build's.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..languages import other_language

_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
         'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')

GZIP_LATEST = 2**32 - 1


@dataclass(frozen=True)
class SitemapEntry:
    """A page as the sitemap lists it: its path, its counterpart's path, its language."""

    url: str
    alternate: str
    lang: str


def sitemap_xml(pages: Iterable[SitemapEntry], site_url: str, default_language: str) -> str:
    entries = []
    for page in pages:
        url, other = site_url + page.url, site_url + page.alternate
        default = url if page.lang == default_language else other
        other_lang = other_language(page.lang)
        entries.append(f"  <url>\n    <loc>{escape(url)}</loc>\n"
                       f'    <xhtml:link rel="alternate" hreflang="{page.lang}" href={quoteattr(url)}/>\n'
                       f'    <xhtml:link rel="alternate" hreflang="{other_lang}" href={quoteattr(other)}/>\n'
                       f'    <xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(default)}/>\n'
                       "  </url>\n")
    return _HEAD + "".join(entries) + "</urlset>\n"


def gzipped(text: str, name: str, mtime: int) -> bytes:
    """``text`` gzipped with a fixed header (name and time), so equal input gives equal bytes.

    gzip holds the time in 32 bits, from 1970 to 2106: a time outside them (content dated
    before 1970, a ``SOURCE_DATE_EPOCH`` past 2106) is stamped as the nearest end."""
    stamped = min(max(mtime, 0), GZIP_LATEST)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buffer, mtime=stamped) as archive:
        archive.write(text.encode("utf-8"))
    return buffer.getvalue()

"""Photos in an article's rendered body: each image that shows a placed photo becomes a
responsive picture (``srcset`` of its WebP renditions, its size reserved, loaded lazily)
and, standing alone in its paragraph, a ``<figure>`` with caption and credit.

The image is recognised by its target, which the page's Markdown pointed at the photo's
fallback rendition (``pages.figures``); what the editor wrote as alt text replaces the
declared one, for that language. Runs after sanitizing: this markup is the site's own.
"""

from __future__ import annotations

import html as html_escaping
import posixpath
import re

from ..languages import direction
from ..text.bidi import bdi
from .pages.model import ArticleView, PageModel, Picture

_PARAGRAPH_OR_IMAGE = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>|<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
SIZES = "(min-width: 76.25em) 42rem, 92vw"
"""How wide a photo is shown: the text column on wide screens, nearly the screen on phones."""


def with_figures(html: str, page: PageModel) -> str:
    """The body of an article page with its photos shown, the lead one above the text."""
    view = page.view
    if not isinstance(view, ArticleView):
        return html
    if view.figures:
        html = _PARAGRAPH_OR_IMAGE.sub(lambda found: _replaced(found, view, page), html)
    if view.lead_figure:
        html = figure(view.lead_figure, page, view.lead_figure.alt, eager=True) + html
    return html


def _replaced(found: re.Match[str], view: ArticleView, page: PageModel) -> str:
    tag = found.group(1) or found.group(0)
    attributes = dict(_ATTRIBUTE.findall(tag))
    target = posixpath.normpath(posixpath.join(page.url, html_escaping.unescape(attributes.get("src", ""))))
    shown = view.figures.get(target)
    if shown is None:
        return found.group(0)
    alt = html_escaping.unescape(attributes.get("alt", "")) or shown.alt
    return figure(shown, page, alt) if found.group(1) else image(shown, page, alt)


def _from_page(path: str, page: PageModel) -> str:
    return posixpath.relpath(path, page.url)


def image(shown: Picture, page: PageModel, alt: str, eager: bool = False) -> str:
    srcset = ", ".join(f"{_from_page(path, page)} {width}w" for path, width in shown.srcset)
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    return (f'<img src="{_from_page(shown.src, page)}" srcset="{srcset}" sizes="{SIZES}" width="{shown.width}" '
            f'height="{shown.height}" {loading} decoding="async" alt="{html_escaping.escape(alt)}">')


def figure(shown: Picture, page: PageModel, alt: str, eager: bool = False) -> str:
    parts = []
    if shown.caption:
        parts.append(f'<span class="briefing-figure__caption"{_lang(shown.caption_lang, page)}>'
                     f"{html_escaping.escape(shown.caption)}</span>")
    if shown.credit:
        parts.append(f'<span class="briefing-figure__credit">{html_escaping.escape(shown.credit_label)} '
                     f"{bdi(html_escaping.escape(shown.credit), shown.credit_lang)}</span>")
    return (f'<figure class="briefing-figure" data-briefing="figure">{image(shown, page, alt, eager)}'
            f"<figcaption>{' · '.join(parts)}</figcaption></figure>")


def _lang(lang: str, page: PageModel) -> str:
    return "" if lang == page.lang else f' lang="{lang}" dir="{direction(lang)}"'

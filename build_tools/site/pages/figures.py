"""An article's photos and documents as its page, its card and link previews show them.

The text places a photo as ``![](road.jpg)``; the page's Markdown points that image at
the photo's fallback rendition instead (a file of the site, which MkDocs finds and
links), and the rendered image is then replaced by the figure (``site.rendering``).
"""

from __future__ import annotations

import posixpath

from ...i18n.locale import Locale
from ...model.articles import Article
from ...model.media import Photo
from ...text.markup import image_file_name, placed_images
from .. import urls
from .model import Picture


def picture(photo: Photo, locale: Locale, *, captioned: bool = True) -> Picture:
    alt, _ = locale.text(photo.alt)
    caption, caption_lang = locale.text(photo.caption) if captioned else (None, locale.lang)
    credit, credit_lang = locale.text(photo.credit) if captioned else (None, locale.lang)
    fallback = photo.fallback()
    return Picture(src=fallback.path, srcset=[(r.path, r.width) for r in photo.renditions()],
                   width=fallback.width, height=fallback.height, alt=alt or "",
                   caption=caption, caption_lang=caption_lang, credit=credit, credit_lang=credit_lang,
                   credit_label=locale.t("photo_credit"))


def thumbnail(photo: Photo) -> Picture:
    """The narrowest rendition alone, for an article's card (beside its title: no alt text)."""
    narrowest = photo.renditions()[0]
    return Picture(src=narrowest.path, srcset=[], width=narrowest.width, height=narrowest.height, alt="")


def placed_photo_markdown(markdown: str, article: Article, page_url: str) -> tuple[str, set[str]]:
    """``markdown`` with each placed photo's target pointing at its fallback rendition, from
    the page's Markdown source; and the names of the photos it places."""
    photos = {photo.file: photo for photo in article.photos}
    folder = posixpath.dirname(urls.source_path(page_url))
    placed: set[str] = set()
    for offset, target in reversed(placed_images(markdown)):
        photo = photos.get(image_file_name(target))
        if photo is None or not markdown.startswith(target, offset):
            continue
        placed.add(photo.file)
        shown = posixpath.relpath(photo.fallback().path, folder)
        markdown = markdown[:offset] + shown + markdown[offset + len(target):]
    return markdown, placed

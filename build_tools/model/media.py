"""Photos and documents of an article: what ``meta.yml`` says of each and what was read
from the file itself (its size, its digest), never the file.

The site never publishes an original. A photo is published as renditions, named by
the digest of the original's content and their width (``media/DIGEST-960.webp``): two
builds name them alike, a changed photo gets new names (no stale copy in a reader's
cache), and the name tells nothing of the file the photographer gave.
"""

from __future__ import annotations

from dataclasses import dataclass

from .entities import Localized

MEDIA_DIR = "media"
RENDITION_WIDTHS = (480, 960, 1600)
"""Widths of the WebP renditions, in pixels; a photo is never enlarged."""
FALLBACK_WIDTH = 1200
"""Width of the one JPEG (or PNG, with transparency) rendition: for browsers without
WebP and for link previews (``og:image``), which not every service reads in WebP."""
NAME_DIGITS = 20
"""Hex digits of the digest in published names."""


@dataclass(frozen=True)
class Rendition:
    path: str
    """Its path in the site, from the root."""
    width: int
    height: int
    mime_type: str


@dataclass(frozen=True)
class Photo:
    file: str
    """Its name in the article's folder."""
    original: str
    """The file, from the project's root: read again only to publish its renditions."""
    alt: Localized
    credit: Localized
    caption: Localized
    lead: bool
    width: int
    """As readers see it: with the camera's orientation applied."""
    height: int
    digest: str
    """SHA-256 of the original file."""
    transparent: bool

    def renditions(self) -> list[Rendition]:
        """The WebP renditions, narrowest first."""
        widths = [width for width in RENDITION_WIDTHS if width < self.width]
        widths.append(min(self.width, RENDITION_WIDTHS[-1]))
        return [self._rendition(width, "webp") for width in sorted(set(widths))]

    def fallback(self) -> Rendition:
        return self._rendition(min(self.width, FALLBACK_WIDTH), "png" if self.transparent else "jpeg")

    def _rendition(self, width: int, image_format: str) -> Rendition:
        height = max(1, round(self.height * width / self.width))
        extension = {"webp": "webp", "jpeg": "jpg", "png": "png"}[image_format]
        path = f"{MEDIA_DIR}/{self.digest[:NAME_DIGITS]}-{width}.{extension}"
        return Rendition(path, width, height, f"image/{image_format}")


@dataclass(frozen=True)
class Document:
    file: str
    original: str
    """The file, from the project's root: read again only to publish its copy."""
    title: Localized
    source: str | None
    size: int
    """Bytes of the published copy (the original without its metadata)."""
    digest: str
    """SHA-256 of the original file."""

    @property
    def path(self) -> str:
        """The published copy's path in the site, under its own name."""
        return f"{MEDIA_DIR}/{self.digest[:NAME_DIGITS]}/{self.file}"

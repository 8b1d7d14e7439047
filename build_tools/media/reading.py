"""Reading a photo or a document whole, as ``briefing check`` does before anything is
published: what it really is, whether it decodes, how large it is, what it reveals.

What was read from a file is remembered under the digest of its content (in the cache
folder of ``Reader``): decoding a 12-megapixel JPEG takes ~0.15 s and stripping a PDF to
measure its published copy reads all of it, and neither need be done again for the
same bytes. The limits are applied again each time, since site.yml may have changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

import pikepdf
from PIL import ExifTags, Image

from ..messages import Message, msg
from ..writing import write_whole
from .carriers import carried_findings
from .formats import DOCUMENT_FORMATS, IMAGE_FORMATS, format_of
from .metadata import image_findings
from .stripping import cleaned_pdf

_ROTATED = {5, 6, 7, 8}
"""EXIF orientations that turn the picture a quarter: its width is its height."""

CACHE_DIR = Path(".briefing-cache") / "media"
"""Under the project's root: what was read from each file, and the files published for it."""
READING_VERSION = "3"
"""Part of the names of remembered facts: raise it whenever what is read from a file
changes (a new kind of metadata looked for), so that every file is read again."""


class MediaProblem(Exception):
    """Why a file cannot be published, worded for the editor."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ImageFacts:
    width: int
    """With the camera's orientation applied."""
    height: int
    transparent: bool
    digest: str
    findings: list[str]
    """Metadata that can endanger people (``metadata.image_findings``)."""


@dataclass(frozen=True)
class DocumentFacts:
    published_size: int
    digest: str
    findings: list[str]
    """What names people (``metadata.pdf_findings``, ``documents``)."""
    active: list[str]
    """What would run or travel with the file, which the published copy has not (``documents``)."""


Facts = TypeVar("Facts", ImageFacts, DocumentFacts)


@dataclass(frozen=True)
class Reader:
    """Reads photos and documents within the limits of site.yml; ``cache``: where what was
    read is remembered (None: nowhere)."""

    max_bytes: int
    max_pixels: int
    cache: Path | None = None

    def image(self, path: Path) -> ImageFacts:
        """Decodes the whole image; raises ``MediaProblem`` when it cannot be published."""
        data = self._bytes(path, IMAGE_FORMATS, msg("a JPEG, PNG or WebP image"))
        facts = self._remembered(data, ImageFacts, self._decoded)
        self._check_pixels(facts.width, facts.height)
        return facts

    def document(self, path: Path) -> DocumentFacts:
        """Opens the whole PDF; raises ``MediaProblem`` when it cannot be published."""
        data = self._bytes(path, DOCUMENT_FORMATS, msg("a PDF document"))
        return self._remembered(data, DocumentFacts, _opened_pdf)

    def _bytes(self, path: Path, formats: tuple[str, ...], what: Message) -> bytes:
        size = path.stat().st_size
        if size > self.max_bytes:
            raise MediaProblem(msg("{size:.1f} MB, over the limit of {limit:.0f} MB (media: max_file_mb in "
                                   "site.yml)", size=size / 1e6, limit=self.max_bytes / 1e6))
        data = path.read_bytes()
        found = format_of(data[:16])
        if found not in formats:
            raise MediaProblem(msg("not {what}: its content is {found}, whatever its name says", what=what,
                                   found=_described(found)))
        return data

    def _remembered(self, data: bytes, kind: type[Facts], read: Callable[[bytes, str], Facts]) -> Facts:
        digest = hashlib.sha256(data).hexdigest()
        remembered = self.cache / f"{digest}-read-{READING_VERSION}.json" if self.cache else None
        try:
            if remembered is not None:
                return kind(**json.loads(remembered.read_text("utf-8")))
        except (OSError, ValueError, TypeError):
            pass  # not read before, or not readable: read the file itself
        facts = read(data, digest)
        if remembered is not None:
            with contextlib.suppress(OSError):  # a read-only checkout: the next check reads the file again
                write_whole(remembered, json.dumps(asdict(facts)).encode())
        return facts

    def _check_pixels(self, width: int, height: int) -> None:
        if width * height > self.max_pixels:
            raise MediaProblem(msg("{width:,}×{height:,} pixels, over the limit of {limit:,} (media: "
                                   "max_megapixels in site.yml): an image this large can exhaust the memory of the "
                                   "build (a decompression bomb); reduce it before adding it", width=width,
                                   height=height, limit=self.max_pixels))

    def _decoded(self, data: bytes, digest: str) -> ImageFacts:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image = Image.open(io.BytesIO(data), formats=[name.upper() for name in IMAGE_FORMATS])
            width, height = image.size
            self._check_pixels(width, height)  # before the picture is decoded into memory
            image.load()  # some formats keep metadata after the picture (PNG's text chunks)
            findings = list(dict.fromkeys([*image_findings(image), *carried_findings(data, str(image.format).lower())]))
        except Image.DecompressionBombError as exc:
            raise MediaProblem(msg("refused as a decompression bomb: {reason}", reason=exc)) from None
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            if "truncated" in str(exc).lower():
                raise MediaProblem(msg("the file is cut short (truncated): copy or export it again")) from None
            raise MediaProblem(msg("cannot be decoded as an image: {reason}", reason=exc)) from None
        if image.getexif().get(ExifTags.Base.Orientation) in _ROTATED:
            width, height = height, width
        transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        return ImageFacts(width, height, transparent, digest, findings)


def _described(found: str | None) -> Message:
    return msg("a {format} file", format=found.upper()) if found else msg("not one of JPEG, PNG, WebP or PDF")


def _opened_pdf(data: bytes, digest: str) -> DocumentFacts:
    try:
        published, removed = cleaned_pdf(data)
    except pikepdf.PasswordError:
        raise MediaProblem(msg("is encrypted: publish a copy without a password")) from None
    except pikepdf.PdfError as exc:
        raise MediaProblem(msg("cannot be read as a PDF: {reason}", reason=exc)) from None
    return DocumentFacts(len(published), digest, removed.people, removed.active)

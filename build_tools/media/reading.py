"""Reading a photo or a document whole, as ``briefing check`` does before anything is
published: what it really is, whether it decodes, how large it is, what it reveals."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

import pikepdf
from PIL import Image

from .formats import DOCUMENT_FORMATS, IMAGE_FORMATS, sniff
from .metadata import image_findings, pdf_findings
from .stripping import stripped_pdf

_ROTATED = {5, 6, 7, 8}
"""EXIF orientations that turn the picture a quarter: its width is its height."""
_EXIF_ORIENTATION = 0x0112


CACHE_DIR = Path(".briefing-cache") / "media"
"""Under the project's root: what was read from each photo, and the files published for it."""
READING_VERSION = "1"
"""Part of the names of cached facts: raise it whenever what is read from a photo changes
(a new kind of metadata looked for), so that every photo is read again."""


class MediaProblem(Exception):
    """Why a file cannot be published, worded for the editor."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_pixels: int


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


def _read(path: Path, limits: Limits, formats: tuple[str, ...], what: str) -> bytes:
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise MediaProblem(f"{size / 1e6:.1f} MB, over the limit of {limits.max_bytes / 1e6:.0f} MB "
                           "(media: max_file_mb in site.yml)")
    found = sniff(path)
    if found not in formats:
        raise MediaProblem(f"not {what}: its content is {_described(found)}, whatever its name says")
    return path.read_bytes()


def _described(found: str | None) -> str:
    return f"a {found.upper()} file" if found else "not one of JPEG, PNG, WebP or PDF"


def read_image(path: Path, limits: Limits, cache: Path | None = None) -> ImageFacts:
    """Decodes the whole image; raises ``MediaProblem`` when it cannot be published.

    With a ``cache`` folder, what was read from a file of the same content before is
    taken from there instead of decoding it again (a 12-megapixel JPEG takes ~0.15 s).
    """
    data = _read(path, limits, IMAGE_FORMATS, "a JPEG, PNG or WebP image")
    digest = hashlib.sha256(data).hexdigest()
    facts = _remembered(cache, digest)
    if facts is None:
        facts = _decoded(data, digest, limits)
        _remember(cache, facts)
    if facts.width * facts.height > limits.max_pixels:
        raise MediaProblem(_bomb(facts.width, facts.height, limits))
    return facts


def _remembered(cache: Path | None, digest: str) -> ImageFacts | None:
    try:
        if cache is not None:
            return ImageFacts(**json.loads((cache / f"{digest}-read-{READING_VERSION}.json").read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        pass  # not read before, or not readable: read the photo itself
    return None


def _remember(cache: Path | None, facts: ImageFacts) -> None:
    if cache is None:
        return
    try:
        cache.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=cache, prefix=".part-")
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            json.dump(asdict(facts), stream)
        os.replace(temporary, cache / f"{facts.digest}-read-{READING_VERSION}.json")
    except OSError:
        pass  # a read-only checkout: the next check reads the photo again


def _decoded(data: bytes, digest: str, limits: Limits) -> ImageFacts:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[name.upper() for name in IMAGE_FORMATS])
        width, height = image.size
        if width * height > limits.max_pixels:
            raise MediaProblem(_bomb(width, height, limits))
        image.load()  # some formats keep metadata after the picture (PNG's text chunks)
        findings = image_findings(image)
    except Image.DecompressionBombError as exc:
        raise MediaProblem(f"refused as a decompression bomb: {exc}") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        if "truncated" in str(exc).lower():
            raise MediaProblem("the file is cut short (truncated): copy or export it again") from None
        raise MediaProblem(f"cannot be decoded as an image: {exc}") from None
    if image.getexif().get(_EXIF_ORIENTATION) in _ROTATED:
        width, height = height, width
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    return ImageFacts(width, height, transparent, digest, findings)


def _bomb(width: int, height: int, limits: Limits) -> str:
    return (f"{width:,}×{height:,} pixels, over the limit of {limits.max_pixels:,} (media: max_megapixels "
            "in site.yml): an image this large can exhaust the memory of the build (a decompression bomb); "
            "reduce it before adding it")


def read_document(path: Path, limits: Limits) -> DocumentFacts:
    """Opens the whole PDF; raises ``MediaProblem`` when it cannot be published."""
    data = _read(path, limits, DOCUMENT_FORMATS, "a PDF document")
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            findings = pdf_findings(pdf)
    except pikepdf.PasswordError:
        raise MediaProblem("is encrypted: publish a copy without a password") from None
    except pikepdf.PdfError as exc:
        raise MediaProblem(f"cannot be read as a PDF: {exc}") from None
    published = stripped_pdf(data)
    return DocumentFacts(len(published), hashlib.sha256(data).hexdigest(), findings)

"""Removing metadata from a file without touching its picture.

JPEG, PNG and WebP files are sequences of blocks (segments, chunks): the metadata blocks
are dropped and the compressed picture is copied as it is, so nothing is re-encoded and
no quality is lost. EXIF is where the camera records how the picture is turned; when it
says anything but "upright", a new EXIF block holding only that orientation replaces the
old one, so the picture still shows the right way up. Whatever follows the end of the
picture, and every block the picture does not need (text, a program's private chunks,
bytes between blocks), goes too. A PDF's document information and XMP metadata, and
what ``documents`` removes (scripts, actions, embedded files, comments' authors), are
removed with pikepdf, which rewrites the file's structure, not its pages.
"""

from __future__ import annotations

import io
import struct
import zlib

import pikepdf
from PIL import ExifTags, Image

from .blocks import (
    PNG_PICTURE_CHUNKS,
    PNG_SIGNATURE,
    WEBP_PICTURE_CHUNKS,
    png_layout,
    riff_layout,
)
from .documents import Removed, remove_active_content
from .lossless import StripError as StripError
from .lossless import strip_jpeg, trailer_removed
from .metadata import pdf_findings, shown

_PNG_DROPPED = {b"tEXt": "text", b"zTXt": "compressed text", b"iTXt": "international text (XMP)",
                b"eXIf": "EXIF", b"tIME": "modification time"}
_WEBP_DROPPED = {b"EXIF": "EXIF", b"XMP ": "XMP"}
_WEBP_FLAGS = {b"EXIF": 0x08, b"XMP ": 0x04}


def orientation_only(orientation: int | None) -> bytes | None:
    """An EXIF block (TIFF data) saying only how the picture is turned; None when upright."""
    if orientation in (None, 1):
        return None
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    return exif.tobytes()[len(b"Exif\x00\x00"):]


def _orientation(data: bytes) -> int | None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            value = image.getexif().get(ExifTags.Base.Orientation)
    except (OSError, SyntaxError, ValueError, IndexError, EOFError, struct.error):  # told by the caller's own check
        return None
    return value if isinstance(value, int) else None


def strip_image(data: bytes, image_format: str) -> tuple[bytes, list[str]]:
    """``data`` without its metadata blocks, and what was removed."""
    kept = orientation_only(_orientation(data))
    if image_format == "jpeg":
        return strip_jpeg(data, kept)
    if image_format == "png":
        return _strip_png(data, kept)
    return _strip_webp(data, kept)


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _strip_png(data: bytes, orientation: bytes | None) -> tuple[bytes, list[str]]:
    if not data.startswith(PNG_SIGNATURE):
        raise StripError("not a PNG file")
    pieces, removed = [data[:8]], []
    chunks, trailer = png_layout(data)
    for kind, chunk in chunks:
        if kind not in PNG_PICTURE_CHUNKS:
            removed.append(_PNG_DROPPED.get(kind) or f"chunk {shown(kind.decode('latin-1'))}")
            continue
        pieces.append(chunk)
        if kind == b"IHDR" and orientation:
            pieces.append(_png_chunk(b"eXIf", orientation))
    return b"".join(pieces), sorted({*removed, *trailer_removed(trailer)})


def _strip_webp(data: bytes, orientation: bytes | None) -> tuple[bytes, list[str]]:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise StripError("not a WebP file")
    chunks, removed = [], []
    every_chunk, trailer = riff_layout(data)
    for kind, chunk in every_chunk:
        if kind in WEBP_PICTURE_CHUNKS:
            chunks.append(chunk)
        else:
            removed.append(_WEBP_DROPPED.get(kind) or f"chunk {shown(kind.decode('latin-1'))}")
    if orientation:
        chunks.append(b"EXIF" + struct.pack("<I", len(orientation)) + orientation + b"\x00" * (len(orientation) & 1))
    if chunks and chunks[0][:4] == b"VP8X":
        flags = chunks[0][8] & ~0x0C | (_WEBP_FLAGS[b"EXIF"] if orientation else 0)
        chunks[0] = chunks[0][:8] + bytes([flags]) + chunks[0][9:]
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body, sorted({*removed, *trailer_removed(trailer)})


def stripped_pdf(data: bytes) -> bytes:
    """The PDF as the site publishes it (``cleaned_pdf``); the same bytes every time."""
    return cleaned_pdf(data)[0]


def cleaned_pdf(data: bytes) -> tuple[bytes, Removed]:
    """The PDF without its document information, its XMP metadata and what
    ``documents.remove_active_content`` removes; and what was removed."""
    output = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        removed = clean_pdf(pdf)
        pdf.save(output, deterministic_id=True)
    return output.getvalue(), removed


def clean_pdf(pdf: pikepdf.Pdf) -> Removed:
    """Removes, from the open document, all that ``cleaned_pdf`` does; says what."""
    described = pdf_findings(pdf)
    for key in list(pdf.docinfo.keys()):
        del pdf.docinfo[key]
    if "/Metadata" in pdf.Root:
        del pdf.Root.Metadata
    removed = remove_active_content(pdf)
    removed.people[:0] = described
    return removed

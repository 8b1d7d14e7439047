"""Removing metadata from a file without touching its picture.

JPEG, PNG and WebP files are sequences of blocks (segments, chunks): the metadata blocks
are dropped and the compressed picture is copied as it is, so nothing is re-encoded and
no quality is lost. EXIF is where the camera records how the picture is turned; when it
says anything but "upright", a new EXIF block holding only that orientation replaces the
old one, so the picture still shows the right way up. A PDF's document information and
XMP metadata are removed with pikepdf, which rewrites the file's structure, not its pages.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator

import pikepdf
from PIL import ExifTags, Image

_JPEG_KEPT = {0xE0: "JFIF", 0xE2: "ICC_PROFILE", 0xEE: "Adobe"}
"""APP segments kept (by marker and the name they start with): the picture's colours need them."""
_JPEG_NAMES = {0xED: "IPTC (APP13)", 0xFE: "comment (COM)"}
_PNG_DROPPED = {b"tEXt": "text", b"zTXt": "compressed text", b"iTXt": "international text (XMP)",
                b"eXIf": "EXIF", b"tIME": "modification time"}
_WEBP_DROPPED = {b"EXIF": "EXIF", b"XMP ": "XMP"}
_WEBP_FLAGS = {b"EXIF": 0x08, b"XMP ": 0x04}


class StripError(Exception):
    pass


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
    except (OSError, SyntaxError, ValueError):  # not an image it can read: told by the caller's own check
        return None
    return value if isinstance(value, int) else None


def strip_image(data: bytes, image_format: str) -> tuple[bytes, list[str]]:
    """``data`` without its metadata blocks, and what was removed."""
    kept = orientation_only(_orientation(data))
    if image_format == "jpeg":
        return _strip_jpeg(data, kept)
    if image_format == "png":
        return _strip_png(data, kept)
    return _strip_webp(data, kept)


def _jpeg_segments(data: bytes) -> tuple[list[tuple[int, bytes]], bytes]:
    """(marker, whole segment) of each segment before the picture data, and the rest."""
    segments, offset = [], 2
    while offset + 4 <= len(data) and data[offset] == 0xFF:
        marker = data[offset + 1]
        if marker == 0xDA:  # start of scan: compressed picture data follows
            break
        (length,) = struct.unpack(">H", data[offset + 2:offset + 4])
        segments.append((marker, data[offset:offset + 2 + length]))
        offset += 2 + length
    return segments, data[offset:]


def _jpeg_segment_name(marker: int, segment: bytes) -> str:
    if marker == 0xE1:
        return "EXIF (APP1)" if segment[4:8] == b"Exif" else "XMP (APP1)"
    return _JPEG_NAMES.get(marker, f"APP{marker - 0xE0}")


def _strip_jpeg(data: bytes, orientation: bytes | None) -> tuple[bytes, list[str]]:
    if not data.startswith(b"\xff\xd8"):
        raise StripError("not a JPEG file")
    pieces, removed = [data[:2]], []
    segments, picture = _jpeg_segments(data)
    for marker, segment in segments:
        name = _JPEG_KEPT.get(marker)
        metadata = marker == 0xFE or 0xE0 <= marker <= 0xEF
        if not metadata or (name and segment[4:4 + len(name)] == name.encode()):
            pieces.append(segment)
        else:
            removed.append(_jpeg_segment_name(marker, segment))
    if orientation:
        block = b"Exif\x00\x00" + orientation
        pieces.insert(1, b"\xff\xe1" + struct.pack(">H", len(block) + 2) + block)
    return b"".join([*pieces, picture]), sorted(set(removed))


def _png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    offset = 8
    while offset + 8 <= len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        yield kind, data[offset:offset + 12 + length]
        offset += 12 + length


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _strip_png(data: bytes, orientation: bytes | None) -> tuple[bytes, list[str]]:
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise StripError("not a PNG file")
    pieces, removed = [data[:8]], []
    for kind, chunk in _png_chunks(data):
        if kind in _PNG_DROPPED:
            removed.append(_PNG_DROPPED[kind])
            continue
        pieces.append(chunk)
        if kind == b"IHDR" and orientation:
            pieces.append(_png_chunk(b"eXIf", orientation))
    return b"".join(pieces), sorted(set(removed))


def _strip_webp(data: bytes, orientation: bytes | None) -> tuple[bytes, list[str]]:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise StripError("not a WebP file")
    chunks, removed, offset = [], [], 12
    while offset + 8 <= len(data):
        kind = data[offset:offset + 4]
        (length,) = struct.unpack("<I", data[offset + 4:offset + 8])
        chunk = data[offset:offset + 8 + length + (length & 1)]
        offset += len(chunk)
        if kind in _WEBP_DROPPED:
            removed.append(_WEBP_DROPPED[kind])
        else:
            chunks.append(chunk)
    if orientation:
        chunks.append(b"EXIF" + struct.pack("<I", len(orientation)) + orientation + b"\x00" * (len(orientation) & 1))
    if chunks and chunks[0][:4] == b"VP8X":
        flags = chunks[0][8] & ~0x0C | (_WEBP_FLAGS[b"EXIF"] if orientation else 0)
        chunks[0] = chunks[0][:8] + bytes([flags]) + chunks[0][9:]
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body, sorted(set(removed))


def stripped_pdf(data: bytes) -> bytes:
    """The PDF without its document information and XMP metadata; the same bytes every time."""
    output = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for key in list(pdf.docinfo.keys()):
            del pdf.docinfo[key]
        if "/Metadata" in pdf.Root:
            del pdf.Root.Metadata
        pdf.save(output, deterministic_id=True)
    return output.getvalue()

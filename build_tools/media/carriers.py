"""Metadata wherever a photo's format lets it stand, read block by block from the file's
bytes (``blocks``) rather than from what Pillow chooses to read: Pillow keeps one EXIF
block of a JPEG, the blocks before its first picture data, the last PNG text chunk of a
keyword, and nothing after the end of the picture. Here every block is judged: EXIF,
XMP (extended XMP too), IPTC and Photoshop's resources in a JPEG, wherever they stand;
PNG text of every keyword ImageMagick writes ("Raw profile type iptc", "exif", "8bim",
"APP1"…) and eXIf chunks; WebP's EXIF and XMP chunks; free text (a JPEG comment); blocks
of unknown content; and whatever follows the end of the picture, read again as a picture
when it is one.
"""

from __future__ import annotations

import zlib

from .blocks import (
    JPEG_OUTSIDE,
    PNG_PICTURE_CHUNKS,
    WEBP_PICTURE_CHUNKS,
    jpeg_layout,
    png_chunk_data,
    png_layout,
    riff_chunk_data,
    riff_layout,
)
from .formats import IMAGE_FORMATS, format_of
from .metadata import exif_block_findings, photoshop_findings, png_text_findings, shown, xmp_findings

XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXTENSION = b"http://ns.adobe.com/xmp/extension/\x00"
PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"
JPEG_HARMLESS = {0xE0: (b"JFIF\x00",), 0xE2: (b"ICC_PROFILE\x00", b"MPF\x00"), 0xEE: (b"Adobe",)}
"""APP segments that say how to show the picture (its colours, the index of the pictures
a camera put after it) and name nobody, by marker and how they start."""
PNG_HARMLESS = {*PNG_PICTURE_CHUNKS, b"tIME"}
MAX_TEXT = 1 << 20
"""The most a compressed PNG text chunk is read to (as Pillow's ``MAX_TEXT_CHUNK``)."""
_MAX_NESTING = 2
"""How many pictures deep a picture found after the end of another is read."""


def carried_findings(data: bytes, image_format: str, depth: int = 0) -> list[str]:
    """What every block of ``data`` carries that can endanger people, and what follows
    the end of its picture."""
    walk = {"jpeg": _jpeg, "png": _png, "webp": _webp}[image_format]
    found, trailer = walk(data)
    if trailer:
        found.append(_trailer_finding(trailer, depth))
    return list(dict.fromkeys(found))


def _jpeg(data: bytes) -> tuple[list[str], bytes]:
    segments, trailer = jpeg_layout(data)
    found: list[str] = []
    extended: list[tuple[int, bytes]] = []
    for marker, segment in segments:
        payload = segment[4:]
        if marker == JPEG_OUTSIDE:
            found.append(f"JPEG: {len(segment):,} bytes outside any block")
        elif marker == 0xFE and payload.strip(b"\x00 \t\r\n"):
            found.append("JPEG comment (COM): free text that can name people or places")
        elif marker == 0xE1 and payload.startswith(XMP_EXTENSION):
            part = payload[len(XMP_EXTENSION):]  # a digest (32), the whole length (4), where this part goes (4)
            extended.append((int.from_bytes(part[36:40], "big"), part[40:]))
        elif 0xE0 <= marker <= 0xEF:
            found.extend(_app_findings(marker, payload))
    if extended:
        found.extend(xmp_findings(b"".join(part for _, part in sorted(extended))))
    return found, trailer


def _app_findings(marker: int, payload: bytes) -> list[str]:
    if payload.startswith(JPEG_HARMLESS.get(marker, ())):
        return []
    if marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
        return exif_block_findings(payload)
    if marker == 0xE1 and payload.startswith(XMP_HEADER):
        return xmp_findings(payload[len(XMP_HEADER):])
    if marker == 0xED and payload.startswith(PHOTOSHOP_HEADER):
        return photoshop_findings(payload[len(PHOTOSHOP_HEADER):])
    return [f"JPEG: an APP{marker - 0xE0} block of unknown content"]


def _png(data: bytes) -> tuple[list[str], bytes]:
    chunks, trailer = png_layout(data)
    found: list[str] = []
    for kind, chunk in chunks:
        body = png_chunk_data(chunk)
        if kind in (b"tEXt", b"zTXt", b"iTXt"):
            found.extend(_png_text_chunk(kind, body))
        elif kind == b"eXIf":
            found.extend(exif_block_findings(body))
        elif kind not in PNG_HARMLESS:
            found.append(f"PNG: a chunk of unknown content ({shown(kind.decode('latin-1'))})")
    return found, trailer


def _png_text_chunk(kind: bytes, body: bytes) -> list[str]:
    keyword, _, rest = body.partition(b"\x00")
    key = keyword.decode("latin-1")
    try:
        if kind == b"tEXt":
            text = rest.decode("latin-1")
        elif kind == b"zTXt":
            text = _inflated(rest[1:]).decode("latin-1")
        else:  # iTXt: compressed or not, the method, a language, the keyword translated, the text
            compressed = rest[:1] == b"\x01"
            _language, _, rest = rest[2:].partition(b"\x00")
            _translated, _, rest = rest.partition(b"\x00")
            text = (_inflated(rest) if compressed else rest).decode("utf-8")
    except (zlib.error, UnicodeDecodeError, ValueError):
        return [f"PNG text: a chunk that cannot be read ({shown(key)})"]
    return png_text_findings(key, text)


def _inflated(data: bytes) -> bytes:
    stream = zlib.decompressobj()
    text = stream.decompress(data, MAX_TEXT)
    if stream.unconsumed_tail:
        raise ValueError("more text than is read")
    return text


def _webp(data: bytes) -> tuple[list[str], bytes]:
    chunks, trailer = riff_layout(data)
    found: list[str] = []
    for kind, chunk in chunks:
        if kind == b"EXIF":
            found.extend(exif_block_findings(riff_chunk_data(chunk)))
        elif kind == b"XMP ":
            found.extend(xmp_findings(riff_chunk_data(chunk)))
        elif kind not in WEBP_PICTURE_CHUNKS:
            found.append(f"WebP: a chunk of unknown content ({shown(kind.decode('latin-1'))})")
    return found, trailer


def _trailer_finding(trailer: bytes, depth: int) -> str:
    """Data after the end of the picture, which no decoder reads: often a second picture
    (a camera's preview, a phone's depth map), a video (a "motion photo"), or hidden."""
    kind = format_of(trailer[:16])
    if kind not in IMAGE_FORMATS or depth >= _MAX_NESTING:
        return f"data after the end of the picture ({len(trailer):,} bytes)"
    inner = carried_findings(trailer, kind, depth + 1)
    carrying = f" carrying [{'; '.join(inner)}]" if inner else ""
    return f"data after the end of the picture: another {kind.upper()} picture ({len(trailer):,} bytes){carrying}"

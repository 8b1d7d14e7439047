"""Dropping a JPEG's metadata segments without touching its picture: the segments that
make the picture (tables, frame, scans and their compressed data) are copied as they are,
with the APP segments its colours need (JFIF, ICC_PROFILE, Adobe); every other APP
segment, comment, byte between segments and whatever follows the end of the picture goes.
Used for photos (``stripping``) and for the JPEG pictures inside a PDF (``pictures``).
"""

from __future__ import annotations

import struct

from .blocks import JPEG_OUTSIDE, jpeg_layout

_JPEG_KEPT = {0xE0: "JFIF", 0xE2: "ICC_PROFILE", 0xEE: "Adobe"}
"""APP segments kept (by marker and the name they start with): the picture's colours need them."""
_JPEG_NAMES = {0xED: "IPTC (APP13)", 0xFE: "comment (COM)"}
TRAILER = "data after the end of the picture"


class StripError(Exception):
    pass


def _jpeg_segment_name(marker: int, segment: bytes) -> str:
    if marker == JPEG_OUTSIDE:
        return "bytes outside any block"
    if marker == 0xE1:
        return "EXIF (APP1)" if segment[4:8] == b"Exif" else "XMP (APP1)"
    return _JPEG_NAMES.get(marker, f"APP{marker - 0xE0}")


def strip_jpeg(data: bytes, orientation: bytes | None) -> tuple[bytes, list[str]]:
    """``data`` without its metadata segments, an EXIF block holding only ``orientation``
    (TIFF data) put first when given; and what was removed."""
    if not data.startswith(b"\xff\xd8"):
        raise StripError("not a JPEG file")
    pieces, removed = [data[:2]], []
    segments, trailer = jpeg_layout(data)
    for marker, segment in segments:
        name = _JPEG_KEPT.get(marker)
        metadata = marker in (0xFE, JPEG_OUTSIDE) or 0xE0 <= marker <= 0xEF
        if not metadata or (name and segment[4:4 + len(name)] == name.encode()):
            pieces.append(segment)
        else:
            removed.append(_jpeg_segment_name(marker, segment))
    if orientation:
        block = b"Exif\x00\x00" + orientation
        pieces.insert(1, b"\xff\xe1" + struct.pack(">H", len(block) + 2) + block)
    return b"".join(pieces), sorted({*removed, *trailer_removed(trailer)})


def trailer_removed(trailer: bytes) -> list[str]:
    return [TRAILER] if trailer else []

"""The blocks a photo file is made of, walked as its format defines them, to its very last byte.

A JPEG is a sequence of segments (the picture's compressed data follows each start of
scan, and a progressive JPEG has several), a PNG a sequence of chunks, a WebP the chunks
of a RIFF container. Each format says where the picture ends (JPEG's EOI marker, PNG's
IEND chunk, the size in WebP's RIFF header); decoders stop there, so whatever follows
(a second JPEG with its own EXIF, a phone's "motion photo" video, anything at all) is
never seen by them, but is still in the file. The walkers below return it as the
trailer, so that it is judged and removed like any other block.
"""

from __future__ import annotations

import re
import struct

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_OUTSIDE = -1
"""The marker given to bytes that stand between a JPEG's segments and belong to none
(decoders skip them, so they can hide anything)."""
_EOI, _SOS = 0xD9, 0xDA
_STANDALONE = {0x01, *range(0xD0, 0xD8)}
"""Markers with no length after them (TEM, RST0–RST7)."""
_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
"""Where compressed data ends: a 0xFF that is neither stuffed (FF 00), a restart marker
nor a fill byte."""

PNG_PICTURE_CHUNKS = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB",
                      b"cICP", b"mDCV", b"cLLI", b"bKGD", b"hIST", b"pHYs", b"sPLT", b"acTL", b"fcTL", b"fdAT"}
"""The PNG chunks of the picture itself, its colours and its animation: every other chunk
is text, EXIF, a time or something private to the program that wrote it."""
WEBP_PICTURE_CHUNKS = {b"VP8X", b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}

Blocks = list[tuple[int, bytes]]
Chunks = list[tuple[bytes, bytes]]


def jpeg_layout(data: bytes) -> tuple[Blocks, bytes]:
    """(marker, the whole segment) of each segment after SOI, the compressed data after
    each start of scan kept with it and EOI the last; then what follows EOI. A file cut
    short ends with its last whole segment and has no trailer."""
    segments: Blocks = []
    offset = 2
    while offset + 2 <= len(data):
        if data[offset:offset + 2] == b"\xff\xff":  # a fill byte, which may precede any marker
            offset += 1
            continue
        if data[offset] != 0xFF or data[offset + 1] == 0x00:
            found = _NEXT_MARKER.search(data, offset + 1)
            end = found.start() if found else len(data)
            segments.append((JPEG_OUTSIDE, data[offset:end]))
            offset = end
            continue
        marker = data[offset + 1]
        if marker == _EOI:
            segments.append((marker, data[offset:offset + 2]))
            return segments, data[offset + 2:]
        if marker in _STANDALONE:
            segments.append((marker, data[offset:offset + 2]))
            offset += 2
            continue
        if offset + 4 > len(data):
            break
        (length,) = struct.unpack(">H", data[offset + 2:offset + 4])
        end = offset + 2 + length
        if marker == _SOS:
            found = _NEXT_MARKER.search(data, min(end, len(data)))
            end = found.start() if found else len(data)
        segments.append((marker, data[offset:end]))
        offset = end
    return segments, b""


def png_layout(data: bytes) -> tuple[Chunks, bytes]:
    """(kind, the whole chunk) of each chunk up to IEND, then what follows IEND."""
    chunks: Chunks = []
    offset = len(PNG_SIGNATURE)
    while offset + 8 <= len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        chunks.append((kind, data[offset:offset + 12 + length]))
        offset += 12 + length
        if kind == b"IEND":
            return chunks, data[offset:]
    return chunks, b""


def riff_layout(data: bytes) -> tuple[Chunks, bytes]:
    """(kind, the whole chunk, padding included) of each chunk of a RIFF file, within the
    size its header gives; then what follows that size."""
    (size,) = struct.unpack("<I", data[4:8])
    end = min(8 + size, len(data))
    chunks: Chunks = []
    offset = 12
    while offset + 8 <= end:
        kind = data[offset:offset + 4]
        (length,) = struct.unpack("<I", data[offset + 4:offset + 8])
        chunks.append((kind, data[offset:offset + 8 + length + (length & 1)]))
        offset += 8 + length + (length & 1)
    return chunks, data[end:]


def png_chunk_data(chunk: bytes) -> bytes:
    """A whole PNG chunk's data: without its length, kind and checksum."""
    return chunk[8:-4]


def riff_chunk_data(chunk: bytes) -> bytes:
    (length,) = struct.unpack("<I", chunk[4:8])
    return chunk[8:8 + length]

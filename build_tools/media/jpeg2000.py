"""Metadata in a JPEG 2000 picture (a PDF's ``JPXDecode`` images), read box by box.

A JP2 file is a sequence of boxes (a length, a four-letter type, the content): the
picture is in its header (``jp2h``) and codestream (``jp2c``) boxes; XMP, EXIF, IPTC,
GML positions and free text stand in ``xml``, ``uuid``, ``uinf``, ``lbl``, ``asoc``,
``jp2i`` (intellectual property: names) and ``free`` boxes, which no decoder needs.
Those are dropped whole; nothing else changes, so the picture is not re-encoded.
A file whose boxes point at each other by offset (a fragment or data reference table,
JPX's ``ftbl``/``dtbl``) is only reported: dropping a box would move what they point at.
A bare codestream (no boxes) has no room for metadata but comments, which name programs.
"""

from __future__ import annotations

from .metadata import exif_block_findings, iptc_block_findings, shown, xmp_findings

JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
DROPPED = {b"xml ", b"uuid", b"uinf", b"lbl ", b"asoc", b"jp2i", b"free", b"mp7b"}
"""Boxes that hold metadata or free text, not the picture."""
OFFSET_TABLES = {b"ftbl", b"dtbl", b"cref"}
_UUIDS = {
    bytes.fromhex("be7acfcb97a942e89c71999491e3afac"): xmp_findings,
    b"JpgTiffExif->JP2": exif_block_findings,
    bytes.fromhex("33c7a4d2b81d4723a0baf1a3e097ad38"): iptc_block_findings,
}
"""The UUIDs Adobe and ExifTool give XMP, EXIF and IPTC in a ``uuid`` box."""

Boxes = list[tuple[bytes, bytes]]


def jp2_boxes(data: bytes) -> Boxes:
    """(type, the whole box) of each top-level box; a box running past the end of the file
    ends the walk with what remains."""
    boxes: Boxes = []
    offset = 0
    while offset + 8 <= len(data):
        length, kind, header = int.from_bytes(data[offset:offset + 4], "big"), data[offset + 4:offset + 8], 8
        if length == 1 and offset + 16 <= len(data):
            length, header = int.from_bytes(data[offset + 8:offset + 16], "big"), 16
        if length == 0 or length < header or offset + length > len(data):
            length = len(data) - offset  # to the end of the file, as a length of 0 says
        boxes.append((kind, data[offset:offset + length]))
        offset += length
    if offset < len(data):
        boxes.append((b"????", data[offset:]))
    return boxes


def _content(box: bytes) -> bytes:
    header = 16 if int.from_bytes(box[:4], "big") == 1 else 8
    return box[header:]


def jp2_findings(data: bytes) -> list[str]:
    """What the boxes of a JP2 file carry that can name or place people."""
    if not data.startswith(JP2_SIGNATURE):
        return []  # a bare codestream
    found: list[str] = []
    for kind, box in jp2_boxes(data):
        content = _content(box)
        if kind == b"xml ":
            found.extend(xmp_findings(content) or ([] if b"xmpmeta" in content else
                                                   ["JPEG 2000: XML of unknown content (xml box)"]))
        elif kind == b"uuid":
            read = _UUIDS.get(content[:16])
            found.extend(read(content[16:]) if read else ["JPEG 2000: a box of unknown content (uuid)"])
        elif kind in DROPPED:
            found.append(f"JPEG 2000: a box that can hold text ({shown(kind.decode('latin-1')).strip()})")
    return list(dict.fromkeys(found))


def strip_jp2(data: bytes) -> bytes | None:
    """``data`` without its metadata boxes; None when they cannot be dropped safely."""
    if not data.startswith(JP2_SIGNATURE):
        return data
    boxes = jp2_boxes(data)
    if any(kind in OFFSET_TABLES for kind, _ in boxes):
        return None
    return b"".join(box for kind, box in boxes if kind not in DROPPED)

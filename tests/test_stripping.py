"""Stripping metadata block by block, checked on the bytes: which blocks remain, in which
order, with which lengths and flags, read by a parser written here rather than by the
code under test; and that the picture itself is untouched."""

from __future__ import annotations

import io
import struct

import pytest
from media_files import XMP_LOCATION, encoded, jpeg, pdf, phone_exif, picture, with_iptc
from PIL import Image

from build_tools.media.stripping import StripError, orientation_only, strip_image, stripped_pdf


def _jpeg_markers(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, the first bytes of its payload) of each segment up to the start of scan."""
    markers, offset = [], 2
    while data[offset + 1] != 0xDA:
        length = int.from_bytes(data[offset + 2:offset + 4], "big")
        markers.append((data[offset + 1], data[offset + 4:offset + 8]))
        offset += 2 + length
    return markers


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


def _with_segment(data: bytes, segment: bytes) -> bytes:
    return data[:2] + segment + data[2:]


def _riff_chunks(data: bytes) -> list[tuple[bytes, int]]:
    assert data[:4] == b"RIFF" and int.from_bytes(data[4:8], "little") == len(data) - 8 and data[8:12] == b"WEBP"
    chunks, offset = [], 12
    while offset < len(data):
        size = int.from_bytes(data[offset + 4:offset + 8], "little")
        chunks.append((data[offset:offset + 4], size))
        offset += 8 + size + size % 2
    assert offset == len(data)
    return chunks


def _png_chunks(data: bytes) -> list[bytes]:
    chunks, offset = [], 8
    while offset < len(data):
        size = int.from_bytes(data[offset:offset + 4], "big")
        chunks.append(data[offset + 4:offset + 8])
        offset += 12 + size
    return chunks


def test_jpeg_keeps_jfif_colour_and_tables_and_drops_every_other_app_and_comment() -> None:
    photo = jpeg(picture(64, 48), exif=phone_exif(), xmp=XMP_LOCATION, icc_profile=b"\x00" * 128, comment=b"hi")
    photo = _with_segment(with_iptc(photo), _segment(0xEC, b"Ducky\x00\x01"))
    stripped, removed = strip_image(photo, "jpeg")
    assert removed == ["APP12", "EXIF (APP1)", "IPTC (APP13)", "XMP (APP1)", "comment (COM)"]
    assert [marker for marker, _ in _jpeg_markers(stripped)] == [0xE0, 0xE2, 0xDB, 0xDB, 0xC0, 0xC4, 0xC4, 0xC4,
                                                                 0xC4]
    assert _jpeg_markers(stripped)[0][1] == b"JFIF" and _jpeg_markers(stripped)[1][1] == b"ICC_"
    assert stripped[stripped.index(b"\xff\xda"):] == photo[photo.index(b"\xff\xda"):]


def test_an_app_segment_that_only_borrows_a_kept_marker_is_dropped() -> None:
    """APP2 is kept for ICC_PROFILE only (FlashPix data also uses APP2), APP14 for Adobe only."""
    photo = _with_segment(_with_segment(jpeg(), _segment(0xE2, b"FPXR\x00stuff")), _segment(0xEE, b"Other"))
    stripped, removed = strip_image(photo, "jpeg")
    assert removed == ["APP14", "APP2"]
    assert [marker for marker, _ in _jpeg_markers(stripped)][:1] == [0xE0]


def test_app_segments_of_every_number_and_place_are_dropped() -> None:
    photo = _with_segment(jpeg(), _segment(0xE0, b"AVI1\x00") + _segment(0xEF, b"last"))
    scan = photo.index(b"\xff\xda")
    photo = photo[:scan] + _segment(0xEC, b"after the tables") + photo[scan:]  # APPn may stand anywhere before SOS
    stripped, removed = strip_image(photo, "jpeg")
    assert removed == ["APP0", "APP12", "APP15"]
    assert [marker for marker, _ in _jpeg_markers(stripped)].count(0xE0) == 1  # only the JFIF one
    assert b"after the tables" not in stripped and b"AVI1" not in stripped


def test_a_segment_ending_the_file_is_read_to_its_last_byte() -> None:
    assert strip_image(b"\xff\xd8\xff\xfe\x00\x02", "jpeg") == (b"\xff\xd8", ["comment (COM)"])


def test_a_turned_jpeg_gets_an_exif_block_with_only_its_orientation_first() -> None:
    stripped, removed = strip_image(jpeg(exif=phone_exif(orientation=3)), "jpeg")
    assert removed == ["EXIF (APP1)"]
    markers = _jpeg_markers(stripped)
    assert markers[0] == (0xE1, b"Exif")
    with Image.open(io.BytesIO(stripped)) as image:
        assert dict(image.getexif()) == {0x0112: 3}


def test_a_large_xmp_segment_is_measured_as_unsigned() -> None:
    big = XMP_LOCATION.replace(b"/></rdf:RDF>", b' photoshop:Headline="' + b"x" * 40_000 + b'"/></rdf:RDF>')
    original = jpeg(xmp=big)
    stripped, removed = strip_image(original, "jpeg")
    start = original.index(b"\xff\xe1")
    (length,) = struct.unpack(">H", original[start + 2:start + 4])
    assert length > 32_767  # read as signed, it would be negative
    assert (removed, stripped) == (["XMP (APP1)"], original[:start] + original[start + 2 + length:])


def test_a_truncated_jpeg_is_stripped_up_to_where_it_stops() -> None:
    cut = jpeg(exif=phone_exif())[:2] + _segment(0xE1, b"Exif\x00\x00junk")
    assert strip_image(cut, "jpeg") == (b"\xff\xd8", ["EXIF (APP1)"])


def test_webp_chunks_and_flags_after_stripping() -> None:
    original = encoded(picture(40, 30, "RGBA"), "WEBP", exif=phone_exif(orientation=6), xmp=XMP_LOCATION,
                       lossless=True)
    assert [kind for kind, _ in _riff_chunks(original)] == [b"VP8X", b"VP8L", b"EXIF", b"XMP "]
    assert original[20] & 0x0C == 0x0C
    stripped, removed = strip_image(original, "webp")
    assert removed == ["EXIF", "XMP"]
    kept = orientation_only(6)
    assert kept is not None
    assert _riff_chunks(stripped) == [(b"VP8X", 10), (b"VP8L", _riff_chunks(original)[1][1]), (b"EXIF", len(kept))]
    assert stripped[20] == original[20] & ~0x0C | 0x08
    upright, _ = strip_image(encoded(picture(40, 30, "RGBA"), "WEBP", exif=phone_exif(), lossless=True), "webp")
    assert [kind for kind, _ in _riff_chunks(upright)] == [b"VP8X", b"VP8L"] and upright[20] & 0x0C == 0


def test_an_empty_chunk_ending_a_webp_is_kept() -> None:
    original = encoded(picture(40, 30, "RGBA"), "WEBP", exif=phone_exif(), lossless=True)
    body = original[12:] + b"ZZZZ\x00\x00\x00\x00"
    with_empty = b"RIFF" + (len(body) + 4).to_bytes(4, "little") + b"WEBP" + body
    stripped, removed = strip_image(with_empty, "webp")
    assert removed == ["EXIF"]
    assert [kind for kind, _ in _riff_chunks(stripped)] == [b"VP8X", b"VP8L", b"ZZZZ"]


def test_a_webp_without_extended_header_has_nothing_to_strip() -> None:
    simple = encoded(picture(40, 30), "WEBP", lossless=True)
    assert strip_image(simple, "webp") == (simple, [])


def test_png_text_exif_and_time_are_dropped_and_an_orientation_follows_the_header() -> None:
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Ahmad Example")
    text.add_text("Comment", "x" * 2000, zip=True)
    text.add_itxt("XML:com.adobe.xmp", XMP_LOCATION.decode())
    original = encoded(picture(40, 30), "PNG", pnginfo=text, exif=phone_exif(orientation=8))
    stripped, removed = strip_image(original, "png")
    assert removed == ["EXIF", "compressed text", "international text (XMP)", "text"]
    assert _png_chunks(stripped) == [b"IHDR", b"eXIf", b"IDAT", b"IEND"]
    with Image.open(io.BytesIO(stripped)) as image:
        image.load()
        assert (dict(image.getexif()), image.text) == ({0x0112: 8}, {})


@pytest.mark.parametrize("image_format, message", [("jpeg", "not a JPEG file"), ("png", "not a PNG file"),
                                                   ("webp", "not a WebP file")])
def test_a_file_that_is_not_what_it_is_said_to_be_is_refused(image_format: str, message: str) -> None:
    with pytest.raises(StripError) as refused:
        strip_image(encoded(picture(8, 8), "GIF"), image_format)
    assert str(refused.value) == message


@pytest.mark.parametrize("header", [b"RIFF\x00\x00\x00\x00WEBX", b"RIFX\x00\x00\x00\x00WEBP"])
def test_a_riff_file_that_is_not_webp_is_refused(header: bytes) -> None:
    with pytest.raises(StripError):
        strip_image(header, "webp")


def test_a_stripped_pdf_is_the_same_bytes_every_time_and_says_nothing_of_its_author() -> None:
    import pikepdf

    original = pdf()
    first, second = stripped_pdf(original), stripped_pdf(original)
    assert first == second
    with pikepdf.open(io.BytesIO(first)) as document:
        assert (dict(document.docinfo), "/Metadata" in document.Root) == ({}, False)


def test_orientation_only_is_exif_of_one_tag() -> None:
    assert orientation_only(None) is None and orientation_only(1) is None
    block = orientation_only(6)
    assert block is not None and block[:4] == b"MM\x00*"
    assert struct.unpack(">H", block[8:10]) == (1,)  # one entry in the directory

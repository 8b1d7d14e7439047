"""Stripping metadata block by block, checked on the bytes: which blocks remain, in which
order, with which lengths and flags, read by a parser written here rather than by the
code under test; and that the picture itself is untouched."""

from __future__ import annotations

import io
import re
import struct

import pikepdf
import pytest
from media_files import (
    PHONE_PHOTO,
    XMP_LOCATION,
    encoded,
    jp2_box,
    jpeg,
    jpeg2000_with_metadata,
    pdf,
    phone_exif,
    picture,
    with_iptc,
)
from PIL import Image

from build_tools.media.jpeg2000 import jp2_findings, strip_jp2
from build_tools.media.lossless import strip_jpeg
from build_tools.media.stripping import StripError, cleaned_pdf, orientation_only, strip_image, stripped_pdf


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


def test_an_empty_chunk_ending_a_webp_is_read_and_dropped() -> None:
    """A chunk of no known kind is a program's own: it can hold anything, so it goes."""
    original = encoded(picture(40, 30, "RGBA"), "WEBP", exif=phone_exif(), lossless=True)
    body = original[12:] + b"ZZZZ\x00\x00\x00\x00"
    with_empty = b"RIFF" + (len(body) + 4).to_bytes(4, "little") + b"WEBP" + body
    stripped, removed = strip_image(with_empty, "webp")
    assert removed == ["EXIF", "chunk ZZZZ"]
    assert [kind for kind, _ in _riff_chunks(stripped)] == [b"VP8X", b"VP8L"]


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


def test_fill_bytes_before_a_marker_are_not_metadata_but_bytes_between_scans_are() -> None:
    from build_tools.media.carriers import carried_findings

    progressive = jpeg(picture(48, 32), progressive=True)
    tables = progressive.index(b"\xff\xdb")
    filled = progressive[:tables] + b"\xff\xff" + progressive[tables:]  # fill bytes may precede any marker
    assert carried_findings(filled, "jpeg") == [] and strip_image(filled, "jpeg")[1] == []
    second_scan = progressive.index(b"\xff\xda", progressive.index(b"\xff\xda") + 2)
    hidden = progressive[:second_scan] + b"Ahmad Example" + progressive[second_scan:]
    assert carried_findings(hidden, "jpeg") == ["JPEG: 13 bytes outside any block"]
    stripped, removed = strip_image(hidden, "jpeg")
    assert (removed, b"Ahmad" in stripped) == (["bytes outside any block"], False)
    with Image.open(io.BytesIO(stripped)) as image, Image.open(io.BytesIO(progressive)) as expected:
        assert image.tobytes() == expected.tobytes()


def _jp2_boxes(data: bytes) -> list[bytes]:
    """The type of each top-level box of a JP2 file, read here box by box."""
    kinds, offset = [], 0
    while offset < len(data):
        kinds.append(data[offset + 4:offset + 8])
        offset += int.from_bytes(data[offset:offset + 4], "big")
    return kinds


def test_a_jpeg2000_loses_its_metadata_boxes_and_keeps_its_picture() -> None:
    hostile = jpeg2000_with_metadata()
    assert jp2_findings(hostile) == ["XMP: location (City)", "EXIF: GPS position", "EXIF: photographer's name (Artist)",
                                     "EXIF: camera serial number (BodySerialNumber)"]
    stripped = strip_jp2(hostile)
    assert stripped is not None and b"xml " not in _jp2_boxes(stripped) and b"uuid" not in _jp2_boxes(stripped)
    assert _jp2_boxes(stripped) == [kind for kind in _jp2_boxes(hostile) if kind not in (b"xml ", b"uuid")]
    assert jp2_findings(stripped) == []
    with Image.open(io.BytesIO(stripped)) as clean, Image.open(io.BytesIO(hostile)) as original:
        assert clean.tobytes() == original.tobytes()


def test_a_jpeg2000_whose_boxes_point_at_each_other_is_reported_not_changed() -> None:
    hostile = jpeg2000_with_metadata()
    with_table = hostile + jp2_box(b"ftbl", jp2_box(b"flst", b"\x00\x00"))
    assert strip_jp2(with_table) is None
    document = pikepdf.new()
    document.add_blank_page()
    page = document.pages[0].obj
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=document.make_stream(
        with_table, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=32, Height=24,
        BitsPerComponent=8, Filter=pikepdf.Name.JPXDecode)))
    output = io.BytesIO()
    document.save(output)
    published, removed = cleaned_pdf(output.getvalue())
    assert removed.people == [f"the picture Im0 on page 1 carries [{'; '.join(jp2_findings(with_table))}; boxes "
                              "that point at each other by offset, so they cannot be removed without re-encoding]"]
    with pikepdf.open(io.BytesIO(published)) as document:
        assert document.pages[0].obj.Resources.XObject.Im0.read_raw_bytes() == with_table


def test_pictures_past_the_fifth_are_counted_and_pictures_on_no_page_are_named_by_their_object() -> None:
    document = pikepdf.new()
    document.add_blank_page()
    page = document.pages[0].obj
    photos = {f"/Im{number}": document.make_stream(PHONE_PHOTO, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                                                   Width=64, Height=48, BitsPerComponent=8,
                                                   ColorSpace=pikepdf.Name.DeviceRGB, Filter=pikepdf.Name.DCTDecode)
              for number in range(7)}
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary({name: photos[name] for name in sorted(photos)[:6]}))
    page.Pattern = photos["/Im6"]  # reached from the page, but not drawn by it as an image
    output = io.BytesIO()
    document.save(output)
    published, removed = cleaned_pdf(output.getvalue())
    carried = "[EXIF: GPS position; EXIF: photographer's name (Artist); EXIF: camera serial number (BodySerialNumber)]"
    assert removed.people == [*(f"the picture Im{number} on page 1 carries {carried}" for number in range(5)),
                              "2 more pictures carrying metadata"]
    with pikepdf.open(io.BytesIO(published)) as cleaned:
        assert cleaned.pages[0].obj.Pattern.read_raw_bytes() == strip_jpeg(PHONE_PHOTO, None)[0]
    del page.Resources
    output = io.BytesIO()
    document.save(output)
    (alone,) = cleaned_pdf(output.getvalue())[1].people  # numbered as the saved file numbers it
    assert re.fullmatch(rf"the picture in object [0-9]+ carries {re.escape(carried)}", alone)

"""Metadata wherever a photo's format lets it stand, and what a PDF must not carry onto
the site's origin: each hostile file is made here, byte by byte, and must be reported by
``check`` with its exact message, removed by ``strip-metadata`` (the picture still
decoding to the same pixels) and absent from what the build publishes."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pikepdf
import pytest
from conftest import Project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from media_files import (
    AR_WITH_PHOTO,
    EN_WITH_PHOTO,
    FOLDER,
    NAMING_FEATURES,
    PDF_FEATURES,
    PHOTO,
    SECRETS,
    XMP_LOCATION,
    encoded,
    hostile_pdf,
    iptc_datasets,
    jpeg,
    jpeg_segment,
    pdf,
    phone_exif,
    photoshop_iptc,
    picture,
    png_chunk,
    raw_profile,
    riff_chunk,
    with_riff_chunk,
    write_article_with_media,
)
from PIL import Image

from build_tools.cli import main
from build_tools.media.carriers import carried_findings
from build_tools.media.formats import format_of
from build_tools.media.jpeg2000 import jp2_findings
from build_tools.media.metadata import pdf_findings
from build_tools.media.reading import Reader
from build_tools.media.renditions import render_photo
from build_tools.media.stripping import clean_pdf, cleaned_pdf, orientation_only, strip_image, stripped_pdf
from build_tools.model.entities import Localized
from build_tools.model.media import Photo

ACTIVE = "active-document"


DOCUMENT = "documents:\n  - file: {file}\n    title: {{ar: تقرير, en: The report}}\n"


def _problems(lines: list[str]) -> list[str]:
    return [line for line in lines if ": error: " in line or ": warning: " in line]


def _strip(capsys: pytest.CaptureFixture, *paths: Path) -> tuple[int, list[str]]:
    code = main(["strip-metadata", *map(str, paths)])
    return code, capsys.readouterr().out.splitlines()


def test_a_jpeg_after_the_end_of_a_jpeg_is_found_and_removed(project: Project, capsys: pytest.CaptureFixture) -> None:
    picture_itself, appended = jpeg(), jpeg(picture(64, 48), exif=phone_exif())
    photo = write_article_with_media(project) / "road.jpg"
    photo.write_bytes(picture_itself + appended)
    code, lines = project.check(capsys)
    assert (code, _problems(lines)) == (1, [
        f"{FOLDER}/meta.yml:4:11: error: road.jpg carries metadata that can endanger people: data after the end of "
        f"the picture: another JPEG picture ({len(appended):,} bytes) carrying [EXIF: GPS position; EXIF: "
        "photographer's name (Artist); EXIF: camera serial number (BodySerialNumber)]; remove it with `briefing "
        f"strip-metadata {FOLDER}/road.jpg`, then check again [unsafe-metadata]"])
    assert _strip(capsys, photo) == (0, [f"{photo}: removed data after the end of the picture"])
    assert photo.read_bytes() == picture_itself
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_imagemagicks_iptc_profile_in_a_png_is_found_and_removed(project: Project,
                                                                 capsys: pytest.CaptureFixture) -> None:
    folder = write_article_with_media(project, PHOTO.format(file="road.png"), en=EN_WITH_PHOTO.replace(".jpg", ".png"),
                                      ar=AR_WITH_PHOTO.replace(".jpg", ".png"))
    clean = encoded(picture(32, 24), "PNG")
    hostile = clean[:33] + raw_profile("iptc", iptc_datasets()) + clean[33:]  # after IHDR, as ImageMagick puts it
    (folder / "road.png").write_bytes(hostile)
    code, lines = project.check(capsys)
    assert (code, _problems(lines)) == (1, [
        f"{FOLDER}/meta.yml:4:11: error: road.png carries metadata that can endanger people: IPTC: photographer's "
        f"name (By-line); IPTC: city; remove it with `briefing strip-metadata {FOLDER}/road.png`, then check again"
        " [unsafe-metadata]"])
    assert _strip(capsys, folder / "road.png") == (0, [f"{folder / 'road.png'}: removed compressed text"])
    assert (folder / "road.png").read_bytes() == clean
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


@pytest.mark.parametrize("name, renamed", [("brief.html", "brief.pdf"), ("report.PDF", "report.pdf"),
                                           ("report", "report.pdf"), ("report.pdf.svg", "report.pdf.pdf")])
def test_a_document_is_published_only_under_a_pdf_name(project: Project, capsys: pytest.CaptureFixture, name: str,
                                                       renamed: str) -> None:
    folder = write_article_with_media(project, extra=DOCUMENT.format(file=name))
    (folder / "road.jpg").write_bytes(jpeg())
    (folder / name).write_bytes(pdf(None))  # a valid PDF, whatever its name
    code, lines = project.check(capsys)
    assert (code, _problems(lines)) == (1, [
        f"{FOLDER}/meta.yml:8:11: error: {name}: a document is published under its own name, and browsers take a "
        "file for what its name says (a PDF named .html would run as a page of the site): rename it "
        f"{renamed} and declare it so [refused-media]"])


ACTIVE_FOUND = ("JavaScript; actions run on opening or on events (OpenAction, AA); embedded files; an XFA form; "
                "Launch actions")
PEOPLE_FOUND = ("XMP metadata of pages, pictures or fonts; the authors of comments (annotations' T); comments' rich "
                "text (annotations' RC)")


def _plain(data: bytes) -> bytes:
    """A PDF written again with every stream decoded and no object streams, so that what it
    holds can be looked for in its bytes."""
    output = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as document:
        document.save(output, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
                      object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return output.getvalue()


def test_a_pdf_with_scripts_files_and_authors_is_reported_and_stripped(project: Project,
                                                                      capsys: pytest.CaptureFixture) -> None:
    folder = write_article_with_media(project, extra=DOCUMENT.format(file="report.pdf"))
    (folder / "road.jpg").write_bytes(jpeg())
    document = folder / "report.pdf"
    document.write_bytes(hostile_pdf())
    code, lines = project.check(capsys)
    command = f"`briefing strip-metadata {FOLDER}/report.pdf`"
    assert (code, _problems(lines)) == (1, [
        f"{FOLDER}/meta.yml:8:11: error: report.pdf carries metadata that can endanger people: {PEOPLE_FOUND}; "
        f"remove it with {command}, then check again [unsafe-metadata]",
        f"{FOLDER}/meta.yml:8:11: warning: report.pdf holds {ACTIVE_FOUND}: the build publishes it without them; "
        f"remove them from the file too with {command} [{ACTIVE}]"])
    assert _strip(capsys, document) == (0, [
        f"{document}: removed {PEOPLE_FOUND.replace('; ', ', ')}, {ACTIVE_FOUND.replace('; ', ', ')}"])
    stripped = _plain(document.read_bytes())
    assert [secret for secret in SECRETS if secret in stripped] == []
    assert b"(The report itself)" in stripped and b"/URI (https://example.org/)" in stripped  # its page, its link
    assert _strip(capsys, document) == (0, [f"{document}: no metadata to remove"])
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_the_site_publishes_a_pdf_without_what_would_run_or_travel_with_it(project: Project, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture) -> None:
    active = {"open-action", "names-javascript", "page-events", "form", "xfa", "embedded-file", "associated-file",
              "chained-link", "launch-link", "outline"}
    folder = write_article_with_media(project, extra=DOCUMENT.format(file="report.pdf"))
    (folder / "road.jpg").write_bytes(jpeg())
    (folder / "report.pdf").write_bytes(hostile_pdf(active))
    code, lines = project.check(capsys)
    assert (code, _problems(lines)) == (0, [
        f"{FOLDER}/meta.yml:8:11: warning: report.pdf holds {ACTIVE_FOUND}: the build publishes it without them; "
        f"remove them from the file too with `briefing strip-metadata {FOLDER}/report.pdf` [{ACTIVE}]"])
    site = tmp_path / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    (published,) = site.rglob("*.pdf")
    assert published.name == "report.pdf"
    with pikepdf.open(published) as document:
        root, page = document.Root, document.pages[0].obj
        assert "/OpenAction" not in root and dict(root.get("/Names", pikepdf.Dictionary())) == {}
        assert "/XFA" not in root.AcroForm and "/AA" not in page and "/AF" not in page
        assert [dict(annotation).get("/AA") for annotation in page.Annots] == [None] * len(page.Annots)
    plain = _plain(published.read_bytes())
    assert [secret for secret in SECRETS if secret in plain] == []
    assert b"/JavaScript" not in plain and b"/Launch" not in plain and b"/EmbeddedFile" not in plain


def _with_segment_before(data: bytes, marker: bytes, segment: bytes, occurrence: int = 0) -> bytes:
    """``data`` with ``segment`` put before the ``occurrence``-th ``marker`` (0: the first)."""
    at = -1
    for _ in range(occurrence + 1):
        at = data.index(marker, at + 1)
    return data[:at] + segment + data[at:]


EXIF_BLOCK = phone_exif().tobytes()
"""b"Exif\\0\\0" and TIFF data: where, who, which camera."""
PHOTOSHOP = b"Photoshop 3.0\x00" + photoshop_iptc(iptc_datasets())
EXTENDED_XMP = (b"http://ns.adobe.com/xmp/extension/\x00" + b"0" * 32 + len(XMP_LOCATION).to_bytes(4, "big")
                + b"\x00" * 4 + XMP_LOCATION)
JPEG_CARRIERS = {
    # a first EXIF block saying only how the picture is turned (what Pillow reads), then one with GPS
    "second-exif": lambda data: data[:2] + jpeg_segment(0xE1, b"Exif\x00\x00" + (orientation_only(6) or b""))
    + jpeg_segment(0xE1, EXIF_BLOCK) + data[2:],
    "xmp": lambda data: data[:2] + jpeg_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP_LOCATION) + data[2:],
    "extended-xmp": lambda data: data[:2] + jpeg_segment(0xE1, EXTENDED_XMP) + data[2:],
    "iptc-after-the-tables": lambda data: _with_segment_before(data, b"\xff\xc2", jpeg_segment(0xED, PHOTOSHOP)),
    "exif-between-scans": lambda data: _with_segment_before(data, b"\xff\xda", jpeg_segment(0xE1, EXIF_BLOCK), 1),
    "comment": lambda data: data[:2] + jpeg_segment(0xFE, b"Taken by Ahmad Example") + data[2:],
    "private-app": lambda data: data[:2] + jpeg_segment(0xEC, b"Ducky\x00Ahmad Example") + data[2:],
    "appended-jpeg": lambda data: data + jpeg(picture(16, 16), exif=phone_exif()),
    "appended-bytes": lambda data: data + b"Ahmad Example, Deir ez-Zor",
}
PNG_CARRIERS = {
    "author": lambda data: data[:33] + png_chunk(b"tEXt", b"Author\x00Ahmad Example") + data[33:],
    "raw-iptc": lambda data: data[:33] + raw_profile("iptc", iptc_datasets()) + data[33:],
    "raw-exif": lambda data: data[:33] + raw_profile("exif", EXIF_BLOCK, zipped=False) + data[33:],
    "raw-8bim": lambda data: data[:33] + raw_profile("8bim", photoshop_iptc(iptc_datasets())) + data[33:],
    "raw-app1": lambda data: data[:33] + raw_profile("APP1", EXIF_BLOCK) + data[33:],
    "exif-chunk": lambda data: data[:33] + png_chunk(b"eXIf", EXIF_BLOCK[6:]) + data[33:],
    "xmp-itxt": lambda data: data[:33] + png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x01\x00\x00\x00"
                                                   + zlib.compress(XMP_LOCATION)) + data[33:],
    # two chunks of one keyword: Pillow keeps the last, which says nothing
    "same-keyword-twice": lambda data: data[:33] + raw_profile("iptc", iptc_datasets())
    + raw_profile("iptc", iptc_datasets("", "")) + data[33:],
    "text-after-the-picture": lambda data: data[:-12] + png_chunk(b"tEXt", b"Comment\x00Ahmad Example") + data[-12:],
    "private-chunk": lambda data: data[:33] + png_chunk(b"prVt", b"Ahmad Example") + data[33:],
    "appended-png": lambda data: data + encoded(picture(8, 8), "PNG", exif=phone_exif()),
    "appended-bytes": lambda data: data + b"Ahmad Example, Deir ez-Zor",
}
WEBP_CARRIERS = {
    "exif": lambda data: with_riff_chunk(data, riff_chunk(b"EXIF", EXIF_BLOCK[6:])),
    "xmp": lambda data: with_riff_chunk(data, riff_chunk(b"XMP ", XMP_LOCATION)),
    "private-chunk": lambda data: with_riff_chunk(data, riff_chunk(b"prVt", b"Ahmad Example")),
    "past-the-riff-size": lambda data: data + jpeg(picture(16, 16), exif=phone_exif()),
}
CARRIERS = {"jpeg": JPEG_CARRIERS, "png": PNG_CARRIERS, "webp": WEBP_CARRIERS}
BASES = {"jpeg": jpeg(picture(48, 32), progressive=True), "png": encoded(picture(48, 32), "PNG"),
         "webp": encoded(picture(48, 32, "RGBA"), "WEBP", lossless=True)}
"""Each format's clean picture: a progressive JPEG, so that it has several scans."""


def _pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGBA").tobytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(CARRIERS)).flatmap(
    lambda image_format: st.tuples(st.just(image_format), st.sets(st.sampled_from(sorted(CARRIERS[image_format])),
                                                                   min_size=1))))
def test_every_carrier_is_found_stripped_and_never_rendered(tmp_path: Path, case: tuple[str, set[str]]) -> None:
    image_format, carriers = case
    _found_stripped_and_never_rendered(tmp_path, image_format, carriers)


@pytest.mark.parametrize("image_format, carrier", [(image_format, carrier) for image_format in sorted(CARRIERS)
                                                   for carrier in sorted(CARRIERS[image_format])])
def test_each_carrier_alone_is_found_stripped_and_never_rendered(tmp_path: Path, image_format: str,
                                                                 carrier: str) -> None:
    _found_stripped_and_never_rendered(tmp_path, image_format, {carrier})


def _found_stripped_and_never_rendered(tmp_path: Path, image_format: str, carriers: set[str]) -> None:
    data = BASES[image_format]
    for carrier in sorted(carriers):
        data = CARRIERS[image_format][carrier](data)
    path = tmp_path / f"photo.{image_format}"
    path.write_bytes(data)
    reader = Reader(max_bytes=10**7, max_pixels=10**7)
    facts = reader.image(path)
    assert facts.findings, carriers  # what check reports as an error
    stripped, removed = strip_image(data, image_format)
    assert removed
    assert [secret for secret in SECRETS if secret in stripped] == []
    path.write_bytes(stripped)
    assert reader.image(path).findings == []
    assert _pixels(stripped) == _pixels(BASES[image_format])  # the same picture, not a pixel changed
    photo = Photo(file=path.name, original=path.name, alt=Localized({}), credit=Localized({}),
                  caption=Localized({}), lead=False, width=facts.width, height=facts.height, digest=facts.digest,
                  transparent=facts.transparent)
    for rendition in render_photo(data, photo).values():
        assert carried_findings(rendition, format_of(rendition[:16]) or "") == []
        assert [secret for secret in SECRETS if secret in rendition] == []


@settings(max_examples=60, deadline=None)
@given(st.sets(st.sampled_from(PDF_FEATURES), min_size=1))
def test_every_feature_of_a_pdf_is_found_and_never_published(features: set[str]) -> None:
    _pdf_found_and_never_published(features)


@pytest.mark.parametrize("feature", NAMING_FEATURES)
def test_each_naming_feature_of_a_pdf_alone_is_found_and_never_published(feature: str) -> None:
    _pdf_found_and_never_published({feature})


def _pdf_found_and_never_published(features: set[str]) -> None:
    original = hostile_pdf(features)
    published, removed = cleaned_pdf(original)
    assert removed.people or removed.active
    if features & set(NAMING_FEATURES):
        assert removed.people, features  # an error in check, not a warning
    plain = _plain(published)
    assert [secret for secret in SECRETS if secret in plain] == []
    assert b"(The report itself)" in plain
    _assert_pictures_clean(original, published)
    with pikepdf.open(io.BytesIO(published)) as document:
        again = clean_pdf(document)
        assert (again.people, again.active, pdf_findings(document)) == ([], [], [])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(CARRIERS)), st.data())
def test_any_bytes_after_a_signature_are_walked_without_failing(image_format: str, data: st.DataObject) -> None:
    """Whatever follows a format's first bytes (a file cut short, a length running past its end, a
    marker in the wrong place), the walk ends, and judges or drops every byte."""
    original = BASES[image_format]
    for carrier in sorted(CARRIERS[image_format])[:2]:
        original = CARRIERS[image_format][carrier](original)
    start = data.draw(st.integers(12, len(original)))
    tail = data.draw(st.binary(max_size=64))
    mangled = original[:start] + tail + original[start + len(tail):]
    assert isinstance(carried_findings(mangled, image_format), list)
    stripped, removed = strip_image(mangled, image_format)
    assert isinstance(removed, list) and len(stripped) <= len(mangled) + 64


PHONE_FOUND = "EXIF: GPS position; EXIF: photographer's name (Artist); EXIF: camera serial number (BodySerialNumber)"
PICTURES_FOUND = ["the information of article threads, which can name their author (Threads' I)",
                  "who made the layers (optional content's Creator, CreatorInfo, User)",
                  "pages' thumbnails, which can show an earlier version of a page (Thumb)",
                  f"the picture Im0 on page 1 carries [{PHONE_FOUND}]"]


def _pictures(data: bytes) -> dict[str, bytes]:
    """Each picture the page draws, by its name: the JPEG or JPEG 2000 file its stream holds."""
    found = {}
    with pikepdf.open(io.BytesIO(data)) as document:
        resources = document.pages[0].obj.get("/Resources", pikepdf.Dictionary())
        for name, stream in resources.get("/XObject", pikepdf.Dictionary()).items():
            filters = stream.Filter if isinstance(stream.Filter, pikepdf.Array) else [stream.Filter]
            raw = stream.read_raw_bytes()
            found[name] = zlib.decompress(raw) if str(filters[0]) == "/FlateDecode" else raw
    return found


def _assert_pictures_clean(original: bytes, published: bytes) -> None:
    """Every picture of ``published`` is the picture of ``original``, pixel for pixel, and
    carries nothing: no EXIF, no secret in its bytes, no finding."""
    before, after = _pictures(original), _pictures(published)
    assert before.keys() == after.keys()
    for name, picture_file in after.items():
        with Image.open(io.BytesIO(picture_file)) as image:
            exif = image.getexif()
            assert (dict(exif), dict(exif.get_ifd(0x8825))) == ({}, {}), name
        assert [secret for secret in SECRETS if secret in picture_file] == [], name
        assert _pixels(picture_file) == _pixels(before[name]), name
        assert jp2_findings(picture_file) == [] and (not picture_file.startswith(b"\xff\xd8")
                                                     or carried_findings(picture_file, "jpeg") == [])


def test_a_pdf_made_from_phone_photos_is_reported_stripped_and_published_clean(
        project: Project, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = write_article_with_media(project, extra=DOCUMENT.format(file="report.pdf"))
    (folder / "road.jpg").write_bytes(jpeg())
    document, original = folder / "report.pdf", hostile_pdf({"photo", "thumbnail", "threads", "layers"})
    document.write_bytes(original)
    code, lines = project.check(capsys)
    assert (code, _problems(lines)) == (1, [
        f"{FOLDER}/meta.yml:8:11: error: report.pdf carries metadata that can endanger people: "
        f"{'; '.join(PICTURES_FOUND)}; remove it with `briefing strip-metadata {FOLDER}/report.pdf`, then check "
        "again [unsafe-metadata]"])
    _assert_published_clean(original, stripped_pdf(original))  # what the build would publish of it
    assert _strip(capsys, document) == (0, [f"{document}: removed {', '.join(PICTURES_FOUND)}"])
    _assert_published_clean(original, document.read_bytes())
    assert _strip(capsys, document) == (0, [f"{document}: no metadata to remove"])
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])
    site = tmp_path / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    (published,) = site.rglob("*.pdf")
    _assert_published_clean(original, published.read_bytes())


def _assert_published_clean(original: bytes, published: bytes) -> None:
    _assert_pictures_clean(original, published)
    with pikepdf.open(io.BytesIO(published)) as document:
        page, layers = document.pages[0].obj, document.Root.OCProperties
        assert "/Thumb" not in page and "/I" not in document.Root.Threads[0] and "/Creator" not in layers.D
        assert dict(layers.OCGs[0].Usage) == {}
    plain = _plain(published)
    assert [secret for secret in SECRETS if secret in plain] == []
    assert b"(The report itself)" in plain and b"/Im0 Do" in plain


SIGNED_FOUND = ("signatures, which name the signer, where and why they signed (Sig, Perms, DSS); the picture Im0 on "
                f"page 1 carries [{PHONE_FOUND}]; the picture Im1 on page 1 carries [{PHONE_FOUND}]; the picture Im2 "
                f"on page 1 carries [XMP: location (City); {PHONE_FOUND}]")


def test_signatures_jpeg2000_and_compressed_jpegs_are_found_and_removed() -> None:
    original = hostile_pdf({"signature", "photo", "compressed-photo", "jpeg2000"})
    published, removed = cleaned_pdf(original)
    assert ("; ".join(removed.people), removed.active) == (SIGNED_FOUND, [])
    _assert_pictures_clean(original, published)
    with pikepdf.open(io.BytesIO(published)) as document:
        (field,) = document.Root.AcroForm.Fields
        assert "/V" not in field and "/Perms" not in document.Root and str(field.T) == "signature"
    plain = _plain(published)
    assert [secret for secret in SECRETS if secret in plain] == []

"""Photos and documents: every check with its exact message, metadata removed in place,
and a published site that holds no original and no metadata."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pikepdf
import pytest
from conftest import Project, write_minimal_article
from media_files import (
    FOLDER,
    PHOTO,
    XMP_LOCATION,
    encoded,
    jpeg,
    pdf,
    phone_exif,
    picture,
    with_iptc,
    write_article_with_media,
    write_illustrated_article,
)
from PIL import Image, ImageChops, ImageOps, ImageStat, PngImagePlugin

from build_tools.checks.media import inspect_media
from build_tools.cli import main
from build_tools.content.loader import load_bundle, load_content
from build_tools.diagnostics import Report
from build_tools.media.metadata import image_findings, pdf_findings
from build_tools.media.reading import Reader


def test_a_photo_naming_its_photographer_and_city_in_iptc_is_an_error(project: Project,
                                                                      capsys: pytest.CaptureFixture) -> None:
    photo = write_article_with_media(project) / "road.jpg"
    photo.write_bytes(with_iptc(jpeg()))
    code, lines = project.check(capsys)
    assert (code, _errors(lines)) == (1, [
        f"{FOLDER}/meta.yml:4:11: error: road.jpg carries metadata that can endanger people: IPTC: photographer's "
        f"name (By-line); IPTC: city; remove it with `briefing strip-metadata {FOLDER}/road.jpg`, then check again"
        " [unsafe-metadata]"])
    assert main(["strip-metadata", str(photo)]) == 0
    assert capsys.readouterr().out == f"{photo}: removed IPTC (APP13)\n"
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def _errors(lines: list[str]) -> list[str]:
    return [line for line in lines if ": error: " in line or ": warning: " in line]


def test_a_declared_and_placed_photo_passes(project: Project, capsys: pytest.CaptureFixture) -> None:
    (write_article_with_media(project) / "road.jpg").write_bytes(jpeg())
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_a_photo_with_gps_serial_number_and_xmp_location_is_an_error(project: Project,
                                                                    capsys: pytest.CaptureFixture) -> None:
    (write_article_with_media(project) / "road.jpg").write_bytes(jpeg(exif=phone_exif(), xmp=XMP_LOCATION))
    code, lines = project.check(capsys)
    assert code == 1
    assert _errors(lines) == [
        f"{FOLDER}/meta.yml:4:11: error: road.jpg carries metadata that can endanger people: EXIF: GPS position; "
        "EXIF: photographer's name (Artist); EXIF: camera serial number (BodySerialNumber); XMP: location (City); "
        f"remove it with `briefing strip-metadata {FOLDER}/road.jpg`, then check again [unsafe-metadata]"]


@pytest.mark.parametrize("content, message", [
    pytest.param(jpeg()[:1500], "road.jpg: the file is cut short (truncated): copy or export it again [refused-media]",
                 id="truncated"),
    pytest.param(jpeg()[:300], "road.jpg: the file is cut short (truncated): copy or export it again [refused-media]",
                 id="cut-in-its-header"),
    pytest.param(b"GIF89a\x01\x00\x01\x00", "road.jpg: not a JPEG, PNG or WebP image: its content is not one of JPEG, "
                 "PNG, WebP or PDF, whatever its name says [refused-media]", id="not-an-image"),
    pytest.param(pdf(None), "road.jpg: not a JPEG, PNG or WebP image: its content is a PDF file, whatever its name "
                 "says [refused-media]", id="a-pdf-named-jpg"),
    pytest.param(encoded(Image.new("1", (8000, 7000)), "PNG"), "road.jpg: 8,000×7,000 pixels, over the limit of "
                 "50,000,000 (media: max_megapixels in site.yml): an image this large can exhaust the memory of the "
                 "build (a decompression bomb); reduce it before adding it [refused-media]", id="png-bomb"),
    pytest.param(encoded(Image.new("1", (20000, 20000)), "PNG"), "road.jpg: refused as a decompression bomb: Image "
                 "size (400000000 pixels) exceeds limit of 178956970 pixels, could be decompression bomb DOS attack."
                 " [refused-media]",
                 id="png-bomb-beyond-pillow"),
])
def test_a_file_that_cannot_be_published_is_an_error(project: Project, capsys: pytest.CaptureFixture,
                                                     content: bytes, message: str) -> None:
    (write_article_with_media(project) / "road.jpg").write_bytes(content)
    code, lines = project.check(capsys)
    assert (code, _errors(lines)) == (1, [f"{FOLDER}/meta.yml:4:11: error: {message}"])


def test_a_file_over_the_size_limit_is_an_error(project: Project, capsys: pytest.CaptureFixture) -> None:
    project.write("site_config/site.yml", (project.root / "site_config/site.yml").read_text(encoding="utf-8")
                  .replace("max_file_mb: 20", "max_file_mb: 0.001"))
    (write_article_with_media(project) / "road.jpg").write_bytes(jpeg(picture(400, 300)))
    size = (project.root / FOLDER / "road.jpg").stat().st_size
    code, lines = project.check(capsys)
    assert (code, _errors(lines)) == (1, [f"{FOLDER}/meta.yml:4:11: error: road.jpg: {size / 1e6:.1f} MB, over the "
                                          "limit of 0 MB (media: max_file_mb in site.yml) [refused-media]"])


def test_missing_alt_and_credit_in_a_language_of_the_article(project: Project,
                                                             capsys: pytest.CaptureFixture) -> None:
    media = "  - file: road.jpg\n    alt: {ar: طريق}\n    credit: {en: An agency}\n"
    (write_article_with_media(project, media) / "road.jpg").write_bytes(jpeg())
    code, lines = project.check(capsys)
    assert (code, _errors(lines)) == (1, [
        f"{FOLDER}/meta.yml:5:10: error: media[0].alt: no English text (en), needed because the article has en.md"
        " [media-text-missing]",
        f"{FOLDER}/meta.yml:6:13: error: media[0].credit: no Arabic text (ar), needed because the article has ar.md"
        " [media-text-missing]"])


def test_placed_images_must_be_declared_photos_of_the_folder(project: Project, capsys: pytest.CaptureFixture) -> None:
    en = ("---\ntitle: A rift\n---\nText.\n\n![](road.jpg) ![x](https://example.org/x.jpg)\n\n![](other.jpg)\n\n"
          "![](../elsewhere/y.jpg) ![a][ref] <img src=\"undeclared.png\"> `![](in-code.jpg)`\n\n"
          "![](data:image/png;base64,AAAA)\n\n[ref]: //cdn.example.org/z.webp\n\n![](report.pdf)\n")
    folder = write_article_with_media(project, extra="documents:\n  - file: report.pdf\n    title: {ar: تقرير, en: "
                                                     "Report}\n", en=en)
    (folder / "road.jpg").write_bytes(jpeg())
    (folder / "report.pdf").write_bytes(pdf(None))
    (folder / "undeclared.png").write_bytes(encoded(picture(), "PNG"))
    code, lines = project.check(capsys)
    remote = ("readers' browsers would not show it (the site's Content-Security-Policy allows only its own images), "
              "and loading it would tell its host who reads the article; download it into the article's folder, "
              "declare it under media: with its credit, and place it as ![](FILE) [misplaced-image]")
    assert (code, _errors(lines)) == (1, [
        f"{FOLDER}/en.md:6:20: error: remote image https://example.org/x.jpg: {remote}",
        f"{FOLDER}/en.md:8:5: error: no file 'other.jpg' in the article's folder [misplaced-image]",
        f"{FOLDER}/en.md:10:5: error: ../elsewhere/y.jpg: photos are placed by their file name, from the article's "
        "own folder (![](photo.jpg)) [misplaced-image]",
        f"{FOLDER}/en.md:10:45: error: undeclared.png is not declared under media: in meta.yml (with its alt text "
        "and credit in each language) [misplaced-image]",
        f"{FOLDER}/en.md:12:5: error: 'data:' link is not allowed: links must be http, https, mailto or to an "
        "actor, location, source or tag [unsafe-link]",
        f"{FOLDER}/en.md:14:8: error: remote image //cdn.example.org/z.webp: {remote}",
        f"{FOLDER}/en.md:16:5: error: report.pdf is a document: documents are listed with the article, not placed "
        "as images [misplaced-image]",
        f"{FOLDER}/undeclared.png: warning: not declared under media: in meta.yml, so not published "
        "[undeclared-media]"])


def test_declared_files_missing_unused_or_twice_lead(project: Project, capsys: pytest.CaptureFixture) -> None:
    media = (PHOTO.format(file="road.jpg") + "    lead: true\n" + PHOTO.format(file="spare.jpg")
             + PHOTO.format(file="gone.jpg") + PHOTO.format(file="second.jpg") + "    lead: true\n")
    extra = "documents:\n  - file: report.pdf\n    title: {ar: تقرير, en: Report}\n    source: nobody\n"
    folder = write_article_with_media(project, media, extra)
    for name in ("road.jpg", "spare.jpg", "second.jpg"):
        (folder / name).write_bytes(jpeg())
    (folder / "report.pdf").write_bytes(pdf())
    (folder / "notes.txt").write_text("notes", encoding="utf-8")
    code, lines = project.check(capsys)
    assert (code, _errors(lines)) == (1, [
        f"{FOLDER}/meta.yml:8:11: warning: spare.jpg is declared but placed nowhere: write ![](spare.jpg) where it "
        "belongs in the text, or remove it from media: [unplaced-photo]",
        f"{FOLDER}/meta.yml:11:11: error: media[2].file: no file 'gone.jpg' in the article's folder"
        " [missing-media-file]",
        f"{FOLDER}/meta.yml:17:11: error: media[3].lead: media[0] is already the article's lead photo; an article "
        "has at most one [second-lead]",
        f"{FOLDER}/meta.yml:19:11: error: report.pdf carries metadata that can endanger people: document "
        "information: author's name (Author); XMP metadata (author, tool and dates); remove it with "
        f"`briefing strip-metadata {FOLDER}/report.pdf`, then check again [unsafe-metadata]",
        f"{FOLDER}/meta.yml:21:13: error: unknown source 'nobody' in documents[0].source [unknown-reference]",
        f"{FOLDER}/notes.txt: warning: ignored: an article's folder holds meta.yml, its texts, and the photos and "
        "documents meta.yml declares [ignored-file]"])


def test_undeclared_files_with_metadata_warn_that_the_repository_publishes_it(project: Project,
                                                                             capsys: pytest.CaptureFixture) -> None:
    folder = write_article_with_media(project)
    (folder / "road.jpg").write_bytes(jpeg())
    (folder / "original.jpg").write_bytes(jpeg(exif=phone_exif()))
    (folder / "draft.pdf").write_bytes(pdf())
    (folder / "clean.pdf").write_bytes(pdf(None))
    code, lines = project.check(capsys)
    assert (code, _errors(lines)) == (0, [
        f"{FOLDER}/clean.pdf: warning: not declared under documents: in meta.yml, so not published"
        " [undeclared-media]",
        f"{FOLDER}/draft.pdf: warning: not declared under documents: in meta.yml, so not published; it carries "
        "metadata that anyone who clones the repository can read: document information: author's name (Author); "
        f"XMP metadata (author, tool and dates); remove it with `briefing strip-metadata {FOLDER}/draft.pdf`, "
        "then check again [undeclared-media]",
        f"{FOLDER}/original.jpg: warning: not declared under media: in meta.yml, so not published; it carries "
        "metadata that anyone who clones the repository can read: EXIF: GPS position; EXIF: photographer's name "
        f"(Artist); EXIF: camera serial number (BodySerialNumber); remove it with `briefing strip-metadata "
        f"{FOLDER}/original.jpg`, then check again [undeclared-media]"])
    code, lines = project.check(capsys, "--format", "json")
    where = [{key: item[key] for key in ("file", "line", "column")} for item in json.loads("\n".join(lines))
             ["diagnostics"] if item["code"] == "undeclared-media"]
    assert where == [{"file": f"{FOLDER}/{name}", "line": 0, "column": 0}  # the file as a whole
                     for name in ("clean.pdf", "draft.pdf", "original.jpg")]


def test_a_declared_file_gone_before_it_is_read_is_an_error(project: Project) -> None:
    """A file removed between listing the folder and reading it (moved away by another program)."""
    folder = write_article_with_media(project)
    (folder / "road.jpg").write_bytes(jpeg())
    files = load_content(project.root, Report())
    report = Report()
    bundle = load_bundle(next(path for path in files.article_folders if path.name == folder.name), files, report)
    (folder / "road.jpg").unlink()
    assert inspect_media(bundle, Reader(max_bytes=10**6, max_pixels=10**6), report) == {}
    assert report.as_text(summary=False) == (f"{FOLDER}/meta.yml:4:11: error: road.jpg: cannot be read: No such "
                                             "file or directory [unreadable-file]\n")


def _strip(capsys: pytest.CaptureFixture, *paths: Path) -> tuple[int, list[str]]:
    code = main(["strip-metadata", *map(str, paths)])
    return code, capsys.readouterr().out.splitlines()


def _compressed_data(data: bytes) -> bytes:
    """A JPEG's picture: everything from its start-of-scan marker on."""
    return data[data.index(b"\xff\xda"):]


def test_strip_metadata_removes_it_losslessly_and_keeps_the_orientation(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture) -> None:
    photo = tmp_path / "photo.jpg"
    original = jpeg(picture(300, 200), exif=phone_exif(orientation=6), xmp=XMP_LOCATION)
    photo.write_bytes(original)
    assert _strip(capsys, photo) == (0, [f"{photo}: removed EXIF (APP1), XMP (APP1); kept the orientation the camera "
                                         "recorded"])
    stripped = photo.read_bytes()
    assert _compressed_data(stripped) == _compressed_data(original)
    with Image.open(photo) as image:
        assert image_findings(image) == []
        assert dict(image.getexif()) == {0x0112: 6}
        assert image.size == (300, 200)
    assert _strip(capsys, photo) == (0, [f"{photo}: no metadata to remove"])
    assert photo.read_bytes() == stripped


@pytest.mark.parametrize("image_format, removed", [("PNG", "EXIF"), ("WEBP", "EXIF, XMP")])
@pytest.mark.parametrize("orientation", [1, 8])
def test_strip_metadata_of_png_and_webp(tmp_path: Path, capsys: pytest.CaptureFixture, image_format: str,
                                        removed: str, orientation: int) -> None:
    photo = tmp_path / f"photo.{image_format.lower()}"
    photo.write_bytes(encoded(picture(120, 80, "RGBA"), image_format, exif=phone_exif(orientation), xmp=XMP_LOCATION,
                              lossless=True))
    kept = "; kept the orientation the camera recorded" if orientation != 1 else ""
    assert _strip(capsys, photo) == (0, [f"{photo}: removed {removed}{kept}"])
    with Image.open(photo) as image, Image.open(io.BytesIO(encoded(picture(120, 80, "RGBA"), "PNG"))) as expected:
        image.load()
        assert image_findings(image) == []
        assert dict(image.getexif()) == ({0x0112: orientation} if orientation != 1 else {})
        assert image.convert("RGBA").tobytes() == expected.convert("RGBA").tobytes()
    assert _strip(capsys, photo) == (0, [f"{photo}: no metadata to remove"])


def test_strip_metadata_of_a_pdf_and_of_what_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    document, text = tmp_path / "report.pdf", tmp_path / "notes.jpg"
    document.write_bytes(pdf())
    text.write_text("not a photo", encoding="utf-8")
    code, lines = _strip(capsys, document, text, tmp_path / "absent.jpg")
    assert (code, lines) == (1, [
        f"{document}: removed document information: author's name (Author), XMP metadata (author, tool and dates)",
        f"{text}: error: not a JPEG, PNG, WebP or PDF file (by its content); nothing changed",
        f"{tmp_path / 'absent.jpg'}: error: no such file"])
    with pikepdf.open(document) as stripped:
        assert pdf_findings(stripped) == []
        assert len(stripped.pages) == 1
    assert text.read_text(encoding="utf-8") == "not a photo"


def test_the_site_publishes_no_original_and_no_metadata(project: Project, tmp_path: Path) -> None:
    folder = write_illustrated_article(project)
    site = tmp_path / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    originals = {hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}
    published = [path for path in site.rglob("*") if path.is_file()]
    assert not [path for path in published if hashlib.sha256(path.read_bytes()).hexdigest() in originals]
    images = [path for path in published if path.suffix in (".jpg", ".png", ".webp") and "media" in path.parts]
    assert sorted(path.name.split("-")[1] for path in images) == sorted(
        ["480.webp", "960.webp", "1200.jpg", "1500.webp", "480.webp", "700.webp", "700.png"])
    for path in images:
        with Image.open(path) as image:
            image.load()
            assert (image_findings(image), dict(image.getexif()), image.info.get("icc_profile")) == ([], {}, None)
            assert image.width <= 1600
    turned = next(path for path in images if path.name.endswith("-1200.jpg"))
    with Image.open(turned) as image, Image.open(folder / "road.jpg") as original:
        upright = ImageOps.exif_transpose(original).resize(image.size)
        difference = ImageStat.Stat(ImageChops.difference(image.convert("RGB"), upright)).mean
        assert image.size == (1200, 1600) and max(difference) < 4  # turned as the camera recorded, not stretched
    documents = [path for path in published if path.suffix == ".pdf"]
    with pikepdf.open(documents[0]) as document:
        assert (pdf_findings(document), dict(document.docinfo)) == ([], {})


def test_figures_cards_previews_and_feeds_show_the_photos(project: Project, tmp_path: Path) -> None:
    write_illustrated_article(project)
    site = tmp_path / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    page = (site / "ar/articles/2017-08-07-a/index.html").read_text(encoding="utf-8")
    road = next(path.name for path in (site / "media").iterdir() if path.name.endswith("-1200.jpg"))
    digest = road.removesuffix("-1200.jpg")
    assert (f'<figure class="briefing-figure" data-briefing="figure"><img src="../../../media/{digest}-1200.jpg" '
            f'srcset="../../../media/{digest}-480.webp 480w, ../../../media/{digest}-960.webp 960w, '
            f'../../../media/{digest}-1500.webp 1500w" sizes="(min-width: 76.25em) 42rem, 92vw" width="1200" '
            'height="1600" loading="lazy" decoding="async" alt="الطريق إلى المطار"><figcaption>'
            '<span class="briefing-figure__credit">تصوير: <bdi lang="ar" dir="rtl">وكالة</bdi></span></figcaption>'
            '</figure>') in page
    lead = next(path.name for path in (site / "media").iterdir() if path.name.endswith("-700.png"))
    assert page.index(f"media/{lead}") < page.index(f"media/{road}")  # the lead photo, not placed: at the top
    assert f'<meta property="og:image" content="https://example.org/briefing/media/{lead}">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    english = (site / "en/articles/2017-08-07-a/index.html").read_text(encoding="utf-8")
    assert 'alt="The road to the airbase"' in english and "Photo: <bdi" in english
    assert '(PDF, 1 kB)' in english and "The report</bdi></a>" in english
    data = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["image"] == {"@type": "ImageObject", "url": f"https://example.org/briefing/media/{lead}",
                             "contentUrl": f"https://example.org/briefing/media/{lead}", "width": 700,
                             "height": 500, "caption": "خريطة المعارك حول المطار", "creditText": "وكالة"}
    home = (site / "ar/index.html").read_text(encoding="utf-8")
    assert f'src="../media/{lead.replace("-700.png", "-480.webp")}" width="480"' in home
    feed = (site / "ar/feed.xml").read_text(encoding="utf-8")
    assert f'<media:content url="https://example.org/briefing/media/{lead}" type="image/png" medium="image"' in feed


def test_a_rebuild_reencodes_nothing_and_gives_the_same_bytes(project: Project, tmp_path: Path) -> None:
    write_illustrated_article(project)
    first, second = tmp_path / "first", tmp_path / "second"
    assert main(["build", "--root", str(project.root), "--site-dir", str(first)]) == 0
    cache = project.root / ".briefing-cache" / "media"
    made = {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}
    # what was read from each photo and the document, then their published files
    assert sorted(path.suffix for path in made) == [".jpg", *[".json"] * 3, ".pdf", ".png", *[".webp"] * 5]
    assert main(["build", "--root", str(project.root), "--site-dir", str(second)]) == 0
    assert {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()} == made
    for path in (first / "media").rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (second / path.relative_to(first)).read_bytes()


def test_what_was_read_from_a_photo_is_remembered_by_its_content(project: Project,
                                                                  capsys: pytest.CaptureFixture) -> None:
    photo = write_article_with_media(project) / "road.jpg"
    photo.write_bytes(jpeg())
    every_folder = "--no-cache"  # the article's folder is read each time; its photo is what may be remembered
    assert project.check(capsys, every_folder) == (0, ["0 errors, 0 warnings"])
    (remembered,) = (project.root / ".briefing-cache/media").glob("*-read-*.json")
    assert remembered.name.startswith(hashlib.sha256(photo.read_bytes()).hexdigest())
    facts = json.loads(remembered.read_text(encoding="utf-8"))
    assert facts | {"digest": None} == {"width": 640, "height": 480, "transparent": False, "digest": None,
                                        "findings": []}
    remembered.write_text(json.dumps(facts | {"findings": ["EXIF: GPS position"]}), encoding="utf-8")
    code, lines = project.check(capsys, every_folder)  # taken from what was remembered, not decoded again
    assert code == 1 and "road.jpg carries metadata that can endanger people: EXIF: GPS position;" in lines[0]
    remembered.write_text("{", encoding="utf-8")  # unreadable: the photo is read again
    assert project.check(capsys, every_folder) == (0, ["0 errors, 0 warnings"])


def test_a_file_name_that_cannot_be_an_address_is_refused(project: Project, capsys: pytest.CaptureFixture) -> None:
    folder = write_article_with_media(project, PHOTO.format(file="صورة الطريق.jpg"))
    (folder / "صورة الطريق.jpg").write_bytes(jpeg())
    code, lines = project.check(capsys)
    assert code == 1
    assert f"{FOLDER}/meta.yml:4:11: error: media[0].file: 'صورة الطريق.jpg' is not a usable file name: it becomes " \
           "part of the site's addresses; rename the file with Latin letters, digits, '-', '_' and '.' only " \
           "(road-to-airbase.jpg) [invalid-format]" in lines


def test_the_photos_of_a_draft_are_not_published(project: Project, tmp_path: Path) -> None:
    folder = write_illustrated_article(project)
    meta = folder / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("status: published", "status: draft"), encoding="utf-8")
    site = tmp_path / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    assert not (site / "media").exists()
    assert main(["build", "--root", str(project.root), "--site-dir", str(site), "--drafts"]) == 0
    assert len(list((site / "media").rglob("*.webp"))) == 5


def _findings(data: bytes) -> list[str]:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image_findings(image)


def _with_app13(data: bytes, resource: bytes) -> bytes:
    body = b"Photoshop 3.0\x00" + b"8BIM\x04\x04\x00\x00" + len(resource).to_bytes(4, "big") + resource
    return data[:2] + b"\xff\xed" + (len(body) + 2).to_bytes(2, "big") + body + data[2:]


def test_metadata_found_wherever_a_format_keeps_it() -> None:
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Ahmad Example")
    text.add_text("Location", "Deir ez-Zor")
    text.add_text("Software", "an editor")  # says nothing of a person
    assert _findings(encoded(picture(8, 8), "PNG", pnginfo=text)) == [
        "PNG text: author's name (Author)", "PNG text: location (Location)"]
    assert _findings(encoded(picture(8, 8), "WEBP", lossless=True)) == []
    second = XMP_LOCATION.replace(b"photoshop:City", b'photoshop:Country="Syria" photoshop:City')
    split = XMP_LOCATION.replace(b"<rdf:Description", b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"'
                                                    b' dc:format="image/jpeg"/><rdf:Description', 1)
    assert _findings(jpeg(xmp=second)) == ["XMP: location (City, Country)"]
    assert _findings(jpeg(xmp=split)) == ["XMP: location (City)"]  # in the second of two descriptions
    creator = XMP_LOCATION.replace(b'photoshop:City="Deir ez-Zor"/>', b'xmlns:dc="http://purl.org/dc/elements/1.1/">'
                                   b"<dc:creator><rdf:Seq><rdf:li>Ahmad Example</rdf:li></rdf:Seq></dc:creator>"
                                   b"</rdf:Description>")
    assert _findings(jpeg(xmp=creator)) == ["XMP: people (creator)"]  # a property written as an element
    assert _findings(jpeg(xmp=XMP_LOCATION + b" \x00\x00")) == ["XMP: location (City)"]  # padded as some writers do


@pytest.mark.parametrize("chunk", ["tEXt", "zTXt", "iTXt", "ImageMagick"])
def test_xmp_found_in_every_png_chunk_that_can_hold_it(chunk: str) -> None:
    """XMP's keyword in a tEXt or zTXt chunk (which Pillow leaves as text), in iTXt (as the
    PNG specification has it), or hexadecimal in ImageMagick's "Raw profile type xmp"."""
    text = PngImagePlugin.PngInfo()
    packet = XMP_LOCATION.decode()
    if chunk == "ImageMagick":
        text.add_text("Raw profile type xmp", f"\nxmp\n{len(XMP_LOCATION):8d}\n{XMP_LOCATION.hex()}\n", zip=True)
    elif chunk == "iTXt":
        text.add_itxt("XML:com.adobe.xmp", packet)
    else:
        text.add_text("XML:com.adobe.xmp", packet, zip=chunk == "zTXt")
    assert _findings(encoded(picture(8, 8), "PNG", pnginfo=text)) == ["XMP: location (City)"]


def test_metadata_that_cannot_be_read_is_not_trusted() -> None:
    assert _findings(jpeg(xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><unclosed')) == [
        "XMP: a packet that cannot be read"]
    assert _findings(_with_app13(jpeg(), b"\x1c\x02\x50\xff\xff\x00")) == ["IPTC: a block that cannot be read"]


def test_a_pdf_with_a_blank_author_reveals_nobody() -> None:
    document = pikepdf.new()
    document.add_blank_page()
    document.docinfo["/Author"] = "   "
    document.docinfo["/Creator"] = "Ahmad's laptop"
    with document:
        assert pdf_findings(document) == [
            "document information: the program, often with the person's name, that made it (Creator)"]


def test_the_share_image_is_published_without_its_metadata(project: Project, capsys: pytest.CaptureFixture) -> None:
    """A desk's picture for link previews may come from a phone: where and by whom is not published."""
    write_minimal_article(project)
    site = project.root / "site_config/site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("file: share-image.png", "file: preview.jpg"),
                    encoding="utf-8")
    (project.root / "site_config/preview.jpg").write_bytes(jpeg(picture(1200, 630), exif=phone_exif()))
    assert main(["build", "--root", str(project.root), "--site-dir", str(project.root / "out")]) == 0
    published = project.root / "out/assets/share-image.jpg"
    with Image.open(published) as image:
        assert image.size == (1200, 630) and image.getexif() == {} and "exif" not in image.info
    page = (project.root / "out/en/index.html").read_text(encoding="utf-8")
    assert '<meta property="og:image" content="https://example.org/briefing/assets/share-image.jpg">' in page


def test_a_share_image_that_cannot_be_read_is_an_error(project: Project, capsys: pytest.CaptureFixture) -> None:
    site = project.root / "site_config/site.yml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace("file: share-image.png", "file: missing.png"), encoding="utf-8")
    line = text.splitlines().index("  file: share-image.png") + 1
    code, lines = project.check(capsys)
    problem = next(found for found in lines if found.startswith("site_config/site.yml"))
    assert code == 1
    assert problem.startswith(f"site_config/site.yml:{line}:9: error: share_image.file: missing.png cannot be read "
                              "as an image: ") and problem.endswith(" [site-config]")


def test_media_entries_without_a_file_are_reported_not_read(project: Project, capsys: pytest.CaptureFixture) -> None:
    media = PHOTO.format(file="road.jpg") + "  - road.jpg\n  - alt: {ar: طريق, en: A road}\n"
    (write_article_with_media(project, media) / "road.jpg").write_bytes(jpeg())
    code, lines = project.check(capsys)
    assert (code, _errors(lines)) == (1, [
        f"{FOLDER}/meta.yml:7:5: error: media[1] must be a mapping of fields, not a text [wrong-type]",
        f"{FOLDER}/meta.yml:8:5: error: missing required field 'credit' in media[2] [missing-field]",
        f"{FOLDER}/meta.yml:8:5: error: missing required field 'file' in media[2] [missing-field]"])

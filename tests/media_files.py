"""Photos and documents made by the tests with Pillow and pikepdf, carrying the metadata a
phone, a camera or a word processor writes."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from conftest import Project, write_minimal_article
from PIL import ExifTags, Image, ImageCms

from build_tools.cli import main

XMP_LOCATION = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Deir ez-Zor"/>'
                b'</rdf:RDF></x:xmpmeta>')
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def picture(width: int = 640, height: int = 480, mode: str = "RGB") -> Image.Image:
    """A picture with detail in it (a gradient), so that encoders have something to keep."""
    image = Image.linear_gradient("L").resize((width, height))
    if mode == "L":
        return image
    turned = image.rotate(90).resize((width, height))
    colour = Image.merge("RGB", (image, turned, image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    if mode == "RGBA":
        colour.putalpha(image)
    return colour


def phone_exif(orientation: int = 1) -> Image.Exif:
    """What a phone writes: where, the owner, the camera's serial number."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone"
    exif[ExifTags.Base.Artist] = "Ahmad Example"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (35.0, 20.0, 10.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (40.0, 8.0, 30.0)
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "SN-0042"
    return exif


def jpeg(image: Image.Image | None = None, **options: object) -> bytes:
    output = io.BytesIO()
    (image or picture()).save(output, "JPEG", quality=90, **options)
    return output.getvalue()


def encoded(image: Image.Image, image_format: str, **options: object) -> bytes:
    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()


def pdf(author: str | None = "Ahmad Example") -> bytes:
    document = pikepdf.new()
    document.add_blank_page()
    if author:
        document.docinfo["/Author"] = author
        with document.open_metadata() as meta:
            meta["dc:creator"] = [author]
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


FOLDER = "content/articles/2017/2017-08-07-a"
PHOTO = """  - file: {file}
    alt: {{ar: طريق المطار, en: The road to the airbase}}
    credit: {{ar: وكالة, en: An agency}}
"""
EN_WITH_PHOTO = "---\ntitle: A rift\n---\nA Kurdish source disclosed disagreements.\n\n![](road.jpg)\n"
AR_WITH_PHOTO = ("---\ntitle: خلافات بين التحالف وقسد\n---\nكشف مصدر كردي عن وجود خلافات بين قيادة قوات "
                 "سوريا الديمقراطية والتحالف الدولي.\n\n![الطريق إلى المطار](road.jpg)\n")


def write_article_with_media(project: Project, media: str = PHOTO.format(file="road.jpg"), extra: str = "",
             en: str = EN_WITH_PHOTO, ar: str = AR_WITH_PHOTO) -> Path:
    meta = f"date: 2017-08-07\nstatus: published\nmedia:\n{media}{extra}"
    write_minimal_article(project, meta=meta, en=en, ar=ar)
    return project.root / FOLDER


def write_illustrated_article(project: Project) -> Path:
    """An article with a placed photo (turned by the camera, then stripped), a lead photo
    with transparency that the text does not place, and a document."""
    media = (PHOTO.format(file="road.jpg") + PHOTO.format(file="map.png") + "    lead: true\n"
             + "    caption: {ar: خريطة المعارك حول المطار, en: The fighting around the airbase}\n")
    extra = "documents:\n  - file: report.pdf\n    title: {ar: تقرير, en: The report}\n"
    folder = write_article_with_media(project, media, extra)
    (folder / "road.jpg").write_bytes(jpeg(picture(2000, 1500), exif=phone_exif(orientation=6)))
    (folder / "map.png").write_bytes(encoded(picture(700, 500, "RGBA"), "PNG", icc_profile=SRGB_PROFILE))
    (folder / "report.pdf").write_bytes(pdf(None))
    assert main(["strip-metadata", str(folder / "road.jpg")]) == 0
    return folder


def with_iptc(data: bytes, byline: str = "Ahmad Example", city: str = "Deir ez-Zor") -> bytes:
    """A JPEG with an IPTC block (APP13, as Photoshop writes it) naming the photographer and the city."""
    datasets = b"".join(b"\x1c\x02" + bytes([number]) + len(value.encode()).to_bytes(2, "big") + value.encode()
                        for number, value in ((80, byline), (90, city)))
    padded = datasets + b"\x00" * (len(datasets) & 1)
    resource = b"8BIM\x04\x04\x00\x00" + len(datasets).to_bytes(4, "big") + padded
    body = b"Photoshop 3.0\x00" + resource
    return data[:2] + b"\xff\xed" + (len(body) + 2).to_bytes(2, "big") + body + data[2:]

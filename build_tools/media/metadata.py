"""Metadata that can endanger people: where a photo was taken, the camera that took it,
who took it or owns it, who wrote a document.

A phone photo carries its GPS position and often its owner's name; a camera writes its
serial number, which ties every photo it ever took to one person. Each finding is named
by where it is and what it is ("EXIF: GPS position"), never by its value: the value
would then be printed in logs that may be public.
"""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf
from defusedxml import ElementTree
from PIL import ExifTags, Image, ImageFile, IptcImagePlugin

EXIF_TAGS = {
    ExifTags.Base.Artist: "photographer's name (Artist)",
    ExifTags.Base.XPAuthor: "author's name (XPAuthor)",
    ExifTags.Base.CameraOwnerName: "owner's name (CameraOwnerName)",
    ExifTags.Base.BodySerialNumber: "camera serial number (BodySerialNumber)",
    ExifTags.Base.LensSerialNumber: "lens serial number (LensSerialNumber)",
    ExifTags.Base.MakerNote: "maker notes, which can hold the camera's serial number (MakerNote)",
}
"""Tags of EXIF's main and Exif directories that identify a person or a device."""
XMP_PROPERTIES = {
    "location": {"GPSLatitude", "GPSLongitude", "GPSAltitude", "City", "State", "Country", "CountryCode",
                 "Location", "LocationCreated", "LocationShown", "Sublocation", "ProvinceState", "WorldRegion"},
    "people": {"creator", "Artist", "Creator", "OwnerName", "CameraOwnerName", "CreatorContactInfo",
               "AuthorsPosition", "CaptionWriter"},
    "device": {"SerialNumber", "LensSerialNumber", "BodySerialNumber", "InternalSerialNumber"},
}
"""Local names of XMP properties (``photoshop:City``, ``exif:GPSLatitude``, ``dc:creator``…)."""
IPTC_DATASETS = {(2, 80): "photographer's name (By-line)", (2, 85): "photographer's title (By-line Title)",
                 (2, 90): "city", (2, 92): "sub-location", (2, 95): "province or state", (2, 100): "country code",
                 (2, 101): "country", (2, 118): "contact", (2, 122): "writer's name (Writer/Editor)"}
PNG_TEXT_KEYS = {"Author": "author's name", "Artist": "photographer's name", "Location": "location"}
PDF_INFO_KEYS = {"/Author": "author's name (Author)", "/Creator": "the program, often with the person's name, "
                 "that made it (Creator)"}


def image_findings(image: Image.Image) -> list[str]:
    """What endangering metadata ``image`` carries, as "EXIF: GPS position" and the like."""
    return [*_exif(image), *_xmp(image), *_iptc(image), *_png_text(image)]


def _exif(image: Image.Image) -> Iterator[str]:
    exif = image.getexif()
    if exif.get_ifd(ExifTags.IFD.GPSInfo):
        yield "EXIF: GPS position"
    tags = {**dict(exif), **dict(exif.get_ifd(ExifTags.IFD.Exif))}
    for tag, what in EXIF_TAGS.items():
        if tags.get(tag):
            yield f"EXIF: {what}"


def _xmp_packet(image: Image.Image) -> bytes | None:
    """The image's XMP packet wherever its format keeps it: where Pillow puts it (JPEG,
    WebP, PNG's iTXt chunk), in a PNG tEXt or zTXt chunk of XMP's keyword, which Pillow
    leaves as text, or as ImageMagick writes it (hexadecimal, "Raw profile type xmp")."""
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    raw_profile = image.info.get("Raw profile type xmp")
    if not packet and isinstance(raw_profile, str):
        packet = bytes.fromhex("".join(raw_profile.split("\n")[3:]))  # after its name and length
    return packet.encode() if isinstance(packet, str) else packet


def _xmp_names(packet: bytes) -> set[str]:
    """The local names of every element and attribute of an XMP packet."""
    names = set()
    for element in ElementTree.fromstring(packet.rstrip(b"\x00 ")).iter():
        for name in (element.tag, *element.attrib):
            names.add(name.rpartition("}")[2])
    return names


def _xmp(image: Image.Image) -> Iterator[str]:
    names: set[str] = set()
    try:
        packet = _xmp_packet(image)
        if packet:
            names = _xmp_names(packet)
    except Exception:  # an XMP packet that cannot be read: report it rather than trust it
        yield "XMP: a packet that cannot be read"
    for what, properties in XMP_PROPERTIES.items():
        found = sorted(names & properties)
        if found:
            yield f"XMP: {what} ({', '.join(found)})"


def _iptc(image: Image.Image) -> Iterator[str]:
    if not isinstance(image, ImageFile.ImageFile):
        return
    try:
        datasets = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:  # a broken IPTC block: report it rather than trust it
        yield "IPTC: a block that cannot be read"
        return
    for key, what in IPTC_DATASETS.items():
        if datasets.get(key):
            yield f"IPTC: {what}"


def _png_text(image: Image.Image) -> Iterator[str]:
    text = getattr(image, "text", None) if image.format == "PNG" else None
    for key, what in PNG_TEXT_KEYS.items():
        if text and text.get(key):
            yield f"PNG text: {what} ({key})"


def pdf_findings(pdf: pikepdf.Pdf) -> list[str]:
    """What a PDF says of who made it: its document information and its XMP metadata."""
    found = [f"document information: {what}" for key, what in PDF_INFO_KEYS.items()
             if pdf.docinfo.get(key) and str(pdf.docinfo.get(key)).strip()]
    if pdf.Root.get("/Metadata") is not None:
        found.append("XMP metadata (author, tool and dates)")
    return found

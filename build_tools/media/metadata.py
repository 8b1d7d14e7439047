"""Metadata that can endanger people: where a photo was taken, the camera that took it,
who took it or owns it, who wrote a document.

A phone photo carries its GPS position and often its owner's name; a camera writes its
serial number, which ties every photo it ever took to one person. Each finding is named
by where it is and what it is ("EXIF: GPS position"), never by its value: the value
would then be printed in logs that may be public.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Mapping

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
RAW_PROFILE = "Raw profile type "
PNG_HARMLESS_TEXT = {"Software", "Creation Time"}
"""PNG text keywords (besides ImageMagick's ``date:…``) that name a program or a date;
every other free text is reported, since it can name anyone."""
_THUMBNAIL_TAGS = {0x0201, 0x0111}
"""Where EXIF's second directory (IFD1) keeps a thumbnail: JPEGInterchangeFormat, StripOffsets."""
PDF_INFO_KEYS = {"/Author": "author's name (Author)", "/Creator": "the program, often with the person's name, "
                 "that made it (Creator)"}


def image_findings(image: Image.Image) -> list[str]:
    """What endangering metadata ``image`` carries where Pillow reads it, as "EXIF: GPS
    position" and the like (``carriers.carried_findings`` reads every other place)."""
    found = [*exif_findings(image.getexif()), *_xmp(image), *_iptc(image), *_png_text(image)]
    return list(dict.fromkeys(found))


def exif_findings(exif: Image.Exif) -> Iterator[str]:
    if exif.get_ifd(ExifTags.IFD.GPSInfo):
        yield "EXIF: GPS position"
    tags = {**dict(exif), **dict(exif.get_ifd(ExifTags.IFD.Exif))}
    for tag, what in EXIF_TAGS.items():
        if tags.get(tag):
            yield f"EXIF: {what}"
    if _THUMBNAIL_TAGS & exif.get_ifd(ExifTags.IFD.IFD1).keys():
        yield "EXIF: a thumbnail, which can show what the picture was cropped from"


def exif_block_findings(tiff: bytes) -> list[str]:
    """What an EXIF block (TIFF data, with or without its "Exif" header) carries."""
    exif = Image.Exif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # Pillow skips a tag it cannot read, with a warning: not trusted
            exif.load(tiff if tiff.startswith(b"Exif\x00\x00") else b"Exif\x00\x00" + tiff)
            return list(exif_findings(exif))
    except Exception:  # a block that cannot be read: report it rather than trust it
        return ["EXIF: a block that cannot be read"]


def _xmp_packet(image: Image.Image) -> bytes | None:
    """The image's XMP packet wherever its format keeps it: where Pillow puts it (JPEG,
    WebP, PNG's iTXt chunk), in a PNG tEXt or zTXt chunk of XMP's keyword, which Pillow
    leaves as text, or as ImageMagick writes it (hexadecimal, "Raw profile type xmp")."""
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    raw_profile = image.info.get("Raw profile type xmp")
    if not packet and isinstance(raw_profile, str):
        packet = raw_profile_bytes(raw_profile)
    return packet.encode() if isinstance(packet, str) else packet


def raw_profile_bytes(text: str) -> bytes:
    """A profile as ImageMagick writes it in PNG text: its name, its length, then its bytes
    in hexadecimal over many lines."""
    return bytes.fromhex("".join(text.strip().split("\n")[2:]))


def _xmp_names(packet: bytes) -> set[str]:
    """The local names of every element and attribute of an XMP packet."""
    names = set()
    for element in ElementTree.fromstring(packet.rstrip(b"\x00 ")).iter():
        for name in (element.tag, *element.attrib):
            names.add(name.rpartition("}")[2])
    return names


def xmp_findings(packet: bytes | None) -> list[str]:
    names: set[str] = set()
    try:
        if packet:
            names = _xmp_names(packet)
    except Exception:  # an XMP packet that cannot be read: report it rather than trust it
        return ["XMP: a packet that cannot be read"]
    return [f"XMP: {what} ({', '.join(sorted(names & properties))})"
            for what, properties in XMP_PROPERTIES.items() if names & properties]


def _xmp(image: Image.Image) -> list[str]:
    try:
        packet = _xmp_packet(image)
    except ValueError:  # ImageMagick's hexadecimal that is not
        return ["XMP: a packet that cannot be read"]
    return xmp_findings(packet)


def iptc_findings(datasets: Mapping[tuple[int, int], object]) -> list[str]:
    return [f"IPTC: {what}" for key, what in IPTC_DATASETS.items() if datasets.get(key)]


def _iptc(image: Image.Image) -> list[str]:
    if not isinstance(image, ImageFile.ImageFile):
        return []
    try:
        return iptc_findings(IptcImagePlugin.getiptcinfo(image) or {})
    except Exception:  # a broken IPTC block: report it rather than trust it
        return ["IPTC: a block that cannot be read"]


def iptc_block_findings(data: bytes) -> list[str]:
    """What a block of IPTC datasets (IPTC-IIM: 0x1C, record, dataset, length, value) names."""
    datasets: dict[tuple[int, int], bytes] = {}
    offset = 0
    while offset + 5 <= len(data) and data[offset] == 0x1C:
        key, length = (data[offset + 1], data[offset + 2]), int.from_bytes(data[offset + 3:offset + 5], "big")
        offset += 5
        if length & 0x8000:  # an extended dataset: the next (length & 0x7FFF) bytes give its length
            size = length & 0x7FFF
            length, offset = int.from_bytes(data[offset:offset + size], "big"), offset + size
        datasets[key] = datasets.get(key, b"") + data[offset:offset + length]
        offset += length
    unread = data[offset:].strip(b"\x00")
    return [*iptc_findings(datasets), *(["IPTC: a block that cannot be read"] if unread else [])]


def photoshop_findings(data: bytes) -> list[str]:
    """What Photoshop's image resources (APP13, ImageMagick's "8bim" profile) carry: IPTC,
    EXIF and XMP blocks of their own, and thumbnails; its other resources say how to
    print or show the picture."""
    found: list[str] = []
    offset = 0
    while offset + 12 <= len(data) and data[offset:offset + 4] == b"8BIM":
        resource = int.from_bytes(data[offset + 4:offset + 6], "big")
        offset += 6 + ((data[offset + 6] + 2) & ~1)  # its name: a length, then as many letters, to an even size
        size = int.from_bytes(data[offset:offset + 4], "big")
        content, offset = data[offset + 4:offset + 4 + size], offset + 4 + size + (size & 1)
        if resource in _PHOTOSHOP_THUMBNAILS:
            found.append("Photoshop: a thumbnail, which can show what the picture was cropped from")
        elif resource in _PHOTOSHOP_BLOCKS:
            found.extend(_PHOTOSHOP_BLOCKS[resource](content))
    if data[offset:].strip(b"\x00"):
        found.append("Photoshop: resources that cannot be read")
    return found


def png_text_findings(key: str, text: str) -> list[str]:
    """What one PNG text chunk reveals, judged by its keyword: XMP, a profile as ImageMagick
    writes it, a person or a place, or free text that can name them; a program's name or a
    date reveals nobody."""
    if key == "XML:com.adobe.xmp":
        return xmp_findings(text.encode())
    if key.startswith(RAW_PROFILE):
        return _raw_profile_findings(key.removeprefix(RAW_PROFILE).lower(), text)
    if key in PNG_TEXT_KEYS:
        return [f"PNG text: {PNG_TEXT_KEYS[key]} ({key})"] if text else []
    if key in PNG_HARMLESS_TEXT or key.startswith("date:") or not text.strip():
        return []
    return [f"PNG text: free text that can name people or places ({shown(key)})"]


def shown(name: str) -> str:
    """A keyword or a block's name written by whoever made the file, safe to print: printable
    ASCII only, at most 40 characters."""
    return "".join(letter if " " <= letter <= "~" else "?" for letter in name[:40])


def _raw_profile_findings(profile: str, text: str) -> list[str]:
    if profile in ("icc", "icm"):
        return []  # the picture's colours
    try:
        data = raw_profile_bytes(text)
    except ValueError:
        return [f"PNG text: a profile that cannot be read ({RAW_PROFILE}{profile})"]
    if profile in ("exif", "app1"):
        return exif_block_findings(data)
    if profile == "xmp":
        return xmp_findings(data)
    if profile in ("iptc", "8bim"):
        return photoshop_findings(data) if data.startswith(b"8BIM") else iptc_block_findings(data)
    return [f"PNG text: a profile of unknown content ({RAW_PROFILE}{profile})"]


def _png_text(image: Image.Image) -> list[str]:
    text = getattr(image, "text", None) if image.format == "PNG" else None
    return [finding for key, value in (text or {}).items() for finding in png_text_findings(key, value)]


_PHOTOSHOP_BLOCKS: dict[int, Callable[[bytes], list[str]]] = {
    0x0404: iptc_block_findings, 0x0422: exif_block_findings, 0x0424: xmp_findings}
"""Photoshop's resources that hold a metadata block: IPTC-NAA, EXIF data 1, XMP."""
_PHOTOSHOP_THUMBNAILS = {0x0409, 0x040C}


def pdf_findings(pdf: pikepdf.Pdf) -> list[str]:
    """What a PDF says of who made it: its document information and its XMP metadata."""
    found = [f"document information: {what}" for key, what in PDF_INFO_KEYS.items()
             if pdf.docinfo.get(key) and str(pdf.docinfo.get(key)).strip()]
    if pdf.Root.get("/Metadata") is not None:
        found.append("XMP metadata (author, tool and dates)")
    return found

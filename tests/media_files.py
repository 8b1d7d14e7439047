"""Photos and documents made by the tests with Pillow and pikepdf, carrying the metadata a
phone, a camera or a word processor writes."""

from __future__ import annotations

import io
import zlib
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


SECRETS = (b"Ahmad Example", b"Deir ez-Zor", b"SN-0042", b"pwned", b"+963 944 000 000")
"""What the hostile files below hide: a name, a city, a serial number, a script's mark, a
telephone number. None may be left in a published or stripped file."""


def iptc_datasets(byline: str = "Ahmad Example", city: str = "Deir ez-Zor") -> bytes:
    return b"".join(b"\x1c\x02" + bytes([number]) + len(value.encode()).to_bytes(2, "big") + value.encode()
                    for number, value in ((80, byline), (90, city)))


def photoshop_iptc(datasets: bytes) -> bytes:
    """Photoshop's image resources holding one IPTC block (resource 0x0404)."""
    return b"8BIM\x04\x04\x00\x00" + len(datasets).to_bytes(4, "big") + datasets + b"\x00" * (len(datasets) & 1)


def jpeg_segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")


def raw_profile(name: str, data: bytes, zipped: bool = True) -> bytes:
    """A zTXt (or tEXt) chunk of a profile as ImageMagick writes it: its name, its length,
    its bytes in hexadecimal."""
    text = f"\n{name}\n{len(data):8d}\n{data.hex()}\n".encode()
    keyword = f"Raw profile type {name}".encode()
    if zipped:
        return png_chunk(b"zTXt", keyword + b"\x00\x00" + zlib.compress(text))
    return png_chunk(b"tEXt", keyword + b"\x00" + text)


def riff_chunk(kind: bytes, body: bytes) -> bytes:
    return kind + len(body).to_bytes(4, "little") + body + b"\x00" * (len(body) & 1)


def with_riff_chunk(data: bytes, chunk: bytes) -> bytes:
    """A WebP with one more chunk at the end of its RIFF container (its size said anew)."""
    end = 8 + int.from_bytes(data[4:8], "little")
    body = data[8:end] + chunk
    return b"RIFF" + len(body).to_bytes(4, "little") + body + data[end:]


EDITING_FEATURES = ("open-action", "names-javascript", "page-events", "form", "xfa", "embedded-file", "attachment",
                    "associated-file", "comment", "chained-link", "launch-link", "outline", "page-xmp")
"""What programs that write and edit documents put in them: scripts, files, comments."""
NAMING_FEATURES = ("photo", "compressed-photo", "jpeg2000", "thumbnail", "threads", "layers", "signature")
"""What names people beyond a document's information: its pictures' metadata, and the rest."""
PDF_FEATURES = EDITING_FEATURES + NAMING_FEATURES
PHONE_PHOTO = jpeg(picture(64, 48), exif=phone_exif())
"""A phone's photo: its EXIF has a GPS position, the owner's name and the camera's serial number."""


def hostile_pdf(features: set[str] | tuple[str, ...] = EDITING_FEATURES) -> bytes:
    """A one-page PDF with some of what a document must not carry onto the site: scripts
    run on opening, on a page's events and a form field's keystrokes, a launch action, a
    link whose next action is a script, embedded files (a contacts.csv), an XFA form,
    comments signed by their author, XMP metadata on its page; phone photos with their EXIF
    (as a JPEG, a JPEG compressed again, a JPEG 2000), a page's thumbnail, an article thread's
    author, layers' makers, a signature (``NAMING_FEATURES``)."""
    document = pikepdf.new()
    document.add_blank_page()
    page = document.pages[0].obj
    page.Contents = document.make_stream(b"BT /F1 12 Tf 72 720 Td (The report itself) Tj ET")
    script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('pwned')"))
    contacts = document.make_stream(b"name,phone\nAhmad Example,+963 944 000 000\n")
    contacts.Type = pikepdf.Name.EmbeddedFile
    filespec = pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("contacts.csv"),
                                  EF=pikepdf.Dictionary(F=contacts))
    annotations = pikepdf.Array()
    for feature in sorted(features):
        _PDF_MAKERS[feature](document, page, annotations, script, filespec)
    if annotations:
        page.Annots = annotations
    output = io.BytesIO()
    document.save(output, compress_streams=False)
    return output.getvalue()


def _open_action(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
                 filespec: pikepdf.Object) -> None:
    document.Root.OpenAction = document.make_indirect(script)


def _names_javascript(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array,
                      script: pikepdf.Object, filespec: pikepdf.Object) -> None:
    names = document.Root.get("/Names") or document.make_indirect(pikepdf.Dictionary())
    names.JavaScript = pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("init"), script]))
    document.Root.Names = names


def _page_events(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array,
                 script: pikepdf.Object, filespec: pikepdf.Object) -> None:
    page.AA = pikepdf.Dictionary(O=script)


def _form(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
          filespec: pikepdf.Object) -> None:
    field = document.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Tx, T=pikepdf.String("name"),
        Rect=[72, 600, 300, 620], AA=pikepdf.Dictionary(K=script), P=page))
    annotations.append(field)
    form = document.Root.get("/AcroForm") or document.make_indirect(pikepdf.Dictionary())
    form.Fields = pikepdf.Array([field])
    document.Root.AcroForm = form


def _xfa(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
         filespec: pikepdf.Object) -> None:
    form = document.Root.get("/AcroForm") or document.make_indirect(pikepdf.Dictionary(Fields=pikepdf.Array()))
    form.XFA = document.make_stream(b"<xdp:xdp><script>app.alert('pwned')</script></xdp:xdp>")
    document.Root.AcroForm = form


def _embedded_file(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array,
                   script: pikepdf.Object, filespec: pikepdf.Object) -> None:
    names = document.Root.get("/Names") or document.make_indirect(pikepdf.Dictionary())
    names.EmbeddedFiles = pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("contacts.csv"), filespec]))
    document.Root.Names = names


def _attachment(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
                filespec: pikepdf.Object) -> None:
    annotations.append(document.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FileAttachment, Rect=[10, 10, 30, 30], FS=filespec,
        T=pikepdf.String("Ahmad Example"))))


def _associated_file(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array,
                     script: pikepdf.Object, filespec: pikepdf.Object) -> None:
    page.AF = pikepdf.Array([filespec])


def _comment(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
             filespec: pikepdf.Object) -> None:
    note = document.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[40, 40, 60, 60], T=pikepdf.String("Ahmad Example"),
        Contents=pikepdf.String("Check the figures"),
        RC=pikepdf.String("<body><p>Check the figures, Ahmad Example</p></body>")))
    popup = document.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Popup, Rect=[60, 60, 200, 120], Parent=note,
        T=pikepdf.String("Ahmad Example")))
    note.Popup = popup
    annotations.extend([note, popup])


def _link(action: pikepdf.Dictionary) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[72, 500, 300, 520], A=action)


def _chained_link(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
                  filespec: pikepdf.Object) -> None:
    annotations.append(_link(pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org/"),
                                                Next=script)))


def _launch_link(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
                 filespec: pikepdf.Object) -> None:
    annotations.append(_link(pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("pwned.exe"))))


def _outline(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
             filespec: pikepdf.Object) -> None:
    item = document.make_indirect(pikepdf.Dictionary(Title=pikepdf.String("Start"), A=script))
    outlines = document.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines, First=item, Last=item, Count=1))
    item.Parent = outlines
    document.Root.Outlines = outlines


def _page_xmp(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
              filespec: pikepdf.Object) -> None:
    page.Metadata = document.make_stream(XMP_LOCATION.replace(b"Deir ez-Zor", b"Deir ez-Zor, Ahmad Example"),
                                         Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)


def jp2_box(kind: bytes, content: bytes) -> bytes:
    return (len(content) + 8).to_bytes(4, "big") + kind + content


def jpeg2000_with_metadata() -> bytes:
    """A JP2 picture with XMP (a city, a creator) in an xml box and EXIF in a uuid box, after its header."""
    clean = encoded(picture(32, 24), "JPEG2000")
    header = clean.index(b"jp2h") - 4
    after = header + int.from_bytes(clean[header:header + 4], "big")
    boxes = (jp2_box(b"xml ", XMP_LOCATION.replace(b"Deir ez-Zor", b"Deir ez-Zor, Ahmad Example"))
             + jp2_box(b"uuid", b"JpgTiffExif->JP2" + phone_exif().tobytes()))
    return clean[:after] + boxes + clean[after:]


def _picture(document: pikepdf.Pdf, page: pikepdf.Object, name: str, data: bytes, filters: list[str]) -> None:
    """``page`` draws ``data``, a picture of 64×48 pixels (or as its JPEG 2000 header says), as ``name``."""
    with Image.open(io.BytesIO(zlib.decompress(data) if filters[0] == "/FlateDecode" else data)) as image:
        width, height = image.size
    stream = document.make_stream(data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=width,
                                  Height=height, BitsPerComponent=8,
                                  Filter=pikepdf.Array([pikepdf.Name(item) for item in filters]))
    if filters[-1] == "/DCTDecode":
        stream.ColorSpace = pikepdf.Name.DeviceRGB
    resources = page.get("/Resources") or pikepdf.Dictionary()
    resources.XObject = resources.get("/XObject") or pikepdf.Dictionary()
    resources.XObject[name] = stream
    page.Resources = resources
    page.Contents = document.make_stream(page.Contents.read_bytes() + f" q {width} 0 0 {height} 72 400 cm {name} Do Q"
                                         .encode())


def _photo(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
           filespec: pikepdf.Object) -> None:
    _picture(document, page, "/Im0", PHONE_PHOTO, ["/DCTDecode"])


def _compressed_photo(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array,
                      script: pikepdf.Object, filespec: pikepdf.Object) -> None:
    _picture(document, page, "/Im1", zlib.compress(PHONE_PHOTO), ["/FlateDecode", "/DCTDecode"])


def _jpeg2000(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
              filespec: pikepdf.Object) -> None:
    _picture(document, page, "/Im2", jpeg2000_with_metadata(), ["/JPXDecode"])


def _thumbnail(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
               filespec: pikepdf.Object) -> None:
    page.Thumb = document.make_stream(PHONE_PHOTO, Width=64, Height=48, ColorSpace=pikepdf.Name.DeviceRGB,
                                      BitsPerComponent=8, Filter=pikepdf.Name.DCTDecode)


def _threads(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
             filespec: pikepdf.Object) -> None:
    thread = document.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Thread, I=pikepdf.Dictionary(Title=pikepdf.String("Story"),
                                                        Author=pikepdf.String("Ahmad Example"))))
    bead = document.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Bead, T=thread, P=page, R=[72, 72, 300, 700]))
    bead.N, bead.V, thread.F = bead, bead, bead
    page.B = pikepdf.Array([bead])
    document.Root.Threads = pikepdf.Array([thread])


def _layers(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
            filespec: pikepdf.Object) -> None:
    usage = pikepdf.Dictionary(CreatorInfo=pikepdf.Dictionary(Creator=pikepdf.String("Ahmad Example"),
                                                              Subtype=pikepdf.Name.Artwork),
                               User=pikepdf.Dictionary(Type=pikepdf.Name.Ind, Name=pikepdf.String("Ahmad Example")))
    layer = document.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Layer 1"),
                                                      Usage=usage))
    document.Root.OCProperties = pikepdf.Dictionary(OCGs=[layer], D=pikepdf.Dictionary(
        Creator=pikepdf.String("Ahmad Example"), Order=[layer]))


def _signature(document: pikepdf.Pdf, page: pikepdf.Object, annotations: pikepdf.Array, script: pikepdf.Object,
               filespec: pikepdf.Object) -> None:
    signed = document.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Sig, Filter=pikepdf.Name("/Adobe.PPKLite"), SubFilter=pikepdf.Name("/adbe.pkcs7.detached"),
        Name=pikepdf.String("Ahmad Example"), Location=pikepdf.String("Deir ez-Zor"), Reason=pikepdf.String("author"),
        ContactInfo=pikepdf.String("+963 944 000 000"), ByteRange=[0, 0, 0, 0], Contents=pikepdf.String(b"\0")))
    field = document.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Sig, T=pikepdf.String("signature"),
        Rect=[0, 0, 0, 0], V=signed, P=page))
    annotations.append(field)
    form = document.Root.get("/AcroForm") or document.make_indirect(pikepdf.Dictionary(Fields=pikepdf.Array()))
    form.Fields.append(field)
    form.SigFlags = 3
    document.Root.AcroForm = form
    document.Root.Perms = pikepdf.Dictionary(DocMDP=signed)


_PDF_MAKERS = {"open-action": _open_action, "names-javascript": _names_javascript, "page-events": _page_events,
               "form": _form, "xfa": _xfa, "embedded-file": _embedded_file, "attachment": _attachment,
               "associated-file": _associated_file, "comment": _comment, "chained-link": _chained_link,
               "launch-link": _launch_link, "outline": _outline, "page-xmp": _page_xmp, "photo": _photo,
               "compressed-photo": _compressed_photo, "jpeg2000": _jpeg2000, "thumbnail": _thumbnail,
               "threads": _threads, "layers": _layers, "signature": _signature}

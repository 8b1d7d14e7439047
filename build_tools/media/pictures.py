"""The pictures inside a PDF, which carry their own metadata.

A PDF's JPEG image (``DCTDecode``) holds a whole JPEG file, with every segment the camera
or phone wrote: a PDF made from phone photos (a scanner app, "print to PDF") keeps their
EXIF, GPS position and owner's name included. A JPEG 2000 image (``JPXDecode``) holds a
JP2 file, whose boxes can carry XMP, EXIF and IPTC. Each is read as a photo is
(``carriers``, ``jpeg2000``) and cleaned the same way, without re-encoding: its metadata
segments or boxes are dropped and the rest written back as the stream's data, under the
same filter and parameters, so the page shows the same pixels. Other images (Flate, CCITT,
JBIG2…) hold pixels only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf

from .blocks import jpeg_layout
from .carriers import carried_findings
from .jpeg2000 import jp2_findings, strip_jp2
from .lossless import strip_jpeg
from .metadata import shown

PICTURE_FILTERS = ("/DCTDecode", "/JPXDecode")
LISTED = 5
"""How many pictures carrying metadata are named one by one; the others are counted."""
_PADDING = b"\x00\t\n\r\f "
"""What some programs leave after a JPEG in a PDF's stream: not data after the picture."""
Key = tuple[int, int]


def picture_labels(pdf: pikepdf.Pdf) -> dict[Key, str]:
    """Each image a page draws, by its object, named as its page names it ("Im0 on page 2");
    the first page that draws it names it."""
    labels: dict[Key, str] = {}
    seen: set[Key] = set()
    for number, page in enumerate(pdf.pages, 1):
        stack = [_inherited(page.obj, "/Resources")]
        while stack:
            resources = stack.pop()
            xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
            for name, xobject in xobjects.items() if isinstance(xobjects, pikepdf.Dictionary) else ():
                if not isinstance(xobject, pikepdf.Stream) or xobject.objgen in seen:
                    continue
                seen.add(xobject.objgen)
                if xobject.get("/Subtype") == pikepdf.Name.Form:
                    stack.append(xobject.get("/Resources"))
                else:
                    labels[xobject.objgen] = f"{shown(name.removeprefix('/'))} on page {number}"
    return labels


def _inherited(page: pikepdf.Object, key: str) -> pikepdf.Object | None:
    node: pikepdf.Object | None = page
    for _ in range(64):  # a page tree deeper than this is not followed further
        if not isinstance(node, pikepdf.Dictionary):
            return None
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None


def _filters(stream: pikepdf.Stream) -> tuple[list[pikepdf.Name], list[pikepdf.Dictionary]]:
    """The stream's filters and the parameters of each (an empty dictionary when none)."""
    filters, parameters = stream.get("/Filter"), stream.get("/DecodeParms")
    listed = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
    names = [item for item in listed if isinstance(item, pikepdf.Name)]
    if len(names) != len(listed):
        return [], []  # not filters a viewer applies
    given = list(parameters) if isinstance(parameters, pikepdf.Array) else [parameters]
    each = [item if isinstance(item, pikepdf.Dictionary) else pikepdf.Dictionary() for item in given]
    return names, (each + [pikepdf.Dictionary()] * len(names))[:len(names)]


@dataclass
class Pictures:
    """Cleans the pictures of one document, and says which carried what."""

    pdf: pikepdf.Pdf
    labels: dict[Key, str]
    carrying: list[tuple[int, str]] = field(default_factory=list)
    """Where the picture comes in the pages' order (unnamed ones last), and what it carries."""

    def clean(self, stream: pikepdf.Object) -> None:
        """Drops the metadata of ``stream`` when it is a JPEG or JPEG 2000 picture."""
        if not isinstance(stream, pikepdf.Stream):
            return
        filters, parameters = _filters(stream)
        if not filters or str(filters[-1]) not in PICTURE_FILTERS:
            return
        try:
            data = self._encoded(stream, filters, parameters)
        except pikepdf.PdfError:
            self._carries(stream, ["a picture whose data cannot be read"])
            return
        jpeg = str(filters[-1]) == "/DCTDecode"
        found, cleaned = _jpeg(data) if jpeg else _jpeg2000(data)
        if found:
            self._carries(stream, found)
        if cleaned is not None and cleaned != data:
            stream.write(cleaned, filter=filters[-1], decode_parms=parameters[-1] if len(parameters[-1]) else None)

    def _encoded(self, stream: pikepdf.Stream, filters: list[pikepdf.Name],
                 parameters: list[pikepdf.Dictionary]) -> bytes:
        """The JPEG or JPEG 2000 file itself: the stream's data with every filter but the
        picture's own undone (a JPEG compressed again with Flate, say)."""
        raw = stream.read_raw_bytes()
        if len(filters) == 1:
            return raw
        inner = pikepdf.Stream(self.pdf, raw)
        inner.Filter = pikepdf.Array(filters[:-1])
        inner.DecodeParms = pikepdf.Array(parameters[:-1])
        return inner.read_bytes()

    def _carries(self, stream: pikepdf.Stream, found: list[str]) -> None:
        order = list(self.labels).index(stream.objgen) if stream.objgen in self.labels else len(self.labels)
        label = self.labels.get(stream.objgen) or f"in object {stream.objgen[0]}"
        self.carrying.append((order, f"the picture {label} carries [{'; '.join(found)}]"))

    def findings(self) -> list[str]:
        """One finding for each of the first pictures carrying metadata, then how many more do."""
        ordered = [text for _, text in sorted(self.carrying)]
        others = len(ordered) - LISTED
        return [*ordered[:LISTED], *([f"{others:,} more pictures carrying metadata"] if others > 0 else [])]


def _jpeg(data: bytes) -> tuple[list[str], bytes | None]:
    if not data.startswith(b"\xff\xd8"):
        return [], None  # not a JPEG a viewer can show: nothing of it is read
    trailer = jpeg_layout(data)[1]
    if trailer and not trailer.strip(_PADDING):
        data = data[:-len(trailer)]
    return carried_findings(data, "jpeg"), strip_jpeg(data, None)[0]


def _jpeg2000(data: bytes) -> tuple[list[str], bytes | None]:
    found, cleaned = jp2_findings(data), strip_jp2(data)
    if found and cleaned is None:
        found.append("boxes that point at each other by offset, so they cannot be removed without re-encoding")
    return found, cleaned

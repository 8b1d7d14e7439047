"""``briefing strip-metadata FILE…``: removes from photos and documents, in place, the
metadata that can endanger people, and says what it removed.

Photos lose no quality: their metadata blocks are dropped and the picture itself is
copied as it is (``media.stripping``); a photo the camera recorded as turned keeps that
one fact, so it still shows the right way up; whatever follows the end of the picture
goes. A PDF loses what the site never publishes of it either (``media.documents``), its
pictures' metadata included (``media.pictures``: segments and boxes dropped, not
re-encoded). Each file is written whole, under a temporary name then renamed, and only
once what was written reads back clean.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pikepdf
from PIL import ExifTags, Image

from ..media.carriers import carried_findings
from ..media.formats import IMAGE_FORMATS, sniff
from ..media.metadata import image_findings
from ..media.stripping import StripError, clean_pdf, cleaned_pdf, strip_image
from ..writing import write_whole
from .project import EXIT_CONTENT_ERRORS, EXIT_OK, Subcommands


def register(commands: Subcommands) -> None:
    command = commands.add_parser("strip-metadata", help="remove metadata that can endanger people from photos "
                                                         "(JPEG, PNG, WebP) and PDF documents, in place")
    command.add_argument("files", nargs="+", type=Path, metavar="FILE")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            print(f"{path}: {_strip(path)}")
        except (StripError, OSError, ValueError, IndexError, SyntaxError, EOFError, pikepdf.PdfError) as exc:
            # what Pillow and pikepdf raise on a file broken on purpose: a message, never a traceback
            print(f"{path}: error: {getattr(exc, 'strerror', None) or exc}")
            failed = True
    return EXIT_CONTENT_ERRORS if failed else EXIT_OK


def _strip(path: Path) -> str:
    """What was removed from ``path``, which is rewritten only if something was."""
    if not path.is_file():
        raise StripError("no such file")
    found = sniff(path)
    if found is None:
        raise StripError("not a JPEG, PNG, WebP or PDF file (by its content); nothing changed")
    data = path.read_bytes()
    if found in IMAGE_FORMATS:
        stripped, removed = strip_image(data, found)
        with Image.open(io.BytesIO(stripped)) as image:
            image.load()
            left = [*image_findings(image), *carried_findings(stripped, found)]
            turned = image.getexif().get(ExifTags.Base.Orientation, 1) != 1
    else:
        stripped, cleaning = cleaned_pdf(data)
        removed, turned = [*cleaning.people, *cleaning.active], False
        with pikepdf.open(io.BytesIO(stripped)) as pdf:
            again = clean_pdf(pdf)
            left = [*again.people, *again.active]
    if left:
        raise StripError(f"could not remove {'; '.join(dict.fromkeys(left))}; nothing changed")
    if not removed or stripped == data:
        return "no metadata to remove"
    write_whole(path, stripped, path.stat().st_mode & 0o777)
    return f"removed {', '.join(removed)}" + ("; kept the orientation the camera recorded" if turned else "")


"""Making the pictures the site publishes in place of a photo.

Each rendition is decoded from the original, turned as the camera recorded, converted
to sRGB (the colours every browser assumes), resized (never enlarged) and encoded anew
with no metadata at all: no EXIF, XMP, IPTC, ICC profile or text. The same original
always gives the same bytes.
"""

from __future__ import annotations

import io

from PIL import Image, ImageCms, ImageOps

from ..model.media import Photo, Rendition

WEBP_QUALITY = 80
JPEG_QUALITY = 85
_SRGB = ImageCms.createProfile("sRGB")


def _upright_srgb(data: bytes, transparent: bool) -> Image.Image:
    with Image.open(io.BytesIO(data)) as original:
        image = ImageOps.exif_transpose(original)
        profile = original.info.get("icc_profile")
    mode = "RGBA" if transparent else "RGB"
    if profile and image.mode in ("RGB", "RGBA", "CMYK"):
        output_mode = "RGB" if image.mode == "CMYK" else image.mode
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=output_mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # a profile that does not fit the picture: its values taken as sRGB
        image = converted if converted is not None else image
    return image.convert(mode)


def _encoded(image: Image.Image, rendition: Rendition) -> bytes:
    resized = image.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
    clean = Image.new(resized.mode, resized.size)  # carries none of the original's info
    clean.paste(resized)
    output = io.BytesIO()
    if rendition.mime_type == "image/webp":
        clean.save(output, "WEBP", quality=WEBP_QUALITY, method=4)
    elif rendition.mime_type == "image/jpeg":
        clean.save(output, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        clean.save(output, "PNG", optimize=True)
    return output.getvalue()


def render_photo(data: bytes, photo: Photo) -> dict[str, bytes]:
    """Each rendition's path in the site → its bytes, made from the original ``data``."""
    image = _upright_srgb(data, photo.transparent)
    return {rendition.path: _encoded(image, rendition) for rendition in [*photo.renditions(), photo.fallback()]}

"""What a file is, by its first bytes."""

from __future__ import annotations

from pathlib import Path

IMAGE_FORMATS = ("jpeg", "png", "webp")
DOCUMENT_FORMATS = ("pdf",)


def sniff(path: Path) -> str | None:
    """``jpeg``, ``png``, ``webp``, ``pdf``, or None for anything else (or unreadable)."""
    try:
        with open(path, "rb") as stream:
            return format_of(stream.read(16))
    except OSError:
        return None


def format_of(head: bytes) -> str | None:
    """What a file that starts with ``head`` (its first 16 bytes or more) is."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    return None

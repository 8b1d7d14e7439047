"""An article's declared photos and documents as the model's ``Photo`` and ``Document``:
what ``meta.yml`` says of each, with what was read from the file (``checks.media``).
A file that could not be read, or may not be published, is left out."""

from __future__ import annotations

from typing import Any

from ..checks.media import Facts
from ..media.reading import DocumentFacts, ImageFacts
from ..model.entities import Localized
from ..model.media import Document, Photo


def resolve_photos(meta: dict[str, Any], facts: Facts, folder: str) -> list[Photo]:
    photos = []
    for entry in meta.get("media", []):
        read = facts.get(entry["file"])
        if isinstance(read, ImageFacts):
            photos.append(Photo(
                file=entry["file"], original=f"{folder}/{entry['file']}", alt=Localized.from_data(entry["alt"]),
                credit=Localized.from_data(entry["credit"]), caption=Localized.from_data(entry.get("caption")),
                lead=entry.get("lead") is True, width=read.width, height=read.height, digest=read.digest,
                transparent=read.transparent))
    return photos


def resolve_documents(meta: dict[str, Any], facts: Facts, folder: str) -> list[Document]:
    documents = []
    for entry in meta.get("documents", []):
        read = facts.get(entry["file"])
        if isinstance(read, DocumentFacts):
            documents.append(Document(file=entry["file"], original=f"{folder}/{entry['file']}",
                                      title=Localized.from_data(entry["title"]), source=entry.get("source"),
                                      size=read.published_size, digest=read.digest))
    return documents

"""The files published for photos and documents, made once and kept between builds.

Renditions and stripped copies are cached in ``.briefing-cache/media/`` under the
digest of the original and the version of the encoding: a rebuild re-encodes only
photos that are new or changed. Missing ones are made in parallel processes, each
written whole (a temporary name, then renamed) so that an interrupted build leaves
no half-written file for the next to trust.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from ..media.reading import CACHE_DIR
from ..media.renditions import render_photo
from ..media.stripping import stripped_pdf
from ..model.articles import Article
from ..model.media import Document, Photo
from ..pipeline.parallel import map_in_processes
from ..writing import write_whole

ENCODING_VERSION = "3"
"""Part of every cached name: raise it when renditions are made differently."""


def media_files(articles: Iterable[Article], root: Path) -> dict[str, Path]:
    """Site path → the cached file to publish there, for the photos and documents of
    ``articles`` (the published ones); missing files are made first."""
    cache = root / CACHE_DIR
    published: dict[str, Path] = {}
    missing: dict[str, Photo | Document] = {}
    for article in articles:
        items: list[Photo | Document] = [*article.photos, *article.documents]
        for item in items:
            files = {path: _cached(cache, item, path) for path in _published_paths(item)}
            published.update(files)
            if not all(file.is_file() for file in files.values()):
                missing[next(iter(files))] = item  # one item for a file two articles share
    map_in_processes(partial(_make, root=root, cache=cache), list(missing.values()), 1)
    return published


def _published_paths(item: Photo | Document) -> list[str]:
    if isinstance(item, Document):
        return [item.path]
    return [rendition.path for rendition in (*item.renditions(), item.fallback())]


def _cached(cache: Path, item: Photo | Document, site_path: str) -> Path:
    return cache / f"{item.digest}-{ENCODING_VERSION}" / site_path.rsplit("/", 1)[-1]


def _make(item: Photo | Document, root: Path, cache: Path) -> None:
    if isinstance(item, Document) and not item.path.endswith(".pdf"):
        raise OSError(f"{item.original}: a document is published only under a name ending in .pdf")
    data = (root / item.original).read_bytes()
    if hashlib.sha256(data).hexdigest() != item.digest:
        raise OSError(f"{item.original} changed while the site was being built: build again")
    made = {item.path: stripped_pdf(data)} if isinstance(item, Document) else render_photo(data, item)
    for site_path, content in made.items():
        write_whole(_cached(cache, item, site_path), content)

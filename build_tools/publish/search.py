"""Search with Pagefind: each language's pages indexed in bundles, one or more per group
of results (``site.pages.search``: ``pagefind/ar/articles/``, ``pagefind/ar/articles-2/``…,
``pagefind/ar/entities/``), which the search page loads as one (every bundle merged into
the first, each marked with its group in the browser) and shows as two groups; each is
split in fragments that a browser loads only as a query needs them (never the whole
archive's index at once). Each language is indexed on its own, so the process that
renders a language indexes it, in parallel with the others. Groups are bundles, not
Pagefind filters written in the index: Pagefind 1.5.2 writes a filter's pages in the
order its threads finish, so two builds of the same site would differ.

A bundle is indexed from a folder of links to its pages only, laid out as in the site so
that their addresses are the same. An incremental build links the previous build's
bundle instead when every one of its pages was made from the same (``publish.incremental``).

Arabic words are indexed in their search form too (``text.arabic.search_terms``) and
``assets/arabic-search.js`` folds a reader's query the same way.

The index is made by Pagefind's command-line program, which exits once every file is
written. Its Python API stops the same program with SIGTERM as soon as it has answered
"files written", while the last writes of its asynchronous runtime can still be in
flight: files were cut at 32 or 64 KB boundaries (``pagefind-ui.js`` half missing) in
about one build of four on a loaded machine.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from pagefind.service import get_executable

from ..site.pages.model import SearchBundle
from ..site.urls import search_bundle
from .incremental import IndexedBundle, Reuse


class SearchIndexError(Exception):
    pass


def index_language(site_dir: Path, lang: str, bundles: Iterable[SearchBundle], fingerprints: Mapping[str, str | None],
                   reuse: Reuse) -> list[IndexedBundle]:
    """Indexes the pages of ``lang`` in ``site_dir`` into ``bundles``; a bundle all of
    whose pages have the fingerprints (``fingerprints``, by page file) they had in the
    previous build is linked from it. What each bundle was made from."""
    program = get_executable()
    if program is None:
        raise SearchIndexError("Pagefind's program is not installed (pip install 'pagefind[extended]')")
    made = []
    for bundle in bundles:
        path = search_bundle(lang, bundle.name).rstrip("/")
        digest = bundle_fingerprint(reuse.context, bundle, fingerprints)
        if reuse.previous is None or not reuse.previous.reuse_bundle(path, digest, site_dir):
            _index(program, site_dir, path, bundle)
        made.append(IndexedBundle(path, digest))
    return made


def bundle_fingerprint(context: str, bundle: SearchBundle, fingerprints: Mapping[str, str | None]) -> str | None:
    """What a bundle is made from: its pages and theirs; None if one of them has none."""
    digest = hashlib.sha256(f"{context}\0{bundle.name}".encode())
    for page in bundle.pages:
        made_from = fingerprints.get(page_file(page))
        if made_from is None:
            return None
        digest.update(f"\0{page}\0{made_from}".encode())
    return digest.hexdigest()


def page_file(url: str) -> str:
    return f"{url}index.html"


def _index(program: Path, site_dir: Path, path: str, bundle: SearchBundle) -> None:
    """Indexes ``bundle``'s pages into ``site_dir / path``."""
    pages = Path(tempfile.mkdtemp(prefix=".indexing-", dir=site_dir))
    try:
        for page in bundle.pages:
            (pages / page).mkdir(parents=True, exist_ok=True)
            os.link(site_dir / page_file(page), pages / page_file(page))
        command = [str(program), "--site", str(pages), "--output-path", str(site_dir / path), "--silent"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(pages)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed to index {path}: {result.stderr.strip()}")

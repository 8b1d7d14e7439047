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
bundle instead when it holds the same pages and Pagefind would read each of them as
before (``publish.incremental``): made from the same, or changed only inside elements
Pagefind excludes (``data-pagefind-ignore="all"``, which the templates put around what
is the page's and not the entity's, such as an actor's list of articles). Publishing
an article changes the lists of the entities it names, not what search finds of them.

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

from lxml import etree, html
from pagefind.service import get_executable

from ..site.pages.model import SearchBundle
from ..site.urls import search_bundle
from .incremental import IndexedBundle, PreviousBuild, Reuse


class SearchIndexError(Exception):
    pass


def index_language(site_dir: Path, lang: str, bundles: Iterable[SearchBundle], fingerprints: Mapping[str, str | None],
                   reuse: Reuse) -> list[IndexedBundle]:
    """Indexes the pages of ``lang`` in ``site_dir`` into ``bundles``; a bundle that the
    previous build indexed from the same pages, each read the same (``fingerprints``: what
    each page file was made from), is linked from it. What each bundle was made from."""
    program = get_executable()
    if program is None:
        raise SearchIndexError("Pagefind's program is not installed (pip install 'pagefind[extended]')")
    made = []
    for bundle in bundles:
        path = search_bundle(lang, bundle.name).rstrip("/")
        digest = bundle_fingerprint(reuse.context, bundle)
        if reuse.previous is None or not _reused(reuse.previous, bundle, path, digest, fingerprints, site_dir):
            _index(program, site_dir, path, bundle)
        made.append(IndexedBundle(path, digest))
    return made


def bundle_fingerprint(context: str, bundle: SearchBundle) -> str:
    """Which pages a bundle holds, in the build's context."""
    digest = hashlib.sha256(f"{context}\0{bundle.name}".encode())
    for page in bundle.pages:
        digest.update(f"\0{page}".encode())
    return digest.hexdigest()


def _reused(previous: PreviousBuild, bundle: SearchBundle, path: str, digest: str,
            fingerprints: Mapping[str, str | None], site_dir: Path) -> bool:
    """Links the previous build's bundle into ``site_dir`` if it holds the same pages
    (``digest``), each read as before, and its files are as that build left them."""
    for page in bundle.pages:
        if not _read_as_before(page_file(page), fingerprints, previous, site_dir):
            return False
    return previous.reuse_bundle(path, digest, site_dir)


def _read_as_before(dest: str, fingerprints: Mapping[str, str | None], previous: PreviousBuild,
                    site_dir: Path) -> bool:
    """Whether Pagefind reads the page file ``dest`` of ``site_dir`` as it read the previous
    build's: made from the same, or read the same from both files (``indexed_digest``)."""
    made = previous.pages.get(dest)
    if made is None:
        return False
    if fingerprints.get(dest) == made.fingerprint:
        return True
    before = previous.page_bytes(dest)
    try:
        return before is not None and indexed_digest(before) == indexed_digest((site_dir / dest).read_bytes())
    except (OSError, ValueError, etree.LxmlError):  # unreadable, not UTF-8, not HTML: indexed again
        return False


def indexed_digest(page: bytes) -> str:
    """What Pagefind reads of a page: its HTML without the elements Pagefind excludes
    with everything in them (``data-pagefind-ignore="all"``: no text, filter, metadata or
    image is taken from them, Pagefind's ``fossick/parser.rs``), parsed and written again."""
    document = html.document_fromstring(page.decode("utf-8"))
    excluded = [element for element in document.iter(etree.Element)
                if isinstance(element, html.HtmlElement) and element.get("data-pagefind-ignore") == "all"]
    for element in excluded:
        element.drop_tree()  # its tail, the text after it, stays
    return hashlib.sha256(etree.tostring(document, encoding="utf-8")).hexdigest()


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

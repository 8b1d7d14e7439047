"""Search with Pagefind: two bundles per language, one of the articles and one of the
entities (``pagefind/ar/articles/``, ``pagefind/ar/entities/``…), which the search page
loads as one (the second merged into the first, each marked with its group in the
browser) and shows as two groups; each is split in fragments that a browser loads only
as a query needs them (never the whole archive's index at once). Each language is
indexed on its own, so the process that renders a language indexes it, in parallel with
the others. Groups are bundles, not Pagefind filters written in the index: Pagefind
1.5.2 writes a filter's pages in the order its threads finish, so two builds of the same
site would differ.

Arabic words are indexed in their search form too (``text.arabic.search_terms``) and
``assets/arabic-search.js`` folds a reader's query the same way.

The index is made by Pagefind's command-line program, which exits once every file is
written. Its Python API stops the same program with SIGTERM as soon as it has answered
"files written", while the last writes of its asynchronous runtime can still be in
flight: files were cut at 32 or 64 KB boundaries (``pagefind-ui.js`` half missing) in
about one build of four on a loaded machine.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from pagefind.service import get_executable

from ..site.urls import SEARCH_GROUPS, search_bundle


class SearchIndexError(Exception):
    pass


def index_language(site_dir: Path, lang: str, groups: Iterable[str]) -> None:
    """Indexes the pages of ``lang`` in ``site_dir`` into a bundle per group of results
    (``urls.SEARCH_GROUPS``), each of ``groups``: those that have pages (a new site may
    have no article yet, and Pagefind refuses to index nothing)."""
    program = get_executable()
    if program is None:
        raise SearchIndexError("Pagefind's program is not installed (pip install 'pagefind[extended]')")
    for group in groups:
        folders = [kind.plural for kind in SEARCH_GROUPS[group]]
        pages = folders[0] if len(folders) == 1 else "{" + ",".join(folders) + "}"
        command = [str(program), "--site", str(site_dir), "--glob", f"{lang}/{pages}/**/*.html",
                   "--output-subdir", search_bundle(lang, group), "--silent"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise SearchIndexError(f"Pagefind failed to index the {lang} {group}: {result.stderr.strip()}")

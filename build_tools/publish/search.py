"""Search with Pagefind: one bundle per language (``pagefind/ar/``, ``pagefind/en/``),
split in fragments that a browser loads only as a query needs them (never the whole
archive's index at once). Each language is indexed on its own, so the process that
renders a language indexes it, in parallel with the others.

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
from pathlib import Path

from pagefind.service import get_executable

SEARCH_DIR = "pagefind"


class SearchIndexError(Exception):
    pass


def index_language(site_dir: Path, lang: str) -> None:
    """Indexes the pages of ``lang`` in ``site_dir`` into ``pagefind/LANG/``."""
    program = get_executable()
    if program is None:
        raise SearchIndexError("Pagefind's program is not installed (pip install 'pagefind[extended]')")
    command = [str(program), "--site", str(site_dir), "--glob", f"{lang}/**/*.html",
               "--output-subdir", f"{SEARCH_DIR}/{lang}", "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed to index the {lang} pages: {result.stderr.strip()}")

"""Search with Pagefind: one bundle per language (``pagefind/ar/``, ``pagefind/en/``),
split in fragments that a browser loads only as a query needs them (never the whole
archive's index at once). Each language is indexed on its own, so the process that
renders a language indexes it, in parallel with the others.

Arabic words are indexed in their search form too (``text.arabic.search_terms``)
and ``assets/arabic-search.js`` folds a reader's query the same way.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

SEARCH_DIR = "pagefind"


async def _index(site_dir: Path, lang: str) -> None:
    config = IndexConfig(output_path=str(site_dir / SEARCH_DIR / lang))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(path=str(site_dir), glob=f"{lang}/**/*.html")


def index_language(site_dir: Path, lang: str) -> None:
    """Indexes the pages of ``lang`` in ``site_dir`` into ``pagefind/LANG/``."""
    asyncio.run(_index(site_dir, lang))

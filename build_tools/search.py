"""Search with Pagefind: one index per language, split in fragments that a browser
loads only as a query needs them (never the whole archive's index at once).

Arabic words are indexed in their normalized form too (see ``arabic.search_forms``)
and ``assets/arabic-search.js`` folds a reader's query the same way.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex


async def _index(site_dir: Path) -> None:
    config = IndexConfig(output_path=str(site_dir / "pagefind"))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(path=str(site_dir))


def index_site(site_dir: Path) -> None:
    asyncio.run(_index(site_dir))

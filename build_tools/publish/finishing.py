"""What is done once every page of the site is written: the sitemap and the headers.

One function for both ways the site is built: by the MkDocs plugin at the end of a
single ``mkdocs build``, and by ``briefing build`` once its per-language processes
have all finished.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from ..model.briefing import Briefing
from ..model.settings import SiteConfig
from ..site.headers import HEADERS_FILE, headers_file
from ..site.sitemap import SitemapEntry, gzipped, sitemap_xml

SITEMAP = "sitemap.xml"


def content_epoch(briefing: Briefing) -> int:
    """The time stamped into generated files: ``SOURCE_DATE_EPOCH`` if set, else the
    content's newest date, so that two builds of one commit give identical bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    newest = briefing.last_changed() or datetime.date(1970, 1, 1)
    return int(datetime.datetime.combine(newest, datetime.time(), datetime.UTC).timestamp())


def finish_site(site_dir: Path, config: SiteConfig, briefing: Briefing, pages: list[SitemapEntry],
                inline_scripts: set[str]) -> None:
    """The sitemaps, the whole site's and each edition's (beside its feed, where Material's
    script looks for it), and the headers file (search is indexed as each language is
    rendered)."""
    sitemap = sitemap_xml(pages, config.base_url, config.default_language)
    (site_dir / SITEMAP).write_text(sitemap, encoding="utf-8")
    for lang in config.languages:
        edition = [page for page in pages if page.lang == lang]
        (site_dir / lang / SITEMAP).write_text(sitemap_xml(edition, config.base_url, config.default_language),
                                               encoding="utf-8")
    (site_dir / f"{SITEMAP}.gz").write_bytes(gzipped(sitemap, SITEMAP, content_epoch(briefing)))
    (site_dir / HEADERS_FILE).write_text(headers_file(inline_scripts, config.map_tiles["url"]), encoding="utf-8")

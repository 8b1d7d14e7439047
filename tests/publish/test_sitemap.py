"""The sitemap: each page with both languages and x-default, gzipped reproducibly."""

from __future__ import annotations

import gzip

from build_tools.site.sitemap import SitemapEntry, gzipped, sitemap_xml


def test_the_sitemap_lists_each_page_with_both_languages_and_x_default() -> None:
    pages = [SitemapEntry("ar/actors/sdf/", "en/actors/sdf/", "ar"), SitemapEntry("en/a&b/", "ar/a&b/", "en")]
    base = "https://example.org/b/"
    assert sitemap_xml(pages, base, "ar") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        "  <url>\n    <loc>https://example.org/b/ar/actors/sdf/</loc>\n"
        '    <xhtml:link rel="alternate" hreflang="ar" href="https://example.org/b/ar/actors/sdf/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/b/en/actors/sdf/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/b/ar/actors/sdf/"/>\n'
        "  </url>\n"
        "  <url>\n    <loc>https://example.org/b/en/a&amp;b/</loc>\n"
        '    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/b/en/a&amp;b/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="ar" href="https://example.org/b/ar/a&amp;b/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/b/ar/a&amp;b/"/>\n'
        "  </url>\n</urlset>\n")
    assert gzip.decompress(gzipped("x", "sitemap.xml", 1_500_000_000)) == b"x"
    assert gzipped("x", "sitemap.xml", 1_500_000_000)[10:22] == b"sitemap.xml\x00"  # the name, in the header
    assert gzipped("x", "sitemap.xml", 1_500_000_000) == gzipped("x", "sitemap.xml", 1_500_000_000)
    assert gzipped("x", "sitemap.xml", 1_500_000_000)[4:8] == (1_500_000_000).to_bytes(4, "little")

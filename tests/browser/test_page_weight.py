"""A page's weight does not grow with the archive: a reader on a costly connection opening
an article pays the same whether the site holds 20 briefings or 60 (no request fetches a
list of every page, such as a sitemap), and an English page loads no Arabic face to draw
the one Arabic word of its language button."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_fixtures import site_contexts
from corpus import write_corpus

from build_tools.cli import main

SMALL, LARGE = 20, 60
ARTICLE = "en/articles/2000-01-01-a0/"
"""The first briefing of the synthetic corpus, in both archives."""


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The synthetic corpus built with ``SMALL`` and with ``LARGE`` articles (before
    Chromium starts: the build's search indexing cannot run beside it)."""
    sites = {}
    for articles in (SMALL, LARGE):
        root = tmp_path_factory.mktemp(f"archive-{articles}")
        write_corpus(root, articles)
        sites[articles] = root / "site"
        assert main(["build", "--root", str(root), "--site-dir", str(sites[articles]), "--quiet"]) == 0
    return sites


def _first_view(browser, site: Path, site_url: str, path: str) -> dict[str, int]:
    """Every response of a first view of ``path`` (nothing cached), by address: its size."""
    context = site_contexts(browser, site, site_url)(viewport={"width": 375, "height": 800})
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on("response", lambda response: sizes.__setitem__(response.url, len(response.body())))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    context.close()
    return sizes


@pytest.mark.slow
def test_an_article_weighs_the_same_in_a_larger_archive(archives: dict[int, Path], browser, site_url: str) -> None:
    small, large = (_first_view(browser, archives[n], site_url, ARTICLE) for n in (SMALL, LARGE))
    assert sorted(small) == sorted(large)  # the same requests
    assert not [url for url in large if url.endswith("sitemap.xml")]
    assert abs(sum(large.values()) - sum(small.values())) <= 0.02 * sum(small.values())


def test_an_english_page_loads_no_arabic_face_for_its_language_button(archives: dict[int, Path], browser,
                                                                       site_url: str) -> None:
    fonts = [url for url in _first_view(browser, archives[SMALL], site_url, "en/") if url.endswith(".woff2")]
    assert [url for url in fonts if "naskh" in url] == []

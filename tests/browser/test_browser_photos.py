"""Photos as readers see them, in Chromium: figures in both languages, on a phone and a
laptop, under the site's own Content-Security-Policy."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from browser_fixtures import csp_violations, require, screenshot
from conftest import build_project_site
from media_files import write_illustrated_article
from test_accessibility import AXE, THEME_MARKUP_ERRORS, VNU

from build_tools.publish.linkcheck import page_file

ARTICLE = "articles/2017-08-07-a/"
CREDITS = {"ar": "تصوير: وكالة", "en": "Photo: An agency"}


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    """This module's site: a tiny project with photos, in place of the sample briefing."""
    return build_project_site(tmp_path_factory, "photo", write_illustrated_article)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_figures_load_fit_the_screen_and_credit_the_photographer(new_context, site_url: str, lang: str,
                                                                  width: int) -> None:
    context = new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    blocked = csp_violations(page)
    page.goto(site_url + f"{lang}/" + ARTICLE)
    figures = page.locator("[data-briefing=figure]")
    assert figures.count() == 2
    for index in range(2):
        figure = figures.nth(index)
        figure.scroll_into_view_if_needed()
        image = figure.locator("img")
        image.evaluate("img => img.decode()")
        loaded = image.evaluate("img => [img.naturalWidth > 0, img.currentSrc.split('.').pop()]")
        assert loaded == [True, "webp"]
        box, viewport = figure.bounding_box(), page.viewport_size
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert figures.nth(1).locator(".briefing-figure__credit").inner_text() == CREDITS[lang]
    caption = figures.nth(0).locator("figcaption")
    assert caption.evaluate("node => getComputedStyle(node).direction") == ("rtl" if lang == "ar" else "ltr")
    screenshot(page, f"{lang}-photos-{width}")
    context.close()
    assert blocked == [] and context.outbound == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_an_article_with_photos_has_no_serious_axe_violation(new_context, site_url: str, lang: str) -> None:
    require(AXE.is_file(), "axe-core", "run npm ci")
    context = new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)  # to inject axe
    page = context.new_page()
    page.goto(site_url + f"{lang}/" + ARTICLE)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == []


@pytest.mark.slow
def test_the_html_of_an_article_with_photos_is_valid(sample_site: Path) -> None:
    require(shutil.which("java") is not None and VNU.is_file(), "vnu (Java and vnu-jar)",
            "install a Java runtime and run npm ci")
    files = [str(page_file(sample_site, f"/{lang}/{ARTICLE}")) for lang in ("ar", "en")]
    checked = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                             capture_output=True, text=True, timeout=300)
    messages = json.loads(checked.stderr)["messages"]
    assert len(messages) >= 2 * len(files)  # the checker read both pages: the theme's two errors on each
    assert [m["message"] for m in messages if not any(known in m["message"] for known in THEME_MARKUP_ERRORS)] == []

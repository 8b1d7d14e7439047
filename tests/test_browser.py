"""The built sample site in a real Chromium: direction, language switch, entity pages, search.

The server sends the headers of the site's ``_headers`` file, as Netlify or Cloudflare
Pages would, so every page here runs under its Content-Security-Policy; a test fails
if Chromium reports a violation.

Chromium comes from the system (Debian's ``chromium``; ``.ci/run`` installs it). Without it
these tests skip on a person's machine and fail under CI, where it must be present.
"""

from __future__ import annotations

import mimetypes
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import REPO

from build_tools.linkcheck import page_file

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
ARTIFACTS = REPO / "tests" / "artifacts"
ARTICLE = "articles/2017-coalition-sdf-rift-deir-ez-zor/"
ARABIC_TITLE = "خلافاتٌ بين التحالف و(قسد) حول معركة دير الزور"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if CHROMIUM is None:
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but no chromium: .ci/run must install it")
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


def read_headers_file(site: Path) -> dict[str, str]:
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:])


@pytest.fixture(scope="module")
def site_url() -> str:
    """The sample's own base URL: pages are requested there, as readers would."""
    return yaml.safe_load((REPO / "site_config/site.yml").read_text(encoding="utf-8"))["base_url"]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def new_context(browser, sample_site: Path, site_url: str):
    """Browser contexts in which the site's base URL is answered from the built site,
    with the headers of its ``_headers`` file, as Netlify or Cloudflare Pages would."""
    headers = read_headers_file(sample_site)

    def serve(route) -> None:
        path = urlsplit(route.request.url).path.removeprefix(urlsplit(site_url).path)
        file = page_file(sample_site, path)
        status = 200 if file.is_file() else 404
        file = file if file.is_file() else sample_site / "404.html"
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        route.fulfill(status=status, body=file.read_bytes(), headers={**headers, "content-type": content_type})

    def make(**options):
        context = browser.new_context(**options)
        context.route(site_url + "**", serve)
        return context

    return make


def csp_violations(page) -> list[str]:
    """Collects what Chromium reports as blocked by the Content-Security-Policy."""
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    return blocked


@pytest.fixture
def page(new_context):
    context = new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    blocked = csp_violations(page)
    yield page
    context.close()
    assert blocked == [], "the Content-Security-Policy blocked part of the page"


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_pages_are_served_under_the_policy_and_it_blocks_a_foreign_script(new_context, site_url: str) -> None:
    context = new_context()
    page = context.new_page()
    blocked = csp_violations(page)
    response = page.goto(site_url + "ar/" + ARTICLE)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert blocked == []
    page.evaluate("""() => { const script = document.createElement('script');
        script.textContent = 'window.injected = true'; document.body.append(script); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.injected") is None
    assert len(blocked) == 1
    context.close()


def test_arabic_article_is_right_to_left_with_navigation_on_the_right(page, site_url: str) -> None:
    page.goto(site_url + "ar/" + ARTICLE)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    navigation = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert navigation["x"] > content["x"] + content["width"] / 2
    assert page.locator("h1").first.inner_text() == ARABIC_TITLE
    screenshot(page, "ar-article")


def test_language_switch_lands_on_the_same_article_in_english(page, site_url: str) -> None:
    page.goto(site_url + "ar/" + ARTICLE)
    page.locator("[data-briefing=language-switch]").click()
    page.wait_for_url(site_url + "en/" + ARTICLE)
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    assert page.locator("h1").first.inner_text() == (
        "Rift between the Coalition and the SDF over the battle for Deir ez-Zor")
    screenshot(page, "en-article")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_sdf_page_lists_the_sample_article(page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{lang}/actors/sdf/")
    card = page.locator(".briefing-card__title a", has_text="Deir ez-Zor" if lang == "en" else "دير الزور")
    assert card.count() == 1
    card.click()
    page.wait_for_url(f"{site_url}{lang}/{ARTICLE}")
    page.goto(f"{site_url}{lang}/actors/sdf/")
    screenshot(page, f"{lang}-actor-sdf")


@pytest.mark.parametrize("query", ["دير الزور", "دَيْرِ الزُّورِ", "دير زور", "بدير الزور", "وبالرقه"])
def test_arabic_search_finds_the_article_whatever_the_spelling(page, site_url: str, query: str) -> None:
    page.goto(site_url + "ar/search/")
    page.locator(".pagefind-ui__search-input").fill(query)
    result = page.locator(".pagefind-ui__result-link", has_text=ARABIC_TITLE)
    result.wait_for(timeout=10_000)
    assert result.get_attribute("href").endswith("/ar/" + ARTICLE)


def test_arabic_location_page_draws_the_marker_at_its_coordinates(page, site_url: str) -> None:
    page.goto(site_url + "ar/locations/deir-ez-zor/")
    marker = page.locator(".briefing-map .leaflet-marker-icon")
    marker.wait_for()
    assert page.evaluate("getComputedStyle(document.querySelector('.briefing-map')).direction") == "ltr"
    position = page.evaluate("""() => {
        const {map, markers} = window.briefingMaps[0];
        const at = markers[0].getLatLng();
        const point = map.latLngToContainerPoint(at);
        return {lat: at.lat, lon: at.lng, x: point.x, y: point.y};
    }""")
    assert (position["lat"], position["lon"]) == (35.3333, 40.15)
    icon, frame = marker.bounding_box(), page.locator(".briefing-map").bounding_box()
    tip = (icon["x"] + icon["width"] / 2 - frame["x"], icon["y"] + icon["height"] - frame["y"])
    assert abs(tip[0] - position["x"]) < 2 and abs(tip[1] - position["y"]) < 2
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == "تكبير"
    screenshot(page, "ar-location-map")


def test_locations_index_map_shows_every_located_place(page, site_url: str) -> None:
    page.goto(site_url + "en/locations/")
    page.locator(".briefing-map .leaflet-marker-icon").first.wait_for()
    assert page.locator(".briefing-map .leaflet-marker-icon").count() == 5

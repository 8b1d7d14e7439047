"""The built sample site in a real Chromium: direction, language switch, entity pages, search.

Pages are requested at the site's own base URL and answered from the built site with
the headers of its ``_headers`` file (``browser_fixtures``), so every page here runs
under its Content-Security-Policy; a test fails if Chromium reports a violation.
"""

from __future__ import annotations

import math
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml
from browser_fixtures import TILES, csp_violations, require, screenshot, site_contexts, wait_until
from conftest import REPO
from lxml import html
from test_accessibility import AXE, PAGE_IDS, PAGE_KINDS, PAGES

ARTICLE = "articles/2017-coalition-sdf-rift-deir-ez-zor/"
ARABIC_TITLE = "خلافاتٌ بين التحالف و(قسد) حول معركة دير الزور"


def test_pages_are_served_under_the_policy_and_it_blocks_a_foreign_script(new_context, site_url: str,
                                                                          csp_delivery: str) -> None:
    context = new_context()
    page = context.new_page()
    blocked = csp_violations(page)
    response = page.goto(site_url + "ar/" + ARTICLE)
    header = response.headers.get("content-security-policy")
    meta = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert (header is not None) == (csp_delivery == "header")
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in meta
    assert response.headers["x-content-type-options"] == "nosniff"
    assert blocked == []
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate("""() => { const script = document.createElement('script');
            script.textContent = 'window.injected = true'; document.body.append(script); }""")
    assert page.evaluate("window.injected") is None
    policies = 2 if csp_delivery == "header" else 1  # the header's and the page's, each enforced
    wait_until(page, lambda: len(blocked) >= policies)
    assert len(blocked) == policies and all("inline script" in message for message in blocked)
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
    label = yaml.safe_load((REPO / "site_config/i18n/ar.yml").read_text(encoding="utf-8"))["search_placeholder"]
    page.get_by_label(label).fill(query)
    result = page.locator("[data-group=articles] [data-briefing=search-result] a", has_text=ARABIC_TITLE)
    result.wait_for(timeout=10_000)
    assert result.get_attribute("href").endswith("/ar/" + ARTICLE)


@pytest.mark.parametrize("density", [1, 2])
def test_arabic_location_page_shows_its_map_without_leaflet_until_tapped_then_nothing_moves(
        browser, sample_site: Path, site_url: str, density: int) -> None:
    """A place's map is first a picture made without Leaflet; a tap fetches Leaflet, whose map
    puts the marker and the name exactly where the picture had them, at the coordinates. On a
    dense screen both draw the next zoom's tiles at half size (as sharp as the text)."""
    context = site_contexts(browser, sample_site, site_url)(device_scale_factor=density)
    page = context.new_page()
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if request.url.endswith(".js") else None)
    page.goto(site_url + "ar/locations/deir-ez-zor/")
    element = page.locator(".briefing-map")
    drawn = element.locator(".briefing-map__marker")
    drawn.wait_for()
    assert page.evaluate("getComputedStyle(document.querySelector('.briefing-map')).direction") == "ltr"
    zoom = int(element.get_attribute("data-zoom")) + (density > 1)
    tile_zooms = {source.split("/")[-3] for source in element.locator(".briefing-map__tile").evaluate_all(
        "tiles => tiles.map(tile => tile.src)")}
    assert tile_zooms == {str(zoom)}
    def within_map(*boxes: dict[str, float]) -> list[tuple[float, float, float, float]]:
        frame = element.bounding_box()  # the page may have scrolled to bring the map into view
        return [(box["x"] - frame["x"], box["y"] - frame["y"], box["width"], box["height"]) for box in boxes]

    before = within_map(drawn.bounding_box(), element.locator(".briefing-map__label").bounding_box())
    assert element.locator(".briefing-map__label").inner_text() == "دير الزور"
    assert not [url for url in scripts if "leaflet" in url]
    screenshot(page, "ar-location-map")
    element.click()
    marker = element.locator(".leaflet-marker-icon")
    marker.wait_for()
    element.locator(".briefing-map__picture").wait_for(state="detached")
    assert [url for url in scripts if "leaflet" in url] == [site_url + "assets/vendor/leaflet/leaflet.js"]
    icon, frame = marker.bounding_box(), element.bounding_box()
    tip = (icon["x"] + icon["width"] / 2 - frame["x"], icon["y"] + icon["height"] - frame["y"])
    position = _on_the_tiles(element, 35.3333, 40.15)  # the place's coordinates, where Leaflet's tiles show them
    assert abs(tip[0] - position[0]) < 2 and abs(tip[1] - position[1]) < 2
    after = within_map(icon, element.locator(".briefing-map__label").bounding_box())
    for drawn_before, drawn_after in zip(before, after, strict=True):  # Leaflet rounds to whole pixels
        assert all(abs(side_after - side_before) < 1 for side_before, side_after in zip(drawn_before, drawn_after,
                                                                                          strict=True))
    assert {source.split("/")[-3] for source in element.locator("img.leaflet-tile").evaluate_all(
        "tiles => tiles.map(tile => tile.src)")} == {str(zoom)}
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == "تكبير"
    assert "leaflet-grab" in element.get_attribute("class")  # the tap asked for the map: it moves
    context.close()


def _on_the_tiles(element, lat: float, lon: float) -> tuple[float, float]:
    """Where a point is drawn on a Leaflet map, read from the tile it falls on (the tile's
    address, z/x/y, and its box): Web Mercator, each tile 256 of the world's pixels square."""
    for tile in element.locator("img.leaflet-tile").all():
        zoom, column, row = (int(part) for part in tile.get_attribute("src").removesuffix(".png").split("/")[-3:])
        size, sin = 256 * 2 ** zoom, math.sin(math.radians(lat))
        x, y = (lon + 180) / 360 * size, (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * size
        if (column, row) == (int(x // 256), int(y // 256)):
            box, frame = tile.bounding_box(), element.bounding_box()
            scale = box["width"] / 256  # a dense screen's tiles are drawn at half size
            return (box["x"] - frame["x"] + (x - column * 256) * scale,
                    box["y"] - frame["y"] + (y - row * 256) * scale)
    raise AssertionError(f"no tile holds {lat}, {lon}")


def test_locations_index_map_shows_every_located_place_whole_and_named(page, site_url: str) -> None:
    located = {entry["name"]["en"] for entry in (yaml.safe_load(path.read_text(encoding="utf-8"))
                                                 for path in (REPO / "content/locations").glob("*.yml"))
               if "coordinates" in entry}
    page.goto(site_url + "en/locations/")
    page.locator(".briefing-map .leaflet-marker-icon").first.wait_for()
    assert page.locator(".briefing-map .leaflet-marker-icon").count() == len(located)
    assert {label.inner_text() for label in page.locator(".briefing-map__label").all()} == located
    frame = page.locator(".briefing-map").bounding_box()
    icons, labels = page.locator(".briefing-map .leaflet-marker-icon"), page.locator(".briefing-map__label")
    for shown in [*icons.all(), *labels.all()]:
        box = shown.bounding_box()  # not cut by the map's edge
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"]
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
    page.locator(".briefing-map img.leaflet-tile-loaded").first.wait_for()  # tiles come from the stub server


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_maps_credit_is_in_the_page_language_without_a_flag(page, site_url: str, lang: str) -> None:
    credit = yaml.safe_load((REPO / "site_config/site.yml").read_text(encoding="utf-8"))["map_tiles"]["attribution"]
    page.goto(f"{site_url}{lang}/locations/deir-ez-zor/")
    assert page.locator(".briefing-map__credit").inner_text() == html.fromstring(credit[lang]).text_content()
    page.locator(".briefing-map").click()
    page.locator(".briefing-map__picture").wait_for(state="detached")
    shown = page.locator(".leaflet-control-attribution").inner_text()
    assert shown == "Leaflet | " + html.fromstring(credit[lang]).text_content()
    assert not any(0x1F1E6 <= ord(character) <= 0x1F1FF for character in shown)  # no regional indicator (a flag)


def test_a_map_moves_under_a_finger_only_once_tapped(browser, sample_site: Path, site_url: str) -> None:
    """On a phone the page scrolls over the map, which says how to move it, until it is tapped."""
    context = site_contexts(browser, sample_site, site_url)(viewport={"width": 375, "height": 800}, is_mobile=True,
                                                           has_touch=True)
    page = context.new_page()
    page.goto(site_url + "ar/locations/deir-ez-zor/")
    hint = yaml.safe_load((REPO / "site_config/i18n/ar.yml").read_text(encoding="utf-8"))["map_hint"]
    element = page.locator(".briefing-map")
    element.locator(".briefing-map__marker").wait_for()
    assert element.locator(".leaflet-pane").count() == 0  # a picture: nothing that could take the page's scrolling
    assert element.get_attribute("data-active") == "false"
    assert element.evaluate("node => getComputedStyle(node, '::after').content") == f'"{hint}"'
    assert element.bounding_box()["height"] < 800 / 2  # not half the screen
    element.tap()
    element.locator(".leaflet-marker-icon").wait_for()
    assert "leaflet-grab" in element.get_attribute("class")  # Leaflet's dragging, on
    tiles = element.locator("img.leaflet-tile")
    zoom = int(tiles.first.get_attribute("src").split("/")[-3])
    box = element.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -300)  # and the wheel zooms it in
    wait_until(page, lambda: max(int(source.split("/")[-3]) for source in tiles.evaluate_all(
        "tiles => tiles.map(tile => tile.src)")) > zoom)
    assert element.evaluate("node => getComputedStyle(node, '::after').content") == "none"
    context.close()


def test_a_map_below_the_screen_is_drawn_only_when_reached_and_the_page_does_not_move(
        browser, sample_site: Path, site_url: str) -> None:
    """The map's drawing and the tiles' requests wait until the map comes near the screen; its
    box is there from the start, so nothing below it moves when it is drawn."""
    context = site_contexts(browser, sample_site, site_url)(viewport={"width": 375, "height": 300})
    page = context.new_page()
    tiles: list[str] = []
    page.on("request", lambda request: tiles.append(request.url) if request.url.startswith(TILES) else None)
    page.goto(site_url + "en/locations/deir-ez-zor/")
    page.wait_for_load_state("load")
    element = page.locator(".briefing-map")
    below = element.bounding_box()
    assert below["y"] > 300 + 200  # beyond the screen and the margin it is drawn at
    page.wait_for_timeout(300)
    assert (element.locator(".briefing-map__marker").count(), tiles) == (0, [])
    element.scroll_into_view_if_needed()
    element.locator(".briefing-map__marker").wait_for()
    page.evaluate("window.scrollTo(0, 0)")
    assert element.bounding_box() == below
    assert tiles
    context.close()


def test_without_javascript_a_place_shows_its_coordinates_and_no_empty_map(browser, sample_site: Path,
                                                                           site_url: str) -> None:
    context = site_contexts(browser, sample_site, site_url)(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/locations/deir-ez-zor/")
    assert page.locator(".briefing-map").is_hidden()
    coordinates = page.locator("[data-briefing=coordinates]")
    assert coordinates.is_visible() and "35.3333, 40.15" in coordinates.inner_text()
    assert coordinates.locator("a").get_attribute("href").startswith("https://www.openstreetmap.org/")
    context.close()


def test_arabic_text_is_never_set_in_italics(page, site_url: str) -> None:
    """Arabic has no italics (a browser slants its letters): a chart's caption and emphasis
    are upright on Arabic pages, and Arabic inside an English caption is too."""
    page.goto(site_url + "ar/locations/deir-ez-zor/")
    caption = page.locator("[data-briefing=timeline] figcaption")
    assert caption.evaluate("node => getComputedStyle(node).fontStyle") == "normal"
    page.evaluate("""() => {
        const em = document.createElement('em');
        em.textContent = 'نص';
        document.querySelector('article p').append(em);
    }""")
    assert page.locator("article p em").last.evaluate("node => getComputedStyle(node).fontStyle") == "normal"
    page.goto(site_url + "en/locations/deir-ez-zor/")
    caption = page.locator("[data-briefing=timeline] figcaption")
    assert caption.evaluate("node => getComputedStyle(node).fontStyle") == "italic"  # Latin keeps the theme's
    caption.evaluate("node => { const b = document.createElement('bdi'); b.lang = 'ar'; b.textContent = 'نص';"
                     " node.append(b); }")
    assert caption.locator("bdi[lang=ar]").evaluate("node => getComputedStyle(node).fontStyle") == "normal"


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_missing_page_answers_in_both_languages_with_the_way_home(new_context, site_url: str, lang: str,
                                                                   width: int) -> None:
    require(AXE.is_file(), "axe-core", "run npm ci")
    context = new_context(viewport={"width": width, "height": 900}, bypass_csp=True)  # to inject axe
    page = context.new_page()
    response = page.goto(f"{site_url}{lang}/articles/no-such-article/")
    assert response.status == 404
    sections = page.evaluate("""() => [...document.querySelectorAll('[data-briefing=not-found]')].map(s => ({
        lang: s.lang, dir: s.dir, heading: s.querySelector('h1, h2').innerText,
        links: [...s.querySelectorAll('a')].map(a => new URL(a.href).pathname)}))""")
    base = urlsplit(site_url).path
    titles = {code: yaml.safe_load((REPO / f"site_config/i18n/{code}.yml").read_text(encoding="utf-8"))[
        "not_found_title"] for code in ("ar", "en")}
    assert sections == [  # the default language first, whatever the address
        {"lang": code, "dir": direction, "heading": f"{titles[code]} (404)",
         "links": [f"{base}{code}/", f"{base}{code}/search/"]} for code, direction in (("ar", "rtl"), ("en", "ltr"))]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == []
    screenshot(page, f"not-found-{lang}-{width}")
    assert page.goto(f"{site_url}{sections[1]['links'][0].removeprefix(base)}").status == 200
    context.close()


@pytest.mark.parametrize(("lang", "path"), PAGES, ids=PAGE_IDS)
def test_no_request_of_any_page_fails(new_context, site_url: str, lang: str, path: str) -> None:
    """Every request a page makes is answered: no sitemap.xml asked for beside a page that has
    none (Material's script asks beside each <link rel="alternate">), no missing asset, on a
    search page with a query too."""
    context = new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(f"failed {request.url}")
            if request.failure != "net::ERR_ABORTED" else None)  # a map cancels the tiles it no longer shows
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.goto(f"{site_url}{lang}/{path}" + ("?q=" + quote("دير الزور") if path == PAGE_KINDS["search"] else ""))
    page.wait_for_load_state("networkidle")
    context.close()
    assert failed == []
    assert context.outbound == []


SCREENSHOT_KINDS = {"article": ARTICLE, "actor": "actors/sdf/", "location": "locations/deir-ez-zor/",
                    "search": "search/?q=" + quote("دير الزور"), "404": "no-such-page/"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", list(SCREENSHOT_KINDS))
def test_each_page_kind_fits_the_screen_in_both_palettes(browser, sample_site: Path, site_url: str, kind: str,
                                                         lang: str, width: int, scheme: str) -> None:
    """Nothing wider than the screen, the palette the reader's system asks for; a screenshot of each."""
    context = site_contexts(browser, sample_site, site_url)(viewport={"width": width, "height": 900},
                                                           color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}{lang}/{SCREENSHOT_KINDS[kind]}")
    if kind == "search":
        page.locator("[data-briefing=search-result]").first.wait_for(timeout=20_000)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
        {"light": "default", "dark": "slate"}[scheme]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Arabic letters in the site's own face: every page shows some (English ones a name, a note, the
    # 404 page's Arabic half, the query typed); the language switch's word alone is the system's.
    arabic_face = """() => document.fonts.ready.then(() => [...document.fonts].some(
        face => face.family.replace(/"/g, '') === 'Noto Naskh Arabic' && face.status === 'loaded'))"""
    assert page.evaluate(arabic_face)
    screenshot(page, f"{kind}-{lang}-{width}-{scheme}", full_page=False)
    context.close()

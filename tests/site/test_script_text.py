"""Text from content stays text when the site's scripts put it in the page.

Anyone who can commit content can name a place, an actor or an article anything, markup
included. The scripts (map.js, events.js, search.js) show such names in map labels and
popups, the events list and search excerpts; this builds a tiny site whose every name holds
markup, opens its maps, events and search pages in Chromium in both languages, makes the
labels, popups, filtered lists and excerpts appear, and asserts that no element of that
markup was ever made (a watcher sees every element added to the page, and every request
for an image the markup names) and that the names read as written.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from browser_fixtures import site_contexts, wait_until
from conftest import Project, build_project_site, write_minimal_article

IMG = "<img src=x onerror=alert(1)>"
BOLD = "<b id=pwn>bold</b>"
SVG = '"><svg onload=alert(2)>'
NAMES = {
    "syria": {"ar": f"سوريا {BOLD}", "en": f"Syria {BOLD}"},
    "town": {"ar": f"بلدة {IMG}", "en": f"Town {SVG}"},
    "army": {"ar": f"جيش {SVG}", "en": f"Army {IMG}"},
    "group": {"ar": f"جماعة {IMG}", "en": f"{BOLD} Group"},
    "title": {"ar": f"تقرير {IMG}", "en": f"Report {SVG}"},
}
DESCRIPTION = {"ar": f"وصف {IMG} {BOLD} {SVG}", "en": f"Described {IMG} {BOLD} {SVG}"}
QUERY = {"ar": "وصف", "en": "described"}

SCRIPTED = ".briefing-map, [data-briefing=event-list], #briefing-search"
"""What the scripts fill: maps (their labels, popups and tooltips), the events list, search results."""

WATCHER = "(() => {" + f"const scripted = {json.dumps(SCRIPTED)};" + """
window.__hostile = [];
const hostile = 'img[src="x"], #pwn, svg[onload], [onerror], [onload]';
const record = (node) => {
  if (node.nodeType !== 1) return;
  for (const found of [node, ...node.querySelectorAll('*')]) {
    if (found.matches(hostile) || [...found.attributes].some((a) => a.name.startsWith('on'))) {
      window.__hostile.push({html: found.outerHTML.slice(0, 120), scripted: !!found.closest(scripted)});
    }
  }
};
new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach(record)))
  .observe(document, {childList: true, subtree: true});
})();"""
"""Records, from before the page's first script, every element added to it that the
markup in the names would make (or any element with an event handler attribute), and
whether it is in what the scripts fill."""


def _quoted(names: dict[str, str]) -> str:
    return "{ar: " + json.dumps(names["ar"], ensure_ascii=False) + ", en: " + json.dumps(names["en"],
                                                                                      ensure_ascii=False) + "}"


def write_hostile_content(project: Project) -> None:
    """Two located places, two actors and one article reporting two events, every name and
    description holding markup."""
    description = f"description: {_quoted(DESCRIPTION)}\n"
    project.write("content/locations/syria.yml", f"name: {_quoted(NAMES['syria'])}\nkind: country\n"
                  f"coordinates: {{lat: 35.0, lon: 38.5}}\n{description}")
    project.write("content/locations/town.yml", f"name: {_quoted(NAMES['town'])}\nkind: city\nparent: syria\n"
                  f"coordinates: {{lat: 34.5, lon: 40.25}}\n{description}")
    project.write("content/actors/army.yml", f"name: {_quoted(NAMES['army'])}\ntype: armed-forces\n{description}")
    project.write("content/actors/group.yml", f"name: {_quoted(NAMES['group'])}\ntype: armed-group\n{description}")
    project.write("content/sources/sana.yml", "name: {ar: سانا, en: SANA}\nkind: news-agency\n")
    events = "".join(
        f"  - date: 2017-09-0{day}\n    type: {kind}\n    sub_type: {sub_type}\n    location: {place}\n"
        "    actors: {side_a: [army], side_b: [group]}\n    sources: [sana]\n"
        f"    note: {_quoted(DESCRIPTION)}\n"
        for day, kind, sub_type, place in ((5, "battles", "armed-clash", "town"),
                                           (6, "strategic-developments", "agreement", "syria")))
    title = NAMES["title"]
    write_minimal_article(
        project, slug="2017-09-07-report",
        meta="date: 2017-09-07\nstatus: published\nactors: [army, group]\nlocations: [town]\n"
             f"sources: [{{source: sana}}]\nevents:\n{events}",
        ar=f"---\ntitle: {json.dumps(title['ar'], ensure_ascii=False)}\n---\nنص التقرير.\n",
        en=f"---\ntitle: {json.dumps(title['en'])}\n---\nThe report.\n")


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    """This module's site, in place of the sample briefing: the hostile names' site."""
    return build_project_site(tmp_path_factory, "hostile", write_hostile_content)


def _watched(browser, sample_site: Path, site_url: str):
    context = site_contexts(browser, sample_site, site_url)(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(WATCHER)
    page.images = []
    page.on("request", lambda request: page.images.append(request.url) if request.url.endswith("/x") else None)
    return context, page


@pytest.fixture
def page(browser, sample_site: Path, site_url: str):
    """A page under the site's policy, watched for the names' markup; after the test, that
    the scripts made none of it."""
    context, page = _watched(browser, sample_site, site_url)
    yield page
    made = [found["html"] for found in page.evaluate("window.__hostile") if found["scripted"]]
    context.close()
    assert made == [], "a script made elements of the markup in a name"


def _names(lang: str, *keys: str) -> set[str]:
    return {NAMES[key][lang] for key in keys}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_locations_map_labels_and_popups_show_names_as_text(page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{lang}/locations/")
    markers = page.locator(".briefing-map .leaflet-marker-icon")
    markers.first.wait_for()
    assert markers.count() == 2
    assert {label.inner_text() for label in page.locator(".leaflet-tooltip.briefing-map__label").all()} == _names(
        lang, "syria", "town")
    assert set(markers.evaluate_all("icons => icons.map(icon => icon.title)")) == _names(lang, "syria", "town")
    assert set(_popups(page, markers)) == {f"{name} (1)" for name in _names(lang, "syria", "town")}  # + articles


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_places_map_shows_its_name_as_text_before_and_after_leaflet(page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{lang}/locations/town/")
    element = page.locator(".briefing-map")
    element.locator(".briefing-map__picture .briefing-map__label").wait_for()
    assert element.locator(".briefing-map__label").inner_text() == NAMES["town"][lang]
    element.click()
    element.locator(".briefing-map__picture").wait_for(state="detached")
    element.locator(".leaflet-tooltip.briefing-map__label").wait_for()
    assert element.locator(".leaflet-tooltip.briefing-map__label").inner_text() == NAMES["town"][lang]
    element.locator(".leaflet-marker-icon").click(force=True)
    assert element.locator(".leaflet-popup-content a").inner_text() == NAMES["town"][lang]


def _popups(page, markers) -> list[str]:
    """The text of each marker's popup, opened by a click, in the markers' order."""
    texts = []
    popups = page.locator(".leaflet-popup-content")
    for index in range(markers.count()):
        markers.nth(index).click(force=True)
        wait_until(page, lambda: popups.count() == 1)  # the one opened before has faded out
        texts.append(popups.inner_text())
    return texts


def _listed_text(page) -> str:
    return page.locator("[data-briefing=event-list]").inner_text()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_events_map_popups_and_filtered_list_show_names_as_text(page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{lang}/events/")
    wait_until(page, lambda: page.locator("[data-briefing=events-map] .leaflet-marker-icon").count() > 0)
    listed = _listed_text(page)
    for name in _names(lang, "syria", "town", "army", "group", "title"):
        assert name in listed
    markers = page.locator("[data-briefing=events-map] .leaflet-marker-icon")
    wait_until(page, lambda: markers.count() == 2)  # once the clusters' animation is over
    popups = _popups(page, markers)
    assert [NAMES["town"][lang] in shown for shown in popups] == [True, False]
    assert [NAMES["syria"][lang] in shown for shown in popups] == [False, True]
    for shown in popups:
        assert NAMES["army"][lang] in shown and NAMES["group"][lang] in shown and NAMES["title"][lang] in shown
    boxes = page.locator("[data-briefing=event-filters] input[name=type]")
    boxes.first.uncheck()  # the script lists only the other type's event, then both again
    wait_until(page, lambda: page.locator("[data-briefing=event-list] > li").count() == 1)
    boxes.first.check()
    wait_until(page, lambda: page.locator("[data-briefing=event-list] > li").count() == 2)
    assert _listed_text(page) == listed


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_search_excerpts_show_the_pages_text_as_text(page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{lang}/search/?q={QUERY[lang]}")
    excerpts = page.locator(".briefing-search__excerpt")
    excerpts.first.wait_for()
    texts = excerpts.all_inner_texts()
    assert any(IMG in text and BOLD in text and SVG in text for text in texts), texts
    assert page.locator(".briefing-search__excerpt mark").count() >= 1


@pytest.mark.parametrize("path", ["locations/", "locations/town/", "events/", "search/?q={query}",
                                  "actors/army/", "articles/2017-09-07-report/"])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_page_makes_an_element_of_the_markup_in_a_name(browser, sample_site: Path, site_url: str,
                                                          lang: str, path: str) -> None:
    """The whole page, what its templates wrote as well as what its scripts add: no element
    of the names' markup, no image it names fetched. (Not the scripts' alone: this one fails
    while a template writes a name unescaped.)"""
    context, page = _watched(browser, sample_site, site_url)
    page.goto(f"{site_url}{lang}/{path.format(query=QUERY[lang])}")
    page.wait_for_load_state("networkidle")
    if "locations/" in path or "events/" in path:
        page.locator(".leaflet-marker-icon, .briefing-map__marker").first.wait_for()
    if "search/" in path:
        page.locator("[data-briefing=search-result]").first.wait_for()
    made = [found["html"] for found in page.evaluate("window.__hostile")]
    context.close()
    assert (made, page.images) == ([], [])


def test_the_search_count_says_the_query_as_typed(page, site_url: str) -> None:
    """A query is put in the count's sentence as it is: "$&" and "$`" are no replacement patterns."""
    query = "$& $` zzz"
    page.goto(f"{site_url}en/search/?q={quote(query)}")
    status = page.locator("[data-briefing=search-status]")
    wait_until(page, lambda: status.inner_text() != "")
    assert status.inner_text() == f"Nothing found for “{query}”."

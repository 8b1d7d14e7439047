"""The events page and an actor's events as readers see them, in Chromium: mapped,
clustered, filtered by type and period with no server, in both languages, on a phone and
a laptop, under the site's own Content-Security-Policy."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_fixtures import csp_violations, require, screenshot, wait_until
from conftest import Project
from event_files import write_event_archive
from lxml import html
from test_accessibility import AXE

from build_tools.cli import main
from build_tools.publish.linkcheck import page_file

MONTHS, PER_MONTH = 13, 80
LABELS = {"ar": {"battles": "معارك", "strategic-developments": "تطورات استراتيجية"},
          "en": {"battles": "Battles", "strategic-developments": "Strategic developments"}}
STATUS = {"ar": "الأحداث المعروضة: {count}، من أيلول 2016 إلى أيلول 2017. خارج الخريطة لعدم وجود إحداثيات: {unmapped}.",
          "en": "Showing {count} events, from September 2016 to September 2017. "
                "Not on the map, for want of coordinates: {unmapped}."}
EVENTS: list[tuple[str, str, str]] = []
"""(date, type, location) of each event of this module's site."""


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    """This module's site: 1,041 events over 13 months, in place of the sample briefing,
    with Arabic-Indic digits on Arabic pages (which the page's script must write too)."""
    project = Project(tmp_path_factory.mktemp("event-project"))
    settings = project.root / "site_config/site.yml"
    text = settings.read_text(encoding="utf-8")
    assert "arabic_digits: latn" in text
    settings.write_text(text.replace("arabic_digits: latn", "arabic_digits: arab"), encoding="utf-8")
    EVENTS[:] = write_event_archive(project, MONTHS, PER_MONTH)
    site = tmp_path_factory.mktemp("event-site")
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    return site


def _shown(page) -> dict[str, object]:
    """The events listed (their types), how many the map shows (each cluster counts its own,
    as its number says), and the status line."""
    return page.evaluate("""() => {
        const map = document.querySelector('[data-briefing=events-map]');
        const clustered = [...map.querySelectorAll('.marker-cluster')].map(icon => Number(icon.textContent));
        return {
            listed: [...document.querySelectorAll('[data-briefing=event-list] > li')].map(li => li.dataset.type),
            mapped: map.querySelectorAll('.leaflet-marker-icon:not(.marker-cluster)').length
                + clustered.reduce((sum, count) => sum + count, 0),
            status: document.querySelector('[data-briefing=event-status]').textContent};
    }""")


def _drawn(page) -> bool:
    """Whether the page's script has drawn the map and shown the filters."""
    return page.evaluate("""() => !!document.querySelector('[data-briefing=events-map].leaflet-container')
        && !document.querySelector('[data-briefing=event-filters]').hidden""")


def _digits(text: str, lang: str) -> str:
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) if lang == "ar" else text


def _expected(events: list[tuple[str, str, str]]) -> tuple[int, int]:
    """How many events, and how many of them on the map (every place but 'nowhere' has coordinates)."""
    return len(events), sum(1 for _, _, place in events if place != "nowhere")


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_events_page_maps_and_filters_without_a_server(new_context, sample_site: Path, site_url: str,
                                                           lang: str, width: int) -> None:
    context = new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    blocked = csp_violations(page)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if request.url.endswith(".json") else None)
    page.goto(site_url + f"{lang}/events/")
    wait_until(page, lambda: _drawn(page))
    # First: the newest periods up to 200 events: August and September 2017 (2 × 80).
    first = [event for event in EVENTS if event[0] >= "2017-08"]
    wait_until(page, lambda: _shown(page)["mapped"] == _expected(first)[1])
    assert len(_shown(page)["listed"]) == _expected(first)[0]
    built = html.parse(str(page_file(sample_site, f"/{lang}/events/"))).getroot()
    assert _shown(page)["status"] == built.xpath('string(//*[@data-briefing="event-status"])')  # same words, digits
    assert sorted(url.rsplit("/", 1)[1] for url in fetched) == ["2017-08.json", "2017-09.json"]
    screenshot(page, f"{lang}-events-{width}", full_page=False)  # not the long list

    page.select_option("[data-briefing=event-filters] select[name=from]", "2016-09")
    wait_until(page, lambda: len(_shown(page)["listed"]) == len(EVENTS))
    total, mapped = _expected(EVENTS)
    wait_until(page, lambda: _shown(page)["mapped"] == mapped)  # once the clusters' animation is over
    assert _shown(page)["status"] == _digits(STATUS[lang].format(count=total, unmapped=total - mapped), lang)
    assert any(url.endswith(f"/{lang}/events/2016-09.json") for url in fetched)

    page.get_by_label(LABELS[lang]["battles"], exact=True).uncheck()
    others = [event for event in EVENTS if event[1] != "battles"]
    wait_until(page, lambda: len(_shown(page)["listed"]) == len(others))
    wait_until(page, lambda: _shown(page)["mapped"] == _expected(others)[1])
    shown = _shown(page)
    assert "battles" not in shown["listed"]
    unmapped = len(others) - _expected(others)[1]
    assert shown["status"] == _digits(STATUS[lang].format(count=len(others), unmapped=unmapped), lang)

    page.locator(".marker-cluster").first.click()  # a cluster opens into smaller ones or markers
    page.wait_for_timeout(400)
    screenshot(page, f"{lang}-events-filtered-{width}", full_page=False)
    context.close()
    assert blocked == [] and context.outbound == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_an_actor_page_lists_its_newest_events_and_counts_them_by_type(new_context, site_url: str,
                                                                      lang: str) -> None:
    context = new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + f"{lang}/actors/isis/")
    section = page.locator("section[data-briefing=events]")
    counts = section.locator("[data-briefing=event-counts]").inner_text()
    battles = sum(1 for event in EVENTS if event[1] == "battles")
    assert _digits(f"{LABELS[lang]['battles']} {battles}", lang) in counts
    assert section.locator("li[data-briefing=event]").count() == 20
    newest = sorted(EVENTS, reverse=True)[0]
    assert section.locator("li time").first.get_attribute("datetime") == newest[0]
    section.scroll_into_view_if_needed()
    screenshot(page, f"{lang}-actor-events", full_page=False)
    context.close()


@pytest.mark.parametrize("path", ["events/", "actors/isis/"])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_events_pages_have_no_serious_axe_violation(new_context, site_url: str, lang: str, path: str) -> None:
    require(AXE.is_file(), "axe-core", "run npm ci")
    context = new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)  # to inject axe
    page = context.new_page()
    page.goto(site_url + f"{lang}/{path}")
    if path == "events/":
        wait_until(page, lambda: _drawn(page))
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
            if v["impact"] in ("serious", "critical")] == []

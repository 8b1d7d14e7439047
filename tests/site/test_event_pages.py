"""The events page, its data files, and the events of actors and places: page models and
the built site, from a small archive of events (``event_files``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import Project, write_minimal_article
from event_files import write_event_archive
from lxml import html
from test_pages import pages_of

from build_tools.cli import main
from build_tools.model.dates import PartialDate
from build_tools.publish.linkcheck import page_file
from build_tools.site.pages.events import FIRST_LOAD_EVENTS, LISTED_ON_ENTITY
from build_tools.site.pages.model import ActorView, EventsView, LocationView, PageModel
from build_tools.site.timeline import stacked_timeline_svg


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Project, list[tuple[str, str, str]]]:
    """13 months of 25 events (September 2016 to September 2017) and one dated to 2016."""
    project = Project(tmp_path_factory.mktemp("events"))
    return project, write_event_archive(project, months=13, per_month=25)


@pytest.fixture(scope="module")
def pages(archive) -> dict[str, PageModel]:
    return pages_of(archive[0])


@pytest.fixture(scope="module")
def site(archive, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("events-site")
    assert main(["build", "--root", str(archive[0].root), "--site-dir", str(site)]) == 0
    return site


def _period(date: str) -> str:
    return date[:7] if len(date) > 4 else date


def test_the_events_page_shows_the_newest_periods_first_within_its_bound(pages, archive) -> None:
    _, events = archive
    view = pages["en/events/"].view
    assert isinstance(view, EventsView)
    order = [period.key for period in view.periods]
    assert order == ["2016-09", "2016-10", "2016-11", "2016-12", "2016",
                     *(f"2017-{month:02d}" for month in range(1, 10))]
    first = order[order.index(view.first_from):order.index(view.first_to) + 1]
    shown = [event for event in events if _period(event[0]) in first]
    assert len(shown) <= FIRST_LOAD_EVENTS < len(shown) + 25  # one more month would pass the bound
    assert [event.date_iso for event in view.listed] == sorted((event[0] for event in shown), reverse=True)
    assert view.total == f"Events: {len(events)}"
    unmapped = sum(1 for event in shown if event[2] == "nowhere")
    assert view.showing == (f"Showing {len(shown)} events, from February 2017 to September 2017. "
                            f"Not on the map, for want of coordinates: {unmapped}.")
    assert [(count.id, count.count) for count in view.types] == [
        (type_, str(sum(1 for event in events if event[1] == type_)))
        for type_ in ("battles", "explosions-remote-violence", "strategic-developments")]


def test_the_data_file_of_each_period_holds_its_events_newest_first(site: Path, archive) -> None:
    _, events = archive
    for lang in ("ar", "en"):
        files = sorted((site / lang / "events").glob("*.json"))
        assert {file.stem for file in files} == {_period(event[0]) for event in events}
        found = []
        for file in files:
            records = json.loads(file.read_text(encoding="utf-8"))
            assert [r["iso"] for r in records] == sorted((r["iso"] for r in records), reverse=True)
            found += [(r["iso"], r["type"], r["lat"] is None) for r in records]
        assert sorted(found) == sorted((date, type_, place == "nowhere") for date, type_, place in events)
    record = json.loads((site / "ar/events/2017-09.json").read_text(encoding="utf-8"))[0]
    assert record["place"] == ["مكان", "ar/locations/nowhere/", "ar"]
    assert record["side_a"] == [["الجيش السوري", "ar/actors/syrian-arab-army/", "ar"],
                                ["حزب الله", "ar/actors/hezbollah/", "ar"]]
    assert record["article"] == ["تقرير 13", "ar/articles/2017-09-28-report/", "ar"]


def test_the_events_page_without_javascript_lists_the_first_events_and_links_the_data(site: Path, pages) -> None:
    document = html.parse(str(page_file(site, "/ar/events/"))).getroot()
    items = document.xpath('//*[@data-briefing="event-list"]/li')
    assert len(items) == len(pages["ar/events/"].view.listed)
    first = items[0]
    assert first.xpath("string(.//time/@datetime)") == "2017-09-25"
    assert re.sub(r"\s+", " ", first.text_content()).strip().startswith("25 أيلول 2017: اشتباك مسلح (معارك)، مكان")
    form = document.xpath('//form[@data-briefing="event-filters"]')[0]
    assert form.get("hidden") is not None  # until its script shows it
    assert document.xpath('//a[contains(@href, "data/events.csv")]')
    scripts = document.xpath("//script/@src")
    cluster = "assets/vendor/leaflet-markercluster/leaflet.markercluster.js"
    assert [s for s in scripts if "markercluster" in s] == [f"../../{cluster}"]
    assert (site / cluster).is_file()


def test_the_navigation_has_events_only_when_there_are_some(pages, project: Project) -> None:
    assert [item.url for item in pages["en/"].nav][3] == "en/events/"
    write_minimal_article(project)
    without = pages_of(project)
    assert "en/events/" not in without and all(item.url != "en/events/" for item in without["en/"].nav)


def test_an_actor_lists_its_newest_events_and_counts_all_by_type(pages, archive) -> None:
    _, events = archive
    view = pages["en/actors/hezbollah/"].view
    assert isinstance(view, ActorView) and view.events is not None
    assert [event.date_iso for event in view.events.events] == sorted((e[0] for e in events),
                                                                      reverse=True)[:LISTED_ON_ENTITY]
    assert view.events.more == f"Older events not listed here: {len(events) - LISTED_ON_ENTITY}."
    assert view.events.events[0].article is not None
    assert pages["en/actors/syrian-arab-army/"].view.events.total == f"Events: {len(events)}"


def test_a_place_counts_the_events_at_the_places_inside_it(pages, archive) -> None:
    _, events = archive
    governorate, city = pages["ar/locations/deir-ez-zor/"].view, pages["ar/locations/mayadin/"].view
    assert isinstance(governorate, LocationView) and isinstance(city, LocationView)
    inside = [event for event in events if event[2] in ("deir-ez-zor", "mayadin", "airbase")]
    assert governorate.events.total == f"الأحداث: {len(inside)}"
    assert city.events.total == f"الأحداث: {sum(1 for event in events if event[2] == 'mayadin')}"
    assert pages["ar/locations/syria/"].view.events.total == governorate.events.total  # 'nowhere' is in no country


def test_the_stacked_timeline_counts_each_type_in_its_period() -> None:
    dated = [(PartialDate(2017, 8, 7), "battles"), (PartialDate(2017, 8, 9), "riots"),
             (PartialDate(2017, 8), "battles"), (PartialDate(2017, 10, 1), "riots")]
    svg = stacked_timeline_svg(dated, {"battles": "Battles", "riots": "Riots"}, "Events per month",
                               lambda slot: f"{slot[0]}-{slot[1]}", str, "; ")
    bars = re.findall(r'<rect class="briefing-timeline__bar briefing-timeline__bar--(\w+)" x="([\d.]+)" '
                      r'y="([\d.]+)" width="[\d.]+" height="([\d.]+)"><title>([^<]+)</title>', svg)
    assert [(kind, float(x), float(y), float(height), title) for kind, x, y, height, title in bars] == [
        ("battles", 1.0, 22.7, 37.3, "2017-8 · Battles: 2"),  # the peak (3) is 56 high: 2 of it, from the axis
        ("riots", 1.0, 4.0, 18.7, "2017-8 · Riots: 1"),  # stacked on it
        ("riots", 97.0, 41.3, 18.7, "2017-10 · Riots: 1")]  # the third of three months (2017-9 has none)
    assert 'aria-label="Events per month: 2017-8: 3 (Battles 2; Riots 1); 2017-10: 1 (Riots 1)"' in svg
    assert stacked_timeline_svg([], {}, "x", str, str, "; ") is None

"""Content with events, for the tests of the events page and of the pages of actors and places."""

from __future__ import annotations

import itertools

from conftest import Project, write_minimal_article

REGISTRIES = {
    "content/actors/syrian-arab-army.yml": "name: {ar: الجيش السوري, en: Syrian Arab Army}\ntype: armed-forces\n",
    "content/actors/isis.yml": "name: {ar: تنظيم الدولة, en: Islamic State}\ntype: armed-group\n",
    "content/actors/hezbollah.yml": "name: {ar: حزب الله, en: Hezbollah}\ntype: armed-group\n",
    "content/locations/syria.yml": "name: {ar: الجمهورية العربية السورية, en: Syria}\nkind: country\n"
                                   "coordinates: {lat: 35.0, lon: 38.5}\n",
    "content/locations/deir-ez-zor.yml": "name: {ar: دير الزور, en: Deir ez-Zor Governorate}\nkind: governorate\n"
                                         "parent: syria\ncoordinates: {lat: 35.33, lon: 40.14}\n",
    "content/locations/mayadin.yml": "name: {ar: الميادين, en: Mayadin}\nkind: city\nparent: deir-ez-zor\n",
    "content/locations/airbase.yml": "name: {ar: مطار دير الزور العسكري, en: Deir ez-Zor Airbase}\n"
                                     "kind: military-base\nparent: deir-ez-zor\n"
                                     "coordinates: {lat: 35.285, lon: 40.175}\n",
    "content/locations/nowhere.yml": "name: {ar: مكان, en: Somewhere}\nkind: village\n",
    "content/sources/sana.yml": "name: {ar: سانا, en: SANA}\nkind: news-agency\n",
    "content/sources/amaq.yml": "name: {ar: أعماق, en: Amaq}\nkind: news-agency\n",
}

KINDS = [("battles", "armed-clash"), ("explosions-remote-violence", "air-drone-strike"),
         ("strategic-developments", "agreement"), ("battles", "government-regains-territory")]
PLACES = ["airbase", "mayadin", "deir-ez-zor", "airbase", "nowhere"]
"""Exact, from an ancestor (a city in a governorate), a governorate, and no coordinates."""


def event_yaml(day: str, type_: str, sub_type: str, location: str, fatalities: str = "") -> str:
    return (f"  - date: {day}\n    type: {type_}\n    sub_type: {sub_type}\n    location: {location}\n"
            "    actors: {side_a: [syrian-arab-army], side_b: [isis], associated_a: [hezbollah]}\n"
            f"{fatalities}    sources: [sana]\n")


def write_event_archive(project: Project, months: int, per_month: int) -> list[tuple[str, str, str]]:
    """One article a month from September 2016 (the 28th), each reporting ``per_month``
    events in its month, of the ``KINDS`` and ``PLACES`` in turn; the first article also
    reports one event dated only to its year. Returns each event's (date, type, location)."""
    for path, text in REGISTRIES.items():
        project.write(path, text)
    kinds, places = itertools.cycle(KINDS), itertools.cycle(PLACES)
    written = []
    for index in range(months):
        year, month = 2016 + (8 + index) // 12, (8 + index) % 12 + 1
        slug = f"{year}-{month:02d}-28-report"
        events = ""
        for number in range(per_month):
            type_, sub_type = next(kinds)
            fatalities = ""
            if number % 3 == 0:
                fatalities = f"    fatalities: {{best: {number + 2}, low: 1, high: {number + 9}}}\n"
            day, place = f"{year}-{month:02d}-{number % 27 + 1:02d}", next(places)
            events += event_yaml(day, type_, sub_type, place, fatalities)
            written.append((day, type_, place))
        if index == 0:
            events += event_yaml(str(year), "battles", "armed-clash", "airbase")
            written.append((str(year), "battles", "airbase"))
        write_minimal_article(project, year=str(year), slug=slug,
                              meta=f"date: {slug[:10]}\nstatus: published\nsources: [{{source: sana}}]\n"
                                   f"events:\n{events}",
                              ar=f"---\ntitle: تقرير {index + 1}\n---\nنص التقرير.\n",
                              en=f"---\ntitle: Report {index + 1}\n---\nThe report.\n")
    return written

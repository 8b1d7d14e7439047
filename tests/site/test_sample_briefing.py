"""The shipped sample briefing: valid, complete and faithful to the Arabic report."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.diagnostics import Report
from build_tools.model.dates import Precision
from build_tools.pipeline.load import load_briefing

REPO = Path(__file__).resolve().parents[2]
SLUG = "2017-coalition-sdf-rift-deir-ez-zor"


@pytest.fixture(scope="module")
def sample():
    report = Report()
    return load_briefing(REPO, report), report


def test_sample_has_no_errors_and_no_warnings(sample) -> None:
    _, report = sample
    assert report.diagnostics == []


def test_article_date_keeps_only_what_is_known(sample) -> None:
    article = sample[0].briefing.articles[SLUG]
    assert (str(article.date), article.date.precision) == ("2017", Precision.YEAR)
    assert article.authors == ["editor4"]


def test_arabic_text_keeps_the_original_wording_and_its_flaws(sample) -> None:
    article = sample[0].briefing.articles[SLUG]
    arabic = article.translations["ar"]
    assert arabic.title == "خلافاتٌ بين التحالف و(قسد) حول معركة دير الزور"
    paragraphs = arabic.body.strip().split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[2].endswith("معركة دير الزور ضد تنظيم داعش، لافتاً أن هذا")
    assert "والآخر بالتوزاي مع نهر الفرات" in paragraphs[5]
    assert "بالتوزاي" in article.editor_note.ar and "لافتاً أن هذا" in article.editor_note.ar
    assert "cut off" in article.editor_note.en and "بالتوزاي" in article.editor_note.en


def test_sources_record_the_via_chain(sample) -> None:
    article = sample[0].briefing.articles[SLUG]
    assert [(c.source, c.via) for c in article.sources] == [("rasd", None), ("basnews", "rasd")]


@pytest.mark.parametrize("actor", [
    "international-coalition", "sdf", "isis", "basnews", "elite-forces", "ahmad-al-jarba",
    "maghawir-al-thawra", "national-liberation-army", "asayish", "pyd", "jowan-ibrahim",
    "syrian-regime-forces", "turkey", "united-states", "arab-tribes", "ypg",
])
def test_every_actor_named_in_the_report_is_registered_and_listed(sample, actor: str) -> None:
    briefing = sample[0].briefing
    assert actor in briefing.actors
    assert actor in briefing.articles[SLUG].actors


@pytest.mark.parametrize("location", [
    "deir-ez-zor", "deir-ez-zor-governorate", "raqqa", "hasakah",
    "al-sukhnah", "homs-governorate", "euphrates", "iraq", "syria",
])
def test_every_location_named_in_the_report_is_registered_and_listed(sample, location: str) -> None:
    briefing = sample[0].briefing
    assert location in briefing.locations
    assert location in briefing.articles[SLUG].locations


def test_the_airbase_is_registered(sample) -> None:
    airbase = sample[0].briefing.locations["deir-ez-zor-airbase"]
    assert (airbase.parent, airbase.kind) == ("deir-ez-zor", "military-base")


def test_cities_sit_in_syria_with_coordinates(sample) -> None:
    locations = sample[0].briefing.locations

    def country_of(id_: str) -> str:
        while locations[id_].parent:
            id_ = locations[id_].parent
        return id_

    for city in ("deir-ez-zor", "raqqa", "hasakah", "al-sukhnah"):
        point = locations[city].coordinates
        assert country_of(city) == "syria"
        assert 32 < point.lat < 37.5 and 35.5 < point.lon < 42.5, city

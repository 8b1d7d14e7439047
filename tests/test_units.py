"""Small pieces: YAML positions, partial dates, Arabic normalization."""

from __future__ import annotations

import pytest

from build_tools.content.frontmatter import FrontMatterError, split_front_matter
from build_tools.content.yamlfile import YamlSyntaxError, parse_yaml
from build_tools.model.dates import DateError, Precision, parse_partial_date
from build_tools.text.arabic import arabic_share, normalize_arabic
from build_tools.text.folding import name_key


def test_yaml_keeps_dates_as_written_and_records_positions() -> None:
    document = parse_yaml("date: 2017-08-07\nno: 1\nlist:\n  - {a: b}\n", "f.yml")
    assert document.data == {"date": "2017-08-07", "no": 1, "list": [{"a": "b"}]}
    position = document.origin.at("list", 0, "a")
    assert (position.line, position.column) == (4, 9)
    assert document.origin.at("list", 0, "a", key=True).column == 6
    assert document.origin.at("missing").line == 1


def test_yaml_syntax_error_counts_from_first_line() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml("a: [1\n", "f.md", first_line=2)
    assert (caught.value.line, caught.value.column) == (3, 1)


def test_front_matter_split() -> None:
    parts = split_front_matter("---\ntitle: t\n---\nbody\n")
    assert (parts.front_matter, parts.front_matter_line, parts.body, parts.body_line) == (
        "title: t\n", 2, "body\n", 4)
    with pytest.raises(FrontMatterError):
        split_front_matter("title: t\n")


@pytest.mark.parametrize("text, precision, earliest, latest", [
    ("2017", Precision.YEAR, "2017-01-01", "2017-12-31"),
    ("2016-02", Precision.MONTH, "2016-02-01", "2016-02-29"),
    ("٢٠١٧-٠٨-٠٧", Precision.DAY, "2017-08-07", "2017-08-07"),
])
def test_partial_dates(text: str, precision: Precision, earliest: str, latest: str) -> None:
    date = parse_partial_date(text)
    assert (date.precision, date.earliest.isoformat(), date.latest.isoformat()) == (precision, earliest, latest)


def test_partial_date_rejects_february_30() -> None:
    with pytest.raises(DateError):
        parse_partial_date("2017-02-30")


@pytest.mark.parametrize("variant", ["إبراهيم", "ابراهيم", "إبْرَاهِيم", "إبـراهيم"])
def test_arabic_spelling_variants_fold_together(variant: str) -> None:
    assert normalize_arabic(variant) == "ابراهيم"


def test_arabic_taa_marbuta_and_alif_maqsura() -> None:
    assert normalize_arabic("الكردية") == normalize_arabic("الكرديه")
    assert normalize_arabic("مصطفى") == normalize_arabic("مصطفي")


def test_latin_names_ignore_case_hyphens_and_apostrophes() -> None:
    assert name_key("Al-Jarba") == name_key("al jarba") == "al jarba"
    assert name_key("People’s Units") == name_key("people's units")


def test_arabic_share() -> None:
    assert arabic_share("قسد SDF") == (0.5, 6)

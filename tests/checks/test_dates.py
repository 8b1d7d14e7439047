"""Partial dates: a day, a month or a year, each with its earliest and latest day."""

from __future__ import annotations

import pytest

from build_tools.model.dates import DateError, Precision, parse_partial_date


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

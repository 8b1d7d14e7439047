"""Dates as ``meta.yml`` writes them, read where they stand and reported when they are not dates."""

from __future__ import annotations

from typing import Any

from ..diagnostics import DocumentPath, Origin, Report, field_name
from ..messages import msg
from ..model.dates import DateError, PartialDate, parse_partial_date


def read_date(data: Any, key: str, origin: Origin, report: Report, parent: DocumentPath = ()) -> PartialDate | None:
    """The date at ``key`` when it is there and of the right type (the schema reports the rest)."""
    if not isinstance(data, dict) or not isinstance(data.get(key), (str, int)):
        return None
    try:
        return parse_partial_date(data[key])
    except DateError as exc:
        report.error(origin.at(*parent, key),
                     msg("{field} {problem}", field=field_name((*parent, key)), problem=exc.message), "invalid-date")
        return None

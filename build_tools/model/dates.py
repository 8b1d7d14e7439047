"""Dates known to the year, the month or the day: the precision is kept, never invented."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from ..messages import Message, msg
from ..text.arabic import western_digits

_SHAPE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class DateError(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        parts = [f"{self.year:04d}", *(f"{p:02d}" for p in (self.month, self.day) if p is not None)]
        return "-".join(parts)

    def __str__(self) -> str:
        return self.isoformat()


def parse_partial_date(value: str | int) -> PartialDate:
    """``2017-08-07``, ``2017-08`` or ``2017``; Arabic-Indic digits are accepted as digits.
    Years run from 1 to 9999, as Python's dates do (four digits cannot pass 9999)."""
    text = western_digits(str(value).strip())
    match = _SHAPE.match(text)
    if not match:
        raise DateError(msg("'{value}' must be written YYYY-MM-DD, YYYY-MM or YYYY", value=value))
    year = int(match.group(1))
    if year < dt.MINYEAR:
        raise DateError(msg("'{value}' is in year 0: years run from 1 to 9999", value=value))
    month, day = (int(g) if g else None for g in match.groups()[1:])
    if month is not None and not 1 <= month <= 12:
        raise DateError(msg("'{value}' has no month {month}", value=value, month=month))
    if month is not None and day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise DateError(msg("'{value}' is not a real calendar date", value=value)) from None
    return PartialDate(year, month, day)

"""When an article goes out: its ``publish_at`` instant, and the one clock a build reads.

A ``publish_at`` must name its zone: the publish workflow runs in UTC while the desk
writes in its own time (Damascus), so a time without a zone would go out hours early or late.
"""

from __future__ import annotations

import datetime as dt
import os

from ..messages import msg
from ..text.arabic import western_digits
from .dates import DateError


def build_instant() -> dt.datetime:
    """The instant a build publishes at: ``SOURCE_DATE_EPOCH`` when set (a build made again
    from the same inputs gives the same site, as the reproducible-builds convention asks),
    else now. Every decision of a build reads it once (``Briefing.now``)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC)


def parse_instant(written: str) -> dt.datetime:
    """``2026-12-09T06:00:00+03:00`` as an aware datetime; raises ``DateError`` for a time
    that is not one, or gives no zone."""
    text = western_digits(written.strip())
    try:
        value = dt.datetime.fromisoformat(text)
        value.astimezone(dt.UTC)  # the first or last day of the calendar, past its end in UTC
    except (ValueError, OverflowError):
        raise DateError(msg("'{value}' is not a date and time such as 2026-12-09T06:00:00+03:00",
                            value=written)) from None
    if value.utcoffset() is None:
        raise DateError(msg("'{value}' gives no time zone: write it as in 2026-12-09T06:00:00+03:00 (Damascus) "
                            "or 2026-12-09T03:00:00Z (UTC); the site is built in UTC", value=written))
    return value

"""A small bar chart of articles per month, as inline SVG made at build time (no JavaScript).

Time runs left to right in both languages (the SVG is set left to right); labels and digits
are the page's. Articles dated only to the year get a lighter bar of their own after
that year's months, labelled "month unknown", rather than an invented month. Over a
long span the chart counts per year instead (``by_year``), so that its size stays
bounded however old the archive grows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from html import escape

from ..model.dates import PartialDate

WIDTH, HEIGHT, LABEL, WIDEST_BAR = 600, 60, 18, 48
Slot = tuple[int, int | None]


def _slots(counts: Counter[Slot]) -> list[Slot]:
    months = [slot for slot in counts if slot[1] is not None]
    first, last = (min(months), max(months)) if months else (None, None)
    slots: list[Slot] = []
    for year in range(min(y for y, _ in counts), max(y for y, _ in counts) + 1):
        if first and last and first[1] and last[1]:
            start = first[1] if year == first[0] else 1
            end = last[1] if year == last[0] else 12
            if first[0] <= year <= last[0]:
                slots += [(year, month) for month in range(start, end + 1)]
        if (year, None) in counts:
            slots.append((year, None))
    return slots


def timeline_svg(dates: Iterable[PartialDate], title: str, label: Callable[[Slot], str],
                 number: Callable[[int], str], separator: str, by_year: bool = False) -> str | None:
    """The chart, or None when there is nothing to show.

    Its text alternative (``aria-label``) reads every period that has articles, with
    their count, so a screen reader gives what the bars show.
    """
    counts: Counter[Slot] = Counter((d.year, None if by_year else d.month) for d in dates)
    if not counts:
        return None
    years = [year for year, _ in counts]
    slots = [(year, None) for year in range(min(years), max(years) + 1)] if by_year else _slots(counts)
    peak = max(counts.values())
    width = min(WIDTH / len(slots), WIDEST_BAR)
    right = width * len(slots)
    bars = []
    for index, slot in enumerate(slots):
        count = counts.get(slot, 0)
        height = (HEIGHT - 4) * count / peak
        kind = "briefing-timeline__bar" + (" briefing-timeline__bar--year" if slot[1] is None and not by_year else "")
        bars.append(f'<rect class="{kind}" x="{index * width + 1:.1f}" y="{HEIGHT - height:.1f}" '
                    f'width="{max(width - 2, 1):.1f}" height="{height:.1f}">'
                    f"<title>{escape(label(slot))}: {number(count)}</title></rect>")
    labels = f'<text x="0" y="{HEIGHT + 14}" text-anchor="start">{escape(label(slots[0]))}</text>'
    if len(slots) > 1:
        labels += f'<text x="{right:.1f}" y="{HEIGHT + 14}" text-anchor="end">{escape(label(slots[-1]))}</text>'

    summary = separator.join(f"{label(slot)}: {number(counts[slot])}" for slot in slots if counts.get(slot))
    return (f'<svg class="briefing-timeline" role="img" aria-label="{escape(title)}: {escape(summary)}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT + LABEL}">'
            f"<title>{escape(title)}</title>{''.join(bars)}"
            f'<line x1="0" y1="{HEIGHT}" x2="{right:.1f}" y2="{HEIGHT}" class="briefing-timeline__axis"/>'
            f"{labels}</svg>")

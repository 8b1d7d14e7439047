"""A small bar chart of articles per month, as inline SVG made at build time (no JavaScript).

Time runs left to right in both languages (the SVG is set left to right); labels and digits
are the page's. Articles dated only to the year get a lighter bar of their own after
that year's months, labelled "month unknown", rather than an invented month. Over a
long span the chart counts per year instead (``by_year``), so that its size stays
bounded however old the archive grows.

The events page draws the same chart stacked by event type (``stacked_timeline_svg``):
one segment per type in each bar, coloured by the type's CSS class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from html import escape

from ..model.dates import PartialDate
from .html import Html

WIDTH, HEIGHT, LABEL, WIDEST_BAR = 600, 60, 18, 48
Slot = tuple[int, int | None]


def _slots(counted: Collection[Slot]) -> list[Slot]:
    months = [slot for slot in counted if slot[1] is not None]
    first, last = (min(months), max(months)) if months else (None, None)
    slots: list[Slot] = []
    for year in range(min(y for y, _ in counted), max(y for y, _ in counted) + 1):
        if first and last and first[1] and last[1]:
            start = first[1] if year == first[0] else 1
            end = last[1] if year == last[0] else 12
            if first[0] <= year <= last[0]:
                slots += [(year, month) for month in range(start, end + 1)]
        if (year, None) in counted:
            slots.append((year, None))
    return slots


def _period_slots(counted: Collection[Slot], by_year: bool) -> list[Slot]:
    """Every period from the first counted to the last, each year or each month."""
    if not by_year:
        return _slots(counted)
    years = [year for year, _ in counted]
    slots: list[Slot] = [(year, None) for year in range(min(years), max(years) + 1)]
    return slots


def timeline_svg(dates: Iterable[PartialDate], title: str, label: Callable[[Slot], str],
                 number: Callable[[int], str], separator: str, by_year: bool = False) -> Html | None:
    """The chart, or None when there is nothing to show.

    Its text alternative (``aria-label``) reads every period that has articles, with
    their count, so a screen reader gives what the bars show.
    """
    counts: Counter[Slot] = Counter((d.year, None if by_year else d.month) for d in dates)
    if not counts:
        return None
    slots = _period_slots(counts.keys(), by_year)
    peak = max(counts.values())
    width = min(WIDTH / len(slots), WIDEST_BAR)
    bars = []
    for index, slot in enumerate(slots):
        count = counts.get(slot, 0)
        height = (HEIGHT - 4) * count / peak
        kind = "briefing-timeline__bar" + (" briefing-timeline__bar--year" if slot[1] is None and not by_year else "")
        bars.append(f'<rect class="{kind}" x="{index * width + 1:.1f}" y="{HEIGHT - height:.1f}" '
                    f'width="{max(width - 2, 1):.1f}" height="{height:.1f}">'
                    f"<title>{escape(label(slot))}: {escape(number(count))}</title></rect>")
    summary = separator.join(f"{label(slot)}: {number(counts[slot])}" for slot in slots if counts.get(slot))
    return _chart(title, summary, bars, slots, width, label)


def _chart(title: str, summary: str, bars: list[str], slots: list[Slot], width: float,
           label: Callable[[Slot], str]) -> Html:
    """The SVG around ``bars``: its text alternative, its axis, its first and last periods."""
    right = width * len(slots)
    labels = f'<text x="0" y="{HEIGHT + 14}" text-anchor="start">{escape(label(slots[0]))}</text>'
    if len(slots) > 1:
        labels += f'<text x="{right:.1f}" y="{HEIGHT + 14}" text-anchor="end">{escape(label(slots[-1]))}</text>'
    return Html(f'<svg class="briefing-timeline" role="img" aria-label="{escape(title)}: {escape(summary)}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT + LABEL}">'
            f"<title>{escape(title)}</title>{''.join(bars)}"
            f'<line x1="0" y1="{HEIGHT}" x2="{right:.1f}" y2="{HEIGHT}" class="briefing-timeline__axis"/>'
            f"{labels}</svg>")


def stacked_timeline_svg(dated: Iterable[tuple[PartialDate, str]], series: Mapping[str, str], title: str,
                         label: Callable[[Slot], str], number: Callable[[int], str], separator: str,
                         by_year: bool = False) -> Html | None:
    """Bars of ``dated`` (date, series id) per period, each stacked by series in the order
    of ``series`` (id → label), bottom first; None when there is nothing to show.

    Its text alternative reads, for every period that has any, the total and the count
    of each series in it.
    """
    counts: dict[Slot, Counter[str]] = {}
    for date, name in dated:
        counts.setdefault((date.year, None if by_year else date.month), Counter())[name] += 1
    if not counts:
        return None
    slots = _period_slots(counts.keys(), by_year)
    peak = max(sum(counter.values()) for counter in counts.values())
    width = min(WIDTH / len(slots), WIDEST_BAR)
    bars, summary = [], []
    for index, slot in enumerate(slots):
        top = float(HEIGHT)
        for name, series_label in series.items():
            count = counts.get(slot, Counter())[name]
            if not count:
                continue
            height = (HEIGHT - 4) * count / peak
            top -= height
            bars.append(f'<rect class="briefing-timeline__bar briefing-timeline__bar--{escape(name)}" '
                        f'x="{index * width + 1:.1f}" y="{top:.1f}" width="{max(width - 2, 1):.1f}" '
                        f'height="{height:.1f}"><title>{escape(label(slot))} · {escape(series_label)}: '
                        f"{escape(number(count))}</title></rect>")
        if slot in counts:
            parts = separator.join(f"{series_label} {number(counts[slot][name])}"
                                   for name, series_label in series.items() if counts[slot][name])
            summary.append(f"{label(slot)}: {number(sum(counts[slot].values()))} ({parts})")
    return _chart(title, separator.join(summary), bars, slots, width, label)

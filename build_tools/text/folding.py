"""Folding a text for matching names, while remembering where each character came from.

Aliases and text are folded the same way (the ``arabic`` letter rules, diacritics and
tatweel dropped; case, hyphens and apostrophes for English; compatibility forms), so
that a name matches however it is spelled; every folded character keeps its place in
the original, so a match is reported as the exact span of the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .arabic import DIACRITICS, fold_letters
from .charsets import NAME_SEPARATORS, TATWEEL, ZERO_WIDTH

_SEPARATOR = re.compile(f"[{NAME_SEPARATORS}]")
_DROPPED = re.compile(f"[{TATWEEL}{ZERO_WIDTH}]")


@dataclass(frozen=True)
class Folded:
    """A text folded for matching, and where each folded character came from."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]


def _fold_char(original: str) -> str:
    """What one character becomes; "" for a mark (or a kashida or zero-width character),
    which belongs to the letter before it."""
    kept = [char for char in unicodedata.normalize("NFKC", original)
            if not (DIACRITICS.match(char) or _DROPPED.match(char))]
    return "".join(" " if _SEPARATOR.match(char) else fold_letters(char).casefold() for char in kept)


class _Table(dict[int, str]):
    """A ``str.translate`` table filled on first use of each character with its folded form."""

    def __missing__(self, code: int) -> str:
        self[code] = piece = _fold_char(chr(code))
        return piece


def _irregular_pattern() -> re.Pattern[str]:
    """Matches every character that may fold to other than exactly one character: all
    but those of the common blocks (Latin, Arabic, punctuation) known to fold to one."""
    common = [*range(0x800), *range(0x2000, 0x2070)]
    regular = "".join(re.escape(chr(code)) for code in common if len(_fold_char(chr(code))) == 1)
    return re.compile(f"[^{regular}]")


_FOLDED = _Table()
_MAYBE_IRREGULAR = _irregular_pattern()
_SPACE_RUN = re.compile("  +")


def fold(text: str) -> Folded:
    """``text`` folded for matching; runs of separators become one space.

    Most characters fold to exactly one character, so the folding is one
    ``str.translate`` pass, and where a folded character came from is worked out from
    the few places where that is not so (marks, ligatures, runs of spaces), only for
    the characters asked about.
    """
    raw = text.translate(_FOLDED)
    irregular = [(found.start(), len(piece)) for found in _MAYBE_IRREGULAR.finditer(text)
                 if len(piece := _FOLDED[ord(found.group())]) != 1]
    runs = [(found.start() + 1, found.end()) for found in _SPACE_RUN.finditer(raw)]
    if not irregular and not runs:
        return Folded(raw, range(len(text)), range(1, len(text) + 1))
    origins = _Origins(irregular, runs, len(raw) - sum(end - start for start, end in runs))
    return Folded(_SPACE_RUN.sub(" ", raw), origins.starts, origins.ends)


class _Origins:
    """Where each folded character starts and ends in the original text, as linear pieces.

    In the unfolded-but-not-collapsed text ("raw"), character ``r`` of the piece opened
    at raw index ``p`` (original index ``o``) came from ``o + r - p``; a mark extends the
    end of the character before it. Collapsing runs of spaces shifts raw indices.
    """

    def __init__(self, irregular: list[tuple[int, int]], runs: list[tuple[int, int]], length: int) -> None:
        self.raw_pieces, self.original_pieces = [0], [0]
        self.raw_ends: dict[int, int] = {}
        shift = 0  # raw characters so far less original ones
        for index, count in irregular:
            emitted = index + shift  # raw characters before this one's
            if count == 0 and emitted:
                self.raw_ends[emitted - 1] = index + 1  # a mark belongs to the letter before it
            for piece in range(count):  # every piece of a ligature starts at its character
                self._open(emitted + piece, index)
            shift += count - 1
            self._open(emitted + count, index + 1)
        self.cuts, self.shifts = [0], [0]
        self.ends_after_cut: dict[int, int] = {}
        for start, end in runs:
            kept = start - 1 - self.shifts[-1]
            marked = [self.raw_ends[j] for j in range(start, end) if j in self.raw_ends]
            if marked:  # a mark after a dropped space belongs to the space that is kept, and ends last
                self.ends_after_cut[kept] = max(marked)
            self.cuts.append(kept + 1)
            self.shifts.append(self.shifts[-1] + end - start)
        self.starts = _Positions(self._start, length)
        self.ends = _Positions(self._end, length)

    def _open(self, raw: int, original: int) -> None:
        if self.raw_pieces[-1] == raw:
            self.original_pieces[-1] = original
        else:
            self.raw_pieces.append(raw)
            self.original_pieces.append(original)

    def _raw_start(self, raw: int) -> int:
        piece = bisect_right(self.raw_pieces, raw) - 1
        return self.original_pieces[piece] + raw - self.raw_pieces[piece]

    def _raw_end(self, raw: int) -> int:
        return self.raw_ends.get(raw) or self._raw_start(raw) + 1

    def _raw(self, index: int) -> int:
        return index + self.shifts[bisect_right(self.cuts, index) - 1]

    def _start(self, index: int) -> int:
        return self._raw_start(self._raw(index))

    def _end(self, index: int) -> int:
        return self.ends_after_cut.get(index) or self._raw_end(self._raw(index))


class _Positions(Sequence[int]):
    def __init__(self, position: Callable[[int], int], length: int) -> None:
        self.position, self.length = position, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: int) -> int:  # type: ignore[override]  # whole indices only, no slices
        if not 0 <= index < self.length:
            raise IndexError(index)
        return self.position(index)


def name_key(name: str) -> str:
    """A name as the matcher reads it: two names with the same key are the same name."""
    return fold(name).text.strip()

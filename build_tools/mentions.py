"""Finding the actors and locations a text names, in Arabic and in English.

Aliases and text are folded the same way (``arabic`` rules for Arabic; case, hyphens
and apostrophes for English) while every folded character remembers where it came
from, so a mention is reported as the exact span of the original text. All aliases of
a language sit in one Aho-Corasick automaton: one pass over a text whatever their
number. A match counts only as a whole word, or after the attached Arabic prefixes
(و ف ب ك ل ال لل, alone or combined); of two overlapping matches the longer wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ahocorasick

from .arabic import DIACRITICS, TATWEEL, fold_arabic_letter
from .model import LANGUAGES, Briefing
from .safehtml import CODE

ARABIC_PREFIX = re.compile(r"[وف]?(?:[بكل]?ال|لل|[بكل])?")
ELIDED_PREFIX = re.compile(r"[وف]?ل")  # "لل": ل before ال, whose alef is not written
_SEPARATOR = re.compile(r"[\s\-\u2010-\u2015'\u2019\u02bc`]")
KINDS = ("actor", "location")


@dataclass(frozen=True)
class Mention:
    kind: str
    id: str
    start: int
    """Start of the name in the original text (after any attached prefix)."""
    end: int
    word_start: int
    """Start of the whole word, attached prefixes included."""
    ambiguous: bool = False
    """The name belongs to more than one entity (each gets a mention)."""


@dataclass(frozen=True)
class Folded:
    """A text folded for matching, and where each folded character came from."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]


def _fold_char(original: str) -> str:
    """What one character becomes; "" for a mark, which belongs to the letter before it."""
    pieces = []
    for char in unicodedata.normalize("NFKC", original):
        if DIACRITICS.match(char) or char == TATWEEL:
            continue
        pieces.append(" " if _SEPARATOR.match(char) else fold_arabic_letter(char).casefold())
    return "".join(pieces)


class _Table(dict):
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
    return Folded(_SPACE_RUN.sub(" ", raw) if runs else raw, origins.starts, origins.ends)


class _Origins:
    """Where each folded character starts and ends in the original text, as linear pieces.

    In the unfolded-but-not-collapsed text ("raw"), character ``r`` of the piece opened
    at raw index ``p`` (original index ``o``) came from ``o + r - p``; a mark extends the
    end of the character before it. Collapsing runs of spaces shifts raw indices.
    """

    def __init__(self, irregular: list[tuple[int, int]], runs: list[tuple[int, int]], length: int) -> None:
        self.raw_pieces, self.original_pieces = [0], [0]
        self.raw_ends: dict[int, int] = {}
        emitted = cursor = 0  # raw characters so far; next original index
        for index, count in irregular:
            emitted += index - cursor
            if count == 0 and emitted:
                self.raw_ends[emitted - 1] = index + 1  # a mark belongs to the letter before it
            for piece in range(count):  # every piece of a ligature starts at its character
                self._open(emitted + piece, index)
            emitted += count
            cursor = index + 1
            self._open(emitted, cursor)
        self.cuts, self.shifts = [0], [0]
        self.ends_after_cut: dict[int, int] = {}
        for start, end in runs:
            kept = start - 1 - self.shifts[-1]
            marked = [self.raw_ends[j] for j in range(start, end) if j in self.raw_ends]
            if marked:  # a mark after a dropped space belongs to the space that is kept
                self.ends_after_cut[kept] = max(self._raw_end(start - 1), *marked)
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

    def __getitem__(self, index):  # type: ignore[override]  # whole indices only
        if not 0 <= index < self.length:
            raise IndexError(index)
        return self.position(index)


def name_key(name: str) -> str:
    """A name as the matcher reads it: two names with the same key are the same name."""
    return fold(name).text.strip()


@dataclass(frozen=True)
class _Entry:
    kind: str
    id: str
    length: int
    elided: bool
    acronym: bool


class Matcher:
    """Every alias of every actor and location, one automaton per language."""

    def __init__(self, briefing: Briefing) -> None:
        keys: dict[str, dict[str, list[_Entry]]] = {lang: defaultdict(list) for lang in LANGUAGES}
        for kind in KINDS:
            for entity in getattr(briefing, f"{kind}s").values():
                for lang in LANGUAGES:
                    for alias in dict.fromkeys(entity.names.all_in(lang)):
                        self._add(keys[lang], kind, entity.id, alias, lang)
        self.automata = {lang: self._automaton(table) for lang, table in keys.items()}

    @staticmethod
    def _add(table: dict[str, list[_Entry]], kind: str, id_: str, alias: str, lang: str) -> None:
        key = name_key(alias)
        if not key:
            return
        acronym = alias.isupper() and len(alias) <= 5
        entry = _Entry(kind, id_, len(key), False, acronym)
        if entry not in table[key]:
            table[key].append(entry)
        if lang == "ar" and key.startswith("ال") and len(key) > 3:
            table[key[1:]].append(_Entry(kind, id_, len(key) - 1, True, False))

    @staticmethod
    def _automaton(table: dict[str, list[_Entry]]) -> ahocorasick.Automaton | None:
        if not table:
            return None
        automaton = ahocorasick.Automaton()
        for key, entries in table.items():
            automaton.add_word(key, tuple(entries))
        automaton.make_automaton()
        return automaton

    def find(self, text: str, lang: str) -> list[Mention]:
        """Mentions in ``text`` (written in ``lang``), in text order."""
        automaton = self.automata[lang]
        if automaton is None or not text:
            return []
        folded = fold(text)
        candidates = []
        for last, entries in automaton.iter(folded.text):
            kept = [(e, start, word_start) for e in entries
                    for start, word_start in [self._accept(folded, text, last, e, lang)] if start is not None]
            ids = {(e.kind, e.id) for e, _, _ in kept}
            for entry, start, word_start in kept:
                candidates.append((start, last + 1, word_start, entry, len(ids) > 1))
        return self._longest(candidates, folded)

    @staticmethod
    def _accept(folded: Folded, text: str, last: int, entry: _Entry, lang: str) -> tuple[int | None, int]:
        """Where the match and its word start, if it is a whole word (with allowed prefixes)."""
        start = last - entry.length + 1
        if last + 1 < len(folded.text) and folded.text[last + 1].isalnum():
            return None, start
        word_start = start
        while word_start > 0 and folded.text[word_start - 1].isalnum():
            word_start -= 1
        prefix = folded.text[word_start:start]
        if entry.elided:
            allowed = ELIDED_PREFIX.fullmatch(prefix)
        else:
            allowed = prefix == "" or (lang == "ar" and ARABIC_PREFIX.fullmatch(prefix))
        if not allowed:
            return None, start
        if entry.acronym and not text[folded.starts[start]:folded.ends[last]].isupper():
            return None, start
        return start, word_start

    @staticmethod
    def _longest(candidates: list, folded: Folded) -> list[Mention]:
        taken: list[tuple[int, int]] = []
        chosen: list[Mention] = []
        for start, end, word_start, entry, ambiguous in sorted(
                candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
            if any(start < other_end and other_start < end for other_start, other_end in taken
                   if (other_start, other_end) != (start, end)):
                continue
            taken.append((start, end))
            chosen.append(Mention(entry.kind, entry.id, folded.starts[start], folded.ends[end - 1],
                                  folded.starts[word_start], ambiguous))
        return sorted(chosen, key=lambda m: (m.start, m.kind, m.id))


_MARKUP = re.compile(CODE.pattern + r"|<[^>\n]*>|\]\([^)\n]*\)|https?://\S+", re.DOTALL)


def mask_markup(text: str) -> str:
    """Blanks code, HTML tags, link targets and URLs, keeping every other offset in place."""
    if not any(mark in text for mark in ("`", "<", "](", "http")):
        return text
    return _MARKUP.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 1)
                       if m.group(0).startswith("]") else " " * len(m.group(0)), text)


@dataclass(frozen=True)
class Found:
    """A mention located in an article: which file, which part, and the text it names."""

    lang: str
    part: str  # "title", "summary" or "body"
    offset: int
    surface: str
    mention: Mention


def article_mentions(article, matcher: Matcher) -> dict[tuple[str, str], list[Found]]:
    """Every mention in every language text of ``article`` (title, summary and body)."""
    found: dict[tuple[str, str], list[Found]] = defaultdict(list)
    for lang, text in sorted(article.translations.items()):
        for part, content in (("title", text.title), ("summary", text.summary or ""), ("body", text.body)):
            for mention in matcher.find(mask_markup(content), lang):
                found[(mention.kind, mention.id)].append(
                    Found(lang, part, mention.start, content[mention.start:mention.end], mention))
    return found


@dataclass(frozen=True)
class Suggestions:
    """What an article's texts name, against what its meta.yml lists."""

    counts: dict[str, dict[str, int]]
    missing: dict[str, list[str]]
    unmentioned: dict[str, list[str]]
    found: dict[tuple[str, str], list[Found]]

    def as_dict(self) -> dict:
        return {"actors": self.counts["actor"], "locations": self.counts["location"],
                "missing": {f"{k}s": v for k, v in self.missing.items()},
                "unmentioned": {f"{k}s": v for k, v in self.unmentioned.items()}}


def suggest(article, briefing: Briefing, matcher: Matcher) -> Suggestions:
    """Ambiguous names count as mentions but are never reported missing; a listed location
    also counts as named when a place inside it is named."""
    found = article_mentions(article, matcher)
    counts = {kind: {id_: len(found[(k, id_)]) for k, id_ in sorted(found) if k == kind} for kind in KINDS}
    listed = {"actor": article.actors, "location": article.locations}
    missing = {kind: [id_ for id_ in counts[kind] if id_ not in listed[kind]
                      and not found[(kind, id_)][0].mention.ambiguous] for kind in KINDS}
    covered = {"actor": set(counts["actor"]),
               "location": {place for id_ in counts["location"] for place in _and_parents(id_, briefing)}}
    known = {"actor": briefing.actors, "location": briefing.locations}
    unmentioned = {kind: [id_ for id_ in listed[kind] if id_ in known[kind] and id_ not in covered[kind]]
                   for kind in KINDS}
    return Suggestions(counts, missing, unmentioned, found)


def _and_parents(id_: str, briefing: Briefing) -> set[str]:
    places = set()
    while id_ in briefing.locations and id_ not in places:
        places.add(id_)
        id_ = briefing.locations[id_].parent
    return places

"""Finding the names of actors and places in a text, in Arabic and in English.

All names of a language sit in one Aho-Corasick automaton (pyahocorasick) over the
folded text (``folding``): one pass over a text whatever their number. A match counts
only as a whole word, or in Arabic after the attached prefixes of ``arabic`` (و ف ب ك
ل ال لل, alone or combined); of two overlapping matches the longer wins; a short name
in capitals (``US``, ``SDF``) matches only in capitals.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from .arabic import ATTACHED_PREFIX, ELIDED_ARTICLE_PREFIX
from .charsets import ARTICLE
from .folding import Folded, fold, name_key

ATTACHED = re.compile(ATTACHED_PREFIX)
ELIDED = re.compile(ELIDED_ARTICLE_PREFIX)
ACRONYM_LENGTH = 5
"""Names in capitals up to this length are acronyms: ``US`` is not the word "us"."""


@dataclass(frozen=True)
class NameForm:
    """One way of writing an entity's name in one language."""

    kind: str
    id: str
    lang: str
    form: str


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
class _Entry:
    kind: str
    id: str
    length: int
    elided: bool
    acronym: bool


Candidate = tuple[int, int, int, _Entry, bool]
"""A match before overlaps are settled: start, end, word start, entry, ambiguous."""


class Matcher:
    """Every name form given, one automaton per language."""

    def __init__(self, forms: Iterable[NameForm]) -> None:
        keys: dict[str, dict[str, list[_Entry]]] = defaultdict(lambda: defaultdict(list))
        for form in forms:
            self._add(keys[form.lang], form.kind, form.id, form.form, form.lang)
        self.automata = {lang: self._automaton(table) for lang, table in keys.items()}

    def digest(self, text: str, lang: str) -> bytes:
        """What finding names in ``text`` (written in ``lang``), or in any text made from it
        by dropping characters or splitting it, depends on: the names whose folded form
        occurs in it anywhere, and their entities. The same digest promises the same
        mentions, whatever other names were added, changed or removed."""
        automaton = self.automata.get(lang)
        found: dict[str, tuple[_Entry, ...]] = {}
        if automaton is not None and text:
            folded = fold(text).text
            for last, entries in automaton.iter(folded):
                found[folded[last - entries[0].length + 1:last + 1]] = entries
        return hashlib.sha256(repr(sorted(found.items())).encode()).digest()

    @staticmethod
    def _add(table: dict[str, list[_Entry]], kind: str, id_: str, alias: str, lang: str) -> None:
        key = name_key(alias)
        if not key:
            return
        acronym = alias.isupper() and len(alias) <= ACRONYM_LENGTH
        entry = _Entry(kind, id_, len(key), False, acronym)
        if entry not in table[key]:
            table[key].append(entry)
        if lang == "ar" and key.startswith(ARTICLE) and len(key) > 3:
            table[key[1:]].append(_Entry(kind, id_, len(key) - 1, True, False))

    @staticmethod
    def _automaton(table: dict[str, list[_Entry]]) -> Any:
        if not table:
            return None
        automaton = ahocorasick.Automaton()
        for key, entries in table.items():
            automaton.add_word(key, tuple(entries))
        automaton.make_automaton()
        return automaton

    def find(self, text: str, lang: str) -> list[Mention]:
        """Mentions in ``text`` (written in ``lang``), in text order."""
        automaton = self.automata.get(lang)
        if automaton is None or not text:
            return []
        folded = fold(text)
        candidates: list[Candidate] = []
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
            allowed = ELIDED.fullmatch(prefix) is not None
        else:
            allowed = prefix == "" or (lang == "ar" and ATTACHED.fullmatch(prefix) is not None)
        if not allowed:
            return None, start
        if entry.acronym and not text[folded.starts[start]:folded.ends[last]].isupper():
            return None, start
        return start, word_start

    @staticmethod
    def _longest(candidates: list[Candidate], folded: Folded) -> list[Mention]:
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

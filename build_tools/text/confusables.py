"""Letters that look alike, by Unicode's rules for confusable identifiers (UTS #39, "Unicode
Security Mechanisms"), as ICU's spoof checker implements them with its own data.

Two texts with the same *skeleton* look the same ("Syrian Arab Аrmy", its first "А"
Cyrillic, and "Syrian Arab Army"; "arrny" and "army"; "سوریا" with a Persian yeh and
"سوريا"). A word whose letters come from more than one script (beyond the mixes ICU's
"highly restrictive" level allows, such as Han with Latin) is a word typed on two
keyboards. Marks, digits, hyphens and apostrophes belong to every script, and Arabic
digits and the tatweel to Arabic, so neither makes a word mixed.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import icu  # type: ignore[import-untyped]  # pyicu-wheels: PyICU with ICU built in

_NO_SCRIPT = frozenset({icu.UScriptCode.COMMON, icu.UScriptCode.INHERITED})


@cache
def _skeleton_checker() -> Any:
    return icu.SpoofChecker()


@cache
def _script_checker() -> Any:
    checker = icu.SpoofChecker()
    checker.setChecks(icu.USpoofChecks.RESTRICTION_LEVEL)
    checker.setRestrictionLevel(icu.URestrictionLevel.HIGHLY_RESTRICTIVE)
    return checker


def skeletons(text: str) -> tuple[str, str]:
    """The UTS #39 skeletons of ``text`` as written and lowercased, to be compared with
    others' of the same rank: texts that share one look alike (lowercased, so that "SAA"
    with a Cyrillic "А" is caught however it is cased; as written, because lowercasing
    hides that "I" looks like "l", but "III" looks nothing like "lll")."""
    checker = _skeleton_checker()
    return str(checker.getSkeleton(0, text)), str(checker.getSkeleton(0, text.casefold()))


@dataclass(frozen=True)
class MixedWord:
    """A word of letters from several scripts, and those not of its main script."""

    word: str
    strays: tuple[str, ...]


def mixed_words(text: str) -> list[MixedWord]:
    """The words of ``text`` (split at spaces and punctuation) that mix scripts."""
    checker = _script_checker()
    return [_mixed(word) for word in _words(text) if checker.check(word)]


def _words(text: str) -> list[str]:
    spaced = "".join(" " if unicodedata.category(char)[0] in "PZ" else char for char in text)
    return spaced.split()


def _mixed(word: str) -> MixedWord:
    """Which letters of ``word`` stray from its main script: the script most of its letters
    are of, the first one's on a tie; a stray is a character none of whose scripts is it."""
    counts: dict[int, int] = {}
    for char in word:
        code = icu.Script.getScript(ord(char)).getScriptCode()
        if code not in _NO_SCRIPT:
            counts[code] = counts.get(code, 0) + 1
    main = max(counts, key=lambda code: counts[code]) if counts else icu.UScriptCode.LATIN
    strays = [char for char in word if main not in icu.Script.getScriptExtensions(ord(char))
              and not _NO_SCRIPT.issuperset(icu.Script.getScriptExtensions(ord(char)))]
    return MixedWord(word, tuple(dict.fromkeys(strays)))


def described(char: str) -> str:
    """``'А' U+0410 CYRILLIC CAPITAL LETTER A``: a letter and which one it is."""
    name = unicodedata.name(char, "")
    return f"'{char}' U+{ord(char):04X}" + (f" {name}" if name else "")


def differences(text: str, other: str) -> list[tuple[str, str]]:
    """The pieces in which ``text`` differs from ``other``, a text that looks like it: (in
    text, in other) pairs, each once, found by walking both a character at a time and cutting
    wherever the skeletons read so far meet ("rn" for "m"); by a plain diff when they do
    not look alike as written nor lowercased."""
    for fold in (str, str.casefold):
        pieces = _aligned(fold(text), fold(other))
        if pieces is not None:
            return list(dict.fromkeys((text[i:j], other[k:m]) for i, j, k, m in pieces if text[i:j] != other[k:m]))
    matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
    return [(text[i1:i2], other[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _aligned(text: str, other: str) -> list[tuple[int, int, int, int]] | None:
    """Spans (start, end in text, start, end in other) whose skeletons are equal, covering both."""
    checker = _skeleton_checker()
    pieces: list[tuple[int, int, int, int]] = []
    start, other_start, i, j = 0, 0, 0, 0
    read, other_read = "", ""
    while i < len(text) or j < len(other):
        if len(read) <= len(other_read) and i < len(text) or j == len(other):
            read, i = read + str(checker.getSkeleton(0, text[i])), i + 1
        else:
            other_read, j = other_read + str(checker.getSkeleton(0, other[j])), j + 1
        if read == other_read:
            pieces.append((start, i, other_start, j))
            start, other_start, read, other_read = i, j, "", ""
    return pieces if not read and not other_read else None

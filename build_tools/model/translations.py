"""Which text of an article translates which, and whether it still does.

A translation records what it was made from (``translated_from`` in its front matter):
the original's language and a fingerprint of its title, summary and each paragraph. The
original as it is now, compared with that record, says whether the translation is
current or stale, and which paragraphs changed, were added or were removed since.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..messages import Message, joined, msg
from ..text.paragraphs import fingerprint, paragraphs


@dataclass(frozen=True)
class TranslationRecord:
    """The original as a translation was made from it: its language and fingerprints."""

    lang: str
    title: str
    summary: str | None
    paragraphs: tuple[str, ...]

    @classmethod
    def of(cls, lang: str, title: str, summary: str | None, body: str) -> TranslationRecord:
        return cls(lang, fingerprint(title), fingerprint(summary) if summary else None,
                   tuple(fingerprint(paragraph) for paragraph in paragraphs(body)))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> TranslationRecord:
        """From the front matter's ``translated_from``, once it has passed its schema."""
        return cls(data["lang"], data["title"], data.get("summary"), tuple(data["paragraphs"]))

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"lang": self.lang, "title": self.title}
        if self.summary:
            data["summary"] = self.summary
        data["paragraphs"] = list(self.paragraphs)
        return data


class Status(StrEnum):
    ORIGINAL = "original"
    CURRENT = "current"
    STALE = "stale"
    UNRECORDED = "unrecorded"
    """A translation never marked done: nothing says what it was made from."""
    PENDING = "pending"
    """No text in that language yet."""


@dataclass(frozen=True)
class TranslationState:
    """A language's text of an article against the original. Paragraphs are counted from
    1 as a reader counts them: changed and added ones in the original as it is now,
    removed ones in the original as the translation recorded it."""

    status: Status
    changed_paragraphs: tuple[int, ...] = ()
    added_paragraphs: tuple[int, ...] = ()
    removed_paragraphs: tuple[int, ...] = ()
    changed_fields: tuple[str, ...] = ()
    """``title`` or ``summary``, when the original's changed since."""

    def as_data(self) -> dict[str, Any]:
        """``{"status": "stale", "changed_paragraphs": [2]}``: only what is not empty."""
        data: dict[str, Any] = {"status": self.status.value}
        for key in ("changed_fields", "changed_paragraphs", "added_paragraphs", "removed_paragraphs"):
            if value := getattr(self, key):
                data[key] = list(value)
        return data

    def changes(self) -> Message:
        """What changed in the original, in words: ``paragraphs 2 and 5 changed, paragraph 7 added``."""
        parts = [msg("the {field} changed", field=field) for field in self.changed_fields]
        if numbers := self.changed_paragraphs:
            parts.append(msg("paragraph {numbers} changed", numbers=_numbers(numbers)) if len(numbers) == 1
                         else msg("paragraphs {numbers} changed", numbers=_numbers(numbers)))
        if numbers := self.added_paragraphs:
            parts.append(msg("paragraph {numbers} added", numbers=_numbers(numbers)) if len(numbers) == 1
                         else msg("paragraphs {numbers} added", numbers=_numbers(numbers)))
        if numbers := self.removed_paragraphs:
            parts.append(msg("paragraph {numbers} removed", numbers=_numbers(numbers)) if len(numbers) == 1
                         else msg("paragraphs {numbers} removed", numbers=_numbers(numbers)))
        return joined(parts)


def _numbers(numbers: tuple[int, ...]) -> Message | str:
    """``2``, or ``2, 5 and 7``."""
    listed = [str(number) for number in numbers]
    if len(listed) == 1:
        return listed[0]
    return msg("{items} and {last}", items=", ".join(listed[:-1]), last=listed[-1])


@dataclass(frozen=True)
class ParagraphChange:
    """One paragraph of the original changed (both numbers), added (``new`` only) or
    removed (``old`` only); numbers counted from 1."""

    old: int | None
    new: int | None


def paragraph_changes(recorded: tuple[str, ...], now: tuple[str, ...]) -> list[ParagraphChange]:
    """The paragraphs of ``now`` that are not those ``recorded``, fingerprints compared as
    a diff compares lines: a paragraph edited in place is changed, not removed and added."""
    changes = []
    matcher = difflib.SequenceMatcher(None, recorded, now, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(old_end - old_start, new_end - new_start)
        changes += [ParagraphChange(old_start + i + 1, new_start + i + 1) for i in range(paired)]
        changes += [ParagraphChange(None, new + 1) for new in range(new_start + paired, new_end)]
        changes += [ParagraphChange(old + 1, None) for old in range(old_start + paired, old_end)]
    return changes


def compare(recorded: TranslationRecord, now: TranslationRecord) -> TranslationState:
    """The state of a translation that recorded ``recorded``, the original being ``now``."""
    fields = tuple(name for name in ("title", "summary") if getattr(recorded, name) != getattr(now, name))
    changes = paragraph_changes(recorded.paragraphs, now.paragraphs)
    if not (fields or changes):
        return TranslationState(Status.CURRENT)
    return TranslationState(
        Status.STALE,
        changed_paragraphs=tuple(c.new for c in changes if c.new is not None and c.old is not None),
        added_paragraphs=tuple(c.new for c in changes if c.new is not None and c.old is None),
        removed_paragraphs=tuple(c.old for c in changes if c.old is not None and c.new is None),
        changed_fields=fields)


def matching_paragraphs(recorded: tuple[str, ...], now: tuple[str, ...]) -> dict[int, int]:
    """Each unchanged paragraph of ``now`` → its place in ``recorded``, both from 0."""
    matcher = difflib.SequenceMatcher(None, recorded, now, autojunk=False)
    return {new + i: old + i for old, new, size in matcher.get_matching_blocks() for i in range(size)}

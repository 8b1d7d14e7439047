"""Where things are in the project's files, and the problems found there.

Every stage reports into one ``Report``: problems are written GNU style,
``file:line:column: severity: message``. A parsed document keeps its ``Origin``, the
position of each of its values, so that a rule checked long after parsing (on the
model) still names the file and line.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from .messages import SOURCE_LANGUAGE, Message, msg, said_in

DocumentPath = tuple[str | int, ...]
"""Keys and list indexes leading to a value in a document: ``("sources", 1, "via")``."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    def said_in(self, lang: str) -> str:
        return (msg("error") if self is Severity.ERROR else msg("warning")).said_in(lang)


@dataclass(frozen=True, order=True)
class Position:
    """A place in a file: the path relative to the project root, 1-based line and column.

    Line 0 stands for the file or folder as a whole (a missing file, a misnamed folder).
    """

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        """``file:line:column``, or the file alone for a whole file."""
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file


def offset_position(file: str, first_line: int, text: str, offset: int) -> Position:
    """The line and column of ``offset`` in ``text``, which starts on ``first_line`` of ``file``."""
    before = text[:offset]
    return Position(file, first_line + before.count("\n"), offset - before.rfind("\n"))


def field_name(path: DocumentPath) -> str:
    """``('sources', 1, 'via')`` as ``sources[1].via``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class Origin:
    """Where a document's values are: maps a path of keys and indexes to a position."""

    file: str
    values: dict[DocumentPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DocumentPath, tuple[int, int]] = field(default_factory=dict)

    def at(self, *path: str | int, key: bool = False) -> Position:
        """The position of the value at ``path`` (or of its key), else of its nearest parent."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            found = table.get(path[:end]) or self.values.get(path[:end])
            if found:
                return Position(self.file, *found)
        return Position(self.file)


WARNINGS = {
    "translation-pending": "an article has no text in one language yet",
    "translation-stale": "the original changed since its translation was marked done",
    "translation-of-another-original": "a translation records another language as its original",
    "unlisted-actor": "a text names an actor meta.yml does not list",
    "unlisted-location": "a text names a location meta.yml does not list",
    "unmentioned-actor": "meta.yml lists an actor neither text names",
    "unmentioned-location": "meta.yml lists a location neither text names (nor a place inside it)",
    "heading-level-1": "a text has a # heading, beside the page's title",
    "heading-skipped": "a text's headings skip a level",
    "event-unmapped": "an event's place has no coordinates, nor any place it is in",
    "html-removed": "raw HTML outside the allowlist, removed (raw_html: strip)",
    "unplaced-photo": "a photo is declared but placed nowhere in the text",
    "undeclared-media": "a photo or document of an article folder that meta.yml does not declare",
    "ignored-file": "a file that is not part of the content model",
    "invisible-character": "an invisible character in a text",
    "decomposed-letter": "a letter written decomposed (read as NFC)",
    "byte-order-mark": "a file that starts with a byte-order mark",
    "line-endings": "a file with CRLF or CR line endings",
}
"""Every warning's code and what it means; ``--strict`` fails on warnings except those
``strict_tolerates`` in site_config/site.yml names, and ``check --ignore CODE`` hides."""

ERRORS = {
    "empty-field": "a field that must be filled in is empty",
    "empty-text": "an article's text has nothing below its front matter",
}
"""The errors that have a code: those of an unfinished draft, the fields and texts
``briefing new`` leaves empty."""


@dataclass(frozen=True, order=True)
class Diagnostic:
    position: Position
    severity: Severity
    message: Message
    code: str = ""
    """A stable name (``translation-pending``), the same in every language; ``--strict``
    may tolerate a warning by it."""

    def __str__(self) -> str:
        return self.said_in(SOURCE_LANGUAGE)

    def said_in(self, lang: str) -> str:
        """``file:line:column: severity: message [code]``, the severity and message in ``lang``."""
        code = f" [{self.code}]" if self.code else ""
        return f"{self.position}: {self.severity.said_in(lang)}: {said_in(self.message, lang)}{code}"


@dataclass
class Report:
    """Every diagnostic of one run, in the order of the files they concern."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, position: Position, message: Message, code: str = "") -> None:
        assert not code or code in ERRORS, code
        self.diagnostics.append(Diagnostic(position, Severity.ERROR, message, code))

    def warning(self, position: Position, message: Message, code: str) -> None:
        assert code in WARNINGS, code
        self.diagnostics.append(Diagnostic(position, Severity.WARNING, message, code))

    def extend(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.diagnostics))

    def summary(self, lang: str = SOURCE_LANGUAGE) -> str:
        e, w = len(self.errors), len(self.warnings)
        errors = msg("{count} error", count=e) if e == 1 else msg("{count} errors", count=e)
        warnings = msg("{count} warning", count=w) if w == 1 else msg("{count} warnings", count=w)
        return msg("{errors}, {warnings}", errors=errors, warnings=warnings).said_in(lang)

    def as_text(self, lang: str = SOURCE_LANGUAGE) -> str:
        return "".join(f"{d.said_in(lang)}\n" for d in self.sorted()) + self.summary(lang) + "\n"

    def as_github(self, lang: str = SOURCE_LANGUAGE) -> str:
        """GitHub Actions workflow commands: each problem annotates its line in the pull request."""
        lines = []
        for d in self.sorted():
            p = d.position
            where = f"file={_github_property(p.file)}"
            if d.code:
                where += f",title={_github_property(d.code)}"
            if p.line:
                where += f",line={p.line},col={p.column}"
            lines.append(f"::{d.severity.value} {where}::{_github_data(said_in(d.message, lang))}\n")
        return "".join(lines) + self.summary(lang) + "\n"

    def as_json(self, lang: str = SOURCE_LANGUAGE) -> str:
        """The severities and codes stay as they are, for scripts; the messages are in ``lang``."""
        items = [
            {**asdict(d.position), "severity": d.severity.value, "code": d.code or None,
             "message": said_in(d.message, lang)}
            for d in self.sorted()
        ]
        payload = {"errors": len(self.errors), "warnings": len(self.warnings), "diagnostics": items}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def did_you_mean(word: str, choices: Iterable[str]) -> Message:
    """`` (did you mean 'x'?)`` when a choice is close to ``word``, else an empty message."""
    close = difflib.get_close_matches(str(word), sorted(choices))
    return msg(" (did you mean '{choice}'?)", choice=close[0]) if close else Message("", {})

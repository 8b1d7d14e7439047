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
    "active-document": "a document holds scripts, actions, embedded files or XFA (its copy on the site has none)",
    "lookalike-name": "a name, alias or id that looks like another entity's, or mixes scripts in one word",
    "slug-date": "an article's id starts with a date other than its date:",
}
"""Every warning's code and what it means; ``--strict`` fails on warnings except those
``strict_tolerates`` in site_config/site.yml names, and ``check --ignore CODE`` hides."""

ERRORS = {
    "unreadable-file": "a file or folder that cannot be read",
    "file-too-large": "a text or YAML file over the size limit",
    "not-text": "a file that is not UTF-8 text (a NUL byte, bytes that do not decode)",
    "merge-conflict": "a merge-conflict marker left in a file",
    "yaml-syntax": "YAML that cannot be parsed",
    "yaml-refused": "YAML the content does not allow: anchors, tags, several documents, deep nesting",
    "duplicate-key": "a key given twice in one mapping",
    "front-matter": "a text whose front matter is missing or never closed",
    "invisible-in-name": "an invisible character in an id, a name or an alias",
    "misplaced-file": "a file or folder where the content has none (a year folder, a text, a link out of content/)",
    "invalid-id": "a file or folder name that is not a valid id",
    "duplicate-id": "two articles with the same id",
    "missing-meta": "an article folder without meta.yml",
    "no-text": "an article folder without ar.md or en.md",
    "empty-file": "a YAML file or front matter with nothing in it",
    "empty-field": "a field that must be filled in is empty",
    "empty-text": "an article's text has nothing below its front matter",
    "unknown-field": "a field the file's schema does not have",
    "missing-field": "a required field is missing",
    "wrong-type": "a value of the wrong type (a text for a list...)",
    "unknown-value": "a value outside its vocabulary",
    "invalid-format": "a value not written in its field's form (an id, a URL, coordinates...)",
    "no-language": "a text field with neither ar nor en",
    "too-few-items": "a list shorter than its field allows",
    "listed-twice": ("a list that names the same value twice, or repeats a record (an affiliation, a source "
                     "cited the same way)"),
    "invalid-value": "any other value its schema refuses",
    "unknown-reference": "an id in a field that names no entry",
    "unknown-link": "a link to an actor, location, source or tag that does not exist",
    "self-affiliation": "an actor affiliated with itself",
    "self-relay": "a source cited via itself",
    "cycle": "a cycle in parent or part-of",
    "coordinates-out-of-range": "coordinates outside ±90 and ±180",
    "shared-name": "a name of two actors, or two locations, not declared ambiguous in both",
    "invalid-date": "a date that is not a real date, or not written YYYY-MM-DD, YYYY-MM or YYYY",
    "date-order": "dates out of order: the year folder, updated, a correction, an event",
    "wrong-script": "an ar.md mostly not in Arabic script, or an en.md mostly in it",
    "missing-original": "original names a language that has no text",
    "unsafe-link": "a link whose scheme could run code (javascript:, data:...)",
    "raw-html": "raw HTML or an attribute outside the allowlist (raw_html: reject)",
    "unreadable-html": "raw HTML the renderer cannot read",
    "unbounded-markdown": "Markdown that would not render in bounded time",
    "missing-media-file": "a declared photo or document whose file is not in the folder",
    "refused-media": "a photo or document that cannot be published as it is (size, format, truncated, encrypted)",
    "unsafe-metadata": "a photo or document carrying metadata that can endanger people",
    "media-text-missing": "a photo's or document's text missing in a language the article has",
    "second-lead": "more than one lead photo",
    "misplaced-image": "an image placed in a text that is not a declared photo of the folder",
    "event-sub-type": "an event's sub-type under another type",
    "event-sides": "an actor on both sides of an event, or twice on one",
    "fatalities-range": "fatalities whose best estimate lies outside low and high",
    "uncited-source": "an event's source that the article's sources do not list",
    "redirect-conflict": "an earlier id (redirect_from) that is another page's address, or claimed twice",
    "site-config": "site_config/ that cannot be used: a missing file, string, vocabulary or locale",
    "translation-file": "a translation file (PO) that cannot be imported",
}
"""Every error's code and what it means; a code stays the same in every language, for
scripts and for the preview, which shows a draft with only ``DRAFT_GAPS`` as a page to
fill in rather than as an error."""

DRAFT_GAPS = frozenset({"empty-field", "empty-text"})
"""The errors of an unfinished draft: what ``briefing new`` leaves empty."""


@dataclass(frozen=True, order=True)
class Diagnostic:
    position: Position
    severity: Severity
    message: Message
    code: str
    """A stable name (``translation-pending``), the same in every language; ``--strict``
    may tolerate a warning by it."""

    def __str__(self) -> str:
        return self.said_in(SOURCE_LANGUAGE)

    def said_in(self, lang: str) -> str:
        """``file:line:column: severity: message [code]``, the severity and message in ``lang``."""
        return f"{self.position}: {self.severity.said_in(lang)}: {said_in(self.message, lang)} [{self.code}]"


@dataclass
class Report:
    """Every diagnostic of one run, in the order of the files they concern."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, position: Position, message: Message, code: str) -> None:
        assert code in ERRORS, code
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

    def as_text(self, lang: str = SOURCE_LANGUAGE, summary: bool = True) -> str:
        """One line per problem, then (unless ``summary`` is false) the count of each severity."""
        lines = "".join(f"{d.said_in(lang)}\n" for d in self.sorted())
        return lines + self.summary(lang) + "\n" if summary else lines

    def as_github(self, lang: str = SOURCE_LANGUAGE) -> str:
        """GitHub Actions workflow commands: each problem annotates its line in the pull request."""
        lines = []
        for d in self.sorted():
            p = d.position
            where = f"file={_github_property(p.file)},title={_github_property(d.code)}"
            if p.line:
                where += f",line={p.line},col={p.column}"
            lines.append(f"::{d.severity.value} {where}::{_github_data(said_in(d.message, lang))}\n")
        return "".join(lines) + self.summary(lang) + "\n"

    def as_json(self, lang: str = SOURCE_LANGUAGE) -> str:
        """The severities and codes stay as they are, for scripts; the messages are in ``lang``."""
        items = [
            {**asdict(d.position), "severity": d.severity.value, "code": d.code,
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

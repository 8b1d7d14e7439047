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

DocumentPath = tuple[str | int, ...]
"""Keys and list indexes leading to a value in a document: ``("sources", 1, "via")``."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Position:
    """A place in a file: the path relative to the project root, 1-based line and column.

    Line 0 stands for the file or folder as a whole (a missing file, a misnamed folder).
    """

    file: str
    line: int = 1
    column: int = 1


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


@dataclass(frozen=True, order=True)
class Diagnostic:
    position: Position
    severity: Severity
    message: str

    def __str__(self) -> str:
        p = self.position
        where = f"{p.file}:{p.line}:{p.column}" if p.line else p.file
        return f"{where}: {self.severity.value}: {self.message}"


@dataclass
class Report:
    """Every diagnostic of one run, in the order of the files they concern."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, position: Position, message: str) -> None:
        self.diagnostics.append(Diagnostic(position, Severity.ERROR, message))

    def warning(self, position: Position, message: str) -> None:
        self.diagnostics.append(Diagnostic(position, Severity.WARNING, message))

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

    def summary(self) -> str:
        e, w = len(self.errors), len(self.warnings)
        return f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}"

    def as_text(self) -> str:
        return "".join(f"{d}\n" for d in self.sorted()) + self.summary() + "\n"

    def as_github(self) -> str:
        """GitHub Actions workflow commands: each problem annotates its line in the pull request."""
        lines = []
        for d in self.sorted():
            p = d.position
            where = f"file={_github_property(p.file)}"
            if p.line:
                where += f",line={p.line},col={p.column}"
            lines.append(f"::{d.severity.value} {where}::{_github_data(d.message)}\n")
        return "".join(lines) + self.summary() + "\n"

    def as_json(self) -> str:
        items = [
            {**asdict(d.position), "severity": d.severity.value, "message": d.message}
            for d in self.sorted()
        ]
        payload = {"errors": len(self.errors), "warnings": len(self.warnings), "diagnostics": items}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a choice is close to ``word``, else an empty string."""
    close = difflib.get_close_matches(str(word), sorted(choices))
    return f" (did you mean '{close[0]}'?)" if close else ""

"""Reading the project's text files, with encoding and syntax problems reported by position."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Position, Report
from .yamlfile import YamlDocument, YamlSyntaxError, parse_yaml


def relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def read_text(path: Path, root: Path, report: Report) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        report.error(Position(relative(path, root), 0, 0),
                     f"not UTF-8 text (undecodable byte at offset {exc.start}): save it as UTF-8")
    except OSError as exc:
        report.error(Position(relative(path, root), 0, 0), f"cannot be read: {exc.strerror}")
    return None


def parse_reported(text: str, file: str, report: Report, first_line: int = 1) -> YamlDocument | None:
    """Parse YAML text; syntax errors and duplicate keys go to ``report``."""
    try:
        document = parse_yaml(text, file, first_line)
    except YamlSyntaxError as exc:
        report.error(Position(file, exc.line, exc.column), exc.message)
        return None
    for position, message in document.duplicates:
        report.error(position, message)
    return document


def read_yaml(path: Path, root: Path, report: Report) -> YamlDocument | None:
    text = read_text(path, root, report)
    return None if text is None else parse_reported(text, relative(path, root), report)

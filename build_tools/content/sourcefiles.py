"""Reading the project's text files, with encoding, syntax and invisible-character
problems reported by position.

Every file is read as bytes and checked before it is decoded: over the size limit,
NUL bytes (a binary file) and invalid UTF-8 are errors with the byte offset; a BOM and
CRLF line endings are read through with a warning; a merge conflict git left in it is
an error at each marker line, and the file is not parsed; decomposed letters (Arabic
hamza typed as a separate mark) are composed (NFC) so that names match, with a warning.

Invisible characters (``text.invisible``) are errors in ids, names, aliases and every
other field that is not prose, since two equal-looking names would then differ; in
prose (titles, summaries, notes, article bodies) they are warnings, since a few (LRM,
ZWNJ) are sometimes typed on purpose.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..diagnostics import DocumentPath, Position, Report, field_name, offset_position
from ..messages import Message, msg
from ..text.invisible import INVISIBLE, UNPUBLISHABLE, UNPUBLISHABLE_IN_PROSE, describe, shown
from .conflicts import conflict_markers
from .yamlfile import YamlDocument, YamlSyntaxError, parse_yaml

MAX_FILE_BYTES = 1_000_000
"""A long article is about 50 KB; a bigger file is a paste gone wrong or not text at all."""
TEXT_FIELDS = frozenset({"title", "summary", "description", "editor_note", "note", "text"})
"""Fields of prose, where an invisible character is a warning; elsewhere it is an error."""
PROSE_FIELDS = TEXT_FIELDS | {"alt", "caption", "credit"}
"""Fields that may run over several lines (tab and line feed are text there)."""


def relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def read_text(path: Path, file: str, report: Report) -> str | None:
    """The text of the file at ``path``, called ``file`` (its path from the project root) in messages."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
            size = os.fstat(stream.fileno()).st_size if len(raw) > MAX_FILE_BYTES else len(raw)
    except OSError as exc:
        report.error(Position(file, 0, 0), msg("cannot be read: {reason}", reason=exc.strerror),
                     "unreadable-file")
        return None
    if size > MAX_FILE_BYTES:
        report.error(Position(file, 0, 0), msg("{size:,} bytes, over the limit of {limit:,}: is it the right file?",
                                               size=size, limit=MAX_FILE_BYTES), "file-too-large")
        return None
    return decode_text(raw, file, report)


def _byte_position(file: str, raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return Position(file, raw.count(b"\n", 0, offset) + 1, offset - line_start + 1)


def decode_text(raw: bytes, file: str, report: Report) -> str | None:
    """The text of a file's bytes, or None with an error; line endings become LF."""
    if b"\0" in raw:
        offset = raw.index(b"\0")
        report.error(_byte_position(file, raw, offset), msg("NUL byte at byte offset {offset}: this is not a text "
                                                             "file, or it is corrupted", offset=offset), "not-text")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.error(_byte_position(file, raw, exc.start),
                     msg("not UTF-8 text (undecodable byte 0x{byte:02X} at byte offset {offset}): "
                         "save the file as UTF-8", byte=raw[exc.start], offset=exc.start), "not-text")
        return None
    if text.startswith("\ufeff"):
        report.warning(Position(file, 1, 1), msg("the file starts with a byte-order mark (BOM): read "
                                                 "without it; save as UTF-8 without BOM"), "byte-order-mark")
        text = text.lstrip("\ufeff")  # a file saved twice with a BOM can carry two
    if "\r" in text:
        report.warning(offset_position(file, 1, text, text.index("\r")),
                       msg("Windows (CRLF) or old Mac (CR) line endings: read as LF; "
                           "save the file with LF line endings"), "line-endings")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if markers := conflict_markers(text):
        for line, marker in markers:
            report.error(Position(file, line, 1), msg("unresolved merge conflict: {marker}; keep the right "
                                                      "version of the lines between the markers, then delete "
                                                      "the marker lines", marker=marker), "merge-conflict")
        return None
    return _composed(text, file, report)


def _composed(text: str, file: str, report: Report) -> str:
    """NFC form of ``text``, with a warning at the first letter typed as base plus mark.

    NFC also puts stacked marks (shadda and a vowel) in canonical order; that changes
    nothing a reader sees, so only composition is reported.
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    normalized = unicodedata.normalize("NFC", text)
    if len(normalized) == len(text):
        return normalized  # marks reordered only: common in vocalized Arabic, nothing to report
    for index in range(1, len(text)):  # the rare file with a composition: find the first
        pair = text[index - 1:index + 1]
        if unicodedata.combining(pair[1]) and len(composed := unicodedata.normalize("NFC", pair)) == 1:
            codes = " + ".join(f"U+{ord(c):04X}" for c in pair)
            report.warning(offset_position(file, 1, text, index - 1),
                           msg("decomposed letter '{letter}' ({codes}): read in composed form (NFC) "
                               "so that it matches the same letter typed directly", letter=composed, codes=codes),
                           "decomposed-letter")
            break
    return normalized


def parse_reported(text: str, file: str, report: Report, first_line: int = 1) -> YamlDocument | None:
    """Parse YAML text; syntax errors, duplicate keys and invisible characters go to ``report``."""
    try:
        document = parse_yaml(text, file, first_line)
    except YamlSyntaxError as exc:
        report.error(Position(file, exc.line, exc.column), exc.message, exc.code)
        return None
    for position, message in document.duplicates:
        report.error(position, message, "duplicate-key")
    check_values(document, report)
    return document


def read_yaml(path: Path, file: str, report: Report) -> YamlDocument | None:
    text = read_text(path, file, report)
    return None if text is None else parse_reported(text, file, report)


def _strings(data: Any, path: DocumentPath = ()) -> Iterator[tuple[DocumentPath, str, bool]]:
    """Every string of ``data`` with its path (a key's ends with itself) and whether it is a key."""
    if isinstance(data, str):
        yield path, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key), str(key), True
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def check_values(document: YamlDocument, report: Report) -> None:
    """Characters that cannot be published, then invisible characters, in every string of a
    YAML document, keys included: one problem per string."""
    for path, value, is_key in _strings(document.data):
        prose = not is_key and bool(PROSE_FIELDS.intersection(p for p in path if isinstance(p, str)))
        if _unpublishable(document, path, value, prose, is_key, report):
            continue
        found = INVISIBLE.search(value)
        if found is None:
            continue
        if is_key:
            path = path[:-1]  # an invisible character in a key is reported where its mapping starts
        where = document.origin.at(*path)
        what = msg("{character} in {field}: \"{shown}\"", character=describe(found.group(0)),
                   field=field_name(path) or msg("a key"), shown=shown(value, found.start()))
        if TEXT_FIELDS.intersection(p for p in path if isinstance(p, str)):
            report.warning(where, msg("invisible character {what}; it can reorder or hide text, "
                                      "delete it unless it was meant", what=what), "invisible-character")
        else:
            report.error(where, msg("invisible character {what}; ids, names and aliases must be "
                                    "typed plainly, delete it", what=what), "invisible-in-name")


def _unpublishable(document: YamlDocument, path: DocumentPath, value: str, prose: bool, is_key: bool,
                   report: Report) -> bool:
    """Whether ``value`` holds a character no page, feed or sitemap can carry (reported).

    Looked for in the parsed value: a YAML escape (``"\\x01"``, ``"\\uFFFE"``) makes the
    character only then. Tab and line feed are text in prose, not in an id or a name."""
    found = (UNPUBLISHABLE_IN_PROSE if prose else UNPUBLISHABLE).search(value)
    if found is None:
        return False
    report.error(document.origin.at(*path, key=is_key), msg(
        "{character} in {field}: \"{shown}\"; it cannot be published (feeds and sitemaps refuse it), "
        "delete it", character=describe(found.group(0)), field=msg("a key") if is_key else field_name(path),
        shown=shown(value, found.start())), "not-text")
    return True


def check_prose(file: str, first_line: int, text: str, report: Report) -> None:
    """An error for each line of ``text`` (starting on ``first_line``) with a character that
    cannot be published, as in every other field; a warning for each other line with
    invisible characters."""
    reported_lines: set[int] = set()
    for found in UNPUBLISHABLE_IN_PROSE.finditer(text):
        position = offset_position(file, first_line, text, found.start())
        if position.line not in reported_lines:
            reported_lines.add(position.line)
            report.error(position, msg("{character} in the text: \"{shown}\"; it cannot be published (feeds and "
                                       "sitemaps refuse it), delete it", character=describe(found.group(0)),
                                       shown=shown(text, found.start())), "not-text")
    for found in INVISIBLE.finditer(text):
        position = offset_position(file, first_line, text, found.start())
        if position.line in reported_lines:
            continue
        reported_lines.add(position.line)
        report.warning(position, msg("invisible character {character}: \"{shown}\"; it can reorder "
                                     "or hide text, delete it unless it was meant",
                                     character=describe(found.group(0)), shown=shown(text, found.start())),
                       "invisible-character")


def link_problem(path: Path, boundary: Path, outside: Callable[[Path], Message]) -> Message | None:
    """Why the file at ``path`` may not be read: a symbolic link on its way loops, or it
    leads out of ``boundary`` (resolved), said by ``outside`` given the link's target."""
    try:
        target = path.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop, later ones OSError
        return msg("symbolic link that leads back to itself (a loop): delete it, or link it to a file")
    if target.is_relative_to(boundary):
        return None
    return outside(path.readlink() if path.is_symlink() else target)


_UNDECODED_BYTE = re.compile("[\udc80-\udcff]")
"""A byte of a file name that is not UTF-8, as Python reads it (``surrogateescape``)."""


def file_name_problem(name: str) -> Message | None:
    """Why ``name`` (as the system lists it) cannot be a file of the project: bytes that
    are not UTF-8, or a character no page, message or URL can carry."""
    if undecoded := _UNDECODED_BYTE.search(name):
        return msg("the file name is not UTF-8 text (byte 0x{byte:02X}): rename it",
                   byte=ord(undecoded.group(0)) - 0xDC00)
    if found := UNPUBLISHABLE.search(name):
        return msg("the file name holds {character}: rename it", character=describe(found.group(0)))
    return None


def shown_name(name: str) -> str:
    """``name`` printable whatever it holds: undecodable bytes as ``\\xFF``, controls as ``\\x01``."""
    return UNPUBLISHABLE.sub(lambda found: _escaped(found.group(0)), name)


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02X}"
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}"


Signature = str
"""A digest of a folder's files, names, sizes and times (``signature``)."""


def signature(folder: Path) -> Signature:
    """A digest of the name, size and modification time of every file in ``folder``,
    recursively (links to folders are not followed: they could loop); empty when there
    is no such folder. Equal digests: no file was added, removed, resized or touched."""
    if not folder.is_dir():
        return ""
    digest = hashlib.blake2b(digest_size=16)
    _add_stamps(str(folder), digest)
    return digest.hexdigest()


def _add_stamps(folder: str, digest: hashlib.blake2b) -> None:
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            digest.update(f"d{entry.name}\0".encode(errors="surrogateescape"))
            _add_stamps(entry.path, digest)
            digest.update(b"\1")  # the end of the folder's entries
        else:
            digest.update(_stamp(entry))


def _stamp(entry: os.DirEntry[str]) -> bytes:
    try:
        status = entry.stat()
    except OSError:  # a broken link: the files' checks report it
        return f"b{entry.name}\0".encode(errors="surrogateescape")
    return f"f{entry.name}\0{status.st_size}\0{status.st_mtime_ns}\0".encode(errors="surrogateescape")

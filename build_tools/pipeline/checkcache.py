"""The check's cache on disk: what checking each article folder found, kept from one run
of ``briefing check`` or ``briefing build`` to the next (``.briefing-cache/check.json``),
so that a folder none of whose files changed (same names, sizes and times) is not checked
again. ``check`` does not read it again either; ``build`` reads it to make its article,
and checks it after all if reading finds a problem the kept ones do not include.

Every folder is checked again when what all of them are checked against changed: a file
of ``site_config/`` or of a registry (a name may now be found in any article's text),
or the tool (its code, Python, an installed package's version). What reading and
checking the registries found is kept too, so that a ``check`` after which nothing
changed reads no registry either. The file is JSON, not a pickle: the cache may be
restored by a CI run from a shared store, and reading it must never run code. It is
written whole; one that cannot be read is ignored with a warning, and every folder
checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Position, Severity
from ..messages import Message
from ..writing import write_whole
from .cache import ArticleCache

FORMAT = 3
"""The layout of the file: another one is ignored (1 kept signatures as nested lists, 2
no problems of the registries)."""
CHECK_FILE = "check.json"


def _encoded(value: Any) -> Any:
    """A message's parameter as JSON; raises TypeError for what JSON cannot hold."""
    if isinstance(value, Message):
        return {"message": value.template, "params": {name: _encoded(v) for name, v in value.params.items()}}
    if isinstance(value, list | tuple):  # told apart: a message writes them differently
        return {"tuple" if isinstance(value, tuple) else "list": [_encoded(item) for item in value]}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot keep {type(value).__name__} in the check cache")


def _decoded(value: Any) -> Any:
    if isinstance(value, dict) and "message" in value:
        return Message(value["message"], {name: _decoded(v) for name, v in value["params"].items()})
    if isinstance(value, dict) and "tuple" in value:
        return tuple(_decoded(item) for item in value["tuple"])
    if isinstance(value, dict):
        return [_decoded(item) for item in value["list"]]
    return value


def _diagnostic(data: list[Any]) -> Diagnostic:
    file, line, column, severity, message, code = data
    return Diagnostic(Position(str(file), int(line), int(column)), Severity(severity), _decoded(message), str(code))


class CheckCache:
    """The file that keeps an ``ArticleCache``'s problems between runs (not its articles)."""

    def __init__(self, folder: Path, tool: str) -> None:
        self.path = folder / CHECK_FILE
        self.tool = tool
        """The tool's digest (``tool_digest``): another one's results are not trusted."""

    def load(self, root: Path) -> tuple[ArticleCache, str | None]:
        """The cache as the last run of this project left it (empty if none), and a
        warning when the file was there but could not be read."""
        cache = ArticleCache()
        try:
            data = json.loads(self.path.read_bytes())
            if data.get("format") != FORMAT or data.get("tool") != self.tool or data.get("root") != str(root):
                return cache, None
            cache.context = tuple(str(signature) for signature in data["context"])
            if data["registries"] is not None:
                cache.registry_problems = [_diagnostic(d) for d in data["registries"]]
            for folder, (signature, diagnostics) in data["folders"].items():
                cache.results[root / folder] = (str(signature), (None, [_diagnostic(d) for d in diagnostics]))
        except FileNotFoundError:
            return cache, None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            return ArticleCache(), f"the check cache {self.path} cannot be read ({exc}): it is ignored"
        return cache, None

    def save(self, cache: ArticleCache, root: Path) -> None:
        """Writes ``cache`` whole; a folder whose problems JSON cannot hold is left out (checked
        next time), and so are the registries' problems then (read again next time)."""
        folders = {}
        for folder, (signature, (_, diagnostics)) in cache.results.items():
            try:
                folders[folder.relative_to(root).as_posix()] = [signature, _encoded_problems(diagnostics)]
            except TypeError:
                continue
        try:
            registries = None if cache.registry_problems is None else _encoded_problems(cache.registry_problems)
        except TypeError:
            registries = None
        data = {"format": FORMAT, "tool": self.tool, "root": str(root), "context": cache.context,
                "registries": registries, "folders": folders}
        write_whole(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def _encoded_problems(diagnostics: list[Diagnostic]) -> list[list[Any]]:
    """Problems as JSON; raises TypeError for one whose message JSON cannot hold."""
    return [[d.position.file, d.position.line, d.position.column, d.severity.value, _encoded(d.message), d.code]
            for d in diagnostics]

"""The scripts of a built page that its templates did not write.

The Content-Security-Policy must never trust the output: were a script to reach a page
through content (an encoder skipped, a sanitizer bypassed), hashing the page's scripts
into its own policy would let it run. So a page may hold only three kinds of script:
an inline script the templates write (found in their sources, before any page is
rendered), a script file the theme ships, and a data block (JSON, JSON-LD), which never
runs. Anything else is reported, and the build fails naming the page.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass

_SCRIPT_START = re.compile(r"<script(?=[\s/>])", re.IGNORECASE)
_SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
DATA_TYPES = frozenset({"application/json", "application/ld+json"})
"""Script types a browser never runs: Material's configuration, JSON-LD."""
_FILE_ATTRIBUTES = frozenset({"src", "defer", "async", "type"})
"""What a script file's tag may say: where it is, when it runs, and that it is a module."""


@dataclass(frozen=True)
class AllowedScripts:
    """What a page may run: the inline scripts its templates write, for its base URL, and
    the site paths of the script files the theme ships."""

    inline: Collection[str]
    files: Collection[str]


def foreign_scripts(html: str, allowed: AllowedScripts, page_dir: str, root_path: str = "/") -> list[str]:
    """The start of each script in ``html`` that ``allowed`` does not hold. ``page_dir`` is
    the page's folder in the site (``en/articles/x/``), against which a relative ``src``
    is read; ``root_path`` the site's path on its host, against which an absolute one is."""
    foreign: list[str] = []
    for start in _SCRIPT_START.finditer(html):
        script = _SCRIPT.match(html, start.start())
        if script is None or not _allowed(script, allowed, page_dir, root_path):
            foreign.append(html[start.start():start.start() + 120])
    return foreign


def _allowed(script: re.Match[str], allowed: AllowedScripts, page_dir: str, root_path: str) -> bool:
    attributes = _attributes(script.group(1))
    if attributes is None:
        return False
    if not attributes:
        return script.group(2) in allowed.inline
    if set(attributes) <= {"type", "id"} and attributes.get("type") in DATA_TYPES:
        return True
    source = attributes.get("src")
    if source is None or not set(attributes) <= _FILE_ATTRIBUTES or script.group(2).strip():
        return False
    if attributes.get("type", "module") != "module":
        return False
    return _site_path(source, page_dir, root_path) in allowed.files


def _attributes(tag: str) -> dict[str, str] | None:
    """A start tag's attributes by lowercase name; None when one is written twice (which
    one a browser takes is not ours to guess)."""
    attributes: dict[str, str] = {}
    for attribute in _ATTRIBUTE.finditer(tag):
        name = attribute.group(1).lower()
        if name in attributes:
            return None
        attributes[name] = html.unescape(next((value for value in attribute.groups()[1:] if value is not None), ""))
    return attributes


def _site_path(source: str, page_dir: str, root_path: str) -> str | None:
    """The site path a script's ``src`` names, or None when it leaves the site."""
    if ":" in source.split("/", 1)[0] or source.startswith("//") or "\\" in source:
        return None
    if source.startswith("/"):
        if not source.startswith(root_path):
            return None
        return posixpath.normpath(source[len(root_path):])
    return posixpath.normpath(posixpath.join(page_dir, source))

"""Telling an article's prose from its Markdown and HTML syntax, without parsing it."""

from __future__ import annotations

import re
from collections.abc import Iterator

CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
"""Fenced code blocks and code spans: never prose, never checked as links or HTML."""
_MARKUP = re.compile(CODE.pattern + r"|<[^>\n]*>|\]\([^)\n]*\)|https?://\S+", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _blanked(match: re.Match[str]) -> str:
    found = match.group(0)
    return found[0] + " " * (len(found) - 1) if found.startswith("]") else " " * len(found)


def mask_markup(text: str) -> str:
    """Blanks code, HTML tags, link targets and URLs, keeping every other offset in place."""
    if not any(mark in text for mark in ("`", "<", "](", "http")):
        return text
    return _MARKUP.sub(_blanked, text)



def paragraphs(markdown: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each paragraph: the text between blank lines."""
    start = 0
    for found in _PARAGRAPH_BREAK.finditer(markdown):
        yield start, markdown[start:found.start()]
        start = found.end()
    yield start, markdown[start:].rstrip("\n")

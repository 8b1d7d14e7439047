"""Split a Markdown file into its YAML front matter and its body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import Message, msg

FENCE = "---"


class FrontMatterError(Exception):
    def __init__(self, line: int, message: Message) -> None:
        super().__init__(message)
        self.line, self.message = line, message


@dataclass(frozen=True)
class MarkdownParts:
    front_matter: str
    front_matter_line: int
    body: str
    body_line: int


def split_front_matter(text: str) -> MarkdownParts:
    """Front matter must open on the first line with ``---`` and close with ``---``."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(1, msg("missing front matter: the file must start with '---', "
                                      "then 'title:' and 'summary:', then '---'"))
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (FENCE, "..."):
            return MarkdownParts(
                front_matter="".join(lines[1:index]),
                front_matter_line=2,
                body="".join(lines[index + 1:]),
                body_line=index + 2,
            )
    raise FrontMatterError(1, msg("front matter opened on line 1 is never closed with '---'"))

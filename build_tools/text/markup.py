"""Telling an article's prose from its Markdown and HTML syntax, without parsing it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

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


# No class below takes the character that could start another image ("[", "(", "<"): each
# attempt stops where the next could begin, so that finding them stays linear in the text.
_INLINE_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([ \t]*<?([^()\[\]\s<>]*)>?(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|"
                           r"\([^()\n]*\)))?[ \t]*\)")
_REFERENCE_IMAGE = re.compile(r"!\[([^\[\]\n]*)\](?:\[([^\[\]\n]*)\])?")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
_HTML_IMAGE = re.compile(r"<img\b[^<>]*?\ssrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>]+))", re.IGNORECASE)


def placed_images(markdown: str) -> list[tuple[int, str]]:
    """(offset of the target, target) of every image the text places, in order: ``![alt](target)``,
    ``![alt][ref]`` (the target of its ``[ref]: target`` definition), ``<img src="target">``;
    code left out."""
    text = CODE.sub(lambda found: " " * len(found.group(0)), markdown) if "`" in markdown else markdown
    if "!" not in text and "<" not in text:
        return []
    definitions = {found.group(1).casefold(): (found.start(2), found.group(2))
                   for found in _LINK_DEFINITION.finditer(text)}
    found: dict[int, str] = {}
    inline = set()
    for image in _INLINE_IMAGE.finditer(text):
        inline.add(image.start())
        found[image.start(2)] = image.group(2)
    for image in _REFERENCE_IMAGE.finditer(text):
        label = (image.group(2) or image.group(1)).casefold()
        if image.start() not in inline and label in definitions:
            offset, target = definitions[label]
            found[offset] = target
    for image in _HTML_IMAGE.finditer(text):
        quoted = next(index for index in (1, 2, 3) if image.group(index) is not None)
        found[image.start(quoted)] = image.group(quoted)
    return sorted(found.items())


def image_file_name(target: str) -> str:
    """The file an image's target names: ``./road%20a.jpg`` is ``road a.jpg``."""
    return unquote(target).removeprefix("./")

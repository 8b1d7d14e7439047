"""Attribute lists (``{: .class #id key=value}``) and heading ids in an article's Markdown.

Python-Markdown's ``attr_list`` lets ``{: …}`` set any attribute on the element before it:
a heading or a table cell when it ends the line, a paragraph or a list item from a line
of its own, an image, a link or emphasis when it follows them at once, a fenced code
block on its opening fence. Each is read here as ``attr_list`` reads it (its tokenizer,
below, is a copy of the extension's) wherever it could apply, a little more widely than
Markdown does, and each attribute is held to ``text.htmlpolicy``: a class from
``EDITOR_CLASSES``, an id outside the theme's, ``width``/``height`` in digits, ``lang``,
``dir``, ``title``; nothing else. A heading without an id gets one from its text (the
``toc`` extension); one that would be the theme's (a heading "Briefing content") is
reported too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import markdown
from markdown.extensions.attr_list import sanitize_name
from markdown.extensions.toc import slugify

from ..messages import Message, msg
from ..text.htmlpolicy import (
    ATTRIBUTE_LIST_NAMES,
    EDITOR_CLASSES,
    KEYWORDS,
    Fault,
    class_fault,
    id_fault,
    reserved_id,
    value_fault,
)

_TOKEN = re.compile(r"""(?P<double>[^ =}]+=".*?")|(?P<single>[^ =}]+='.*?')|(?P<pair>[^ =}]+=[^ =}]+)"""
                    r"|(?P<word>[^ =}]+)|(?P<space> )")
"""``attr_list``'s ``_scanner``, in the same order: the first of these that matches wins."""
_OPENING = re.compile(r"\{:?[ ]*(?=[^}\n ])")
_FENCE = re.compile(r"^[ \t]*(?:`{3,}|~{3,})[ ]*\{(?=[^\n]*\})", re.MULTILINE)
_AFTER_LIST = re.compile(r"\}?[ \t]*(\||$)?")
_QUOTE_MARKS = re.compile(r"[ \t>]*")
_FENCE_LINE = re.compile(r"[ \t]*(?:`{3,}|~{3,})")
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+|$)")
_UNDERLINE_OR_DEFINITION = re.compile(r" {0,3}(?:=+|-+)[ \t]*$|:[ \t]")
_TAG = re.compile(r"<[^<>\n]*>")
Attribute = tuple[int, str, str | None]
"""(offset of the attribute in the text, its name as attr_list gives it, its value)."""


def tokens(text: str, start: int, end: int | None = None) -> tuple[list[Attribute], int]:
    """The attributes of the list whose first starts at ``start`` (past ``{:``), and where
    attr_list's tokenizer stops reading them (at the closing ``}``, unless quoted)."""
    found: list[Attribute] = []
    while (token := _TOKEN.match(text, start, len(text) if end is None else end)) is not None:
        start, kind, written = token.end(), token.lastgroup, token.group(0)
        if kind == "word":
            marked = written[0] in ".#"
            found.append((token.start(), {".": ".", "#": "id"}[written[0]] if marked else written,
                          written[1:] if marked else None))
        elif kind != "space":
            name, value = written.split("=", 1)
            found.append((token.start(), name, value[1:-1] if kind in ("double", "single") else value))
    return found, start


def _problem(fault: Fault, name: str, value: str) -> Message:
    if fault is Fault.CLASS:
        return msg("class '{value}' is not allowed: an article may use only the classes {classes}",
                   value=value, classes=", ".join(sorted(EDITOR_CLASSES)))
    if fault is Fault.ID_FORM:
        return msg("id '{value}' is not allowed: an id written in an article is lowercase ASCII letters, "
                   "digits, '-' and '_', beginning with a letter or a digit", value=value)
    if fault is Fault.ID_RESERVED:
        return msg("id '{value}' is not allowed: the theme's own elements and scripts use ids beginning "
                   "with '__' or 'briefing-' or with a capital letter; choose another", value=value)
    if fault is Fault.DIGITS:
        return msg("{name}=\"{value}\" is not allowed: {name} is a number of pixels, in digits only",
                   name=name, value=value)
    if fault is Fault.LANGUAGE:
        return msg("{name}=\"{value}\" is not allowed: {name} is a language tag such as ar, en or ku-Latn",
                   name=name, value=value)
    return msg("{name}=\"{value}\" is not allowed: {name} is one of {choices}", name=name, value=value,
               choices=", ".join(sorted(KEYWORDS.get(name, ()))))


def attribute_problem(tag: str, name: str, value: str) -> Message | None:
    """What is wrong with an attribute the allowlist names (``name`` in lowercase), said for an editor."""
    if name == "class":
        wrong = class_fault(value)
        return None if wrong is None else _problem(Fault.CLASS, name, wrong)
    fault = id_fault(value) if name == "id" else value_fault(tag, name, value)
    if fault is None or fault is Fault.REMOTE_IMAGE:  # checks.media says where the photo should come from
        return None
    return _problem(fault, name, value)


def _attribute_findings(attributes: list[Attribute], language_first: bool) -> Iterator[tuple[int, Message]]:
    for offset, written, value in attributes:
        if written == ".":
            if language_first and re.fullmatch(r"[\w#.+-]+", value or ""):
                language_first = False  # a fence's first class is its code's language
                continue
            written, value = "class", value
        name = sanitize_name(written).lower()
        if name not in ATTRIBUTE_LIST_NAMES:
            yield offset, msg("attribute list sets '{name}', which is not allowed", name=written)
        elif problem := attribute_problem("*", name, value or ""):
            yield offset, msg("attribute list: {problem}", problem=problem)


def _lines(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, line, next line) of each line of ``text``."""
    lines = text.split("\n")
    offset = 0
    for index, line in enumerate(lines):
        yield offset, line, lines[index + 1] if index + 1 < len(lines) else ""
        offset += len(line) + 1


def _ends_element(line: str, following: str) -> bool:
    """Whether an attribute list ending ``line`` would belong to the element the line is:
    a heading, a table row's cell, a term of a definition list."""
    return bool(_ATX_HEADING.match(line) or "|" in line or (following and _UNDERLINE_OR_DEFINITION.match(following)))


def _lists_in_line(line: str, written: str, following: str) -> Iterator[list[Attribute]]:
    """The attributes of each attribute list in ``line`` that attr_list could apply: right
    after an element (code, a link, an autolink: as ``written``, before blanking), alone
    on its line (in a quote too), or ending a heading, cell or term."""
    resume = 0  # a list's tokens may hold "{": read each stretch of the line once
    for opening in _OPENING.finditer(line):
        if opening.start() < resume:
            continue
        found, resume = tokens(line, opening.end())
        after = _AFTER_LIST.match(line, resume)
        if line.find("}", resume) < 0 or after is None:
            return
        at_end = after.group(1) is not None
        start = opening.start()
        if ((start and not written[start - 1].isspace()) or (at_end and _QUOTE_MARKS.fullmatch(written, 0, start))
                or (at_end and _ends_element(line, following))):
            yield found


def attribute_list_findings(text: str, source: str) -> Iterator[tuple[int, Message]]:
    """(offset, problem) of every attribute an attribute list sets outside the allowlist.

    ``text`` is the article with code, link targets and HTML blanked (offsets kept);
    ``source`` the article as written, for the lists on fences' opening lines."""
    if "{" not in source:
        return
    text = _TAG.sub(lambda tag: " " * len(tag.group(0)), text)
    written_lines = source.split("\n")
    for index, (offset, line, following) in enumerate(_lines(text)):
        if _FENCE_LINE.match(line) is None:  # "```" fences are blanked in text, "~~~" ones are not
            for found in _lists_in_line(line, written_lines[index], following):
                yield from _attribute_findings([(offset + at, name, value) for at, name, value in found], False)
    for fence in _FENCE.finditer(source):
        line_end = source.find("\n", fence.end())
        yield from _attribute_findings(tokens(source, fence.end(), line_end if line_end >= 0 else None)[0], True)


def heading_id_findings(text: str) -> Iterator[tuple[int, Message]]:
    """(offset, problem) of each heading whose id, made from its text by Markdown's
    ``toc``, would be one of the theme's: a heading "Briefing content" or "\\_\\_drawer".
    ``text`` is blanked as for ``attribute_list_findings``."""
    for offset, line, following in _lines(text):
        atx = _ATX_HEADING.match(line)
        setext = line.strip() and following and re.fullmatch(r" {0,3}(?:=+|-+)[ \t]*", following)
        if not (atx or setext) or re.search(r"\{:?[ ]*#|\bid=", line):
            continue  # not a heading, or its id is written, and checked as an attribute
        words = line[atx.end():] if atx else line
        words = re.sub(r"[ \t]+#+[ \t]*$", "", re.sub(r"[ \t]+\{[^{}]*\}[ \t]*$", "", words))
        if "_" not in words and "briefing" not in words.lower():
            continue  # no id of the theme's can be made from these words
        shown = html.unescape(re.sub(r"<[^>]*>", "", markdown.markdown(words)))
        generated = slugify(shown, "-")
        if reserved_id(generated):
            yield offset + (atx.end() if atx else 0), msg(
                "this heading's id would be '{id}', which the theme's own elements use (ids beginning with "
                "'__' or 'briefing-'): give the heading an id of its own at the end of its line, such as {example}",
                id=generated, example="{#" + (generated.strip("_").removeprefix("briefing-") or "part") + "}")

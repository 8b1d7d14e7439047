"""Markdown that renders in bounded time: what ``check`` refuses so that the build cannot hang.

Python-Markdown is fast on prose but not linear on every input. Fuzzing it with the
site's extensions (``benchmarks/fuzz_markdown.py``) finds four classes of input whose
cost grows faster than their length, each refused here with its line:

- **Dense paragraphs.** Inline syntax is handled per paragraph (the text between blank
  lines), and each mark that opens a construct (``[``, ``!``, ``*``, ``_``, a backtick,
  ``<``, ``&``, ``\\``, ``~``, ``{``) rescans the rest of it; each line is searched again
  by the block processors (lists, rules, headings). A paragraph's cost is therefore
  about (marks + lines) × length: 30,000 unmatched ``[`` cost 275 s. The sum over the
  text is kept under ``MAX_COST``, some 1,000 times what a long article costs.
- **Many headings, many paragraphs.** The table of contents gives each heading a unique
  id by trying ``h``, ``h_1``, ``h_2``… in turn: n headings of one text cost n². The
  block parser takes paragraphs off the front of a list: n paragraphs cost about n^1.5
  (128,000 one-word paragraphs take 8 s).
- **Deep nesting on one line.** ``- - - - …`` nests one list per marker, recursively:
  a few hundred exhaust Python's stack.
- **Deep nesting of HTML across lines.** Inside an element written ``markdown="1"``
  (``md_in_html``), each nested block element is parsed by a recursive call: a thousand
  ``<div>`` opened on a thousand lines exhaust the stack. Block elements open at once are
  counted over the whole text (outside code), with the same limit as on one line.
- **Long runs of backticks.** A code span's pattern tries every split of a run of n
  backticks: n³ (1,000 backticks take 4 s).
- **Unclosed HTML tags.** The HTML tokenizer (MkDocs's and Python-Markdown's) reads the
  whole text, and from each ``<a``, ``</``, ``<!`` or ``<?`` that no ``>`` closes it reads
  on to the end: unclosed tags × length (4,000 ``<a x`` take 7 s). Kept under ``MAX_COST``.

The limits are far beyond what an article needs; the build still renders each page
under a time limit (``page_time_limit``), should another class exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markdown.util import BLOCK_LEVEL_ELEMENTS

from ..content.loader import ArticleBundle
from ..diagnostics import Report, offset_position
from ..messages import Message, msg
from ..text.markup import CODE, paragraphs

OPENING_MARKS = "[!*_`<&\\~{"
MAX_COST = 5_000_000
"""Sum over the paragraphs of (opening marks + lines) × characters; the sample's texts cost under 5,000."""
MAX_HEADINGS = 200
MAX_PARAGRAPHS = 3_000
"""A book of 300 pages has about as many."""
MAX_NESTING = 16
MAX_BACKTICKS = 32
"""Longest run of backticks: a code span needs one to three; a fence in a code block, a few more."""
_BACKTICK_RUN = re.compile(f"`{{{MAX_BACKTICKS + 1},}}")
_HEADING = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|[=-]+[ \t]*$)", re.MULTILINE)
_NESTED_MARKERS = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)|>[ \t]*)+", re.MULTILINE)
"""List markers (each followed by a space) and quote markers (``>>`` nests two) opening a line."""
_MARKER = re.compile(r"[-*+>]|\d{1,9}[.)]")
_UNCLOSED_TAG = re.compile(r"<[a-zA-Z/!?][^<>]*+(?=<|\Z)")
"""A tag the HTML tokenizer starts (``<`` and an ASCII letter, ``/``, ``!`` or ``?``, as
``html.parser`` reads them) and no ``>`` closes before the next ``<`` or the end."""
_HTML_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*?)?(/?)>")
_BLOCK_ELEMENTS = frozenset(BLOCK_LEVEL_ELEMENTS) - {"hr"}
"""The elements Python-Markdown reads as blocks (nested inside one another), but the void ``hr``."""
_OPTIONAL_END = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option", "rt", "rp"})
"""Elements whose end tag HTML lets one omit: the next of the same name closes them."""


@dataclass(frozen=True)
class Unbounded:
    """Why a text would not render in bounded time, and where (an offset in the text)."""

    offset: int
    message: Message


def unbounded(markdown: str) -> Unbounded | None:
    """The first reason ``markdown`` could not be rendered in bounded time, if any."""
    return (_nesting(markdown) or _backticks(markdown) or _headings(markdown) or _paragraph_count(markdown)
            or _unclosed_tags(markdown) or _density(markdown) or _html_nesting(markdown))


def _nesting(markdown: str) -> Unbounded | None:
    for found in _NESTED_MARKERS.finditer(markdown):
        depth = len(_MARKER.findall(found.group(0)))
        if depth > MAX_NESTING:
            return Unbounded(found.start(), msg("{depth} lists or quotes nested on one line (at most {limit}): "
                                                "Markdown would nest them one inside another", depth=depth,
                                                limit=MAX_NESTING))
    return None


def _html_nesting(markdown: str) -> Unbounded | None:
    """HTML block elements open at once, outside code, over more than ``MAX_NESTING``: an
    end tag closes the innermost element of its name (and those opened inside it); ``<x/>``
    opens none; an element whose end tag HTML lets one omit (``<p>``, ``<li>``) is closed
    by the next of its name. Inline elements (``<b>``, ``<span>``) stay inside their
    paragraph's text, whose length the density bound keeps. Last of the checks: the density bound keeps the
    code spans and tags to scan in proportion."""
    if "<" not in markdown:
        return None
    open_tags: list[str] = []
    for found in _HTML_TAG.finditer(CODE.sub(lambda code: " " * len(code.group(0)), markdown)):
        closing, name, self_closing = found.group(1), found.group(2).lower(), found.group(3)
        if closing:
            if name in open_tags:
                del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name):]
        elif not self_closing and name in _BLOCK_ELEMENTS:
            if open_tags and open_tags[-1] == name and name in _OPTIONAL_END:
                continue
            open_tags.append(name)
            if len(open_tags) > MAX_NESTING:
                return Unbounded(found.start(), msg("HTML elements nested more than {limit} deep: Markdown would "
                                                    "read them one inside another; close them, or nest fewer",
                                                    limit=MAX_NESTING))
    return None


def _backticks(markdown: str) -> Unbounded | None:
    found = _BACKTICK_RUN.search(markdown) if "`" * (MAX_BACKTICKS + 1) in markdown else None
    if found is None:
        return None
    return Unbounded(found.start(), msg("a run of {count:,} backticks (at most {limit})", count=len(found.group(0)),
                                        limit=MAX_BACKTICKS))


def _headings(markdown: str) -> Unbounded | None:
    for count, found in enumerate(_HEADING.finditer(markdown), start=1):
        if count > MAX_HEADINGS:
            return Unbounded(found.start(), msg("more than {limit} headings in one text: split the article",
                                                limit=MAX_HEADINGS))
    return None


def _paragraph_count(markdown: str) -> Unbounded | None:
    count = 0
    for start, paragraph in paragraphs(markdown):
        if not paragraph.strip():
            continue  # blank lines before the first paragraph or after the last
        count += 1
        if count > MAX_PARAGRAPHS:
            return Unbounded(start, msg("more than {limit:,} paragraphs in one text: split the article",
                                        limit=MAX_PARAGRAPHS))
    return None


def _unclosed_tags(markdown: str) -> Unbounded | None:
    unclosed = [found.start() for found in _UNCLOSED_TAG.finditer(markdown)]
    if len(unclosed) * len(markdown) <= MAX_COST:
        return None
    return Unbounded(unclosed[0], msg("{count:,} HTML tags that no '>' closes, the first here: reading the text once "
                                      "for each would not end in bounded time; close them, or write '<' as '&lt;'",
                                      count=len(unclosed)))


def _cost(paragraph: str) -> int:
    return (_marks(paragraph) + _lines(paragraph)) * len(paragraph)


def _marks(paragraph: str) -> int:
    return sum(paragraph.count(mark) for mark in OPENING_MARKS)


def _lines(paragraph: str) -> int:
    return paragraph.count("\n") + 1


def _density(markdown: str) -> Unbounded | None:
    if len(markdown) * (len(markdown) + 1) <= MAX_COST:
        return None  # (marks + lines) ≤ length + 1: too short to reach the limit
    costs = [(_cost(paragraph), start, paragraph) for start, paragraph in paragraphs(markdown)]
    if sum(cost for cost, _, _ in costs) <= MAX_COST:
        return None
    _, start, paragraph = max(costs)
    lines = _lines(paragraph)
    on_lines = msg("on 1 line") if lines == 1 else msg("on {lines:,} lines", lines=lines)
    return Unbounded(start, msg("too much Markdown syntax to render in bounded time: the densest paragraph, which "
                                "starts here, has {characters:,} characters {on_lines} with {count:,} of {marks}; is "
                                "it pasted data? Separate its paragraphs with blank lines or remove the marks",
                                characters=len(paragraph), on_lines=on_lines, count=_marks(paragraph),
                                marks=" ".join(OPENING_MARKS)))


def check_bundle_bounds(bundle: ArticleBundle, report: Report) -> ArticleBundle:
    """``bundle`` with each text that would not render in bounded time reported and its
    body left out, so that no later check spends that time on it either."""
    texts = dict(bundle.texts)
    for lang, text in bundle.texts.items():
        found = unbounded(text.body)
        if found is not None:
            file = text.front_matter.origin.file
            report.error(offset_position(file, text.body_line, text.body, found.offset), found.message,
                         "unbounded-markdown")
            texts[lang] = replace(text, body="")
    return replace(bundle, texts=texts)

"""What an article's Markdown may contain besides text: safe links and a little plain HTML.

The check reads the Markdown source and reports, with its line, every link whose
scheme could run code (``javascript:``, ``data:``, ``vbscript:``...), and every raw
HTML tag or attribute outside the allowlist of ``text.htmlpolicy`` (``<script>``,
``<iframe>``, ``on*=`` handlers, ``style``, a class, id or value it does not admit),
in raw HTML and in attribute lists (``checks.attrlists``): errors under the default policy
``reject``, warnings under ``strip``. Whatever the policy, the rendered article then
passes through the sanitizer of the same allowlist, so nothing the check could miss
reaches a page.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import markdown.htmlparser

from ..content.loader import ArticleBundle
from ..diagnostics import Report, offset_position
from ..messages import Message, msg
from ..model.kinds import LINK_SCHEMES
from ..text.htmlpolicy import ALLOWED_TAGS, MARKDOWN_ONLY_ATTRIBUTES, SAFE_SCHEMES, URL_ATTRIBUTES, allowed_names
from ..text.markup import CODE
from .attrlists import attribute_list_findings, attribute_problem, heading_id_findings

_LINK_TARGETS = re.compile(
    r"\]\(\s*<?(?P<inline>[^)\s>]*)"  # [text](target)
    r"|^ {0,3}\[[^\]\n]+\]:[ \t]*<?(?P<reference>[^\s>]+)"  # [label]: target
    r"|<(?P<auto>[a-zA-Z][a-zA-Z0-9+.\-]*:[^<>\s]*)>",  # <scheme:target>
    re.MULTILINE)
_EMAIL_AUTOLINK = re.compile(r"<[^<>\s@]+@[^<>\s@]+>")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")


def unsafe_scheme(url: str) -> str | None:
    """The scheme of ``url`` if it is not a web, mail or entity link, else None.

    Reads the URL as a browser does: entities decoded, spaces and controls dropped,
    case ignored, so ``JaVa&#115;cript:`` and ``java\\tscript:`` are caught too.
    """
    cleaned = _IGNORED_IN_URLS.sub("", html.unescape(url)).lower()
    found = _SCHEME.match(cleaned)
    if found is None or found.group(1) in SAFE_SCHEMES | LINK_SCHEMES:
        return None
    return found.group(1)


@dataclass(frozen=True)
class Finding:
    offset: int
    message: Message
    code: str = "raw-html"
    """``raw-html``: outside the allowlist, an error under ``raw_html: reject`` and removed
    under ``strip``. The other codes are errors under either policy: ``unsafe-link``, a link
    that could run code (stripping it would leave a link that goes nowhere), and
    ``unreadable-html``, raw HTML the renderer cannot read (the build would fail)."""

    @property
    def fatal(self) -> bool:
        return self.code != "raw-html"


def _line_starts(text: str) -> list[int]:
    """The offset of each line of ``text``: the tokenizer tells (line, column)."""
    return [0, *(found.end() for found in re.finditer("\n", text))]


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


_RENDERERS_TOKENIZER: Any = markdown.htmlparser.htmlparser  # type: ignore[attr-defined]
"""Python-Markdown's own copy of ``html.parser``, patched for Markdown."""


class _RawHtml(_RENDERERS_TOKENIZER.HTMLParser):  # type: ignore[misc]
    """Lists the tags and attributes of raw HTML that the allowlist does not admit.

    Built on the HTML tokenizer that renders the page (Python-Markdown's copy of
    ``html.parser``, which MkDocs uses too); ``checks.bounds`` has already refused the
    texts on which its cost would not be bounded."""

    def __init__(self, line_offsets: list[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offsets = line_offsets
        self.findings: list[Finding] = []

    def _add(self, message: Message) -> None:
        line, column = self.getpos()
        self.findings.append(Finding(self.line_offsets[line - 1] + column, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self._add(msg("raw HTML <{tag}> is not allowed", tag=tag))
            return
        allowed = allowed_names(tag) | MARKDOWN_ONLY_ATTRIBUTES
        for name, value in attrs:
            if name.startswith("on"):
                self._add(msg("event handler attribute '{name}' on <{tag}> is not allowed", name=name, tag=tag))
            elif name not in allowed:
                self._add(msg("attribute '{name}' on <{tag}> is not allowed", name=name, tag=tag))
            elif name in URL_ATTRIBUTES and (scheme := unsafe_scheme(value or "")):
                self._add(msg("'{scheme}:' URL in <{tag} {name}> is not allowed", scheme=scheme, tag=tag, name=name))
            elif name not in MARKDOWN_ONLY_ATTRIBUTES and (problem := attribute_problem(tag, name, value or "")):
                self._add(msg("<{tag}>: {problem}", tag=tag, problem=problem))

    handle_startendtag = handle_starttag

    def handle_pi(self, data: str) -> None:
        self._add(msg("raw HTML processing instruction '<?…>' is not allowed"))

    def handle_decl(self, decl: str) -> None:
        self._add(msg("raw HTML declaration '<!…>' is not allowed"))

    def unknown_decl(self, data: str) -> None:
        self._add(msg("raw HTML section '<![…]>' is not allowed"))


def find_unsafe(markdown: str) -> Iterator[Finding]:
    """Unsafe links, raw HTML and attribute lists in ``markdown``, by offset (code is skipped)."""
    if not any(mark in markdown for mark in "]<{_") and "briefing" not in markdown.lower():
        return  # none of them can be written without one of these (nor a theme's id): most articles
    text = CODE.sub(_blank, markdown) if "`" in markdown else markdown
    for match in _LINK_TARGETS.finditer(text):
        kind = match.lastgroup or "inline"  # one of the three groups matched
        if scheme := unsafe_scheme(match.group(kind)):
            yield Finding(match.start(kind), msg("'{scheme}:' link is not allowed: links must be http, https, "
                                                 "mailto or to an actor, location, source or tag", scheme=scheme),
                          "unsafe-link")
    text = _EMAIL_AUTOLINK.sub(_blank, _LINK_TARGETS.sub(_blank, text))
    for offset, problem in (*attribute_list_findings(text, markdown), *heading_id_findings(text)):
        yield Finding(offset, problem)
    if "<" in text:  # raw HTML (most articles have none, and the HTML parser is the costly part)
        parser = _RawHtml(_line_starts(text))
        with contextlib.suppress(Exception):  # where the tokenizer fails, unreadable_html says so
            parser.feed(text)
            parser.close()
        yield from parser.findings
    # Even inside a link's target ("[x]: <![-->"): the renderer reads the whole text.
    unreadable = unreadable_html(markdown)
    if unreadable is not None:
        yield Finding(unreadable, msg("raw HTML that the site's renderer cannot read (the build would stop "
                                      "here): write '<' as '&lt;'"), "unreadable-html")


class _Tokenizer(_RENDERERS_TOKENIZER.HTMLParser):  # type: ignore[misc]
    """The renderer's tokenizer, noting where the last "<!" construct it read starts: the
    only kind it fails on ("<![" sections), at a point past their "<"."""

    declaration = (1, 0)

    def parse_html_declaration(self, i: int) -> int:
        self.declaration = self.getpos()
        read: int = super().parse_html_declaration(i)
        return read


def unreadable_html(markdown: str) -> int | None:
    """Where the renderer's HTML tokenizer fails on ``markdown``, if it does.

    MkDocs reads every page's raw HTML with Python-Markdown's copy of ``html.parser``
    before rendering it, and that copy raises on some broken markup ("<![)": see
    mkdocs/mkdocs#4001); the build would stop there. The text is given to it as MkDocs
    gives it, with blank lines after ("<![if" at the very end is text then)."""
    if "<" not in markdown:
        return None
    text = markdown + "\n\n"
    parser = _Tokenizer()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # html.parser's "expected name token", "unknown status keyword"…
        line, column = parser.declaration
        return _line_starts(text)[line - 1] + column
    return None


def check_markdown(file: str, first_line: int, markdown: str, policy: str, report: Report) -> None:
    """Reports every unsafe construct: an error under ``reject``, a warning under ``strip``."""
    for finding in sorted(find_unsafe(markdown), key=lambda f: f.offset):
        position = offset_position(file, first_line, markdown, finding.offset)
        if finding.fatal:
            report.error(position, finding.message, finding.code)
        elif policy == "strip":
            report.warning(position, msg("{problem}: removed from the page (raw_html: strip in "
                                         "site_config/site.yml)", problem=finding.message), "html-removed")
        else:
            report.error(position, msg("{problem} (raw_html: reject in site_config/site.yml)",
                                       problem=finding.message), finding.code)


def check_bundle_markdown(bundle: ArticleBundle, policy: str, report: Report) -> None:
    for text in bundle.texts.values():
        check_markdown(text.front_matter.origin.file, text.body_line, text.body, policy, report)

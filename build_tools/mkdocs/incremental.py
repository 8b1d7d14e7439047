"""``briefing build``'s incremental rendering, on MkDocs's side: the pages the previous
build made from the same fingerprints (``publish.incremental``) are linked into the new
site and left out of MkDocs's (dirty) build; the others are rendered, and their inline
scripts noted for the next build's security policy; the same for search bundles."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..publish.incremental import IndexedBundle, RenderedPage, Reuse, fingerprint
from ..site.assemble import GeneratedFile
from ..site.pages.model import ArticleView, PageModel
from ..text.matcher import Matcher
from .preview import TrackedFile


class PageRecords:
    """Every page of one MkDocs build: its fingerprint, and whether it was reused."""

    def __init__(self) -> None:
        self.pages: dict[str, RenderedPage] = {}
        """Each page's file (site path) → what it was made from, its inline scripts."""
        self.bundles: list[IndexedBundle] = []
        """The search bundles, once indexed."""

    def mark(self, files: list[TrackedFile], generated: list[GeneratedFile], output: Path, reuse: Reuse,
             matcher: Matcher) -> int:
        """Fingerprints the pages among ``files`` (made from ``generated``, in the same
        order); links into ``output`` those the previous build made from the same, marking
        them unchanged. How many pages are left to render: all of them, none fingerprinted,
        for a build that keeps no cache."""
        pages = [(file, made.made_from) for file, made in zip(files, generated, strict=True)
                 if isinstance(made.made_from, PageModel)]
        if not reuse.context:
            return len(pages)
        to_render = 0
        for file, model in pages:
            digest = fingerprint(reuse.context, model, _names(model, matcher))
            reused = reuse.previous.reuse(file.dest_uri, digest, output) if reuse.previous else None
            file.changed = reused is None
            to_render += file.changed
            self.pages[file.dest_uri] = RenderedPage(file.dest_uri, digest, reused.inline_scripts if reused else ())
        return to_render

    def rendered(self, dest: str, inline_scripts: list[str]) -> None:
        """Notes the inline scripts of a page MkDocs rendered (fingerprinted or not)."""
        page = self.pages.get(dest)
        self.pages[dest] = RenderedPage(dest, page.fingerprint if page else None, tuple(inline_scripts))


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A Markdown backslash escape: the character is written without its backslash."""


def _names(model: PageModel, matcher: Matcher) -> bytes:
    """What linking the names in an article's text depends on besides its model: the names
    found in its Markdown, as its HTML will read (entities and escapes read), whose text
    holds every text node names are linked in."""
    if not isinstance(model.view, ArticleView):
        return b""
    return matcher.digest(_ESCAPED.sub(r"\1", html.unescape(model.markdown)), model.lang)

"""``briefing build``'s incremental rendering, on MkDocs's side: the pages the previous
build made from the same fingerprints (``publish.incremental``) are linked into the new
site and left out of MkDocs's (dirty) build; the others are rendered, and their inline
scripts noted for the next build's security policy."""

from __future__ import annotations

from pathlib import Path

from ..languages import LANGUAGES
from ..publish.incremental import RenderedPage, Reuse, fingerprint
from ..site.assemble import GeneratedFile
from ..site.pages.model import ArticleView, PageModel
from ..text.matcher import Matcher
from .preview import TrackedFile


class PageRecords:
    """Every page of one MkDocs build: its fingerprint, and whether it was reused."""

    def __init__(self) -> None:
        self.pages: dict[str, RenderedPage] = {}
        """Each page's file (site path) → what it was made from, its inline scripts."""

    def mark(self, files: list[TrackedFile], generated: list[GeneratedFile], output: Path, reuse: Reuse,
             matcher: Matcher) -> int:
        """Fingerprints the pages among ``files`` (made from ``generated``, in the same
        order); links into ``output`` those the previous build made from the same, marking
        them unchanged. How many pages are left to render."""
        context, previous = reuse.context, reuse.previous
        to_render = 0
        names = {lang: matcher.digest(lang) for lang in LANGUAGES}
        for file, made in zip(files, generated, strict=True):
            if not isinstance(made.made_from, PageModel):
                continue
            model = made.made_from
            digest = fingerprint(context, model, names[model.lang] if isinstance(model.view, ArticleView) else b"")
            reused = previous.reuse(file.dest_uri, digest, output) if previous else None
            file.changed = reused is None
            to_render += file.changed
            self.pages[file.dest_uri] = RenderedPage(file.dest_uri, digest, reused.inline_scripts if reused else ())
        return to_render

    def rendered(self, dest: str, inline_scripts: list[str]) -> None:
        """Notes the inline scripts of a page MkDocs rendered (fingerprinted or not)."""
        page = self.pages.get(dest)
        self.pages[dest] = RenderedPage(dest, page.fingerprint if page else None, tuple(inline_scripts))

"""The three ways the plugin runs, told apart once: a process of ``briefing build``
(handed an ``Assignment``), a plain ``mkdocs build``, and the preview (``mkdocs serve``).
The plugin's hooks ask the ``Mode`` what to do instead of asking which way they run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..pipeline.cache import ArticleCache
from ..pipeline.load import LoadedBriefing
from ..progress import UNCOUNTED, PageCount
from ..publish.incremental import NO_REUSE, Reuse
from .preview import Problems, load_logged


@dataclass(frozen=True)
class Assignment:
    """What ``briefing build`` hands one MkDocs process: the content it has loaded and
    checked, the languages this process renders, whether it also writes the files
    shared by all languages, and whether drafts are published."""

    loaded: LoadedBriefing
    languages: tuple[str, ...]
    shared: bool
    drafts: bool
    pages: PageCount | None = None
    """Where this process counts the pages it renders, for the build's progress bar."""
    reuse: Reuse = NO_REUSE
    """The previous build of the site, whose pages made from the same are linked, not rendered."""


@dataclass(frozen=True)
class Mode:
    serving: bool = False
    """The preview: content is read again on each rebuild, problems are shown as a page,
    drafts are shown, search is not indexed and pages carry no policy (which would block
    the reloading script MkDocs's server adds to each page)."""
    assignment: Assignment | None = None
    """Set in a process of ``briefing build``, which loaded the content and finishes the site."""

    def load(self, root: Path, cache: ArticleCache | None, problems: Problems) -> LoadedBriefing | None:
        """The checked content: None in the preview while it has errors (shown as a page)."""
        if self.serving:
            return problems.load(root, cache)
        if self.assignment is not None:
            return self.assignment.loaded
        loaded, report = load_logged(root, cache)
        if loaded is None or report.errors:
            raise PluginError("content has errors; run 'briefing check':\n" + report.as_text())
        return loaded

    def languages(self, loaded: LoadedBriefing) -> tuple[str, ...]:
        """The languages this process renders: all, unless ``briefing build`` assigned some."""
        return self.assignment.languages if self.assignment else tuple(loaded.config.languages)

    def drafts(self, configured: bool) -> bool:
        return self.assignment.drafts if self.assignment else configured or self.serving

    @property
    def shared(self) -> bool:
        """Whether this process writes the files of no language (the root page, open data…)."""
        return self.assignment is None or self.assignment.shared

    @property
    def pages(self) -> PageCount:
        """Where pages are counted: nowhere unless ``briefing build`` asks."""
        return self.assignment.pages if self.assignment and self.assignment.pages else UNCOUNTED

    @property
    def reuse(self) -> Reuse:
        return self.assignment.reuse if self.assignment else NO_REUSE

    @property
    def links_previous_pages(self) -> bool:
        """Whether a page made from the same as the previous build's is linked from it
        rather than rendered (``publish.incremental``): in a process of ``briefing build``."""
        return self.assignment is not None

    @property
    def finishes_site(self) -> bool:
        """Whether this process writes the sitemaps and headers (else ``briefing build`` does,
        once every language is rendered)."""
        return self.assignment is None

    def indexes_search(self, configured: bool) -> bool:
        return configured and not self.serving

"""What checking each article folder gave, kept from one load to the next (the rebuilds
of ``mkdocs serve``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..content.sourcefiles import Signature, signature
from ..diagnostics import Diagnostic
from ..model.articles import Article
from .parallel import map_in_processes

ArticleResult = tuple[Article | None, list[Diagnostic]]
"""One article folder checked: the article if valid (and kept), and its problems."""
KeptCheck = tuple[Path, list[Diagnostic]]
"""A folder whose check is kept without its article (read from disk, ``checkcache``), and its problems."""


def _nothing(done: int) -> None:
    """Told of nothing."""


class ArticleCache:
    """A folder is read again only when one of its files changed, and every folder when
    the site's configuration or a registry file did (the ``context``)."""

    def __init__(self) -> None:
        self.context: tuple[Signature, ...] = ()
        self.results: dict[Path, tuple[Signature, ArticleResult]] = {}
        self.registry_problems: list[Diagnostic] | None = None
        """What reading and checking the registries found in ``context``; None if not kept."""
        self.changed = False
        """Whether the last ``check`` changed what is kept (else there is nothing to save)."""

    def unchanged(self, folders: list[Path], context: tuple[Signature, ...]) -> list[Diagnostic] | None:
        """Every kept problem, of the registries and of ``folders``, when none of them and
        nothing they are checked against changed, and the registries' problems are kept:
        ``briefing check`` then has nothing to read again (a folder removed only takes its
        problems out). Else None."""
        if context != self.context or self.registry_problems is None:
            return None
        kept = {}
        for folder in folders:
            if folder not in self.results or self.results[folder][0] != signature(folder):
                return None
            kept[folder] = self.results[folder]
        self.changed = len(kept) != len(self.results)
        self.results = kept
        problems = list(self.registry_problems)
        for _, (_, diagnostics) in kept.values():
            problems.extend(diagnostics)
        return problems

    def keep_registry_problems(self, problems: list[Diagnostic]) -> None:
        """What the registries were found to hold in the context of the last ``check``."""
        self.changed = self.changed or problems != self.registry_problems
        self.registry_problems = problems

    def check(self, folders: list[Path], context: tuple[Signature, ...], check: Callable[[Path], ArticleResult],
              min_share: int, advance: Callable[[int], None] = _nothing,
              revive: Callable[[KeptCheck], ArticleResult] | None = None) -> list[ArticleResult]:
        """The results of ``check`` on each of ``folders``, those of the unchanged ones kept
        (``advance`` is told of each folder's, kept or checked). With ``revive``, an
        unchanged folder whose article is not kept gets it made again by ``revive``,
        without being checked again."""
        new_context = context != self.context
        if new_context:
            self.context, self.results = context, {}
        signatures = {folder: signature(folder) for folder in folders}
        changed = [folder for folder in folders
                   if folder not in self.results or self.results[folder][0] != signatures[folder]]
        for folder, result in zip(changed, map_in_processes(check, changed, min_share, advance), strict=True):
            self.results[folder] = (signatures[folder], result)
        self.changed = new_context or bool(changed) or len(self.results) != len(folders)
        self.results = {folder: self.results[folder] for folder in folders}
        if revive is None:
            advance(len(folders) - len(changed))
        else:
            self._revive(revive, set(changed), min_share, advance)
        return [result for _, result in self.results.values()]

    def _revive(self, revive: Callable[[KeptCheck], ArticleResult], changed: set[Path], min_share: int,
                advance: Callable[[int], None]) -> None:
        """The articles of the unchanged folders kept without one, made again by ``revive``."""
        kept = [(folder, diagnostics) for folder, (_, (article, diagnostics)) in self.results.items()
                if article is None and folder not in changed]
        advance(len(self.results) - len(changed) - len(kept))
        for (folder, _), result in zip(kept, map_in_processes(revive, kept, min_share, advance), strict=True):
            self.results[folder] = (self.results[folder][0], result)

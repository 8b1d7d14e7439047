"""What a long command is doing, shown to the person at the terminal.

``briefing check`` and ``briefing build`` go through stages (reading the registries,
checking the articles, rendering the pages…); on a terminal each stage is a line with a
bar over its articles or pages, and once done the time it took, so that a build of a
large archive is never silent for minutes. Nothing is shown when the output is not a
terminal (a pipe, a file, a CI log) or with ``--quiet``.

Rendering happens in forked processes, one per language: they count their pages in a
``PageCount`` shared with the parent, which draws the bar. The display is redrawn when a
stage moves, never by a thread of its own: the articles are checked in forked processes
only while the process runs no other thread (``pipeline.parallel``), since a fork copies
no thread and keeps any lock one holds.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
)
from rich.text import Text

from .messages import Message


def shown_on(stream: TextIO, quiet: bool) -> bool:
    """Whether progress goes to ``stream``: a terminal, not under CI (``CI`` set, as every
    CI service does), and not ``--quiet``."""
    return not quiet and stream.isatty() and not os.environ.get("CI")


class Stage:
    """One stage of a command: counted (``advance``) when it goes over articles or pages."""

    def __init__(self, progress: Progress | None, task: TaskID | None) -> None:
        self._progress, self._task = progress, task

    def count(self, total: int) -> None:
        """The stage goes over ``total`` items."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, total=total, counted=True, refresh=True)

    def advance(self, done: int = 1) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, advance=done, refresh=True)

    def reach(self, done: int) -> None:
        """``done`` items of the stage are done."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=done, refresh=True)

    def tick(self) -> None:
        """Redraws the stage's line (its time) while it waits."""
        if self._progress is not None:
            self._progress.refresh()


SILENT_STAGE = Stage(None, None)


class _Count(ProgressColumn):
    """``done/total`` for a counted stage, nothing for the others."""

    def render(self, task: Task) -> Text:
        if not task.fields.get("counted"):
            return Text("")
        return Text(f"{int(task.completed):,}/{int(task.total or 0):,}", style="progress.download")


class _Seconds(ProgressColumn):
    """The time a stage has taken, in seconds: most take less than one."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        return Text(f"{elapsed or 0:.1f} s", style="progress.elapsed")


class Stages:
    """The stages of one command, shown on ``stream`` when ``shown`` (see ``shown_on``),
    their names said in ``lang``."""

    def __init__(self, shown: bool = False, lang: str = "en", stream: TextIO = sys.stderr) -> None:
        self.lang = lang
        self._progress = Progress(
            SpinnerColumn(finished_text="✓"), TextColumn("{task.description}"), BarColumn(), _Count(), _Seconds(),
            console=Console(file=stream), transient=False, redirect_stdout=False, auto_refresh=False,
        ) if shown else None

    def __enter__(self) -> Stages:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    @contextmanager
    def stage(self, name: Message, total: int | None = None) -> Iterator[Stage]:
        """A stage, its line shown while it runs and left with the time it took."""
        if self._progress is None:
            yield SILENT_STAGE
            return
        task = self._progress.add_task(name.said_in(self.lang), total=total, counted=total is not None)
        self._progress.refresh()
        try:
            yield Stage(self._progress, task)
        finally:
            finished = self._progress.tasks[task]
            self._progress.update(task, total=finished.total or 1, completed=finished.total or 1)
            self._progress.stop_task(task)
            self._progress.refresh()


SILENT = Stages()
"""Stages shown nowhere: what the pipeline uses unless a command shows its progress."""


class PageCount:
    """Pages rendered by the forked processes of ``briefing build``, read by the parent."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._lock = context.Lock()
        self._expected = context.RawValue("q", 0)
        self._reporting = context.RawValue("q", 0)
        self._done = context.RawValue("q", 0)

    def expect(self, pages: int) -> None:
        """One process will render ``pages`` pages."""
        with self._lock:
            self._expected.value += pages
            self._reporting.value += 1

    def rendered(self) -> None:
        with self._lock:
            self._done.value += 1

    @property
    def expected(self) -> int:
        return int(self._expected.value)

    @property
    def reporting(self) -> int:
        """How many processes have said how many pages they render."""
        return int(self._reporting.value)

    @property
    def done(self) -> int:
        return int(self._done.value)


class _Uncounted(PageCount):
    """Pages nobody counts: rendered by ``mkdocs build`` or ``mkdocs serve``."""

    def __init__(self) -> None:
        pass

    def expect(self, pages: int) -> None:
        pass

    def rendered(self) -> None:
        pass


UNCOUNTED: PageCount = _Uncounted()

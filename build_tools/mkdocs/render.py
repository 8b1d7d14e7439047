"""``briefing build``'s rendering: MkDocs once per language, in parallel processes.

MkDocs renders pages one after another in one process; the languages of the site share
nothing but the theme's files, so each is rendered, and indexed for search, by a
process of its own, forked once the content is loaded and checked (the children share
it; nothing is read twice). Each writes into a folder of its own; the folders are then
merged and the site finished (sitemap, headers). Children inherit the SIGTERM handler
of ``briefing build`` and die with it, so stopping the build stops them.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import shutil
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from ..i18n.formats import load_collation
from ..messages import msg
from ..model.published import Published
from ..pipeline.load import LoadedBriefing
from ..progress import SILENT, PageCount, Stages
from ..publish.finishing import finish_site
from ..publish.incremental import NO_REUSE, Reuse
from ..publish.media import media_files
from ..publish.output import describe_os_error
from .modes import Assignment
from .plugin import BriefingPlugin, Rendered

_FORK = multiprocessing.get_context("fork")
POLL_SECONDS = 0.1
"""How often the page count is read, and the time shown redrawn, while the pages are rendered."""
_PR_SET_PDEATHSIG = 1


class RenderError(Exception):
    pass


def render_site(root: Path, site_dir: Path, loaded: LoadedBriefing, drafts: bool, stages: Stages = SILENT,
                reuse: Reuse = NO_REUSE) -> Rendered:
    """The whole site in ``site_dir`` (which must be empty); what each page and search bundle was made from.
    With a previous build (``reuse``), its pages made from the same are linked, not rendered."""
    with stages.stage(msg("Photos and documents")):
        # made here, on every core, before the renderers fork
        media_files(Published(loaded.briefing, drafts).articles, root)
    load_collation()
    workers: list[_Worker] = []
    count = PageCount()
    try:
        for index, lang in enumerate(loaded.config.languages):
            # A signal that lands inside fork() is swallowed by fork hooks (logging's), and
            # one between fork() and this list would leave a child unstopped: SIGTERM waits
            # until the child is started and listed.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
            try:
                assignment = Assignment(loaded, (lang,), shared=index == 0, drafts=drafts, pages=count,
                                        reuse=reuse)
                workers.append(_start(root, site_dir, assignment))
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        rendered = _results(workers, count, stages)
    except EOFError:
        raise RenderError("a rendering process was stopped") from None
    finally:  # on any failure or interruption, no process goes on writing
        for worker in workers:
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join()
    with stages.stage(msg("Finishing the site: sitemap, headers, security policy")):
        for worker in workers:
            _merge(worker.output, site_dir)
        finish_site(site_dir, loaded.config, loaded.briefing, rendered.pages, rendered.inline_scripts)
    return rendered


def _results(workers: list[_Worker], count: PageCount, stages: Stages) -> Rendered:
    """What every worker rendered, in the workers' order (the sitemap's), once all are done;
    their pages counted as they go."""
    answers: dict[Connection, Rendered] = {}
    waiting = {worker.receiver: worker for worker in workers}
    with stages.stage(msg("Rendering the pages"), 0) as pages:
        while waiting and (count.reporting < len(workers) or count.done < count.expected):
            _collect(waiting, answers, POLL_SECONDS)
            pages.count(count.expected)
            pages.reach(count.done)
    with stages.stage(msg("Indexing the search")) as search:
        while waiting:
            _collect(waiting, answers, POLL_SECONDS)
            search.tick()
    done = [answers[worker.receiver] for worker in workers]
    return Rendered(set().union(*(answer.inline_scripts for answer in done)),
                    [page for answer in done for page in answer.pages],
                    [page for answer in done for page in answer.made],
                    [bundle for answer in done for bundle in answer.bundles])


def _collect(waiting: dict[Connection, _Worker], answers: dict[Connection, Rendered], timeout: float) -> None:
    """Takes out of ``waiting`` the workers that answer within ``timeout``, their answers
    into ``answers``; raises the first failure."""
    for receiver in wait(list(waiting), timeout):
        assert isinstance(receiver, Connection)
        worker = waiting.pop(receiver)
        result: Rendered | str = receiver.recv()
        worker.process.join()
        if isinstance(result, str):
            raise RenderError(result)
        answers[receiver] = result


@dataclass(frozen=True)
class _Worker:
    """A process rendering one language into ``output``; it sends its result on ``receiver``."""

    process: BaseProcess
    receiver: Connection
    output: Path


def _start(root: Path, site_dir: Path, assignment: Assignment) -> _Worker:
    receiver, sender = _FORK.Pipe(duplex=False)
    output = site_dir / f".rendering-{assignment.languages[0]}"
    process = _FORK.Process(target=_render, args=(root, output, assignment, sender))
    process.start()
    sender.close()
    return _Worker(process, receiver, output)


def _render(root: Path, output: Path, assignment: Assignment, sender: Connection) -> None:
    """In a child: renders one language; sends what it rendered, or what went wrong."""
    _stop_with_parent()
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    plugin: BriefingPlugin | None = None
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(output))
        loaded_plugin = config.plugins["briefing"]
        assert isinstance(loaded_plugin, BriefingPlugin)
        plugin = loaded_plugin
        plugin.assign(assignment)
        build(config, dirty=True)  # the folder is new: only pages reused from the previous build are in it
        sender.send(plugin.rendered())
    except Exception as exc:  # reported by the parent, which exits cleanly
        if plugin is not None and plugin.failure and isinstance(exc, Abort):
            sender.send(plugin.failure)  # MkDocs turned the plugin's error into "Aborted"
        else:
            sender.send(_described(exc, plugin.time_limit.page if plugin else None))


def _stop_with_parent() -> None:
    """Linux: SIGTERM this process when ``briefing build`` dies, even by SIGKILL, so that no
    orphan goes on writing into a folder the next build will remove."""
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the parent's own cleanup still applies
        return
    if os.getppid() != parent:  # died before prctl took effect
        os.kill(os.getpid(), signal.SIGTERM)


def _described(error: Exception, page: str | None) -> str:
    """The error for the editor: where (the template's line, or the page) and what."""
    if isinstance(error, TemplateSyntaxError):
        return f"{error.filename}:{error.lineno}: template error: {error.message}"
    if isinstance(error, TemplateError):
        return f"template error: {error.message}"
    if isinstance(error, OSError):
        return describe_os_error(error)
    what = str(error) or type(error).__name__
    return what if page is None or what.startswith(page) else f"{page}: {what}"


def _merge(source: Path, target: Path) -> None:
    """Moves what ``source`` holds into ``target``; a file both have is kept once."""
    for entry in sorted(source.iterdir()):
        destination = target / entry.name
        if not destination.exists():
            entry.rename(destination)
        elif entry.is_dir() and destination.is_dir():
            _merge(entry, destination)
    shutil.rmtree(source)

"""``briefing build``'s rendering: MkDocs once per language, in parallel processes.

MkDocs renders pages one after another in one process; the two languages of the site
share nothing but the theme's files, so each is rendered by its own process, forked
once the content is loaded and the page models are made (the children share them, and
nothing is read twice). Each process writes into a folder of its own; the folders are
merged and the site finished (sitemap, search, headers) once all are done. Forked
children inherit the SIGTERM handler of ``briefing build``: stopping it stops them.
"""

from __future__ import annotations

import multiprocessing
import shutil
from multiprocessing.connection import Connection
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .finishing import finish_site
from .pages import build_pages
from .pipeline import LoadedBriefing
from .plugin import Assignment


class RenderError(Exception):
    pass


def render_site(root: Path, site_dir: Path, loaded: LoadedBriefing, drafts: bool) -> None:
    """The whole site in ``site_dir`` (which must be empty)."""
    models = build_pages(loaded.briefing, loaded.config, drafts)
    context = multiprocessing.get_context("fork")
    workers = []
    for index, lang in enumerate(loaded.config.languages):
        assignment = Assignment(loaded, models, (lang,), shared=index == 0)
        receiver, sender = context.Pipe(duplex=False)
        output = site_dir / f".rendering-{lang}"
        process = context.Process(target=_render, args=(root, output, assignment, drafts, sender))
        process.start()
        sender.close()
        workers.append((process, receiver, output))
    scripts: set[str] = set()
    try:
        for process, receiver, _ in workers:
            result = receiver.recv() if receiver.poll(None) else "the process ended without a word"
            process.join()
            if isinstance(result, str):
                raise RenderError(result)
            scripts |= result
    except EOFError:
        raise RenderError("a rendering process was stopped") from None
    finally:
        for process, _, _ in workers:
            if process.is_alive():
                process.terminate()
                process.join()
    for _, _, output in workers:
        _merge(output, site_dir)
    finish_site(site_dir, loaded, models, scripts)


def _render(root: Path, output: Path, assignment: Assignment, drafts: bool, sender: Connection) -> None:
    """In a child: renders one language; sends its inline scripts, or what went wrong."""
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(output))
        plugin = config.plugins["briefing"]
        plugin.config.drafts = drafts
        plugin.assignment = assignment
        build(config)
        sender.send(plugin.inline_scripts)
    except Exception as exc:  # reported by the parent, which exits cleanly
        sender.send(_described(exc))


def _described(error: Exception) -> str:
    if isinstance(error, TemplateSyntaxError):
        return f"{error.filename}:{error.lineno}: template error: {error.message}"
    if isinstance(error, TemplateError):
        return f"template error: {error.message}"
    return str(error) or type(error).__name__


def _merge(source: Path, target: Path) -> None:
    """Moves what ``source`` holds into ``target``; a file both have is kept once."""
    for entry in sorted(source.iterdir()):
        destination = target / entry.name
        if not destination.exists():
            entry.rename(destination)
        elif entry.is_dir() and destination.is_dir():
            _merge(entry, destination)
    shutil.rmtree(source)

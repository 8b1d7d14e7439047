"""``mkdocs serve --dirty``: rendering again only the files whose model or content changed,
and showing the content's problems while it has errors.

MkDocs's dirty build renders a file when ``File.is_modified()`` says so; a generated
file has no source to compare dates with, so each one is told whether what it was made
from differs from the previous build's. Every file counts as changed when a template
(``overrides/``) or ``site_config/`` changed, since any page may show either.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..content.sourcefiles import Signature, signature
from ..diagnostics import Report
from ..languages import LANGUAGES, other_language
from ..pipeline.cache import ArticleCache
from ..pipeline.load import LoadedBriefing, load_checked
from ..site import urls
from ..site.assemble import GeneratedFile
from ..site.problems import problems_page
from ..writing import write_whole

log = get_plugin_logger(__name__)


class TrackedFile(File):
    """A generated file that knows whether it differs from the previous build's."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def tracked(config: MkDocsConfig, path: str, content: str | bytes) -> TrackedFile:
    """A generated file at site path ``path`` holding ``content``."""
    file = TrackedFile.generated(config, path, content=content)
    assert isinstance(file, TrackedFile)
    return file


class Changes:
    """What the previous build made each file from, kept between rebuilds."""

    def __init__(self) -> None:
        self.templates: tuple[Signature, ...] = ()
        self.made_from: dict[str, object] = {}

    def mark(self, files: list[TrackedFile], generated: list[GeneratedFile], config: MkDocsConfig,
             config_dir: Path) -> None:
        """Sets ``changed`` on each of ``files``, made from ``generated`` (in the same order)."""
        custom_dir = config.theme.custom_dir
        templates = (signature(Path(custom_dir)) if custom_dir else "", signature(config_dir))
        previous_templates, previous = self.templates, self.made_from
        self.templates, self.made_from = templates, {made.path: made.made_from for made in generated}
        if templates != previous_templates:
            return
        site_dir = Path(config.site_dir)
        for file, made in zip(files, generated, strict=True):
            file.changed = (made.path not in previous or previous[made.path] != made.made_from
                            or not (site_dir / file.dest_uri).exists())  # a folder emptied since


def theme_files(files: Files, config: MkDocsConfig) -> list[File]:
    """The theme's files of ``files``: every page comes from the model, and nothing else
    in content/ (a stray file, a link to one outside) is ever published."""
    return [f for f in files if f.abs_src_path and f.src_dir != config.docs_dir]


def exact_dirty_builds(record: logging.LogRecord) -> bool:
    """A filter of MkDocs's log that leaves out its warning that a dirty build may leave
    navigation and links inaccurate: under ``serve`` every generated file knows whether it
    changed, and any other build writes them all."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def load_logged(root: Path, cache: ArticleCache | None) -> tuple[LoadedBriefing | None, Report]:
    """The checked project (None when site_config is unusable) and its problems, the
    warnings logged as MkDocs logs its own."""
    loaded, report = load_checked(root, cache=cache)
    for warning in report.warnings:
        log.warning(str(warning))
    return loaded, report


class Problems:
    """What the preview shows while content has errors: a page listing them at every
    address, instead of MkDocs's aborted build, on which every request hangs."""

    def __init__(self) -> None:
        self.report: Report | None = None
        """The problems of the last load, when it had errors."""

    def load(self, root: Path, cache: ArticleCache | None) -> LoadedBriefing | None:
        """The checked project, or None with its problems kept in ``report``. A draft left
        unfinished (its only errors are ``Article.gaps``) is shown with them, not as errors."""
        loaded, report = load_logged(root, cache)
        gaps = sum(len(article.gaps) for article in loaded.briefing.articles.values()) if loaded else 0
        self.report = None
        if loaded is None or len(report.errors) > gaps:
            log.error("content has errors; the preview shows them:\n" + report.as_text())
            self.report = report
            return None
        return loaded

    @staticmethod
    def files(files: Files, config: MkDocsConfig) -> Files:
        """Only the theme's files; the folder is emptied, so that no page of the previous
        build answers (every address gets the 404 page, which lists the problems too)."""
        site_dir = Path(config.site_dir)
        for entry in site_dir.iterdir() if site_dir.is_dir() else ():
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        return Files(theme_files(files, config))

    def write(self, site_dir: Path, root: Path, default: str) -> None:
        """The problems page at each language's home, and at the root and as the 404 page
        in ``default`` (the theme's language)."""
        assert self.report is not None
        default = default if default in LANGUAGES else "en"
        page = problems_page(self.report, root, default, "/" + urls.home(other_language(default)))
        pages = {"index.html": page, "404.html": page}
        for lang in LANGUAGES:
            counterpart = "../" + urls.home(other_language(lang))
            pages[urls.home(lang) + "index.html"] = problems_page(self.report, root, lang, counterpart)
        for path, html in pages.items():
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            write_whole(site_dir / path, html.encode())

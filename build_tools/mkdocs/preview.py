"""``mkdocs serve --dirty``: rendering again only the files whose model or content changed.

MkDocs's dirty build renders a file when ``File.is_modified()`` says so; a generated
file has no source to compare dates with, so each one is told whether what it was made
from differs from the previous build's. Every file counts as changed when a template
(``overrides/``) or ``site_config/`` changed, since any page may show either.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..content.sourcefiles import Signature, signature
from ..site.assemble import GeneratedFile


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
        self.templates: Signature = ()
        self.made_from: dict[str, object] = {}

    def mark(self, files: list[TrackedFile], generated: list[GeneratedFile], config: MkDocsConfig,
             config_dir: Path) -> None:
        """Sets ``changed`` on each of ``files``, made from ``generated`` (in the same order)."""
        custom_dir = config.theme.custom_dir
        templates = (signature(Path(custom_dir)) if custom_dir else (), signature(config_dir))
        previous_templates, previous = self.templates, self.made_from
        self.templates, self.made_from = templates, {made.path: made.made_from for made in generated}
        if templates != previous_templates:
            return
        for file, made in zip(files, generated, strict=True):
            file.changed = made.path not in previous or previous[made.path] != made.made_from

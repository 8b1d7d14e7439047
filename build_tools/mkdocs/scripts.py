"""The scripts the theme's templates write, read from their sources before any page is rendered.

Each inline ``<script>`` of a template (ours in ``overrides/``, Material's) is compiled
once; the text it renders to depends only on the site's settings and on the page's
``base_url`` (Material's first script names it), so it is rendered with those alone, once
per base URL. Content never takes part: what a page holds beyond these fails the build.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from jinja2 import Environment, Template, TemplateSyntaxError, UndefinedError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from ..site.headers import inline_scripts
from ..site.scripts import AllowedScripts, foreign_scripts

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


class TemplateScripts:
    """The inline scripts of the templates, by base URL, and the script files of the theme."""

    def __init__(self) -> None:
        self.config: MkDocsConfig | None = None
        self.templates: list[Template] = []
        self.files: frozenset[str] = frozenset()
        self.by_base: dict[str, AllowedScripts] = {}
        self.base_url = ""
        """The way to the site's root from the page being rendered, which Material's first script names."""

    def read(self, env: Environment, config: MkDocsConfig) -> Environment:
        """Compiles every inline script of the templates ``env`` can load."""
        self.config = config
        self.by_base.clear()
        self.templates = []
        assert env.loader is not None
        for name in env.list_templates(extensions=["html", "xml"]):
            source = env.loader.get_source(env, name)[0]
            for body in _INLINE_SCRIPT.findall(source):
                try:
                    self.templates.append(env.from_string(body))
                except TemplateSyntaxError:
                    continue  # a script cut by a block: not one the theme writes whole, so none is allowed
        return env

    def list_files(self, theme: Iterable[File], vendored: Iterable[str]) -> None:
        """The site paths of the script files the theme (its folders, as MkDocs lists them) and
        the front-end libraries ship."""
        paths = [*(file.dest_uri for file in theme), *vendored]
        self.files = frozenset(path for path in paths if path.endswith(".js"))
        self.by_base.clear()

    def allowed(self, base_url: str) -> AllowedScripts:
        if base_url not in self.by_base:
            inline = set()
            for template in self.templates:
                try:
                    inline.add(template.render(config=self.config, base_url=base_url))
                except UndefinedError:
                    continue  # it names the page (Material's redirect page): no page's values are trusted
            self.by_base[base_url] = AllowedScripts(frozenset(inline), self.files)
        return self.by_base[base_url]

    def of_page(self, html: str, dest: str, site_url: str | None) -> list[str]:
        """The inline scripts of the page at ``dest``, once it is known to hold no script but
        its templates'; else the build fails, naming the page."""
        root_path = urlsplit(site_url or "").path.rstrip("/") + "/"
        foreign = foreign_scripts(html, self.allowed(self.base_url), posixpath.dirname(dest), root_path)
        if foreign:
            raise PluginError(f"{dest}: holds a script that no template writes, which the site's "
                              f"Content-Security-Policy would never allow: {foreign[0]!r}")
        return inline_scripts(html)


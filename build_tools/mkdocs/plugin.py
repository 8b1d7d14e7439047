"""The MkDocs plugin: a thin adapter that hands the core's site to MkDocs.

Every hook only moves data between MkDocs and the core: the site is assembled as data
(``site.assemble``), rendered pages go through ``site.rendering``, the written folder is
finished by ``publish``. No content rule lives here, so the site could move to another
generator.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import TemplateContext

from ..model.published import Published
from ..model.settings import SiteConfig
from ..pipeline.cache import ArticleCache
from ..pipeline.load import LoadedBriefing
from ..pipeline.settings import CONFIG_DIR
from ..publish.finishing import finish_site
from ..publish.incremental import IndexedBundle, RenderedPage, Reuse
from ..publish.media import media_files
from ..publish.search import SearchIndexError, index_language
from ..site import urls
from ..site.assemble import Memo, SiteFiles, assemble_site
from ..site.edition import Edition
from ..site.headers import with_policy_meta
from ..site.pages.model import PageModel, SearchView
from ..site.pages.notfound import not_found_sections
from ..site.rendering import finish_content, resolve_explicit_links, with_direction
from ..site.sitemap import SitemapEntry
from ..site.vendor import vendored_files
from .filters import RenderedOnce, bdi_filter, from_root, isolate
from .incremental import PageRecords
from .modes import Assignment, Mode
from .preview import Changes, Problems, exact_dirty_builds, theme_files, tracked
from .scripts import TemplateScripts
from .timelimit import PageTimeLimit

log = get_plugin_logger(__name__)
logging.getLogger("mkdocs.commands.build").addFilter(exact_dirty_builds)


class BriefingConfig(base.Config):
    root = c.Optional(c.Dir(exists=True))
    """The project folder holding content/ and site_config/ (default: mkdocs.yml's folder)."""
    drafts = c.Type(bool, default=False)
    """Publish drafts, with a banner. Always on under ``mkdocs serve``."""
    search = c.Type(bool, default=True)
    """Index the built site with Pagefind (not under ``mkdocs serve``, to keep previews quick)."""
    page_time_limit = c.Type((int, float), default=30)
    """Seconds each step of rendering one page (its Markdown, its template) may take; 0: no limit."""


@dataclass(frozen=True)
class Rendered:
    """What one MkDocs build reports for finishing the site: the inline scripts its pages
    hold (for the Content-Security-Policy), its pages (for the sitemap) and what each was
    made from (for the next build)."""

    inline_scripts: set[str]
    pages: list[SitemapEntry]
    made: list[RenderedPage]
    bundles: list[IndexedBundle]

    @staticmethod
    def of(models: Iterable[PageModel], records: PageRecords) -> Rendered:
        made = list(records.pages.values())
        return Rendered(set().union(*(page.inline_scripts for page in made)),
                        [SitemapEntry(m.url, m.alternate, m.lang) for m in models], made, records.bundles)


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Lives from one rebuild of ``mkdocs serve`` to the next (it has ``on_startup``), keeping what they share."""

    def __init__(self) -> None:
        self.mode = Mode()
        self.root = Path()
        self.cache: ArticleCache | None = None
        self.memo: Memo | None = None
        """What a preview keeps from one rebuild to the next (see ``on_startup``)."""
        self.changes = Changes()
        """Which generated files changed since the previous build, under ``mkdocs serve --dirty``."""
        self.dirty = False
        self.loaded: LoadedBriefing | None = None
        self.site: SiteFiles | None = None
        self.models: dict[str, PageModel] = {}
        self.languages: tuple[str, ...] = ()
        self.once = RenderedOnce()
        self.time_limit = PageTimeLimit(0)
        """Also names the page being rendered (``time_limit.page``) when rendering fails."""
        self.failure: str | None = None
        """Why the build failed, if it did: MkDocs reports a plugin's error only as "Aborted"."""
        self.problems = Problems()
        self.records = PageRecords()
        self.scripts = TemplateScripts()

    def assign(self, assignment: Assignment) -> None:
        """Renders only the part of the site ``assignment`` names, from content already loaded."""
        self.mode = Mode(assignment=assignment)

    def rendered(self) -> Rendered:
        return Rendered.of(self.models.values(), self.records)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        serving = command == "serve"
        self.mode = Mode(serving, self.mode.assignment)
        self.cache = ArticleCache() if serving else None
        self.memo = Memo() if serving else None
        self.dirty = serving and dirty
        self.problems = Problems()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.time_limit = PageTimeLimit(self.config.page_time_limit)
        self.root = root = Path(self.config.root or Path(config.config_file_path).parent)
        config.watch.append(str(root / CONFIG_DIR))
        self.loaded = self.mode.load(root, self.cache, self.problems)
        if self.loaded is not None:
            self.languages = self.mode.languages(self.loaded)
            _configure(config, self.loaded.config, self.languages)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Replaces the content files with the site's generated files (of this process's languages)."""
        if self.loaded is None:
            self.changes = Changes()  # the folder is emptied: the next build writes every file
            return self.problems.files(files, config)
        shared = self.mode.shared
        published = Published(self.loaded.briefing, self.mode.drafts(self.config.drafts))
        self.site = site = assemble_site(published, self.loaded.config, self.languages, shared=shared,
                                         site_url=config.site_url or "", memo=self.memo)
        self.models = {model.src_uri: model for model in site.pages}
        self.records = PageRecords()
        self.once.rendered.clear()
        generated = [tracked(config, made.path, content=made.content) for made in site.generated]
        pages = self.records.mark(  # links what it can
            generated, site.generated, Path(config.site_dir), self.mode.reuse, self.loaded.matcher,
        ) if self.mode.links_previous_pages else len(self.models)
        self.mode.pages.expect(pages)
        if self.dirty:
            self.changes.mark(generated, site.generated, config, self.root / CONFIG_DIR)
        self.scripts.list_files(theme_files(files, config), vendored_files())
        # Every language's pages point at the photos' renditions, so each process lists them.
        media = media_files(published.articles, self.root)
        return _listed(files, config, [*generated, *_copies(config, media)], site if shared else None)

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """Templates get the page model (``briefing``) and its language's ``edition`` (not in MkDocs's type)."""
        model = self.models.get(page.file.src_uri)
        if model is None or self.site is None:
            return context
        cast(dict[str, Any], context).update(briefing=model, edition=self.site.editions[model.lang])
        self.scripts.base_url = context["base_url"]
        self.time_limit.start(model.url)
        return context

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        return self.scripts.read(_prepared(env, self.once, self.mode.reuse.templates), config)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        model = self.models.get(page.file.src_uri)
        if model is None:
            return markdown
        page.meta = _meta(model)
        self.time_limit.start(model.url)
        _speak(config, model.lang, self.loaded.config if self.loaded else None)
        return resolve_explicit_links(markdown, model.lang, model.src_uri)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        model = self.models.get(page.file.src_uri)
        if model is None or self.loaded is None:
            return html
        html = finish_content(html, model, self.loaded.matcher, self.loaded.config.link_mentions)
        self.time_limit.stop()
        return _templated(html, page)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        model = self.models.get(page.file.src_uri)
        if model is None:
            return output
        self.time_limit.stop()
        self.mode.pages.rendered()
        scripts = self.scripts.of_page(output, page.file.dest_uri, config.site_url)
        self.records.rendered(page.file.dest_uri, scripts)
        return _with_policy(with_direction(output, model.lang), self.loaded, scripts, skip=self.mode.serving)

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        if template_name == "404.html" and self.loaded is not None:
            _not_found(cast(dict[str, Any], context), self.loaded.config)  # MkDocs's type lists only its own
        self.scripts.base_url = context["base_url"]
        return context

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        scripts = self.scripts.of_page(output, template_name, config.site_url)  # 404.html, sitemap.xml
        self.records.rendered(template_name, scripts)
        skip = self.mode.serving or not template_name.endswith(".html")
        return _with_policy(output, self.loaded, scripts, skip=skip)

    def on_build_error(self, *, error: Exception) -> None:
        self.time_limit.stop()
        self.failure = str(error)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        if self.problems.report is not None:
            self.problems.write(site_dir, self.root, config.theme["language"])
            return
        assert self.loaded is not None
        if self.mode.indexes_search(self.config.search):
            self.records.bundles = _index_search(site_dir, self.models.values(), self.records, self.mode.reuse)
        elif self.mode.serving:
            log.info("preview: search is not indexed (it takes longer than the pages); "
                     "briefing build indexes it")
        if self.mode.finishes_site:
            rendered = self.rendered()
            finish_site(site_dir, self.loaded.config, self.loaded.briefing, rendered.pages, rendered.inline_scripts)


def _prepared(env: Environment, once: RenderedOnce, compiled: Path | None) -> Environment:
    """Every value a template prints escaped (Material's templates too), unless it is markup
    the site's own code made; the templates' filters and ``once``; the templates compiled by
    an earlier build in the same context."""
    env.autoescape = True
    env.filters.update(isolate=isolate, bdi=bdi_filter, from_root=from_root)
    env.globals["once"] = once.render
    if compiled:
        env.bytecode_cache = CompiledTemplates(str(compiled))
    return env


class CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's compiled templates, kept for the next build; one that cannot be kept (a
    full disk, its folder removed by a build in another context) is compiled again then,
    and never fails this build."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


def _copies(config: MkDocsConfig, sources: dict[str, Path]) -> list[File]:
    """Files copied as they are, from site path → source file."""
    return [File.generated(config, path, abs_src_path=str(source)) for path, source in sources.items()]


def _listed(files: Files, config: MkDocsConfig, pages: list[File], site: SiteFiles | None) -> Files:
    """``pages``, and with the ``site`` files shared by every language (None: another
    process writes them) the theme's files and the site's copied files."""
    if site is None:
        return Files(pages)
    return Files([*theme_files(files, config), *pages, *_copies(config, site.copied)])


def _configure(config: MkDocsConfig, site: SiteConfig, languages: tuple[str, ...]) -> None:
    """MkDocs's settings from the site's: name, address, language, and a navigation of homes."""
    config.site_name = site.name.get(site.default_language) or config.site_name
    config.site_description = site.description.get(site.default_language)
    config.site_url = config.site_url or site.base_url
    config.theme["language"] = site.default_language
    config.theme["font"] = False
    # True, not a list: shows partials/alternate.html (our per-page switch) without
    # Material's site-wide <link rel=alternate> list, which would point every page home.
    config.extra["alternate"] = True
    config.nav = [{lang: urls.source_path(urls.home(lang))} for lang in languages]


def _without_empty_contents(page: Page) -> None:
    """No column of contents on a page whose text has no headings (most pages: entity and
    index pages are made by their templates), where Material would leave it empty."""
    if not page.toc.items:
        page.meta["hide"] = [*page.meta.get("hide", []), "toc"]


def _meta(model: PageModel) -> dict[str, Any]:
    """What Material's templates read of a page, from its model."""
    return {"title": model.title, "lang": model.lang, "alternate": model.alternate,
            "description": model.description, "template": model.template}


def _templated(html: str, page: Page) -> Markup:
    """A page's sanitized content as the templates print it, as it is; its contents' entries
    as text, which the templates escape."""
    _without_empty_contents(page)
    _toc_as_text(page.toc.items)
    return Markup(html)


def _toc_as_text(items: list[AnchorLink]) -> None:
    """Each heading's entry in the contents as plain text: Python-Markdown gives it as
    HTML (its entities escaped), which the templates would escape again."""
    for item in items:
        item.title = Markup(item.title).striptags()
        _toc_as_text(item.children)


def _not_found(variables: dict[str, Any], site: SiteConfig) -> None:
    """The 404 page speaks both languages, its header the default one."""
    variables["not_found"] = not_found_sections(site)
    variables["edition"] = Edition.of(site, site.default_language)


def _with_policy(html: str, loaded: LoadedBriefing | None, scripts: list[str], skip: bool) -> str:
    """The page with its Content-Security-Policy, which allows the site's map tiles. As it is
    when ``skip`` says so, and while content has errors (the preview then replaces it with
    the problems page). The preview skips it: the policy would block the script MkDocs's
    server adds to each page to reload it (inline, different on every request, so no hash
    can allow it)."""
    return with_policy_meta(html, loaded.config.map_tiles["url"], scripts) if loaded and not skip else html


def _speak(config: MkDocsConfig, lang: str, site: SiteConfig | None) -> None:
    """Markdown's own words in the page's language: MkDocs makes a Markdown instance per
    page from ``mdx_configs``, so a footnote's back link is titled in the page's language."""
    if site is not None and "footnotes" in config.markdown_extensions:
        config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = site.strings[lang]["footnote_back"]


def _index_search(site_dir: Path, models: Iterable[PageModel], records: PageRecords,
                  reuse: Reuse) -> list[IndexedBundle]:
    """Each language's search bundles: those its search page loads."""
    fingerprints = {dest: page.fingerprint for dest, page in records.pages.items()}
    try:
        return [bundle for model in models if isinstance(model.view, SearchView)
                for bundle in index_language(site_dir, model.lang, model.view.bundles, fingerprints, reuse)]
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None

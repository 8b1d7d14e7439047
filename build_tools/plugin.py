"""The MkDocs plugin: a thin adapter that turns the page models into MkDocs pages.

Every hook only moves data between MkDocs and the core (``pipeline``, ``pages``);
no content rule lives here, so the site could move to another generator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, pass_context
from jinja2.runtime import Context, Macro
from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import urls
from .bidi import bdi, isolate_other_script
from .config import CONFIG_DIR, ConfigError
from .diagnostics import Report
from .feeds import MadeFeeds, site_feeds
from .finishing import finish_site
from .headers import inline_scripts
from .links import link_mentions, relative_url, resolve_explicit_links
from .opendata import export_files
from .pages import ArticlePages, ArticleView, PageModel, build_pages, other_language
from .pipeline import ArticleCache, LoadedBriefing, load_briefing
from .safehtml import sanitize
from .search import index_language
from .sitemap import SitemapEntry
from .sourcefiles import signature
from .structured import OG_LOCALES
from .vendor import vendored_files

log = get_plugin_logger(__name__)
DATA_DIR = "data"
# Page kinds that share a template in overrides/briefing/; the others have their own.
SHARED_TEMPLATES = {"actors": "groups", "sources": "groups", "tags": "groups", "archive": "groups",
                    "source": "articles", "tag": "articles", "archive-period": "articles"}
_HTML_TAG = re.compile(r"<html lang=\"([a-z]{2})\"")


class BriefingConfig(base.Config):
    root = c.Optional(c.Dir(exists=True))
    """The project folder holding content/ and site_config/ (default: mkdocs.yml's folder)."""
    drafts = c.Type(bool, default=False)
    """Publish drafts, with a banner. Always on under ``mkdocs serve``."""
    search = c.Type(bool, default=True)
    """Index the built site with Pagefind (not under ``mkdocs serve``, to keep previews quick)."""


@dataclass
class Assignment:
    """What ``briefing build`` hands one MkDocs process: the content it has loaded and
    checked, the languages this process renders, and whether it also writes the files
    shared by all languages. The caller finishes the site (sitemap, headers) once every
    process is done, from the pages each one reports (``sitemap_entries``)."""

    loaded: LoadedBriefing
    languages: tuple[str, ...]
    shared: bool


class _GeneratedFile(File):
    """A generated file that knows whether it differs from the previous build's: under
    ``mkdocs serve --dirty`` MkDocs then renders only the pages that changed."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Under ``mkdocs serve`` the same instance lives from one rebuild to the next (it
    has ``on_startup``): it keeps the checked articles and the previous build's pages."""

    def __init__(self) -> None:
        self.serving = self.dirty = False
        self.root = Path()
        self.cache: ArticleCache | None = None
        self.article_pages: ArticlePages | None = None
        self.feeds: MadeFeeds | None = None
        """What a preview keeps from one rebuild to the next (see ``on_startup``)."""
        self.previous: tuple[tuple, dict[str, Any]] = ((), {})
        """The templates' signature and each generated file's model or content, last build."""
        self.assignment: Assignment | None = None
        self.loaded: LoadedBriefing | None = None
        self.models: dict[str, PageModel] = {}
        self.inline_scripts: set[str] = set()
        self.rendered: dict[tuple[str, str, str | None], Markup] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving, self.dirty = command == "serve", dirty
        self.cache = ArticleCache() if self.serving else None
        self.article_pages, self.feeds = ({}, {}) if self.serving else (None, None)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = root = Path(self.config.root or Path(config.config_file_path).parent)
        self.loaded = self.assignment.loaded if self.assignment else _load(root, self.cache)
        site = self.loaded.config
        config.site_name = site.name.get(site.default_language)
        config.site_description = site.description.get(site.default_language)
        config.site_url = config.site_url or site.base_url
        config.theme["language"] = site.default_language
        config.theme["font"] = False
        # True, not a list: shows partials/alternate.html (our per-page switch) without
        # Material's site-wide <link rel=alternate> list, which would point every page home.
        config.extra["alternate"] = True
        config.watch.append(str(root / CONFIG_DIR))
        config.nav = [{lang: urls.source_path(urls.home(lang))} for lang in self.languages]
        return config

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this process renders: all, unless ``briefing build`` assigned some."""
        assert self.loaded is not None
        return self.assignment.languages if self.assignment else tuple(self.loaded.config.languages)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Replaces the raw content files with the generated pages (of this process's languages)."""
        assert self.loaded is not None
        include_drafts = self.config.drafts or self.serving
        models = build_pages(self.loaded.briefing, self.loaded.config, include_drafts, self.languages,
                             self.article_pages)
        self.models = {model.src_uri: model for model in models}
        self.inline_scripts, self.rendered = set(), {}
        briefing, site = self.loaded.briefing, self.loaded.config
        sources = {model.src_uri: (model, model.markdown) for model in models}
        feeds = site_feeds(briefing, site, self.languages, include_drafts, self.feeds)
        sources |= {path: (feed, feed) for path, feed in feeds.items()}
        if self.assignment and not self.assignment.shared:
            return Files(self._generated(sources, config))
        # Only the theme's files are kept: every page comes from the model, and nothing
        # else in content/ (a stray file, a link to one outside) is ever published.
        kept = [f for f in files if f.abs_src_path and f.src_dir != config.docs_dir]
        root_page = _root_page(self.loaded, config)
        sources["index.html"] = (root_page, root_page)
        sources |= {f"{DATA_DIR}/{name}": (content, content) for name, content in
                    export_files(briefing, site.base_url, include_drafts=include_drafts).items()}
        vendored = [File.generated(config, path, abs_src_path=str(source))
                    for path, source in vendored_files().items()]
        return Files([*kept, *self._generated(sources, config), *vendored])

    def _generated(self, sources: dict[str, tuple[Any, str | bytes]], config: MkDocsConfig) -> list[File]:
        """The files for ``sources`` (path: what the file is made from, its content); under
        ``mkdocs serve --dirty``, those made from the same as last time are left alone."""
        files = [_GeneratedFile.generated(config, path, content=content) for path, (_, content) in sources.items()]
        if not (self.serving and self.dirty):
            return files
        custom_dir = config.theme.custom_dir
        templates = (signature(Path(custom_dir)) if custom_dir else (), signature(self.root / CONFIG_DIR))
        previous_templates, previous = self.previous
        self.previous = templates, {path: made_from for path, (made_from, _) in sources.items()}
        if templates == previous_templates:
            for file, (path, (made_from, _)) in zip(files, sources.items()):
                file.changed = path not in previous or previous[path] != made_from
        return files

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav) -> dict[str, Any]:
        model = self.models.get(page.file.src_uri)
        if model is None:
            return context
        assert self.loaded is not None
        strings = self.loaded.config.strings[model.lang]
        context["briefing"] = model
        context["t"] = strings
        context["site_nav"] = model.nav
        context["site_name"] = model.site_name
        context["home_url"] = urls.home(model.lang)
        context["other_lang"] = other_language(model.lang)
        context["og_locale"] = OG_LOCALES[model.lang]
        context["og_locale_alternate"] = OG_LOCALES[context["other_lang"]]
        default = self.loaded.config.default_language
        context["default_url"] = model.url if model.lang == default else model.alternate
        context["map_tiles"] = self.loaded.config.map_tiles
        return context

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.filters["isolate"] = _isolate
        env.filters["bdi"] = _bdi
        env.filters["from_root"] = _from_root
        env.globals["once"] = self.once
        return env

    @pass_context
    def once(self, context: Context, key: str, macro: Macro, *args: Any) -> Markup:
        """``macro(*args)``, rendered once per ``key`` and page depth (an article's card on
        actor, place and archive pages): its links go through ``from_root``, so they are
        the same on every page as deep."""
        cache_key = (key, macro.name, context.get("base_url"))
        if cache_key not in self.rendered:
            self.rendered[cache_key] = macro(*args)
        return self.rendered[cache_key]

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        model = self.models.get(page.file.src_uri)
        if model is None:
            return markdown
        page.meta = {"title": model.title, "lang": model.lang, "alternate": model.alternate,
                     "description": model.description,
                     "template": f"briefing/{SHARED_TEMPLATES.get(model.kind, model.kind)}.html"}
        return resolve_explicit_links(markdown, model.lang, model.src_uri)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        model = self.models.get(page.file.src_uri)
        if model is None:
            return html
        if isinstance(model.view, ArticleView):
            assert self.loaded is not None
            html = sanitize(html)
            targets = {key: relative_url(url, model.url) for key, url in model.view.mention_targets.items()}
            html = link_mentions(html, model.lang, self.loaded.matcher, targets, self.loaded.config.link_mentions)
        return isolate_other_script(html, model.lang)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Material sets ``dir`` on <body>; readers' tools and the issue expect it on <html> too."""
        model = self.models.get(page.file.src_uri)
        if model is None:
            return output
        direction = "rtl" if model.lang == "ar" else "ltr"
        self.inline_scripts.update(inline_scripts(output))
        return _HTML_TAG.sub(f'<html lang="\\1" dir="{direction}"', output, count=1)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        self.inline_scripts.update(inline_scripts(output_content))  # 404.html
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.loaded is not None
        site_dir = Path(config.site_dir)
        if self.config.search and not self.serving:
            for lang in self.languages:
                index_language(site_dir, lang)
        elif self.serving:
            log.info("preview: search is not indexed (it takes longer than the pages); "
                     "briefing build indexes it")
        if self.assignment is None:  # else briefing build finishes the site
            finish_site(site_dir, self.loaded, self.sitemap_entries(), self.inline_scripts)

    def sitemap_entries(self) -> list[SitemapEntry]:
        return [SitemapEntry(model.url, model.alternate, model.lang) for model in self.models.values()]


def _load(root: Path, cache: ArticleCache | None) -> LoadedBriefing:
    report = Report()
    try:
        loaded = load_briefing(root, report, cache=cache)
    except ConfigError as exc:
        raise PluginError(f"{exc}\n{report.as_text()}") from None
    for warning in report.warnings:
        log.warning(str(warning))
    if report.errors:
        raise PluginError("content has errors; run 'briefing check':\n" + report.as_text())
    return loaded


def _isolate(text: str, lang: str) -> Markup:
    """Jinja filter: escapes a plain text and isolates its runs of the other script."""
    return Markup(isolate_other_script(str(escape(text)), lang))


@pass_context
def _from_root(context: Context, path: str) -> str:
    """Jinja filter: a site path made relative through the site's root (``../../ar/actors/sdf/``),
    so the same on every page of one depth, unlike MkDocs's shortest relative path."""
    return f"{context['base_url']}/{path}"


def _bdi(text: str, lang: str) -> Markup:
    """Jinja filter: a plain text in ``lang`` as ``<bdi lang dir>``, escaped and isolated."""
    return Markup(bdi(str(escape(text)), lang))


def _root_page(loaded: LoadedBriefing, config: MkDocsConfig) -> str:
    """The site root sends readers to the default language and names both."""
    site = loaded.config
    default = site.default_language
    links = "".join(
        f'<li><a href="{urls.home(lang)}" hreflang="{lang}" lang="{lang}">'
        f'{site.strings[lang]["language_name"]}</a></li>' for lang in site.languages)
    alternates = "".join(
        f'<link rel="alternate" hreflang="{lang}" href="{config.site_url}{urls.home(lang)}">'
        for lang in site.languages)
    return (f'<!doctype html><html lang="{default}" dir="{"rtl" if default == "ar" else "ltr"}">'
            f'<head><meta charset="utf-8"><title>{site.name.get(default)}</title>'
            f'<meta http-equiv="refresh" content="0; url={urls.home(default)}">{alternates}'
            f'<link rel="alternate" hreflang="x-default" href="{config.site_url}{urls.home(default)}">'
            f'</head><body><ul>{links}</ul></body></html>')

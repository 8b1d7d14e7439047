"""Sources and tags: an index of each, and a page per source or tag with its articles."""

from __future__ import annotations

from ...model.entities import Source, Tag
from .. import urls
from .context import LanguagePages
from .indexes import group_pages
from .model import ArticlesView, Field, Group, PageModel

ARTICLES_TEMPLATE = "articles"


def source_pages(pages: LanguagePages) -> list[PageModel]:
    entity_pages, links = [], []
    for source in pages.briefing.sources.values():
        articles = pages.articles_about("source", source.id)
        links.append(pages.links.entity_link("source", source.id, len(articles)))
        entity_pages.append(_source_page(pages, source))
    index = group_pages(pages, urls.section(pages.lang, "sources"), "sources", pages.locale.t("sources"),
                        [Group("", pages.links.sorted_links(links))])
    return [*index, *entity_pages]


def _source_page(pages: LanguagePages, source: Source) -> PageModel:
    locale = pages.locale
    name = source.names.name
    description, description_lang = locale.text(source.description)
    website = [Field(locale.t("website"), source.url, "en", source.url)] if source.url else []
    view = ArticlesView(
        fields=[Field(locale.t("name_ar"), name.ar or "", "ar"), Field(locale.t("name_en"), name.en or "", "en"),
                Field(locale.t("kind"), locale.label("source_kinds", source.kind), pages.lang),
                Field(locale.t("reliability"), pages.reliability(source.reliability), pages.lang), *website],
        description=description, description_lang=description_lang,
        articles=pages.links.cards(pages.articles_about("source", source.id)))
    title = name.get(pages.lang) or source.id
    return pages.page(urls.entity(pages.lang, "source", source.id), "source", title, view,
                      template=ARTICLES_TEMPLATE, searchable=(title, description),
                      own_names=source.names.every())


def tag_pages(pages: LanguagePages) -> list[PageModel]:
    counts = pages.counts("tag")
    entity_pages = [_tag_page(pages, tag) for tag in pages.briefing.tags.values()]
    links = pages.links.sorted_links(pages.links.entity_link("tag", id_, counts[id_]) for id_ in pages.briefing.tags)
    index = group_pages(pages, urls.section(pages.lang, "tags"), "tags", pages.locale.t("tags"), [Group("", links)])
    return [*index, *entity_pages]


def _tag_page(pages: LanguagePages, tag: Tag) -> PageModel:
    description, description_lang = pages.locale.text(tag.description)
    view = ArticlesView(description=description, description_lang=description_lang,
                        articles=pages.links.cards(pages.articles_about("tag", tag.id)))
    title = tag.names.name.get(pages.lang) or tag.id
    return pages.page(urls.entity(pages.lang, "tag", tag.id), "tag", title, view, template=ARTICLES_TEMPLATE,
                      searchable=(title, description), own_names=tag.names.every())

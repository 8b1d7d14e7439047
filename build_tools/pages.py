"""Page models: everything a page shows, already in its language, computed from the model.

This is the last step before rendering and knows nothing of MkDocs: each ``PageModel``
carries its address, its counterpart in the other language, a kind-specific ``view``
and, for articles, the Markdown body.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from . import urls
from .arabic import search_terms
from .config import SiteConfig
from .dates import PartialDate
from .feeds import feed_path
from .localize import digits, format_partial_date, sort_key
from .model import (
    LANGUAGES,
    Actor,
    Affiliation,
    Article,
    Briefing,
    Localized,
    Location,
    Names,
    articles_by_entity,
)
from .structured import article_ld, entity_page_ld, web_page_ld
from .timeline import timeline_svg

MAX_RELATED = 10
NAV_SECTIONS = ("actors", "locations", "sources", "tags", "archive", "search")


@dataclass(frozen=True)
class Link:
    """A link whose text may be in another language than the page (``lang``), with a count."""

    text: str
    url: str
    lang: str
    count: str | None = None


@dataclass(frozen=True)
class NavItem:
    text: str
    url: str
    active: bool


@dataclass(frozen=True)
class Group:
    label: str
    links: list[Link]


@dataclass(frozen=True)
class Field:
    """A labelled value of an entity's fact sheet; ``lang`` is the language of ``value``."""

    label: str
    value: str
    lang: str
    url: str | None = None


@dataclass(frozen=True)
class ArticleCard:
    link: Link
    date: str
    summary: str | None
    actors: list[Link]
    locations: list[Link]
    draft: bool
    pending: bool


@dataclass(frozen=True)
class Citation:
    source: Link
    reliability: str
    via: Link | None
    note: str | None
    url: str | None


@dataclass(frozen=True)
class Pagination:
    page: int
    pages: int
    newer: str | None
    older: str | None
    label: str
    """"Page 2 of 5", in the page's language and digits."""


@dataclass(frozen=True)
class TreeNode:
    link: Link
    children: list[TreeNode]


@dataclass(frozen=True)
class HomeView:
    heading: str
    articles: list[ArticleCard]
    pagination: Pagination


@dataclass(frozen=True)
class ArticleView:
    card: ArticleCard
    pending: bool
    authors: str
    updated: str | None
    actors: list[Link]
    locations: list[Link]
    sources: list[Citation]
    tags: list[Link]
    editor_note: str | None
    editor_note_lang: str
    corrections: list[Field]
    """Newest first: the label is the correction's date."""
    mention_targets: dict[tuple[str, str], str]
    """The page of each actor and location the article lists, for names found in its text."""


@dataclass(frozen=True)
class GroupsView:
    """An index page: labelled groups of links (actors by type, archive by year...)."""

    groups: list[Group]
    pagination: Pagination | None = None


@dataclass(frozen=True)
class Timeline:
    svg: str
    title: str


@dataclass(frozen=True)
class MapPoint:
    name: str
    lat: float
    lon: float
    url: str
    count: str | None = None


@dataclass(frozen=True)
class TreeView:
    tree: list[TreeNode]
    points: list[MapPoint] = field(default_factory=list)
    pagination: Pagination | None = None


@dataclass(frozen=True)
class ArticlesView:
    """A page about one thing (source, tag, month) and the articles that concern it."""

    articles: list[ArticleCard]
    fields: list[Field] = field(default_factory=list)
    description: str | None = None
    description_lang: str = "ar"


@dataclass(frozen=True)
class ActorView(ArticlesView):
    relations: list[tuple[str, Link]] = field(default_factory=list)
    co_actors: list[Link] = field(default_factory=list)
    co_locations: list[Link] = field(default_factory=list)
    timeline: Timeline | None = None


@dataclass(frozen=True)
class LocationView(ArticlesView):
    breadcrumb: list[Link] = field(default_factory=list)
    coordinates: tuple[str, str] | None = None
    osm_url: str | None = None
    places_inside: list[Link] = field(default_factory=list)
    actors: list[Link] = field(default_factory=list)
    timeline: Timeline | None = None
    map_point: MapPoint | None = None


View = HomeView | ArticleView | GroupsView | TreeView | ArticlesView | None


@dataclass
class PageModel:
    lang: str
    url: str
    kind: str
    title: str
    title_lang: str
    alternate: str
    site_name: str
    nav: list[NavItem]
    view: View = None
    markdown: str = ""
    draft: bool = False
    search_terms: str = ""
    """Arabic pages: their words in search form, indexed beside the text (see ``arabic``)."""
    description: str | None = None
    json_ld: dict[str, Any] | None = None
    feed: str | None = None
    """The Atom feed that follows this page, if any (site path)."""

    @property
    def src_uri(self) -> str:
        return urls.source_path(self.url)


TIMELINE_MONTHS = 60
"""Longest span drawn month by month; beyond it the timeline counts per year."""
INDEX_PAGE_SIZE = 200
"""Links on one page of an index (actors, locations, sources, tags, archive): page
weight stays bounded however large the archive grows."""


def _links(node: TreeNode) -> list[Link]:
    return [node.link, *(link for child in node.children for link in _links(child))]


def _count(node: TreeNode) -> int:
    return len(_links(node))


ArticlePages = dict[tuple[str, str], tuple[Article, PageModel]]
"""Article pages already made, by language and id, with the article they were made from."""


def build_pages(briefing: Briefing, config: SiteConfig, include_drafts: bool = False,
                languages: Iterable[str] | None = None, made: ArticlePages | None = None) -> list[PageModel]:
    """The pages of ``languages`` (default: every language of the site).

    ``made`` carries article pages from one call to the next (the rebuilds of a preview):
    an article page depends only on its article, the registries and the site's
    configuration, and a preview reads every article again (a new object) whenever a
    registry or the configuration changes; so a page made from the very same article
    object is reused as it is.
    """
    pages: list[PageModel] = []
    for lang in languages or config.languages:
        pages += _LanguageSite(briefing, config, lang, include_drafts, made if made is not None else {}).pages()
    return pages


def other_language(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


class _LanguageSite:
    """All pages of one language."""

    def __init__(self, briefing: Briefing, config: SiteConfig, lang: str, include_drafts: bool,
                 made: ArticlePages) -> None:
        self.briefing, self.config, self.lang, self.made = briefing, config, lang, made
        self.strings = config.strings[lang]
        self.articles = sorted(
            (a for a in briefing.articles.values() if include_drafts or not a.is_draft),
            key=lambda a: (a.date.earliest, a.id), reverse=True)
        self.listing = articles_by_entity(self.articles)
        self.links: dict[tuple[str, str, int | None], Link] = {}
        self.article_cards: dict[str, ArticleCard] = {}
        self.affiliated: dict[str, list[tuple[Actor, Affiliation]]] = defaultdict(list)
        for other in briefing.actors.values():
            for affiliation in other.affiliations:
                self.affiliated[affiliation.actor].append((other, affiliation))

    # -- helpers -----------------------------------------------------------------

    def t(self, key: str, **values: Any) -> str:
        return self.strings[key].format(**values) if values else self.strings[key]

    def text(self, value: Localized) -> tuple[str | None, str]:
        """The text in the page's language, else in the other one, with its language."""
        if value.get(self.lang):
            return value.get(self.lang), self.lang
        other = other_language(self.lang)
        return value.get(other), other

    def label(self, vocabulary: str, term: str, inverse: bool = False) -> str:
        entry = self.config.vocabularies[vocabulary][term]
        return (entry.inverse if inverse and entry.inverse else entry.label).get(self.lang)

    def date(self, date: PartialDate) -> str:
        return format_partial_date(date, self.lang, self.config.date_locales[self.lang],
                                   self.config.arabic_digits)

    def number(self, value: int | float) -> str:
        return digits(str(value), self.lang, self.config.arabic_digits)

    def page(self, url: str, kind: str, title: str, view: View, title_lang: str | None = None) -> PageModel:
        return PageModel(self.lang, url, kind, title, title_lang or self.lang,
                         urls.other_language(url, self.lang, other_language(self.lang)),
                         self.config.name.get(self.lang), self.nav(url), view,
                         description=self.config.description.get(self.lang),
                         json_ld=web_page_ld(kind, title, url, self.lang, self.config.base_url))

    def period_label(self, year: int, month: int | None) -> str:
        """A month ("آب 2017"), or a year whose months are unknown ("2017 — الشهر غير معروف")."""
        return self.date(PartialDate(year, month)) if month else f"{self.number(year)} — {self.t('month_unknown')}"

    def timeline(self, articles: list[Article]) -> Timeline | None:
        """Articles per month, or per year when they span more than ``TIMELINE_MONTHS``."""
        years = [a.date.year for a in articles]
        if not years:
            return None
        by_year = (max(years) - min(years) + 1) * 12 > TIMELINE_MONTHS
        title = self.t("timeline_by_year" if by_year else "timeline_title")
        label = (lambda slot: self.number(slot[0])) if by_year else (lambda slot: self.period_label(*slot))
        svg = timeline_svg((a.date for a in articles), title, label, self.number, self.t("list_separator"),
                           by_year)
        return Timeline(svg, title) if svg else None

    def indexed(self, page: PageModel, *texts: str | None) -> PageModel:
        """Marks the page for search; Arabic pages also carry their words' search forms."""
        if self.lang == "ar":
            page.search_terms = search_terms(" ".join(text for text in texts if text))
        return page

    def nav(self, current: str) -> list[NavItem]:
        """Home and the sections; the section holding the current page is marked active."""
        home = urls.home(self.lang)
        items = [NavItem(self.t("home"), home, current == home)]
        for name in NAV_SECTIONS:
            url = urls.section(self.lang, name)
            items.append(NavItem(self.t(name), url, current.startswith(url)))
        return items

    def entity_link(self, kind: str, id_: str, count: int | None = None) -> Link:
        key = (kind, id_, count)
        if key not in self.links:
            entity = getattr(self.briefing, f"{kind}s")[id_]
            name = entity.names.name if hasattr(entity, "names") else entity.name
            self.links[key] = Link(name.get(self.lang), urls.entity(self.lang, kind, id_), self.lang,
                                   None if count is None else self.number(count))
        return self.links[key]

    def sorted_links(self, links: Iterable[Link]) -> list[Link]:
        return sorted(links, key=lambda link: sort_key(link.text, link.lang))

    def card(self, article: Article) -> ArticleCard:
        """Made once per article: the same card is listed on the pages of its actors, places…"""
        if article.id not in self.article_cards:
            self.article_cards[article.id] = self._card(article)
        return self.article_cards[article.id]

    def _card(self, article: Article) -> ArticleCard:
        shown = article.text_in(self.lang)
        return ArticleCard(
            link=Link(shown.title, urls.entity(self.lang, "article", article.id), shown.lang),
            date=self.date(article.date),
            summary=shown.summary,
            actors=[self.entity_link("actor", id_) for id_ in article.actors[:3]],
            locations=[self.entity_link("location", id_) for id_ in article.locations[:3]],
            draft=article.is_draft,
            pending=shown.lang != self.lang,
        )

    def cards(self, articles: Iterable[Article]) -> list[ArticleCard]:
        """Cards of articles, in the given order."""
        return [self.card(article) for article in articles]

    def counts(self, field_name: str) -> Counter[str]:
        return Counter(id_ for article in self.articles for id_ in getattr(article, field_name))

    # -- pages -------------------------------------------------------------------

    def pages(self) -> list[PageModel]:
        return [*self.home_pages(), *self.article_pages(), *self.actor_pages(),
                *self.location_pages(), *self.source_pages(), *self.tag_pages(),
                *self.archive_pages(), self.search_page()]

    def pagination(self, first: str, number: int, total: int) -> Pagination:
        return Pagination(number, total, urls.paged(first, number - 1) if number > 1 else None,
                          urls.paged(first, number + 1) if number < total else None,
                          self.t("page_of", page=self.number(number), pages=self.number(total)))

    def home_pages(self) -> list[PageModel]:
        size = self.config.articles_per_page
        total = max(1, math.ceil(len(self.articles) / size))
        result = []
        for number in range(1, total + 1):
            title = self.config.name.get(self.lang)
            result.append(self.page(urls.home(self.lang, number), "home", title, HomeView(
                heading=self.t("latest_articles"),
                articles=self.cards(self.articles[(number - 1) * size:number * size]),
                pagination=self.pagination(urls.home(self.lang), number, total))))
            result[-1].feed = feed_path(urls.home(self.lang))
        return result

    def group_pages(self, url: str, kind: str, title: str, groups: list[Group]) -> list[PageModel]:
        """An index of groups of links, ``INDEX_PAGE_SIZE`` links a page, groups split as needed."""
        entries = [(group.label, link) for group in groups for link in group.links]
        chunks = [entries[start:start + INDEX_PAGE_SIZE] for start in range(0, len(entries), INDEX_PAGE_SIZE)]
        pages = []
        for number, chunk in enumerate(chunks or [[]], start=1):
            regrouped = [Group(label, [link for _, link in run])
                         for label, run in itertools.groupby(chunk, key=lambda entry: entry[0])]
            pagination = self.pagination(url, number, len(chunks)) if len(chunks) > 1 else None
            pages.append(self.page(urls.paged(url, number), kind, title, GroupsView(regrouped, pagination)))
        return pages

    def tree_pages(self, url: str, kind: str, title: str, tree: list[TreeNode],
                   points: list[MapPoint]) -> list[PageModel]:
        """A hierarchy, whole top-level branches to a page, about ``INDEX_PAGE_SIZE`` entries each;
        each page's map shows the places of its branches."""
        chunks: list[list[TreeNode]] = [[]]
        size = 0
        for node in tree:
            branch = _count(node)
            if chunks[-1] and size + branch > INDEX_PAGE_SIZE:
                chunks.append([])
                size = 0
            chunks[-1].append(node)
            size += branch
        pages = []
        for number, chunk in enumerate(chunks, start=1):
            shown = {link.url for node in chunk for link in _links(node)}
            pagination = self.pagination(url, number, len(chunks)) if len(chunks) > 1 else None
            pages.append(self.page(urls.paged(url, number), kind, title, TreeView(
                chunk, [point for point in points if point.url in shown], pagination)))
        return pages

    def article_pages(self) -> list[PageModel]:
        return [self.article_page(article) for article in self.articles]

    def article_page(self, article: Article) -> PageModel:
        made_from, page = self.made.get((self.lang, article.id), (None, None))
        if made_from is not article or page is None:
            page = self._article_page(article)
            self.made[(self.lang, article.id)] = (article, page)
        return page

    def _article_page(self, article: Article) -> PageModel:
        card = self.card(article)
        translation = article.translations.get(self.lang)
        note, note_lang = self.text(article.editor_note)
        page = self.page(card.link.url, "article", card.link.text, ArticleView(
            card=card,
            pending=translation is None,
            authors=", ".join(article.authors),
            updated=self.date(article.updated) if article.updated else None,
            actors=[self.entity_link("actor", id_) for id_ in article.actors],
            locations=[self.entity_link("location", id_) for id_ in article.locations],
            sources=[self.citation(c) for c in article.sources],
            tags=[self.entity_link("tag", id_) for id_ in article.tags],
            editor_note=note, editor_note_lang=note_lang,
            corrections=[Field(self.date(c.date), *self.text(c.text)) for c in article.corrections],
            mention_targets={(kind, id_): urls.entity(self.lang, kind, id_)
                             for kind in ("actor", "location") for id_ in getattr(article, f"{kind}s")}),
            card.link.lang)
        page.markdown = translation.body if translation else ""
        page.draft = article.is_draft
        page.description = card.summary or page.description
        page.json_ld = article_ld(article, self.lang, self.briefing, self.config)
        return self.indexed(page, page.title, card.summary, page.markdown)

    def citation(self, citation) -> Citation:
        source = self.briefing.sources[citation.source]
        grade = source.reliability
        reliability = (f"{grade} — {self.label('reliability', grade)}" if grade
                       else self.t("reliability_unrated"))
        note, _ = self.text(citation.note)
        return Citation(self.entity_link("source", citation.source), reliability,
                        self.entity_link("source", citation.via) if citation.via else None,
                        note, citation.url)

    def name_fields(self, names: Names) -> list[Field]:
        fields = [Field(self.t(f"name_{lang}"), names.name.get(lang), lang) for lang in LANGUAGES]
        short, short_lang = self.text(names.short_name)
        if short:
            fields.append(Field(self.t("short_name"), short, short_lang))
        aliases = [*names.aliases.get(self.lang, ()), *names.ambiguous_aliases.get(self.lang, ())]
        if aliases:
            fields.append(Field(self.t("aliases"), "، ".join(aliases) if self.lang == "ar"
                                else ", ".join(aliases), self.lang))
        return fields

    def related(self, articles: list[Article], field_name: str, exclude: str | None = None) -> list[Link]:
        kind = field_name.removesuffix("s")
        counts = Counter(id_ for a in articles for id_ in getattr(a, field_name) if id_ != exclude)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_RELATED]
        return [self.entity_link(kind, id_, count) for id_, count in ranked]

    def actor_pages(self) -> list[PageModel]:
        counts = self.counts("actors")
        groups: dict[str, list[Link]] = defaultdict(list)
        for actor in self.briefing.actors.values():
            groups[actor.type].append(self.entity_link("actor", actor.id, counts[actor.id]))
        order = list(self.config.vocabularies["actor_types"])
        index = self.group_pages(urls.section(self.lang, "actors"), "actors", self.t("actors"), [
            Group(self.label("actor_types", type_), self.sorted_links(groups[type_]))
            for type_ in order if groups[type_]])
        return [*index, *(self.actor_page(actor) for actor in self.briefing.actors.values())]

    def actor_page(self, actor: Actor) -> PageModel:
        articles = self.listing[("actor", actor.id)]
        relations = [(self.label("relations", a.relation), self.entity_link("actor", a.actor))
                     for a in actor.affiliations]
        relations += [(self.label("relations", a.relation, inverse=True), self.entity_link("actor", other.id))
                      for other, a in self.affiliated[actor.id]]
        description, description_lang = self.text(actor.description)
        return self.entity_page("actor", actor, description, ActorView(
            fields=[*self.name_fields(actor.names),
                    Field(self.t("type"), self.label("actor_types", actor.type), self.lang),
                    *self.wikidata_field(actor.wikidata)],
            relations=relations, description=description, description_lang=description_lang,
            articles=self.cards(articles),
            co_actors=self.related(articles, "actors", exclude=actor.id),
            co_locations=self.related(articles, "locations"),
            timeline=self.timeline(articles)))

    def entity_page(self, kind: str, entity: Actor | Location, description: str | None, view: View) -> PageModel:
        """An actor's or location's page: searchable, followed by a feed, described for machines."""
        page = self.page(urls.entity(self.lang, kind, entity.id), kind, entity.names.name.get(self.lang), view)
        page.feed = feed_path(page.url)
        page.description = description or page.description
        page.json_ld = entity_page_ld(kind, entity, self.lang, self.config.base_url)
        return self.indexed(page, *entity.names.all_in(self.lang), description)

    def wikidata_field(self, qid: str | None) -> list[Field]:
        return [Field(self.t("wikidata"), qid, "en", f"https://www.wikidata.org/wiki/{qid}")] if qid else []

    def location_pages(self) -> list[PageModel]:
        locations = self.briefing.locations
        children: dict[str | None, list[str]] = defaultdict(list)
        for location in locations.values():
            children[location.parent].append(location.id)
        inside = {id_: self.descendants(id_, children) for id_ in locations}
        newest_first = {article.id: index for index, article in enumerate(self.articles)}
        about = {id_: sorted({a.id: a for place in inside[id_] for a in self.listing[("location", place)]}.values(),
                             key=lambda a: newest_first[a.id])
                 for id_ in locations}
        counts = {id_: len(articles) for id_, articles in about.items()}

        def tree(parent: str | None) -> list[TreeNode]:
            nodes = [TreeNode(self.entity_link("location", id_, counts[id_]), tree(id_))
                     for id_ in children[parent]]
            return sorted(nodes, key=lambda node: sort_key(node.link.text, node.link.lang))

        points = [MapPoint(loc.names.name.get(self.lang), loc.coordinates.lat, loc.coordinates.lon,
                           urls.entity(self.lang, "location", loc.id), self.number(counts[loc.id]))
                  for loc in locations.values() if loc.coordinates]
        index = self.tree_pages(urls.section(self.lang, "locations"), "locations", self.t("locations"),
                                tree(None), points)
        return [*index, *(self.location_page(location, children, about[location.id])
                         for location in locations.values())]

    @staticmethod
    def descendants(id_: str, children: dict[str | None, list[str]]) -> set[str]:
        found, stack = {id_}, [id_]
        while stack:
            for child in children[stack.pop()]:
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return found

    def location_page(self, location: Location, children: dict[str | None, list[str]],
                      articles: list[Article]) -> PageModel:
        """``articles``: those about the place or a place inside it."""
        breadcrumb, parent = [], location.parent
        while parent and parent not in {link.url for link in breadcrumb}:
            breadcrumb.insert(0, self.entity_link("location", parent))
            parent = self.briefing.locations[parent].parent
        point = location.coordinates
        description, description_lang = self.text(location.description)
        url = urls.entity(self.lang, "location", location.id)
        return self.entity_page("location", location, description, LocationView(
            fields=[*self.name_fields(location.names),
                    Field(self.t("kind"), self.label("location_kinds", location.kind), self.lang),
                    *self.wikidata_field(location.wikidata)],
            breadcrumb=breadcrumb,
            coordinates=(self.number(point.lat), self.number(point.lon)) if point else None,
            osm_url=(f"https://www.openstreetmap.org/?mlat={point.lat}&mlon={point.lon}"
                     f"#map=10/{point.lat}/{point.lon}") if point else None,
            places_inside=self.sorted_links(self.entity_link("location", id_)
                                            for id_ in children[location.id]),
            description=description, description_lang=description_lang,
            articles=self.cards(articles),
            actors=self.related(articles, "actors"),
            timeline=self.timeline(articles),
            map_point=MapPoint(location.names.name.get(self.lang), point.lat, point.lon, url) if point else None))

    def source_pages(self) -> list[PageModel]:
        pages = []
        links = []
        for source in self.briefing.sources.values():
            articles = self.listing[("source", source.id)]
            links.append(self.entity_link("source", source.id, len(articles)))
            grade = source.reliability
            description, description_lang = self.text(source.description)
            pages.append(self.indexed(self.page(
                urls.entity(self.lang, "source", source.id), "source", source.name.get(self.lang), ArticlesView(
                fields=[Field(self.t("name_ar"), source.name.ar, "ar"),
                        Field(self.t("name_en"), source.name.en, "en"),
                        Field(self.t("kind"), self.label("source_kinds", source.kind), self.lang),
                        Field(self.t("reliability"),
                              f"{grade} — {self.label('reliability', grade)}" if grade
                              else self.t("reliability_unrated"), self.lang),
                        *([Field(self.t("website"), source.url, "en", source.url)] if source.url else [])],
                description=description, description_lang=description_lang,
                articles=self.cards(articles))), source.name.get(self.lang), description))
        index = self.group_pages(urls.section(self.lang, "sources"), "sources", self.t("sources"),
                                 [Group("", self.sorted_links(links))])
        return [*index, *pages]

    def tag_pages(self) -> list[PageModel]:
        counts = self.counts("tags")
        pages = []
        for tag in self.briefing.tags.values():
            description, description_lang = self.text(tag.description)
            pages.append(self.indexed(self.page(
                urls.entity(self.lang, "tag", tag.id), "tag", tag.name.get(self.lang), ArticlesView(
                    description=description, description_lang=description_lang,
                    articles=self.cards(self.listing[("tag", tag.id)]))),
                tag.name.get(self.lang), description))
        index = self.group_pages(urls.section(self.lang, "tags"), "tags", self.t("tags"), [
            Group("", self.sorted_links(self.entity_link("tag", id_, counts[id_])
                                        for id_ in self.briefing.tags))])
        return [*index, *pages]

    def archive_pages(self) -> list[PageModel]:
        periods: dict[tuple[int, int | None], list[Article]] = defaultdict(list)
        for article in self.articles:
            periods[(article.date.year, article.date.month)].append(article)
        pages, by_year = [], defaultdict(list)
        for (year, month), articles in sorted(periods.items(), key=lambda p: (p[0][0], p[0][1] or 0),
                                              reverse=True):
            label = self.period_label(year, month)
            url = urls.archive_period(self.lang, year, month)
            by_year[year].append(Link(label, url, self.lang, self.number(len(articles))))
            pages.append(self.page(url, "archive-period", label, ArticlesView(self.cards(articles))))
        index = self.group_pages(urls.section(self.lang, "archive"), "archive", self.t("archive"),
                                 [Group(self.number(year), links) for year, links in by_year.items()])
        return [*index, *pages]

    def search_page(self) -> PageModel:
        return self.page(urls.section(self.lang, "search"), "search", self.t("search"), None)

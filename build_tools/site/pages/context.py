"""What the page builders of one language share: the model, the locale, the articles the
language publishes, links and cards, navigation, and the one way a page model is made."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from ...i18n.locale import Locale
from ...languages import direction
from ...model.articles import Article
from ...model.briefing import articles_by_entity, events_in_time_order
from ...model.events import Event
from ...model.kinds import EVENT, IN_NAVIGATION
from ...model.published import Published
from ...model.related import related_articles
from ...model.settings import SiteConfig
from ...text.arabic import search_terms
from .. import urls
from ..structured import web_page_ld
from .links import EntityLinks
from .model import EventView, NavItem, PageModel, Pagination, Picture, View
from .paging import pagination

NAV_SECTIONS = (*(kind.plural for kind in IN_NAVIGATION), "archive", "search")
"""The sections of the navigation: the index of each kind the table places there, then
the archive and search."""


class LanguagePages:
    """The pages of one language are built from this, by the builder of each page kind."""

    def __init__(self, published: Published, config: SiteConfig, lang: str) -> None:
        briefing = published.briefing
        self.briefing, self.config, self.lang = briefing, config, lang
        self.locale = Locale.of(config, lang)
        self.articles = sorted(published.articles, key=lambda a: (a.date.earliest, a.id),
                               reverse=True)
        """The articles this language publishes, newest first."""
        self.listing = articles_by_entity(self.articles)
        self.links = EntityLinks(briefing, self.locale)
        self.events = events_in_time_order(self.articles)[::-1]
        """The events these articles report, newest first: the open data's order, reversed."""
        self.sections = [section for section in NAV_SECTIONS if self.events or section != EVENT.plural]
        """The sections of the navigation: the events page only when there are events."""
        self.event_views: dict[tuple[str, bool], EventView] = {}
        """(event id, with its article) → the event as pages list it, made once (``events.event_view``)."""

    @cached_property
    def events_by_entity(self) -> dict[tuple[str, str], list[Event]]:
        """(``actor``, id) → the events it is on a side of; (``location``, id) → those there;
        newest first."""
        found: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for event in self.events:
            for actor in dict.fromkeys(id_ for side in event.actors.values() for id_ in side):
                found[("actor", actor)].append(event)
            found[("location", event.location)].append(event)
        return found

    @cached_property
    def related(self) -> dict[str, tuple[Article, ...]]:
        """Article id → the articles its page offers to read next (``model.related``)."""
        return related_articles(self.articles, self.listing)

    @cached_property
    def share_image(self) -> Picture | None:
        """The picture of link previews of a page that has no picture of its own."""
        share = self.config.share_image
        if share is None:
            return None
        return Picture(urls.share_image(share.suffix), [], share.width, share.height, share.alt.get(self.lang) or "")

    def counts(self, kind: str) -> Counter[str]:
        """How many published articles concern each entity of ``kind``."""
        return Counter(id_ for article in self.articles for id_ in article.ids(kind))

    def articles_about(self, kind: str, id_: str) -> list[Article]:
        return self.listing[(kind, id_)]

    def reliability(self, grade: str | None) -> str:
        """A source's grade as "C — Fairly reliable", or that it is not graded."""
        if not grade:
            return self.locale.t("reliability_unrated")
        return f"{grade} — {self.locale.label('reliability', grade)}"

    def pagination(self, first: str, number: int, total: int) -> Pagination:
        """Page ``number`` of ``total`` of the listing at ``first``, labelled "Page 2 of 5"."""
        label = self.locale.t("page_of", page=self.locale.number(number), pages=self.locale.number(total))
        return pagination(first, number, total, label)

    def nav(self, current: str) -> list[NavItem]:
        """Home and the sections; the section holding the current page is marked active."""
        home = urls.home(self.lang)
        items = [NavItem(self.locale.t("home"), home, current == home)]
        for name in self.sections:
            url = urls.section(self.lang, name)
            items.append(NavItem(self.locale.t(name), url, current.startswith(url)))
        return items

    def page(self, url: str, kind: str, title: str, view: View, *, template: str | None = None,
             title_lang: str | None = None, searchable: Iterable[str | None] | None = None,
             names: Iterable[str] = (), own_names: Iterable[str] = (), **fields: Any) -> PageModel:
        """The page model at ``url``, complete: ``fields`` are the rest of ``PageModel``'s.

        ``searchable``: the texts of a page readers search for, their Arabic words also
        indexed in their search forms; ``names``: what else the page is found by, though
        it does not show it (the names of an article's actors and places); ``own_names``:
        what the page is the page of (an entity's names and aliases in every language),
        found as its title is. A page without ``description`` has the site's; without
        ``json_ld``, it is described as a web page of its kind.
        """
        title_lang = title_lang or self.lang
        alternate = urls.counterpart(url, self.lang, self.locale.other)
        if "json_ld" not in fields:
            fields["json_ld"] = web_page_ld(kind, title, url, self.lang, self.config.base_url)
        fields["description"] = fields.get("description") or self.config.description.get(self.lang)
        fields["image"] = fields.get("image") or self.share_image
        if searchable is not None:
            own_names = tuple(dict.fromkeys(own_names))
            fields["search_terms"] = search_terms(" ".join(text for text in searchable if text), [*names, *own_names])
            fields["own_names"] = own_names
        return PageModel(
            lang=self.lang, url=url, kind=kind, template=f"briefing/{template or kind}.html",
            title=title, title_lang=title_lang, title_dir=direction(title_lang), alternate=alternate,
            default_url=url if self.lang == self.config.default_language else alternate,
            nav=self.nav(url), view=view, **fields)

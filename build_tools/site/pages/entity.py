"""What the pages of actors and locations share: their names and Wikidata item as facts,
the entities that appear with them, their timeline, and the page itself (searchable,
followed by a feed, described for machines)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ...languages import LANGUAGES
from ...model.articles import Article
from ...model.entities import Actor, Location, Names
from .. import urls
from ..structured import WIKIDATA, entity_page_ld
from ..timeline import Slot, timeline_svg
from .context import LanguagePages
from .model import Field, Link, PageModel, Timeline, View

MAX_RELATED = 10
TIMELINE_MONTHS = 60
"""Longest span drawn month by month; beyond it the timeline counts per year."""


def name_fields(pages: LanguagePages, names: Names) -> list[Field]:
    """The name in each language, the short name and the aliases."""
    locale = pages.locale
    fields = [Field(locale.t(f"name_{lang}"), names.name.get(lang) or "", lang) for lang in LANGUAGES]
    short, short_lang = locale.text(names.short_name)
    if short:
        fields.append(Field(locale.t("short_name"), short, short_lang))
    aliases = [*names.aliases.get(pages.lang, ()), *names.ambiguous_aliases.get(pages.lang, ())]
    if aliases:
        fields.append(Field(locale.t("aliases"), locale.join(aliases), pages.lang))
    return fields


def wikidata_field(pages: LanguagePages, qid: str | None) -> list[Field]:
    return [Field(pages.locale.t("wikidata"), qid, "en", f"{WIKIDATA}{qid}")] if qid else []


def related(pages: LanguagePages, articles: list[Article], kind: str, exclude: str | None = None) -> list[Link]:
    """The entities of ``kind`` the ``articles`` concern most, with how many of them: by
    count, then by name in the page's collation, so that ties at the cut are decided by
    name, as a reader would look for them."""
    counts = Counter(id_ for article in articles for id_ in article.ids(kind) if id_ != exclude)
    by_count = sorted(counts.values(), reverse=True)
    least = by_count[MAX_RELATED - 1] if len(by_count) > MAX_RELATED else 0
    links = [(count, pages.links.entity_link(kind, id_, count)) for id_, count in counts.items() if count >= least]
    links.sort(key=lambda item: (-item[0], pages.locale.sort_key(item[1].text, item[1].lang)))
    return [link for _, link in links[:MAX_RELATED]]


def period_scale(pages: LanguagePages, years: list[int]) -> tuple[bool, Callable[[Slot], str]]:
    """Whether a chart of ``years`` (not empty) counts per year, as it does when they span
    more than ``TIMELINE_MONTHS``, and how it names its periods."""
    locale = pages.locale
    by_year = (max(years) - min(years) + 1) * 12 > TIMELINE_MONTHS

    def label(slot: Slot) -> str:
        return locale.number(slot[0]) if by_year else locale.period_label(*slot)

    return by_year, label


def timeline(pages: LanguagePages, articles: list[Article]) -> Timeline | None:
    """Articles per month, or per year."""
    if not articles:
        return None
    locale = pages.locale
    by_year, label = period_scale(pages, [a.date.year for a in articles])
    title = locale.t("timeline_by_year" if by_year else "timeline_title")
    svg = timeline_svg((a.date for a in articles), title, label, locale.number, locale.t("list_separator"),
                       by_year)
    return Timeline(svg, title) if svg else None


def entity_page(pages: LanguagePages, kind: str, entity: Actor | Location, description: str | None,
                view: View) -> PageModel:
    url = urls.entity(pages.lang, kind, entity.id)
    return pages.page(url, kind, entity.names.name.get(pages.lang) or entity.id, view, feed=urls.feed(url),
                      description=description,
                      json_ld=entity_page_ld(entity, pages.lang, pages.config.base_url),
                      searchable=(*entity.names.all_in(pages.lang), description),
                      own_names=entity.names.every())

"""The site's addresses: the same readable shape in both languages, ``LANG/KIND/ID/``."""

from __future__ import annotations

from ..model.kinds import ARTICLE, BY_NAME, REGISTRIES, Kind

FEED_FILE = "feed.xml"
SEARCH_DIR = "pagefind"
SEARCH_GROUPS: dict[str, tuple[Kind, ...]] = {"articles": (ARTICLE,), "entities": REGISTRIES}
"""The groups of search results, each a Pagefind bundle (``search_bundle``) of the pages of these kinds."""


def paged(url: str, page: int) -> str:
    """Page ``page`` of a listing that starts at ``url``: ``ar/actors/page/2/``."""
    return url if page == 1 else f"{url}page/{page}/"


def home(lang: str, page: int = 1) -> str:
    return paged(f"{lang}/", page)


def section(lang: str, name: str) -> str:
    return f"{lang}/{name}/"


def entity(lang: str, kind: str, id_: str) -> str:
    return f"{lang}/{BY_NAME[kind].plural}/{id_}/"


def share_image(suffix: str) -> str:
    """The picture of link previews of pages without a lead photo (``share_image`` in site.yml)."""
    return f"assets/share-image{suffix}"


def search_bundle(lang: str, group: str) -> str:
    return f"{SEARCH_DIR}/{lang}/{group}/"


def archive_period(lang: str, year: int, month: int | None) -> str:
    return f"{lang}/archive/{year}/" + (f"{month:02d}/" if month else "")


def event_data(lang: str, period: str) -> str:
    """The events of one period, for the events page's script: ``ar/events/2017-09.json``."""
    return f"{section(lang, 'events')}{period}.json"


def counterpart(url: str, lang: str, to: str) -> str:
    """The same page in language ``to``."""
    return to + url.removeprefix(lang)


def feed(page_url: str) -> str:
    """The Atom feed beside a page: ``ar/feed.xml``, ``ar/actors/sdf/feed.xml``."""
    return f"{page_url}{FEED_FILE}"


def source_path(url: str) -> str:
    """The in-memory Markdown file behind a page address (MkDocs directory URLs)."""
    return f"{url}index.md"

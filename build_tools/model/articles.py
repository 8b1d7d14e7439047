"""An article: the facts of its ``meta.yml`` and its text in each language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from ..diagnostics import Diagnostic, Origin
from ..languages import LANGUAGES
from .dates import PartialDate
from .entities import Localized
from .events import Event
from .kinds import SOURCE
from .media import Document, Photo
from .translations import Status, TranslationRecord, TranslationState, compare


@dataclass(frozen=True)
class Citation:
    """A source an article relies on, possibly as relayed by another (``via``)."""

    source: str
    url: str | None = None
    via: str | None = None
    note: Localized = Localized()


@dataclass(frozen=True)
class Correction:
    date: PartialDate
    text: Localized


def _no_origin() -> Origin:
    return Origin("")


@dataclass
class Translation:
    """The text of an article in one language: its front matter and Markdown body."""

    lang: str
    title: str
    summary: str | None
    body: str
    body_line: int
    """The line of the file the body starts on."""
    record: TranslationRecord | None = None
    """What it was translated from, as its front matter's ``translated_from`` recorded."""
    origin: Origin = field(default_factory=_no_origin, compare=False, repr=False)

    def as_record(self) -> TranslationRecord:
        """What a translation made from this text now would record."""
        return TranslationRecord.of(self.lang, self.title, self.summary, self.body)


@dataclass
class Article:
    id: str
    date: PartialDate
    status: str
    updated: PartialDate | None = None
    authors: list[str] = field(default_factory=list)
    listed: dict[str, list[str]] = field(default_factory=dict)
    """Kind → the ids ``meta.yml`` lists under its plural (``actors: [sdf]``), for each
    kind ``listed_by_articles``."""
    sources: list[Citation] = field(default_factory=list)
    editor_note: Localized = Localized()
    corrections: list[Correction] = field(default_factory=list)
    """Newest first; the article's ``updated`` is never before the latest one."""
    translations: dict[str, Translation] = field(default_factory=dict)
    original: str = ""
    """The language it was written in; its other texts translate that one."""
    photos: list[Photo] = field(default_factory=list)
    """In the order ``meta.yml`` declares them."""
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    """The incidents it reports, in the order ``meta.yml`` lists them."""
    gaps: tuple[Diagnostic, ...] = ()
    """A draft's errors of what is left to fill in (``diagnostics.DRAFT_GAPS``): the preview
    shows such a draft, listing them, where any other error stops the build."""
    publish_at: dt.datetime | None = None
    """The instant it goes out (``publish_at``, with its zone); before it, it is left out as a draft is."""
    redirect_from: tuple[str, ...] = ()
    """Its earlier ids (``briefing rename article`` adds them): each keeps a page that sends readers here."""
    origin: Origin = field(default_factory=_no_origin, compare=False, repr=False)

    @property
    def lead_photo(self) -> Photo | None:
        """The article's picture for cards, feeds and link previews."""
        return next((photo for photo in self.photos if photo.lead), None)

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def waiting(self, now: dt.datetime) -> bool:
        """Whether it is scheduled to go out after ``now``."""
        return self.publish_at is not None and self.publish_at > now

    def is_out(self, now: dt.datetime) -> bool:
        """Whether the site publishes it at ``now``: not a draft, and not scheduled for later."""
        return not self.is_draft and not self.waiting(now)

    @property
    def actors(self) -> list[str]:
        return self.listed.get("actor", [])

    @property
    def locations(self) -> list[str]:
        return self.listed.get("location", [])

    @property
    def tags(self) -> list[str]:
        return self.listed.get("tag", [])

    def ids(self, kind: str) -> list[str]:
        """The ids of ``kind`` the article concerns: those it lists, or for sources every
        source it cites, directly or as the one that relayed it (``via``)."""
        if kind == SOURCE.name:
            return list(dict.fromkeys(id_ for c in self.sources for id_ in (c.source, c.via) if id_))
        return self.listed.get(kind, [])

    @cached_property
    def translation_states(self) -> dict[str, TranslationState]:
        """Each language's text against the original, computed once: an article's pages,
        its open data and the check each ask, and each answer hashes the original."""
        return {lang: translation_state(self.translations, self.original, lang) for lang in LANGUAGES}

    def translation_state(self, lang: str) -> TranslationState:
        return self.translation_states[lang]

    def text_in(self, lang: str) -> Translation:
        """The translation in ``lang``, else the one that exists (pending translations)."""
        return self.translations.get(lang) or next(iter(self.translations.values()))


def translation_state(translations: dict[str, Translation], original: str, lang: str) -> TranslationState:
    """The text in ``lang`` against the ``original``'s: the original itself, pending, never
    recorded, or recorded and still current or stale."""
    if lang == original:
        return TranslationState(Status.ORIGINAL)
    text, source = translations.get(lang), translations.get(original)
    if text is None:
        return TranslationState(Status.PENDING)
    if text.record is None or source is None or text.record.lang != original:
        return TranslationState(Status.UNRECORDED)
    return compare(text.record, source.as_record())

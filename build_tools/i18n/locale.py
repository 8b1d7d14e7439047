"""Everything that is written differently for a reader of one language, on one object."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from babel import Locale as BabelLocale
from babel.lists import format_list

from ..languages import Language, language
from ..model.dates import PartialDate
from ..model.entities import Localized
from ..model.settings import SiteConfig, Term
from .formats import digits, file_size, format_partial_date, sort_key

Item = TypeVar("Item")

_MARK = "\x00"
"""Stands around an item's number in the list Babel writes, where ``listed`` finds it again."""


@dataclass(frozen=True)
class Locale:
    """The interface strings, vocabulary labels, dates, digits, collation and direction
    of one language of the site."""

    lang: str
    strings: dict[str, str]
    vocabularies: dict[str, dict[str, Term]]
    date_locales: tuple[str, ...]
    """The Babel locales of dates, e.g. ``ar_SY``: the first writes them, each names their months."""
    arabic_digits: str

    @classmethod
    def of(cls, config: SiteConfig, lang: str) -> Locale:
        return cls(lang, config.strings[lang], config.vocabularies, config.date_locales[lang], config.arabic_digits)

    @property
    def date_locale(self) -> str:
        return self.date_locales[0]

    @property
    def language(self) -> Language:
        """What is fixed about the language (``languages``)."""
        return language(self.lang)

    @property
    def direction(self) -> str:
        return self.language.direction

    @property
    def other(self) -> str:
        """The other language, which every page has a counterpart in."""
        return self.language.other

    @property
    def numbering(self) -> str:
        """The numbering system its pages count in (CLDR's ``arab`` or ``latn``)."""
        return self.language.numbering(self.arabic_digits)

    def t(self, key: str, **values: Any) -> str:
        """The interface string ``key``, with ``values`` filled in; a placeholder the page
        gives no value for stays as written (``check`` holds each to a plain name)."""
        return self.strings[key].format_map(_Values(values)) if values else self.strings[key]

    def text(self, value: Localized) -> tuple[str | None, str]:
        """The text in this language, else in the other one, with the language it is in."""
        if value.get(self.lang):
            return value.get(self.lang), self.lang
        return value.get(self.other), self.other

    def label(self, vocabulary: str, term: str, inverse: bool = False, plural: bool = False) -> str:
        """A vocabulary term's label; ``inverse``: read from the other side ("Includes" for
        part-of); ``plural``: naming a group of them, where the vocabulary says how."""
        entry = self.vocabularies[vocabulary][term]
        wanted = [entry.inverse if inverse else None, entry.plural if plural else None, entry.label]
        for labels in wanted:
            text = labels.get(self.lang) if labels is not None else None
            if text:
                return text
        return term

    def date(self, date: PartialDate) -> str:
        """A date written to the precision it is known: '7 آب 2017', 'آب 2017', '2017'."""
        return format_partial_date(date, self.lang, self.date_locales, self.arabic_digits)

    def counted(self, key: str, count: int) -> str:
        """The interface string ``KEY_FORM`` for ``count`` in the plural form the language
        gives that number (Arabic: one, two, few, many, other), with it written in."""
        form = BabelLocale.parse(self.date_locale).plural_form(count)
        return self.t(f"{key}_{form}", count=self.number(count))

    def number(self, value: int | float) -> str:
        return digits(str(value), self.lang, self.arabic_digits)

    def file_size(self, size: int) -> str:
        return file_size(size, self.lang, self.date_locale, self.arabic_digits)

    def period_label(self, year: int, month: int | None) -> str:
        """A month ("آب 2017"), or a year whose months are unknown ("2017 — الشهر غير معروف")."""
        return self.date(PartialDate(year, month)) if month else f"{self.number(year)} — {self.t('month_unknown')}"

    def listed(self, items: list[Item]) -> list[Item | str]:
        """``items`` as running text lists them in this language ("أ وب", "a, b, and c"):
        the items, and the words between them apart, so that each item can be isolated in
        its own language."""
        numbered = format_list([f"{_MARK}{index}{_MARK}" for index in range(len(items))], locale=self.lang)
        pieces: list[Item | str] = []
        for position, piece in enumerate(numbered.split(_MARK)):
            if position % 2:
                pieces.append(items[int(piece)])
            elif piece:
                pieces.append(piece)
        return pieces

    def join(self, items: list[str]) -> str:
        """Items as a list in running text: "أ، ب" or "a, b"."""
        return self.t("list_separator").join(items)

    @staticmethod
    def sort_key(text: str, lang: str) -> tuple[int, ...]:
        """Collation key of ``text``, written in ``lang`` (a name may be in the other language)."""
        return sort_key(text, lang)


class _Values(dict[str, Any]):
    """The values of an interface string; a name without one is left as its placeholder."""

    def __missing__(self, name: str) -> str:
        return f"{{{name}}}"

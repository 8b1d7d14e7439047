"""The site's two languages and what is fixed about each, in one record a language
(``Language``): direction, script, counterpart, digits, reading speed, Open Graph locale.

Every choice that depends on the language and not on the site's settings is read here;
``i18n.locale.Locale`` joins a record to what ``site_config`` says of the language (its
strings, its date locales, whether Arabic pages count in Arabic-Indic digits).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    direction: str
    """``rtl`` or ``ltr``: the ``dir`` of a text or page in the language."""
    script: str
    """Its script (ISO 15924): ``Arab``: names are folded and sorted as Arabic is written."""
    other: str
    """The other of the two languages: each page has its counterpart in it."""
    words_per_minute: int
    """Silent reading of running text by adults: Arabic words, longer on average (attached
    articles and prepositions), are read fewer a minute than English ones."""
    og_locale: str
    """Its Open Graph locale (``og:locale``)."""
    native_digits: str | None = None
    """The digits of its own script (CLDR's numbering system, ``arab``), which pages use
    when the site's ``arabic_digits`` names them; None: Western digits only."""

    def numbering(self, site_digits: str) -> str:
        """The numbering system of its pages when the site is set to ``site_digits``."""
        return site_digits if self.native_digits is not None and site_digits == self.native_digits else "latn"


ARABIC = Language("ar", "rtl", "Arab", "en", 180, "ar_AR", native_digits="arab")
ENGLISH = Language("en", "ltr", "Latn", "ar", 230, "en_US")
BY_CODE = {language.code: language for language in (ARABIC, ENGLISH)}
LANGUAGES = tuple(BY_CODE)
"""Every language a text can be written in, Arabic first (the default of the sample site)."""


def language(lang: str) -> Language:
    return BY_CODE[lang]


def direction(lang: str) -> str:
    """``rtl`` or ``ltr``: the ``dir`` of a text or page in ``lang``."""
    return BY_CODE[lang].direction


def other_language(lang: str) -> str:
    """The other of the two languages: each page has its counterpart in it."""
    return BY_CODE[lang].other

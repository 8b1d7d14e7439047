"""Writing values in the reader's language: dates through Babel, digits, sorting.

Arabic names are sorted with the Unicode Collation Algorithm (pyuca), ignoring the
definite article "ال" as Arabic indexes do, so "الرقة" files under ر.
"""

from __future__ import annotations

from functools import lru_cache

import pyuca
from babel.dates import format_date, format_skeleton, get_month_names
from babel.units import format_unit

from ..languages import language
from ..model.dates import PartialDate, Precision
from ..text.arabic import normalize_arabic, without_article
from ..text.charsets import ARABIC_DECIMAL_SEPARATOR, ARABIC_INDIC_DIGITS, WESTERN_DIGITS

_TO_ARABIC_INDIC = str.maketrans(WESTERN_DIGITS, ARABIC_INDIC_DIGITS)
_DATE_FORMATS = {Precision.DAY: "long", Precision.MONTH: "yMMMM", Precision.YEAR: "y"}


@lru_cache(maxsize=1)
def _collator() -> pyuca.Collator:
    return pyuca.Collator()


def load_collation() -> None:
    """Reads the collation table now (a quarter of a second): ``briefing build`` calls it
    before it forks its renderers, which then share one table instead of reading it each."""
    _collator()


def digits(text: str, lang: str, arabic_digits: str) -> str:
    """Western digits, or Arabic-Indic ones on Arabic pages when the site is set to ``arab``."""
    return text.translate(_TO_ARABIC_INDIC) if language(lang).numbering(arabic_digits) == "arab" else text


@lru_cache(maxsize=65536)
def format_partial_date(date: PartialDate, lang: str, locales: tuple[str, ...], arabic_digits: str) -> str:
    """A date written to the precision it is known: '7 آب 2017', 'آب 2017', '2017', in the
    first of ``locales``, its month named as each of them names it ('7 آب/أغسطس 2017').

    Cached: Babel takes tens of microseconds a date, and one date is written on many
    pages (cards, timelines, archives).
    """
    pattern = _DATE_FORMATS[date.precision]
    if date.precision is Precision.DAY:
        text = format_date(date.earliest, pattern, locale=locales[0])
    else:
        text = format_skeleton(pattern, date.earliest, locale=locales[0])
    if date.precision is not Precision.YEAR and len(locales) > 1:
        months = [get_month_names("wide", locale=locale)[date.earliest.month] for locale in locales]
        text = text.replace(months[0], "/".join(dict.fromkeys(months)), 1)
    return digits(text, lang, arabic_digits)


@lru_cache(maxsize=65536)
def sort_key(name: str, lang: str) -> tuple[int, ...]:
    """Collation key for a name in its language.

    Cached: the Unicode collation takes tens of microseconds a name, and the same names
    are sorted on many pages (an entity's related entities, the indexes)."""
    text = without_article(normalize_arabic(name)) if language(lang).script == "Arab" else name.casefold()
    key: tuple[int, ...] = _collator().sort_key(text)
    return key


def file_size(size: int, lang: str, locale: str, arabic_digits: str) -> str:
    """A file's size as readers of ``lang`` write it: "340 kB", "1.2 ميغابايت"."""
    kilobytes = max(1, round(size / 1000))
    if kilobytes < 1000:
        unit, value = "digital-kilobyte", float(kilobytes)
    else:  # one decimal, rounded by the format
        unit, value = "digital-megabyte", size / 1_000_000
    long_name = lang == "ar" and unit == "digital-megabyte"  # CLDR's short Arabic megabyte is "م.ب"
    written = format_unit(value, unit, length="long" if long_name else "short", locale=locale, format="#,##0.#")
    if language(lang).numbering(arabic_digits) == "arab":
        written = written.replace(".", ARABIC_DECIMAL_SEPARATOR)
    return digits(written, lang, arabic_digits)

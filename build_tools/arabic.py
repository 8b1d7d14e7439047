"""Arabic text: letter folding, search forms, digits, and the share of Arabic script in a text."""

from __future__ import annotations

import re
import unicodedata

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
_FOLD = str.maketrans({
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # alef forms
    "\u0629": "\u0647",  # taa marbuta -> haa
    "\u0649": "\u064a",  # alif maqsura -> yaa
    "\u06cc": "\u064a", "\u06a9": "\u0643",  # Persian yeh and keheh
})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]+")
_LATIN_LETTERS = re.compile("[A-Za-z\u00c0-\u024f]+")


def fold_arabic_letter(char: str) -> str:
    """One letter's common form: alef variants, taa marbuta, alif maqsura, Persian yeh/keheh."""
    return char.translate(_FOLD)


def normalize_arabic(text: str) -> str:
    """Fold the spelling variants Arabic writers use for one name into one form."""
    text = unicodedata.normalize("NFKC", text)
    text = DIACRITICS.sub("", text).replace(TATWEEL, "")
    return " ".join(text.translate(_FOLD).split())


def western_digits(text: str) -> str:
    """Arabic-Indic and Extended Arabic-Indic digits as ASCII digits."""
    return text.translate(_DIGITS)


def arabic_share(text: str) -> tuple[float, int]:
    """Share of Arabic letters among Arabic and Latin letters, and how many letters there were."""
    arabic = sum(map(len, _ARABIC_LETTERS.findall(text)))
    latin = sum(map(len, _LATIN_LETTERS.findall(text)))
    total = arabic + latin
    return (arabic / total if total else 0.0), total


_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
# Attached conjunction (و ف), then preposition (ب ك ل) and/or the article (ال, "لل" when
# ل meets ال). The same rule is in overrides/assets/arabic-search.js for readers' queries.
_CLITICS = re.compile(r"^[وف]?(?:[بك]?ال|لل|[بكل])?(?=\S{2,}$)")


def search_form(word: str) -> str:
    """One Arabic word as the search index and the query both see it."""
    return _CLITICS.sub("", normalize_arabic(word), count=1)


def search_terms(text: str) -> str:
    """Every distinct Arabic word of ``text`` in its search form, for the search index."""
    words = dict.fromkeys(_WORD.findall(normalize_arabic(text)))
    return " ".join(dict.fromkeys(_CLITICS.sub("", word, count=1) for word in words))

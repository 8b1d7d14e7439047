"""Arabic text, one small function per rule: folding spelling variants, digits, attached
prefixes, the search form of a word, and how much of a text is Arabic.

Writers spell one name several ways (إبراهيم / ابراهيم, الكردية / الكرديه, with or
without vowels and kashida); the folding rules below make those one form. The same
rules serve sorting, search and the name matcher (``folding``), so they cannot drift.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .charsets import (
    ALEF,
    ALEF_MAKSURA,
    ALEF_VARIANTS,
    ARABIC_DIACRITICS,
    ARABIC_INDIC_DIGITS,
    ARABIC_LETTERS,
    ARABIC_PRESENTATION_FORMS,
    ARTICLE,
    CONJUNCTIONS,
    EXTENDED_ARABIC_INDIC_DIGITS,
    FARSI_YEH,
    HAA,
    KAF,
    KEHEH,
    LAM,
    LATIN_LETTERS,
    PREPOSITIONS,
    TAA_MARBUTA,
    TATWEEL,
    WESTERN_DIGITS,
    YAA,
    ZERO_WIDTH,
)

DIACRITICS = re.compile(f"[{ARABIC_DIACRITICS}]")
_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH}]")
ALEF_FOLDING = dict.fromkeys(map(ord, ALEF_VARIANTS), ALEF)
TAA_MARBUTA_FOLDING = {ord(TAA_MARBUTA): HAA}
ALEF_MAKSURA_FOLDING = {ord(ALEF_MAKSURA): YAA}
PERSIAN_LETTERS_FOLDING = {ord(FARSI_YEH): YAA, ord(KEHEH): KAF}
LETTER_FOLDING = {**ALEF_FOLDING, **TAA_MARBUTA_FOLDING, **ALEF_MAKSURA_FOLDING, **PERSIAN_LETTERS_FOLDING}
"""Every letter rule at once: each maps single letters, so together they are one pass."""
_DIGITS = str.maketrans(ARABIC_INDIC_DIGITS + EXTENDED_ARABIC_INDIC_DIGITS, WESTERN_DIGITS * 2)

ATTACHED_PREFIX = f"[{CONJUNCTIONS}]?(?:[{PREPOSITIONS.replace(LAM, '')}]?{ARTICLE}|{LAM}{LAM}|[{PREPOSITIONS}])?"
"""What may be attached before a word: a conjunction (و ف), then a preposition (ب ك ل)
or the article (ال) or both. ل before ال drops the alef and is written لل, so لال is not
a prefix (in لالتزام the ال belongs to the word)."""
ELIDED_ARTICLE_PREFIX = f"[{CONJUNCTIONS}]?{LAM}"
"""Before a name that starts with ال written as لل: what is left once the name's own
ال is matched as its ل (للرقة = ل + لرقة)."""
_SEARCH_CLITICS = re.compile(f"^{ATTACHED_PREFIX}(?=\\S{{2,}}$)")
_LEADING_ARTICLE = re.compile(f"^{ARTICLE}(?=\\S{{2,}})")
"""Attached prefixes, removed only when at least two letters remain."""
_ARABIC_WORD = re.compile(f"[{ARABIC_LETTERS}{ARABIC_DIACRITICS}]+")
"""Letters and marks: not the Arabic comma, semicolon or question mark of the same block."""
_WRITTEN_WORD = re.compile(f"[{ARABIC_LETTERS}{ARABIC_DIACRITICS}{ZERO_WIDTH}{ARABIC_PRESENTATION_FORMS}]+")
"""An Arabic word as a writer may have typed it: with marks, zero-width characters pasted
inside, or presentation forms (ﻻ, ﷲ), which folding turns into letters."""
_ARABIC_RUN = re.compile(f"[{ARABIC_LETTERS}]+")
_LATIN_RUN = re.compile(f"[{LATIN_LETTERS}]+")


def drop_diacritics(text: str) -> str:
    return DIACRITICS.sub("", text)


def drop_tatweel(text: str) -> str:
    return text.replace(TATWEEL, "")


def drop_zero_width(text: str) -> str:
    """Zero-width joiners, non-joiners, spaces and the BOM, pasted inside words, split no word."""
    return _ZERO_WIDTH.sub("", text)


def unify_alef(text: str) -> str:
    """أ إ آ ٱ as ا."""
    return text.translate(ALEF_FOLDING)


def taa_marbuta_as_haa(text: str) -> str:
    """ة as ه: writers use either at the end of a word (الكردية / الكرديه)."""
    return text.translate(TAA_MARBUTA_FOLDING)


def alef_maksura_as_yaa(text: str) -> str:
    """ى as ي: Egyptian and many online texts write either (مصطفى / مصطفي)."""
    return text.translate(ALEF_MAKSURA_FOLDING)


def persian_letters_as_arabic(text: str) -> str:
    """Persian yeh and keheh as yaa and kaf."""
    return text.translate(PERSIAN_LETTERS_FOLDING)


def fold_letters(text: str) -> str:
    """Every letter rule above (alef forms, taa marbuta, alif maqsura, Persian letters), in one pass."""
    return text.translate(LETTER_FOLDING)


def normalize_arabic(text: str) -> str:
    """Fold the spelling variants Arabic writers use for one name into one form:
    compatibility forms (NFKC), diacritics, tatweel and zero-width characters dropped,
    letters folded, spaces collapsed."""
    text = drop_zero_width(drop_tatweel(drop_diacritics(unicodedata.normalize("NFKC", text))))
    return " ".join(fold_letters(text).split())


def western_digits(text: str) -> str:
    """Arabic-Indic and Extended Arabic-Indic digits as ASCII digits."""
    return text.translate(_DIGITS)


def arabic_share(text: str) -> tuple[float, int]:
    """Share of Arabic letters among Arabic and Latin letters, and how many letters there were."""
    arabic = sum(map(len, _ARABIC_RUN.findall(text)))
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    total = arabic + latin
    return (arabic / total if total else 0.0), total


def strip_attached_prefix(word: str) -> str:
    """A folded word without its attached prefixes, unless fewer than two letters would remain."""
    return _SEARCH_CLITICS.sub("", word)


def without_article(text: str) -> str:
    """``text`` without a leading ال, as Arabic indexes sort names ("الرقة" under ر)."""
    return _LEADING_ARTICLE.sub("", text)


def search_form(word: str) -> str:
    """One Arabic word folded and without its attached prefixes: the form the search page
    compares a query with an entity's names in (``arabicQuery`` in
    ``assets/arabic-search.js``); the index holds ``search_forms``."""
    return strip_attached_prefix(normalize_arabic(word))


def search_forms(word: str) -> list[str]:
    """The forms search looks an Arabic word up by: folded as written, and also without its
    attached prefixes when it has some (بدير: بدير and دير; بين: بين and ين). Looked up
    both ways, a word is found whether or not its first letters are a prefix."""
    forms: dict[str, None] = {}
    for folded in normalize_arabic(word).split():  # a ligature of several words (ﷺ) is several
        forms.update(dict.fromkeys((folded, strip_attached_prefix(folded))))
    return list(forms)


def search_terms(text: str, names: Iterable[str] = ()) -> str:
    """What the search index needs beside a page's own words, each once: the forms
    (``search_forms``) of the Arabic words of ``text``, the page's text, other than the
    word as written, and every form of the Arabic words of ``names``, which the page may
    not show. Indexed after the page's text, never shown: the search page cuts its
    excerpts from the words before them."""
    terms: dict[str, None] = {}
    for word in dict.fromkeys(_WRITTEN_WORD.findall(text)):
        terms.update(dict.fromkeys(form for form in search_forms(word) if form != word))
    for word in dict.fromkeys(_WRITTEN_WORD.findall(" ".join(names))):
        terms.update(dict.fromkeys(search_forms(word)))
    return " ".join(terms)

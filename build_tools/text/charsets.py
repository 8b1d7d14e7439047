"""Named character sets, as bodies of regular-expression character classes (``f"[{X}]"``).

Every rule about Arabic and Latin text (folding, attached prefixes, search forms, the
script of a text, bidi isolation, invisible characters) is written with these names, so
two rules cannot disagree about what a letter is. The reader's search box,
``overrides/assets/arabic-search.js``, repeats the Arabic ones; a test runs it against
``arabic.search_form``.
"""

from __future__ import annotations

ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
"""The Arabic blocks: Arabic, Supplement, Extended-A, Presentation Forms-A and -B."""
ARABIC_LETTERS = "\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
"""Arabic letters, without digits, marks or punctuation: to measure how Arabic a text is."""
ARABIC_DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
"""Short vowels, tanwin, shadda, sukun, the superscript alef and Quranic marks."""
ARABIC_PRESENTATION_FORMS = "\ufb50-\ufdff\ufe70-\ufefc"
"""Ligatures and contextual forms of Arabic letters (ﻻ, ﷲ), which NFKC turns into letters."""
TATWEEL = "\u0640"
"""The kashida, which stretches a word and carries no letter."""

ALEF = "\u0627"
ALEF_VARIANTS = "\u0623\u0625\u0622\u0671"
"""Alef with hamza above or below, with madda, and alef wasla: أ إ آ ٱ."""
TAA_MARBUTA, HAA = "\u0629", "\u0647"
ALEF_MAKSURA, YAA = "\u0649", "\u064a"
FARSI_YEH, KEHEH, KAF = "\u06cc", "\u06a9", "\u0643"
"""Persian yeh and keheh, typed for yaa and kaf on Persian and Urdu keyboards."""

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EXTENDED_ARABIC_INDIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DECIMAL_SEPARATOR = "\u066b"
"""٫, written between the whole and the fraction with Arabic-Indic digits."""
WESTERN_DIGITS = "0123456789"

CONJUNCTIONS = "وف"
"""Attached conjunctions: wa and fa ("and", "so")."""
PREPOSITIONS = "بكل"
"""Attached prepositions: bi, ka and li ("with", "like", "for")."""
ARTICLE = "ال"
"""The definite article al-."""
LAM = "ل"

LATIN_LETTERS = "A-Za-z\u00c0-\u024f"
"""Basic Latin, Latin-1 Supplement, Extended-A and -B letters."""
NAME_SEPARATORS = "\\s\\-\u2010-\u2015'\u2019\u02bc`"
"""Spaces, hyphens, dashes and apostrophes: in a name, any of them reads as a space."""

BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
"""Bidirectional embeddings, overrides and isolates; left-to-right, right-to-left and Arabic letter marks."""
ZERO_WIDTH = "\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e"
"""Zero-width space, joiners, word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator."""
CONTROL_CHARACTERS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
"""C0 controls other than tab and line breaks, and DEL."""

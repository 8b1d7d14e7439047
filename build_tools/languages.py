"""The site's two languages and what is fixed about each: its direction and its counterpart.

Every choice between right-to-left and left-to-right is made here, once.
"""

from __future__ import annotations

LANGUAGES = ("ar", "en")
"""Every language a text can be written in, Arabic first (the default of the sample site)."""
DIRECTIONS = {"ar": "rtl", "en": "ltr"}
_OTHER = {"ar": "en", "en": "ar"}


def direction(lang: str) -> str:
    """``rtl`` or ``ltr``: the ``dir`` of a text or page in ``lang``."""
    return DIRECTIONS[lang]


def other_language(lang: str) -> str:
    """The other of the two languages: each page has its counterpart in it."""
    return _OTHER[lang]

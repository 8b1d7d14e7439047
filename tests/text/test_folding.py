"""Names folded as readers write them: Arabic spelling variants, Latin case and
punctuation; the Arabic share of a text; search forms."""

from __future__ import annotations

import pytest

from build_tools.text.arabic import arabic_share, normalize_arabic, search_forms, search_terms, strip_attached_prefix
from build_tools.text.folding import name_key


@pytest.mark.parametrize("variant", ["إبراهيم", "ابراهيم", "إبْرَاهِيم", "إبـراهيم"])
def test_arabic_spelling_variants_fold_together(variant: str) -> None:
    assert normalize_arabic(variant) == "ابراهيم"


def test_arabic_taa_marbuta_and_alif_maqsura() -> None:
    assert normalize_arabic("الكردية") == normalize_arabic("الكرديه")
    assert normalize_arabic("مصطفى") == normalize_arabic("مصطفي")


def test_latin_names_ignore_case_hyphens_and_apostrophes() -> None:
    assert name_key("Al-Jarba") == name_key("al jarba") == "al jarba"
    assert name_key("People’s Units") == name_key("people's units")


def test_arabic_share() -> None:
    assert arabic_share("قسد SDF") == (0.5, 6)


def test_the_arabic_share_of_a_text_without_letters_is_nothing() -> None:
    assert arabic_share("2017 — 42!") == (0.0, 0)
    assert arabic_share("قسد SDF") == (0.5, 6)


def test_search_forms_drop_one_attached_prefix_and_repeat_no_word() -> None:
    assert strip_attached_prefix("وبالمدينة") == "مدينة"
    assert strip_attached_prefix("بر") == "بر"  # fewer than two letters would remain
    assert search_forms("بين") == ["بين", "ين"]  # found whether or not ب is a prefix
    assert search_forms("دَيْرِ") == ["دير"]
    # Only what the words as written do not give, once: not قوات or سوريا, which the page shows.
    assert search_terms("قوات سوريا، وقوات سوريا؟ والمدينة؛") == "قوات والمدينه مدينه"
    # Names the page does not show: every form, the word as written included.
    assert search_terms("", ["قسد", "Syrian Democratic Forces"]) == "قسد"

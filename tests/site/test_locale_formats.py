"""What a language changes in numbers and order: digits, file sizes, collation."""

from __future__ import annotations

from build_tools.i18n.formats import digits, file_size, sort_key


def test_digits_are_arabic_indic_only_on_arabic_pages_that_ask_for_them() -> None:
    assert digits("7 آب 2017", "ar", "arab") == "٧ آب ٢٠١٧"
    assert digits("2017", "ar", "latn") == "2017"
    assert digits("2017", "en", "arab") == "2017"


def test_file_sizes_in_each_language() -> None:
    assert file_size(340_400, "en", "en_GB", "latn") == "340 kB"
    assert file_size(1_250_000, "en", "en_GB", "latn") == "1.2 MB"
    assert file_size(1_250_000, "ar", "ar_SY", "arab") == "١٫٢ ميغابايت"
    assert file_size(120, "en", "en_GB", "latn") == "1 kB"
    assert file_size(999_400, "en", "en_GB", "latn") == "999 kB"
    assert file_size(999_600, "en", "en_GB", "latn") == "1 MB"  # 1,000 kB is written as megabytes
    assert file_size(1_260_000, "en", "en_GB", "arab") == "1.3 MB"  # Arabic digits are for Arabic pages
    assert file_size(12_340_000, "ar", "ar_SY", "latn") == "12.3 ميغابايت"
    assert file_size(1_150_000, "en", "en_GB", "latn") == "1.2 MB"  # exactly halfway, to the even tenth


def test_names_collate_by_language() -> None:
    assert sort_key("Beta", "en") == sort_key("beta", "en")  # English: case does not count
    arabic = ["الرقة", "دير الزور", "البوكمال", "حلب"]
    assert sorted(arabic, key=lambda name: sort_key(name, "ar")) == ["البوكمال", "حلب", "دير الزور", "الرقة"]

"""Isolation of opposite-direction runs in rendered HTML."""

from build_tools.text.bidi import isolate_other_script


def test_latin_run_in_arabic_text_is_isolated_with_its_digits() -> None:
    html = "<p>أعلنت قوات سوريا الديمقراطية (SDF 2017) عن بدء المعركة.</p>"
    assert isolate_other_script(html, "ar") == (
        '<p>أعلنت قوات سوريا الديمقراطية (<bdi lang="en" dir="ltr">SDF 2017</bdi>) عن بدء المعركة.</p>')


def test_arabic_run_in_english_text_is_isolated() -> None:
    html = '<p>The typo "بالتوزاي" for "بالتوازي", and (قسد) the SDF.</p>'
    assert isolate_other_script(html, "en") == (
        '<p>The typo "<bdi lang="ar" dir="rtl">بالتوزاي</bdi>" for "<bdi lang="ar" dir="rtl">بالتوازي</bdi>", '
        'and (<bdi lang="ar" dir="rtl">قسد</bdi>) the SDF.</p>')


def test_tags_attributes_code_and_existing_isolation_are_left_alone() -> None:
    html = ('<p><a href="/en/actors/sdf/" title="SDF">قسد</a> <code>SDF</code> <bdi>SDF</bdi> '
            '<img alt="SDF"/> SDF</p>')
    assert isolate_other_script(html, "ar") == (
        '<p><a href="/en/actors/sdf/" title="SDF">قسد</a> <code>SDF</code> <bdi>SDF</bdi> '
        '<img alt="SDF"/> <bdi lang="en" dir="ltr">SDF</bdi></p>')


def test_text_in_the_page_language_is_unchanged() -> None:
    assert isolate_other_script("<p>Only English, 2017.</p>", "en") == "<p>Only English, 2017.</p>"


def test_character_references_are_never_taken_for_latin_words() -> None:
    html = "<p>نقلاً عن باسنيوز&nbsp;&#8617; و&lt;قسد&gt; و&#x21A9; AT&amp;T</p>"
    assert isolate_other_script(html, "ar") == (
        '<p>نقلاً عن باسنيوز&nbsp;&#8617; و&lt;قسد&gt; و&#x21A9; <bdi lang="en" dir="ltr">AT</bdi>&amp;'
        '<bdi lang="en" dir="ltr">T</bdi></p>')

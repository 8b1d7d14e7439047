"""The promises of small functions, tested in process with exact answers: how problems
are written for editors, CI and tools; digits and collation; sanitizing; search forms."""

from __future__ import annotations

import gzip
import json

from build_tools.content.conflicts import conflict_markers
from build_tools.diagnostics import Origin, Position, Report, did_you_mean
from build_tools.i18n.formats import digits, file_size, sort_key
from build_tools.site.sitemap import SitemapEntry, gzipped, sitemap_xml
from build_tools.text.arabic import arabic_share, search_forms, search_terms, strip_attached_prefix
from build_tools.text.htmlpolicy import sanitize


def _report() -> Report:
    report = Report()
    report.warning(Position("content/b.yml", 3, 2), "second", "translation-stale")
    report.error(Position("content/a.yml", 0, 0), "قسد: line one\r\nline two 100%", "yaml-syntax")
    report.error(Position("content/a.yml", 0, 0), "قسد: line one\r\nline two 100%", "yaml-syntax")  # reported once
    return report


def test_a_report_as_text_json_and_github_annotations() -> None:
    report = _report()
    assert report.as_text() == ("content/a.yml: error: قسد: line one\r\nline two 100% [yaml-syntax]\n"
                                "content/b.yml:3:2: warning: second [translation-stale]\n2 errors, 1 warning\n")
    assert report.as_json() == json.dumps({"errors": 2, "warnings": 1, "diagnostics": [
        {"file": "content/a.yml", "line": 0, "column": 0, "severity": "error", "code": "yaml-syntax",
         "message": "قسد: line one\r\nline two 100%"},
        {"file": "content/b.yml", "line": 3, "column": 2, "severity": "warning", "code": "translation-stale",
         "message": "second"}]},
        ensure_ascii=False, indent=2) + "\n"
    assert "قسد" in report.as_json() and '\n  "errors": 2,' in report.as_json()
    assert report.as_github() == ("::error file=content/a.yml,title=yaml-syntax::قسد: line one%0D%0Aline two 100%25\n"
                                  "::warning file=content/b.yml,title=translation-stale,line=3,col=2::second\n"
                                  "2 errors, 1 warning\n")
    single = Report()
    single.error(Position("a,b:c.yml", 1, 1), "x", "missing-field")
    assert single.as_github() == "::error file=a%2Cb%3Ac.yml,title=missing-field,line=1,col=1::x\n1 error, 0 warnings\n"


def test_an_origin_points_at_the_value_else_its_key_else_its_nearest_parent() -> None:
    origin = Origin("meta.yml", values={(): (1, 1), ("media",): (3, 3), ("media", 0, "file"): (4, 11)},
                    keys={("media", 0, "file"): (4, 5)})
    assert origin.at("media", 0, "file") == Position("meta.yml", 4, 11)
    assert origin.at("media", 0, "file", key=True) == Position("meta.yml", 4, 5)
    assert origin.at("media", 0, "alt", key=True) == Position("meta.yml", 3, 3)
    assert origin.at("media", 1) == Position("meta.yml", 3, 3)
    assert origin.at("tags", 0) == Position("meta.yml", 1, 1)
    assert Origin("x.yml").at("a") == Position("x.yml")


def test_did_you_mean_names_the_closest_choice_only() -> None:
    assert did_you_mean("ypj", ["ypg", "sdf"]) == " (did you mean 'ypg'?)"
    assert did_you_mean("zzz", ["ypg", "sdf"]) == ""


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


def test_the_sanitizer_drops_scripts_and_styles_with_their_content_and_comments() -> None:
    assert sanitize("<p>a<script>steal()</script><style>p{}</style><!-- note -->b</p>") == "<p>ab</p>"


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


def test_merge_conflict_markers_are_git_s_and_only_git_s() -> None:
    three_way = "a\n<<<<<<< HEAD\nours\n||||||| base\nold\n=======\ntheirs\n>>>>>>> branch\n"
    assert conflict_markers(three_way) == [
        (2, "'<<<<<<<' (start of the version on this branch)"), (4, "'|||||||' (start of the common ancestor)"),
        (6, "'=======' (separator of the two versions)"), (8, "'>>>>>>>' (end of the other branch's version)")]
    assert conflict_markers("Title\n=======\n\ntext\n") == []  # a heading's underline, alone
    assert conflict_markers(">>>>>>> left alone\n") == [(1, "'>>>>>>>' (end of the other branch's version)")]
    assert conflict_markers("|||||||\n") == [(1, "'|||||||' (start of the common ancestor)")]
    assert conflict_markers("\n<<<<<<< HEAD\nours\n") == [(2, "'<<<<<<<' (start of the version on this branch)")]
    assert conflict_markers("<<<<<<<< eight\n <<<<<<< indented\n<<<<<<<x\n") == []


def test_the_sitemap_lists_each_page_with_both_languages_and_x_default() -> None:
    pages = [SitemapEntry("ar/actors/sdf/", "en/actors/sdf/", "ar"), SitemapEntry("en/a&b/", "ar/a&b/", "en")]
    base = "https://example.org/b/"
    assert sitemap_xml(pages, base, "ar") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        "  <url>\n    <loc>https://example.org/b/ar/actors/sdf/</loc>\n"
        '    <xhtml:link rel="alternate" hreflang="ar" href="https://example.org/b/ar/actors/sdf/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/b/en/actors/sdf/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/b/ar/actors/sdf/"/>\n'
        "  </url>\n"
        "  <url>\n    <loc>https://example.org/b/en/a&amp;b/</loc>\n"
        '    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/b/en/a&amp;b/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="ar" href="https://example.org/b/ar/a&amp;b/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/b/ar/a&amp;b/"/>\n'
        "  </url>\n</urlset>\n")
    assert gzip.decompress(gzipped("x", "sitemap.xml", 1_500_000_000)) == b"x"
    assert gzipped("x", "sitemap.xml", 1_500_000_000)[10:22] == b"sitemap.xml\x00"  # the name, in the header
    assert gzipped("x", "sitemap.xml", 1_500_000_000) == gzipped("x", "sitemap.xml", 1_500_000_000)
    assert gzipped("x", "sitemap.xml", 1_500_000_000)[4:8] == (1_500_000_000).to_bytes(4, "little")

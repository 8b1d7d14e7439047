"""The entity matcher: Arabic prefixes and spelling variants, English variants, overlaps, spans."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.diagnostics import Report
from build_tools.model.briefing import Briefing
from build_tools.model.entities import Actor, Localized, Location, Names
from build_tools.pipeline.load import load_briefing
from build_tools.text.matcher import Matcher

REPO = Path(__file__).resolve().parents[2]
SLUG = "2017-coalition-sdf-rift-deir-ez-zor"


def registry(**entities: tuple[str, dict[str, list[str]]]) -> Briefing:
    """Actors (ids without 'loc_') and locations ('loc_' ids) named in Arabic and English."""
    briefing = Briefing()
    for id_, (kind, names) in entities.items():
        ar, en = names.get("ar", []), names.get("en", [])
        entity_names = Names(Localized(ar[0] if ar else None, en[0] if en else None),
                             aliases={"ar": tuple(ar[1:]), "en": tuple(en[1:])})
        if kind == "actor":
            briefing.actors[id_] = Actor(id_, entity_names, "armed-group")
        else:
            briefing.locations[id_] = Location(id_, entity_names, "city")
    return briefing


def matcher_of(briefing: Briefing) -> Matcher:
    return Matcher(briefing.name_forms())


def sample_matcher() -> Matcher:
    """The names of the sample's main actors and places. Made by each test that uses it, not
    once at import: mutmut switches a mutant on after the tests are imported."""
    return matcher_of(registry(
        coalition=("actor", {"ar": ["التحالف الدولي", "التحالف"], "en": ["International Coalition", "Coalition"]}),
        sdf=("actor", {"ar": ["قوات سوريا الديمقراطية", "قسد"], "en": ["Syrian Democratic Forces", "SDF"]}),
        jarba=("actor", {"ar": ["أحمد الجربا", "الجربا"], "en": ["Ahmad al-Jarba", "al-Jarba"]}),
        us=("actor", {"ar": ["الولايات المتحدة"], "en": ["United States", "US"]}),
        ibrahim=("actor", {"ar": ["جوان إبراهيم"], "en": ["Jowan Ibrahim"]}),
        syria=("location", {"ar": ["سوريا"], "en": ["Syria"]}),
        raqqa=("location", {"ar": ["الرقة"], "en": ["Raqqa"]}),
        mustafa=("location", {"ar": ["تل مصطفى"], "en": ["Tal Mustafa"]}),
    ))


def found(text: str, lang: str = "ar") -> list[tuple[str, str, str]]:
    """(id, the name as written, the whole word with its prefixes) of each mention."""
    return [(m.id, text[m.start:m.end], text[m.word_start:m.end]) for m in sample_matcher().find(text, lang)]


# The sample report, read by hand: every actor and location it names, in order.
SAMPLE_ARABIC_MENTIONS = [
    ("sdf", "قوات سوريا الديمقراطية"), ("sdf", "قسد"), ("international-coalition", "والتحالف الدولي"),
    ("deir-ez-zor", "دير الزور"), ("isis", "داعش"),
    ("basnews", "باسنيوز"), ("syrian-kurdistan", "كردستان سوريا"), ("international-coalition", "قوات التحالف الدولي"),
    ("sdf", "قسد"), ("deir-ez-zor", "دير الزور"), ("arab-tribes", "العشائر العربية"), ("ypg", "للوحدات الكوردية"),
    ("turkey", "التركية"), ("united-states", "الجانب الأمريكي"),
    ("international-coalition", "قوات التحالف الدولي"), ("elite-forces", "قوات النخبة"),
    ("syrian-national-coalition", "الائتلاف"), ("ahmad-al-jarba", "أحمد الجربا"),
    ("united-states", "الولايات المتحدة"), ("maghawir-al-thawra", "جيش مغاوير الثورة"),
    ("international-coalition", "التحالف الدولي"), ("deir-ez-zor", "دير الزور"), ("isis", "تنظيم داعش"),
    ("international-coalition", "قوات التحالف الدولي"), ("maghawir-al-thawra", "جيش مغاوير الثورة"),
    ("international-coalition", "التحالف الدولي"), ("hasakah", "لمدينة الحسكة"),
    ("national-liberation-army", "جيش التحرير الوطني"), ("deir-ez-zor", "مدينة دير الزور"), ("isis", "تنظيم داعش"),
    ("asayish", "لقوات الأسايش"), ("pyd", "لحزب الاتحاد الديمقراطي"), ("pyd", "ب ي د"),
    ("jowan-ibrahim", "جوان إبراهيم"), ("euphrates", "نهر الفرات"), ("deir-ez-zor", "دير الزور"),
    ("raqqa", "الرقة"), ("deir-ez-zor", "دير الزور"), ("deir-ez-zor", "دير الزور"), ("syria", "سوريا"),
    ("iraq", "العراق"), ("al-jazira", "الجزيرة السورية"), ("iraq", "العراق"), ("syria", "وسوريا"),
    ("united-states", "الولايات المتحدة"),
    ("syrian-regime-forces", "قوات النظام"), ("deir-ez-zor", "دير الزور"), ("syrian-desert", "البادية"),
    ("al-sukhnah", "مدينة السخنة"), ("homs-governorate", "بريف حمص"), ("deir-ez-zor", "دير الزور"),
    ("euphrates", "نهر الفرات"), ("raqqa-governorate", "ريف الرقة"), ("syrian-regime-forces", "قوات النظام"),
    ("deir-ez-zor", "دير الزور"),
]


@pytest.fixture(scope="module")
def sample():
    report = Report()
    briefing = load_briefing(REPO, report).briefing
    return briefing, matcher_of(briefing)


def test_sample_arabic_text_mentions_exactly_what_a_reader_finds(sample) -> None:
    briefing, matcher = sample
    body = briefing.articles[SLUG].translations["ar"].body
    assert [(m.id, body[m.word_start:m.end]) for m in matcher.find(body, "ar")] == SAMPLE_ARABIC_MENTIONS


def test_sample_english_text_names_every_listed_actor_and_most_places(sample) -> None:
    briefing, matcher = sample
    article = briefing.articles[SLUG]
    mentions = matcher.find(article.translations["en"].body, "en")
    assert {m.id for m in mentions if m.kind == "actor"} == set(article.actors)
    places = {m.id for m in mentions if m.kind == "location"}
    assert set(article.locations) - places == {"deir-ez-zor-governorate", "raqqa-governorate",
                                               "homs-governorate", "al-jazira"}
    assert places <= set(article.locations)


@pytest.mark.parametrize("prefix", ["", "و", "ف", "ب", "ك", "ل", "وب", "فب", "ول", "فك", "ال", "وال", "بال",
                                    "فبال", "كال", "لل", "ولل", "فلل"])
def test_every_attached_prefix_on_a_bare_name(prefix: str) -> None:
    assert found(f"قالت مصادر إن {prefix}قسد تقدمت") == [("sdf", "قسد", f"{prefix}قسد")]


@pytest.mark.parametrize("prefix, word", [("", "الرقة"), ("و", "والرقة"), ("ب", "بالرقة"), ("وب", "وبالرقة"),
                                          ("ف", "فالرقة"), ("ك", "كالرقة"), ("ل", "للرقة"), ("ول", "وللرقة"),
                                          ("فل", "فللرقة")])
def test_prefixes_on_a_name_with_the_article(prefix: str, word: str) -> None:
    mentions = sample_matcher().find(f"وصلت القوات {word} أمس", "ar")
    text = f"وصلت القوات {word} أمس"
    assert [(m.id, text[m.word_start:m.end]) for m in mentions] == [("raqqa", word)]


@pytest.mark.parametrize("text, name", [
    ("التَّحَالُف الدَّوْلِيّ", "التَّحَالُف الدَّوْلِيّ"),  # diacritics
    ("التحـــالف الدولي", "التحـــالف الدولي"),  # tatweel
    ("جوان ابراهيم", "جوان ابراهيم"), ("جوان أبراهيم", "جوان أبراهيم"), ("جوان آبراهيم", "جوان آبراهيم"),
    ("الرقه", "الرقه"),  # taa marbuta written as haa
    ("تل مصطفي", "تل مصطفي"),  # alif maqsura written as yaa
    ("ﻗﺴﺪ", "ﻗﺴﺪ"),  # presentation forms
])
def test_spelling_variants_and_their_exact_span(text: str, name: str) -> None:
    sentence = f"قال المصدر إن {text}، وأضاف"
    assert [(m.start, m.end) for m in sample_matcher().find(sentence, "ar")] == [
        (sentence.index(name), sentence.index(name) + len(name))]


def test_brackets_and_quotes_around_acronyms() -> None:
    assert found("(قسد) و“قسد” و«قسد»") == [("sdf", "قسد", "قسد")] * 3


def test_longest_name_wins_over_the_name_inside_it() -> None:
    assert found("أعلنت قوات سوريا الديمقراطية أنها في سوريا") == [
        ("sdf", "قوات سوريا الديمقراطية", "قوات سوريا الديمقراطية"), ("syria", "سوريا", "سوريا")]


@pytest.mark.parametrize("text", ["التحالفات الدولية", "قسدية", "سورياليون", "مستحالف", "الرقتين",
                                  "بقسدنا", "القسدي", "والرقةِية"])
def test_no_match_inside_a_longer_word(text: str) -> None:
    assert found(f"كلمة {text} هنا") == []


def test_a_prefix_that_is_not_one_is_not_accepted() -> None:
    assert found("مقسد وتقسد سقسد") == []


@pytest.mark.parametrize("text, expected", [
    ("Ahmad al-Jarba said", ("jarba", "Ahmad al-Jarba")),
    ("Al Jarba said", ("jarba", "Al Jarba")),
    ("al Jarba's forces", ("jarba", "al Jarba")),
    ("al‑Jarba’s forces", ("jarba", "al‑Jarba")),
    ("The SDF's leaders", ("sdf", "SDF")),
    ("the syrian democratic forces", ("sdf", "syrian democratic forces")),
])
def test_english_variants(text: str, expected: tuple[str, str]) -> None:
    assert [(m.id, text[m.start:m.end]) for m in sample_matcher().find(text, "en")] == [expected]


@pytest.mark.parametrize("text", ["Syrians protested", "Raqqawi", "let us go", "the coalitions", "SDFs"])
def test_english_near_misses(text: str) -> None:
    assert sample_matcher().find(text, "en") == []


def test_acronyms_match_only_in_capitals() -> None:
    """Names of up to five capitals are acronyms; a longer one is a word written in capitals."""
    assert [m.id for m in sample_matcher().find("US advisers told us", "en")] == ["us"]
    matcher = matcher_of(registry(unhcr=("actor", {"en": ["UNHCR"]}), unicef=("actor", {"en": ["UNICEF"]})))
    assert [m.id for m in matcher.find("UNHCR and unhcr, Unicef and UNICEF", "en")] == ["unhcr", "unicef", "unicef"]


@pytest.mark.parametrize("text", ["قال لرقة", "قال لبرقة", "قال لوباني", "قال للغ"])
def test_the_article_written_as_one_lam_needs_a_name_with_the_article_and_a_lam_before(text: str) -> None:
    """للرقة is ل + الرقة, but لرقة ("for tenderness") and لبرقة ("to Barqa") are not Raqqa; a
    name without the article (كوباني) has no such form, nor one of the article and a letter."""
    matcher = matcher_of(registry(raqqa=("location", {"ar": ["الرقة"]}), kobani=("location", {"ar": ["كوباني"]}),
                                  short=("location", {"ar": ["الغ"]})))
    assert matcher.find(text, "ar") == []


@pytest.mark.parametrize("text, name", [("قال للرقة", "لرقة"), ("قال للتل", "لتل"), ("وللتل", "لتل")])
def test_the_article_written_as_one_lam_is_found_from_four_letters(text: str, name: str) -> None:
    matcher = matcher_of(registry(raqqa=("location", {"ar": ["الرقة"]}), tal=("location", {"ar": ["التل"]})))
    [mention] = matcher.find(text, "ar")
    assert (text[mention.start:mention.end], text[mention.word_start:mention.end]) == (name, text.split()[-1])


@pytest.mark.parametrize("names, text", [(("a.", ".bb"), "a..bb"), (("aa.", ".b"), "aa..b")])
def test_names_that_touch_are_both_found(names: tuple[str, str], text: str) -> None:
    """Two names, one ending where the other starts (possible only with marks in them):
    they do not overlap, so neither hides the other, whichever is longer."""
    matcher = matcher_of(registry(left=("actor", {"en": [names[0]]}), right=("actor", {"en": [names[1]]})))
    end = len(names[0])
    assert [(m.id, m.start, m.end) for m in matcher.find(text, "en")] == [("left", 0, end), ("right", end, len(text))]


def test_shared_name_gives_ambiguous_mentions() -> None:
    matcher = matcher_of(registry(ypg=("actor", {"ar": ["وحدات حماية الشعب", "الوحدات الكردية"]}),
                               ypj=("actor", {"ar": ["وحدات حماية المرأة", "الوحدات الكردية"]})))
    mentions = matcher.find("قالت الوحدات الكردية", "ar")
    assert [(m.id, m.ambiguous) for m in mentions] == [("ypg", True), ("ypj", True)]


ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
PREFIXES = st.builds(lambda conj, prep: conj + prep, st.sampled_from(["", "و", "ف"]),
                     st.sampled_from(["", "ب", "ك", "ل", "ال", "بال", "كال", "لل"]))
WORDS = st.lists(st.text(alphabet=ARABIC_LETTERS, min_size=1, max_size=8), max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(before=WORDS, prefix=PREFIXES, after=WORDS)
def test_an_alias_with_any_prefix_is_found_at_its_span(before: str, prefix: str, after: str) -> None:
    text = f"{before} {prefix}قسد {after}"
    start = len(before) + 1 + len(prefix)
    spans = {(m.word_start, m.start, m.end) for m in sample_matcher().find(text, "ar") if m.id == "sdf"}
    assert (start - len(prefix), start, start + 3) in spans


@settings(max_examples=300, deadline=None)
@given(text=st.text(), lang=st.sampled_from(["ar", "en"]))
def test_never_crashes_and_spans_stay_in_the_text(text: str, lang: str) -> None:
    for mention in sample_matcher().find(text, lang):
        assert 0 <= mention.word_start <= mention.start < mention.end <= len(text)

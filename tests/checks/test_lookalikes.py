"""Names and ids that only look like another entity's, and words typed in two scripts
(UTS #39 by ICU's spoof checker): warnings naming both entries."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from conftest import REPO, Project
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from build_tools.cli import main
from build_tools.text.confusables import differences, mixed_words, skeletons

CODE = "lookalike-name"



def actor(ar: str, en: str, extra: str = "") -> str:
    return f"name: {{ar: {ar}, en: \"{en}\"}}\ntype: armed-forces\n{extra}"


def lines(project: Project, capsys: pytest.CaptureFixture[str]) -> list[str]:
    return project.check(capsys)[1]


def test_a_cyrillic_letter_in_a_latin_name_is_a_lookalike_of_the_real_one(project: Project, capsys) -> None:
    project.write("content/actors/syrian-arab-army.yml", actor("الجيش العربي السوري", "Syrian Arab Army"))
    project.write("content/actors/saa-2.yml", actor("جيش النظام", "Syrian Arab \u0410rmy"))
    assert lines(project, capsys) == [
        "content/actors/saa-2.yml:1:28: warning: en name 'Syrian Arab Аrmy' looks like 'Syrian Arab Army', a name "
        "of actor 'syrian-arab-army' (content/actors/syrian-arab-army.yml), but is written with 'А' U+0410 "
        "CYRILLIC CAPITAL LETTER A for 'A' U+0041 LATIN CAPITAL LETTER A: if they are one, keep one entry; if "
        "not, tell the names apart [lookalike-name]",
        "0 errors, 1 warning",
    ]


def test_the_warning_falls_on_the_mixed_name_even_when_its_id_comes_first(project: Project, capsys) -> None:
    project.write("content/actors/saa.yml", actor("الجيش العربي السوري", "Syrian Arab Army"))
    project.write("content/actors/aaa.yml", actor("جيش", "Syrian Arab \u0410rmy"))
    assert [line.split(": warning")[0] for line in lines(project, capsys)[:-1]] == ["content/actors/aaa.yml:1:21"]


def test_a_greek_letter_in_a_word_is_a_mixed_script_warning(project: Project, capsys) -> None:
    project.write("content/locations/aleppo.yml", "name: {ar: حلب, en: Aleppo}\nkind: city\n"
                  "aliases: {en: [Halab, \"Hαlab city\"]}\n")
    assert lines(project, capsys) == [
        "content/locations/aleppo.yml:3:23: warning: en name 'Hαlab city' mixes scripts in one word ('Hαlab' has "
        "'α' U+03B1 GREEK SMALL LETTER ALPHA among letters of another script): a letter typed on another "
        "keyboard looks the same but is another letter to search and to the name matcher; retype it in one "
        "script [lookalike-name]",
        "0 errors, 1 warning",
    ]


def test_a_greek_omicron_makes_a_lookalike_of_another_place(project: Project, capsys) -> None:
    project.write("content/locations/aleppo.yml", "name: {ar: حلب, en: Aleppo}\nkind: city\n")
    project.write("content/locations/aleppo-2.yml", "name: {ar: حلب الشهباء, en: \"Alepp\u03bf\"}\nkind: city\n")
    assert lines(project, capsys) == [
        "content/locations/aleppo-2.yml:1:29: warning: en name 'Aleppο' looks like 'Aleppo', a name of location "
        "'aleppo' (content/locations/aleppo.yml), but is written with 'ο' U+03BF GREEK SMALL LETTER OMICRON for "
        "'o' U+006F LATIN SMALL LETTER O: if they are one, keep one entry; if not, tell the names apart "
        "[lookalike-name]",
        "0 errors, 1 warning",
    ]


def test_persian_letters_in_an_arabic_actor_name_are_the_shared_name_error(project: Project, capsys) -> None:
    """The matcher reads ی and ک as ي and ك, so the two names are one to it: an error
    already, not also a look-alike warning."""
    project.write("content/actors/kirkuk-police.yml", actor("شرطة كركوك", "Kirkuk Police"))
    project.write("content/actors/kirkuk-police-2.yml", actor("شرطة کرکوک", "Kirkuk city police"))
    assert [line.rsplit(" [", 1)[-1] for line in lines(project, capsys)] == ["shared-name]", "1 error, 0 warnings"]


def test_persian_letters_in_an_arabic_tag_name_are_a_lookalike(project: Project, capsys) -> None:
    project.write("content/tags/syria.yml", "name: {ar: سوريا, en: Syria}\n")
    project.write("content/tags/syria-2.yml", "name: {ar: سوریا, en: Syria 2}\n")
    assert lines(project, capsys) == [
        "content/tags/syria-2.yml:1:12: warning: ar name 'سوریا' looks like 'سوريا', a name of tag 'syria' "
        "(content/tags/syria.yml), but is written with 'ی' U+06CC ARABIC LETTER FARSI YEH for 'ي' U+064A ARABIC "
        "LETTER YEH: if they are one, keep one entry; if not, tell the names apart [lookalike-name]",
        "0 errors, 1 warning",
    ]


@pytest.mark.parametrize(("first", "second", "pieces"), [
    ("syrian-arab-army", "syrian-arab-arrny",
     "'r' U+0072 LATIN SMALL LETTER R 'n' U+006E LATIN SMALL LETTER N for 'm' U+006D LATIN SMALL LETTER M"),
    ("brigade-1", "brigade-l", "'l' U+006C LATIN SMALL LETTER L for '1' U+0031 DIGIT ONE"),
])
def test_ids_that_differ_only_by_lookalikes(project: Project, capsys, first: str, second: str,
                                            pieces: str) -> None:
    project.write(f"content/actors/{first}.yml", actor("الأول", "First"))
    project.write(f"content/actors/{second}.yml", actor("الثاني", "Second"))
    assert lines(project, capsys) == [
        f"content/actors/{second}.yml: warning: id '{second}' looks like the id of actor '{first}' "
        f"(content/actors/{first}.yml), written with {pieces}: choose an id that cannot be taken for it "
        "[lookalike-name]",
        "0 errors, 1 warning",
    ]


def test_legitimate_names_are_not_lookalikes_but_a_one_for_an_i_is(project: Project, capsys) -> None:
    project.write("content/actors/isis.yml", actor("داعش", "ISIS", "aliases: {ar: [تنظيم الدولة الإسلاميّة, "
                  "دَاعِشْ], en: [\"ISIL\", \"Islamic State of Iraq and al-Sham\", \"Da'esh\"]}\n"))
    project.write("content/actors/brigade-313.yml", actor("لواء ٣١٣", "Brigade 313", "aliases: {ar: [اللواء313, "
                  "لـواء ٣١٣], en: [313th Brigade, F-16 unit, \"O\u2019Brien's men\", Café Kurds]}\n"))
    project.write("content/actors/brigade-31.yml", actor("لواء ٣١", "Brigade 31", "short_name: {en: III}\n"))
    project.write("content/actors/lll.yml", actor("ل ل ل", "LLL"))
    project.write("content/tags/is.yml", "name: {ar: داعش, en: ISIS}\n")
    project.write("content/actors/isis-2.yml", actor("دولة العراق", "IS1S"))
    assert [line.split(": warning")[0] for line in lines(project, capsys)] == [
        "content/actors/isis-2.yml:1:29", "0 errors, 1 warning"]


def test_the_sample_content_has_no_lookalikes(capsys) -> None:
    main(["check", "--root", str(REPO), "--no-cache"])
    assert [line for line in capsys.readouterr().out.splitlines() if CODE in line] == []


LATIN_LOOKALIKES = {"a": "\u0430", "e": "\u0435", "o": "\u043e\u03bf", "p": "\u0440", "c": "\u0441", "x": "\u0445",
                    "y": "\u0443", "A": "\u0410\u0391", "B": "\u0412\u0392", "E": "\u0415\u0395", "H": "\u041d\u0397",
                    "K": "\u041a\u039a", "M": "\u041c\u039c", "O": "\u041e\u039f", "P": "\u0420\u03a1",
                    "T": "\u0422\u03a4", "X": "\u0425\u03a7"}
"""Letters of Cyrillic and Greek drawn as Latin ones, from the Unicode charts (not from ICU)."""
ARABIC_LOOKALIKES = {"\u064a": "\u06cc", "\u0643": "\u06a9", "\u0649": "\u06cc"}
"""ي ك ى and the Persian yeh and keheh."""

LATIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=9)
ARABIC_WORD = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويىة", min_size=2, max_size=7)


def _with_lookalike(words: list[str], table: dict[str, str], data: st.DataObject) -> str | None:
    """The words joined, one of their letters that has a look-alike replaced by one."""
    name = " ".join(words)
    places = [i for i, char in enumerate(name) if char in table]
    if not places:
        return None
    place = data.draw(st.sampled_from(places))
    return name[:place] + data.draw(st.sampled_from(table[name[place]])) + name[place + 1:]


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), latin=st.booleans())
def test_a_name_with_one_letter_swapped_for_a_lookalike_is_always_warned_of(data: st.DataObject,
                                                                             latin: bool, capsys) -> None:
    words = data.draw(st.lists(LATIN_WORD if latin else ARABIC_WORD, min_size=1, max_size=4))
    impostor = _with_lookalike(words, LATIN_LOOKALIKES if latin else ARABIC_LOOKALIKES, data)
    assume(impostor is not None)
    name, lang = " ".join(words), "en" if latin else "ar"
    with tempfile.TemporaryDirectory() as folder:
        project = Project(Path(folder))
        for id_, form in (("real", name), ("impostor", impostor)):
            names = {"ar": "اسم " + id_, "en": id_.title(), lang: form}
            project.write(f"content/tags/{id_}.yml", f"name: {{ar: \"{names['ar']}\", en: \"{names['en']}\"}}\n")
        found = [line for line in lines(project, capsys) if CODE in line]
    assert len(found) == 1
    assert (f"name '{impostor}' looks like '{name}', a name of tag 'real'" in found[0]
            or f"name '{name}' looks like '{impostor}', a name of tag 'impostor'" in found[0])


def test_skeletons_and_differences_of_lookalikes() -> None:
    assert skeletons("Syrian Arab \u0410rmy") == skeletons("Syrian Arab Army")
    assert skeletons("IS1S")[0] == skeletons("ISIS")[0]
    assert differences("arrny", "army") == [("rn", "m")]
    assert differences("SАA", "SAA") == [("А", "A")]
    assert [word.word for word in mixed_words("al-Qa'ida ـداعش ٣١٣ قسدSDF F١٦")] == ["قسدSDF", "F١٦"]

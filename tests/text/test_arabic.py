"""The Arabic rules, in one place (``text.arabic``): each folding rule, the attached
prefixes, and the reader's search box, which must fold a query as the index is folded."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from browser_fixtures import require
from conftest import REPO
from test_mentions import matcher_of, registry

from build_tools.text import arabic
from build_tools.text.charsets import ARABIC_SCRIPT

SEARCH_SCRIPT = REPO / "overrides" / "assets" / "arabic-search.js"
SAMPLE = REPO / "content" / "articles" / "2017" / "2017-coalition-sdf-rift-deir-ez-zor" / "ar.md"
"""The real report the sample briefing ships, as published."""


@pytest.mark.parametrize("rule, written, folded", [
    (arabic.drop_diacritics, "دَيْرِ الزُّورِ", "دير الزور"),
    (arabic.drop_tatweel, "إبـراهيم", "إبراهيم"),
    (arabic.unify_alef, "أإآٱ", "اااا"),
    (arabic.taa_marbuta_as_haa, "الكردية", "الكرديه"),
    (arabic.alef_maksura_as_yaa, "مصطفى", "مصطفي"),
    (arabic.persian_letters_as_arabic, "کردی", "كردي"),
])
def test_each_folding_rule(rule, written: str, folded: str) -> None:
    assert rule(written) == folded


def test_letter_folding_is_every_letter_rule_at_once() -> None:
    text = "أإآٱ الكردية مصطفى کردی"
    one_by_one = text
    for rule in (arabic.unify_alef, arabic.taa_marbuta_as_haa, arabic.alef_maksura_as_yaa,
                 arabic.persian_letters_as_arabic):
        one_by_one = rule(one_by_one)
    assert arabic.fold_letters(text) == one_by_one


# Each attached prefix, alone and combined, before a name with and without the article.
PREFIXED = [
    ("و", "وقسد"), ("ف", "فقسد"), ("ب", "بقسد"), ("ك", "كقسد"), ("ل", "لقسد"),
    ("ال", "القسد"), ("بال", "بالقسد"), ("كال", "كالقسد"), ("وال", "والقسد"), ("فال", "فالقسد"),
    ("وب", "وبقسد"), ("فل", "فلقسد"), ("وبال", "وبالقسد"), ("فكال", "فكالقسد"),
    ("لل", "للرقة"), ("ولل", "وللرقة"), ("فلل", "فللرقة"), ("و", "والرقة"), ("ب", "بالرقة"),
]


@pytest.mark.parametrize("prefix, word", PREFIXED)
def test_names_are_found_after_each_attached_prefix(prefix: str, word: str) -> None:
    matcher = matcher_of(registry(sdf=("actor", {"ar": ["قسد"]}), raqqa=("location", {"ar": ["الرقة"]})))
    [mention] = matcher.find(f"قال {word} أمس", "ar")
    assert (mention.id, mention.word_start, mention.end) == ("raqqa" if "رق" in word else "sdf", 4, 4 + len(word))


@pytest.mark.parametrize("prefix, word", PREFIXED)
def test_search_form_drops_each_attached_prefix(prefix: str, word: str) -> None:
    assert arabic.search_form(word) in ("قسد", "رقه")


def test_lam_alef_lam_is_not_a_prefix() -> None:
    """ل before ال is written لل; in لالتزام ("for commitment") the ال is the word's own."""
    assert re.fullmatch(arabic.ATTACHED_PREFIX, "لال") is None
    assert re.fullmatch(arabic.ATTACHED_PREFIX, "وبال") is not None
    assert arabic.search_form("لالتزام") == "التزام"
    matcher = matcher_of(registry(sdf=("actor", {"ar": ["قسد"]})))
    assert matcher.find("لالقسد", "ar") == []
    assert [m.id for m in matcher.find("لقسد", "ar")] == ["sdf"]


def test_zero_width_characters_split_no_name_and_no_search_word() -> None:
    matcher = matcher_of(registry(sdf=("actor", {"ar": ["قسد"]})))
    text = "قال ق\u200cسد"
    [mention] = matcher.find(text, "ar")
    assert text[mention.start:mention.end] == "ق\u200cسد"
    assert arabic.search_form("ق\u200cس\ufeffد") == "قسد"


def test_two_letters_always_remain() -> None:
    assert [arabic.search_form(word) for word in ("بل", "ول", "وبل", "لله")] == ["بل", "ول", "بل", "له"]


def _search_box(terms: list[str], function: str = "arabicQuery") -> list:
    """What the reader's search box makes of each term (the module's ``FUNCTION``), run in Node."""
    require(shutil.which("node") is not None, "node", "apt-get install nodejs")
    program = ("const fs = require('fs'); const terms = JSON.parse(fs.readFileSync(0, 'utf8'));"
               f"import({json.dumps(SEARCH_SCRIPT.as_uri())}).then(module =>"
               f" process.stdout.write(JSON.stringify(terms.map(t => module.{function}(t)))));")
    result = subprocess.run(["node", "-e", program], input=json.dumps(terms), capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)


def test_the_search_box_folds_every_word_of_the_sample_as_the_index_does() -> None:
    words = sorted(set(arabic._ARABIC_WORD.findall(SAMPLE.read_text(encoding="utf-8"))))
    words += [word for _, word in PREFIXED] + ["دَيْرِ", "الزُّورِ", "إبـراهيم", "لالتزام", "ﷲ"]
    assert len(words) > 250
    assert _search_box(words) == [arabic.search_form(word) for word in words]


def test_the_search_box_looks_words_up_by_the_forms_the_index_holds() -> None:
    words = sorted(set(arabic._ARABIC_WORD.findall(SAMPLE.read_text(encoding="utf-8"))))
    words += [word for _, word in PREFIXED] + ["بين", "بر", "دَيْرِ", "ﷺ", "ق\u200cسد"]
    assert _search_box(words, "searchForms") == [arabic.search_forms(word) for word in words]


def test_the_search_box_folds_every_arabic_character_as_the_index_does() -> None:
    characters = [chr(code) for low, high in _ranges(ARABIC_SCRIPT) for code in range(low, high + 1)]
    words = [f"ب{char}ر" for char in characters]  # inside a word: a letter, a mark or a ligature
    assert _search_box(words) == [arabic.search_form(word) for word in words]


def _ranges(charset: str) -> list[tuple[int, int]]:
    """``"\\u0600-\\u06ff..."`` as [(0x600, 0x6ff), ...]."""
    return [(ord(charset[i]), ord(charset[i + 2])) for i in range(0, len(charset), 3)]

"""A field of an editor's YAML file written anew in place (``upkeep.yamledit``): the
field holds exactly the value given, however YAML would read its items (``2017``,
``true``, ``null`` are ids here, not a number, a boolean, nothing), and every other
line of the file, comments included, stays as it was."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_tools.content.yamlfile import parse_yaml
from build_tools.upkeep.yamledit import EditError, with_field

IDS = st.one_of(st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True),
                st.sampled_from(["2017", "true", "null", "yes", "no", "on", "off", "0x1f", "1e3", "0o17", "nan",
                                 "inf", "2017-08-07", "12-30", "y", "n", "0"]))
WRITINGS = st.sampled_from([
    "", "redirect_from: [old]\n", "redirect_from:\n- a\n- b  # kept?\n", "redirect_from:\n  - a\n\n",
    "redirect_from: [a,\n  b]\n", "'redirect_from': []\n", "redirect_from:  # earlier ids\n  - x\n",
])
BEFORE = "# The alliance\nname: {ar: قسد, en: SDF}  # short\n"
AFTER = "type: armed-group\n# last words\n"


TEXTS = st.text(st.sampled_from("ab :#'\"-[]{},&*!|>%@`\\\tقسد؟،"), min_size=1, max_size=12)
VALUES = st.one_of(st.lists(IDS, unique=True, min_size=1, max_size=5), IDS, TEXTS,
                   st.dictionaries(st.sampled_from(["ar", "en"]), st.lists(TEXTS, min_size=1, max_size=3),
                                   min_size=1))


@given(value=st.one_of(st.none(), VALUES), written=WRITINGS)
def test_the_field_holds_the_value_and_every_other_line_stays(value: object, written: str) -> None:
    """Any value a rename or a merge writes: lists of ids, an id, a text, names by language."""
    text = BEFORE + written + AFTER
    edited = with_field(text, "a.yml", "redirect_from", value)
    data = parse_yaml(edited, "a.yml").data
    assert data.get("redirect_from") == value
    assert data["name"] == {"ar": "قسد", "en": "SDF"} and data["type"] == "armed-group"
    rest = edited.removeprefix(BEFORE)
    if value is not None:  # the field's lines: from its key to the next line at the margin
        field = re.match(r"redirect_from:.*\n(?:[ -].*\n)*", rest if written else rest.removeprefix(AFTER))
        assert field is not None
        rest = rest.replace(field.group(), "", 1)
    assert edited.startswith(BEFORE) and rest.lstrip("\n") == AFTER


def test_a_field_absent_is_added_at_the_end_of_a_file_without_a_last_newline() -> None:
    assert with_field("name: x", "a.yml", "redirect_from", ["2017"]) == "name: x\nredirect_from: ['2017']\n"


@pytest.mark.parametrize("text", ["[1, 2]\n", "- a\n- b\n", "name: [x\n", "{name: x, redirect_from: [a]}\n"])
def test_a_file_that_cannot_be_edited_in_place_is_refused(text: str) -> None:
    with pytest.raises(EditError):
        with_field(text, "a.yml", "redirect_from", ["b"])

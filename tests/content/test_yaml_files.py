"""YAML as editors write it: values kept as written with their positions, duplicate
keys, what is refused and where; front matter; merge-conflict markers."""

from __future__ import annotations

import pytest

from build_tools.content.conflicts import conflict_markers
from build_tools.content.frontmatter import FrontMatterError, split_front_matter
from build_tools.content.yamlfile import YamlSyntaxError, parse_yaml


def test_yaml_keeps_dates_as_written_and_records_positions() -> None:
    document = parse_yaml("date: 2017-08-07\nno: 1\nlist:\n  - {a: b}\n", "f.yml")
    assert document.data == {"date": "2017-08-07", "no": 1, "list": [{"a": "b"}]}
    position = document.origin.at("list", 0, "a")
    assert (position.line, position.column) == (4, 9)
    assert document.origin.at("list", 0, "a", key=True).column == 6
    assert document.origin.at("missing").line == 1


def test_a_duplicate_key_is_reported_and_its_value_read_through_but_left_out() -> None:
    """The first value is kept; nothing inside the second is recorded, not even its own
    duplicate ``y``; what follows is read on, and a nested duplicate is reported where it
    is. Positions count from ``first_line`` (3)."""
    text = "a:\n  x: 1\nb: [1, {c: 2}]\na:\n  y: 1\n  y: [3, {z: 4}]\nd: 5\ne:\n  k: 1\n  k: 2\n"
    document = parse_yaml(text, "f.yml", first_line=3)
    assert document.data == {"a": {"x": 1}, "b": [1, {"c": 2}], "d": 5, "e": {"k": 1}}
    assert [(str(position), str(message)) for position, message in document.duplicates] == [
        ("f.yml:6:1", "duplicate key 'a' (first given on line 3); YAML would silently keep only the last one"),
        ("f.yml:12:3", "duplicate key 'k' (first given on line 11); YAML would silently keep only the last one")]
    assert document.origin.values == {(): (3, 1), ("a",): (4, 3), ("a", "x"): (4, 6), ("b",): (5, 4),
                                      ("b", 0): (5, 5), ("b", 1): (5, 8), ("b", 1, "c"): (5, 12), ("d",): (9, 4),
                                      ("e",): (11, 3), ("e", "k"): (11, 6)}
    assert document.origin.keys == {("a",): (3, 1), ("a", "x"): (4, 3), ("b",): (5, 1), ("b", 1, "c"): (5, 9),
                                    ("d",): (9, 1), ("e",): (10, 1), ("e", "k"): (11, 3)}


def test_yaml_scalars_are_typed_as_yaml_1_1_reads_them_but_dates_stay_text() -> None:
    text = "i: 12\nf: 1.5\nb: yes\nn: ~\nq: '12'\nt: ! 12\ns: !!str 12\nv: =\nx: 0x1F\nd: 2017-08-07\nc: !!int '7'\n"
    assert parse_yaml(text, "f.yml").data == {"i": 12, "f": 1.5, "b": True, "n": None, "q": "12", "t": "12",
                                              "s": "12", "v": "=", "x": 31, "d": "2017-08-07", "c": 7}


TAG_REFUSED = "YAML tag '{}' refused: content is plain text, numbers and lists; remove the tag"


@pytest.mark.parametrize("text, line, column, code, message", [
    pytest.param("a: [1\n", 3, 1, "yaml-syntax", "YAML syntax error: did not find expected ',' or ']'", id="syntax"),
    pytest.param("a: b: c\n", 2, 5, "yaml-syntax", "YAML syntax error: mapping values are not allowed in this context",
                 id="mapping-in-a-value"),
    pytest.param("a:\n\tb: 1\n", 3, 1, "yaml-syntax", "YAML syntax error: a tab character: YAML indents with spaces "
                 "only, replace the tab with spaces", id="tab"),
    pytest.param("a: 1\nb: 2\nc: x\x07y\n", 4, 5, "yaml-syntax", "control character U+0007 is not allowed in "
                 "YAML: remove it", id="control-character"),
    pytest.param("a: *x\n", 2, 4, "yaml-refused", "alias '*x' refused: anchors and aliases are not allowed in "
                 "content, write the value out", id="alias"),
    pytest.param("a: !!python/object x\n", 2, 4, "yaml-refused", TAG_REFUSED.format("!!python/object"), id="tag"),
    pytest.param("a: !local x\n", 2, 4, "yaml-refused", TAG_REFUSED.format("!local"), id="local-tag"),
    pytest.param("a: !<x-tag:yaml.org,2002:y> 1\n", 2, 4, "yaml-refused", TAG_REFUSED.format("x-tag:yaml.org,2002:y"),
                 id="verbatim-tag"),
    pytest.param("- " + "[" * 17 + "1" + "]" * 17 + "\n", 2, 18, "yaml-refused", "nested more than 16 levels deep: no "
                 "content field needs this", id="depth"),
    pytest.param("---\na: 1\n---\nb: 2\n", 4, 1, "yaml-refused", "a second document ('---') in one file: keep one",
                 id="second-document"),
    pytest.param("? [a]\n: 1\n", 2, 3, "yaml-refused", "a key must be plain text, not a list or a mapping",
                 id="list-as-key"),
    pytest.param("a: !!int x\n", 2, 4, "yaml-refused", "'x' is not a valid int", id="invalid-int"),
])
def test_yaml_that_cannot_be_read_or_is_refused_says_what_and_where(text: str, line: int, column: int, code: str,
                                                                     message: str) -> None:
    """Each error names its line (counted from ``first_line``, here 2), column and code."""
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text, "f.md", first_line=2)
    error = caught.value
    assert (error.line, error.column, error.code, str(error.message)) == (line, column, code, message)


def test_every_character_yaml_refuses_is_named_where_it_is() -> None:
    """libyaml's reader refuses characters by its own table; each it refuses is named, with
    its line and column, not reported as "a character" at the file's start. The whole
    range below U+3000 but line breaks, the private-use and specials blocks, the planes' ends."""
    for code in [*range(0x3000), *range(0xE000, 0x10000), 0x1FFFE, 0x1FFFF, 0x10FFFF]:
        if chr(code) in "\n\r\x85\u2028\u2029":
            continue
        try:
            parse_yaml(f"a: 1\nb: x{chr(code)}y\n", "f.yml")
        except YamlSyntaxError as error:
            expected = f"control character U+{code:04X} is not allowed in YAML: remove it"
            assert (error.line, error.column, str(error.message)) == (2, 5, expected)


def test_front_matter_split() -> None:
    parts = split_front_matter("---\ntitle: t\n---\nbody\n")
    assert (parts.front_matter, parts.front_matter_line, parts.body, parts.body_line) == (
        "title: t\n", 2, "body\n", 4)
    with pytest.raises(FrontMatterError):
        split_front_matter("title: t\n")


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

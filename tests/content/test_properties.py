"""Property-based: whatever bytes a content file holds, reading it gives a model or clean
diagnostics, never an exception."""

from __future__ import annotations

import pytest
from conftest import REPO, Project, write_minimal_article
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_tools.checks.schemas import SchemaSet
from build_tools.content.frontmatter import FrontMatterError, split_front_matter
from build_tools.content.loader import load_bundle, load_content
from build_tools.content.sourcefiles import decode_text
from build_tools.content.yamlfile import YamlSyntaxError, parse_yaml
from build_tools.diagnostics import Report
from build_tools.pipeline.load import load_briefing
from build_tools.text import folding
from build_tools.text.folding import _fold_char, fold

PIECES = ["---\n", "...\n", "title: ", "summary: ", "name: ", "date: 2017-08-07\n", "status: published\n",
          "actors: [sdf]\n", "ar: ", "en: ", "{", "}", "[", "]", ", ", ": ", "- ", "  ", "\t", "\n", "\r\n",
          "'", '"', "&a ", "*a ", "<<: *a\n", "!!python/object/apply:os.system ", "!x ", "? ", "|\n", ">-\n",
          "#", "قوات سوريا الديمقراطية", "ا\u0654", "\u202e", "\u200b", "\ufeff", "\x00", "\x07", "%YAML 1.1\n",
          "<script>", "](javascript:x)", "[a](actor:sdf)", "<b onclick=x>", "```\n", "`", "{: style=x }",
          "\\u202e", "\\x00", "2017", "-1e999", ".nan", "~", "null"]
TEXTLIKE = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
ANY_BYTES = st.one_of(st.binary(max_size=600), TEXTLIKE.map(lambda t: t.encode("utf-8")),
                      st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(TEXTLIKE | st.text(max_size=300))
@example("=")  # YAML 1.1's "value" tag, which SafeLoader cannot construct: read as text
@example("a: [" * 20)
def test_yaml_parser_returns_data_or_a_positioned_error(text: str) -> None:
    try:
        document = parse_yaml(text, "f.yml")
    except YamlSyntaxError as exc:
        assert exc.line >= 1 and exc.column >= 1 and exc.message
    else:
        assert only_plain_data(document.data)


def only_plain_data(data: object) -> bool:
    """The promise of docs/pages/operating/reliability-security.md: nothing but text, numbers,
    booleans and null, in lists and mappings."""
    if isinstance(data, list):
        return all(only_plain_data(item) for item in data)
    if isinstance(data, dict):
        return all(isinstance(key, (str, int, float, bool)) and only_plain_data(value) for key, value in data.items())
    return data is None or type(data) in (str, int, float, bool)


@FUZZ
@given(TEXTLIKE | st.text(max_size=300))
def test_front_matter_splits_or_says_why(text: str) -> None:
    try:
        parts = split_front_matter(text)
    except FrontMatterError as exc:
        assert exc.line == 1 and exc.message
    else:
        assert parts.body_line >= 3


@FUZZ
@given(ANY_BYTES)
@example("\ufeff\ufeffa: 1".encode())  # saved twice with a BOM
def test_decoding_gives_text_or_an_error(data: bytes) -> None:
    report = Report()
    text = decode_text(data, "f.yml", report)
    assert (text is None) == bool(report.errors)
    assert text is None or ("\r" not in text and not text.startswith("\ufeff"))


@pytest.fixture(scope="module")
def fuzzed_project(tmp_path_factory) -> Project:
    project = Project(tmp_path_factory.mktemp("fuzzed"))
    project.write("content/actors/sdf.yml", "name: {ar: قسد, en: SDF}\ntype: armed-group\n")
    write_minimal_article(project)
    return project


@pytest.mark.slow
@FUZZ
@given(file=st.sampled_from(["content/actors/sdf.yml", "content/articles/2017/2017-08-07-a/meta.yml",
                             "content/articles/2017/2017-08-07-a/ar.md", "content/articles/2017/2017-08-07-a/en.md"]),
       data=ANY_BYTES)
def test_loading_any_bytes_gives_a_model_or_clean_diagnostics(fuzzed_project: Project, file: str,
                                                              data: bytes) -> None:
    path = fuzzed_project.root / file
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        report = Report()
        loaded = load_briefing(fuzzed_project.root, report)
    finally:
        path.write_bytes(original)
    assert all(d.position.file == file for d in report.errors)
    assert all(d.message for d in report.diagnostics)
    if not report.errors:
        assert "2017-08-07-a" in loaded.briefing.articles and "sdf" in loaded.briefing.actors


def reference_fold(text: str) -> tuple[str, list[int], list[int]]:
    """The folding defined one character at a time, as ``mentions.fold`` must behave."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, original in enumerate(text):
        folded = _fold_char(original)
        if not folded:
            if ends:
                ends[-1] = index + 1
            continue
        for piece in folded:
            if piece == " " and chars and chars[-1] == " ":
                continue
            chars.append(piece)
            starts.append(index)
            ends.append(index + 1)
    return "".join(chars), starts, ends


def test_the_folding_table_folds_a_character_on_first_use_and_keeps_it() -> None:
    """``fold``'s ``str.translate`` table is filled as characters are first seen (a new one
    here: the suite's other tests have filled the module's own)."""
    table = folding._Table()
    assert [table[ord(c)] for c in "أ\u064eﻻA\u0640"] == ["ا", "", "لا", "a", ""]
    assert table == {ord("أ"): "ا", 0x064E: "", ord("ﻻ"): "لا", ord("A"): "a", 0x0640: ""}


def test_the_fast_path_lets_through_only_characters_that_fold_to_one() -> None:
    """``fold`` works out where a character came from only where ``_irregular_pattern``
    matches, so every character it lets through must fold to exactly one; and it lets
    through Latin and Arabic letters, or there is no fast path (a new pattern here: the
    module's own is made at import)."""
    pattern = folding._irregular_pattern()
    let_through = {chr(code) for code in range(0x2100) if not pattern.match(chr(code))}
    assert all(len(_fold_char(char)) == 1 for char in let_through)
    assert set("AZaz09 .,ابتثجحخدذرزسشصضطظعغفقكلمنهوي،؟") <= let_through


FOLDABLE = st.text(alphabet=st.sampled_from(list("دير الزور قسد SDF-ß\u064e\u0651\u0640\ufefb\ufdf2 \n\t’'ـأإآةىﻻ")),
                   max_size=60)


@FUZZ
@given(FOLDABLE | st.text(max_size=60))
@example("\u064e\ufefb")  # a mark and a ligature: as many characters out as in
@example("-’\u064e")  # a mark after a run of separators
@example("a \u064e \u0651 \u064e b")  # marks after three separators of one run: the kept one ends after the last
def test_fast_folding_matches_the_reference(text: str) -> None:
    fast = fold(text)
    expected_text, expected_starts, expected_ends = reference_fold(text)
    assert (fast.text, list(fast.starts), list(fast.ends)) == (expected_text, expected_starts, expected_ends)


def _shipped_documents() -> dict[str, list]:
    """Every valid document of the sample briefing, by schema kind."""
    files = load_content(REPO, Report())
    documents: dict[str, list] = {kind: [e.document.data for e in entities]
                                  for kind, entities in files.entities.items()}
    bundles = [load_bundle(folder, files, Report()) for folder in files.article_folders]
    documents["article-meta"] = [bundle.meta.data for bundle in bundles]
    documents["article-text"] = [t.front_matter.data for bundle in bundles for t in bundle.texts.values()]
    return documents


SCHEMAS = SchemaSet(REPO / "site_config" / "schemas")
SHIPPED = _shipped_documents()
FIELD_NAMES = sorted({key for docs in SHIPPED.values() for doc in docs for key in doc} | {"ar", "en", "lat"})
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.sampled_from(["sdf", "deir-ez-zor", "2017-08-07", "2017-13", "Q858", "Q0", "https://x.org/", "http:// x",
                       "published", "armed-group", "city", "ar", "", "a\n", "قسد"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(FIELD_NAMES), inner, max_size=3),
    max_leaves=8)


@FUZZ
@given(kind=st.sampled_from(sorted(SHIPPED)), index=st.integers(min_value=0),
       changes=st.dictionaries(st.sampled_from(FIELD_NAMES), JSON_VALUES, max_size=3))
def test_fast_and_full_schema_checks_agree(kind: str, index: int, changes: dict) -> None:
    document = {**SHIPPED[kind][index % len(SHIPPED[kind])], **changes}
    full = not any(SCHEMAS.validators[kind].iter_errors(document))
    assert SCHEMAS._surely_valid(kind, document) == full

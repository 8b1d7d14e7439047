"""Each rule of ``briefing check`` on a tiny tree: the exact file, line, column and message."""

from __future__ import annotations

import json
import re

import pytest
from conftest import REPO, Project, write_minimal_article

from build_tools.cli import main
from build_tools.diagnostics import ERRORS, WARNINGS

SDF = """
name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}
short_name: {ar: قسد, en: SDF}
type: armed-group
"""
YPG = """
name: {ar: وحدات حماية الشعب, en: People's Protection Units}
type: armed-group
"""


def test_valid_tree_has_no_diagnostics(project: Project, capsys) -> None:
    project.write("content/actors/sdf.yml", SDF)
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\nactors: [sdf]\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_yaml_syntax_error_has_its_line(project: Project, capsys) -> None:
    project.write("content/actors/sdf.yml", "name:\n  ar: قسد\n  en: [SDF\ntype: armed-group\n")
    code, lines = project.check(capsys)
    assert code == 1
    assert lines[0].startswith("content/actors/sdf.yml:4:5: error: YAML syntax error: ")


def test_duplicate_key_is_an_error(project: Project, capsys) -> None:
    project.write("content/actors/sdf.yml", SDF + "type: militia\n")
    assert project.check(capsys) == (1, [
        "content/actors/sdf.yml:4:1: error: duplicate key 'type' (first given on line 3); "
        "YAML would silently keep only the last one [duplicate-key]",
        "1 error, 0 warnings",
    ])


def test_unknown_field_suggests_the_right_one(project: Project, capsys) -> None:
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\nactros: [sdf]\n")
    assert project.check(capsys)[1][0] == (
        "content/articles/2017/2017-08-07-a/meta.yml:3:1: error: "
        "unknown field 'actros' (did you mean 'actors'?) [unknown-field]")


def test_wrong_type_and_missing_field(project: Project, capsys) -> None:
    project.write("content/actors/sdf.yml", "name: SDF\naliases: {en: SDF}\n")
    assert project.check(capsys) == (1, [
        "content/actors/sdf.yml:1:1: error: missing required field 'type' [missing-field]",
        "content/actors/sdf.yml:1:7: error: name must be a mapping of fields, not a text [wrong-type]",
        "content/actors/sdf.yml:2:15: error: aliases.en must be a list, not a text [wrong-type]",
        "3 errors, 0 warnings",
    ])


def test_name_needs_both_languages(project: Project, capsys) -> None:
    project.write("content/actors/sdf.yml", "name: {ar: قسد}\ntype: armed-group\n")
    assert project.check(capsys)[1][0] == (
        "content/actors/sdf.yml:1:7: error: missing required field 'en' in name [missing-field]")


def test_unclosed_front_matter(project: Project, capsys) -> None:
    write_minimal_article(project, en="---\ntitle: A rift\nThe body began without a fence.\n")
    assert project.check(capsys)[1][0] == (
        "content/articles/2017/2017-08-07-a/en.md:1:1: error: "
        "front matter opened on line 1 is never closed with '---' [front-matter]")


def test_front_matter_lines_count_from_the_file_start(project: Project, capsys) -> None:
    write_minimal_article(project, en="---\ntitle: A rift\nsumary: typo\n---\nText of the article here.\n")
    assert project.check(capsys)[1][0] == (
        "content/articles/2017/2017-08-07-a/en.md:3:1: error: "
        "unknown field 'sumary' (did you mean 'summary'?) [unknown-field]")


@pytest.mark.parametrize("field, value, line, message", [
    ("actors", "[ypj]", "3:10", "unknown actor 'ypj' in actors[0] (did you mean 'ypg'?) [unknown-reference]"),
    ("locations", "[raqa]", "3:13", "unknown location 'raqa' in locations[0] (did you mean 'raqqa'?)"
                                    " [unknown-reference]"),
    ("tags", "[oil]", "3:8", "unknown tag 'oil' in tags[0] [unknown-reference]"),
    ("sources", "[{source: basnew}]", "3:20",
     "unknown source 'basnew' in sources[0].source (did you mean 'basnews'?) [unknown-reference]"),
    ("sources", "[{source: basnews, via: rasad}]", "3:34",
     "unknown source 'rasad' in sources[0].via (did you mean 'rasd'?) [unknown-reference]"),
])
def test_article_references(project: Project, capsys, field, value, line, message) -> None:
    project.write("content/actors/ypg.yml", YPG)
    project.write("content/locations/raqqa.yml", "name: {ar: الرقة, en: Raqqa}\nkind: city\n")
    for source in ("basnews", "rasd"):
        project.write(f"content/sources/{source}.yml", f"name: {{ar: {source}, en: {source}}}\nkind: other\n")
    write_minimal_article(project, meta=f"date: 2017-08-07\nstatus: published\n{field}: {value}\n")
    assert project.check(capsys) == (1, [
        f"content/articles/2017/2017-08-07-a/meta.yml:{line}: error: {message}", "1 error, 0 warnings"])


def test_an_author_written_as_an_unknown_id_is_refused_once_the_desk_keeps_bylines(project: Project,
                                                                                 capsys) -> None:
    project.write("site_config/authors.yml", "editor4: {ar: محرر رصد, en: Rasd editor}\n")
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\n"
                                        "authors: [editor4, Staff Reporter, editr4]\n")
    assert project.check(capsys) == (1, [
        "content/articles/2017/2017-08-07-a/meta.yml:3:36: error: unknown author 'editr4': add it to "
        "site_config/authors.yml, or write the name as readers should see it (did you mean 'editor4'?) "
        "[unknown-reference]", "1 error, 0 warnings"])
    (project.root / "site_config/authors.yml").unlink()  # a desk without bylines: every author as written
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_bylines_need_an_id_and_both_languages(project: Project, capsys) -> None:
    project.write("site_config/authors.yml", "Editor Four: {ar: محرر رصد, en: Rasd editor}\njowan: {ar: جوان}\n")
    assert project.check(capsys) == (1, [
        "site_config: error: content not checked: fix site_config first [site-config]",
        "site_config/authors.yml:1:1: error: the file: 'Editor Four' is not an id: ids are lowercase ASCII letters, "
        "digits and single hyphens [invalid-format]",
        "site_config/authors.yml:2:8: error: missing required field 'en' in jowan [missing-field]",
        "3 errors, 0 warnings"])


def test_unknown_affiliation_reported_even_when_the_file_has_other_errors(project: Project, capsys) -> None:
    project.write("content/actors/ypg.yml", YPG)
    project.write("content/actors/sdf.yml", SDF + "affiliations:\n  - actor: ypj\n    relation: leads\n")
    assert project.check(capsys) == (1, [
        "content/actors/sdf.yml:5:12: error: unknown actor 'ypj' in affiliations[0].actor (did you mean 'ypg'?)"
        " [unknown-reference]",
        "content/actors/sdf.yml:6:15: error: unknown relation 'leads' in affiliations[0].relation "
        "(one of: part-of, leader-of, backed-by, allied-with, opposed-to) [unknown-value]",
        "2 errors, 0 warnings",
    ])


def test_unknown_parent(project: Project, capsys) -> None:
    project.write("content/locations/raqqa.yml", "name: {ar: الرقة, en: Raqqa}\nkind: city\nparent: sria\n")
    project.write("content/locations/syria.yml", "name: {ar: سوريا, en: Syria}\nkind: country\n")
    assert project.check(capsys)[1][0] == (
        "content/locations/raqqa.yml:3:9: error: unknown location 'sria' in parent (did you mean 'syria'?)"
        " [unknown-reference]")


def test_parent_cycle(project: Project, capsys) -> None:
    project.write("content/locations/b.yml", "name: {ar: ب, en: B}\nkind: city\nparent: c\n")
    project.write("content/locations/c.yml", "name: {ar: ج, en: C}\nkind: governorate\nparent: a\n")
    project.write("content/locations/a.yml", "name: {ar: أ, en: A}\nkind: country\nparent: b\n")
    assert project.check(capsys) == (1, [
        "content/locations/a.yml:3:9: error: parent cycle: a → b → c → a [cycle]", "1 error, 0 warnings"])


def test_part_of_cycle_and_self_affiliation(project: Project, capsys) -> None:
    project.write("content/actors/sdf.yml", SDF + "affiliations:\n  - {actor: ypg, relation: part-of}\n")
    project.write("content/actors/ypg.yml", YPG + "affiliations:\n"
                  "  - {actor: sdf, relation: part-of}\n  - {actor: ypg, relation: allied-with}\n")
    assert project.check(capsys) == (1, [
        "content/actors/sdf.yml:5:13: error: part-of cycle: sdf → ypg → sdf [cycle]",
        "content/actors/ypg.yml:5:13: error: actor 'ypg' cannot be affiliated with itself [self-affiliation]",
        "2 errors, 0 warnings",
    ])


def test_year_folder_must_match_date(project: Project, capsys) -> None:
    write_minimal_article(project, year="2016", slug="coalition-rift")
    assert project.check(capsys) == (1, [
        "content/articles/2016/coalition-rift/meta.yml:1:7: error: date 2017-08-07 is in 2017 but the "
        "article is filed under 2016/: move it with 'briefing rename article coalition-rift coalition-rift', "
        "which keeps its address working [date-order]",
        "1 error, 0 warnings",
    ])


def test_article_ids_are_unique_across_years(project: Project, capsys) -> None:
    write_minimal_article(project, year="2017", slug="rift")
    write_minimal_article(project, year="2018", slug="rift", meta="date: 2018\nstatus: draft\n")
    assert project.check(capsys) == (1, [
        "content/articles/2018/rift: error: article id 'rift' is already used by "
        "content/articles/2017/rift: the two pages would collide [duplicate-id]",
        "1 error, 0 warnings",
    ])


def test_file_names_must_be_ids(project: Project, capsys) -> None:
    project.write("content/actors/SDF.yml", SDF)
    project.write("content/actors/notes.txt", "remember the PYD")
    assert project.check(capsys) == (1, [
        "content/actors/SDF.yml: error: 'SDF' is not a valid id: use lowercase ASCII letters, "
        "digits and single hyphens, e.g. 'deir-ez-zor' [invalid-id]",
        "content/actors/notes.txt: warning: ignored: each actor is one .yml file [ignored-file]",
        "1 error, 1 warning",
    ])


def test_shared_alias_needs_declaring_ambiguous_on_both_sides(project: Project, capsys) -> None:
    project.write("content/actors/sdf.yml", SDF + "aliases: {ar: [الوحدات الكردية]}\n")
    project.write("content/actors/ypg.yml", YPG + "aliases: {ar: [الوحدات الكرديه]}\n")
    assert project.check(capsys) == (1, [
        "content/actors/ypg.yml:3:16: error: ar name 'الوحدات الكرديه' is also a name of actor 'sdf' "
        "(content/actors/sdf.yml): if both are meant, list it under ambiguous_aliases.ar in both files [shared-name]",
        "1 error, 0 warnings",
    ])


def test_declared_ambiguous_alias_is_accepted(project: Project, capsys) -> None:
    project.write("content/actors/sdf.yml", SDF + "ambiguous_aliases: {ar: [الوحدات الكردية]}\n")
    project.write("content/actors/ypg.yml", YPG + "ambiguous_aliases: {ar: [الوحدات الكردية]}\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_location_aliases_are_unique_too(project: Project, capsys) -> None:
    project.write("content/locations/deir-ez-zor.yml", "name: {ar: دير الزور, en: Deir ez-Zor}\nkind: city\n")
    project.write("content/locations/dez-gov.yml",
                  "name: {ar: محافظة دير الزور, en: Deir ez-Zor Governorate}\nkind: governorate\n"
                  "aliases: {en: [deir ez zor]}\n")
    assert project.check(capsys)[1][0] == (
        "content/locations/dez-gov.yml:3:16: error: en name 'deir ez zor' is also a name of location "
        "'deir-ez-zor' (content/locations/deir-ez-zor.yml): if both are meant, list it under "
        "ambiguous_aliases.en in both files [shared-name]")


@pytest.mark.parametrize("date, message", [
    ("2017-02-30", "date '2017-02-30' is not a real calendar date [invalid-date]"),
    ("2017-13", "date '2017-13' has no month 13 [invalid-date]"),
    ("7/8/2017", "date '7/8/2017' must be written YYYY-MM-DD, YYYY-MM or YYYY [invalid-date]"),
])
def test_impossible_dates(project: Project, capsys, date: str, message: str) -> None:
    write_minimal_article(project, meta=f"date: {date}\nstatus: published\n")
    assert project.check(capsys) == (1, [
        f"content/articles/2017/2017-08-07-a/meta.yml:1:7: error: {message}", "1 error, 0 warnings"])


def test_arabic_indic_digits_are_read_as_digits(project: Project, capsys) -> None:
    write_minimal_article(project, meta="date: ٢٠١٧-٠٨-٠٧\nupdated: ۲۰۱۷-۰۸\nstatus: published\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_updated_before_date(project: Project, capsys) -> None:
    write_minimal_article(project, meta="date: 2017-08-07\nupdated: 2017-07\nstatus: published\n")
    assert project.check(capsys)[1][0] == (
        "content/articles/2017/2017-08-07-a/meta.yml:2:10: error: "
        "updated 2017-07 is before the article's date 2017-08-07 [date-order]")


def test_updated_within_a_month_precision_date_is_fine(project: Project, capsys) -> None:
    write_minimal_article(project, meta="date: 2017-08\nupdated: 2017-08-01\nstatus: published\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_coordinates_out_of_range_with_swap_hint(project: Project, capsys) -> None:
    project.write("content/locations/deir-ez-zor.yml",
                  "name: {ar: دير الزور, en: Deir ez-Zor}\nkind: city\ncoordinates: {lat: 140.15, lon: 35.33}\n")
    assert project.check(capsys)[1][0] == (
        "content/locations/deir-ez-zor.yml:3:14: error: coordinates out of range (lat must be within ±90, "
        "lon within ±180); lat and lon look swapped (lat: 35.33, lon: 140.15?) [coordinates-out-of-range]")


def test_coordinates_out_of_range_without_swap(project: Project, capsys) -> None:
    project.write("content/locations/x.yml", "name: {ar: س, en: X}\nkind: city\ncoordinates: {lat: 95, lon: 200}\n")
    assert project.check(capsys)[1][0] == (
        "content/locations/x.yml:3:14: error: coordinates out of range (lat must be within ±90, lon within ±180)"
        " [coordinates-out-of-range]")


def test_swapped_language_files(project: Project, capsys) -> None:
    arabic = "---\ntitle: خلافات بين التحالف وقسد\n---\nكشف مصدر كردي عن وجود خلافات بين قيادة قسد والتحالف.\n"
    english = "---\ntitle: A rift\n---\nA Kurdish source disclosed disagreements between the SDF and the Coalition.\n"
    write_minimal_article(project, ar=english, en=arabic)
    assert project.check(capsys) == (1, [
        "content/articles/2017/2017-08-07-a/ar.md:2:8: error: ar.md is mostly not in Arabic script "
        "(0% Arabic letters): are ar.md and en.md swapped? [wrong-script]",
        "content/articles/2017/2017-08-07-a/en.md:2:8: error: en.md is mostly in Arabic script "
        "(100% Arabic letters): are ar.md and en.md swapped? [wrong-script]",
        "2 errors, 0 warnings",
    ])


def test_missing_translation_is_a_warning_strict_tolerates_as_site_yml_says(project: Project, capsys) -> None:
    write_minimal_article(project, en=None)
    expected = ["content/articles/2017/2017-08-07-a/meta.yml:1:1: warning: translation pending: no en.md yet "
                "[translation-pending]",
                "0 errors, 1 warning"]
    assert project.check(capsys) == (0, expected)
    assert project.check(capsys, "--strict") == (0, expected)  # the shipped site.yml tolerates it
    assert project.check(capsys, "--strict", "--ignore", "translation-pending") == (0, ["0 errors, 0 warnings"])
    settings = project.root / "site_config/site.yml"
    tolerating = "strict_tolerates: [translation-pending]\n"
    assert tolerating in settings.read_text(encoding="utf-8")
    settings.write_text(settings.read_text(encoding="utf-8").replace(tolerating, ""), encoding="utf-8")
    assert project.check(capsys, "--strict") == (1, [*expected, "--strict fails on these warnings: "
                                                  "translation-pending (1); site_config/site.yml's strict_tolerates "
                                                  "lists those it lets through"])


def test_an_unknown_warning_code_is_refused(project: Project, capsys) -> None:
    assert main(["check", "--root", str(project.root), "--ignore", "translation-pendng"]) == 2
    assert capsys.readouterr().err.startswith("briefing: error: --ignore translation-pendng: not a warning's code "
                                              "(codes: active-document, byte-order-mark, decomposed-letter, ")


def test_article_needs_meta_and_a_text(project: Project, capsys) -> None:
    project.write("content/articles/2017/empty/notes.txt", "todo")
    assert project.check(capsys) == (1, [
        "content/articles/2017/empty: error: missing meta.yml (date, status, actors, locations, sources)"
        " [missing-meta]",
        "content/articles/2017/empty: error: no text: an article needs ar.md, en.md or both [no-text]",
        "2 errors, 0 warnings",
    ])


def test_stray_files_in_articles(project: Project, capsys) -> None:
    folder = write_minimal_article(project)
    project.write(f"{folder}/fr.md", "---\ntitle: Un différend\n---\n")
    project.write("content/articles/misc/readme.md", "hello")
    assert project.check(capsys) == (1, [
        "content/articles/2017/2017-08-07-a/fr.md: error: unexpected Markdown file: "
        "an article's texts are ar.md and en.md [misplaced-file]",
        "content/articles/misc: error: not a year folder: articles are filed as content/articles/YYYY/SLUG/"
        " [misplaced-file]",
        "2 errors, 0 warnings",
    ])


def test_file_that_is_not_utf8(project: Project, capsys) -> None:
    (project.root / "content/actors").mkdir(parents=True)
    (project.root / "content/actors/sdf.yml").write_bytes("name: قسد".encode("cp1256"))
    assert project.check(capsys) == (1, [
        "content/actors/sdf.yml:1:7: error: not UTF-8 text (undecodable byte 0xDE at byte offset 6): "
        "save the file as UTF-8 [not-text]",
        "1 error, 0 warnings",
    ])


def test_empty_file(project: Project, capsys) -> None:
    project.write("content/tags/oil.yml", "# nothing yet\n")
    assert project.check(capsys) == (1, ["content/tags/oil.yml:1:1: error: the file is empty [empty-file]",
                                         "1 error, 0 warnings"])


def test_wikidata_and_vocabulary_values(project: Project, capsys) -> None:
    project.write("content/actors/turkey.yml", "name: {ar: تركيا, en: Turkey}\ntype: stat\nwikidata: 43\n")
    assert project.check(capsys) == (1, [
        "content/actors/turkey.yml:2:7: error: unknown type 'stat' (did you mean 'state'?) [unknown-value]",
        "content/actors/turkey.yml:3:11: error: wikidata must be a text, not a number [wrong-type]",
        "2 errors, 0 warnings",
    ])


def test_the_docs_document_every_warning_code() -> None:
    page = (REPO / "docs/pages/reference/check.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (.+) \|$", page.split("| Code | Warns of |")[1],
                                 re.MULTILINE))
    assert documented == WARNINGS


def test_the_docs_document_every_error_code() -> None:
    page = (REPO / "docs/pages/reference/check.md").read_text(encoding="utf-8")
    table = page.split("| Code | Error of |")[1].split("\n\n")[0]
    assert dict(re.findall(r"^\| `([a-z0-9-]+)` \| (.+) \|$", table, re.MULTILINE)) == ERRORS


def test_every_code_strict_may_tolerate_is_a_warning_code() -> None:
    schema = json.loads((REPO / "site_config/schemas/site.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["strict_tolerates"]["items"]["enum"] == sorted(WARNINGS)

"""``check`` refuses what ``build`` cannot take, each at its file and line, never with a
traceback: dates outside years 1–9999 or far ahead, characters no feed or sitemap can
carry (however YAML writes them), HTML nested deep across lines, symbolic links that loop,
file names that are not text, and files of site_config/ that live outside it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from conftest import Project, write_minimal_article

from build_tools.cli import main

FOLDER = "content/articles/2017/2017-08-07-a"
SDF_FILE = "content/actors/sdf.yml"
SDF = "name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}\ntype: armed-group\n"
TEXT = "A Kurdish source disclosed disagreements between the SDF and the Coalition.\n"


def refused(project: Project, capsys: pytest.CaptureFixture) -> list[str]:
    """The lines ``check`` printed, once it has failed without a traceback."""
    code, lines = project.check(capsys)
    assert (code, capsys.readouterr().err) == (1, "")
    return lines


def a_year_from_now() -> str:
    return (dt.date.today() + dt.timedelta(days=366)).isoformat()


@pytest.mark.parametrize(("meta", "expected"), [
    pytest.param("date: 2017-08-07\nupdated: 2107-09-05\nstatus: published\n",
                 "meta.yml:2:10: error: updated 2107-09-05 is more than a year from now (after {limit}): is the year "
                 "mistyped? [invalid-date]", id="updated-in-2107"),
    pytest.param("date: 2017-08-07\nstatus: published\ncorrections:\n  - date: 2107-09\n    text: {en: Fixed.}\n",
                 "meta.yml:4:11: error: corrections[0].date 2107-09 is more than a year from now (after {limit}): is "
                 "the year mistyped? [invalid-date]", id="correction-in-2107"),
    pytest.param("date: 2017-08-07\nupdated: 0000-06\nstatus: published\n",
                 "meta.yml:2:10: error: updated '0000-06' is in year 0: years run from 1 to 9999 [invalid-date]",
                 id="updated-in-year-0"),
    pytest.param("date: 2017-08-07\nstatus: published\ncorrections:\n  - date: '0000'\n    text: {en: Fixed.}\n",
                 "meta.yml:4:11: error: corrections[0].date '0000' is in year 0: years run from 1 to 9999 "
                 "[invalid-date]", id="correction-in-year-0"),
])
def test_dates_outside_the_years_a_site_can_hold_are_refused(project: Project, capsys, meta: str,
                                                               expected: str) -> None:
    write_minimal_article(project, meta=meta)
    assert refused(project, capsys) == [f"{FOLDER}/{expected.format(limit=a_year_from_now())}",
                                        "1 error, 0 warnings"]


def test_an_article_dated_far_ahead_is_refused(project: Project, capsys) -> None:
    write_minimal_article(project, year="2107", slug="2107-09-05-a", meta="date: 2107-09-05\nstatus: published\n")
    assert refused(project, capsys) == [
        f"content/articles/2107/2107-09-05-a/meta.yml:1:7: error: date 2107-09-05 is more than a year from now "
        f"(after {a_year_from_now()}): is the year mistyped? [invalid-date]",
        "1 error, 0 warnings"]


def test_an_event_in_year_0_is_refused_at_its_line(project: Project, capsys) -> None:
    project.write("content/locations/raqqa.yml", "name: {ar: الرقة, en: Raqqa}\nkind: city\n")
    project.write(SDF_FILE, SDF)
    project.write("content/sources/sana.yml", "name: {ar: سانا, en: SANA}\nkind: news-agency\nreliability: C\n")
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\nactors: [sdf]\nlocations: [raqqa]\n"
                                        "sources: [{source: sana}]\nevents:\n  - date: 0000-06\n    type: battles\n"
                                        "    sub_type: armed-clash\n    location: raqqa\n    actors: {side_a: [sdf]}\n"
                                        "    sources: [sana]\n",
                          ar=None, en=f"---\ntitle: A rift\n---\nThe Syrian Democratic Forces in Raqqa. {TEXT}")
    assert refused(project, capsys) == [
        f"{FOLDER}/meta.yml:1:1: warning: translation pending: no ar.md yet [translation-pending]",
        f"{FOLDER}/meta.yml:7:11: error: events[0].date '0000-06' is in year 0: years run from 1 to 9999 "
        "[invalid-date]",
        "1 error, 1 warning"]


@pytest.mark.parametrize(("escape", "described"), [
    pytest.param("\\x01", "U+0001 CONTROL CHARACTER", id="c0"),
    pytest.param("\\x7F", "U+007F CONTROL CHARACTER", id="del"),
    pytest.param("\\x85", "U+0085 CONTROL CHARACTER", id="c1-next-line"),
    pytest.param("\\u0090", "U+0090 CONTROL CHARACTER", id="c1"),
    pytest.param("\\r", "U+000D CONTROL CHARACTER", id="carriage-return"),
    pytest.param("\\uFFFE", "U+FFFE NONCHARACTER", id="fffe"),
    pytest.param("\\uFDD0", "U+FDD0 NONCHARACTER", id="fdd0"),
    pytest.param("\\uFDEF", "U+FDEF NONCHARACTER", id="fdef"),
    pytest.param("\\U0001FFFF", "U+1FFFF NONCHARACTER", id="astral-noncharacter"),
    pytest.param("\\U0010FFFE", "U+10FFFE NONCHARACTER", id="last-plane"),
])
def test_a_character_no_feed_can_carry_is_an_error_in_a_title_however_it_is_written(
        project: Project, capsys, escape: str, described: str) -> None:
    write_minimal_article(project, en=f"---\ntitle: \"A{escape}rift\"\n---\n{TEXT}")
    assert refused(project, capsys) == [
        f"{FOLDER}/en.md:2:8: error: {described} in title: \"A⟨U+{described.split()[0][2:]}⟩rift\"; it cannot be "
        "published (feeds and sitemaps refuse it), delete it [not-text]",
        "1 error, 0 warnings"]


def test_the_same_characters_are_errors_in_every_field_of_content(project: Project, capsys) -> None:
    """Ids, names, aliases, descriptions, notes and keys alike; tab and line feed are text
    in prose only."""
    project.write(SDF_FILE, "name: {ar: قوات سوريا الديمقراطية, en: \"Syrian\\tDemocratic Forces\"}\n"
                            "aliases: {en: [\"SDF\\uFDD5\"]}\ntype: armed-group\n"
                            "description: {en: \"Kurdish-led\\n\\talliance\\x1B\"}\n\"key\\x02\": 1\n")
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\n"
                                        "editor_note: {en: \"A\\tnote\\nthat\\U0008FFFE\"}\n")
    assert refused(project, capsys) == [
        f"{SDF_FILE}:1:40: error: U+0009 CONTROL CHARACTER in name.en: \"Syrian⟨U+0009⟩Democratic Forc…\"; it cannot "
        "be published (feeds and sitemaps refuse it), delete it [not-text]",
        f"{SDF_FILE}:2:16: error: U+FDD5 NONCHARACTER in aliases.en[0]: \"SDF⟨U+FDD5⟩\"; it cannot be published "
        "(feeds and sitemaps refuse it), delete it [not-text]",
        f"{SDF_FILE}:4:19: error: U+001B CONTROL CHARACTER in description.en: \"…h-led ⟨U+0009⟩alliance⟨U+001B⟩\"; "
        "it cannot be published (feeds and sitemaps refuse it), delete it [not-text]",
        f"{SDF_FILE}:5:1: error: U+0002 CONTROL CHARACTER in a key: \"key⟨U+0002⟩\"; it cannot be published (feeds "
        "and sitemaps refuse it), delete it [not-text]",
        f"{SDF_FILE}:5:1: error: unknown field 'key\x02' [unknown-field]",
        f"{FOLDER}/meta.yml:3:19: error: U+8FFFE NONCHARACTER in editor_note.en: \"A⟨U+0009⟩note that⟨U+8FFFE⟩\"; it "
        "cannot be published (feeds and sitemaps refuse it), delete it [not-text]",
        "6 errors, 0 warnings"]


def test_the_same_characters_are_errors_in_site_config(project: Project, capsys) -> None:
    strings = project.root / "site_config/i18n/en.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text.rstrip("\n") + "\nsite_name_x: \"x\\u009Fy\"\n", encoding="utf-8")
    line = strings.read_text(encoding="utf-8").count("\n")
    assert f"site_config/i18n/en.yml:{line}:14: error: U+009F CONTROL CHARACTER in site_name_x: \"x⟨U+009F⟩y\"; it "\
           "cannot be published (feeds and sitemaps refuse it), delete it [not-text]" in refused(project, capsys)


@pytest.mark.parametrize("blank", ["", "\n"], ids=["lines", "paragraphs"])
@pytest.mark.parametrize("tag", ['div markdown="1"', "div", 'section markdown="block"'])
def test_html_nested_across_lines_beyond_the_bound_of_one_line_is_refused(project: Project, capsys, tag: str,
                                                                           blank: str) -> None:
    name = tag.split()[0]
    body = f"<{tag}>\n{blank}" * 100 + f"x\n{blank}" + f"</{name}>\n{blank}" * 100
    write_minimal_article(project, en=f"---\ntitle: A rift\n---\n{body}")
    assert refused(project, capsys) == [
        f"{FOLDER}/en.md:{4 + 16 * (1 + len(blank))}:1: error: HTML elements nested more than 16 deep: Markdown would "
        "read them one inside another; close them, or nest fewer [unbounded-markdown]",
        "1 error, 0 warnings"]


def test_html_as_articles_nest_it_is_accepted(project: Project, capsys) -> None:
    """Sixteen levels, void elements, end tags left out where HTML allows, and HTML shown as code."""
    body = ('<div markdown="1">\n\n' * 8 + "<p>One<p>Two<br>three<hr/>\n\n<ul><li>a<li>b</ul>\n\n"
            + "</div>\n\n" * 8 + "`<div>` " * 40 + "\n\n```html\n" + "<div>\n" * 40 + "```\n")
    write_minimal_article(project, en=f"---\ntitle: A rift\n---\n{TEXT}\n{body}")
    assert project.check(capsys)[0] == 0


@pytest.mark.parametrize("links", [{"content/actors/loop.yml": "loop.yml"},
                                   {"content/actors/a.yml": "b.yml", "content/actors/b.yml": "a.yml"},
                                   {"content/tags": "tags"},
                                   {f"{FOLDER}/photo.jpg": "photo.jpg"}],
                         ids=["itself", "a-b-a", "registry-folder", "article-folder"])
def test_a_symbolic_link_that_loops_is_an_error_not_a_traceback(project: Project, capsys,
                                                                 links: dict[str, str]) -> None:
    write_minimal_article(project)
    for link, target in links.items():
        (project.root / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, project.root / link)
    assert refused(project, capsys) == [
        *(f"{link}: error: symbolic link that leads back to itself (a loop): delete it, or link it to a file "
          "[misplaced-file]" for link in sorted(links)),
        f"{len(links)} error{'s' if len(links) > 1 else ''}, 0 warnings"]


@pytest.mark.parametrize(("name", "shown", "problem"), [
    pytest.param(b"\xff.jpg", "\\xFF.jpg", "the file name is not UTF-8 text (byte 0xFF): rename it", id="latin-1"),
    pytest.param(b"caf\xe9", "caf\\xE9", "the file name is not UTF-8 text (byte 0xE9): rename it", id="folder"),
    pytest.param(b"a\x01b.jpg", "a\\x01b.jpg", "the file name holds U+0001 CONTROL CHARACTER: rename it",
                 id="control"),
    pytest.param(b"a\nb.pdf", "a\\x0Ab.pdf", "the file name holds U+000A CONTROL CHARACTER: rename it",
                 id="line-feed"),
])
@pytest.mark.parametrize("where", [FOLDER, "content/actors", "content/articles"])
def test_a_file_name_that_is_not_text_is_an_error_with_the_name_made_printable(
        project: Project, capsys, name: bytes, shown: str, problem: str, where: str) -> None:
    write_minimal_article(project)
    (project.root / "content/actors").mkdir(exist_ok=True)
    path = os.fsencode(project.root / where) + b"/" + name
    if name == b"caf\xe9":
        os.mkdir(path)
    else:
        Path(os.fsdecode(path)).write_bytes(b"x")
    assert refused(project, capsys) == [f"{where}/{shown}: error: {problem} [invalid-id]", "1 error, 0 warnings"]


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("outside")


@pytest.mark.parametrize("file", ["site_config/share-image.png", "site_config/site.yml", "site_config/i18n/en.yml",
                                  "site_config/authors.yml", "site_config/schemas/tag.schema.json"])
def test_a_file_of_site_config_linked_from_outside_it_is_refused_and_never_published(
        project: Project, capsys, outside: Path, file: str) -> None:
    write_minimal_article(project)
    moved = outside / Path(file).name
    shutil.move(project.root / file, moved)
    os.symlink(moved, project.root / file)
    assert refused(project, capsys) == [
        "site_config: error: content not checked: fix site_config first [site-config]",
        f"{file}: error: symbolic link to {moved}, outside site_config/: refused, copy the file into site_config/ "
        "instead [site-config]",
        "2 errors, 0 warnings"]
    assert main(["build", "--root", str(project.root), "--quiet", "--no-cache"]) == 1
    assert not (project.root / "site").exists()


def test_a_file_of_site_config_that_loops_is_refused(project: Project, capsys) -> None:
    write_minimal_article(project)
    strings = project.root / "site_config/i18n/en.yml"
    strings.unlink()
    os.symlink("en.yml", strings)
    assert "site_config/i18n/en.yml: error: symbolic link that leads back to itself (a loop): delete it, or link it " \
           "to a file [site-config]" in refused(project, capsys)


def test_links_inside_site_config_are_followed(project: Project, capsys) -> None:
    write_minimal_article(project)
    image = project.root / "site_config/share-image.png"
    shutil.move(image, project.root / "site_config/images.png")
    os.symlink("images.png", image)
    assert project.check(capsys)[0] == 0


@pytest.mark.parametrize(("character", "name"), [
    ("\x01", "U+0001 CONTROL CHARACTER"), ("\x85", "U+0085 CONTROL CHARACTER"),
    ("\ufffe", "U+FFFE NONCHARACTER"), ("\U0010ffff", "U+10FFFF NONCHARACTER")])
def test_a_character_no_feed_can_carry_is_an_error_in_the_text_of_an_article_too(
        project: Project, capsys, character: str, name: str) -> None:
    write_minimal_article(project, en=f"---\ntitle: A rift\n---\nA Kurdish source{character} disclosed it.\n")
    assert refused(project, capsys)[:1] == [
        f"{FOLDER}/en.md:4:17: error: {name} in the text: \"… Kurdish source⟨{name.split()[0]}⟩ disclosed it. \"; "
        "it cannot be published (feeds and sitemaps refuse it), delete it [not-text]"]

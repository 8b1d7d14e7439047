"""Upkeep of a growing archive: ``briefing list``, ``where`` and ``rename``."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, Project, write_minimal_article

from build_tools.cli import main

SDF = """\
# The alliance the Coalition backs.
name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}
short_name: {ar: قسد, en: SDF}
type: armed-group
"""
YPG = """\
name: {ar: وحدات حماية الشعب, en: People's Protection Units}
type: armed-group
affiliations:
  - actor: "sdf"  # since 2015
    relation: part-of
"""
META = """\
date: 2017-08-07
status: published
actors: [ypg, sdf]  # both named
sources:
  - source: rasd
events:
  - date: 2017-08-06
    type: battles
    sub_type: armed-clash
    location: raqqa
    actors: {side_a: [sdf], side_b: [ypg]}
    sources: [rasd]
"""
ARABIC = ("---\ntitle: خلافات بين التحالف وقسد\n---\n\n"
          "كشف مصدر كردي عن خلافات بين [قسد](actor:sdf) ووحدات حماية الشعب.\n")
ENGLISH = "---\ntitle: A rift\n---\n\nA Kurdish source disclosed disagreements between the SDF and the YPG.\n"
FOLDER = "content/articles/2017/2017-08-07-rift"


@pytest.fixture
def tree(project: Project) -> Project:
    project.write("content/actors/sdf.yml", SDF)
    project.write("content/actors/ypg.yml", YPG)
    project.write("content/locations/raqqa.yml", "name: {ar: الرقة, en: Raqqa}\nkind: city\n"
                                                 "coordinates: {lat: 35.95, lon: 39.01}\n")
    project.write("content/sources/rasd.yml", "name: {ar: رصد, en: Rasd}\nkind: other\n")
    write_minimal_article(project, slug="2017-08-07-rift", meta=META, ar=ARABIC, en=ENGLISH)
    write_minimal_article(project, slug="2017-08-09-draft", meta="date: 2017-08-09\nstatus: draft\nactors: [sdf]\n")
    return project


def _run(project: Project, capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--root", str(project.root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_gives_articles_newest_first_drafts_and_entries(tree: Project, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = _run(tree, capsys, "list")
    assert (code, out.splitlines()) == (0, [
        "content/articles/2017/2017-08-09-draft  2017-08-09  draft  ar,en  خلافات بين التحالف وقسد",
        f"{FOLDER}  2017-08-07  published  ar,en  خلافات بين التحالف وقسد"])
    code, out, _ = _run(tree, capsys, "list", "drafts", "--format", "json")
    assert json.loads(out) == [{"id": "2017-08-09-draft", "folder": "content/articles/2017/2017-08-09-draft",
                                "date": "2017-08-09", "status": "draft", "languages": ["ar", "en"],
                                "title": {"ar": "خلافات بين التحالف وقسد", "en": "A rift"}}]
    code, out, _ = _run(tree, capsys, "list", "actors")
    assert out.splitlines() == ["content/actors/sdf.yml  قوات سوريا الديمقراطية / Syrian Democratic Forces",
                                "content/actors/ypg.yml  وحدات حماية الشعب / People's Protection Units"]


def _column(text: str, line: int, piece: str, after: str = "") -> int:
    """The column (from 1) of ``piece`` on ``line`` (from 1) of ``text``, after ``after``."""
    written = text.splitlines()[line - 1]
    return written.index(piece, written.index(after) + len(after) if after else 0) + 1


def test_where_finds_every_use_with_its_line(tree: Project, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = _run(tree, capsys, "where", "actor", "sdf")
    draft = "content/articles/2017/2017-08-09-draft"
    draft_body = (tree.root / draft / "ar.md").read_text(encoding="utf-8")
    draft_english = (tree.root / draft / "en.md").read_text(encoding="utf-8")
    quoted, full_name = '"sdf"', "قوات سوريا الديمقراطية"
    assert (code, out.splitlines()) == (0, [
        f"content/actors/ypg.yml:4:{_column(YPG, 4, quoted)}: refers to actor 'sdf' (affiliations[0].actor)",
        f"{FOLDER}/ar.md:2:8: names actor 'sdf' (قسد)",  # a title's names are placed at its line
        f"{FOLDER}/ar.md:5:{_column(ARABIC, 5, 'قسد')}: names actor 'sdf' (قسد)",
        f"{FOLDER}/ar.md:5:{_column(ARABIC, 5, 'sdf', 'actor:')}: links to actor 'sdf' (actor:sdf)",
        f"{FOLDER}/en.md:5:{_column(ENGLISH, 5, 'SDF')}: names actor 'sdf' (SDF)",
        f"{FOLDER}/meta.yml:3:{_column(META, 3, 'sdf')}: lists actor 'sdf' (actors[1])",
        f"{FOLDER}/meta.yml:11:{_column(META, 11, 'sdf')}: lists actor 'sdf' (events[0].actors.side_a[0])",
        f"{draft}/ar.md:2:8: names actor 'sdf' (قسد)",
        f"{draft}/ar.md:4:{_column(draft_body, 4, full_name)}: names actor 'sdf' ({full_name})",
        f"{draft}/en.md:4:{_column(draft_english, 4, 'SDF')}: names actor 'sdf' (SDF)",
        f"{draft}/meta.yml:3:{_column(tree.root.joinpath(draft, 'meta.yml').read_text(), 3, 'sdf')}: "
        "lists actor 'sdf' (actors[0])",
        "11 uses of actor 'sdf'"])
    code, out, _ = _run(tree, capsys, "where", "source", "rasd", "--format", "json")
    assert json.loads(out) == [
        {"file": f"{FOLDER}/meta.yml", "line": 5, "column": _column(META, 5, "rasd"), "how": "lists",
         "detail": "sources[0].source"},
        {"file": f"{FOLDER}/meta.yml", "line": 12, "column": _column(META, 12, "rasd"), "how": "lists",
         "detail": "events[0].sources[0]"}]


def test_where_an_unknown_id_still_lists_its_uses_and_fails(tree: Project, capsys: pytest.CaptureFixture) -> None:
    (tree.root / "content/actors/sdf.yml").rename(tree.root / "content/actors/sdf1.yml")
    code, out, err = _run(tree, capsys, "where", "actor", "sdf")
    assert code == 1
    assert f"{FOLDER}/meta.yml:3:15: lists actor 'sdf' (actors[1])" in out.splitlines()
    assert err == "briefing: there is no actor 'sdf' (did you mean 'sdf1'?)\n"


def test_rename_rewrites_every_reference_and_keeps_every_other_character(
        tree: Project, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = _run(tree, capsys, "rename", "actor", "sdf", "syrian-democratic-forces")
    assert (code, out) == (0, "renamed actor 'sdf' to 'syrian-democratic-forces', 5 files changed; "
                              "run 'briefing check'\n")
    actors = tree.root / "content/actors"
    assert not (actors / "sdf.yml").exists()
    assert (actors / "syrian-democratic-forces.yml").read_text(encoding="utf-8") == SDF + "redirect_from: [sdf]\n"
    assert (actors / "ypg.yml").read_text(encoding="utf-8") == YPG.replace('"sdf"', '"syrian-democratic-forces"')
    meta = (tree.root / FOLDER / "meta.yml").read_text(encoding="utf-8")
    assert meta == META.replace("[ypg, sdf]", "[ypg, syrian-democratic-forces]").replace(
        "side_a: [sdf]", "side_a: [syrian-democratic-forces]")
    assert (tree.root / FOLDER / "ar.md").read_text(encoding="utf-8") == ARABIC.replace(
        "(actor:sdf)", "(actor:syrian-democratic-forces)")
    assert (tree.root / FOLDER / "en.md").read_text(encoding="utf-8") == ENGLISH
    assert tree.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_rename_dry_run_shows_the_diff_and_writes_nothing(tree: Project, capsys: pytest.CaptureFixture) -> None:
    before = tree.fingerprint()
    code, out, _ = _run(tree, capsys, "rename", "actor", "sdf", "syrian-democratic-forces", "--dry-run")
    assert code == 0
    assert tree.fingerprint() == before
    assert out.startswith("--- a/content/actors/ypg.yml\n+++ b/content/actors/ypg.yml\n")
    assert '-  - actor: "sdf"  # since 2015\n+  - actor: "syrian-democratic-forces"  # since 2015\n' in out
    assert "rename from content/actors/sdf.yml\nrename to content/actors/syrian-democratic-forces.yml\n" in out
    assert f"+++ b/{FOLDER}/ar.md\n" in out


@pytest.mark.parametrize(("args", "message"), [
    (("actor", "sdf", "ypg"), "actor 'ypg' exists already: choose another id, or merge the two: "
                              "briefing merge actor ypg sdf"),
    (("actor", "hts", "hayat"), "there is no actor 'hts' (content/actors/hts.yml)"),
    (("actor", "sdf", "Syrian Forces"), "'Syrian Forces' is not a valid id: use lowercase ASCII letters, digits "
                                        "and single hyphens, e.g. 'deir-ez-zor'"),
])
def test_rename_refuses_and_writes_nothing(tree: Project, capsys: pytest.CaptureFixture, args: tuple[str, ...],
                                           message: str) -> None:
    before = tree.fingerprint()
    code, _, err = _run(tree, capsys, "rename", *args)
    assert (code, err) == (1, f"briefing: error: {message}\n")
    assert tree.fingerprint() == before


def _site_files(site: Path) -> dict[str, bytes]:
    """Every file but the search index (binary, its chunks named by content), the sitemap
    read unzipped and its entries as a sorted set."""
    files = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or relative.startswith(("ar/pagefind/", "en/pagefind/", "pagefind/")):
            continue
        content = path.read_bytes()
        if relative.endswith(".gz"):
            content = gzip.decompress(content)
        if "sitemap" in relative:
            content = b"\n".join(sorted(re.findall(rb"<url>.*?</url>", content, re.S)))
        files[relative] = content
    return files


def test_renaming_an_actor_of_the_sample_changes_only_its_urls_and_keeps_the_old_ones(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    project = tmp_path / "project"
    for name in ("content", "site_config", "overrides"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    assert main(["build", "--root", str(project), "--site-dir", str(tmp_path / "before")]) == 0
    assert main(["rename", "actor", "sdf", "syrian-democratic-forces", "--root", str(project)]) == 0
    assert main(["check", "--root", str(project)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 errors, 0 warnings"
    assert main(["build", "--root", str(project), "--site-dir", str(tmp_path / "after")]) == 0
    before = _site_files(tmp_path / "before")
    built = _site_files(tmp_path / "after")
    moved = {f"{lang}/actors/sdf/index.html": built.pop(f"{lang}/actors/sdf/index.html") for lang in ("ar", "en")}
    assert built.pop("_redirects") == (b"/briefing/ar/actors/sdf/ /briefing/ar/actors/syrian-democratic-forces/ 301\n"
                                       b"/briefing/en/actors/sdf/ /briefing/en/actors/syrian-democratic-forces/ 301\n")
    assert before.pop("_redirects") == b""
    assert all(b'url=../syrian-democratic-forces/"' in page for page in moved.values())
    after = {path.replace("syrian-democratic-forces", "sdf"): content.replace(b"syrian-democratic-forces", b"sdf")
             for path, content in built.items()}
    assert "ar/actors/sdf/index.html" in before
    assert sorted(after) == sorted(before)
    assert [path for path in before if after[path] != before[path]] == []


def test_new_tag_passes_once_named(project: Project, capsys: pytest.CaptureFixture) -> None:
    assert main(["new", "tag", "siege", "--root", str(project.root)]) == 0
    path = project.root / "content/tags/siege.yml"
    assert capsys.readouterr().out.splitlines()[0] == "created content/tags/siege.yml"
    assert project.check(capsys) == (1, [
        "content/tags/siege.yml:2:7: error: name.ar is empty: fill it in [empty-field]",
        "content/tags/siege.yml:3:7: error: name.en is empty: fill it in [empty-field]",
        "2 errors, 0 warnings"])
    path.write_text(path.read_text(encoding="utf-8").replace('ar: ""', "ar: الحصار").replace('en: ""', "en: Siege"),
                    encoding="utf-8")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_help_opens_with_what_the_tool_does_and_its_examples_name_real_commands(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out
    assert "briefing: check, build and keep a bilingual Arabic/English briefing" in help_text
    examples = [line.split()[1:] for line in help_text.split("examples:\n")[1].splitlines()
                if line.startswith("  briefing ")]
    assert len(examples) >= 7
    for example in examples:
        with pytest.raises(SystemExit) as stopped:
            main([example[0], "--help"])
        assert stopped.value.code == 0
    capsys.readouterr()


def test_renaming_back_gives_the_files_they_were_and_keeps_the_address_between(
        tree: Project, capsys: pytest.CaptureFixture) -> None:
    before = tree.fingerprint()
    assert _run(tree, capsys, "rename", "actor", "sdf", "qsd")[0] == 0
    assert _run(tree, capsys, "rename", "actor", "qsd", "sdf")[0] == 0
    after = tree.fingerprint()
    assert (tree.root / "content/actors/sdf.yml").read_text(encoding="utf-8") == SDF + "redirect_from: [qsd]\n"
    assert [path for path in before if before[path] != after[path]] == ["content/actors/sdf.yml"]


def test_rename_adds_to_the_earlier_ids_as_written_and_refuses_another_entrys(
        tree: Project, capsys: pytest.CaptureFixture) -> None:
    tree.write("content/actors/sdf.yml", SDF + "redirect_from:\n- qsd  # its Arabic initials\n\n# end\n")
    assert _run(tree, capsys, "rename", "actor", "sdf", "sdf-2015")[0] == 0
    assert (tree.root / "content/actors/sdf-2015.yml").read_text(encoding="utf-8") == (
        SDF + "redirect_from: [qsd, sdf]\n\n# end\n")
    before = tree.fingerprint()
    code, _, err = _run(tree, capsys, "rename", "actor", "ypg", "qsd")
    assert (code, err) == (1, "briefing: error: 'qsd' is an earlier id of actor 'sdf-2015' (its redirect_from): "
                              "choose another id, or remove it from there first\n")
    assert tree.fingerprint() == before


QSD = """\
name: {ar: قسد, en: QSD}
aliases: {ar: [قوات سوريا الديمقراطية, "قوات \\"سوريا\\" الديمقراطية"], en: ["SDF: the alliance"]}
type: coalition
wikidata: Q17633868
redirect_from: [syrian-democratic-forces]
"""
LISTING_BOTH = """\
date: 2017-08-08
status: published
actors:
  - ypg
  - sdf
  - qsd  # the same
events:
  - date: 2017-08-06
    type: battles
    sub_type: armed-clash
    location: raqqa
    actors: {side_a: [qsd], side_b: [ypg]}
    sources: [rasd]
sources:
  - source: rasd
"""


def test_merge_makes_two_entries_one_and_keeps_the_address_of_the_gone(
        tree: Project, capsys: pytest.CaptureFixture) -> None:
    tree.write("content/actors/qsd.yml", QSD)
    tree.write("content/actors/ypg.yml", YPG.replace('"sdf"', "qsd"))
    write_minimal_article(tree, slug="2017-08-08-both", meta=LISTING_BOTH,
                          ar=ARABIC.replace("actor:sdf", "actor:qsd"), en=ENGLISH)
    code, out, _ = _run(tree, capsys, "merge", "actor", "sdf", "qsd")
    assert (code, out) == (0, "merged actor 'qsd' into 'sdf', 5 files changed; run 'briefing check'\n"
                              "sdf.yml keeps its own type; qsd.yml says otherwise: settle it by hand\n")
    assert not (tree.root / "content/actors/qsd.yml").exists()
    assert (tree.root / "content/actors/sdf.yml").read_text(encoding="utf-8") == SDF + (
        "redirect_from: [qsd, syrian-democratic-forces]\nwikidata: Q17633868\n"
        "aliases:\n  ar: [قوات \"سوريا\" الديمقراطية]\n  en: [QSD, 'SDF: the alliance']\n")
    assert (tree.root / "content/actors/ypg.yml").read_text(encoding="utf-8") == YPG.replace('"sdf"', "sdf")
    folder = tree.root / "content/articles/2017/2017-08-08-both"
    assert (folder / "meta.yml").read_text(encoding="utf-8") == LISTING_BOTH.replace(
        "  - qsd  # the same\n", "").replace("side_a: [qsd]", "side_a: [sdf]")
    assert (folder / "ar.md").read_text(encoding="utf-8") == ARABIC
    assert tree.check(capsys) == (0, ["0 errors, 0 warnings"])
    site = tree.root / "site"
    assert main(["build", "--root", str(tree.root), "--site-dir", str(site), "--quiet"]) == 0
    assert 'url=../sdf/"' in (site / "en/actors/qsd/index.html").read_text(encoding="utf-8")


def test_merge_dry_run_shows_what_goes_and_writes_nothing(tree: Project, capsys: pytest.CaptureFixture) -> None:
    tree.write("content/actors/qsd.yml", QSD)
    before = tree.fingerprint()
    code, out, _ = _run(tree, capsys, "merge", "actor", "sdf", "qsd", "--dry-run")
    assert code == 0 and out.endswith("deleted file content/actors/qsd.yml\n"
                                      "sdf.yml keeps its own type; qsd.yml says otherwise: settle it by hand\n")
    assert tree.fingerprint() == before
    code, _, err = _run(tree, capsys, "merge", "actor", "sdf", "sdf")
    assert (code, err) == (1, "briefing: error: actor 'sdf' cannot be merged into itself\n")


@pytest.mark.parametrize(("written", "merged"), [
    ("[qsd, sdf]", "[sdf]"), ("[sdf, qsd]", "[sdf]"), ("[sdf, qsd, ypg]  # all", "[sdf, ypg]  # all"),
    ("['qsd' ,sdf]", "[sdf]"), ("[ypg,qsd,sdf]", "[ypg,sdf]"), ("[qsd]", "[sdf]"),
    ("\n  - sdf\n  - 'qsd'\n  - ypg", "\n  - sdf\n  - ypg"), ("\n- qsd\n- sdf", "\n- sdf"),
])
def test_merge_leaves_a_list_naming_both_with_the_kept_one_once(tree: Project, capsys: pytest.CaptureFixture,
                                                                written: str, merged: str) -> None:
    tree.write("content/actors/qsd.yml", QSD)
    meta = "date: 2017-08-10\nstatus: draft\nactors: {}\nauthors: [editor4]\n"
    folder = write_minimal_article(tree, slug="2017-08-10-lists", meta=meta.format(written))
    assert _run(tree, capsys, "merge", "actor", "sdf", "qsd")[0] == 0
    assert (tree.root / folder / "meta.yml").read_text(encoding="utf-8") == meta.format(merged)


@pytest.mark.parametrize("new", ["2017", "true", "null", "no", "on", "0777", "0x1f", "0b101"])
def test_rename_quotes_an_id_yaml_would_read_as_something_else(tree: Project, capsys: pytest.CaptureFixture,
                                                               new: str) -> None:
    assert _run(tree, capsys, "rename", "actor", "sdf", new)[0] == 0
    assert (tree.root / "content/actors/ypg.yml").read_text(encoding="utf-8") == YPG.replace('"sdf"', f'"{new}"')
    meta = (tree.root / FOLDER / "meta.yml").read_text(encoding="utf-8")
    assert meta == META.replace("[ypg, sdf]", f'[ypg, "{new}"]').replace("side_a: [sdf]", f'side_a: ["{new}"]')
    assert tree.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_rename_keeps_line_endings_and_a_byte_order_mark(tree: Project, capsys: pytest.CaptureFixture) -> None:
    ypg, sdf = tree.root / "content/actors/ypg.yml", tree.root / "content/actors/sdf.yml"
    ypg.write_bytes(YPG.replace("\n", "\r\n").encode())
    sdf.write_bytes(b"\xef\xbb\xbf" + SDF.replace("\n", "\r\n").encode() + b"redirect_from: [qsd]\r\n")
    assert _run(tree, capsys, "rename", "actor", "sdf", "sdf-2015")[0] == 0
    assert ypg.read_bytes() == YPG.replace('"sdf"', '"sdf-2015"').replace("\n", "\r\n").encode()
    assert (tree.root / "content/actors/sdf-2015.yml").read_bytes() == (
        b"\xef\xbb\xbf" + SDF.replace("\n", "\r\n").encode() + b"redirect_from: [qsd, sdf]\r\n")


def test_rename_refuses_earlier_ids_it_cannot_read_as_a_list(tree: Project, capsys: pytest.CaptureFixture) -> None:
    tree.write("content/actors/sdf.yml", SDF + "redirect_from: qsd-old\n")
    before = tree.fingerprint()
    code, _, err = _run(tree, capsys, "rename", "actor", "sdf", "sdf-2015")
    assert (code, err) == (1, "briefing: error: content/actors/sdf.yml: redirect_from is not a list of ids "
                              "([old-id, ...]): fix it first\n")
    assert tree.fingerprint() == before


def test_a_merge_that_leaves_a_record_twice_or_a_source_via_itself_fails_the_check(
        tree: Project, capsys: pytest.CaptureFixture) -> None:
    tree.write("content/sources/basnews.yml", "name: {ar: باسنيوز, en: BasNews}\nkind: news-agency\n")
    tree.write("content/actors/ypg.yml", YPG + "  - actor: sdf\n    relation: part-of\n")
    write_minimal_article(tree, slug="2017-08-08-relayed", meta="date: 2017-08-08\nstatus: published\n"
                          "sources:\n  - source: rasd\n  - source: basnews\n  - source: basnews\n    via: rasd\n",
                          ar="---\ntitle: نقل\n---\nنص.\n", en="---\ntitle: Relayed\n---\nText.\n")
    assert _run(tree, capsys, "merge", "source", "rasd", "basnews")[0] == 0
    assert tree.check(capsys) == (1, [
        "content/actors/ypg.yml:6:5: error: affiliations[1] repeats an earlier one: delete it [listed-twice]",
        "content/articles/2017/2017-08-08-relayed/meta.yml:5:5: error: sources[1] repeats an earlier one: "
        "delete it [listed-twice]",
        "content/articles/2017/2017-08-08-relayed/meta.yml:7:10: error: a source cannot be relayed by itself: "
        "delete via [self-relay]",
        "3 errors, 0 warnings",
    ])

"""Mentions against meta.yml (check, suggest) and links to entity pages (explicit and automatic)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, Project, write_minimal_article
from test_mentions import matcher_of, registry

from build_tools.cli import main
from build_tools.publish.linkcheck import page_file
from build_tools.site.rendering import link_mentions
from build_tools.text.matcher import Matcher

SDF = ("name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}\nshort_name: {ar: قسد, en: SDF}\n"
       "type: armed-group\n")
COALITION = "name: {ar: التحالف الدولي, en: International Coalition}\ntype: coalition\n"
RAQQA = "name: {ar: الرقة, en: Raqqa}\nkind: city\nparent: syria\n"
SYRIA = "name: {ar: سوريا, en: Syria}\nkind: country\n"
AR = "---\ntitle: خلافات حول المعركة\n---\nكشف مصدر كردي عن خلافات بين قسد\nوالتحالف الدولي حول معركة الرقة.\n"
EN = "---\ntitle: A rift\n---\nA Kurdish source disclosed disagreements between the SDF and its allies.\n"


@pytest.fixture
def tree(project: Project) -> Project:
    project.write("content/actors/sdf.yml", SDF)
    project.write("content/actors/coalition.yml", COALITION)
    project.write("content/locations/raqqa.yml", RAQQA)
    project.write("content/locations/syria.yml", SYRIA)
    return project


def test_check_warns_about_named_but_unlisted_and_listed_but_unnamed(tree: Project, capsys) -> None:
    write_minimal_article(tree, ar=AR, en=EN, meta="date: 2017-08-07\nstatus: published\nactors: [sdf]\n"
                                                   "locations: [syria, raqqa]\n")
    tree.write("content/actors/basnews.yml", "name: {ar: باسنيوز, en: BasNews}\ntype: media\n")
    tree.write("content/articles/2017/2017-08-07-a/meta.yml",
               "date: 2017-08-07\nstatus: published\nactors: [sdf, basnews]\nlocations: [syria]\n")
    assert tree.check(capsys) == (0, [
        "content/articles/2017/2017-08-07-a/ar.md:5:2: warning: mentions actor 'coalition' (\"التحالف الدولي\") "
        "but meta.yml does not list it under actors: [unlisted-actor]",
        "content/articles/2017/2017-08-07-a/ar.md:5:27: warning: mentions location 'raqqa' (\"الرقة\") "
        "but meta.yml does not list it under locations: [unlisted-location]",
        "content/articles/2017/2017-08-07-a/meta.yml:3:15: warning: lists actor 'basnews' but neither text names it "
        "[unmentioned-actor]",
        "0 errors, 3 warnings",
    ])


def test_a_listed_country_is_named_through_a_place_inside_it(tree: Project, capsys) -> None:
    write_minimal_article(tree, ar=AR, en=EN, meta="date: 2017-08-07\nstatus: published\n"
                                                   "actors: [sdf, coalition]\nlocations: [syria, raqqa]\n")
    assert tree.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_suggest_json(tree: Project, capsys) -> None:
    folder = write_minimal_article(tree, ar=AR, en=EN, meta="date: 2017-08-07\nstatus: published\nactors: [sdf]\n"
                                                            "locations: [syria]\n")
    assert main(["suggest", str(tree.root / folder), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "actors": {"coalition": 1, "sdf": 2},
        "locations": {"raqqa": 1},
        "missing": {"actors": ["coalition"], "locations": ["raqqa"]},
        "unmentioned": {"actors": [], "locations": []},
    }


def test_suggest_on_the_sample_finds_everything_listed_and_nothing_else(capsys) -> None:
    folder = REPO / "content/articles/2017/2017-coalition-sdf-rift-deir-ez-zor"
    assert main(["suggest", str(folder), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    meta = (folder / "meta.yml").read_text(encoding="utf-8")
    assert result["missing"] == {"actors": [], "locations": []}
    assert result["unmentioned"] == {"actors": [], "locations": []}
    assert all(f"  - {id_}\n" in meta for id_ in [*result["actors"], *result["locations"]])
    assert result["actors"]["sdf"] == named(folder, "actors", "sdf") == 11
    assert result["locations"]["deir-ez-zor"] == named(folder, "locations", "deir-ez-zor") == 24


ATTACHED = "(?:[وف]?(?:[بك]?ال|لل|[بكل])?)"
"""The attached prefixes the documentation lists (docs/pages/reference/names.md), written out again here."""


def named(article: Path, kind: str, id_: str) -> int:
    """How often the article's texts name the entity, counted as a reader would: any of its
    names in the registry file, as a whole word (in Arabic after attached prefixes, vowels
    left out)."""
    entry = yaml.safe_load((REPO / "content" / kind / f"{id_}.yml").read_text(encoding="utf-8"))
    total = 0
    for lang in ("ar", "en"):
        forms = [entry["name"][lang], entry.get("short_name", {}).get(lang), *entry.get("aliases", {}).get(lang, [])]
        names = "|".join(sorted((re.escape(form) for form in forms if form), key=len, reverse=True))
        text = re.sub("[\u064b-\u065f\u0670\u0640]", "", (article / f"{lang}.md").read_text(encoding="utf-8"))
        total += len(re.findall(rf"(?<!\w){ATTACHED if lang == 'ar' else ''}(?:{names})(?!\w)", text))
    return total


def test_suggest_text_and_bad_path(tree: Project, capsys) -> None:
    folder = write_minimal_article(tree, ar=AR, en=EN, meta="date: 2017-08-07\nstatus: published\nactors: [sdf]\n")
    assert main(["suggest", str(tree.root / folder)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "actors named in the text:",
        "  sdf                                2",
        "  coalition                          1   not in meta.yml",
        "  add to meta.yml actors: coalition",
        "locations named in the text:",
        "  raqqa                              1   not in meta.yml",
        "  add to meta.yml locations: raqqa",
    ]
    assert main(["suggest", str(tree.root / "nowhere")]) == 2


def test_explicit_link_to_unknown_id_is_an_error_with_its_line(tree: Project, capsys) -> None:
    write_minimal_article(tree, en=EN + "\nSee [the SDF](actor:sdf) and [BasNews](source:basnew).\n")
    tree.write("content/sources/basnews.yml", "name: {ar: باسنيوز, en: BasNews}\nkind: news-agency\n")
    code, lines = tree.check(capsys)
    errors = [line for line in lines if ": error: " in line]
    assert (code, errors) == (1, ["content/articles/2017/2017-08-07-a/en.md:6:47: error: link to unknown "
                                  "source 'basnew' (did you mean 'basnews'?) [unknown-link]"])


def test_links_resolve_in_the_page_language_and_names_get_linked(tree: Project) -> None:
    write_minimal_article(tree, ar=AR + "\n## قسد في العنوان\n\nانظر [الصفحة](actor:sdf) و`قسد` ثم قسد.\n",
                          en=EN + "\nSee [their page](location:raqqa).\n",
                          meta="date: 2017-08-07\nstatus: published\nactors: [sdf, coalition]\nlocations: [raqqa]\n")
    assert main(["build", "--root", str(tree.root), "--site-dir", str(tree.root / "out")]) == 0
    arabic = page_file(tree.root / "out", "/ar/articles/2017-08-07-a/").read_text(encoding="utf-8")
    english = page_file(tree.root / "out", "/en/articles/2017-08-07-a/").read_text(encoding="utf-8")
    assert '<a href="../../actors/sdf/">الصفحة</a>' in arabic
    assert '<a href="../../locations/raqqa/">their page</a>' in english
    assert ('بين <a class="briefing-mention" href="../../actors/sdf/">قسد</a>\n'
            '<a class="briefing-mention" href="../../actors/coalition/">والتحالف الدولي</a>') in arabic
    assert arabic.count('class="briefing-mention" href="../../actors/sdf/"') == 1  # first mention only
    assert '<h2 id="_1">قسد في العنوان</h2>' in arabic and "<code>قسد</code>" in arabic
    assert ('between the <a class="briefing-mention" href="../../actors/sdf/">SDF</a> and its allies'
            in english)
    assert 'the <a class="briefing-mention" href="../../actors/sdf/"><bdi' not in english


def sdf_and_raqqa() -> Matcher:
    """Made by each test, not at import: mutmut switches a mutant on after the tests are imported."""
    return matcher_of(registry(sdf=("actor", {"ar": ["قوات سوريا الديمقراطية", "قسد"]}),
                               raqqa=("location", {"ar": ["الرقة"]})))
TARGETS = {("actor", "sdf"): "../../actors/sdf/"}


@pytest.mark.parametrize("mode, expected", [
    ("off", "<p>قسد ثم قسد في الرقة</p>"),
    ("first", '<p><a class="briefing-mention" href="../../actors/sdf/">قسد</a> ثم قسد في الرقة</p>'),
    ("every", '<p><a class="briefing-mention" href="../../actors/sdf/">قسد</a> ثم '
              '<a class="briefing-mention" href="../../actors/sdf/">قسد</a> في الرقة</p>'),
])
def test_link_modes_and_only_listed_entities(mode: str, expected: str) -> None:
    assert link_mentions("<p>قسد ثم قسد في الرقة</p>", "ar", sdf_and_raqqa(), TARGETS, mode) == expected


def test_no_links_in_headings_code_links_or_attributes() -> None:
    html = ('<h2 title="قسد">قسد</h2><p><a href="x">قسد</a> <code>قسد</code> '
            '<img alt="قسد"/> <span title="قسد">وقسد</span></p>')
    assert link_mentions(html, "ar", sdf_and_raqqa(), TARGETS, "every") == (
        '<h2 title="قسد">قسد</h2><p><a href="x">قسد</a> <code>قسد</code> '
        '<img alt="قسد"/> <span title="قسد"><a class="briefing-mention" href="../../actors/sdf/">وقسد</a></span></p>')

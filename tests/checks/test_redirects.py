"""Old addresses keep working: an entry's or an article's earlier ids (``redirect_from``)
each get a page in every language that sends readers to its page, and a ``_redirects``
line for hosts that answer with a 301; ``check`` refuses an earlier id that another page
has, or that two pages claim; an article whose date no longer matches its folder or its
id is told the command that moves it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project, write_minimal_article
from lxml import html

from build_tools.checks.addresses import dated_slug, slug_date
from build_tools.cli import main
from build_tools.model.dates import PartialDate
from build_tools.model.kinds import REGISTRIES

ENTRIES = {
    "actor": "name: {{ar: فاعل {n}, en: Actor {n}}}\ntype: armed-group\n",
    "location": "name: {{ar: مكان {n}, en: Place {n}}}\nkind: city\ncoordinates: {{lat: 35.9, lon: 39.0}}\n",
    "source": "name: {{ar: مصدر {n}, en: Source {n}}}\nkind: other\n",
    "tag": "name: {{ar: وسم {n}, en: Tag {n}}}\n",
}
"""The least a valid entry of each kind holds, its names numbered."""
WORDS = {"one": "واحد", "two": "اثنان", "three": "ثلاثة"}
SITE = "https://example.org/briefing/"


def _entry(project: Project, kind: str, id_: str, more: str = "") -> None:
    plural = next(k.plural for k in REGISTRIES if k.name == kind)
    project.write(f"content/{plural}/{id_}.yml", ENTRIES[kind].format(n=WORDS[id_]) + more)


def test_every_registry_kind_has_an_entry_here() -> None:
    assert sorted(ENTRIES) == sorted(kind.name for kind in REGISTRIES)


@pytest.mark.parametrize("kind", sorted(ENTRIES))
def test_check_refuses_an_earlier_id_that_is_a_page_or_is_claimed_twice(project: Project, capsys, kind: str) -> None:
    plural = next(k.plural for k in REGISTRIES if k.name == kind)
    _entry(project, kind, "one", "redirect_from: [one, two, gone]\n")
    _entry(project, kind, "two")
    _entry(project, kind, "three", "redirect_from:\n  - gone\n")
    assert project.check(capsys) == (1, [
        f"content/{plural}/one.yml:{ENTRIES[kind].count(chr(10)) + 1}:17: error: redirect_from lists this "
        f"{kind}'s own id 'one': remove it [redirect-conflict]",
        f"content/{plural}/one.yml:{ENTRIES[kind].count(chr(10)) + 1}:22: error: 'two' is the address of another "
        f"{kind}, which keeps it: an earlier id must be an address no page has [redirect-conflict]",
        f"content/{plural}/three.yml:{ENTRIES[kind].count(chr(10)) + 2}:5: error: 'gone' is already an earlier id "
        f"of {kind} 'one': one address can send readers to one page only [redirect-conflict]",
        "3 errors, 0 warnings",
    ])


def test_check_refuses_an_article_address_taken_by_an_article_added_later(project: Project, capsys) -> None:
    """The check keeps what it found in each unchanged folder; an earlier id depends on
    the other folders, so adding one finds the conflict in a folder that did not change."""
    write_minimal_article(project, slug="2017-08-07-a",
                          meta="date: 2017-08-07\nstatus: published\nredirect_from: [2017-08-06-a]\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])
    write_minimal_article(project, slug="2017-08-06-a", meta="date: 2017-08-06\nstatus: published\n")
    assert project.check(capsys) == (1, [
        "content/articles/2017/2017-08-07-a/meta.yml:3:17: error: '2017-08-06-a' is the address of another article, "
        "which keeps it: an earlier id must be an address no page has [redirect-conflict]",
        "1 error, 0 warnings",
    ])
    write_minimal_article(project, slug="2017-08-08-b",
                          meta="date: 2017-08-08\nstatus: published\nredirect_from: [2017-08-05-old]\n")
    write_minimal_article(project, slug="2017-08-09-c",
                          meta="date: 2017-08-09\nstatus: published\nredirect_from: [2017-08-05-old]\n")
    assert project.check(capsys)[1][-2:] == [
        "content/articles/2017/2017-08-09-c/meta.yml:3:17: error: '2017-08-05-old' is already an earlier id of "
        "article '2017-08-08-b': one address can send readers to one page only [redirect-conflict]",
        "2 errors, 0 warnings"]


def _moved_site(project: Project, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Built on 20 August 2017 (``SOURCE_DATE_EPOCH``), before the last article goes out."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1503187200")
    _entry(project, "actor", "one", "redirect_from: [first-actor, older-actor]\n")
    write_minimal_article(project, slug="2017-08-07-rift",
                          meta="date: 2017-08-07\nstatus: published\nredirect_from: [2017-08-06-rift]\n")
    write_minimal_article(project, slug="2017-08-09-draft",
                          meta="date: 2017-08-09\nstatus: draft\nredirect_from: [2017-08-08-draft]\n")
    write_minimal_article(project, slug="2017-08-10-later",
                          meta="date: 2017-08-10\nstatus: published\npublish_at: 2017-09-01T06:00:00+03:00\n"
                               "redirect_from: [2017-08-10-soon]\n")
    site = project.root / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site), "--quiet"]) == 0
    return site


def test_each_earlier_address_sends_readers_on_in_both_languages(project: Project, monkeypatch) -> None:
    site = _moved_site(project, monkeypatch)
    expected = {
        "ar/actors/first-actor/": ("ar/actors/one/", "فاعل واحد", "ar", "rtl"),
        "en/actors/older-actor/": ("en/actors/one/", "Actor واحد", "en", "ltr"),
        "ar/articles/2017-08-06-rift/": ("ar/articles/2017-08-07-rift/", "خلافات بين التحالف وقسد", "ar", "rtl"),
        "en/articles/2017-08-06-rift/": ("en/articles/2017-08-07-rift/", "A rift", "en", "ltr"),
    }
    for old, (new, title, lang, direction) in expected.items():
        page = html.document_fromstring((site / old / "index.html").read_bytes())
        assert (page.get("lang"), page.get("dir")) == (lang, direction)
        assert page.xpath("//link[@rel='canonical']/@href") == [SITE + new]
        assert page.xpath("//meta[@http-equiv='refresh']/@content") == [f"0; url=../{new.split('/')[2]}/"]
        assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
        assert [(a.get("href"), a.text_content()) for a in page.xpath("//a")] == [(f"../{new.split('/')[2]}/", title)]
        assert (site / old / f"../{new.split('/')[2]}/index.html").resolve().is_file()
        assert page.xpath("//script") == []
        assert page.xpath("//meta[@http-equiv='Content-Security-Policy']")


def test_hosts_get_a_301_for_each_move_and_search_engines_no_old_address(project: Project, monkeypatch) -> None:
    site = _moved_site(project, monkeypatch)
    assert (site / "_redirects").read_text(encoding="utf-8") == "".join(
        f"/briefing/{lang}/{section}/{old}/ /briefing/{lang}/{section}/{new}/ 301\n"
        for section, old, new in (("actors", "first-actor", "one"), ("actors", "older-actor", "one"),
                                  ("articles", "2017-08-06-rift", "2017-08-07-rift"))
        for lang in ("ar", "en"))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "first-actor" not in sitemap and "2017-08-06-rift" not in sitemap


def test_a_draft_or_an_article_not_yet_out_keeps_no_earlier_address(project: Project, monkeypatch) -> None:
    site = _moved_site(project, monkeypatch)
    for old in ("2017-08-08-draft", "2017-08-10-soon"):
        assert not (site / "ar/articles" / old).exists()
        assert old not in (site / "_redirects").read_text(encoding="utf-8")


@pytest.mark.parametrize(("slug", "date"), [
    ("2017-08-07-rift", (2017, 8, 7)), ("2017-08-rift", (2017, 8)), ("2017-rift", ()),
    ("2017-10-killed", (2017, 10)), ("2017-13-x", ()), ("2017-08-32-x", (2017, 8)),
    ("20170-x", ()), ("rift-2017", ()), ("2017", ()), ("1948-nakba-anniversary", ()), ("2017-08", (2017, 8)),
])
def test_the_date_an_id_starts_with(slug: str, date: tuple[int, ...]) -> None:
    assert slug_date(slug) == date


@pytest.mark.parametrize(("slug", "date", "moved"), [
    ("2017-08-07-rift", PartialDate(2018, 3, 9), "2018-03-09-rift"),
    ("2017-08-rift", PartialDate(2017, 9, 1), "2017-09-rift"),
    ("2017-08-07-rift", PartialDate(2018), "2018-rift"),
    ("rift", PartialDate(2018), "rift"),
])
def test_an_id_follows_its_date_as_precisely_as_it_was_written(slug: str, date: PartialDate, moved: str) -> None:
    assert dated_slug(slug, date) == moved


def test_a_date_moved_to_another_year_names_the_command_that_moves_the_article(project: Project, capsys) -> None:
    write_minimal_article(project, slug="2017-08-07-rift", meta="date: 2018-03-09\nstatus: published\n")
    assert project.check(capsys) == (1, [
        "content/articles/2017/2017-08-07-rift/meta.yml:1:7: error: date 2018-03-09 is in 2018 but the article is "
        "filed under 2017/: move it with 'briefing rename article 2017-08-07-rift 2018-03-09-rift', which keeps "
        "its address working [date-order]",
        "1 error, 0 warnings",
    ])
    assert main(["rename", "article", "2017-08-07-rift", "2018-03-09-rift", "--root", str(project.root)]) == 0
    capsys.readouterr()
    assert not (project.root / "content/articles/2017").exists()
    meta = project.root / "content/articles/2018/2018-03-09-rift/meta.yml"
    assert meta.read_text(encoding="utf-8") == "date: 2018-03-09\nstatus: published\nredirect_from: [2017-08-07-rift]\n"
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


def test_a_date_that_leaves_the_id_behind_is_a_warning_naming_the_command(project: Project, capsys) -> None:
    write_minimal_article(project, slug="2017-08-07-rift", meta="date: 2017-08-09\nstatus: published\n")
    write_minimal_article(project, slug="2017-08-10-vague", meta="date: 2017-08\nstatus: published\n")
    write_minimal_article(project, slug="2017-raqqa", meta="date: 2017-10-20\nstatus: published\n")
    write_minimal_article(project, slug="1948-nakba-anniversary", meta="date: 2017-05-15\nstatus: published\n")
    assert project.check(capsys) == (0, [
        "content/articles/2017/2017-08-07-rift/meta.yml:1:7: warning: date 2017-08-09 is not the date the "
        "article's id 2017-08-07-rift starts with: its address can follow with 'briefing rename article "
        "2017-08-07-rift 2017-08-09-rift', which keeps the old one working [slug-date]",
        "0 errors, 1 warning",
    ])


def test_a_folder_filed_under_the_wrong_year_moves_under_the_same_id(project: Project, capsys) -> None:
    write_minimal_article(project, year="2016", slug="rift", meta="date: 2017-08-07\nstatus: published\n")
    assert main(["rename", "article", "rift", "rift", "--root", str(project.root)]) == 0
    assert capsys.readouterr().out == ("renamed article 'rift' to 'rift': content/articles/2016/rift/ is now "
                                       "content/articles/2017/rift/, 0 files changed; run 'briefing check'\n")
    meta = project.root / "content/articles/2017/rift/meta.yml"
    assert meta.read_text(encoding="utf-8") == "date: 2017-08-07\nstatus: published\n"
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])


@pytest.mark.parametrize("key", ["redirect_from", "'redirect_from'", '"redirect_from"', '"redirect\\x5ffrom"',
                                 '"redirect\\u005Ffrom"', '"redirect\\U0000005ffrom"',
                                 '? redirect_from\n'])
def test_however_the_key_is_spelled_the_check_reads_what_the_build_reads(project: Project, capsys,
                                                                          key: str) -> None:
    """An article that takes another's address, its key written in any way YAML reads as
    ``redirect_from``: the check must see what the build would publish."""
    write_minimal_article(project, slug="2017-08-09-victim", meta="date: 2017-08-09\nstatus: published\n")
    write_minimal_article(project, slug="2017-08-07-rift",
                          meta=f"date: 2017-08-07\nstatus: published\n{key}: [2017-08-09-victim]\n")
    code, lines = project.check(capsys)
    assert code == 1
    assert lines[-2].endswith("error: '2017-08-09-victim' is the address of another article, which keeps it: "
                              "an earlier id must be an address no page has [redirect-conflict]")


def test_an_earlier_id_windows_reserves_is_refused_as_an_id_is(project: Project, capsys) -> None:
    _entry(project, "tag", "one", "redirect_from: [old, nul]\n")
    assert project.check(capsys) == (1, [
        "content/tags/one.yml:2:22: error: 'nul' is a reserved file name on Windows, where the site could not be "
        "checked out: choose another id [invalid-id]",
        "1 error, 0 warnings",
    ])

"""Promises of the documentation (README.md, docs/pages/) that no other test held to: home
pagination, the root redirect, open data columns as documented, drafts in exports, names shared on purpose,
feed limits and the timestamps of articles dated to the month or the year."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path

import feedparser
import pytest
from conftest import REPO, Project, write_minimal_article
from lxml import html

from build_tools.cli import main
from build_tools.publish.linkcheck import page_file
from build_tools.site.feeds import LATEST


def build(project: Project) -> Path:
    site = project.root / "out"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    return site


def set_site(project: Project, key: str, value: str) -> None:
    path = project.root / "site_config/site.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", text), encoding="utf-8")


def resolved(site: Path, page: Path, hrefs: list[str]) -> list[str]:
    """Links of ``page`` as site paths (``en/articles/x/``)."""
    folder = page.parent.relative_to(site).as_posix()
    return [posixpath.normpath(posixpath.join(folder, href)) + "/" for href in hrefs]


def cards(site: Path, page: Path) -> list[str]:
    links = html.parse(str(page)).getroot().xpath('//*[@data-briefing="article-card"]//h2//a/@href')
    return resolved(site, page, links)


def test_home_pages_hold_articles_per_page_and_older_pages_stay_as_they_were(project: Project) -> None:
    set_site(project, "articles_per_page", "2")
    for day in range(1, 7):
        write_minimal_article(project, slug=f"2017-08-0{day}-a", meta=f"date: 2017-08-0{day}\nstatus: published\n")
    site = build(project)
    home, newer, oldest = (page_file(site, f"/en/{path}") for path in ("", "page/3/", "page/2/"))
    assert [cards(site, home), cards(site, newer), cards(site, oldest)] == [
        ["en/articles/2017-08-06-a/", "en/articles/2017-08-05-a/"],
        ["en/articles/2017-08-04-a/", "en/articles/2017-08-03-a/"],
        ["en/articles/2017-08-02-a/", "en/articles/2017-08-01-a/"]]
    assert not page_file(site, "/en/page/4/").exists()
    pagination = html.parse(str(newer)).getroot().xpath('//nav[@class="briefing-pagination"]')[0]
    assert resolved(site, newer, pagination.xpath(".//a/@href")) == ["en/", "en/page/2/"]
    assert pagination.get("aria-label") == "Briefings from 3 August 2017 to 4 August 2017"
    before = [newer.read_bytes(), oldest.read_bytes()]
    write_minimal_article(project, slug="2017-08-07-a", meta="date: 2017-08-07\nstatus: published\n")
    site = build(project)
    assert cards(site, home) == ["en/articles/2017-08-07-a/", "en/articles/2017-08-06-a/",
                                 "en/articles/2017-08-05-a/"]
    assert [newer.read_bytes(), oldest.read_bytes()] == before


def test_the_root_sends_readers_to_the_default_language(sample_site: Path) -> None:
    root = html.parse(str(sample_site / "index.html")).getroot()
    assert root.get("lang") == "ar" and root.get("dir") == "rtl"
    assert root.xpath('//meta[@http-equiv="refresh"]/@content') == ["0; url=ar/"]
    assert root.xpath("//a/@href") == ["ar/", "en/"]
    assert {(link.get("hreflang"), link.get("href")) for link in root.xpath('//link[@rel="alternate"]')} == {
        ("ar", "https://example.org/briefing/ar/"), ("en", "https://example.org/briefing/en/"),
        ("x-default", "https://example.org/briefing/ar/")}


def documented_columns() -> dict[str, list[str]]:
    """The open data table of the documentation: file → the fields it lists, in order (the
    events files have a table of their own, read by ``test_events``)."""
    page = (REPO / "docs/pages/reference/open-data.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+\.(?:csv|json|geojson))` \| (.+) \|$", page, re.MULTILINE)
    columns = {}
    for name, described in rows:
        if name.startswith("events."):
            continue
        if name.endswith(".csv"):
            columns[name] = [c.strip() for c in re.search(r"`([^`]+)`", described).group(1).split(",")]
        elif name.endswith(".json"):
            fields = re.search(r"`\{(.+)\}`", described).group(1)
            columns[name] = [f.split(":")[0].split(" ")[0].strip() for f in re.split(r",\s*(?![^{]*\})", fields)]
    return columns


def test_open_data_has_exactly_the_documented_columns(sample_site: Path) -> None:
    documented = documented_columns()
    assert set(documented) == {f"{kind}.{suffix}" for kind in ("actors", "locations", "sources", "tags", "articles")
                               for suffix in ("csv", "json")}
    for name, columns in documented.items():
        text = (sample_site / "data" / name).read_text(encoding="utf-8")
        if name.endswith(".csv"):
            assert next(csv.reader(io.StringIO(text))) == columns, name
        else:
            records = json.loads(text)
            assert records and all(list(record) == columns for record in records), name


def test_export_leaves_drafts_out_unless_asked(project: Project, tmp_path: Path) -> None:
    write_minimal_article(project, slug="2017-08-01-a", meta="date: 2017-08-01\nstatus: published\n")
    write_minimal_article(project, slug="2017-08-02-b", meta="date: 2017-08-02\nstatus: draft\n")
    out = tmp_path / "data"

    def exported(*flags: str) -> list[tuple[str, str]]:
        assert main(["export", "--root", str(project.root), "--out", str(out), "--format", "json", *flags]) == 0
        return [(a["id"], a["status"]) for a in json.loads((out / "articles.json").read_text(encoding="utf-8"))]

    assert exported() == [("2017-08-01-a", "published")]
    assert exported("--drafts") == [("2017-08-02-b", "draft"), ("2017-08-01-a", "published")]


SHARED = {"turkey": ("تركيا", "Turkey", "state"), "turkish-army": ("الجيش التركي", "Turkish Armed Forces",
                                                                  "armed-forces")}


def test_a_name_shared_on_purpose_is_a_mention_of_each_never_missing_and_linked_only_to_the_listed(
        project: Project, capsys) -> None:
    for id_, (ar, en, type_) in SHARED.items():
        project.write(f"content/actors/{id_}.yml", f"name: {{ar: {ar}, en: {en}}}\ntype: {type_}\n"
                                                   "ambiguous_aliases: {ar: [الأتراك], en: [the Turks]}\n")
    folder = write_minimal_article(project, ar="---\ntitle: عن الأتراك\n---\nقال الأتراك إنهم يراقبون.\n",
                                   en="---\ntitle: On the Turks\n---\nThe Turks said they were watching.\n",
                                   meta="date: 2017-08-07\nstatus: published\nactors: [turkey]\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])
    assert main(["suggest", str(project.root / folder), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["actors"] == {"turkey": 4, "turkish-army": 4}
    english = page_file(build(project), "/en/articles/2017-08-07-a/").read_text(encoding="utf-8")
    assert '<a class="briefing-mention" href="../../actors/turkey/">The Turks</a> said' in english
    project.write(f"{folder}/meta.yml", "date: 2017-08-07\nstatus: published\nactors: [turkey, turkish-army]\n")
    english = page_file(build(project), "/en/articles/2017-08-07-a/").read_text(encoding="utf-8")
    assert "briefing-mention" not in english  # both listed: which one is meant cannot be told


@pytest.fixture
def archive(project: Project) -> Path:
    """More articles than a feed holds, the oldest dated to the month and to the year."""
    write_minimal_article(project, slug="2015-a", year="2015", meta="date: 2015\nstatus: published\n")
    write_minimal_article(project, slug="2016-03-a", year="2016", meta="date: 2016-03\nstatus: published\n")
    for number in range(LATEST + 1):
        day = f"2017-{1 + number // 28:02d}-{1 + number % 28:02d}"
        write_minimal_article(project, slug=f"{day}-a", meta=f"date: {day}\nstatus: published\n")
    return build(project)


def test_a_feed_holds_the_latest_fifty_articles(archive: Path) -> None:
    entries = feedparser.parse((archive / "en/feed.xml").read_bytes()).entries
    assert len(entries) == LATEST == 50
    assert [entry.link.rsplit("/", 2)[-2] for entry in entries[:2]] == ["2017-02-23-a", "2017-02-22-a"]
    assert entries[-1].link.endswith("/2017-01-02-a/")


def test_month_and_year_dates_are_the_first_day_in_feeds(project: Project) -> None:
    write_minimal_article(project, slug="2015-a", year="2015", meta="date: 2015\nstatus: published\n")
    write_minimal_article(project, slug="2016-03-a", year="2016", meta="date: 2016-03\nstatus: published\n")
    feed = feedparser.parse((build(project) / "en/feed.xml").read_bytes())
    assert [(e.link.rsplit("/", 2)[-2], e.published, e.updated) for e in feed.entries] == [
        ("2016-03-a", "2016-03-01T00:00:00+00:00", "2016-03-01T00:00:00+00:00"),
        ("2015-a", "2015-01-01T00:00:00+00:00", "2015-01-01T00:00:00+00:00")]
    assert feed.feed.updated == "2016-03-01T00:00:00+00:00"

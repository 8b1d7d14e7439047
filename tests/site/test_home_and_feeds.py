"""Promises of the documentation on the home pages and feeds: pagination that leaves older
pages as they were, the root sending readers to the default language, the feeds' limit,
and the timestamps of articles dated to the month or the year."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import feedparser
import pytest
from conftest import Project, write_minimal_article
from lxml import html

from build_tools.publish.linkcheck import page_file
from build_tools.site.feeds import LATEST


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
    site = project.build()
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
    site = project.build()
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


@pytest.fixture
def archive(project: Project) -> Path:
    """More articles than a feed holds, the oldest dated to the month and to the year."""
    write_minimal_article(project, slug="2015-a", year="2015", meta="date: 2015\nstatus: published\n")
    write_minimal_article(project, slug="2016-03-a", year="2016", meta="date: 2016-03\nstatus: published\n")
    for number in range(LATEST + 1):
        day = f"2017-{1 + number // 28:02d}-{1 + number % 28:02d}"
        write_minimal_article(project, slug=f"{day}-a", meta=f"date: {day}\nstatus: published\n")
    return project.build()


def test_a_feed_holds_the_latest_fifty_articles(archive: Path) -> None:
    entries = feedparser.parse((archive / "en/feed.xml").read_bytes()).entries
    assert len(entries) == LATEST == 50
    assert [entry.link.rsplit("/", 2)[-2] for entry in entries[:2]] == ["2017-02-23-a", "2017-02-22-a"]
    assert entries[-1].link.endswith("/2017-01-02-a/")


def test_month_and_year_dates_are_the_first_day_in_feeds(project: Project) -> None:
    write_minimal_article(project, slug="2015-a", year="2015", meta="date: 2015\nstatus: published\n")
    write_minimal_article(project, slug="2016-03-a", year="2016", meta="date: 2016-03\nstatus: published\n")
    feed = feedparser.parse((project.build() / "en/feed.xml").read_bytes())
    assert [(e.link.rsplit("/", 2)[-2], e.published, e.updated) for e in feed.entries] == [
        ("2016-03-a", "2016-03-01T00:00:00+00:00", "2016-03-01T00:00:00+00:00"),
        ("2015-a", "2015-01-01T00:00:00+00:00", "2015-01-01T00:00:00+00:00")]
    assert feed.feed.updated == "2016-03-01T00:00:00+00:00"


def test_a_page_title_names_the_site_once(sample_site: Path) -> None:
    titles = {path: html.parse(str(sample_site / path)).getroot().findtext(".//head/title")
              for path in ("en/index.html", "ar/index.html", "en/actors/sdf/index.html")}
    assert titles == {"en/index.html": "Deir ez-Zor Briefing", "ar/index.html": "موجز دير الزور",
                      "en/actors/sdf/index.html": "Syrian Democratic Forces – Deir ez-Zor Briefing"}

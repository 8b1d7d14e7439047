"""Scheduling (``publish_at``): before its instant an article is left out of the build as a
draft is, the preview shows it with a banner saying when it goes out, and an incremental
build made after that instant gives the site a clean build gives."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
import time_machine
import yaml
from conftest import REPO, Project, write_minimal_article
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_incremental import SDF, _article, build, clean_build, files_of

from build_tools.cli import main

UTC = datetime.UTC
GOES_OUT = "2026-12-09T06:00:00+03:00"
"""Six in the morning in Damascus: three o'clock UTC."""
BEFORE = datetime.datetime(2026, 12, 9, 2, 59, tzinfo=UTC)
AFTER = datetime.datetime(2026, 12, 9, 3, 0, 1, tzinfo=UTC)
SLUG = "2017-08-20-scheduled"


@pytest.fixture(autouse=True)
def _real_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The instant comes from the clock, not from a ``SOURCE_DATE_EPOCH`` of the caller's."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def _scheduled(project: Project, publish_at: str = GOES_OUT, status: str = "published",
               slug: str = SLUG) -> str:
    meta = f"date: 2017-08-20\nstatus: {status}\npublish_at: {publish_at}\nactors: [sdf]\n"
    return write_minimal_article(project, slug=slug, meta=meta, ar="---\ntitle: مجدولة\n---\nنص المقال المجدول.\n",
                                 en="---\ntitle: Scheduled one\n---\nThe scheduled text.\n")


def _project(project: Project) -> None:
    project.write("content/actors/sdf.yml", SDF)
    for n in range(2):
        _article(project, 3 + n, n)  # actors: [sdf], locations and tags: [raqqa]
    project.write("content/locations/raqqa.yml", "name: {ar: الرقة, en: Raqqa}\nkind: city\n")
    project.write("content/tags/raqqa.yml", "name: {ar: معركة الرقة, en: Battle of Raqqa}\n")
    _scheduled(project)


def _naming(site: Path, text: str) -> list[str]:
    """The files of the site whose bytes hold ``text``, and the folders named by it."""
    found = [name for name, data in files_of(site).items() if text.encode() in data]
    return found + [p.relative_to(site).as_posix() for p in site.rglob(f"*{text}*")]


OUTSIDE_PAGES = ("index.html", "ar/index.html", "en/index.html", "ar/actors/sdf/index.html", "sitemap.xml",
                 "data/articles.json")


@pytest.mark.slow
def test_a_scheduled_article_is_out_from_its_instant_and_an_incremental_build_is_then_a_clean_one(
        project: Project) -> None:
    _project(project)
    site = project.root / "site"
    with time_machine.travel(BEFORE, tick=False):
        assert build(project) == 0
    assert _naming(site, SLUG) == []  # its page, the home pages, feeds, open data, sitemap, search
    assert all((site / name).is_file() for name in OUTSIDE_PAGES)
    with time_machine.travel(AFTER, tick=False):
        assert build(project) == 0  # incremental: the cache of the build before
        code, clean = clean_build(project)
    assert code == 0
    assert files_of(site) == files_of(clean)
    shown = set(_naming(site, SLUG))
    assert {f"{lang}/articles/{SLUG}/index.html" for lang in ("ar", "en")} <= shown
    assert {*OUTSIDE_PAGES, "ar/feed.xml", "en/feed.xml"} - {"index.html"} <= shown


def test_the_preview_shows_a_scheduled_article_with_when_it_goes_out_in_each_language(project: Project) -> None:
    _project(project)
    with time_machine.travel(BEFORE, tick=False):
        assert build(project, "--drafts") == 0
    pages = {lang: (project.root / f"site/{lang}/articles/{SLUG}/index.html").read_text(encoding="utf-8")
             for lang in ("ar", "en")}
    assert ('data-briefing="scheduled">Scheduled — goes out on 9 December 2026 at 06:00 (GMT+03:00); '
            "not published before then</strong>") in pages["en"]
    assert 'data-briefing="scheduled">مجدولة — تُنشر في 9 كانون الأول 2026 الساعة' in pages["ar"]
    assert "(غرينتش+03:00)" in pages["ar"]
    assert 'data-briefing="draft"' not in pages["en"]
    with time_machine.travel(AFTER, tick=False):
        assert build(project, "--drafts") == 0
    page = (project.root / f"site/en/articles/{SLUG}/index.html").read_text(encoding="utf-8")
    assert 'data-briefing="scheduled"' not in page


def test_a_scheduled_draft_stays_a_draft_and_a_past_instant_is_simply_published(project: Project,
                                                                                 capsys: pytest.CaptureFixture[str]
                                                                                 ) -> None:
    project.write("content/actors/sdf.yml", SDF)
    _scheduled(project, "2026-12-01T06:00:00Z", status="draft", slug="2017-08-20-draft")
    _scheduled(project, "2026-12-01T06:00:00+03:00", slug="2017-08-21-past")
    with time_machine.travel(BEFORE, tick=False):
        code, lines = project.check(capsys)
        assert code == 0 and not [line for line in lines if "publish_at" in line], lines
        assert build(project) == 0
    site = project.root / "site"
    assert _naming(site, "2017-08-20-draft") == []
    assert (site / "en/articles/2017-08-21-past/index.html").is_file()


@pytest.mark.parametrize(("written", "problem"), [
    ("2026-12-09T06:00:00", "gives no time zone"),
    ("2026-12-09 06:00", "gives no time zone"),
    ("2026-12-09", "gives no time zone"),
    ("2026-13-09T06:00:00+03:00", "is not a date and time"),
    ("tomorrow at six", "is not a date and time"),
])
def test_a_publish_at_without_its_zone_or_not_a_time_is_an_error_at_its_line(
        project: Project, capsys: pytest.CaptureFixture[str], written: str, problem: str) -> None:
    project.write("content/actors/sdf.yml", SDF)
    folder = _scheduled(project, written)
    code, lines = project.check(capsys)
    assert code == 1
    errors = [line for line in lines if "publish_at" in line]
    assert len(errors) == 1 and errors[0].startswith(f"{folder}/meta.yml:3:"), lines
    assert f"publish_at '{written}' {problem}" in errors[0]


def test_a_publish_at_more_than_a_year_ahead_is_taken_for_a_mistyped_year(project: Project,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    project.write("content/actors/sdf.yml", SDF)
    folder = _scheduled(project, "2107-12-09T06:00:00+03:00")
    with time_machine.travel(BEFORE, tick=False):
        code, lines = project.check(capsys)
    assert code == 1
    assert [line for line in lines if "publish_at" in line] == [
        f"{folder}/meta.yml:3:13: error: publish_at 2107-12-09 is more than a year from now (after 2027-12-10): "
        "is the year mistyped? [invalid-date]"]


def _listed(project: Project, *args: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["list", "scheduled", "--root", str(project.root), *args]) == 0
    out: str = capsys.readouterr().out
    return out


def test_list_scheduled_gives_the_articles_still_to_go_out_soonest_first(project: Project,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    _project(project)
    _scheduled(project, "2026-12-09T01:00:00Z", slug="2017-08-22-sooner")  # 04:00 in Damascus, before 06:00
    _scheduled(project, "2026-12-01T00:00:00Z", slug="2017-08-23-gone")  # already out
    _scheduled(project, "2026-12-09T05:00:00+01:00", status="draft", slug="2017-08-24-draft")
    with time_machine.travel(datetime.datetime(2026, 12, 8, tzinfo=UTC), tick=False):
        records = json.loads(_listed(project, "--format", "json", capsys=capsys))
        text = _listed(project, capsys=capsys).splitlines()
    assert [(r["id"], r["publish_at"], r["status"]) for r in records] == [
        ("2017-08-22-sooner", "2026-12-09T01:00:00+00:00", "published"),
        (SLUG, "2026-12-09T03:00:00+00:00", "published"),
        ("2017-08-24-draft", "2026-12-09T04:00:00+00:00", "draft")]
    assert text[0].startswith("2026-12-09T01:00:00+00:00  content/articles/2017/2017-08-22-sooner  2017-08-20  ")
    assert len(text) == 3
    with time_machine.travel(AFTER + datetime.timedelta(hours=2), tick=False):
        assert _listed(project, capsys=capsys) == "no scheduled\n"


def test_the_build_instant_is_source_date_epoch_when_set_else_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    from build_tools.model.schedule import build_instant  # new with scheduling: the other tests run without it
    with time_machine.travel(AFTER, tick=False):
        assert build_instant() == AFTER
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        assert build_instant() == datetime.datetime.fromtimestamp(1700000000, UTC)


def test_the_publish_workflow_also_runs_every_hour() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["schedule"] == [{"cron": "7 * * * *"}]
    assert triggers["push"] == {"branches": ["main"]}


ALMOST_INSTANTS = (r"\A[0-9٠-٩]{4}-[0-9]{2}-[0-9]{2}([T t][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)?"
                   r"(Z|[+-][0-9]{2}(:?[0-9]{2})?)?\Z")
"""Dates and times as editors write them, and mistype them: any digits, zone or none."""


@settings(max_examples=300, deadline=None)
@given(written=st.one_of(st.text(max_size=40), st.from_regex(ALMOST_INSTANTS)))
@example(written="0001-01-01T00:00:00+03:00").via("the first day, ahead of UTC")
@example(written="9999-12-31T23:00:00-03:00").via("the last day, behind UTC")
def test_any_publish_at_is_an_instant_with_its_zone_or_a_message(written: str) -> None:
    from build_tools.model.dates import DateError
    from build_tools.model.schedule import parse_instant
    try:
        instant = parse_instant(written)
    except DateError as exc:
        assert "{value}" in exc.message.template and exc.message.params["value"] == written
    else:
        assert instant.astimezone(UTC).utcoffset() == datetime.timedelta(0)  # a real instant, in UTC too

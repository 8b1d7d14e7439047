"""Related articles, chosen from the model: the most actors and places shared, then the
nearest in date, then the id; bounded work on an archive that names one place in every
article; shown on the article page, and rewritten in the preview when one of them changes."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import Project, write_minimal_article
from lxml import html

from build_tools.cli import main
from build_tools.model import related
from build_tools.model.articles import Article
from build_tools.model.briefing import articles_by_entity
from build_tools.model.dates import PartialDate
from build_tools.publish.linkcheck import page_file


def _article(id_: str, day: int, actors: list[str], locations: list[str] = ()) -> Article:
    date = dt.date(2017, 1, 1) + dt.timedelta(days=day)
    return Article(id_, PartialDate(date.year, date.month, date.day), "published",
                   listed={"actor": actors, "location": list(locations)})


def _related(*articles: Article) -> dict[str, list[str]]:
    newest_first = sorted(articles, key=lambda a: (a.date.earliest, a.id), reverse=True)
    found = related.related_articles(newest_first, articles_by_entity(newest_first))
    return {id_: [article.id for article in chosen] for id_, chosen in found.items()}


def test_the_most_shared_first_then_the_nearest_in_date_then_by_id() -> None:
    found = _related(
        _article("main", 100, ["sdf", "isis"], ["raqqa"]),
        _article("all-three", 10, ["sdf", "isis"], ["raqqa"]),
        _article("two-far", 0, ["isis"], ["raqqa"]),
        _article("two-near", 98, ["sdf"], ["raqqa"]),
        _article("one-b", 101, ["sdf"]),
        _article("one-a", 99, ["isis"]),
        _article("none", 100, ["turkey"], ["iraq"]),
    )
    assert found["main"] == ["all-three", "two-near", "two-far"]
    assert found["two-near"] == ["main", "all-three", "one-b"]  # one-b: 3 days away, two-far 98
    assert found["one-b"] == ["main", "two-near", "all-three"]
    assert found["none"] == []


def test_only_the_articles_listed_nearest_are_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every article names Syria or Iraq: each is weighed with the WINDOW listed on either side."""
    monkeypatch.setattr(related, "WINDOW", 2)
    articles = [_article(f"s{day:02}", day, [], ["syria"]) for day in range(1, 20)]
    articles += [_article(f"i{day:02}", day, [], ["iraq"]) for day in range(1, 20)]
    articles += [_article("far", 40, ["sdf"], ["syria", "iraq"]), _article("first", 0, ["sdf"], ["syria", "iraq"]),
                 _article("between", 10, [], ["syria", "iraq"])]
    found = _related(*articles)
    assert found["s05"] == ["s04", "s06", "s03"]  # s07 is as near as s03: by id
    # "first" is a candidate through sdf, and weighed by all three it shares.
    assert found["far"] == ["first", "i19", "s19"]
    # "first" and "far" share both places with "between", but are listed too far from it.
    assert found["between"] == ["i10", "s10", "i09"]


def test_the_article_page_offers_the_related_articles_in_both_languages(project: Project) -> None:
    project.write("content/actors/sdf.yml", "name: {ar: قوات سوريا الديمقراطية, en: SDF}\ntype: armed-group\n")
    write_minimal_article(project, meta="date: 2017-08-07\nstatus: published\nactors: [sdf]\n")
    write_minimal_article(project, slug="2017-08-09-b", meta="date: 2017-08-09\nstatus: published\nactors: [sdf]\n",
                          en="---\ntitle: The SDF advance\n---\nThe SDF advanced.\n")
    write_minimal_article(project, slug="2017-08-10-c", meta="date: 2017-08-10\nstatus: published\n")
    assert main(["build", "--root", str(project.root), "--site-dir", str(project.root / "out")]) == 0
    for lang, heading, title in (("ar", "اقرأ أيضاً", "خلافات بين التحالف وقسد"), ("en", "Related", "The SDF advance")):
        page = html.fromstring(page_file(project.root / "out", f"/{lang}/articles/2017-08-07-a/").read_bytes())
        (section,) = page.xpath('//*[@data-briefing="related"]')
        assert section.xpath("h2/text()") == [heading]
        assert [a.text_content() for a in section.xpath(".//h3/a")] == [title]
        assert [a.get("href") for a in section.xpath(".//h3/a")] == ["../../../" + lang + "/articles/2017-08-09-b/"]
        lonely = html.fromstring(page_file(project.root / "out", f"/{lang}/articles/2017-08-10-c/").read_bytes())
        assert lonely.xpath('//*[@data-briefing="related"]') == []

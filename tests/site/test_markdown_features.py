"""The Markdown an editor expects beyond paragraphs and links: footnotes, aligned tables,
definition lists and abbreviations, through the sanitizer, in both languages; headings
under the title; an empty text refused; drafts left out of a build counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_fixtures import screenshot
from conftest import Project, write_minimal_article
from lxml import html

from build_tools.cli import main

FOLDER = "content/articles/2017/2017-08-07-rift"
TEXTS = {
    "ar": """---
title: خلافات بين التحالف وقسد
---

كشف مصدر كردي عن خلافات بين قيادة قوات سوريا الديمقراطية والتحالف الدولي حول معركة دير الزور.[^1]

| المحور | المسافة (كم) |
|:--|--:|
| البادية | 120 |

قسد
:   قوات سوريا الديمقراطية، تحالف فصائل مسلحة.

[^1]: نقلاً عن وكالة باسنيوز.
""",
    "en": """---
title: A rift
---

A Kurdish source disclosed disagreements between the SDF and the Coalition over Deir ez-Zor.[^1]

| Axis | Distance (km) |
|:--|--:|
| Desert | 120 |

SDF
:   Syrian Democratic Forces, an alliance of armed factions.

*[SDF]: Syrian Democratic Forces

[^1]: According to BasNews.
""",
}
BACK_LINK_TITLES = {"ar": "العودة إلى موضع الحاشية 1 في النص", "en": "Back to where note 1 is cited"}


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    """A site of one article that writes each feature, in each language."""
    project = Project(tmp_path_factory.mktemp("markdown-project"))
    write_minimal_article(project, slug="2017-08-07-rift", ar=TEXTS["ar"], en=TEXTS["en"])
    site = tmp_path_factory.mktemp("markdown-site")
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    return site


def _article(site: Path, lang: str) -> html.HtmlElement:
    page = html.fromstring((site / f"{lang}/articles/2017-08-07-rift/index.html").read_bytes())
    return page.xpath("//article[@class='briefing-article']")[0]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_footnotes_tables_and_definitions_reach_the_page(sample_site: Path, lang: str) -> None:
    article = _article(sample_site, lang)
    reference = article.xpath(".//sup[@id='fnref:1']/a[@class='footnote-ref']")[0]
    assert (reference.get("href"), reference.text) == ("#fn:1", "1")
    note = article.xpath(".//div[@class='footnote']//li[@id='fn:1']")[0]
    back = note.xpath(".//a[@class='footnote-backref']")[0]
    assert (back.get("href"), back.get("title")) == ("#fnref:1", BACK_LINK_TITLES[lang])
    assert note.text_content().strip().startswith(TEXTS[lang].rsplit("[^1]: ", 1)[1].strip())
    cells = [(cell.tag, cell.get("align"), cell.get("style")) for cell in article.xpath(".//table//th | .//table//td")]
    assert cells == [("th", "left", None), ("th", "right", None), ("td", "left", None), ("td", "right", None)]
    term, definition = article.xpath(".//dl/dt")[0], article.xpath(".//dl/dd")[0]
    assert term.text_content() == TEXTS[lang].split("\n:   ")[0].rsplit("\n", 1)[1]
    assert definition.text_content() == TEXTS[lang].split("\n:   ")[1].split("\n")[0]


def test_an_abbreviation_is_explained_where_it_is_written(sample_site: Path) -> None:
    titles = {abbr.text: abbr.get("title") for abbr in _article(sample_site, "en").xpath(".//abbr")}
    assert titles == {"SDF": "Syrian Democratic Forces"}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_table_columns_are_aligned_as_written(page, site_url: str, lang: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site_url}{lang}/articles/2017-08-07-rift/")
    aligned = page.evaluate("""() => [...document.querySelectorAll('article table td')]
        .map(cell => getComputedStyle(cell).textAlign)""")
    assert aligned == ["left", "right"]
    assert page.locator("a.footnote-backref").evaluate("link => getComputedStyle(link).opacity") == "1"
    screenshot(page, f"markdown-features-{lang}-{width}")


def test_headings_start_under_the_title_and_go_down_one_level_at_a_time(
        project: Project, capsys: pytest.CaptureFixture) -> None:
    write_minimal_article(project, slug="2017-08-07-rift", en="---\ntitle: A rift\n---\n# Again the title\n\n"
                          "A Kurdish source disclosed disagreements between the SDF and the Coalition.\n\n"
                          "## Background\n\n#### Too deep\n\n```\n# not a heading\n```\n\n### Fine\n")
    code, lines = project.check(capsys)
    assert code == 0
    assert lines == [
        f"{FOLDER}/en.md:4:1: warning: a level-1 heading (#): the title is the page's heading; start the "
        "text's headings at ## [heading-level-1]",
        f"{FOLDER}/en.md:10:1: warning: a level-4 heading after level 2: headings go down one level at a time "
        "(use ###) [heading-skipped]",
        "0 errors, 2 warnings"]


def test_a_text_without_a_body_is_an_error(project: Project, capsys: pytest.CaptureFixture) -> None:
    write_minimal_article(project, slug="2017-08-07-rift", en="---\ntitle: A rift\n---\n\n  \n")
    code, lines = project.check(capsys)
    assert code == 1
    assert lines == [f"{FOLDER}/en.md:4:1: error: en.md has no text below its front matter: write the article, "
                     "or delete en.md (its translation is then pending) [empty-text]", "1 error, 0 warnings"]


def test_the_build_says_how_many_drafts_it_left_out(project: Project, capsys: pytest.CaptureFixture,
                                                    tmp_path: Path) -> None:
    write_minimal_article(project, slug="2017-08-07-rift")
    for slug in ("2017-08-08-a", "2017-08-09-b"):
        write_minimal_article(project, slug=slug, meta=f"date: {slug[:10]}\nstatus: draft\n")
    site = tmp_path / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == \
        "2 drafts left out (status: draft); --drafts shows them, with a banner"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site), "--drafts"]) == 0
    assert "left out" not in capsys.readouterr().out

"""The preview while content has errors: every address shows the problems, with the
lines around each, in both languages; once the content is fixed the next rebuild
publishes the site again. Built as ``mkdocs serve --dirty`` builds (its plugin started
for ``serve``, the folder kept between builds), without the server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
import yaml
from conftest import REPO, Project, write_minimal_article
from mkdocs.commands.build import build
from mkdocs.config import load_config

from build_tools.cli import main

CATALOG = REPO / "build_tools/locale/ar/LC_MESSAGES/briefing.po"


@pytest.fixture(autouse=True)
def built_afterwards(project: Project, tmp_path: Path) -> Iterator[None]:
    """MkDocs keeps the plugin from one load of the config to the next in a process (it
    has ``on_startup``): started for ``build`` again, it does not preview for later tests."""
    yield
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(tmp_path / "after"))
    config.plugins.on_startup(command="build", dirty=False)


def test_a_dirty_preview_does_not_warn_of_dirty_builds(project: Project, tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    """The plugin knows which generated files changed, so MkDocs's warning would be wrong."""
    write_minimal_article(project)
    _serve_build(project, tmp_path / "preview")
    assert [r.getMessage() for r in caplog.records if "dirty" in r.getMessage()] == []


def _serve_build(project: Project, site: Path) -> None:
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)


def test_the_preview_lists_the_errors_then_shows_the_site_once_fixed(project: Project, tmp_path: Path) -> None:
    folder = write_minimal_article(project)
    site = tmp_path / "preview"
    _serve_build(project, site)
    assert list(site.glob("ar/articles/**/index.html"))
    project.write(f"{folder}/meta.yml", "date: 2017-08-07\nstatus: published\nactors: [isil]\n")
    _serve_build(project, site)
    arabic = (site / "ar" / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic and '<html lang="en" dir="ltr">' in english
    assert (f'<code dir="ltr">{folder}/meta.yml:3:10</code> <strong>error</strong>: '
            "<span>unknown actor &#x27;isil&#x27; in actors[0]</span>") in english
    assert ('<strong>خطأ</strong>: <span>&#x27;<bdi lang="en" dir="ltr">isil</bdi>&#x27; غير معروف (فاعل) في '
            '<bdi lang="en" dir="ltr">actors</bdi>[0]</span>') in arabic
    assert '<span class="here">   3 | actors: [isil]</span>' in english  # the line itself, among its neighbours
    assert '   2 | status: published' in english
    assert (site / "404.html").read_text(encoding="utf-8") == (site / "index.html").read_text(encoding="utf-8")
    assert not list(site.glob("ar/articles/**/index.html"))  # no stale page left to be served
    project.write(f"{folder}/meta.yml", "date: 2017-08-07\nstatus: published\n")
    _serve_build(project, site)
    assert "data-problems" not in (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert list(site.glob("ar/articles/**/index.html"))


def _catalog(english: str) -> str:
    """The Arabic of an English message, read from the catalog file itself."""
    return next(entry.msgstr for entry in polib.pofile(str(CATALOG)) if entry.msgid == english)


def test_an_unfinished_draft_is_previewed_with_what_is_left_to_fill(project: Project, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture) -> None:
    """What ``briefing new article`` writes has empty fields: the preview shows the draft,
    its banner listing them, instead of the problems page."""
    write_minimal_article(project)
    assert main(["new", "article", "--date", "2017-09-01", "--slug", "fresh", "--root", str(project.root)]) == 0
    capsys.readouterr()
    site = tmp_path / "preview"
    _serve_build(project, site)
    assert "data-problems" not in (site / "ar" / "index.html").read_text(encoding="utf-8")
    english = (site / "en/articles/2017-09-01-fresh/index.html").read_text(encoding="utf-8")
    arabic = (site / "ar/articles/2017-09-01-fresh/index.html").read_text(encoding="utf-8")
    title_gap = "{field} is empty: fill it in{choices}"
    text_gap = "{lang}.md has no text below its front matter: write the article, or delete {lang}.md " \
               "(its translation is then pending)"
    assert _gaps(english) == [
        ("ar.md:2", title_gap.format(field="title", choices="")), ("ar.md:5", text_gap.format(lang="ar")),
        ("en.md:2", title_gap.format(field="title", choices="")), ("en.md:5", text_gap.format(lang="en"))]
    assert _gaps(arabic) == [
        ("ar.md:2", _catalog(title_gap).format(field="title", choices="")),
        ("ar.md:5", _catalog(text_gap).format(lang="ar")),
        ("en.md:2", _catalog(title_gap).format(field="title", choices="")),
        ("en.md:5", _catalog(text_gap).format(lang="en"))]
    strings = {lang: yaml.safe_load((project.root / f"site_config/i18n/{lang}.yml").read_text(encoding="utf-8"))
               for lang in ("ar", "en")}
    assert f'<h1 lang="en" dir="ltr">{strings["en"]["untitled_draft"]}</h1>' in english
    assert strings["ar"]["draft_to_fill"] in arabic
    assert _gaps((site / "en/articles/2017-08-07-a/index.html").read_text(encoding="utf-8")) == []


def _gaps(html: str) -> list[tuple[str, str]]:
    """The banner's items, where and what, as text (the isolating tags taken out)."""
    items = re.findall(r'<li><bdi dir="ltr">([^<]*)</bdi>: (.*?)</li>', html.replace("&#39;", "'"))
    return [(where, re.sub(r"<[^>]+>", "", what)) for where, what in items]


@pytest.mark.parametrize(("status", "other_error"), [("draft", "actors: [isil]\n"), ("published", "")])
def test_an_unfinished_text_is_a_problem_unless_it_is_a_draft_with_nothing_else_wrong(
        project: Project, tmp_path: Path, status: str, other_error: str) -> None:
    folder = write_minimal_article(project, meta=f"date: 2017-08-07\nstatus: {status}\n{other_error}",
                                   en='---\ntitle: ""\n---\n')
    site = tmp_path / "preview"
    _serve_build(project, site)
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "data-problems" in english
    assert f'<code dir="ltr">{folder}/en.md:2:8</code>' in english

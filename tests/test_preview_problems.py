"""The preview while content has errors: every address shows the problems, with the
lines around each, in both languages; once the content is fixed the next rebuild
publishes the site again. Built as ``mkdocs serve --dirty`` builds (its plugin started
for ``serve``, the folder kept between builds), without the server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Project, write_minimal_article
from mkdocs.commands.build import build
from mkdocs.config import load_config


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
            "<span dir=\"auto\">unknown actor &#x27;isil&#x27; in actors[0]</span>") in english
    assert "<strong>خطأ</strong>: <span dir=\"auto\">&#x27;isil&#x27; غير معروف (فاعل) في actors[0]</span>" in arabic
    assert '<span class="here">   3 | actors: [isil]</span>' in english  # the line itself, among its neighbours
    assert '   2 | status: published' in english
    assert (site / "404.html").read_text(encoding="utf-8") == (site / "index.html").read_text(encoding="utf-8")
    assert not list(site.glob("ar/articles/**/index.html"))  # no stale page left to be served
    project.write(f"{folder}/meta.yml", "date: 2017-08-07\nstatus: published\n")
    _serve_build(project, site)
    assert "data-problems" not in (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert list(site.glob("ar/articles/**/index.html"))

"""The Content-Security-Policy never trusts the output: a page may run only the scripts its
templates write and the script files the theme ships; a page holding any other script
fails the build, naming the page. And every template escapes what it prints."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, Project, write_minimal_article
from jinja2 import Environment, nodes

from build_tools.cli import main
from build_tools.site.scripts import AllowedScripts, foreign_scripts

ALLOWED = AllowedScripts(inline={"var ok=1"}, files={"assets/map.js", "assets/javascripts/bundle.js"})


@pytest.mark.parametrize("html", [
    "<script>var ok=1</script>",
    '<script src="../../assets/map.js" defer></script>',
    '<script src="/briefing/assets/javascripts/bundle.js"></script>',
    '<script type="module" src="../../assets/map.js"></script>',
    '<script type="application/ld+json">{"a": "</p>"}</script>',
    '<script id="__config" type="application/json">{}</script>',
])
def test_a_page_may_hold_the_templates_scripts_the_themes_files_and_data(html: str) -> None:
    assert foreign_scripts(f"<p>{html}</p>", ALLOWED, "en/articles", "/briefing/") == []


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<script >var ok=1;alert(1)</script>",
    "<script type=module>var ok=1</script>",
    '<script type="text/javascript">var ok=1</script>',
    "<script src=https://evil.example/x.js></script>",
    "<script src=//evil.example/assets/map.js></script>",
    '<script src="../../media/x/report.js"></script>',
    '<script src="/elsewhere/assets/map.js"></script>',
    '<script src="../../assets/map.js">alert(1)</script>',
    '<script src="../../assets/map.js" onload="alert(1)"></script>',
    '<script type="application/json" type="text/javascript">alert(1)</script>',
    "<script>var ok=1",
    "<script\n>alert(1)</script>",
    "<svg><script>alert(1)</script></svg>",
    '<script src="data:text/javascript,alert(1)"></script>',
    '<script type="module" src="https://evil.example/assets/map.js"></script>',
    '<script type="text/plain" src="../../assets/map.js"></script>',
    '<script type="module" type="module" src="../../assets/map.js"></script>',
])
def test_any_other_script_is_reported(html: str) -> None:
    assert foreign_scripts(f"<p>{html}</p>", ALLOWED, "en/articles", "/briefing/") != []


def test_a_page_holding_a_script_no_template_writes_fails_the_build(project: Project, capsys) -> None:
    """A template that skips its encoder (``| safe``) is the way a script would reach a page;
    before, its hash went into the page's own policy and the script ran."""
    template = project.root / "overrides/briefing/article.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}{{ briefing.title | safe }}", 1), encoding="utf-8")
    write_minimal_article(project, en="---\ntitle: Siege <script>alert(document.domain)</script> broken\n---\n"
                                      "A Kurdish source disclosed disagreements between the SDF and the Coalition.\n")
    site = project.root / "site"
    site.mkdir()
    (site / "kept.html").write_text("the previous site", encoding="utf-8")
    assert main(["build", "--root", str(project.root), "--no-cache"]) == 1
    error = capsys.readouterr().err
    assert "en/articles/2017-08-07-a/index.html: holds a script that no template writes" in error
    assert "<script>alert(document.domain)</script>" in error
    assert [path.name for path in site.iterdir()] == ["kept.html"]


def test_the_sample_site_runs_only_its_templates_scripts(sample_site: Path) -> None:
    """Every script of every page is one its templates wrote: Material's, whose text does not
    depend on the page but for the way to the site's root, and ours."""
    scripts = set()
    for page in sample_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html, page
        scripts.update(part.split("</script>")[0] for part in html.split("<script>")[1:])
    assert scripts, "no inline script at all: the test would hold for any policy"
    sources = [*(REPO / "overrides").rglob("*.html"), *material_templates().rglob("*.html")]
    written = "".join(path.read_text(encoding="utf-8") for path in sources)
    for script in scripts:
        start = script.split('"', 1)[0]  # Material's first script names the root after its first quote
        assert start in written, script


def material_templates() -> Path:
    import material
    return Path(material.__file__).parent / "templates"


UNESCAPING_FILTERS = {"safe"}


def test_no_template_prints_a_value_unescaped() -> None:
    """Autoescaping is on for every template (ours and Material's); no template turns it off
    or marks a value safe, so no value from content reaches a page unescaped."""
    environment = Environment()
    offending = []
    for path in [*(REPO / "overrides").rglob("*.html"), *(REPO / "overrides").rglob("*.xml"),
                 *material_templates().rglob("*.html")]:
        tree = environment.parse(path.read_text(encoding="utf-8"))
        for node in tree.find_all((nodes.Filter, nodes.EvalContextModifier, nodes.Call)):
            if isinstance(node, nodes.Filter) and node.name in UNESCAPING_FILTERS:
                offending.append(f"{path.name}:{node.lineno}: | {node.name}")
            elif isinstance(node, nodes.EvalContextModifier):
                offending.append(f"{path.name}:{node.lineno}: autoescape changed")
            elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "Markup":
                offending.append(f"{path.name}:{node.lineno}: Markup()")
    assert offending == []


def test_the_plugin_turns_autoescaping_on() -> None:
    from build_tools.mkdocs.plugin import RenderedOnce, _prepared

    environment = _prepared(Environment(), RenderedOnce(), None)
    assert environment.from_string("{{ x }}").render(x="<b a='1'>&") == "&lt;b a=&#39;1&#39;&gt;&amp;"

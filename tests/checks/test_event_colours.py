"""Event types are coloured from the vocabulary: a desk recolours or adds a type in
site_config/vocabularies.yml, never in the CSS, and no colour can write CSS of its own."""

from __future__ import annotations

import json
import re

import pytest
from conftest import REPO, Project, write_minimal_article
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.cli import main

VOCABULARY = "site_config/vocabularies.yml"


def _recoloured(project: Project, colour: str) -> None:
    path = project.root / VOCABULARY
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('battles: {ar: معارك, en: Battles, colour: "#d55e00"}',
                                 f"battles: {{ar: معارك, en: Battles, colour: {colour}}}"), encoding="utf-8")


def test_every_page_links_the_stylesheet_of_the_vocabularys_colours(project: Project) -> None:
    _recoloured(project, '"#123ABC"')
    write_minimal_article(project)
    site = project.root / "site"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site), "--quiet"]) == 0
    css = (site / "assets/event-types.css").read_text(encoding="utf-8")
    assert ".briefing-timeline__bar--battles { fill: #123abc; } .briefing-swatch--battles { background: #123abc; }\n" \
           in css
    vocabulary = (REPO / VOCABULARY).read_text(encoding="utf-8")
    others = re.findall(r"^  ([a-z-]+): \{.*colour: \"(#[0-9a-f]{6})\"\}$", vocabulary, re.MULTILINE)
    assert len(others) == 6 and all(f".briefing-swatch--{type_} {{ background: {colour}; }}" in css
                                    for type_, colour in others if type_ != "battles")
    for page in ("en/index.html", "ar/articles/2017-08-07-a/index.html", "404.html"):
        links = re.findall(r'<link rel="stylesheet" href="([^"]*event-types\.css)">',
                           (site / page).read_text(encoding="utf-8"))
        relative_to = site if links[0].startswith("/") else (site / page).parent
        target = relative_to / links[0].removeprefix("/briefing/")
        assert len(links) == 1 and target.resolve() == (site / "assets/event-types.css")
    assert "#d55e00" not in (REPO / "overrides/assets/briefing.css").read_text(encoding="utf-8")


@settings(max_examples=40, deadline=None)
@given(colour=st.text(st.sampled_from("#0123456789abcdefABCDEFxyz;{}() :/*\\'\"<>\n"), max_size=12))
def test_check_refuses_any_colour_but_rrggbb(tmp_path_factory: pytest.TempPathFactory, colour: str) -> None:
    project = Project(tmp_path_factory.mktemp("colour"))
    _recoloured(project, json.dumps(colour))
    code = main(["check", "--root", str(project.root), "--quiet"])
    assert code == (0 if re.fullmatch(r"#[0-9A-Fa-f]{6}", colour) else 1)

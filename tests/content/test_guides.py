"""The editors' guides: both languages show the same commands, and each of them runs."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import REPO

from build_tools.cli import main

GUIDES = {lang: REPO / "docs" / "pages" / f"editors-guide.{lang}.md" for lang in ("en", "ar")}
COMMAND = re.compile(r"\.venv/bin/briefing ([^`<\n]+)")


def _examples(lang: str) -> list[list[str]]:
    """Every ``.venv/bin/briefing …`` of the guide, in order, without its comment."""
    text = GUIDES[lang].read_text(encoding="utf-8")
    return [shlex.split(found.split("  #")[0]) for found in COMMAND.findall(text)]


def test_both_guides_show_the_same_commands_in_the_same_order() -> None:
    assert len(_examples("en")) >= 15
    assert _examples("ar") == _examples("en")


def test_every_example_of_the_guide_runs_in_order_on_the_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture) -> None:
    """Run from the project's folder as the guide says, one after another: each ends with
    0, or 1 when what it reports is the point (the scaffold's empty fields); none is a
    usage error (2) or a traceback."""
    for name in ("content", "site_config", "overrides"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    codes = {}
    for argv in _examples("en"):
        codes[" ".join(argv)] = main(argv)
        capsys.readouterr()
    assert {command: code for command, code in codes.items() if code not in (0, 1)} == {}
    assert codes["new article --date 2017-09-05 --slug siege-broken"] == 0
    assert codes["where actor sdf"] == codes["list drafts"] == 0
    assert codes["rename actor sdf syrian-democratic-forces --dry-run"] == 0
    assert codes["rename article 2017-coalition-sdf-rift-deir-ez-zor 2017-coalition-sdf-rift --dry-run"] == 0
    assert os.path.isfile("content/actors/hts.yml") and os.path.isfile("content/sources/sohr.yml")

"""One version number: the package's, the changelog's latest release, and the tag the
pre-commit example tells other repositories to pin."""

from __future__ import annotations

import re
import tomllib

from conftest import REPO


def _version() -> str:
    with (REPO / "pyproject.toml").open("rb") as pyproject:
        return str(tomllib.load(pyproject)["project"]["version"])


def test_the_changelog_releases_the_packages_version_last() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.MULTILINE)
    assert released and released[0] == _version()
    assert "## [Unreleased]" in changelog.split(f"## [{released[0]}]")[0]


def test_the_pre_commit_example_pins_the_released_tag() -> None:
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.findall(r"rev: (v\S+)", hooks) == [f"v{_version()}"]

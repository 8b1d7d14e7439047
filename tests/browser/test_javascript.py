"""The site's own JavaScript (``overrides/assets/``): ES modules that share what they need by
``import``/``export``, never through ``window``, linted by ESLint (pinned in package.json,
configured in eslint.config.js), and loaded by the templates as modules.

ESLint comes from ``npm ci``: without it the lint tests skip on a person's machine and fail
under CI (``CI=true``), as the accessibility checkers do."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from browser_fixtures import require
from conftest import REPO

ASSETS = REPO / "overrides" / "assets"
SCRIPTS = sorted(ASSETS.glob("*.js"))
ESLINT = REPO / "node_modules" / ".bin" / "eslint"
GLOBAL_OBJECT = r"(?:window|globalThis|self|top|parent|frames)"
ASSIGNED = re.compile(GLOBAL_OBJECT + r"\s*(?:\.\s*[\w$]+|\[[^\]]*\])"  # a property, by name or by index
                      r"\s*(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=(?!=)")  # = or a compound =, not ==
"""An assignment to a property of the global object, under any of its names."""
ASSET_TAG = re.compile(r"<script\b[^>]*\bsrc=\"\{\{ 'assets/([\w-]+\.js)' \| url \}\}\"[^>]*>")


def _eslint(*arguments: str, text: str | None = None) -> subprocess.CompletedProcess[str]:
    require(ESLINT.is_file(), "ESLint", "run npm ci")
    return subprocess.run([str(ESLINT), "--max-warnings", "0", *arguments], cwd=REPO, input=text,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_sites_scripts_are_there() -> None:
    assert {path.name for path in SCRIPTS} >= {"arabic-search.js", "events.js", "map.js", "search.js"}


def test_eslint_finds_nothing_in_the_sites_scripts() -> None:
    result = _eslint("eslint.config.js", *(str(path.relative_to(REPO)) for path in SCRIPTS))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("code", "rule"), [
    ("window.briefingMap = function () {};\n", "no-restricted-globals"),
    ("globalThis['shared'] = 1;\n", "no-restricted-globals"),
    ("var count = 1;\nexport {count};\n", "no-var"),
    ("let count = 1;\nexport {count};\n", "prefer-const"),
    ("shared = 1;\n", "no-undef"),
    ("export const shown = status;\n", "no-restricted-globals"),
])
def test_eslint_refuses_a_global_or_a_var_in_a_script_of_the_site(code: str, rule: str) -> None:
    result = _eslint("--stdin", "--stdin-filename", "overrides/assets/probe.js", "--format", "json", text=code)
    assert result.returncode == 1, result.stdout + result.stderr
    assert rule in {message["ruleId"] for message in _messages(result.stdout)}


def _messages(report: str) -> list[dict[str, object]]:
    return [message for file in json.loads(report) for message in file["messages"]]


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.name)
def test_no_script_assigns_to_the_window(path: Path) -> None:
    """Without Node too: the scripts share nothing through the global object."""
    text = path.read_text(encoding="utf-8")
    assert [match.group(0) for match in ASSIGNED.finditer(text)] == []


@pytest.mark.parametrize(("code", "found"), [
    ("window.briefingMaps = [];", True), ('window["x"] = 1', True), ("globalThis.x += 1", True),
    ("self . y=2", True), ("window.x ??= 1", True), ("if (window.L == null)", False),
    ("a window of words = 3", False), ("const touch = matchMedia(query)", False),
])
def test_the_window_check_sees_each_way_to_assign(code: str, found: bool) -> None:
    assert (ASSIGNED.search(code) is not None) is found


def test_the_templates_load_the_sites_scripts_as_modules() -> None:
    """A module runs once the page is parsed, in strict mode, with its own scope."""
    loaded = {}
    for template in (REPO / "overrides").rglob("*.html"):
        for tag in ASSET_TAG.finditer(template.read_text(encoding="utf-8")):
            if (ASSETS / tag.group(1)).is_file():
                loaded[f"{template.relative_to(REPO)}: {tag.group(1)}"] = 'type="module"' in tag.group(0)
    assert loaded and all(loaded.values()), loaded

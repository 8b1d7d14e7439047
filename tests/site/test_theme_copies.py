"""The templates of ``overrides/`` that copy or replace one of Material's must say which,
with the SHA-256 of the original they were made from; when an upgrade of Material (or a
move to Zensical) changes that original, this test fails and shows what to redo."""

from __future__ import annotations

import difflib
import hashlib
import re
from pathlib import Path

import material
import pytest
from conftest import REPO

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
ORIGIN = re.compile(r"\{#- (Copy of|Replaces) Material (\S+) (\S+) \(sha256 ([0-9a-f]{64})\)")
MAX_CHANGED_LINES = 8
"""A copy is kept minimal: at most this many of its lines differ from the original."""
OVERRIDES = sorted(path for path in (REPO / "overrides").rglob("*.html")
                   if (MATERIAL_TEMPLATES / path.relative_to(REPO / "overrides")).is_file())


def _origin(path: Path) -> re.Match[str]:
    found = ORIGIN.match(path.read_text(encoding="utf-8"))
    assert found, f"{path.relative_to(REPO)} overrides a template of Material but does not say which version"
    return found


def _without_comments(text: str) -> list[str]:
    return [line.strip() for line in re.sub(r"\{#.*?#\}", "", text, flags=re.DOTALL).splitlines() if line.strip()]


@pytest.mark.parametrize("path", OVERRIDES, ids=lambda p: str(p.relative_to(REPO / "overrides")))
def test_each_override_of_material_names_the_original_it_was_made_from(path: Path) -> None:
    how, version, name, digest = _origin(path).groups()
    assert name == str(path.relative_to(REPO / "overrides"))
    original = MATERIAL_TEMPLATES / name
    now = hashlib.sha256(original.read_bytes()).hexdigest()
    changes = "".join(difflib.unified_diff(original.read_text(encoding="utf-8").splitlines(keepends=True),
                                           path.read_text(encoding="utf-8").splitlines(keepends=True),
                                           f"material {material.__version__}/{name}", f"overrides/{name}"))
    assert now == digest, (f"Material's {name} changed since overrides/{name} was made from it "
                           f"(Material {version}, now {material.__version__}): carry the changes over, "
                           f"then update its sha256. Our copy against the new original:\n{changes}")


@pytest.mark.parametrize("path", [p for p in OVERRIDES if _origin(p).group(1) == "Copy of"],
                         ids=lambda p: str(p.relative_to(REPO / "overrides")))
def test_copies_of_material_change_only_a_few_lines(path: Path) -> None:
    original = _without_comments((MATERIAL_TEMPLATES / _origin(path).group(3)).read_text(encoding="utf-8"))
    copy = _without_comments(path.read_text(encoding="utf-8"))
    changed = [line for line in difflib.ndiff(original, copy) if line.startswith(("- ", "+ "))]
    assert len(changed) <= MAX_CHANGED_LINES, "\n".join(changed)


def test_every_template_of_material_that_is_overridden_is_checked() -> None:
    assert {str(p.relative_to(REPO / "overrides")) for p in OVERRIDES} >= {
        "main.html", "partials/header.html", "partials/nav.html", "partials/copyright.html"}

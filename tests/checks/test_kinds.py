"""The kinds table (``model/kinds.py``) is complete: every row has each part the stages
look up for it, so a kind added to the table and missing a part fails here, by name,
rather than in some page or command later."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import REPO

from build_tools.checks.references import REFERENCES
from build_tools.checks.schemas import DOCUMENT_KINDS
from build_tools.content.scaffold import REGISTRY_TEMPLATES
from build_tools.i18n.required import INTERFACE_STRINGS
from build_tools.model.kinds import EVERY, IN_NAVIGATION, KINDS, REGISTRIES, Kind
from build_tools.site.opendata import DATASETS
from build_tools.site.pages.build import KIND_PAGES

SCHEMAS = REPO / "site_config/schemas"


def _ids(kinds: tuple[Kind, ...]) -> list[str]:
    return [kind.name for kind in kinds]


@pytest.mark.parametrize("kind", REGISTRIES, ids=_ids(REGISTRIES))
def test_a_registry_kind_has_a_schema_a_scaffold_a_dataset_and_an_editor_mapping(kind: Kind) -> None:
    assert kind.schema is not None and (SCHEMAS / f"{kind.schema}.schema.json").is_file()
    assert kind.name in REGISTRY_TEMPLATES and kind.name in DATASETS
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert settings[f"./site_config/schemas/{kind.schema}.schema.json"] == f"content/{kind.plural}/*.yml"


@pytest.mark.parametrize("kind", IN_NAVIGATION, ids=_ids(IN_NAVIGATION))
def test_a_kind_in_the_navigation_has_its_pages_and_its_name_in_both_languages(kind: Kind) -> None:
    assert kind.name in KIND_PAGES
    assert kind.plural in INTERFACE_STRINGS
    for lang in ("ar", "en"):
        strings = yaml.safe_load((REPO / f"site_config/i18n/{lang}.yml").read_text(encoding="utf-8"))
        assert strings[kind.plural]


@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind.references], ids=lambda kind: kind.name)
def test_each_reference_of_a_kind_is_a_field_of_its_schema_naming_a_kind_with_pages(kind: Kind) -> None:
    """A reference's path is read against the schema: every step a field the schema has
    (through arrays and objects), ending at an id of a kind that is a registry."""
    assert kind.schema in DOCUMENT_KINDS and REFERENCES[kind.name] == kind.references
    schema = json.loads((SCHEMAS / f"{kind.schema}.schema.json").read_text(encoding="utf-8"))
    for target, path in kind.references:
        assert target in _ids(REGISTRIES)
        node = schema
        for step in path:
            node = node["items"] if step is EVERY else node["properties"][step]
            node = _resolved(node)


def _resolved(node: dict) -> dict:
    """A schema node with a local ``$ref`` (to ``$defs``) followed; references into
    common.schema.json are ids or lists of ids, the end of a path."""
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return _resolved(json.loads((SCHEMAS / "article-meta.schema.json").read_text())["$defs"][ref.split("/")[-1]])
    if ref.startswith("common.schema.json#/$defs/ids"):
        return {"items": {}}
    return node


def test_kind_pages_are_those_of_the_navigation() -> None:
    assert sorted(KIND_PAGES) == sorted(kind.name for kind in IN_NAVIGATION)
    assert [kind.navigation for kind in IN_NAVIGATION] == list(range(1, len(IN_NAVIGATION) + 1))

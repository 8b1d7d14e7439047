"""Structural validation of each file kind against site_config/schemas/*.schema.json.

The same schemas drive the editors' VS Code completion; here their errors are
rewritten as short messages that name the field, in the editors' own terms.

Almost every document is valid, so each is first checked by jsonschema-rs (compiled,
about 30 times faster); only a document it rejects goes through the Python
``jsonschema`` validator, whose detailed errors the messages are made from.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from .diagnostics import Diagnostic, Severity, did_you_mean
from .yamlfile import YamlDocument

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

KINDS = ("actor", "location", "source", "tag", "article-meta", "article-text", "site")

_BASE_URI = "file:///site_config/schemas/"
"""Where the schemas are taken to live, so that jsonschema-rs resolves ``common.schema.json#…``."""

_TYPE_NAMES = {
    "string": "a text", "array": "a list", "object": "a mapping of fields",
    "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "empty",
}


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a text"
    return "a list" if isinstance(value, list) else "a mapping of fields"


def field_name(path: tuple) -> str:
    """``('sources', 1, 'via')`` as ``sources[1].via``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


class SchemaSet:
    """The JSON Schemas of every file kind, loaded once."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.documents = {
            path.name: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(directory.glob("*.schema.json"))
        }
        compiled = jsonschema_rs.Registry([(_BASE_URI + name, doc) for name, doc in self.documents.items()])
        self.fast_validators = {
            kind: jsonschema_rs.Draft202012Validator(
                self.documents[f"{kind}.schema.json"], registry=compiled,
                base_uri=f"{_BASE_URI}{kind}.schema.json")
            for kind in KINDS
        }

    @cached_property
    def validators(self) -> dict[str, Draft202012Validator]:
        """The Python validators, whose errors the messages are made from: needed (and
        imported) only when a document is invalid."""
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource

        registry = Registry().with_resources(
            (name, Resource.from_contents(doc)) for name, doc in self.documents.items()
        )
        return {kind: Draft202012Validator(self.documents[f"{kind}.schema.json"], registry=registry)
                for kind in KINDS}

    def enum_at(self, kind: str, *pointer: str) -> list[str]:
        """The ``enum`` found by following ``pointer`` (keys) into the kind's schema."""
        node: Any = self.documents[f"{kind}.schema.json"]
        for key in pointer:
            node = node[key]
        return list(node["enum"])

    def validate(self, kind: str, document: YamlDocument) -> list[Diagnostic]:
        if document.data is None:
            return [Diagnostic(document.origin.at(), Severity.ERROR, "the file is empty")]
        if self._surely_valid(kind, document.data):
            return []
        errors = self.validators[kind].iter_errors(document.data)
        return [d for error in errors for d in _explain(error, document)]


    def _surely_valid(self, kind: str, data: Any) -> bool:
        try:
            return self.fast_validators[kind].is_valid(data)
        except ValueError:  # what JSON cannot hold (a number as a key): the full validator explains
            return False


def _explain(error: ValidationError, document: YamlDocument) -> list[Diagnostic]:
    path = tuple(error.absolute_path)
    where = document.origin.at(*path)
    name = field_name(path)
    inside = f" in {name}" if name else ""
    value = error.instance

    def one(message: str, position=where) -> list[Diagnostic]:
        return [Diagnostic(position, Severity.ERROR, message)]

    if value in (None, "") and error.validator in ("type", "enum", "minLength", "pattern"):
        choices = error.validator_value if error.validator == "enum" else None
        listed = f" (one of: {', '.join(map(str, choices))})" if choices else ""
        return one(f"{name} is empty: fill it in{listed}")
    match error.validator:
        case "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            return [
                Diagnostic(document.origin.at(*path, key, key=True), Severity.ERROR,
                           f"unknown field '{key}'{inside}{did_you_mean(key, allowed)}")
                for key in value if key not in allowed
            ]
        case "required":
            return [
                Diagnostic(where, Severity.ERROR, f"missing required field '{key}'{inside}")
                for key in error.validator_value if key not in value
            ]
        case "type":
            expected = error.validator_value
            expected = [expected] if isinstance(expected, str) else expected
            wanted = " or ".join(_TYPE_NAMES[t] for t in expected)
            return one(f"{name or 'the file'} must be {wanted}, not {_describe(value)}")
        case "enum":
            choices = [str(c) for c in error.validator_value]
            hint = did_you_mean(str(value), choices) or f" (one of: {', '.join(choices)})"
            what = next((p for p in reversed(path) if isinstance(p, str)), "value")
            inside = inside if path != (what,) else ""
            return one(f"unknown {what} '{value}'{inside}{hint}")
        case "pattern":
            reason = error.schema.get("x-message", f"does not match {error.validator_value}")
            return one(f"{name}: '{value}' {reason}")
        case "minLength":
            return one(f"{name} must not be empty")
        case "minProperties":
            return one(f"{name} must give at least one language (ar or en)")
        case "minItems":
            return one(f"{name} must list at least {error.validator_value}")
        case "uniqueItems":
            twice = next(v for i, v in enumerate(value) if v in value[:i])
            return one(f"{name} lists '{twice}' more than once")
    return one(f"{name or 'the file'}: {error.message}")

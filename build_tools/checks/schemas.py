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
from typing import TYPE_CHECKING, Any, cast

import jsonschema_rs

from ..content.yamlfile import YamlDocument
from ..diagnostics import Diagnostic, DocumentPath, Report, Severity, did_you_mean, field_name
from ..model.kinds import REGISTRIES

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

DOCUMENT_KINDS = (*(kind.name for kind in REGISTRIES), "article-meta", "article-text", "site")
"""Every kind of YAML document, each with ``site_config/schemas/KIND.schema.json``."""

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
            for kind in DOCUMENT_KINDS
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
                for kind in DOCUMENT_KINDS}

    def enum_at(self, kind: str, *pointer: str) -> list[str]:
        """The ``enum`` found by following ``pointer`` (keys) into the kind's schema."""
        node: Any = self.documents[f"{kind}.schema.json"]
        for key in pointer:
            node = node[key]
        return list(node["enum"])

    def is_valid(self, kind: str, document: YamlDocument, report: Report) -> bool:
        """Whether ``document`` is valid; its problems, if any, go to ``report``."""
        problems = self.validate(kind, document)
        report.extend(problems)
        return not problems

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
    """The error as the editors' messages, at the position of the value (or key) it is about."""
    path = tuple(error.absolute_path)
    value: Any = error.instance
    expected: Any = error.validator_value
    if value in (None, "") and error.validator in ("type", "enum", "minLength", "pattern"):
        listed = f" (one of: {', '.join(map(str, expected))})" if error.validator == "enum" and expected else ""
        return [_error(document, path, f"{field_name(path)} is empty: fill it in{listed}")]
    if error.validator == "additionalProperties":
        allowed = list(cast(dict[str, Any], error.schema).get("properties", {}))
        return [_error(document, (*path, key), f"unknown field '{key}'{_inside(path)}{did_you_mean(key, allowed)}",
                       key=True) for key in value if key not in allowed]
    if error.validator == "required":
        return [_error(document, path, f"missing required field '{key}'{_inside(path)}")
                for key in expected if key not in value]
    return [_error(document, path, _message(error, path, value, expected))]


def _error(document: YamlDocument, path: DocumentPath, message: str, key: bool = False) -> Diagnostic:
    return Diagnostic(document.origin.at(*path, key=key), Severity.ERROR, message)


def _inside(path: DocumentPath) -> str:
    name = field_name(path)
    return f" in {name}" if name else ""


def _message(error: ValidationError, path: DocumentPath, value: Any, expected: Any) -> str:
    """The message of an error about one value."""
    name = field_name(path)
    match error.validator:
        case "type":
            types = [expected] if isinstance(expected, str) else expected
            wanted = " or ".join(_TYPE_NAMES[t] for t in types)
            return f"{name or 'the file'} must be {wanted}, not {_describe(value)}"
        case "enum":
            choices = [str(c) for c in expected]
            hint = did_you_mean(str(value), choices) or f" (one of: {', '.join(choices)})"
            what = next((p for p in reversed(path) if isinstance(p, str)), "value")
            return f"unknown {what} '{value}'{_inside(path) if path != (what,) else ''}{hint}"
        case "pattern":
            reason = cast(dict[str, Any], error.schema).get("x-message", f"does not match {expected}")
            return f"{name}: '{value}' {reason}"
        case "minLength":
            return f"{name} must not be empty"
        case "minProperties":
            return f"{name} must give at least one language (ar or en)"
        case "minItems":
            return f"{name} must list at least {expected}"
        case "uniqueItems":
            twice = next(v for i, v in enumerate(value) if v in value[:i])
            return f"{name} lists '{twice}' more than once"
    return f"{name or 'the file'}: {error.message}"

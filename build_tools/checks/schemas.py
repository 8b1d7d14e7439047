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
from ..messages import Message, joined, msg
from ..model.kinds import KINDS

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

DOCUMENT_KINDS = (*(kind.schema for kind in KINDS if kind.schema), "article-text", "site",
                  "authors")
"""Every kind of YAML document, each with ``site_config/schemas/KIND.schema.json``."""

_BASE_URI = "file:///site_config/schemas/"
"""Where the schemas are taken to live, so that jsonschema-rs resolves ``common.schema.json#…``."""

_CODES = {
    "type": "wrong-type", "enum": "unknown-value", "pattern": "invalid-format", "minLength": "empty-field",
    "minProperties": "no-language", "minItems": "too-few-items", "uniqueItems": "listed-twice",
}
"""The code of an error about one value, by the schema keyword it breaks (else invalid-value)."""

_TYPE_NAMES = {
    "string": msg("a text"), "array": msg("a list"), "object": msg("a mapping of fields"),
    "integer": msg("a whole number"), "number": msg("a number"), "boolean": msg("true or false"),
    "null": msg("empty"),
}


def _describe(value: Any) -> Message:
    if value is None:
        return _TYPE_NAMES["null"]
    if isinstance(value, bool):
        return _TYPE_NAMES["boolean"]
    if isinstance(value, (int, float)):
        return _TYPE_NAMES["number"]
    if isinstance(value, str):
        return _TYPE_NAMES["string"]
    return _TYPE_NAMES["array"] if isinstance(value, list) else _TYPE_NAMES["object"]


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
            return [Diagnostic(document.origin.at(), Severity.ERROR, msg("the file is empty"), "empty-file")]
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
        listed = (msg(" (one of: {choices})", choices=", ".join(map(str, expected)))
                  if error.validator == "enum" and expected else "")
        return [_error(document, path, msg("{field} is empty: fill it in{choices}", field=field_name(path),
                                           choices=listed), "empty-field")]
    if error.validator == "additionalProperties":
        allowed = list(cast(dict[str, Any], error.schema).get("properties", {}))
        return [_error(document, (*path, key), msg("unknown field '{key}'{inside}{hint}", key=key,
                                                   inside=_inside(path), hint=did_you_mean(key, allowed)),
                       "unknown-field", key=True) for key in value if key not in allowed]
    if error.validator == "required":
        return [_error(document, path, msg("missing required field '{key}'{inside}", key=key, inside=_inside(path)),
                       "missing-field") for key in expected if key not in value]
    return [_error(document, path, _message(error, path, value, expected),
                   _CODES.get(str(error.validator), "invalid-value"))]


def _error(document: YamlDocument, path: DocumentPath, message: Message, code: str,
           key: bool = False) -> Diagnostic:
    return Diagnostic(document.origin.at(*path, key=key), Severity.ERROR, message, code)


def _inside(path: DocumentPath) -> Message | str:
    name = field_name(path)
    return msg(" in {field}", field=name) if name else ""


def _message(error: ValidationError, path: DocumentPath, value: Any, expected: Any) -> Message:
    """The message of an error about one value."""
    name = field_name(path) or msg("the file")
    match error.validator:
        case "type":
            types = [expected] if isinstance(expected, str) else expected
            wanted = joined([_TYPE_NAMES[t] for t in types], msg(" or "))
            return msg("{field} must be {wanted}, not {found}", field=name, wanted=wanted, found=_describe(value))
        case "enum":
            choices = [str(c) for c in expected]
            hint = did_you_mean(str(value), choices) or msg(" (one of: {choices})", choices=", ".join(choices))
            what = next((p for p in reversed(path) if isinstance(p, str)), "value")
            return msg("unknown {what} '{value}'{inside}{hint}", what=what, value=value,
                       inside=_inside(path) if path != (what,) else "", hint=hint)
        case "pattern":
            written = cast(dict[str, Any], error.schema).get("x-message")
            reason = Message(written, {}) if written else msg("does not match {pattern}", pattern=expected)
            return msg("{field}: '{value}' {reason}", field=name, value=value, reason=reason)
        case "minLength":
            return msg("{field} must not be empty", field=name)
        case "minProperties":
            return msg("{field} must give at least one language (ar or en)", field=name)
        case "minItems":
            return msg("{field} must list at least {count}", field=name, count=expected)
        case "uniqueItems":
            twice = next(v for i, v in enumerate(value) if v in value[:i])
            return msg("{field} lists '{value}' more than once", field=name, value=twice)
    return msg("{field}: {problem}", field=name, problem=error.message)

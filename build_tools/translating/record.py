"""Writing a translation's record (``translated_from``), and for an import its title,
summary and body, into its Markdown file; every other line of the front matter, comments
included, stays as the editor wrote it (ruamel.yaml's round trip)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.util import load_yaml_guess_indent

from ..content.frontmatter import FENCE, FrontMatterError, split_front_matter
from ..content.yamlfile import YamlSyntaxError, parse_yaml
from ..model.translations import TranslationRecord
from ..pipeline.survey import ArticleTexts
from ..writing import write_whole


class TranslatingError(Exception):
    """What was asked cannot be done; nothing was written."""


def _round_trip_yaml(text: str) -> YAML:
    """A YAML reader and writer that keeps comments, quotes and order, wraps no line, and
    indents lists as ``text`` does (``  - item`` when it has no list)."""
    _, sequence, offset = load_yaml_guess_indent(text)
    handler = YAML()
    handler.preserve_quotes = True
    handler.width = 4096
    handler.indent(mapping=2, sequence=sequence or 4, offset=(offset or 0) if sequence else 2)
    return handler


def write_translation(path: Path, record: TranslationRecord, new_text: dict[str, str] | None = None,
                      body: str | None = None) -> bool:
    """Sets ``translated_from`` in the front matter of ``path`` (made if missing), with
    ``new_text``'s title and summary and the ``body`` when given; False if that is
    what the file already says (it is left alone)."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"{FENCE}\n{FENCE}\n"
    try:
        parts = split_front_matter(text)
    except FrontMatterError as exc:
        raise TranslatingError(f"{path}:{exc.line}: {exc.message}") from None
    current = _plain_data(parts.front_matter, path, first_line=2)
    lines = text.splitlines(keepends=True)
    handler = _round_trip_yaml(parts.front_matter)
    data = handler.load(parts.front_matter) or CommentedMap()
    expected: dict[str, Any] = {**current, **(new_text or {})}
    expected["translated_from"] = record.as_data()
    for key, value in expected.items():
        data[key] = value
    closing = lines[parts.body_line - 2]
    new_body = parts.body if body is None else f"\n{body}\n"
    front = _dumped(handler, data, expected, path, first_line=2)
    return _written(path, text, lines[0] + front + (closing if closing.endswith("\n") else closing + "\n") + new_body)


def _plain_data(text: str, path: Path, first_line: int) -> dict[str, Any]:
    """A front matter (from line 2) or a registry file as plain data, read by the content's
    own parser (no alias, no tag)."""
    try:
        data = parse_yaml(text, str(path), first_line).data
    except YamlSyntaxError as exc:
        raise TranslatingError(f"{path}:{exc.line}: {exc.message}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TranslatingError(f"{path}: its front matter is not 'title:' and 'summary:': nothing was written")
    return data


def write_entity_fields(path: Path, values: dict[tuple[str, str], str]) -> bool:
    """Sets ``FIELD: {LANG: text}`` in the registry file at ``path`` for each value."""
    text = path.read_text(encoding="utf-8")
    expected = _plain_data(text, path, first_line=1)
    handler = _round_trip_yaml(text)
    data = handler.load(text)
    for (name, lang), value in values.items():
        data.setdefault(name, CommentedMap())[lang] = value
        expected.setdefault(name, {})[lang] = value
    return _written(path, text, _dumped(handler, data, expected, path, first_line=1))


def _dumped(handler: YAML, data: Any, expected: dict[str, Any], path: Path, first_line: int) -> str:
    """``data`` written by ruamel.yaml, read back by the content's parser: it must be ``expected``."""
    stream = io.StringIO()
    handler.dump(data, stream)
    if _plain_data(stream.getvalue(), path, first_line) != expected:
        raise TranslatingError(f"{path} could not be rewritten faithfully; nothing was written to it")
    return stream.getvalue()


def _written(path: Path, before: str, after: str) -> bool:
    """Writes ``after`` whole, unless it is what the file already says (False)."""
    if after == before:
        return False
    write_whole(path, after.encode("utf-8"))
    return True


def mark_done(article: ArticleTexts, lang: str, folder: Path) -> TranslationRecord:
    """Records that the ``lang`` text of ``article`` (in ``folder``) translates its original as it is."""
    if lang == article.original or article.original not in article.translations:
        raise TranslatingError(f"{lang}.md is the original of {article.folder}: only a translation is marked done")
    if lang not in article.translations:
        raise TranslatingError(f"{article.folder} has no {lang}.md yet: translate the original first")
    record = article.translations[article.original].as_record()
    write_translation(folder / f"{lang}.md", record)
    return record

"""The original as a translation was made from it, found in git history by its
fingerprints: the record keeps no text, so without history only the numbers of the
changed paragraphs are known (CI checks out one commit)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..content.frontmatter import FrontMatterError, split_front_matter
from ..content.yamlfile import YamlSyntaxError, parse_yaml
from ..model.translations import TranslationRecord

MAX_COMMITS = 500
"""How far back the original's history is searched."""
GIT_TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class PastText:
    commit: str
    title: str
    summary: str | None
    body: str


def _git(root: Path, *arguments: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, check=True,
                              timeout=GIT_TIMEOUT_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", errors="replace")


def _parsed(text: str) -> tuple[str, str | None, str] | None:
    try:
        parts = split_front_matter(text)
        data = parse_yaml(parts.front_matter, "history").data
    except (FrontMatterError, YamlSyntaxError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("title"), str):
        return None
    summary = data.get("summary")
    return data["title"], summary if isinstance(summary, str) else None, parts.body


def text_as_recorded(root: Path, original: Path, record: TranslationRecord) -> PastText | None:
    """The newest committed version of the file ``original`` whose fingerprints are those
    ``record`` keeps, or None (no git, a shallow clone, or never committed so)."""
    relative = "./" + original.relative_to(root).as_posix()
    log = _git(root, "log", f"-n{MAX_COMMITS}", "--format=%H", "--", relative)
    for commit in (log or "").split():
        shown = _git(root, "show", f"{commit}:{relative}")
        parsed = _parsed(shown) if shown is not None else None
        if parsed and TranslationRecord.of(record.lang, *parsed) == record:
            return PastText(commit, *parsed)
    return None

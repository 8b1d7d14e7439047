"""``briefing translations --diff``: what a translator must redo in a stale translation,
the original's changed paragraphs old and new."""

from __future__ import annotations

from pathlib import Path

from ..model.translations import Status, paragraph_changes
from ..pipeline.survey import ArticleTexts
from ..text.paragraphs import paragraphs
from .history import PastText, text_as_recorded


def _quoted(sign: str, text: str) -> list[str]:
    return [f"{sign} {line}" for line in text.splitlines()]


def translation_diff(root: Path, article: ArticleTexts, lang: str) -> list[str]:
    """The lines that say what changed in the original since the ``lang`` text translated it."""
    state = article.states[lang]
    file = f"{article.folder}/{lang}.md"
    if state.status is not Status.STALE:
        what = {Status.ORIGINAL: "is the original", Status.CURRENT: "is current: nothing to redo",
                Status.PENDING: "does not exist yet: the whole original is to translate",
                Status.UNRECORDED: "was never marked done, so what it translates is unknown: check it, then "
                                   f"run 'briefing translations --done {article.folder} {lang}'"}[state.status]
        return [f"{file} {what}"]
    original = article.translations[article.original]
    record = article.translations[lang].record
    assert record is not None  # a stale text has one
    past = text_as_recorded(root, root / article.folder / f"{article.original}.md", record)
    lines = [f"{file} is stale: {article.original}.md, the original, changed since it was translated "
             f"({state.changes()})."]
    lines.append(f"The original as translated is commit {past.commit[:12]}." if past else
                 "The original as translated is not in this repository's history (a shallow clone, or never "
                 "committed): only the numbers of what changed are known.")
    for name in state.changed_fields:
        lines += [f"The {name}, changed:", *_quoted("-", _field(past, name)),
                  *_quoted("+", getattr(original, name) or "")]
    now = paragraphs(original.body)
    before = paragraphs(past.body) if past else []
    for change in paragraph_changes(record.paragraphs, original.as_record().paragraphs):
        if change.old is not None and change.new is not None:
            lines.append(f"Paragraph {change.new}, changed (paragraph {change.old} when translated):")
        elif change.new is not None:
            lines.append(f"Paragraph {change.new}, added:")
        else:
            lines.append(f"Paragraph {change.old} of the original as translated, removed:")
        if change.old is not None and before:
            lines += _quoted("-", before[change.old - 1])
        if change.new is not None:
            lines += _quoted("+", now[change.new - 1])
    return lines


def _field(past: PastText | None, name: str) -> str:
    if past is None:
        return "(not known)"
    return (past.title if name == "title" else past.summary) or ""

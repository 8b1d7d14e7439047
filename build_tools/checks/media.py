"""An article's photos and documents, checked before anything is published.

Every declared file is read whole: it must be what ``meta.yml`` says it is (by its
content, not its name), decode, stay within the limits of site.yml, and carry no
metadata that can endanger the people in it or behind it. Every image the text places
must be a declared photo of the article's own folder: a remote one would be blocked by
the site's Content-Security-Policy and would tell a third party who reads the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.loader import ArticleBundle
from ..diagnostics import Origin, Position, Report, field_name, offset_position
from ..media.formats import sniff
from ..media.reading import DocumentFacts, ImageFacts, MediaProblem, Reader
from ..messages import Message, msg
from ..model.kinds import ARTICLE_FILES, DOCUMENT, PHOTO
from ..text.markup import image_file_name, placed_images

NEEDED_IN_EACH_LANGUAGE = {PHOTO.plural: ("alt", "credit"), DOCUMENT.plural: ("title",)}
"""What each entry of a list of ``meta.yml`` that declares files needs in every language."""
Facts = dict[str, ImageFacts | DocumentFacts]
"""What was read from each declared file that can be published, by file name."""
_LANGUAGE_NAMES = {"ar": msg("Arabic"), "en": msg("English")}
REMOTE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//")
"""A target with a scheme (``https:``) or a host (``//cdn…``): not a file of the folder."""



@dataclass(frozen=True)
class _Declared:
    section: str
    index: int
    entry: dict[str, Any]


def declared_files(meta: Any) -> dict[str, _Declared]:
    """File name → where ``meta.yml`` declares it, for the entries that name a file."""
    found: dict[str, _Declared] = {}
    for kind in ARTICLE_FILES:
        section = kind.plural
        entries = meta.get(section) if isinstance(meta, dict) else None
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and isinstance(entry.get("file"), str):
                found.setdefault(entry["file"], _Declared(section, index, entry))
    return found


def inspect_media(bundle: ArticleBundle, reader: Reader, report: Report) -> Facts:
    """Reads every photo and document of the article's folder; reports what is wrong."""
    if bundle.meta is None:
        return {}
    origin, declared = bundle.meta.origin, declared_files(bundle.meta.data)
    facts: Facts = {}
    for name, where in declared.items():
        position = origin.at(where.section, where.index, "file")
        _check_languages(where, bundle.languages, origin, report)
        if name not in bundle.files:
            report.error(position, msg("{field}.file: no file '{name}' in the article's folder",
                                       field=field_name((where.section, where.index)), name=name), "missing-media-file")
        elif (read := _read(bundle, name, where.section, reader, position, report)) is not None:
            facts[name] = read
    _check_leads(bundle.meta.data, origin, report)
    for name in sorted(bundle.files.keys() - declared.keys()):
        _undeclared(bundle, name, reader, report)
    return facts


def _read(bundle: ArticleBundle, name: str, section: str, reader: Reader, position: Position,
          report: Report) -> ImageFacts | DocumentFacts | None:
    if section == DOCUMENT.plural and not name.endswith(".pdf"):
        report.error(position, msg("{name}: a document is published under its own name, and browsers take a file "
                                   "for what its name says (a PDF named .html would run as a page of the site): "
                                   "rename it {pdf} and declare it so", name=name,
                                   pdf=f"{name.rpartition('.')[0] or name}.pdf"), "refused-media")
        return None
    try:
        facts = _read_file(bundle.files[name], section, reader)
    except MediaProblem as problem:
        report.error(position, msg("{name}: {problem}", name=name, problem=problem.message), "refused-media")
        return None
    except OSError as exc:
        report.error(position, msg("{name}: cannot be read: {reason}", name=name, reason=exc.strerror),
                     "unreadable-file")
        return None
    path = f"{bundle.folder}/{name}"
    if facts.findings:
        report.error(position, msg("{name} carries metadata that can endanger people: {findings}; remove it with "
                                   "`briefing strip-metadata {path}`, then check again", name=name,
                                   findings="; ".join(facts.findings), path=path), "unsafe-metadata")
    if isinstance(facts, DocumentFacts) and facts.active:
        report.warning(position, msg("{name} holds {found}: the build publishes it without them; remove them from "
                                     "the file too with `briefing strip-metadata {path}`", name=name,
                                     found="; ".join(facts.active), path=path), "active-document")
    return None if facts.findings else facts


def _read_file(path: Path, section: str, reader: Reader) -> ImageFacts | DocumentFacts:
    return reader.image(path) if section == PHOTO.plural else reader.document(path)


def _undeclared(bundle: ArticleBundle, name: str, reader: Reader, report: Report) -> None:
    """A file nobody declared is not published, but the repository still holds it."""
    position = Position(f"{bundle.folder}/{name}", 0, 0)
    kind = sniff(bundle.files[name])
    if kind is None:
        report.warning(position, msg("ignored: an article's folder holds meta.yml, its texts, and the photos "
                                     "and documents meta.yml declares"), "ignored-file")
        return
    section = DOCUMENT.plural if kind == "pdf" else PHOTO.plural
    message = msg("not declared under {section}: in meta.yml, so not published", section=section)
    try:
        read = _read_file(bundle.files[name], section, reader)
        if read.findings:
            message = msg("not declared under {section}: in meta.yml, so not published; it carries metadata that "
                          "anyone who clones the repository can read: {findings}; remove it with "
                          "`briefing strip-metadata {path}`, then check again", section=section,
                          findings="; ".join(read.findings), path=position.file)
    except (MediaProblem, OSError):
        pass  # not published: what is wrong with it is told once it is declared
    report.warning(position, message, "undeclared-media")


def _check_languages(where: _Declared, languages: set[str], origin: Origin, report: Report) -> None:
    for key in NEEDED_IN_EACH_LANGUAGE[where.section]:
        value = where.entry.get(key)
        for lang in sorted(languages):
            if not (isinstance(value, dict) and isinstance(value.get(lang), str) and value[lang].strip()):
                report.error(origin.at(where.section, where.index, key),
                             msg("{field}: no {language} text ({lang}), needed because the article has {lang}.md",
                                 field=field_name((where.section, where.index, key)),
                                 language=_LANGUAGE_NAMES[lang], lang=lang), "media-text-missing")


def _check_leads(meta: Any, origin: Origin, report: Report) -> None:
    entries = meta.get(PHOTO.plural) if isinstance(meta, dict) else None
    leads = [index for index, entry in enumerate(entries if isinstance(entries, list) else [])
             if isinstance(entry, dict) and entry.get("lead") is True]
    for index in leads[1:]:
        report.error(origin.at(PHOTO.plural, index, "lead"), msg("media[{index}].lead: media[{first}] is already "
                                                                 "the article's lead photo; an article has at most "
                                                                 "one", index=index, first=leads[0]), "second-lead")


def check_placements(bundle: ArticleBundle, facts: Facts, report: Report) -> None:
    """Every image the texts place is a declared photo; every photo that can be published
    is placed somewhere (the lead photo may stand at the top instead)."""
    declared = declared_files(bundle.meta.data) if bundle.meta else {}
    placed: set[str] = set()
    for text in bundle.texts.values():
        for offset, target in placed_images(text.body):
            problem = _placement_problem(target, declared, bundle)
            if problem:
                report.error(offset_position(text.front_matter.origin.file, text.body_line, text.body, offset),
                             problem, "misplaced-image")
            placed.add(image_file_name(target))
    if bundle.meta is None:
        return  # nothing is declared: each placed image was reported above
    unplaced = [(name, where) for name, where in declared.items() if name in facts and name not in placed
                and where.section == PHOTO.plural and where.entry.get("lead") is not True]
    for name, where in unplaced:
        report.warning(bundle.meta.origin.at(PHOTO.plural, where.index, "file"),
                       msg("{name} is declared but placed nowhere: write ![]({name}) where it belongs in the text, "
                           "or remove it from media:", name=name), "unplaced-photo")


def _placement_problem(target: str, declared: dict[str, _Declared], bundle: ArticleBundle) -> Message | None:
    name = image_file_name(target)
    if target.lower().startswith("data:"):
        return None  # a scheme links may not have: reported, by raw_html's policy, with the links (checks.markdown)
    if REMOTE.match(target):
        return msg("remote image {target}: readers' browsers would not show it (the site's Content-Security-Policy "
                   "allows only its own images), and loading it would tell its host who reads the article; download "
                   "it into the article's folder, declare it under media: with its credit, and place it as ![](FILE)",
                   target=target)
    where = declared.get(name)
    if where is not None:
        return None if where.section == PHOTO.plural else msg("{name} is a document: documents are listed with "
                                                              "the article, not placed as images", name=name)
    if "/" in name:
        return msg("{target}: photos are placed by their file name, from the article's own folder (![](photo.jpg))",
                   target=target)
    if name in bundle.files:
        return msg("{name} is not declared under media: in meta.yml (with its alt text and credit in each "
                   "language)", name=name)
    return msg("no file '{name}' in the article's folder", name=name)

"""Reading ``content/``: every registry file and article bundle, parsed but not yet checked.

``load_content`` reads the registries and lists the article folders; each folder is
then read on its own by ``load_bundle`` (so folders can be read in parallel processes).

Parse problems (encoding, YAML syntax, duplicate keys, front matter, misplaced or
misnamed files, symbolic links leading out of content/) are reported here. A file that cannot be parsed is left out, but
its id stays known so that references to it do not raise a second, false error.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Position, Report
from ..languages import LANGUAGES
from ..messages import Message, msg
from ..model.kinds import ARTICLE, REGISTRIES, word
from ..text.invisible import INVISIBLE, describe
from .frontmatter import FrontMatterError, split_front_matter
from .sourcefiles import (
    check_prose,
    file_name_problem,
    link_problem,
    parse_reported,
    read_text,
    read_yaml,
    relative,
    shown_name,
)
from .yamlfile import YamlDocument

CONTENT_DIR = "content"
ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
YEAR_PATTERN = re.compile(r"\d{4}")
ID_HINT = msg("use lowercase ASCII letters, digits and single hyphens, e.g. 'deir-ez-zor'")
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10))})


def id_problem(name: str) -> Message | None:
    """Why ``name`` cannot be an id (it becomes a file name and a URL), or None."""
    if hidden := INVISIBLE.search(name):
        return msg("'{name}' contains an invisible character, {character}: {hint}", name=name,
                   character=describe(hidden.group(0)), hint=ID_HINT)
    if not ID_PATTERN.fullmatch(name):
        return msg("'{name}' is not a valid id: {hint}", name=name, hint=ID_HINT)
    if name in WINDOWS_RESERVED:
        return msg("'{name}' is a reserved file name on Windows, where the site could not be checked out: "
                   "choose another id", name=name)
    return None


@dataclass
class EntityFile:
    kind: str
    id: str
    document: YamlDocument


@dataclass
class TextFile:
    lang: str
    front_matter: YamlDocument
    body: str
    body_line: int


@dataclass
class ArticleBundle:
    id: str
    folder: str
    year: str
    meta: YamlDocument | None
    texts: dict[str, TextFile] = field(default_factory=dict)
    languages: set[str] = field(default_factory=set)
    """Languages with a text file, whether or not it could be parsed."""
    files: dict[str, Path] = field(default_factory=dict)
    """Its other files (photos, documents), by name."""


@dataclass
class ContentFiles:
    root: Path
    content_dir: Path
    """``root/content``, resolved."""
    entities: dict[str, list[EntityFile]] = field(default_factory=dict)
    article_folders: list[Path] = field(default_factory=list)
    """Folders of articles with a valid, unique id, in order; read with ``load_bundle``."""
    ids: dict[str, set[str]] = field(default_factory=dict)
    """Every id that has a file, parseable or not, per kind."""


def load_content(root: Path, report: Report) -> ContentFiles:
    """Every registry file read and parsed, and the article folders listed."""
    files = ContentFiles(root, (root / CONTENT_DIR).resolve())
    read_registries(files, report)
    list_articles(files, report)
    return files


def read_registries(files: ContentFiles, report: Report) -> None:
    """Every registry file of ``files`` read and parsed into it."""
    visible = _Lister(files.content_dir, files.root, report)
    for kind in REGISTRIES:
        files.ids[kind.name] = set()
        files.entities[kind.name] = []
        for path in _registry_files(visible(files.root / CONTENT_DIR / kind.plural), kind.name, files.root, report):
            files.ids[kind.name].add(path.stem)
            document = read_yaml(path, relative(path, files.root), report)
            if document is not None:
                files.entities[kind.name].append(EntityFile(kind.name, path.stem, document))


def list_articles(files: ContentFiles, report: Report) -> None:
    """The article folders of ``files`` listed into it; what else content/ holds is warned of."""
    content_dir, root = files.root / CONTENT_DIR, files.root
    visible = _Lister(files.content_dir, root, report)
    files.article_folders = _article_folders(content_dir / ARTICLE.plural, visible, root, report)
    expected = (*(kind.plural for kind in REGISTRIES), ARTICLE.plural)
    for entry in visible(content_dir):
        if entry.name not in expected:
            report.warning(_whole(entry, root), msg("ignored: not part of the content model (content/ holds "
                                                    "{folders})", folders=", ".join(sorted(expected))),
                           "ignored-file")


class _Lister:
    """Lists a folder's entries, leaving out hidden ones, names that are not text, and
    links that loop or lead out of ``content_dir`` (resolved: no symbolic link in it)."""

    def __init__(self, content_dir: Path, root: Path, report: Report) -> None:
        self.content_dir, self.root, self.report = content_dir, root, report

    def __call__(self, folder: Path) -> list[Path]:
        if link_problem(folder, self.content_dir, _outside_content) is not None or not folder.is_dir():
            return []  # a link to a folder elsewhere, or a loop: reported where its parent is listed
        return self.entries(folder)

    def entries(self, folder: Path) -> list[Path]:
        """The entries of ``folder``, itself an entry listed here (so known to be inside)."""
        with os.scandir(folder) as listing:
            found = sorted((entry.name, entry.is_symlink()) for entry in listing if not entry.name.startswith("."))
        return [path for name, link in found if self._named(folder, name) and self._inside(path := folder / name, link)]

    def _named(self, folder: Path, name: str) -> bool:
        problem = file_name_problem(name)
        if problem is not None:
            self.report.error(Position(f"{relative(folder, self.root)}/{shown_name(name)}", 0, 0), problem,
                              "invalid-id")
        return problem is None

    def _inside(self, path: Path, link: bool) -> bool:
        problem = link_problem(path, self.content_dir, _outside_content) if link else None
        if problem is not None:
            self.report.error(_whole(path, self.root), problem, "misplaced-file")
        return problem is None


def _outside_content(target: Path) -> Message:
    return msg("symbolic link to {target}, outside content/: refused, copy the file into content/ instead",
               target=target)


def _whole(path: Path, root: Path) -> Position:
    return Position(relative(path, root), 0, 0)


def _registry_files(entries: list[Path], kind: str, root: Path, report: Report) -> list[Path]:
    paths = []
    for path in entries:
        if path.suffix != ".yml" or not path.is_file():
            report.warning(_whole(path, root), msg("ignored: each {kind} is one .yml file", kind=word(kind)),
                           "ignored-file")
        elif problem := id_problem(path.stem):
            report.error(_whole(path, root), problem, "invalid-id")
        else:
            paths.append(path)
    return paths


def _article_folders(folder: Path, visible: _Lister, root: Path, report: Report) -> list[Path]:
    folders: dict[str, Path] = {}
    for year_dir in visible(folder):
        if not (year_dir.is_dir() and YEAR_PATTERN.fullmatch(year_dir.name)):
            report.error(_whole(year_dir, root),
                         msg("not a year folder: articles are filed as content/articles/YYYY/SLUG/"), "misplaced-file")
            continue
        for bundle_dir in visible(year_dir):
            if not bundle_dir.is_dir():
                report.warning(_whole(bundle_dir, root),
                               msg("ignored: an article is a folder content/articles/YYYY/SLUG/"), "ignored-file")
            elif problem := id_problem(bundle_dir.name):
                report.error(_whole(bundle_dir, root), msg("article {problem}", problem=problem), "invalid-id")
            elif first := folders.get(bundle_dir.name):
                report.error(_whole(bundle_dir, root), msg("article id '{id}' is already used by {folder}: the "
                                                           "two pages would collide", id=bundle_dir.name,
                                                           folder=relative(first, root)), "duplicate-id")
            else:
                folders[bundle_dir.name] = bundle_dir
    return list(folders.values())


def load_bundle(folder: Path, files: ContentFiles, report: Report) -> ArticleBundle:
    """The article in ``folder`` (one of ``files.article_folders``)."""
    root = files.root
    entries = _Lister(files.content_dir, root, report).entries(folder)
    name = relative(folder, root)
    meta_path = folder / "meta.yml"
    if meta_path in entries and meta_path.is_file():
        meta = read_yaml(meta_path, f"{name}/meta.yml", report)
    else:
        meta = None
        report.error(Position(name, 0, 0), msg("missing meta.yml (date, status, actors, locations, sources)"),
                     "missing-meta")
    bundle = ArticleBundle(folder.name, name, folder.parent.name, meta)
    for path in entries:
        if path.suffix != ".md":
            if path != meta_path and path.is_file():
                bundle.files[path.name] = path
            continue
        if path.stem not in LANGUAGES:
            report.error(Position(f"{name}/{path.name}", 0, 0),
                         msg("unexpected Markdown file: an article's texts are ar.md and en.md"), "misplaced-file")
            continue
        bundle.languages.add(path.stem)
        text = _read_text_file(path, f"{name}/{path.name}", report)
        if text is not None:
            bundle.texts[path.stem] = text
    if not bundle.languages:
        report.error(Position(name, 0, 0), msg("no text: an article needs ar.md, en.md or both"), "no-text")
    return bundle


def load_texts(folder: Path, files: ContentFiles, report: Report) -> ArticleBundle:
    """Only what says which text translates which: the texts, unchecked as prose, and
    ``meta.yml`` when it names the ``original`` (read whole, it costs more than the texts)."""
    name = relative(folder, files.root)
    meta_path = folder / "meta.yml"
    meta_text = read_text(meta_path, f"{name}/meta.yml", report) if meta_path.is_file() else None
    meta = None
    if meta_text is not None and "original" in meta_text:
        meta = parse_reported(meta_text, f"{name}/meta.yml", report)
    bundle = ArticleBundle(folder.name, name, folder.parent.name, meta)
    for lang in LANGUAGES:
        path = folder / f"{lang}.md"
        if path.is_file():
            bundle.languages.add(lang)
            text = _read_text_file(path, f"{name}/{path.name}", report, prose=False)
            if text is not None:
                bundle.texts[lang] = text
    return bundle


def _read_text_file(path: Path, file: str, report: Report, prose: bool = True) -> TextFile | None:
    """``prose``: check the body for invisible characters and the like, as ``check`` does."""
    text = read_text(path, file, report)
    if text is None:
        return None
    try:
        parts = split_front_matter(text)
    except FrontMatterError as exc:
        report.error(Position(file, exc.line, 1), exc.message, "front-matter")
        return None
    front_matter = parse_reported(parts.front_matter, file, report, parts.front_matter_line)
    if prose:
        check_prose(file, parts.body_line, parts.body, report)
    if front_matter is None:
        return None
    return TextFile(path.stem, front_matter, parts.body, parts.body_line)

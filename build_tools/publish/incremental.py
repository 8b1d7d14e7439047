"""Incremental builds: a page is rendered again only when what it is made from changed.

``briefing build`` keeps, in its cache folder (``.briefing-cache/`` by default), what
each page of the last site it built was made from: a fingerprint of the page's model
(everything the page shows, ``site.pages.model``) and of the build's context (the
tool's own code, the version of every installed package, ``site_config/``,
``overrides/``, ``mkdocs.yml``, whether drafts are shown and, for an article, the
names found in its text). A page whose fingerprint is unchanged, and whose file in the
last site is still the one that build wrote (same size and time), is linked into the
new site instead of rendered; everything else is rendered as in a clean build. Each
search bundle (``publish.search``) is reused the same way, when it holds the same pages,
each read the same by Pagefind, and its files are as the last build left them. What is neither
(feeds, open data, sitemap, theme files) is always made again. The new site is still
written into a fresh folder and swapped in whole (``publish.output``), so a page that
no longer exists is simply not there.

Fingerprints are SHA-256 digests of the pickled model: equal bytes can only come from
equal models, so a page is never reused wrongly; a model pickled differently for the
same content only costs a render. The cache is one JSON file, written whole, removed
before the new site is swapped in and written after: a build interrupted at any point
leaves either no cache or one that describes the site on disk. A cache that cannot be
read, or describes another site or another context, is ignored (with a warning when
it is unreadable): the build is then a clean one.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path, PurePosixPath

from ..pipeline.digests import files_digest, tool_digest
from ..writing import write_whole

FORMAT = 1
"""The version of the cache file's layout: another one is ignored."""
MANIFEST = "pages.json"


def build_context(root: Path, drafts: bool) -> str:
    """What every page of a build is made from besides its model (``tool_digest`` covers
    the tool's code and Python's version)."""
    project = files_digest([root / "site_config", root / "overrides", root / "mkdocs.yml"])
    parts = [f"format={FORMAT}", *_installed(), project, tool_digest(), f"drafts={drafts}"]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@cache
def _installed() -> tuple[str, ...]:
    """Every installed package and its version: MkDocs, Material, Pagefind, Markdown,
    Jinja, nh3… all change what a page renders to, and none is left out by mistake.
    Read once a process (a fifth of a second): packages are not installed under a build."""
    return tuple(sorted(f"{dist.metadata['Name']}={dist.version}" for dist in metadata.distributions()))


def fingerprint(context: str, model: object, extra: bytes = b"") -> str | None:
    """The digest of a page's model in ``context``; None when the model cannot be pickled
    (the page is then always rendered)."""
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=5)
    pickler.fast = True  # no memo: the bytes depend on the values only, not on which objects are shared
    try:
        pickler.dump(model)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return None
    return hashlib.sha256(context.encode() + b"\0" + extra + b"\0" + stream.getvalue()).hexdigest()


@dataclass(frozen=True)
class MadePage:
    """One page as a build wrote it: from what, and the file it left (``size``, ``mtime_ns``)."""

    fingerprint: str
    size: int
    mtime_ns: int
    inline_scripts: tuple[str, ...]


@dataclass(frozen=True)
class RenderedPage:
    """A page of the build in progress: its file in the site, its fingerprint, its inline scripts."""

    dest: str
    fingerprint: str | None
    inline_scripts: tuple[str, ...]


@dataclass(frozen=True)
class IndexedBundle:
    """A search bundle of the build in progress: its folder in the site, what it was made from."""

    path: str
    fingerprint: str


FileStamp = tuple[str, int, int]
"""A file of a bundle, from the bundle's folder, with its size and modification time."""


@dataclass
class PreviousBuild:
    """The last site built into ``site_dir``, as the cache describes it."""

    site_dir: Path
    context: str
    pages: dict[str, MadePage] = field(default_factory=dict)
    """Each page's file (site path) → how it was made."""
    bundles: dict[str, tuple[str, list[FileStamp]]] = field(default_factory=dict)
    """Each search bundle's folder (site path) → what it was made from, and its files."""

    def reuse(self, dest: str, fingerprint: str | None, output: Path) -> MadePage | None:
        """Links the last site's file ``dest`` into ``output`` when it was made from
        ``fingerprint`` and is still as that build left it; what it was made from, or None."""
        made = self.pages.get(dest)
        if made is None or fingerprint is None or made.fingerprint != fingerprint:
            return None
        source = self.site_dir / dest
        try:
            status = source.stat()
            if (status.st_size, status.st_mtime_ns) != (made.size, made.mtime_ns):
                return None
            (output / dest).parent.mkdir(parents=True, exist_ok=True)
            os.link(source, output / dest)
        except OSError:
            return None
        return made

    def page_bytes(self, dest: str) -> bytes | None:
        """The last site's file ``dest``, if it is still as that build left it."""
        made = self.pages.get(dest)
        if made is None:
            return None
        try:
            with (self.site_dir / dest).open("rb") as file:
                status = os.fstat(file.fileno())
                if (status.st_size, status.st_mtime_ns) != (made.size, made.mtime_ns):
                    return None
                return file.read()
        except OSError:
            return None

    def reuse_bundle(self, path: str, fingerprint: str, output: Path) -> bool:
        """Links the last site's search bundle ``path`` into ``output`` when it was made
        from ``fingerprint`` and each of its files is still as that build left it."""
        made_from, files = self.bundles.get(path, (None, []))
        if made_from != fingerprint:
            return False
        source, target = self.site_dir / path, output / path
        try:
            if any(_stamp(source, name) != (name, size, mtime_ns) for name, size, mtime_ns in files):
                return False
            for name, _, _ in files:
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                os.link(source / name, target / name)
        except OSError:
            shutil.rmtree(target, ignore_errors=True)
            return False
        return True


def _stamp(folder: Path, name: str) -> FileStamp:
    status = (folder / name).stat()
    return name, status.st_size, status.st_mtime_ns


def _stamps(folder: Path) -> list[FileStamp]:
    """Every file under ``folder``, stamped."""
    return [_stamp(folder, path.relative_to(folder).as_posix()) for path in sorted(folder.rglob("*")) if path.is_file()]


@dataclass(frozen=True)
class Reuse:
    """What a build may reuse: the previous build's pages made in the same ``context``."""

    context: str = ""
    """Empty when the build keeps no cache: its pages are then not fingerprinted."""
    previous: PreviousBuild | None = None
    templates: Path | None = None
    """Where the theme's templates are kept compiled (Jinja's bytecode), for this context only."""


NO_REUSE = Reuse()
"""A clean build."""


class BuildCache:
    """The cache folder's record of the last build of one site."""

    def __init__(self, folder: Path, site_dir: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST
        self.site_dir = site_dir

    def previous(self, context: str) -> tuple[PreviousBuild | None, str | None]:
        """The last build of this site in ``context``, if the cache holds it; and a warning
        when the cache was there but unreadable."""
        try:
            data = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return None, None
        except (OSError, ValueError) as exc:
            return None, f"the build cache {self.path} cannot be read ({exc}): it is ignored, every page is rendered"
        try:
            previous = _parsed(data)
        except (KeyError, TypeError, ValueError, IndexError):
            return None, f"the build cache {self.path} is damaged: it is ignored, every page is rendered"
        if previous is None or previous.site_dir != self.site_dir or previous.context != context:
            return None, None
        return previous, None

    def compiled_templates(self, context: str) -> Path:
        """The folder of the templates compiled in ``context``; the other contexts' are
        removed. Jinja checks each template's source against what it compiled; the context
        adds what the compiled code also depends on (the versions of Python and Jinja, the
        theme's settings)."""
        templates = self.folder / "templates"
        current = templates / context[:32]
        if templates.is_dir():
            for other in templates.iterdir():
                if other != current:
                    shutil.rmtree(other, ignore_errors=True)
        current.mkdir(parents=True, exist_ok=True)
        return current

    def forget(self) -> None:
        """Removes the record, before the site it describes is replaced."""
        self.path.unlink(missing_ok=True)

    def record(self, context: str, pages: Iterable[RenderedPage], bundles: Iterable[IndexedBundle]) -> None:
        """Records the pages and search bundles now in ``site_dir``, made in ``context``."""
        scripts: dict[str, int] = {}
        entries: dict[str, list[object]] = {}
        for page in pages:
            if page.fingerprint is None:
                continue
            status = (self.site_dir / page.dest).stat()
            indexes = [scripts.setdefault(script, len(scripts)) for script in page.inline_scripts]
            entries[page.dest] = [page.fingerprint, status.st_size, status.st_mtime_ns, indexes]
        indexed = {bundle.path: [bundle.fingerprint, _stamps(self.site_dir / bundle.path)] for bundle in bundles}
        data = {"format": FORMAT, "site": str(self.site_dir), "context": context,
                "scripts": list(scripts), "pages": entries, "bundles": indexed}
        write_whole(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def _parsed(data: Mapping[str, object]) -> PreviousBuild | None:
    """The build a cache file describes; None for another format. Raises on a damaged one."""
    if data.get("format") != FORMAT:
        return None
    scripts, pages, bundles = data["scripts"], data["pages"], data["bundles"]
    if not isinstance(scripts, list) or not isinstance(pages, dict) or not isinstance(bundles, dict):
        raise TypeError("scripts, pages or bundles")
    previous = PreviousBuild(Path(str(data["site"])), str(data["context"]))
    for dest, (fingerprint, size, mtime_ns, indexes) in pages.items():
        previous.pages[_inside(dest)] = MadePage(str(fingerprint), int(size), int(mtime_ns),
                                                 tuple(str(scripts[index]) for index in indexes))
    for path, (fingerprint, files) in bundles.items():
        stamps = [(_inside(name), int(size), int(mtime_ns)) for name, size, mtime_ns in files]
        if not stamps:
            raise ValueError(f"bundle {path} without files")
        previous.bundles[_inside(path)] = (str(fingerprint), stamps)
    return previous


def _inside(name: object) -> str:
    """A path the cache names, which must stay inside the site: a link is made there."""
    path = PurePosixPath(str(name))
    if path.is_absolute() or ".." in path.parts:
        raise ValueError(f"{name} is outside the site")
    return str(name)

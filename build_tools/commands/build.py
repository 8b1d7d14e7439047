"""``briefing build``: check, then build the bilingual site, replacing the previous one
only when the new one is complete."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from types import FrameType

from ..messages import editor_language, msg
from ..pipeline.load import LoadedBriefing, load_checked
from ..progress import Stages, shown_on
from ..publish.incremental import NO_REUSE, BuildCache, IndexedBundle, RenderedPage, Reuse, build_context
from ..publish.linkcheck import broken_links
from ..publish.output import SiteLocked, build_lock, describe_os_error, replaced_on_success
from .check import add_lang, checked
from .project import (
    EXIT_CONTENT_ERRORS,
    EXIT_OK,
    Subcommands,
    add_cache,
    add_quiet,
    add_root,
    cache_folder,
    project,
    warn,
)


def register(commands: Subcommands) -> None:
    build = commands.add_parser("build", help="check, then build the bilingual site with MkDocs")
    add_root(build)
    build.add_argument("--site-dir", type=Path, help="where to write the site (default: ROOT/site)")
    build.add_argument("--drafts", action="store_true", help="include drafts, with a banner")
    build.add_argument("--check-links", action="store_true",
                       help="fail, keeping the previous site, if an internal link or #anchor is broken")
    add_cache(build)
    add_lang(build)
    add_quiet(build)
    build.set_defaults(run=run, strict=False, format="text")


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds the build, so its half-written folder is removed


def run(args: argparse.Namespace) -> int:
    root = project(args.root)
    site_dir = (args.site_dir or root / "site").resolve()
    with Stages(shown_on(sys.stderr, args.quiet), editor_language(args.lang, None)) as stages:
        loaded, report = checked(args, root, lambda cache: load_checked(root, cache=cache, stages=stages))
        built = loaded is not None and not report.errors and _build(root, site_dir, loaded, args, stages)
    lang = editor_language(args.lang, loaded.config.editor_language if loaded else None)
    sys.stdout.write(report.as_text(lang, summary=not args.quiet))
    if built and loaded and not args.quiet:
        _tell_built(site_dir, loaded, args.drafts)
    return EXIT_OK if built else EXIT_CONTENT_ERRORS


def _build(root: Path, site_dir: Path, loaded: LoadedBriefing, args: argparse.Namespace, stages: Stages) -> bool:
    """Whether the site was built into ``site_dir``; else it is unchanged, and why is told."""
    from ..mkdocs.render import RenderError, render_site  # imports MkDocs: only here, so that check starts quicker

    previous_handler = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    folder = cache_folder(args, root)
    cache = BuildCache(folder, site_dir) if folder else None
    try:
        with build_lock(site_dir) as killed:
            if killed:
                print(f"briefing: the build of {site_dir} by {killed} was stopped before it finished: "
                      "its leftovers are removed", file=sys.stderr)
            reuse = _reusable(cache, root, args.drafts)
            with replaced_on_success(site_dir) as building:
                rendered = render_site(root, building, loaded, args.drafts, stages, reuse)
                if args.check_links:
                    with stages.stage(msg("Checking the links")):
                        broken = next(broken_links(building, loaded.config.base_url), None)
                    if broken:
                        raise RenderError(str(broken))
                if cache:
                    cache.forget()  # until the new site is in place and recorded
            if cache:
                _record(cache, reuse.context, rendered.made, rendered.bundles)
    except (OSError, RenderError, SiteLocked) as exc:
        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        print(f"briefing: error: the site was not built, {site_dir} is unchanged: {reason}", file=sys.stderr)
        return False
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    return True


def _reusable(cache: BuildCache | None, root: Path, drafts: bool) -> Reuse:
    """What the previous build left that this one may reuse (nothing without a cache)."""
    if cache is None:
        return NO_REUSE
    context = build_context(root, drafts)
    previous, warning = cache.previous(context)
    warn(warning)
    try:
        templates = cache.compiled_templates(context)
    except OSError as exc:
        warn(f"the build cache cannot keep compiled templates ({describe_os_error(exc)}): they are compiled again")
        templates = None
    return Reuse(context, previous, templates)


def _record(cache: BuildCache, context: str, pages: list[RenderedPage], bundles: list[IndexedBundle]) -> None:
    """Records the site just built; the site stands whether or not that succeeds."""
    try:
        cache.record(context, pages, bundles)
    except OSError as exc:
        warn(f"the build cache was not written ({describe_os_error(exc)}): the next build renders every page")


def _tell_built(site_dir: Path, loaded: LoadedBriefing, drafts_shown: bool) -> None:
    print(f"Site built in {site_dir}; to read it: python3 -m http.server -d {site_dir} 8000")
    drafts = sum(article.is_draft for article in loaded.briefing.articles.values())
    if drafts and not drafts_shown:
        print(f"{drafts} draft{'s' * (drafts != 1)} left out (status: draft); --drafts shows them, with a banner")

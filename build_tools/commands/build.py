"""``briefing build``: check, then build the bilingual site, replacing the previous one
only when the new one is complete."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from types import FrameType

from ..publish.linkcheck import broken_links
from ..publish.output import SiteLocked, build_lock, describe_os_error, replaced_on_success
from .project import EXIT_CONTENT_ERRORS, EXIT_OK, Subcommands, add_root, load, project


def register(commands: Subcommands) -> None:
    build = commands.add_parser("build", help="check, then build the bilingual site with MkDocs")
    add_root(build)
    build.add_argument("--site-dir", type=Path, help="where to write the site (default: ROOT/site)")
    build.add_argument("--drafts", action="store_true", help="include drafts, with a banner")
    build.add_argument("--check-links", action="store_true",
                       help="fail, keeping the previous site, if an internal link or #anchor is broken")
    build.set_defaults(run=run, strict=False, format="text")


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds the build, so its half-written folder is removed


def run(args: argparse.Namespace) -> int:
    from ..mkdocs.render import RenderError, render_site  # imports MkDocs: only here, so that check starts quicker

    root = project(args.root)
    loaded, report = load(root)
    sys.stdout.write(report.as_text())
    if loaded is None or report.errors:
        return EXIT_CONTENT_ERRORS
    site_dir = (args.site_dir or root / "site").resolve()
    previous_handler = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with build_lock(site_dir) as killed, replaced_on_success(site_dir) as building:
            if killed:
                print(f"briefing: the build of {site_dir} by {killed} was stopped before it finished: "
                      "its leftovers are removed", file=sys.stderr)
            render_site(root, building, loaded, args.drafts)
            if args.check_links and (broken := next(broken_links(building, loaded.config.base_url), None)):
                raise RenderError(str(broken))
    except (OSError, RenderError, SiteLocked) as exc:
        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        print(f"briefing: error: the site was not built, {site_dir} is unchanged: {reason}", file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    print(f"Site built in {site_dir}; to read it: python3 -m http.server -d {site_dir} 8000")
    drafts = sum(article.is_draft for article in loaded.briefing.articles.values())
    if drafts and not args.drafts:
        print(f"{drafts} draft{'s' * (drafts != 1)} left out (status: draft); --drafts shows them, with a banner")
    return EXIT_OK

"""The one way content becomes a model: load → validate → resolve → check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .checks import check_briefing
from .config import SiteConfig, load_site_config
from .diagnostics import Report
from .loader import load_content
from .mentions import Matcher
from .model import Briefing
from .resolve import resolve


@dataclass
class LoadedBriefing:
    config: SiteConfig
    briefing: Briefing
    report: Report
    matcher: Matcher
    """The names of every actor and location, built once for the checks and the pages."""


def load_briefing(root: Path, report: Report) -> LoadedBriefing:
    """Read and check the project at ``root``, problems into ``report``.

    Raises ``ConfigError`` (its problems already in ``report``) when site_config is unusable.
    """
    config = load_site_config(root, report)
    files = load_content(root, report)
    briefing = resolve(files, config.schemas, config.raw_html, report)
    matcher = Matcher(briefing)
    check_briefing(briefing, matcher, report)
    return LoadedBriefing(config, briefing, report, matcher)

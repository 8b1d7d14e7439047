"""Front-end libraries served from the site itself, copied from their Python packages.

Leaflet comes from XStatic-Leaflet (its files, unchanged), never from a CDN.
"""

from __future__ import annotations

from pathlib import Path

import xstatic.pkg.leaflet as leaflet

LEAFLET_DIR = "assets/vendor/leaflet"
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/marker-icon.png", "images/marker-icon-2x.png",
                 "images/marker-shadow.png", "images/layers.png", "images/layers-2x.png")


def vendored_files() -> dict[str, Path]:
    """Site path → installed file."""
    base = Path(leaflet.BASE_DIR)
    return {f"{LEAFLET_DIR}/{name}": base / name for name in LEAFLET_FILES}

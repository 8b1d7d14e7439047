"""Front-end libraries served from the site itself, copied from their Python packages.

Leaflet comes from XStatic-Leaflet and its marker clustering plugin from
XStatic-Leaflet-MarkerCluster (their files, unchanged), never from a CDN.
"""

from __future__ import annotations

from pathlib import Path

import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster

LEAFLET_DIR = "assets/vendor/leaflet"
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/marker-icon.png", "images/marker-icon-2x.png",
                 "images/marker-shadow.png", "images/layers.png", "images/layers-2x.png")
MARKERCLUSTER_DIR = "assets/vendor/leaflet-markercluster"
MARKERCLUSTER_FILES = ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css")


def vendored_files() -> dict[str, Path]:
    """Site path → installed file."""
    files = {f"{LEAFLET_DIR}/{name}": Path(leaflet.BASE_DIR) / name for name in LEAFLET_FILES}
    files |= {f"{MARKERCLUSTER_DIR}/{name}": Path(markercluster.BASE_DIR) / name for name in MARKERCLUSTER_FILES}
    return files

"""What photos cost a build: the synthetic corpus with a 4000×3000 JPEG in one article of ten.

    .venv/bin/python benchmarks/photos.py 200

Writes the corpus of ``corpus.py`` (articles per language), adds to every tenth article
a camera-sized photo (deterministic noise over a gradient, which compresses like a photo,
not like a flat colour), placed in both texts and declared as the lead, then times
``briefing build`` three ways: the first build (every rendition made), a rebuild with
the cache, and a build of the same corpus without photos; seconds per photo is the
first build's difference from the one without photos, over the number of photos.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import write_corpus
from PIL import Image

PHOTO_EVERY = 10
PHOTO_SIZE = (4000, 3000)


def camera_photo(seed: int) -> Image.Image:
    rng = random.Random(seed)
    gradient = Image.linear_gradient("L").resize(PHOTO_SIZE)
    noise = Image.effect_noise(PHOTO_SIZE, 40 + rng.randint(0, 20))
    return Image.merge("RGB", (gradient, noise, Image.blend(gradient, noise, 0.5)))


def add_photos(root: Path) -> int:
    folders = sorted((root / "content" / "articles").glob("*/*"))
    for number, folder in enumerate(folders[::PHOTO_EVERY]):
        camera_photo(number).save(folder / "photo.jpg", "JPEG", quality=90)
        with open(folder / "meta.yml", "a", encoding="utf-8") as meta:
            meta.write("media:\n  - {file: photo.jpg, alt: {ar: صورة, en: A photo}, "
                       "credit: {ar: وكالة, en: An agency}, lead: true}\n")
        for lang in ("ar", "en"):
            with open(folder / f"{lang}.md", "a", encoding="utf-8") as text:
                text.write("\n![](photo.jpg)\n")
    return len(folders[::PHOTO_EVERY])


def timed_build(root: Path) -> float:
    with tempfile.TemporaryDirectory() as site:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "build_tools.cli", "build", "--root", str(root), "--site-dir", site],
                       check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", type=int)
    articles = parser.parse_args().articles
    with tempfile.TemporaryDirectory() as plain, tempfile.TemporaryDirectory() as illustrated:
        write_corpus(Path(plain), articles)
        write_corpus(Path(illustrated), articles)
        photos = add_photos(Path(illustrated))
        without = timed_build(Path(plain))
        first = timed_build(Path(illustrated))
        cached = timed_build(Path(illustrated))
    print(f"{articles} articles/lang, {photos} photos of {PHOTO_SIZE[0]}×{PHOTO_SIZE[1]}")
    print(f"build without photos {without:.1f} s; first build {first:.1f} s; rebuild with the cache {cached:.1f} s")
    print(f"seconds per photo (first build): {(first - without) / photos:.2f}")


if __name__ == "__main__":
    main()

"""Build a deterministic synthetic briefing of N articles and report time and page weight.

    .venv/bin/python benchmarks/build_site.py --articles 1000

Every article names three of 200 actors and two of 100 locations; the text is drawn
from a fixed Arabic vocabulary with a seeded generator, so two runs build the same site.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from build_tools.cli import main as briefing

REPO = Path(__file__).resolve().parent.parent
WORDS = ("قوات التحالف الدولي معركة دير الزور تنظيم داعش العشائر العربية مصدر كردي "
         "الحسكة الرقة نهر الفرات قوات النظام السخنة البادية مطار عسكري حصار").split()


LETTERS = "بتثجحخدذرزسشصضطظعغفقكمنهي"
KINDS = {"actors": ("قوة", "Force", "type: armed-group"), "locations": ("بلدة", "Town", "kind: town")}


def arabic_code(number: int) -> str:
    """A distinct Arabic word for each number, so every name is unique and has no digits."""
    word = ""
    while True:
        number, digit = divmod(number, len(LETTERS))
        word += LETTERS[digit]
        if not number:
            return word + "ان"


def name(kind: str, number: int, lang: str) -> str:
    arabic, english, _ = KINDS[kind]
    return f"{arabic} {arabic_code(number)}" if lang == "ar" else f"{english} {number}"


def write_corpus(root: Path, articles: int, seed: int = 2017) -> None:
    """Articles whose texts name the actors and locations they list, as editors write them."""
    rng = random.Random(seed)
    shutil.copytree(REPO / "site_config", root / "site_config")
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    content = root / "content"
    counts = {"actors": 200, "locations": 100}
    for kind, count in counts.items():
        (content / kind).mkdir(parents=True)
        for i in range(count):
            (content / kind / f"{kind[0]}{i}.yml").write_text(
                f"name: {{ar: {name(kind, i, 'ar')}, en: {name(kind, i, 'en')}}}\n{KINDS[kind][2]}\n",
                encoding="utf-8")
    for i in range(articles):
        month, day = 1 + i % 12, 1 + i % 28
        folder = content / "articles" / "2017" / f"a{i:05d}"
        folder.mkdir(parents=True)
        listed = {"actors": rng.sample(range(counts["actors"]), 3),
                  "locations": rng.sample(range(counts["locations"]), 2)}
        (folder / "meta.yml").write_text(
            f"date: 2017-{month:02d}-{day:02d}\nstatus: published\n"
            + "".join(f"{kind}: [{', '.join(f'{kind[0]}{n}' for n in ids)}]\n" for kind, ids in listed.items()),
            encoding="utf-8")
        names = {lang: " و".join(name(kind, n, lang) for kind, ids in listed.items() for n in ids)
                 for lang in ("ar", "en")}
        body = "\n\n".join(" ".join(rng.choices(WORDS, k=100)) for _ in range(6))
        (folder / "ar.md").write_text(f"---\ntitle: موجز رقم {i}\n---\nقالت {names['ar']} إن\n\n{body}\n",
                                      encoding="utf-8")
        (folder / "en.md").write_text(f"---\ntitle: Briefing {i}\n---\n{names['en'].replace(' و', ', ')} "
                                      f"said, report {i}.\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_corpus(root, args.articles)
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            briefing(["check", "--root", str(root)])
        checked = time.perf_counter() - started
        started = time.perf_counter()
        code = briefing(["build", "--root", str(root), "--site-dir", str(root / "site")])
        elapsed = time.perf_counter() - started
        if code:
            return code
        pages = [p for p in (root / "site").rglob("index.html") if "pagefind" not in p.parts]
        sizes = [p.stat().st_size / 1024 for p in pages]
        fragments = list((root / "site" / "pagefind").rglob("*.pf_fragment"))
        index_chunks = list((root / "site" / "pagefind").rglob("*.pf_index"))
        print(f"articles: {args.articles}, pages: {len(pages)}; briefing check {checked:.1f} s; "
              f"briefing build (check + site + feeds + search) {elapsed:.1f} s")
        print(f"page HTML: median {statistics.median(sizes):.1f} KB, max {max(sizes):.1f} KB")
        print(f"search: {len(index_chunks)} index chunks, {len(fragments)} fragments, largest chunk "
              f"{max(p.stat().st_size for p in index_chunks) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What a desk's everyday publishing costs: incremental builds against a clean one and Hugo.

    .venv/bin/python benchmarks/incremental.py 1000 10000

For each size (articles per language) the synthetic corpus of ``corpus.py`` is written,
then, in one run on this machine:

- a clean ``briefing build`` that fills the build cache (``.briefing-cache/``);
- ``briefing check`` without its cache, filling it, warm, and with one new article;
- ``briefing build`` again with nothing changed;
- publishing one new article (the corpus's next one): ``briefing build``, which checks,
  renders and indexes the search;
- editing one existing article's English text;
- renaming one actor in English (it is named on its own page, on those of the articles
  that list it and in every listing that shows their cards);
- Hugo's full build of the same articles (Debian's ``hugo``, when installed).

Each incremental row says how many pages were rendered again (new files) and how many
really changed (different bytes from the site before).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

from corpus import write_corpus
from run import BRIEFING, Run, measure, print_table, row, write_hugo_project


def _pages(site: Path) -> dict[str, tuple[int, bytes]]:
    """Each page of ``site``: its file's inode and the digest of its bytes (not the bytes:
    the commands measured are forked from this process, whose size counts in their peak
    until they start)."""
    return {path.relative_to(site).as_posix(): (path.stat().st_ino, hashlib.sha256(path.read_bytes()).digest())
            for path in site.rglob("*.html") if "pagefind" not in path.parts}


def _build(size: int, corpus: Path, what: str) -> str:
    """A row for ``briefing build`` of ``corpus``: its time, and which pages it rendered and changed."""
    before = _pages(corpus / "site")
    run = measure([*BRIEFING, "build", "--root", str(corpus), "--quiet"])
    after = _pages(corpus / "site")
    rendered = sum(1 for page, (inode, _) in after.items() if before.get(page, (None,))[0] != inode)
    changed = sum(1 for page, (_, text) in after.items() if page not in before or before[page][1] != text)
    return row(size, what, run, f"{rendered:,} of {len(after):,} pages rendered, {changed:,} changed")


def _add_next_article(corpus: Path, size: int, work: Path) -> None:
    """The article the corpus of ``size + 1`` articles adds (the same seed writes the same first ones)."""
    larger = work / "larger"
    write_corpus(larger, size + 1)
    new = max((larger / "content/articles").glob("*/*"), key=lambda folder: folder.name)
    shutil.copytree(new, corpus / "content/articles" / new.parent.name / new.name)
    shutil.rmtree(larger)


def _edit_article(corpus: Path) -> None:
    folders = sorted((corpus / "content/articles").glob("*/*"))
    text = folders[len(folders) // 2] / "en.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nA correction was received on the day.\n", encoding="utf-8")


def _rename_actor(corpus: Path) -> None:
    actor = corpus / "content/actors/a0.yml"
    actor.write_text(actor.read_text(encoding="utf-8").replace("en: Force 0}", "en: Force Zero}"), encoding="utf-8")


def benchmark(size: int, work: Path, hugo: str | None) -> list[str]:
    corpus = work / f"corpus-{size}"
    corpus.mkdir()
    write_corpus(corpus, size)
    check = [*BRIEFING, "check", "--root", str(corpus), "--quiet"]
    clean = measure([*BRIEFING, "build", "--root", str(corpus), "--quiet"])
    rows = [row(size, "clean build, filling the cache", clean),
            row(size, "briefing check, cold", measure([*check, "--no-cache"]))]
    (corpus / ".briefing-cache/check.json").unlink()  # the build filled it
    rows += [row(size, "briefing check, filling its cache", measure(check)),
             row(size, "briefing check, warm", measure(check)),
             _build(size, corpus, "build, nothing changed")]
    _add_next_article(corpus, size, work)
    rows.append(row(size, "briefing check, one new article", measure(check)))
    rows.append(_build(size, corpus, "publish one new article"))
    _edit_article(corpus)
    rows.append(_build(size, corpus, "edit one article"))
    _rename_actor(corpus)
    rows.append(_build(size, corpus, "rename one actor"))
    if hugo:
        project = write_hugo_project(corpus, work)
        hugo_run: Run = measure([hugo, "--quiet", "--source", str(project)])
        rows.append(row(size, "Hugo, full build", hugo_run))
    shutil.rmtree(corpus)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1000, 10000], help="articles per language")
    args = parser.parse_args()
    print_table(args.sizes, benchmark)
    return 0


if __name__ == "__main__":
    sys.exit(main())

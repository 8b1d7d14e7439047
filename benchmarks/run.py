"""Build time, memory, pages and payloads of our build against plain Material and Hugo.

    .venv/bin/python benchmarks/run.py 1000 5000 10000

For each size (articles per language) the synthetic corpus of ``corpus.py`` is written
once, then, in one run on this machine:

- ``briefing check`` and ``briefing build`` (the whole bilingual site: articles, every
  index and entity page, feeds, open data, search);
- plain Material: ``mkdocs build`` of only the same article pages, Arabic then English,
  with a one-entry navigation and no plugin (what Material costs per page at best);
- Material's blog: what an MkDocs user would set up for a bilingual news site, one
  project per language with Material's blog, tags and search plugins, each article a
  post (its actors as categories, its places as tags) and a page of the tags;
- Hugo (Debian's ``hugo``, when installed): the same article pages in both languages,
  with its list pages.

Time is wall-clock; memory is the peak resident size of the largest process
(``wait4``). The search payload is what a reader's browser fetches for a first query in
one language: the search page's scripts, Pagefind's API, the Web Worker it searches in
and its WebAssembly for that language, once; of each bundle (a group of results has one
or more, all merged into the first) its entry, metadata, largest index chunks (two for
an Arabic word, looked up by two forms, one for an English one) and, for Arabic, the
first result of each form, checked; and of each group ten result fragments.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import yaml
from corpus import name, write_corpus
from lxml import html

PYTHON = sys.executable
BRIEFING = [PYTHON, "-m", "build_tools.cli"]
MKDOCS = [PYTHON, "-m", "mkdocs"]


@dataclass
class Run:
    seconds: float
    peak_mb: float


def measure(command: list[str], cwd: Path | None = None) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        errors = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed:\n{errors[-3000:]}")
    return Run(elapsed, usage.ru_maxrss / 1024)


def measure_projects(projects: list[Path]) -> Run:
    """``mkdocs build`` of each project, one after the other: their times added, the largest peak."""
    runs = [measure([*MKDOCS, "build", "-q"], cwd=project) for project in projects]
    return Run(sum(r.seconds for r in runs), max(r.peak_mb for r in runs))


def _front_matter_and_body(path: Path) -> tuple[str, str]:
    """The title and the body of an article text (its front matter may hold more than the title)."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return str(yaml.safe_load(front)["title"]), body


def write_material_projects(corpus: Path, target: Path) -> list[Path]:
    """One MkDocs project per language holding only the article pages."""
    projects = []
    for lang in ("ar", "en"):
        project = target / f"material-{lang}"
        docs = project / "docs"
        (docs / "articles").mkdir(parents=True)
        (docs / "index.md").write_text("# Home\n", encoding="utf-8")
        for text in sorted(corpus.glob(f"content/articles/*/*/{lang}.md")):
            title, body = _front_matter_and_body(text)
            (docs / "articles" / f"{text.parent.name}.md").write_text(f"# {title}\n\n{body}", encoding="utf-8")
        (project / "mkdocs.yml").write_text(
            f"site_name: Baseline\ntheme: {{name: material, language: {lang}}}\nnav: [index.md]\n"
            "plugins: []\nvalidation: {nav: {omitted_files: ignore}}\n", encoding="utf-8")
        projects.append(project)
    return projects


def write_blog_projects(corpus: Path, target: Path) -> list[Path]:
    """One MkDocs project per language with Material's blog, tags and search plugins."""
    projects = []
    for lang in ("ar", "en"):
        project = target / f"blog-{lang}"
        docs = project / "docs"
        (docs / "blog" / "posts").mkdir(parents=True)
        (docs / "index.md").write_text("# Home\n", encoding="utf-8")
        (docs / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
        (docs / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", encoding="utf-8")
        for text in sorted(corpus.glob(f"content/articles/*/*/{lang}.md")):
            (docs / "blog" / "posts" / f"{text.parent.name}.md").write_text(_blog_post(text, lang), encoding="utf-8")
        (project / "mkdocs.yml").write_text(
            f"site_name: Baseline\ntheme: {{name: material, language: {lang}}}\n"
            f"plugins: [{{search: {{lang: {lang}}}}}, blog, tags]\n", encoding="utf-8")
        projects.append(project)
    return projects


def _blog_post(text: Path, lang: str) -> str:
    """An article as a post of Material's blog: its date, its actors as categories and its places as tags."""
    title, body = _front_matter_and_body(text)
    meta = yaml.safe_load((text.parent / "meta.yml").read_text(encoding="utf-8"))
    front = {"date": meta["date"],
             "categories": [name("actors", int(id_[1:]), lang) for id_ in meta["actors"]],
             "tags": [name("locations", int(id_[1:]), lang) for id_ in meta["locations"]]}
    return f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n# {title}\n\n{body}"


HUGO_LAYOUT = ("<!doctype html><html lang=\"{{ .Lang }}\"><head><title>{{ .Title }}</title></head>"
               "<body><nav><a href=\"{{ .Site.Home.RelPermalink }}\">{{ .Site.Title }}</a></nav>"
               "<main>{{ block \"main\" . }}{{ end }}</main></body></html>")


def write_hugo_project(corpus: Path, target: Path) -> Path:
    """The same article pages as a bilingual Hugo site, with list pages."""
    project = target / "hugo"
    (project / "layouts/_default").mkdir(parents=True)
    (project / "layouts/_default/baseof.html").write_text(HUGO_LAYOUT, encoding="utf-8")
    (project / "layouts/_default/single.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}', encoding="utf-8")
    (project / "layouts/_default/list.html").write_text(
        '{{ define "main" }}{{ range .Paginator.Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>'
        "{{ end }}{{ end }}", encoding="utf-8")
    (project / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Baseline"\ndefaultContentLanguage = "ar"\n'
        "defaultContentLanguageInSubdir = true\n[languages.ar]\ncontentDir = \"content/ar\"\n"
        "languageDirection = \"rtl\"\n[languages.en]\ncontentDir = \"content/en\"\n", encoding="utf-8")
    for text in sorted(corpus.glob("content/articles/*/*/*.md")):
        lang = text.stem
        title, body = _front_matter_and_body(text)
        date = text.parent.name[:10]
        page = project / "content" / lang / "articles" / f"{text.parent.name}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"---\ntitle: \"{title}\"\ndate: {date}\n---\n{body}", encoding="utf-8")
    return project


def site_figures(site: Path) -> dict[str, float]:
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    sizes = [p.stat().st_size for p in pages]
    articles = [p.stat().st_size for p in site.glob("*/articles/*/index.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {"pages": len(pages), "site_mb": total / 2**20, "largest_kb": max(sizes) / 1024,
            "largest_article_kb": max(articles) / 1024, "median_kb": statistics.median(sizes) / 1024}


FIRST_QUERY_CHUNKS = {"ar": 2, "en": 1}
"""Index chunks a one-word query loads from each bundle: an Arabic word is looked up by two forms."""
FIRST_QUERY_FRAGMENTS = 10
"""Result fragments a first query loads from each group of results: its first ten results."""
CHECKED_FRAGMENTS = {"ar": 2, "en": 0}
"""Fragments a first query loads from each bundle besides: an Arabic form's first result, checked."""


def search_payload_kb(site: Path, lang: str) -> float:
    """Bytes fetched for a first query on a ``lang`` page (see the module's docstring)."""
    bundles = sorted((site / "pagefind" / lang).iterdir())  # one or more per group of results
    first = site / "pagefind" / lang / "articles"  # loaded first; every other bundle merged into it
    total = float(sum(p.stat().st_size for p in (
        site / "assets" / "search.js", site / "assets" / "arabic-search.js", first / "pagefind.js",
        first / "pagefind-worker.js", *first.glob(f"wasm.{lang}.pagefind"))))
    fragments: dict[str, list[int]] = {}
    for bundle in bundles:
        fixed = [bundle / "pagefind-entry.json", *bundle.glob(f"pagefind.{lang}_*.pf_meta")]
        chunks = sorted(p.stat().st_size for p in bundle.glob(f"index/{lang}_*.pf_index"))
        sizes = [p.stat().st_size for p in bundle.glob(f"fragment/{lang}_*.pf_fragment")]
        fragments.setdefault(bundle.name.split("-")[0], []).extend(sizes)
        total += (sum(p.stat().st_size for p in fixed) + sum(chunks[-FIRST_QUERY_CHUNKS[lang]:])
                  + CHECKED_FRAGMENTS[lang] * statistics.median(sizes))
    for sizes in fragments.values():
        total += min(FIRST_QUERY_FRAGMENTS, len(sizes)) * statistics.median(sizes)
    return total / 1024


def events_first_load_kb(site: Path, lang: str) -> float:
    """Bytes a reader's browser fetches on first opening the ``lang`` events page, from the
    site itself: the page, its style sheets and scripts, and the data files of the
    periods it shows first (map tiles come from their own server and are not counted)."""
    page = site / lang / "events" / "index.html"
    document = html.parse(str(page)).getroot()
    assets: list[str] = [*document.xpath('//link[@rel="stylesheet"]/@href'), *document.xpath("//script/@src")]
    total: int = page.stat().st_size + sum((page.parent / url).resolve().stat().st_size for url in assets)
    chosen = [document.xpath(f'string(//select[@name="{name}"]/option[@selected]/@value)') for name in ("from", "to")]
    keys = document.xpath('//select[@name="from"]/option/@value')
    for key in keys[keys.index(chosen[0]):keys.index(chosen[1]) + 1]:
        total += (page.parent / f"{key}.json").stat().st_size
    return total / 1024


def row(size: int, what: str, run: Run, extra: str = "") -> str:
    return f"| {size:>6,} | {what:<28} | {run.seconds:>8.1f} | {run.peak_mb:>8.0f} | {extra}"


def benchmark(size: int, work: Path, hugo: str | None, peers: bool = True) -> list[str]:
    corpus = work / f"corpus-{size}"
    corpus.mkdir()
    write_corpus(corpus, size)
    rows = [row(size, "briefing check", measure([*BRIEFING, "check", "--root", str(corpus)])),
            row(size, "briefing translations", measure([*BRIEFING, "translations", "--root", str(corpus)]))]
    build = measure([*BRIEFING, "build", "--root", str(corpus), "--site-dir", str(corpus / "site")])
    figures = site_figures(corpus / "site")
    search = {lang: search_payload_kb(corpus / "site", lang) for lang in ("ar", "en")}
    events = {lang: events_first_load_kb(corpus / "site", lang) for lang in ("ar", "en")}
    rows.append(row(size, "briefing build (whole site)", build,
                    f"{figures['pages']:,} pages, {figures['site_mb']:.0f} MB, largest page "
                    f"{figures['largest_kb']:.0f} KB, article ≤ {figures['largest_article_kb']:.0f} KB; "
                    f"search first query: ar {search['ar']:.0f} KB, en {search['en']:.0f} KB; "
                    f"events page first load: ar {events['ar']:.0f} KB, en {events['en']:.0f} KB"))
    if not peers:
        shutil.rmtree(corpus)
        return rows
    material = measure_projects(write_material_projects(corpus, work))
    rows.append(row(size, "plain Material, articles only", material,
                    f"ratio briefing/Material {build.seconds / material.seconds:.2f}"))
    blogs = write_blog_projects(corpus, work)
    blog = measure_projects(blogs)
    pages = [len([p for p in (project / "site").rglob("*.html") if p.name != "404.html"]) for project in blogs]
    index_mb = max((project / "site/search/search_index.json").stat().st_size for project in blogs) / 2**20
    rows.append(row(size, "Material's blog, tags, search", blog,
                    f"ratio briefing/blog {build.seconds / blog.seconds:.2f}; {pages[0]:,} pages (ar), "
                    f"{pages[1]:,} (en); search index ≤ {index_mb:.0f} MB a language"))
    if hugo:
        project = write_hugo_project(corpus, work)
        hugo_run = measure([hugo, "--quiet", "--source", str(project)])
        rows.append(row(size, "Hugo, articles and lists", hugo_run,
                        f"ratio briefing/Hugo {build.seconds / hugo_run.seconds:.1f}"))
    shutil.rmtree(corpus)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1000, 5000, 10000],
                        help="articles per language")
    parser.add_argument("--no-peers", action="store_true", help="measure only briefing check and build")
    args = parser.parse_args()
    print_table(args.sizes, partial(benchmark, peers=not args.no_peers))
    return 0


def print_table(sizes: list[int], rows_of: Callable[[int, Path, str | None], list[str]]) -> None:
    """The rows ``rows_of(size, work folder, hugo)`` measures for each size, as one table."""
    hugo = shutil.which("hugo")
    print("| articles/lang | what | seconds | peak MB | notes |\n|---:|---|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            work = Path(folder) / str(size)
            work.mkdir()
            for line in rows_of(size, work, hugo):
                print(line, flush=True)
    if not hugo:
        print("(Hugo not installed: apt-get install hugo)")


if __name__ == "__main__":
    sys.exit(main())

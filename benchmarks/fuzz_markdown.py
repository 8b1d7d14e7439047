"""Fuzzing what an article body costs to check and to render: constructs whose time grows
faster than their length, or whose nesting exhausts Python's stack.

    .venv/bin/python benchmarks/fuzz_markdown.py [--seconds 600] [--seed 1] [--fail-after 5]

Random short constructs of Markdown syntax (brackets, emphasis, code, HTML, lists,
quotes, attribute lists…) are each amplified three ways: repeated on one line, one per
line, and as a nesting prefix. For each, the time of ``briefing check``'s Markdown rules
and of Python-Markdown with the site's own extensions (those of ``mkdocs.yml``) is
measured at two lengths four times apart (linear growth is four times); then the
largest amplification ``check`` still accepts is found and rendered. Printed: every
construct whose time grows more than ``SUPERLINEAR`` times, with how far ``check`` lets
it grow and how long that largest accepted body takes; every crash or RecursionError.
Exit status 1 when an accepted body crashed, recursed too deep or took more than
``--fail-after`` seconds: what ``check`` accepts must build in bounded time.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_tools.checks.bounds import unbounded
from build_tools.checks.markdown import find_unsafe
from build_tools.text.markup import mask_markup, placed_images

REPO = Path(__file__).resolve().parent.parent
ATOMS = ('[', ']', '(', ')', '![', '*', '**', '_', '__', '`', '```', '~~~', '<', '>', '</', '<a ', '<b>',
         '<div markdown>', '</div>', '{:', '{', '}', '&', '&#', ';', '\\', '!', '#', '-', '- ', '* ', '+ ',
         '> ', '1. ', '    ', '|', ':', '=', '\n', '\n\n', 'a', ' ', 'http://x.org', '[^1]', '!!! note',
         '[x]: ', '<!--', '-->', "'", '"', '@', '\t', '*a*', '[a]', '(b)', '[a](b)', '`a`', '<i>', '</i>',
         '{: .x}', '<x@y.z>', ':   ', '---', '***', '<![', '# h\n\n', '    - ', '!!! note\n    ')
SHORT, LONG = 250, 1000
MOST_REPEATS = 200_000
SUPERLINEAR = 8.0
"""Growth over a four-fold length above which a construct counts as superlinear (quadratic is 16)."""
MEASURABLE = 0.05
"""Seconds under which a time is too small to judge its growth."""
Render = Callable[[str], str]


def site_markdown() -> Render:
    """An article body rendered as MkDocs renders a page of the site: its own reading of raw
    HTML and links, then Python-Markdown with the extensions of ``mkdocs.yml``."""
    config = load_config(str(REPO / "mkdocs.yml"))
    docs = Path(tempfile.mkdtemp(prefix="fuzz-markdown-"))

    def render(text: str) -> str:
        (docs / "page.md").write_text(text, encoding="utf-8")
        file = File("page.md", str(docs), str(docs / "site"), True)
        page = Page(None, file, config)
        page.read_source(config)
        page.render(config, Files([file]))
        return page.content or ""

    return render


def accepted(text: str) -> bool:
    """``briefing check``'s Markdown rules on a body, in the pipeline's order: whether it is
    accepted under the lenient policy (``raw_html: strip``, where other findings are warnings)."""
    if unbounded(text):
        return False
    mask_markup(text)
    placed_images(text)
    return not any(finding.fatal for finding in find_unsafe(text))


def amplified(construct: str, times: int) -> Iterator[tuple[str, str]]:
    yield "on one line", construct * times
    yield "one per line", (construct + "\n") * times
    yield "as a nesting prefix", construct * times + "text"


def timed(function: Callable[[str], object], text: str) -> float:
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


def largest_accepted(construct: str, shape: str) -> int:
    """The most repeats of ``construct`` in ``shape`` that ``check`` accepts (0: none)."""
    def body(times: int) -> str:
        return dict(amplified(construct, times))[shape]

    low, high = 0, 1
    while high <= MOST_REPEATS and accepted(body(high)):
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if accepted(body(middle)) else (low, middle)
    return low


@dataclass
class Finding:
    construct: str
    shape: str
    growth: dict[str, float]
    """Check's and render's growth over a four-fold length."""
    repeats: int
    """The most repeats ``check`` accepts."""
    seconds: float
    """Rendering that largest accepted body; -1 for a RecursionError."""

    def __str__(self) -> str:
        growth = ", ".join(f"{what} x{value:.0f}" for what, value in self.growth.items())
        worst = "RecursionError" if self.seconds < 0 else f"{self.seconds:.2f} s"
        limit = "never refused" if self.repeats >= MOST_REPEATS else f"refused beyond {self.repeats:,} repeats"
        return f"{self.construct!r:<22} {self.shape:<20} {growth:<22} {limit:<34} largest accepted: {worst}"


def crashes(construct: str, render: Render) -> str | None:
    """What goes wrong rendering a few repeats of ``construct`` that ``check`` accepts, if anything."""
    for times in (1, 2, 3):
        for shape, text in amplified(construct, times):
            if accepted(text):
                try:
                    render(text)
                except Exception as error:
                    return f"{shape}, x{times}: {type(error).__name__}: {error}"
    return None


def probe(construct: str, render: Render) -> list[Finding]:
    findings = []
    for (shape, short), (_, long) in zip(amplified(construct, SHORT), amplified(construct, LONG), strict=True):
        growth = {}
        for what, function in (("check", accepted), ("render", render)):
            try:
                first, second = timed(function, short), timed(function, long)
            except RecursionError:
                first, second = 1.0, float("inf")
            except Exception:  # rendering what check refuses may fail: only accepted bodies count
                continue
            if second > MEASURABLE and second > SUPERLINEAR * first:
                growth[what] = second / first
        if not growth:
            continue
        repeats = largest_accepted(construct, shape)
        try:
            seconds = timed(render, dict(amplified(construct, repeats))[shape]) if repeats else 0.0
        except RecursionError:
            seconds = -1.0
        findings.append(Finding(construct, shape, growth, repeats, seconds))
    return findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fail-after", type=float, default=5.0,
                        help="seconds of rendering beyond which an accepted body fails the run")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    rng, render = random.Random(args.seed), site_markdown()
    deadline, tried, seen, failed = time.monotonic() + args.seconds, 0, set(), 0
    while time.monotonic() < deadline:
        construct = "".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 3)))
        if construct in seen:
            continue
        seen.add(construct)
        tried += 1
        try:
            crash = crashes(construct, render)
            findings = probe(construct, render)
        except Exception as error:  # a crash of check itself, or of rendering its largest accepted body
            crash, findings = f"{type(error).__name__}: {error}", []
        if crash:
            failed += 1
            print(f"FAIL {construct!r:<22} accepted by check, then crashed: {crash}"[:240], flush=True)
        for finding in findings:
            bad = finding.seconds < 0 or finding.seconds > args.fail_after
            failed += bad
            print(("FAIL " if bad else "     ") + str(finding), flush=True)
    print(f"{tried} constructs tried in {args.seconds:.0f} s; {failed} accepted bodies too slow or too deep",
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

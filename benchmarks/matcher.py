"""Entity matcher throughput: N aliases against 1,000 articles of 600 words.

    .venv/bin/python benchmarks/matcher.py            # 5,000 then 10,000 aliases

The corpus is deterministic (seeded). One Aho-Corasick pass per text means doubling the
aliases should leave the matching time about the same; building the automaton grows
with the aliases and is reported apart.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc

from build_tools.model.briefing import Briefing
from build_tools.model.entities import Actor, Localized, Names
from build_tools.text.matcher import Matcher

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
PREFIXES = ["", "", "", "و", "ب", "ال", "وال", "بال", "لل"]


def word(rng: random.Random) -> str:
    return "".join(rng.choices(LETTERS, k=rng.randint(3, 7)))


def registry(aliases: int, rng: random.Random) -> Briefing:
    briefing = Briefing()
    for i in range(aliases // 5):
        names = [" ".join(word(rng) for _ in range(rng.randint(1, 3))) for _ in range(5)]
        briefing.actors[f"a{i}"] = Actor(f"a{i}", Names(Localized(names[0], f"Actor {i}"),
                                                        aliases={"ar": tuple(names[1:])}), "armed-group")
    return briefing


def corpus(briefing: Briefing, articles: int, words: int, rng: random.Random) -> list[str]:
    names = [alias for actor in briefing.actors.values() for alias in actor.names.all_in("ar")]
    texts = []
    for _ in range(articles):
        tokens = [word(rng) for _ in range(words)]
        for position in rng.sample(range(words), 20):  # about 20 mentions an article
            tokens[position] = rng.choice(PREFIXES) + rng.choice(names)
        texts.append(" ".join(tokens))
    return texts


def run(aliases: int) -> None:
    briefing = registry(aliases, random.Random(0))  # a larger registry extends a smaller one
    texts = corpus(registry(5000, random.Random(0)), 1000, 600, random.Random(7))
    started = time.perf_counter()
    matcher = Matcher(briefing.name_forms())
    built = time.perf_counter() - started
    started = time.perf_counter()
    mentions = sum(len(matcher.find(text, "ar")) for text in texts)
    elapsed = time.perf_counter() - started
    tracemalloc.start()  # a second, slower pass: tracing would distort the timing
    for text in texts[:100]:
        matcher.find(text, "ar")
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    words = 600 * len(texts)
    print(f"{aliases:>6} aliases: automaton {built * 1000:.0f} ms; 1,000 articles × 600 words in "
          f"{elapsed:.2f} s = {words / elapsed:,.0f} words/s; {mentions} mentions; "
          f"peak {peak:.1f} MiB while matching one article")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aliases", type=int, nargs="+", default=[5000, 10000])
    for aliases in parser.parse_args().aliases:
        run(aliases)


if __name__ == "__main__":
    main()

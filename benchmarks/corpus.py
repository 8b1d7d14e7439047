"""A deterministic synthetic briefing: N articles per language, as an archive grows.

One article a day from 2000-01-01; each lists three actors and two locations and names
them in its Arabic and English text (about 500 words each, drawn from real conflict
vocabulary with a seeded generator), cites one source and reports two events (on its
day and the day before, at its places, between its actors, of ACLED's sub-event types
in turn); actors = N/10, locations = N/5 (each with coordinates in Syria), sources =
N/100. Each English text is recorded as the current translation of the Arabic one
(``translated_from``). Two calls with the same arguments write the same bytes.
"""

from __future__ import annotations

import datetime
import json
import random
import shutil
from pathlib import Path

import yaml

from build_tools.model.translations import TranslationRecord

REPO = Path(__file__).resolve().parent.parent
ARABIC_WORDS = (
    "قالت مصادر محلية إن قوات التحالف الدولي شنت غارات جوية على مواقع تنظيم داعش في ريف المدينة "
    "الشرقي بينما تقدمت القوات البرية نحو الأحياء الجنوبية وسط اشتباكات عنيفة مع عناصر التنظيم "
    "وأفاد ناشطون بنزوح مئات العائلات من القرى المحاذية لنهر الفرات باتجاه مخيمات الشمال وأكد "
    "مسؤول عسكري أن المعركة ستستمر حتى السيطرة الكاملة على حقول النفط والغاز في البادية السورية "
    "فيما حذرت منظمات إنسانية من تدهور الأوضاع المعيشية ونقص الغذاء والدواء في المناطق المحاصرة"
).split()
ENGLISH_WORDS = (
    "local sources said coalition aircraft struck positions held by the group in the eastern "
    "countryside while ground forces advanced toward the southern districts amid heavy clashes "
    "activists reported hundreds of families displaced from villages along the Euphrates toward "
    "camps in the north a military official said the battle would continue until full control "
    "of the oil and gas fields in the desert humanitarian groups warned of worsening conditions "
    "and shortages of food and medicine in besieged areas"
).split()
LETTERS = "بتثجحخدذرزسشصضطظعغفقكمنهي"
KINDS = {"actors": ("قوة", "Force", "type: armed-group"), "locations": ("بلدة", "Town", "kind: town"),
         "sources": ("وكالة", "Agency", "kind: news-agency")}
EVENTS_PER_ARTICLE = 2
FIRST_DAY = datetime.date(2000, 1, 1)
WORDS_PER_TEXT = 500


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


def entity_counts(articles: int) -> dict[str, int]:
    return {"actors": max(articles // 10, 3), "locations": max(articles // 5, 2), "sources": max(articles // 100, 1)}


def _sub_types() -> list[tuple[str, str]]:
    """(type, sub-type) of every ACLED sub-event type in the vocabulary, in its order."""
    vocabulary = yaml.safe_load((REPO / "site_config/vocabularies.yml").read_text(encoding="utf-8"))
    return [(term["type"], id_) for id_, term in vocabulary["event_sub_types"].items()]


def _registry_entry(kind: str, number: int, rng: random.Random) -> str:
    text = f"name: {{ar: {name(kind, number, 'ar')}, en: {name(kind, number, 'en')}}}\n{KINDS[kind][2]}\n"
    if kind == "locations":
        text += f"coordinates: {{lat: {rng.uniform(32.3, 37.3):.4f}, lon: {rng.uniform(35.7, 42.4):.4f}}}\n"
    return text


def _events(day: datetime.date, listed: dict[str, list[int]], source: int, sub_types: list[tuple[str, str]],
            first: int) -> str:
    """The article's two events: sub-types ``first`` and the next in turn."""
    lines = ["events:\n"]
    for index in range(EVENTS_PER_ARTICLE):
        type_, sub_type = sub_types[(first + index) % len(sub_types)]
        when = day - datetime.timedelta(days=index)
        actors = listed["actors"]
        lines.append(f"  - {{date: {when.isoformat()}, type: {type_}, sub_type: {sub_type}, "
                     f"location: l{listed['locations'][index % 2]}, "
                     f"actors: {{side_a: [a{actors[0]}], side_b: [a{actors[1]}], associated_a: [a{actors[2]}]}}, "
                     f"fatalities: {{best: {index + first % 7}}}, sources: [s{source}]}}\n")
    return "".join(lines)


def _prose(rng: random.Random, words: tuple[str, ...] | list[str], names: list[str]) -> str:
    """About 500 words in five paragraphs, with each listed name in the first one."""
    paragraphs = []
    for index in range(5):
        text = " ".join(rng.choices(words, k=WORDS_PER_TEXT // 5 - 4))
        if index == 0:
            text = f"{' ، '.join(names)} {text}" if words is ARABIC_WORDS else f"{', '.join(names)} {text}"
        paragraphs.append(text + ".")
    return "\n\n".join(paragraphs)


def _translated_from(title: str, body: str) -> str:
    """The front matter line that records a translation of the Arabic ``title`` and ``body``."""
    record = TranslationRecord.of("ar", title, None, body).as_data()
    return f"translated_from: {json.dumps(record)}\n"


def write_corpus(root: Path, articles: int, seed: int = 2017) -> None:
    """The project files (site_config, overrides, mkdocs.yml) and ``articles`` articles."""
    rng = random.Random(seed)
    shutil.copytree(REPO / "site_config", root / "site_config")
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    content = root / "content"
    counts = entity_counts(articles)
    for kind, count in counts.items():
        (content / kind).mkdir(parents=True)
        for i in range(count):
            (content / kind / f"{kind[0]}{i}.yml").write_text(_registry_entry(kind, i, rng), encoding="utf-8")
    sub_types = _sub_types()
    for i in range(articles):
        day = FIRST_DAY + datetime.timedelta(days=i)
        folder = content / "articles" / str(day.year) / f"{day.isoformat()}-a{i}"
        folder.mkdir(parents=True)
        listed = {kind: rng.sample(range(counts[kind]), 3 if kind == "actors" else 2)
                  for kind in ("actors", "locations")}
        source = rng.randrange(counts["sources"])
        (folder / "meta.yml").write_text(
            f"date: {day.isoformat()}\nstatus: published\n"
            + "".join(f"{kind}: [{', '.join(f'{kind[0]}{n}' for n in ids)}]\n" for kind, ids in listed.items())
            + f"sources: [{{source: s{source}}}]\n"
            + _events(day, listed, source, sub_types, i * EVENTS_PER_ARTICLE), encoding="utf-8")
        record = ""
        for lang, words, title in (("ar", ARABIC_WORDS, f"موجز رقم {i}"), ("en", ENGLISH_WORDS, f"Briefing {i}")):
            names = [name(kind, n, lang) for kind, ids in listed.items() for n in ids]
            body = f"{_prose(rng, words, names)}\n"
            (folder / f"{lang}.md").write_text(f"---\ntitle: {title}\n{record}---\n{body}", encoding="utf-8")
            record = _translated_from(title, body)

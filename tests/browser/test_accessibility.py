"""Accessibility and markup of every page kind, in both languages, in a real Chromium.

axe-core (npm ``axe-core``) runs inside each page; the Nu HTML Checker (npm ``vnu-jar``)
validates the same pages with the machine's Java. Both come from ``npm ci``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from browser_fixtures import require, screenshot, wait_until
from conftest import REPO

from build_tools.publish.linkcheck import page_file

NODE_MODULES = REPO / "node_modules"
AXE = NODE_MODULES / "axe-core/axe.min.js"
VNU = NODE_MODULES / "vnu-jar/build/dist/vnu.jar"
ARTICLE = "articles/2017-coalition-sdf-rift-deir-ez-zor/"
PAGE_KINDS = {"home": "", "article": ARTICLE, "actors": "actors/", "actor": "actors/sdf/",
              "locations": "locations/", "location": "locations/deir-ez-zor/", "source": "sources/rasd/",
              "tag": "tags/deir-ez-zor-campaign/", "search": "search/"}
PAGES = [(lang, path) for lang in ("ar", "en") for path in PAGE_KINDS.values()]
PAGE_IDS = [f"{lang}-{kind}" for lang in ("ar", "en") for kind in PAGE_KINDS]
LINKING = [(page, id_) for page, id_ in zip(PAGES, PAGE_IDS, strict=True) if page[1] != PAGE_KINDS["search"]]
"""The pages that link to entities: all but search."""
THEME_MARKUP_ERRORS = {
    # Material's base.html puts autocomplete="off" on its two toggle checkboxes, on purpose
    # (Firefox would otherwise restore their state on reload); the spec does not allow it there.
    # Upstream: squidfunk/mkdocs-material#1513 (closed, kept), validator/validator#1141.
    "Attribute “autocomplete” is only allowed when the input type is",
}


@pytest.fixture
def axe_page(new_context):
    require(AXE.is_file(), "axe-core", "run npm ci")
    context = new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)  # to inject axe
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("lang", "path"), PAGES, ids=PAGE_IDS)
def test_no_serious_or_critical_axe_violation(axe_page, site_url: str, lang: str, path: str, scheme: str) -> None:
    """In the light and the dark palette, which follows the reader's system setting."""
    axe_page.emulate_media(color_scheme=scheme)
    axe_page.goto(f"{site_url}{lang}/{path}")
    shown = axe_page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == {"light": "default", "dark": "slate"}[scheme]
    axe_page.add_script_tag(path=str(AXE))
    result = axe_page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['id']} ({v['impact']}): {v['help']}: {[n['target'] for n in v['nodes']]}"
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.slow
def test_html_of_every_page_kind_is_valid(sample_site: Path) -> None:
    require(shutil.which("java") is not None and VNU.is_file(), "vnu (Java and vnu-jar)",
            "install a Java runtime and run npm ci")
    files = [str(page_file(sample_site, f"/{lang}/{path}")) for lang, path in PAGES]
    checked = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                             capture_output=True, text=True, timeout=300)
    messages = json.loads(checked.stderr)["messages"]
    assert len(messages) >= 2 * len(files)  # the checker read every page: two theme errors on each
    ours = [f"{m['url'].removeprefix('file:' + str(sample_site))}:{m.get('lastLine')}: {m['message']}"
            for m in messages if not any(known in m["message"] for known in THEME_MARKUP_ERRORS)]
    assert ours == []


ATTACHED = re.compile("[وف]?(?:[بك]?ال|لل|[بكل])?")
"""The attached prefixes the documentation lists (docs/pages/reference/names.md), written out again here."""
VOWELS = re.compile("[\u064b-\u065f\u0670\u0640]")


def names_the_entity(text: str, lang: str, kind: str, id_: str) -> bool:
    """Whether ``text`` is a name of the entity in ``lang``, as its registry file writes it:
    its name, short name or an alias; in Arabic with an attached prefix, vowels left out,
    ال written ل after ل ("للوحدات الكوردية" names the YPG, alias "الوحدات الكوردية")."""
    entry = yaml.safe_load((REPO / "content" / kind / f"{id_}.yml").read_text(encoding="utf-8"))
    forms = [entry["name"][lang], entry.get("short_name", {}).get(lang),
             *entry.get("aliases", {}).get(lang, []), *entry.get("ambiguous_aliases", {}).get(lang, [])]
    if kind in ("sources", "tags") or lang == "en":
        return text in forms
    text = VOWELS.sub("", text)
    for form in filter(None, forms):
        written = [form, "ل" + form[1:]] if form.startswith("ال") else [form]
        if any(text.endswith(name) and ATTACHED.fullmatch(text[:-len(name)]) for name in written):
            return True
    return False


@pytest.mark.parametrize(("lang", "path"), [page for page, _ in LINKING], ids=[id_ for _, id_ in LINKING])
def test_links_to_entities_are_named_by_the_entity_in_the_page_language(page, site_url: str, lang: str,
                                                                      path: str) -> None:
    page.goto(f"{site_url}{lang}/{path}")
    links = page.evaluate("""() => [...document.querySelectorAll('.md-content a[href]:not([href^="#"])')]
        .map(a => ({path: new URL(a.href).pathname.split('/').filter(Boolean).slice(-3),
                    name: a.getAttribute('aria-label') || a.innerText.trim()}))""")
    kinds = ("actors", "locations", "sources", "tags")
    entity_links = [(link["path"], link["name"]) for link in links
                    if len(link["path"]) == 3 and link["path"][0] == lang and link["path"][1] in kinds]
    assert entity_links, "the page links to no entity"
    unnamed = [(where, name) for where, name in entity_links if not names_the_entity(name, lang, where[1], where[2])]
    assert unnamed == []


@pytest.mark.parametrize(("lang", "path"), PAGES, ids=PAGE_IDS)
def test_text_in_the_other_script_is_marked_with_its_language(page, site_url: str, lang: str, path: str) -> None:
    page.goto(f"{site_url}{lang}/{path}")
    other, pattern = ("en", "[A-Za-z]") if lang == "ar" else ("ar", "[\\u0600-\\u06ff]")
    # <noscript> holds raw text (its markup too) while scripts run: it is left out.
    unmarked = page.evaluate("""([other, pattern]) => {
        const script = new RegExp(pattern), found = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode, element = node.parentElement;
            if (!script.test(node.data)) continue;
            if (element.closest('script, style, noscript, code, [hidden], svg, .briefing-map')) continue;
            if (element.closest('[lang]').lang !== other) found.push(node.data.trim());
        }
        return found;
    }""", [other, pattern])
    assert unmarked == []


@pytest.mark.parametrize("path", [ARTICLE, "actors/sdf/"], ids=["article", "actor"])
def test_arabic_pages_fit_a_phone_without_scrolling_sideways(new_context, site_url: str, path: str) -> None:
    context = new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_url}ar/{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for box in page.locator(".briefing-facts dt, .briefing-facts dd").all():
        where = box.bounding_box()
        assert where["x"] >= 0 and where["x"] + where["width"] <= 375
        assert float(box.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px")) >= 12
    labels, values = page.locator(".briefing-facts dt").all(), page.locator(".briefing-facts dd").all()
    assert labels and len(labels) == len(values)
    for label, value in zip(labels, values, strict=True):  # each label above its value, full width
        above, below = label.bounding_box(), value.bounding_box()
        assert below["y"] >= above["y"] + above["height"] - 1 and below["width"] > 300
    screenshot(page, f"ar-{path.split('/')[0]}-375px")
    context.close()


@pytest.mark.parametrize(("lang", "path"), PAGES, ids=PAGE_IDS)
def test_heading_levels_go_down_one_at_a_time(page, site_url: str, lang: str, path: str) -> None:
    """One h1, no level skipped, and an article card's title one level under the heading of
    the list it is in: a screen reader's outline of the page is whole."""
    page.goto(f"{site_url}{lang}/{path}")
    headings = page.evaluate("""() => [...document.querySelectorAll('.md-content :is(h1, h2, h3, h4, h5, h6)')]
        .map(h => [Number(h.tagName[1]), h.classList.contains('briefing-card__title')])""")
    levels = [level for level, _ in headings]
    assert levels[:1] == [1] and levels.count(1) == 1
    assert [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1] == []
    section = 1
    for level, is_card in headings:
        if is_card:
            assert level == section + 1
        else:
            section = level


@pytest.mark.parametrize(("lang", "path"), PAGES, ids=PAGE_IDS)
def test_the_first_tab_reaches_a_skip_link_to_the_content(page, site_url: str, lang: str, path: str) -> None:
    page.goto(f"{site_url}{lang}/{path}")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.classList.contains('md-skip'), "
                            "document.activeElement.textContent.trim()]")
    skip = yaml.safe_load((REPO / f"site_config/i18n/{lang}.yml").read_text(encoding="utf-8"))["skip_to_content"]
    assert focused == [True, skip]
    wait_until(page, lambda: page.evaluate("() => getComputedStyle(document.activeElement).opacity") == "1")
    if path == ARTICLE:
        screenshot(page, f"skip-link-{lang}", full_page=False)
    page.keyboard.press("Enter")
    wait_until(page, lambda: page.evaluate("() => document.activeElement.id") == "briefing-content")

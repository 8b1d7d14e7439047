"""site_config/ is written by whoever opens a pull request, as content/ is: what check
accepts of it builds, and none of it writes itself into the policy, a page's scripts or a
page's size. (The cases a red-team pass found with the safety round's first version.)"""

from __future__ import annotations

import pytest
import yaml
from conftest import Project, write_minimal_article

from build_tools.cli import main
from build_tools.i18n.locale import Locale
from build_tools.site.headers import TileAddressError, tile_origin
from build_tools.text.htmlpolicy import sanitize


def set_site(project: Project, **values: object) -> None:
    path = project.root / "site_config/site.yml"
    site = yaml.safe_load(path.read_text(encoding="utf-8"))
    site.update(values)
    path.write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")


def set_string(project: Project, lang: str, key: str, value: str) -> None:
    path = project.root / f"site_config/i18n/{lang}.yml"
    strings = yaml.safe_load(path.read_text(encoding="utf-8"))
    strings[key] = value
    path.write_text(yaml.safe_dump(strings, allow_unicode=True), encoding="utf-8")


def errors(project: Project, capsys) -> list[str]:
    code, lines = project.check(capsys)
    assert code == 1 and capsys.readouterr().err == ""
    return [line for line in lines if ": error: " in line]


@pytest.mark.parametrize("base_url", ["https://example.org/b", "https://example.org/b?x=1", "https://example.org/a&b/",
                                      'https://example.org/a"><svg/onload=alert(1)>/', "http://[::1/",
                                      "https://example.org/#x/", "javascript:alert(1)//"])
def test_a_base_url_the_pages_cannot_carry_is_refused(project: Project, capsys, base_url: str) -> None:
    set_site(project, base_url=base_url)
    write_minimal_article(project)
    assert errors(project, capsys) == [
        "site_config: error: content not checked: fix site_config first [site-config]",
        f"site_config/site.yml:{site_line(project, 'base_url')}:11: error: base_url: {base_url!r} is not the site's "
        "address: http:// or https://, a host name, then a path of letters, digits and - _ . ~ ending with / "
        "[invalid-format]"]


def site_line(project: Project, key: str) -> int:
    lines = (project.root / "site_config/site.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(f"{key}:"))


@pytest.mark.parametrize("base_url", ["https://example.org/", "https://example.org/news/briefing/",
                                      "http://localhost:8000/"])
def test_a_site_at_any_plain_address_builds_its_not_found_page(project: Project, base_url: str) -> None:
    """The 404 page names its scripts from the site's root: its path, with or without the host's."""
    set_site(project, base_url=base_url)
    write_minimal_article(project)
    assert main(["build", "--root", str(project.root), "--no-cache", "--quiet"]) == 0
    assert (project.root / "site/404.html").is_file()


@pytest.mark.parametrize(("value", "fault"), [
    ("{count:>30000000} min read", "'{count:>30000000}' is not a placeholder: write a name alone between braces, "
                                   "as in {count}"),
    ("{count.__class__} min read", "'{count.__class__}' is not a placeholder: write a name alone between braces, "
                                   "as in {count}"),
    ("{count!r} min read", "'{count!r}' is not a placeholder: write a name alone between braces, as in {count}"),
    ("{count} min {", "Single '{' encountered in format string: a brace that is text is written twice"),
])
def test_an_interface_string_is_filled_with_names_only(project: Project, capsys, value: str, fault: str) -> None:
    set_string(project, "en", "reading_time_other", value)
    write_minimal_article(project)
    assert errors(project, capsys) == [
        "site_config: error: content not checked: fix site_config first [site-config]",
        f"site_config/i18n/en.yml:{string_line(project, 'en', 'reading_time_other')}:21: error: "
        f"interface string 'reading_time_other': {fault} [site-config]"]


def string_line(project: Project, lang: str, key: str) -> int:
    lines = (project.root / f"site_config/i18n/{lang}.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(f"{key}:"))


def test_an_interface_string_fills_what_the_other_language_fills(project: Project, capsys) -> None:
    set_string(project, "en", "reading_time_other", "{nope} min read")
    write_minimal_article(project)
    assert errors(project, capsys) == [
        "site_config: error: content not checked: fix site_config first [site-config]",
        "site_config/i18n/en.yml: error: interface string 'reading_time_other' fills {nope} here but {count} in "
        "ar.yml: the pages give both languages the same values [site-config]"]


def test_a_placeholder_the_page_gives_no_value_for_stays_as_written() -> None:
    locale = Locale("en", {"page_of": "Page {page} of {pages} {nope}"}, {}, ("en_GB",), "latn")
    assert locale.t("page_of", page=1, pages=2) == "Page 1 of 2 {nope}"


@pytest.mark.parametrize("url", ["https://a.org; report-uri https://evil.example/r; img-src */{z}/{x}/{y}.png",
                                 "https://a.org 'unsafe-inline'/{z}/{x}/{y}", "http://a.org/{z}/{x}/{y}",
                                 "https://a.org,b.org/{z}/{x}/{y}", "https://'self'/{z}/{x}/{y}"])
def test_a_tile_address_never_writes_itself_into_the_policy(url: str) -> None:
    with pytest.raises(TileAddressError):
        tile_origin(url)


def test_a_plain_tile_address_is_its_origin() -> None:
    assert tile_origin("https://{s}.tile.example.org:8080/{z}/{x}/{y}.png") == "https://*.tile.example.org:8080"


@pytest.mark.parametrize("source", ["/\n/evil.example/t.png", "\t//evil.example/t.png", "/\t/evil.example/t.png",
                                    "\x01https://evil.example/t.png", "ht\ntps://evil.example/t.png"])
def test_an_image_address_a_browser_reads_as_another_host_is_removed(source: str) -> None:
    assert sanitize(f'<p><img src="{source}" alt="x"></p>') == '<p><img alt="x"></p>'

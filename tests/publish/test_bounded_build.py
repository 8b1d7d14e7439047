"""What passes ``check`` builds, in bounded time: Markdown that would render in more than
linear time (or recurse too deep) is refused at its line, merge conflicts git left are
refused before parsing, and a page that still takes too long stops the build by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, Project, write_minimal_article
from fuzz_markdown import ATOMS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.checks.bounds import (
    MAX_BACKTICKS,
    MAX_HEADINGS,
    MAX_NESTING,
    MAX_PARAGRAPHS,
    unbounded,
)
from build_tools.cli import main
from build_tools.diagnostics import Report
from build_tools.pipeline.load import check_project
from build_tools.publish.linkcheck import page_file

FOLDER = "content/articles/2017/2017-08-07-a"


def checked_body(project: Project, capsys, body: str) -> tuple[int, list[str]]:
    write_minimal_article(project, en=f"---\ntitle: A rift\n---\n{body}")
    return project.check(capsys)


DENSITY = ("too much Markdown syntax to render in bounded time: the densest paragraph, which starts here, has {} "
           "characters on {} with {} of [ ! * _ ` < & \\ ~ {{; is it pasted data? Separate its paragraphs with blank "
           "lines or remove the marks")


@pytest.mark.parametrize(("body", "line", "column", "message"), [
    pytest.param("Intro.\n\n" + "[" * 30_000 + "\n", 6, 1,
                 DENSITY.format("30,000", "1 line", "30,000") + " [unbounded-markdown]", id="unmatched-brackets"),
    pytest.param("a `b` " * 2_000 + "\n", 4, 1,
                 DENSITY.format("12,000", "1 line", "4,000") + " [unbounded-markdown]", id="code-spans"),
    pytest.param("text\n" + "- x\n" * 3_000, 4, 1,
                 DENSITY.format("12,004", "3,001 lines", 0) + " [unbounded-markdown]", id="lines-of-one-paragraph"),
    pytest.param("Intro.\n\n" + "- " * 300 + "x\n", 6, 1,
                 f"300 lists or quotes nested on one line (at most {MAX_NESTING}): Markdown would nest them one inside "
                 "another [unbounded-markdown]", id="nested-list-markers"),
    pytest.param("Intro.\n\n" + "1. - 2) * > " * 5 + "x\n", 6, 1,
                 f"25 lists or quotes nested on one line (at most {MAX_NESTING}): Markdown would nest them one inside "
                 "another [unbounded-markdown]", id="mixed-markers"),
    pytest.param("Intro.\n\n" + ">" * 200 + " text\n", 6, 1,
                 f"200 lists or quotes nested on one line (at most {MAX_NESTING}): Markdown would nest them one inside "
                 "another [unbounded-markdown]", id="nested-quotes"),
    pytest.param("Intro: " + "`" * 1_000 + "\n", 4, 8,
                 f"a run of 1,000 backticks (at most {MAX_BACKTICKS}) [unbounded-markdown]", id="backtick-run"),
    pytest.param("".join(f"## Update\n\nText {n}.\n\n" for n in range(MAX_HEADINGS + 1)), 4 + 4 * MAX_HEADINGS, 1,
                 f"more than {MAX_HEADINGS} headings in one text: split the article [unbounded-markdown]",
                 id="headings"),
    pytest.param("word\n\n" * (MAX_PARAGRAPHS + 1), 4 + 2 * MAX_PARAGRAPHS, 1,
                 f"more than {MAX_PARAGRAPHS:,} paragraphs in one text: split the article [unbounded-markdown]",
                 id="paragraphs"),
])
def test_markdown_that_would_not_render_in_bounded_time_is_refused_at_its_line(
        project: Project, capsys, body: str, line: int, column: int, message: str) -> None:
    code, lines = checked_body(project, capsys, body)
    assert (code, lines) == (1, [f"{FOLDER}/en.md:{line}:{column}: error: {message}", "1 error, 0 warnings"])


def test_what_an_article_needs_is_far_within_the_limits() -> None:
    text = (REPO / "content/articles/2017/2017-coalition-sdf-rift-deir-ez-zor/ar.md").read_text(encoding="utf-8")
    long_article = "\n\n".join([text] * 30)  # some 30 pages, with every link and mark of the sample
    assert unbounded(long_article) is None
    nested = "- a\n  - b\n    - c\n      1. d\n         > e\n"
    assert unbounded(nested * 50) is None
    assert unbounded("```python\nx = 1\n```\n" * 100) is None


UNCLOSED_FORMS = "\n\n<a x <b> </y <!z <?q 1 < 2 <3 <ب <<i"
"""38 characters holding 5 tags that no '>' closes (``<a``, ``</``, ``<!``, ``<?`` and the last
``<i``); ``<b>`` is closed, and ``< 2``, ``<3``, ``<ب`` and the first ``<`` of ``<<`` start no
tag (``html.parser`` starts one only at an ASCII letter, ``/``, ``!`` or ``?``)."""


def _unclosed_at_the_limit() -> str:
    """500 unclosed tags in 10,000 characters: 500 × 10,000 = MAX_COST."""
    forms = UNCLOSED_FORMS * 100
    return forms + "w" * (10_000 - len(forms))


def _dense_paragraphs(extra: str = "") -> str:
    """Five paragraphs of 999 ``[`` and a letter, (999 marks + 1 line) × 1,000 characters each:
    together MAX_COST, though each is a fifth of it; ``extra`` ends the second."""
    paragraph = "[" * 999 + "w"
    return "\n\n".join([paragraph, paragraph + extra, paragraph, paragraph, paragraph])


@pytest.mark.parametrize("within, over, offset, message", [
    pytest.param("- " * MAX_NESTING + "x", "Intro.\n\n" + "> " * (MAX_NESTING + 1) + "x", 8,
                 f"{MAX_NESTING + 1} lists or quotes nested on one line (at most {MAX_NESTING}): Markdown would nest "
                 "them one inside another", id="nesting"),
    pytest.param("`" * MAX_BACKTICKS + " x " + "`" * MAX_BACKTICKS, "ab " + "`" * (MAX_BACKTICKS + 1), 3,
                 f"a run of {MAX_BACKTICKS + 1} backticks (at most {MAX_BACKTICKS})", id="backticks"),
    pytest.param("# h\n" * MAX_HEADINGS, "# h\n" * MAX_HEADINGS + "t\n---\n", 4 * MAX_HEADINGS + 2,
                 f"more than {MAX_HEADINGS} headings in one text: split the article", id="headings"),
    pytest.param("\n\n" + "w\n\n" * MAX_PARAGRAPHS, "\n\n" + "w\n\n" * MAX_PARAGRAPHS + "w", 2 + 3 * MAX_PARAGRAPHS,
                 f"more than {MAX_PARAGRAPHS:,} paragraphs in one text: split the article", id="paragraphs"),
    pytest.param(_unclosed_at_the_limit(), _unclosed_at_the_limit() + "w", 2,
                 "500 HTML tags that no '>' closes, the first here: reading the text once for each would not end in "
                 "bounded time; close them, or write '<' as '&lt;'", id="unclosed"),
    pytest.param("[" * 1_999 + "w" * 501, "[" * 2_000 + "w" * 501, 0,
                 DENSITY.format("2,501", "1 line", "2,000"), id="density"),
    pytest.param("[" * 2_235, "[" * 2_236, 0, DENSITY.format("2,236", "1 line", "2,236"),
                 id="density-of-the-shortest-text-over"),
    pytest.param(_dense_paragraphs(), _dense_paragraphs(extra="w"), 1_002,
                 DENSITY.format("1,001", "1 line", 999), id="density-summed-over-paragraphs"),
    pytest.param("[" * 1_498 + "\nw" * 501, "[" * 1_499 + "\nw" * 501, 0,
                 DENSITY.format("2,501", "502 lines", "1,499"), id="density-of-lines"),
])
def test_each_limit_holds_exactly(within: str, over: str, offset: int, message: str) -> None:
    """A text at a limit is accepted; one step over, refused where the step is."""
    assert unbounded(within) is None
    found = unbounded(over)
    assert found is not None
    assert (found.offset, found.message) == (offset, message)


POLICY = " (raw_html: reject in site_config/site.yml) [raw-html]"
UNREADABLE = ("raw HTML that the site's renderer cannot read (the build would stop here): write '<' as '&lt;'"
              " [unreadable-html]")


def test_only_the_refused_text_is_left_out_of_later_checks(project: Project, capsys) -> None:
    """The Arabic text over a limit is reported once, not also for the script it holds; the
    English text, within the limits, is still checked."""
    write_minimal_article(project, ar="---\ntitle: خلاف\n---\n<script>x</script>\n\n" + "`" * 40 + "\n",
                          en="---\ntitle: A rift\n---\n<script>x</script>\n")
    assert project.check(capsys) == (1, [
        f"{FOLDER}/ar.md:6:1: error: a run of 40 backticks (at most {MAX_BACKTICKS}) [unbounded-markdown]",
        f"{FOLDER}/en.md:4:1: error: raw HTML <script> is not allowed" + POLICY, "2 errors, 0 warnings"])


@pytest.mark.parametrize("body, column, message", [
    pytest.param("Text <![) more.\n", 6, UNREADABLE, id="unreadable-declaration"),
    pytest.param(":   <![\n", 5, UNREADABLE, id="unreadable-at-the-end"),
    pytest.param("[x]: <![-->\n", 6, UNREADABLE, id="unreadable-in-a-link-definition"),
    pytest.param("Text <![CDATA[x]]> more.\n", 6, "raw HTML section '<![…]>' is not allowed" + POLICY, id="cdata"),
    pytest.param("<b>x</b> <![)<i> more.\n", 10, UNREADABLE, id="unreadable-before-a-tag"),
    pytest.param("<b>x</b> <![<i> more.\n", 10, UNREADABLE, id="unreadable-holding-a-tag"),
    pytest.param("<b>a</b> <![foo[x]]> more.\n", 10, UNREADABLE, id="unreadable-at-its-first-character"),
    pytest.param("Price &#<script>x</script>\n", 9, "raw HTML <script> is not allowed" + POLICY,
                 id="after-a-broken-character-reference"),
    pytest.param("[a] {b} <script>x</script>\n", 9, "raw HTML <script> is not allowed" + POLICY,
                 id="among-every-mark-of-markup"),
    pytest.param("<![) first.\n", 1, UNREADABLE, id="unreadable-at-the-start"),
    pytest.param("`code` then <iframe src=x></iframe>\n", 13, "raw HTML <iframe> is not allowed" + POLICY,
                 id="after-a-code-span"),
    pytest.param("Text <?php echo 1 ?> more.\n", 6, "raw HTML processing instruction '<?…>' is not allowed" + POLICY,
                 id="processing-instruction"),
    pytest.param("Text <!DOCTYPE html> more.\n", 6, "raw HTML declaration '<!…>' is not allowed" + POLICY,
                 id="doctype"),
])
def test_raw_html_the_renderer_cannot_read_or_would_copy_is_reported(project: Project, capsys, body: str,
                                                                      column: int, message: str) -> None:
    """MkDocs's own HTML reading fails on "<![)" (mkdocs/mkdocs#4001); check reads raw HTML
    with the same tokenizer, so it reports what would fail the build, and what the page
    would carry unchecked."""
    assert checked_body(project, capsys, body) == (1, [f"{FOLDER}/en.md:4:{column}: error: {message}",
                                                       "1 error, 0 warnings"])


def lenient(project: Project) -> None:
    """``raw_html: strip``: raw HTML outside the allowlist is a warning, removed from the page."""
    site = project.root / "site_config/site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("raw_html: reject", "raw_html: strip"), encoding="utf-8")


@pytest.mark.parametrize("body, where", [
    ("First paragraph.\n\nThe <b>SDF</b> and\tthen <![) here.\n", "6:25"),
    ("A <i>first</i>\n\nthen </i> one\n<b>a</b> <![foo[x]]> here.\n", "7:10"),
    ("A <i>first</i>\n\nthen </i> one\n<b>x</b> <![)<i> here.\n", "7:10"),
])
def test_unreadable_html_is_reported_where_it_is_on_a_later_line(project: Project, capsys, body: str,
                                                                  where: str) -> None:
    assert checked_body(project, capsys, body) == (1, [
        f"{FOLDER}/en.md:{where}: error: {UNREADABLE}", "1 error, 0 warnings"])


def test_a_marked_section_cut_off_at_the_end_is_read_as_the_renderer_reads_it(project: Project, capsys) -> None:
    """The renderer reads a text with blank lines after it, and "<![if" then is only text."""
    assert checked_body(project, capsys, "Text <![if") == (0, ["0 errors, 0 warnings"])


def test_raw_html_the_renderer_cannot_read_is_an_error_under_either_policy(project: Project, capsys) -> None:
    lenient(project)
    assert checked_body(project, capsys, "Text <![) and <b onclick=x>b</b>.\n") == (1, [
        f"{FOLDER}/en.md:4:6: error: {UNREADABLE}", "1 error, 0 warnings"])


def test_unclosed_tags_that_would_be_read_to_the_end_each_are_refused(project: Project, capsys) -> None:
    body = "<a x\n\n" * 2_000
    assert checked_body(project, capsys, body) == (1, [
        f"{FOLDER}/en.md:4:1: error: 2,000 HTML tags that no '>' closes, the first here: reading the text once for "
        "each would not end in bounded time; close them, or write '<' as '&lt;' [unbounded-markdown]", "1 error, 0"
                                                                                                       " warnings"])
    assert unbounded("word <sup>2</sup>\n\n" * 2_000) is None  # closed tags cost nothing more


CONFLICT = "<<<<<<< HEAD\n{ours}=======\n{theirs}>>>>>>> editor/rift\n"


@pytest.mark.parametrize("relative, text, first_line", [
    pytest.param("content/actors/sdf.yml", "name:\n" + CONFLICT.format(ours="  ar: قسد\n", theirs="  ar: قوات سوريا\n")
     + "type: armed-group\n", 2, id="registry"),
    pytest.param(f"{FOLDER}/en.md", "---\ntitle: A rift\n---\n" + CONFLICT.format(ours="The SDF.\n",
                 theirs="The Coalition.\n"), 4, id="markdown"),
    pytest.param(f"{FOLDER}/meta.yml", "date: 2017-08-07\n" + CONFLICT.format(ours="status: draft\n",
                 theirs="status: published\n"), 2, id="meta"),
    pytest.param("site_config/i18n/en.yml", CONFLICT.format(ours="home: Home\n", theirs="home: Front page\n")
                 + (REPO / "site_config/i18n/en.yml").read_text(encoding="utf-8").replace("home: Home\n", ""), 1,
                 id="site-config"),
])
def test_a_merge_conflict_is_reported_at_each_marker_before_the_file_is_read(
        project: Project, capsys, relative: str, text: str, first_line: int) -> None:
    write_minimal_article(project)
    project.write(relative, text)
    code, lines = project.check(capsys)
    advice = "keep the right version of the lines between the markers, then delete the marker lines [merge-conflict]"
    assert code == 1
    assert [line for line in lines if "merge conflict" in line] == [
        f"{relative}:{first_line}:1: error: unresolved merge conflict: '<<<<<<<' (start of the version on this "
        f"branch); {advice}",
        f"{relative}:{first_line + 2}:1: error: unresolved merge conflict: '=======' (separator of the two versions); "
        f"{advice}",
        f"{relative}:{first_line + 4}:1: error: unresolved merge conflict: '>>>>>>>' (end of the other branch's "
        f"version); {advice}"]
    assert not any("YAML syntax error" in line for line in lines)


def test_a_heading_underlined_with_equal_signs_is_not_a_conflict(project: Project, capsys) -> None:
    assert checked_body(project, capsys, "Background\n=======\n\nThe SDF and the Coalition.\n") == (
        0, ["0 errors, 0 warnings"])


def test_a_page_over_its_time_limit_stops_the_build_by_name_and_keeps_the_site(project: Project, capsys) -> None:
    write_minimal_article(project)
    site = project.root / "out"
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 0
    before = page_file(site, "/en/articles/2017-08-07-a/").read_bytes()
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - briefing\n", "  - briefing:\n      page_time_limit: 0.000001\n"), encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--root", str(project.root), "--site-dir", str(site)]) == 1
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith(f"briefing: error: the site was not built, {site} is unchanged: ")
    assert error.endswith("/: rendering took more than 1e-06 s (page_time_limit in mkdocs.yml)")
    assert page_file(site, "/en/articles/2017-08-07-a/").read_bytes() == before


CONSTRUCTS = st.lists(st.sampled_from(ATOMS), min_size=1, max_size=3).map("".join)
BODIES = st.lists(st.tuples(CONSTRUCTS, st.sampled_from([1, 7, 40, 300, 1100])), min_size=1, max_size=5).map(
    lambda parts: "".join(construct * times for construct, times in parts))
"""Random Markdown syntax, each construct repeated from once to a thousand times."""


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bodies=st.lists(BODIES, min_size=4, max_size=4))
def test_whatever_check_accepts_builds(tmp_path_factory, bodies: list[str]) -> None:
    """The articles ``check`` accepts build, each page within its time limit (the build
    fails on a page that takes longer); those it refuses are taken out first. Under the
    lenient policy, where raw HTML outside the allowlist is only a warning."""
    project = Project(tmp_path_factory.mktemp("fuzzed"))
    lenient(project)
    for number, body in enumerate(bodies, start=1):
        write_minimal_article(project, slug=f"2017-08-0{number}-a", en=f"---\ntitle: A rift\n---\n{body}\n")
    report = Report()
    check_project(project.root, report)
    for refused in {Path(error.position.file).parent for error in report.errors}:
        shutil.rmtree(project.root / refused)
    assert main(["check", "--root", str(project.root)]) == 0
    assert main(["build", "--root", str(project.root), "--site-dir", str(project.root / "out")]) == 0

"""The ``briefing`` command."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from .config import CONFIG_DIR, ConfigError
from .diagnostics import Position, Report
from .linkcheck import broken_links
from .mentions import KINDS, Suggestions, suggest
from .opendata import FORMATS, export_files
from .output import replaced_on_success
from .pipeline import LoadedBriefing, load_briefing
from .scaffold import ScaffoldError, new_article, new_entity, write

EXIT_OK, EXIT_CONTENT_ERRORS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def _add_root(command: argparse.ArgumentParser) -> None:
    command.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: .)")


def _project(path: Path) -> Path:
    root = path.resolve()
    if not (root / CONFIG_DIR).is_dir():
        raise UsageError(f"{path} has no {CONFIG_DIR}/ folder: --root must be the project folder")
    return root


def _load(root: Path, articles: bool = True) -> tuple[LoadedBriefing | None, Report]:
    """The checked project, or None when site_config is unusable; problems in the report."""
    report = Report()
    try:
        return load_briefing(root, report, articles=articles), report
    except ConfigError as exc:
        report.error(Position(CONFIG_DIR, 0, 0), str(exc))
        return None, report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate content/ and site_config/; changes no file")
    _add_root(check)
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="github: workflow commands that annotate the pull request's lines")
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="check, then build the bilingual site with MkDocs")
    _add_root(build)
    build.add_argument("--site-dir", type=Path, help="where to write the site (default: ROOT/site)")
    build.add_argument("--drafts", action="store_true", help="include drafts, with a banner")
    build.add_argument("--check-links", action="store_true",
                       help="fail, keeping the previous site, if an internal link or #anchor is broken")
    build.set_defaults(run=_build, strict=False, format="text")
    export = commands.add_parser("export", help="write the open data files without building the site")
    _add_root(export)
    export.add_argument("--format", choices=FORMATS, action="append", required=True,
                        help="json, csv or geojson; repeat for several")
    export.add_argument("--out", type=Path, required=True, help="the folder to write into")
    export.add_argument("--drafts", action="store_true", help="include draft articles")
    export.set_defaults(run=_export, strict=False)
    suggest = commands.add_parser("suggest", help="actors and locations an article names, against its meta.yml")
    suggest.add_argument("path", type=Path, help="the article folder, content/articles/YYYY/SLUG")
    suggest.add_argument("--format", choices=("text", "json"), default="text")
    suggest.set_defaults(run=_suggest)
    new = commands.add_parser("new", help="start an article, actor, location or source").add_subparsers(
        dest="kind", required=True)
    article = new.add_parser("article", help="content/articles/YYYY/DATE-SLUG/")
    article.add_argument("--date", required=True, help="YYYY-MM-DD, YYYY-MM or YYYY")
    article.add_argument("--slug", required=True, help="short id in lowercase ASCII, e.g. coalition-sdf-rift")
    article.add_argument("--lang", choices=("ar", "en", "both"), default="both")
    for kind in ("actor", "location", "source"):
        entity = new.add_parser(kind, help=f"content/{kind}s/ID.yml")
        entity.add_argument("id", help="lowercase ASCII letters, digits and hyphens")
    for command in new.choices.values():
        _add_root(command)
        command.set_defaults(run=_new)
    return parser


def _check(args: argparse.Namespace) -> int:
    _, report = _load(_project(args.root), articles=False)
    formats = {"text": report.as_text, "json": report.as_json, "github": report.as_github}
    sys.stdout.write(formats[args.format]())
    failed = report.errors or (args.strict and report.warnings)
    return EXIT_CONTENT_ERRORS if failed else EXIT_OK


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds the build, so its half-written folder is removed


def _build(args: argparse.Namespace) -> int:
    from .render import RenderError, render_site  # imports MkDocs: only here, so that check starts quicker

    root = _project(args.root)
    loaded, report = _load(root)
    sys.stdout.write(report.as_text())
    if loaded is None or report.errors:
        return EXIT_CONTENT_ERRORS
    site_dir = (args.site_dir or root / "site").resolve()
    previous_handler = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with replaced_on_success(site_dir) as building:
            render_site(root, building, loaded, args.drafts)
            if args.check_links and (broken := next(broken_links(building, loaded.config.base_url), None)):
                raise RenderError(str(broken))
    except (OSError, RenderError) as exc:
        print(f"briefing: error: the site was not built, {site_dir} is unchanged: {exc}", file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    print(f"Site built in {site_dir}; to read it: python3 -m http.server -d {site_dir} 8000")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    loaded, report = _load(_project(args.root))
    if loaded is None or report.errors:
        sys.stdout.write(report.as_text())
        return EXIT_CONTENT_ERRORS
    files = export_files(loaded.briefing, loaded.config.base_url, args.format, args.drafts)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        partial = args.out / f".{name}.partial"
        partial.write_text(content, encoding="utf-8")
        partial.replace(args.out / name)  # a reader never sees a half-written file
        print(f"wrote {args.out / name}")
    return EXIT_OK


def _suggest(args: argparse.Namespace) -> int:
    folder = args.path.resolve()
    root = next((p for p in folder.parents if (p / CONFIG_DIR).is_dir()), None)
    if not folder.is_dir() or root is None:
        raise UsageError(f"{args.path} is not an article folder of a project")
    loaded, report = _load(root)
    article = loaded.briefing.articles.get(folder.name) if loaded else None
    if article is None:
        sys.stdout.write("".join(f"{d}\n" for d in report.errors))
        print(f"briefing: error: {args.path} could not be read as an article", file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    result = suggest(article, loaded.briefing, loaded.matcher)
    if args.format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(_suggestions_text(result))
    return EXIT_OK


def _suggestions_text(result: Suggestions) -> str:
    lines = []
    for kind in KINDS:
        lines.append(f"{kind}s named in the text:")
        for id_, count in sorted(result.counts[kind].items(), key=lambda item: (-item[1], item[0])):
            flag = "   not in meta.yml" if id_ in result.missing[kind] else ""
            lines.append(f"  {id_:<32} {count:>3}{flag}")
        if result.missing[kind]:
            lines.append(f"  add to meta.yml {kind}s: {', '.join(result.missing[kind])}")
        if result.unmentioned[kind]:
            lines.append(f"  listed but not named: {', '.join(result.unmentioned[kind])}")
    return "\n".join(lines) + "\n"


def _new(args: argparse.Namespace) -> int:
    root = _project(args.root)
    try:
        if args.kind == "article":
            languages = ("ar", "en") if args.lang == "both" else (args.lang,)
            files = new_article(root, args.date, args.slug, languages)
        else:
            files = new_entity(root, args.kind, args.id)
        write(files)
    except (ScaffoldError, OSError) as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_CONTENT_ERRORS
    for file in files:
        print(f"created {file.path.relative_to(root).as_posix()}")
    print("fill in the empty fields; 'briefing check' names each one")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())

"""The files that check, build and publish the site elsewhere: GitHub's workflows, our CI's
script, Netlify's and Cloudflare Pages' configuration. Each is read as its host reads it, and
the commands a content pull request meets are run here as the host would run them: in a
copy of the project as a clone has it (no node_modules, no site), with CI=true."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import REPO

WORKFLOWS = REPO / ".github/workflows"
PYTHON = "3.11"
"""The one Python every host builds with: the oldest pyproject.toml accepts."""
TOOL_FOLDERS = ["build_tools/**", "tests/**", "overrides/**", "benchmarks/**", "site_config/schemas/**"]
PACKAGING = ["package.json", "package-lock.json", "eslint.config.js", "pyproject.toml", "constraints.txt", "mkdocs.yml"]
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")
PULL_REQUEST_EXPRESSIONS = {
    "github.event.pull_request.number": "12",
    "steps.preview.outputs.artifact-url": "https://github.com/OWNER/REPO/actions/runs/3/artifacts/4",
}
"""What the runner gives the expressions of the content workflow, on pull request 12."""
HEAVY = re.compile(r"pytest|npm|apt-get|ruff|mypy|\[test\]")
"""What the content workflow must not run: the test suite (which would also run this module
again, from inside itself), npm, apt, linters, the test extras."""
NOTO_ARABIC = Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf")


def workflow(name: str) -> dict:
    """A workflow as GitHub reads it; PyYAML reads the key ``on`` as ``True``."""
    loaded = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    loaded["on"] = loaded.pop(True)
    return loaded


def steps(name: str, job: str) -> list[dict]:
    return workflow(name)["jobs"][job]["steps"]


def expand(value: str) -> str:
    """``value`` with each ``${{ … }}`` replaced as the runner would on pull request 12."""
    return EXPRESSION.sub(lambda found: PULL_REQUEST_EXPRESSIONS[found[1]], value)


def clean_copy(destination: Path) -> Path:
    """The project as a fresh clone of this working tree would have it: every file git
    tracks or would add (new files too), none it ignores (.venv, node_modules, site)."""
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def runner(tmp_path: Path, **variables: str) -> tuple[Path, dict[str, str]]:
    """A copy of the project and the environment of a host's build: a fresh Python first on
    PATH, as setup-python or Netlify's image gives one, with CI=true. Its packages stand in
    for the host's pip cache: the install step itself runs, finds the pinned packages there
    instead of downloading them, and installs the copy's own code."""
    root = clean_copy(tmp_path / "checkout")
    python = tmp_path / "python"
    subprocess.run([sys.executable, "-m", "venv", str(python)], check=True)
    site_packages = next(python.glob("lib/python*/site-packages"))
    (site_packages / "pinned-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    environment = {name: value for name, value in os.environ.items() if name not in ("VIRTUAL_ENV", "PYTHONPATH")}
    environment.update(PATH=f"{python / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin", CI="true", **variables)
    return root, environment


def run_step(script: str, root: Path, environment: dict[str, str]) -> subprocess.CompletedProcess:
    """A ``run:`` step as GitHub's ubuntu runner runs it: the script in a file, given to
    ``bash --noprofile --norc -eo pipefail``."""
    file = root.parent / "step.sh"
    file.write_text(script, encoding="utf-8")
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(file)], cwd=root,
                          env=environment, capture_output=True, text=True, timeout=900)


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda path: path.name)
def test_workflow_files_validate_against_the_github_schema(path: Path) -> None:
    result = subprocess.run([str(Path(sys.executable).with_name("check-jsonschema")), "--builtin-schema",
                             "vendor.github-workflows", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_pull_request_checks_the_content_without_the_test_suite() -> None:
    """Minutes, not tens of minutes: no browser, no npm, no apt, no tests, and no path filter."""
    check = workflow("check.yml")
    assert check["on"] == {"pull_request": None} and check["permissions"] == {"contents": "read"}
    scripts = [step["run"] for step in steps("check.yml", "check") if "run" in step]
    assert scripts[:3] == ["pip install -e . -c constraints.txt", "briefing check --strict --format github",
                           "briefing build --check-links"]
    assert not HEAVY.search("\n".join(scripts))
    python = next(step["with"] for step in steps("check.yml", "check") if step.get("uses", "").startswith(
        "actions/setup-python@"))
    assert python["python-version"] == PYTHON and python["cache"] == "pip"
    for listed in python["cache-dependency-path"].split():  # setup-python fails when one matches no file
        assert (REPO / listed).is_file()
    upload = next(step for step in steps("check.yml", "check") if step.get("uses", "").startswith(
        "actions/upload-artifact@"))
    assert re.fullmatch(r"actions/upload-artifact@v\d+", upload["uses"])
    assert (expand(upload["with"]["name"]), upload["with"]["path"]) == ("site-preview-pr-12", "site")


def test_main_is_published_with_github_pages_from_the_last_build() -> None:
    publish = workflow("publish.yml")
    assert publish["on"]["push"] == {"branches": ["main"]}
    uses = [step.get("uses", "") for job in publish["jobs"].values() for step in job["steps"]]
    assert "actions/upload-pages-artifact@v3" in uses and "actions/deploy-pages@v4" in uses
    cached = next(step["with"] for step in steps("publish.yml", "build") if step.get("uses") == "actions/cache@v4")
    assert cached["path"].split() == [".briefing-cache", "site"]
    assert cached["key"].endswith("${{ github.sha }}") and cached["key"].startswith(cached["restore-keys"])


@pytest.mark.slow
def test_each_step_of_the_content_workflow_runs_in_a_clean_clone(tmp_path: Path) -> None:
    """Every ``run:`` step in order, as the runner would: a clean copy, CI=true and
    GITHUB_ACTIONS=true, no node_modules, expressions only through ``env:``."""
    scripts = [step["run"] for step in steps("check.yml", "check") if "run" in step]
    assert not HEAVY.search("\n".join(scripts)), "the content workflow runs no test suite"
    summary = tmp_path / "step-summary.md"
    root, environment = runner(tmp_path, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    for step in steps("check.yml", "check"):
        if "run" not in step:
            continue
        assert "${{" not in step["run"], f"{step['name']}: pass expressions through env:, never into the script"
        result = run_step(step["run"], root, {**environment, **{k: expand(v) for k, v in step.get("env", {}).items()}})
        assert result.returncode == 0, f"{step['name']}:\n{result.stdout}\n{result.stderr}"
    where = subprocess.run(["python", "-c", "import build_tools; print(build_tools.__file__)"], cwd=tmp_path,
                           env=environment, capture_output=True, text=True, check=True).stdout
    assert Path(where.strip()).is_relative_to(root), "the steps ran this repository's code, not the clone's"
    assert {"index.html", "_headers", "404.html", "ar", "en"} <= {path.name for path in (root / "site").iterdir()}
    assert not (root / "node_modules").exists()
    shown = summary.read_text(encoding="utf-8")
    assert shown.startswith("### Preview: [site-preview-pr-12](https://github.com/OWNER/REPO/actions/runs/3/artifacts/4)")
    assert "`python3 -m http.server -d site-preview-pr-12 8000`" in shown


def test_the_tool_workflow_and_our_ci_run_one_script() -> None:
    """The tool's tests, in one script that .ci/run and GitHub's tool workflow both call, so
    what they install and run cannot drift apart; it runs the README's two commands."""
    ci_run = (REPO / ".ci/run").read_text(encoding="utf-8")
    assert [line for line in ci_run.splitlines() if not line.startswith("#")] == [
        "set -euo pipefail", 'exec bash "$(dirname "$0")/test-tool"']
    tool = workflow("tool.yml")
    scripts = [step["run"] for step in tool["jobs"]["test"]["steps"] if "run" in step]
    assert scripts == ["bash .ci/test-tool"]
    test_tool = (REPO / ".ci/test-tool").read_text(encoding="utf-8").splitlines()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    readme_commands = readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert len(readme_commands) == 2 and readme_commands[1].endswith(".venv/bin/python -m pytest")
    ordered = ["bash .ci/install-system-packages", "npm ci --no-audit --no-fund --ignore-scripts", *readme_commands,
               ".venv/bin/python benchmarks/fuzz_markdown.py --seconds 60"]
    assert [line.removeprefix("(").removesuffix(")") for line in test_tool
            if line.removeprefix("(").removesuffix(")") in ordered] == ordered


STUB = "#!/bin/sh\necho \"$0 $*\" >> \"$CALLS\"\nexit {code}\n"


def _stub(path: Path, code: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(STUB.format(code=code), encoding="utf-8")
    path.chmod(0o755)


@pytest.mark.parametrize("failing", ["pip", "briefing", "ruff", "mypy"])
def test_the_tool_script_fails_when_any_command_of_the_readme_fails(tmp_path: Path, failing: str) -> None:
    """set -e lets a failure inside an && list go by: "ruff && mypy && pytest" failing at
    ruff once went on to the fuzzing pass and a green CI. Each tool is a stub here, one of
    them failing: the script must stop there, with its status."""
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci/test-tool").write_text((REPO / ".ci/test-tool").read_text(encoding="utf-8"), encoding="utf-8")
    _stub(tmp_path / ".ci/install-system-packages")
    tools = tmp_path / "tools"
    _stub(tools / "npm")
    venv = tmp_path / ".venv/bin"
    for name in ("pip", "briefing", "ruff", "mypy", "python"):
        _stub(venv / name, 1 if name == failing else 0)
    (tools / "python3").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")  # "-m venv .venv": made above
    (tools / "python3").chmod(0o755)
    calls = tmp_path / "calls"
    result = subprocess.run(["bash", str(tmp_path / ".ci/test-tool")], capture_output=True, text=True,
                            env={"PATH": f"{tools}:/usr/bin:/bin", "CALLS": str(calls)})
    ran = calls.read_text(encoding="utf-8")
    assert result.returncode == 1 and f"/{failing} " in ran and "fuzz_markdown" not in ran


def test_the_tool_workflow_runs_only_when_the_tool_changes() -> None:
    """Pull requests and pushes to main, each filtered by the same paths; every path names
    something that exists (a misspelt one would never trigger)."""
    triggers = workflow("tool.yml")["on"]
    assert triggers["push"]["branches"] == ["main"]
    paths = triggers["pull_request"]["paths"]
    assert triggers["push"]["paths"] == paths
    assert set(TOOL_FOLDERS + PACKAGING + [".ci/**", ".github/workflows/**"]) <= set(paths)
    for pattern in paths:
        assert any(REPO.glob(pattern)), pattern


def apt_calls(packages: str, uid: str) -> list[str]:
    """What apt-get (and sudo, when not root) are asked, to install ``packages``."""
    sudo = "" if uid == "0" else "sudo --non-interactive env DEBIAN_FRONTEND=noninteractive apt-get "
    calls = []
    for arguments in ("update", f"install -y --no-install-recommends {packages}"):
        calls += [sudo + arguments] if sudo else []
        calls.append(f"apt-get {arguments} (DEBIAN_FRONTEND=noninteractive)")
    return calls


@pytest.mark.parametrize("uid", ["0", "1001"])
def test_what_pip_cannot_install_comes_from_apt_as_root_or_through_sudo(tmp_path: Path, uid: str) -> None:
    """On a machine with none of the browser, Node.js and Java: apt-get installs them, as
    root on our CI, through sudo on a GitHub runner (whose user is not root); once they
    are there, nothing is installed."""
    stubs = tmp_path / "bin"
    stubs.mkdir()
    log = tmp_path / "calls.log"
    for name, body in {"id": f"echo {uid}", "sudo": f'echo "sudo $*" >> {log}; shift; exec "$@"',
                       "apt-get": f'echo "apt-get $* (DEBIAN_FRONTEND=$DEBIAN_FRONTEND)" >> {log}'}.items():
        (stubs / name).write_text(f"#!/bin/bash\n{body}\n", encoding="utf-8")
        (stubs / name).chmod(0o755)
    (stubs / "env").symlink_to(str(shutil.which("env")))

    def install() -> list[str]:
        log.unlink(missing_ok=True)
        result = subprocess.run([str(shutil.which("bash")), str(REPO / ".ci/install-system-packages")],
                                env={"PATH": str(stubs)}, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return log.read_text(encoding="utf-8").splitlines() if log.exists() else []

    font = [] if NOTO_ARABIC.is_file() else ["fonts-noto-core"]
    assert install() == apt_calls(" ".join(["chromium", "fonts-dejavu-core", *font, "nodejs", "npm",
                                            "default-jre-headless"]), uid)
    for present in ("google-chrome", "npm", "java"):
        (stubs / present).symlink_to(stubs / "id")
    assert install() == (apt_calls("fonts-noto-core", uid) if font else [])


def hosts() -> tuple[dict, dict]:
    with (REPO / "netlify.toml").open("rb") as netlify, (REPO / "wrangler.toml").open("rb") as wrangler:
        return tomllib.load(netlify), tomllib.load(wrangler)


def test_every_host_builds_with_one_python_and_one_command() -> None:
    """Netlify, Cloudflare Pages (its dashboard settings, written in wrangler.toml and the
    guides) and GitHub's workflows: the same Python, command and folder."""
    netlify, wrangler = hosts()
    assert netlify["build"]["environment"] == {"PYTHON_VERSION": PYTHON}
    for name, job in (("check.yml", "check"), ("tool.yml", "test"), ("publish.yml", "build")):
        assert [step["with"]["python-version"] for step in steps(name, job)
                if step.get("uses", "").startswith("actions/setup-python@")] == [PYTHON], name
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["requires-python"] == f">={PYTHON}"
    command = netlify["build"]["command"]
    assert command == "pip install -e . -c constraints.txt && briefing build --check-links"
    assert f"Build command:          {command}" in (REPO / "wrangler.toml").read_text(encoding="utf-8")
    for guide in ("en", "ar"):
        assert command in (REPO / f"docs/pages/editors-guide.{guide}.md").read_text(encoding="utf-8")
    assert netlify["build"]["publish"] == wrangler["pages_build_output_dir"] == "site"
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", wrangler["name"])
    assert datetime.date.fromisoformat(wrangler["compatibility_date"]) <= datetime.date.today()


@pytest.mark.slow
def test_netlify_builds_the_site_with_its_headers(tmp_path: Path) -> None:
    """netlify.toml's command, run as Netlify runs it in a copy of the project, builds the
    site with its ``_headers``; netlify.toml repeats none (a stale second policy would block
    scripts), and the file keeps within Cloudflare Pages' limits (100 rules, 2,000
    characters a line)."""
    netlify, _ = hosts()
    assert "headers" not in netlify
    root, environment = runner(tmp_path, NETLIFY="true", CONTEXT="deploy-preview", **netlify["build"]["environment"])
    result = run_step(netlify["build"]["command"], root, environment)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / netlify["build"]["publish"]
    assert (site / "index.html").is_file() and (site / "_redirects").is_file()
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"]
    assert sum(not line.startswith(" ") for line in lines) <= 100
    assert max(len(line) for line in lines) <= 2000

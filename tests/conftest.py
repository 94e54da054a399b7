"""Shared fixtures: the loaded handbook and MkDocs config, one strict build of the site per test
run, a local server, a browser.

``HANDBOOK_ROOT`` points the suite at another copy of the project (the scaffolding test uses it
to run the structural tests on a copy with new content).

The site is built through MkDocs' Python API (``mkdocs build -q`` hides warnings and can exit
0 on a strict failure, so it is not used). Browser tests drive Debian's Chromium through
Playwright; without a browser they skip with instructions, except under ``CI=true``, where a
missing browser fails the run.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = Path(os.environ.get("HANDBOOK_ROOT") or TESTS.parent).resolve()
sys.path.insert(0, str(TESTS.parent))
sys.path.insert(0, str(TESTS.parent / "scripts"))
sys.path.insert(0, str(TESTS))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - the flags every browser run uses: no sandbox, no background network

IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")
# True once every widget that starts after the page's load (overrides/assets/later.js) is drawn: a
# check of a whole page as readers see it waits for this after the load event.
WIDGETS_STARTED = "!window.HandbookLater || window.HandbookLater.done === true"
PROJECT_FILES = ["mkdocs.yml", "docs", "data", "macros", "overrides", "includes"]


def build(project: Path, dest: Path) -> Path:
    """Strictly build ``project`` into ``dest``; fail the test with MkDocs' own messages on error."""
    from handbook import build_site

    code = build_site(dest, strict=True, config_file=project / "mkdocs.yml", quiet=True)
    if code != 0:
        pytest.fail(f"strict build of {project} failed (exit {code}); see captured stderr")
    return dest


def copy_project(dest: Path) -> Path:
    """A copy of the files a build needs, for tests that change data or build without git."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


def load_config(project: Path = ROOT):
    """mkdocs.yml as MkDocs reads it (environment tags resolved, defaults filled in)."""
    from mkdocs.config import load_config as mkdocs_load_config

    return mkdocs_load_config(config_file=str(project / "mkdocs.yml"))


@pytest.fixture(scope="session")
def mkdocs_config():
    return load_config()


@functools.lru_cache(maxsize=1)
def load_book():
    from macros.loader import load_handbook

    return load_handbook(ROOT / "data", ROOT, ROOT / "docs")


@pytest.fixture(scope="session")
def handbook():
    """The real handbook's data, loaded and cross-checked as the build does."""
    return load_book()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``long`` go first, so the xdist workers end together instead of one waiting
    on a long test that started last (longest-first scheduling). Otherwise the order is kept."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test taking ``assessment_id`` runs once per assessment in data/, whatever their number."""
    if "assessment_id" in metafunc.fixturenames:
        metafunc.parametrize("assessment_id", sorted(load_book().assessments))


def docs_sources(project: Path = ROOT) -> list[str]:
    """Every page source under docs/, as 'programs/x/week-1.md'."""
    return sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md"))


def built_path(src: str) -> str:
    """Where the build writes a page source: 'a/b.md' -> 'a/b/index.html', 'a/index.md' -> 'a/index.html'."""
    if src == "index.md" or src.endswith("/index.md"):
        return src[: -len(".md")] + ".html"
    return src[: -len(".md")] + "/index.html"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real handbook, built once per run; or the site HANDBOOK_SITE names (`make test` builds site/
    first, so CI tests and deploys the same files). A relative HANDBOOK_SITE is this checkout's own
    site; with HANDBOOK_ROOT, only an absolute HANDBOOK_SITE (that copy's site) is used."""
    prebuilt = os.environ.get("HANDBOOK_SITE")
    if prebuilt and (ROOT == TESTS.parent or Path(prebuilt).is_absolute()):
        path = (TESTS.parent / prebuilt).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"HANDBOOK_SITE={prebuilt}: no built site there; run make build first")
        return path
    return build(ROOT, tmp_path_factory.mktemp("build") / "site")


@pytest.fixture(scope="session")
def exported_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook as an export without .git (a tarball, a shallow checkout) gives it, built strictly
    once for the tests that need such a build; they share the xdist group "exported"."""
    project = copy_project(tmp_path_factory.mktemp("export") / "project")
    assert not (project / ".git").exists()
    return build(project, project.parent / "site")


@pytest.fixture(scope="session")
def pages(site: Path):
    """Every built HTML page, parsed."""
    from htmlscan import scan

    return {path.relative_to(site).as_posix(): scan(path.read_text("utf-8")) for path in sorted(site.rglob("*.html"))}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def serve_dir(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    server, url = serve_dir(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = (
            f"Chromium not found at {CHROMIUM}. Install Debian's browser with "
            "'sudo apt-get install chromium', or point CHROMIUM_PATH at a Chromium binary."
        )
        if IN_CI:
            pytest.fail(message + " (CI=true: browser tests may not be skipped)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, base_url: str):
    """A fresh browser context (empty storage) and page; console errors are collected."""
    context = browser.new_context(base_url=base_url, accept_downloads=True)
    tab = context.new_page()
    tab.console_errors = []  # type: ignore[attr-defined]
    tab.on("console", lambda msg: msg.type == "error" and tab.console_errors.append(msg.text))  # type: ignore[attr-defined]
    tab.on("pageerror", lambda err: tab.console_errors.append(str(err)))  # type: ignore[attr-defined]
    yield tab
    context.close()


def git_available() -> bool:
    return (
        shutil.which("git") is not None
        and subprocess.run(["git", "-C", str(ROOT), "rev-parse"], capture_output=True).returncode == 0
    )


NODE_BIN = ROOT / "node_modules" / ".bin"


@pytest.fixture(scope="session")
def node_tools() -> Path:
    """node_modules/ from package-lock.json (axe-core, html-validate); `make test` installs it."""
    if not (NODE_BIN / "html-validate").exists() or not (ROOT / "node_modules" / "axe-core" / "axe.min.js").exists():
        message = "Node tools missing: install Node.js and npm, then run 'npm ci' (make test does this when npm exists)"
        if IN_CI:
            pytest.fail(message + " (CI=true: these checks may not be skipped)")
        pytest.skip(message)
    return NODE_BIN

"""The writer's preview (`make serve`): an edit rebuilds what it affects and nothing else, the
result is exactly what a full build makes, and what a strict build would stop on is shown."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from preview import Preview, banner, make_server

from conftest import copy_project

# The module's tests share one preview of one copied project, so they run on one xdist worker.
pytestmark = [pytest.mark.long, pytest.mark.xdist_group("preview")]

SITE_URL = "http://127.0.0.1:8000/"
PAGE = "docs/frameworks/systems-thinking.md"
UNRELATED = "frameworks/goodharts-law/index.html"


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Preview:
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    site = Preview(project / "mkdocs.yml", project / "preview-site", SITE_URL)
    site.full()
    assert site.problems == [], site.problems
    return site


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text("utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}; pick another phrase for this test"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text


def mtime(site: Preview, built: str) -> int:
    return (site.site_dir / built).stat().st_mtime_ns


def test_a_page_edit_rebuilds_that_page_alone_exactly_as_a_full_build_does(preview, tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    page = preview.root / PAGE
    original = edit(page, "# Systems thinking\n", "# Systems thinking\n\nA sentence added in the preview.\n")
    before = mtime(preview, UNRELATED)
    try:
        assert preview.apply({page}) == "frameworks/systems-thinking.md"
        built = (preview.site_dir / "frameworks/systems-thinking/index.html").read_text("utf-8")
        assert "A sentence added in the preview." in built
        assert mtime(preview, UNRELATED) == before, "a page the edit cannot affect was rebuilt"
        full = tmp_path / "full"
        build(load_config(str(preview.config_file), site_dir=str(full), site_url=SITE_URL, strict=True))
        assert built == (full / "frameworks/systems-thinking/index.html").read_text("utf-8")
    finally:
        page.write_text(original, "utf-8")
        preview.apply({page})


def test_a_broken_link_is_reported_on_every_page_until_it_is_fixed(preview):
    page = preview.root / PAGE
    original = edit(page, "# Systems thinking\n", "# Systems thinking\n\nSee [this](no-such-page.md).\n")
    try:
        preview.apply({page})
        assert any("no-such-page.md" in line for line in preview.problems), preview.problems
    finally:
        page.write_text(original, "utf-8")
        preview.apply({page})
    assert preview.problems == []


def test_the_problem_banner_escapes_what_it_quotes():
    html = banner(["docs/x.md: <script>alert(1)</script>"]).decode()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'role="alert"' in html


def test_a_data_edit_renders_again_only_the_pages_whose_text_changed(preview):
    data = preview.root / "data/programs/leadership-cohort/week-1.yml"
    goal = "Draw the informal decision map"
    original = edit(data, goal, "Sketch the informal decision map")
    before = mtime(preview, UNRELATED)
    try:
        done = preview.apply({data})
        assert done.startswith("data reloaded"), done
        week = (preview.site_dir / "programs/leadership-cohort/week-1/index.html").read_text("utf-8")
        assert "Sketch the informal decision map" in week
        assert mtime(preview, UNRELATED) == before, "a page that does not use the edited data was rebuilt"
    finally:
        data.write_text(original, "utf-8")
        preview.apply({data})


def test_invalid_data_is_reported_and_the_pages_stay_as_they_were(preview):
    data = preview.root / "data/programs/leadership-cohort/week-1.yml"
    original = edit(data, "goals:", "goalz:")
    week = preview.site_dir / "programs/leadership-cohort/week-1/index.html"
    before = week.read_text("utf-8")
    try:
        preview.apply({data})
        assert any("week-1.yml" in line and "goalz" in line for line in preview.problems), preview.problems
        assert week.read_text("utf-8") == before
    finally:
        data.write_text(original, "utf-8")
        preview.apply({data})
    assert preview.problems == []


def test_a_new_title_reaches_the_navigation_of_other_pages(preview):
    page = preview.root / "docs/programs/leadership-cohort/week-2.md"
    text = page.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    # The title must match the unit's data, so change both, as a writer renaming a week would.
    data = preview.root / "data/programs/leadership-cohort/week-2.yml"
    data_text = data.read_text("utf-8")
    old = title.split(":", 2)[-1].strip().strip("\"'")
    try:
        edit(data, old, old + " renamed")
        page.write_text(text.replace(f"{old}\"", f"{old} renamed\"").replace(f"{old}\n", f"{old} renamed\n"), "utf-8")
        assert preview.apply({page, data}) == "rebuilt every page"
        assert preview.problems == [], preview.problems
        other = (preview.site_dir / "programs/leadership-cohort/week-1/index.html").read_text("utf-8")
        assert old + " renamed" in other
    finally:
        page.write_text(text, "utf-8")
        data.write_text(data_text, "utf-8")
        preview.apply({page, data})
    assert preview.problems == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_the_server_shows_a_saved_edit_without_being_asked(preview):
    port = _free_port()
    server = make_server(preview, "127.0.0.1", port)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}/"
    page = preview.root / PAGE
    try:
        for _ in range(100):
            try:
                _get(base)
                break
            except OSError:
                time.sleep(0.05)
        assert "livereload" in _get(base + "frameworks/systems-thinking/")
        original = edit(page, "# Systems thinking\n", "# Systems thinking\n\nSaved while serving.\n")
        try:
            deadline = time.monotonic() + 10
            while "Saved while serving." not in _get(base + "frameworks/systems-thinking/"):
                assert time.monotonic() < deadline, "the edit never reached the served page"
                time.sleep(0.05)
        finally:
            page.write_text(original, "utf-8")
        assert "<article" in _get(base + "print/"), "the print edition is written when it is first asked for"
    finally:
        server.shutdown(wait=True)

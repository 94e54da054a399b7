"""One place per change: the scaffolder adds a unit, template, assessment or framework page that builds
strictly and keeps every structural promise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, TESTS, build, copy_project

# The module's tests share one scaffolded copy and its build, so they run on one xdist worker.
pytestmark = [pytest.mark.long, pytest.mark.xdist_group("scaffold")]

STRUCTURAL = [
    "test_programs.py",
    "test_checklists.py",
    "test_templates.py",
    "test_assessments.py",
    "test_wayfinding.py",
    "test_pages.py",
    "test_site.py",
    "test_cases.py",
    "test_examples.py",
]


def new(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "handbook.py"), "new", *args, "--root", str(project)],
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("scaffold") / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    shutil.copytree(ROOT / "tests" / "fixtures", project / "tests" / "fixtures")
    shutil.copy2(ROOT / "tests" / "checklist-ids.txt", project / "tests" / "checklist-ids.txt")
    for args in (
        ("unit", "leadership-cohort", "--title", "Leading through change"),
        ("template", "stakeholder-map", "--title", "Stakeholder map"),
        ("assessment", "feedback-habits", "--title", "Feedback habits"),
        ("framework", "conways-law", "--title", "Conway's law"),
        ("case", "example-outage", "--title", "An example outage"),
    ):
        result = new(project, *args)
        assert result.returncode == 0, result.stderr
        assert "added it to nav in mkdocs.yml" in result.stdout
    return project


def test_each_kind_is_one_data_entry_and_one_page_in_the_nav(scaffolded):
    nav = (scaffolded / "mkdocs.yml").read_text("utf-8")
    for entry in (
        "- programs/leadership-cohort/week-6.md",
        '"Stakeholder map": templates/stakeholder-map.md',
        '"Feedback habits": assessments/feedback-habits.md',
        "\"Conway's law\": frameworks/conways-law.md",
        "- cases/example-outage.md",
    ):
        assert entry in nav
    assert (scaffolded / "data" / "programs" / "leadership-cohort" / "week-6.yml").is_file()
    assert (scaffolded / "data" / "templates" / "stakeholder-map.yml").is_file()
    assert (scaffolded / "data" / "assessments" / "feedback-habits.yml").is_file()
    assert (scaffolded / "data" / "cases" / "example-outage.yml").is_file()
    page = (scaffolded / "docs" / "programs" / "leadership-cohort" / "week-6.md").read_text("utf-8")
    assert 'title: "Week 6: Leading through change"' in page and "draft: true" in page


@pytest.fixture(scope="module")
def scaffolded_site(scaffolded) -> Path:
    return build(scaffolded, scaffolded.parent / "site")


def test_scaffolded_content_builds_strictly_and_shows_as_draft(scaffolded_site):
    site = scaffolded_site
    week = (site / "programs" / "leadership-cohort" / "week-6" / "index.html").read_text("utf-8")
    assert "Week 6: Leading through change" in week and "This page is a draft" in week
    assert (site / "downloads" / "templates" / "stakeholder-map-minimal.md").is_file()
    assert (site / "assessments" / "feedback-habits" / "index.html").is_file()
    assert (site / "frameworks" / "conways-law" / "index.html").is_file()


def test_the_structural_promises_hold_for_scaffolded_content(scaffolded, scaffolded_site):
    env = {**os.environ, "HANDBOOK_ROOT": str(scaffolded), "HANDBOOK_SITE": str(scaffolded_site)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", "-m", "not browser",
         *[str(TESTS / name) for name in STRUCTURAL]],
        capture_output=True,
        text=True,
        env=env,
        cwd=TESTS.parent,
    )
    assert result.returncode == 0, result.stdout[-4000:]


def test_an_existing_id_is_refused(scaffolded):
    again = new(scaffolded, "template", "stakeholder-map", "--title", "Again")
    assert again.returncode == 1 and "data/templates/stakeholder-map.yml already exists" in again.stderr
    unknown = new(scaffolded, "unit", "no-such-program", "--title", "X")
    assert unknown.returncode == 1 and "no program 'no-such-program'" in unknown.stderr
